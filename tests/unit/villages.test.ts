/**
 * The 1945 villages (data/villages-1945.json): the file is checked on load, its totals match
 * data/populations.json, and a cut island's 1945 residents are counted by village seat with the same
 * side rule as everything else (sideOfPoint).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon } from 'geojson';
import { VILLAGES, VILLAGE_PROBLEMS, validateVillages } from '../../src/data/villages.ts';
import { TABLES } from '../../src/data/tables.ts';
import { computeOption, customOption } from '../../src/geo/shares.ts';
import { prepareTerritory, sideOfPoint, solvePartition } from '../../src/geo/partition.ts';
import { villageSide, type Village1945 } from '../../src/geo/villages.ts';
import { loadShareContext } from '../../scripts/lib/load-node.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = () => JSON.parse(readFileSync(join(ROOT, 'data/villages-1945.json'), 'utf8'));
const totals = Object.fromEntries(TABLES.populations!.islands.map((p) => [p.id, p.japanese_1945]));
const ctx = loadShareContext();

describe('data/villages-1945.json', () => {
  it('loads without problems', () => {
    expect(VILLAGE_PROBLEMS).toEqual([]);
    expect(VILLAGES).not.toBeNull();
  });

  it('holds the eleven entries of hoppou.go.jp: 3,124 households and 17,291 persons', () => {
    const v = VILLAGES!.villages;
    expect(v.map((x) => x.id)).toEqual([
      'rubetsu',
      'shana',
      'shibetoro',
      'tomari',
      'ruyobetsu',
      'shikotan',
      'habomai-suisho',
      'habomai-akiyuri',
      'habomai-yuri',
      'habomai-shibotsu',
      'habomai-taraku',
    ]);
    expect(v.reduce((s, x) => s + x.households, 0)).toBe(3124);
    expect(v.reduce((s, x) => s + x.population, 0)).toBe(17291);
  });

  it('the villages of each island add up to its 1945 total in data/populations.json', () => {
    for (const [island, total] of Object.entries(totals)) {
      expect(VILLAGES!.villages.filter((v) => v.island === island).reduce((s, v) => s + v.population, 0)).toBe(total);
    }
  });

  it('every seat of kind point lies on its island', () => {
    for (const v of VILLAGES!.villages) {
      if (v.seat?.kind !== 'point') continue;
      const island = ctx.islands.get(v.island)!;
      // A whole-island partition: the side rule puts a point of the island on Japan's side.
      const whole = solvePartition(island.prepared, 0, { fraction: 1 });
      expect(sideOfPoint(island.prepared, whole, [v.seat.lon, v.seat.lat]), v.id).toBe('japan');
      const mp = island.feature.geometry as MultiPolygon;
      expect(mp.coordinates.length).toBeGreaterThan(0);
    }
  });

  it('refuses a broken file with the place of each problem', () => {
    const bad = raw();
    bad.villages[0].population = -1;
    bad.villages[1].island = 'etorofo';
    bad.villages[2].seat = { kind: 'disc', lon: 149, lat: 95, radius_km: 0 };
    bad.villages[3].sources = ['nowhere'];
    const r = validateVillages(bad, totals);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((p) => `${p.where} ${p.field} ${p.message}`).join('\n');
    expect(text).toMatch(/villages\[0\] population must be a whole number/);
    expect(text).toMatch(/villages\[1\] island "etorofo" is not one of/);
    expect(text).toMatch(/villages\[2\] seat\.lat latitude 95/);
    expect(text).toMatch(/villages\[2\] seat\.radius_km must be a positive/);
    expect(text).toMatch(/villages\[3\] sources\[0\] "nowhere" is not in the file's sources/);
  });

  it('refuses totals that do not match the islands unless the difference is explained', () => {
    const short = raw();
    short.villages.find((v: { id: string }) => v.id === 'tomari').population -= 10;
    const r = validateVillages(short, totals);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toMatch(
        /kunashiri: the villages hold 7354 residents, but kunashiri's 1945 total is 7364/,
      );
    short.differences = [
      { island: 'kunashiri', persons: 10, explanation: 'test: ten residents not listed by village' },
    ];
    expect(validateVillages(short, totals).ok).toBe(true);
  });

  it('refuses a source that points into the repository', () => {
    const bad = raw();
    bad.sources[0].title = 'see data/populations.json';
    expect(validateVillages(bad, totals).ok).toBe(false);
  });
});

describe('1945 residents by village seat', () => {
  const etorofu = ctx.islands.get('etorofu')!;

  it('a point seat takes the side of sideOfPoint; a disc seat a side only when all the island inside agrees', () => {
    const shana = VILLAGES!.villages.find((v) => v.id === 'shana')! as Village1945;
    const shibetoro = VILLAGES!.villages.find((v) => v.id === 'shibetoro')! as Village1945;
    const south = solvePartition(etorofu.prepared, etorofu.prepared.longAxisBearingDeg + 90, { fraction: 0.2 });
    expect(villageSide(etorofu.prepared, south, shana)).toBe('russia');
    expect(villageSide(etorofu.prepared, south, shibetoro)).toBe('russia');
    const most = solvePartition(etorofu.prepared, etorofu.prepared.longAxisBearingDeg + 90, { fraction: 0.97 });
    expect(villageSide(etorofu.prepared, most, shana)).toBe('japan');
    // At 97 % the line crosses the north-east end, inside Shibetoro's disc: the village is not located.
    expect(villageSide(etorofu.prepared, most, shibetoro)).toBe('not-located');
    expect(villageSide(etorofu.prepared, most, { ...shibetoro, seat: null })).toBe('not-located');
  });

  it('the equal-area split: three islands to Japan; Shana and Shibetoro to Russia; Rubetsu not located', () => {
    for (const basis of ['geodesic', 'official'] as const) {
      const r = computeOption(
        ctx,
        {
          id: 'equal-area',
          name: 'x',
          islands_whole: ['habomai', 'shikotan', 'kunashiri'],
          cut: { island: 'etorofu', total_share: 0.5 },
        },
        basis,
      );
      expect(r.people.japanese1945).toEqual({ japan: 5281 + 1038 + 7364, russia: 1001 + 349, unsplit: 2258 });
    }
  });

  it('a cut of Habomai counts its residents island by island', () => {
    const r = computeOption(ctx, customOption(ctx, 0.01, 'official'), 'official');
    expect(r.cut?.island).toBe('habomai');
    const sides = Object.fromEntries(r.people.cutVillages1945.map((v) => [v.id, v.side]));
    expect(Object.keys(sides)).toHaveLength(5);
    expect(Object.values(sides).every((s) => s !== 'not-located')).toBe(true);
    // The islet nearest Cape Nosappu (Suisho) goes first.
    expect(sides['habomai-suisho']).toBe('japan');
    expect(r.people.japanese1945.unsplit).toBe(0);
    expect(r.people.japanese1945.japan + r.people.japanese1945.russia).toBe(17291);
  });

  it('an island outside a cut is counted whole, as before', () => {
    const r = computeOption(ctx, { id: 't', name: 't', islands_whole: ['habomai', 'shikotan'], cut: null }, 'official');
    expect(r.people.japanese1945).toEqual({ japan: 6319, russia: 10972, unsplit: 0 });
    expect(r.people.cutVillages1945).toEqual([]);
  });

  it('prepareTerritory of a village island keeps its polygons (the disc test reads their vertices)', () => {
    const prep = prepareTerritory(etorofu.feature.geometry);
    expect(prep.polygons[0]![0]!.lonlat.length).toBeGreaterThan(100);
  });
});
