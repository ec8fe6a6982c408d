/**
 * Precedents: the data files are checked, the measuring code is right on constructed cases, the treaty
 * line matches its published length, and the CLI prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineString, Polygon } from 'geojson';
import { checkPrecedentsTable, validatePrecedentFeatures } from '../../src/data/precedents.ts';
import {
  geodesicLine,
  impliedShare,
  lineLengthKm,
  measureDivision,
  parallelLine,
  parseDms,
  precedentFigures,
  type PrecedentFeature,
} from '../../src/geo/precedents.ts';
import { geometryAreaKm2 } from '../../src/geo/geodesic.ts';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import { feature } from '@turf/helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const table = () => JSON.parse(readFileSync(join(ROOT, 'data/precedents.json'), 'utf8'));
const geo = () => JSON.parse(readFileSync(join(ROOT, 'geo/precedents.geojson'), 'utf8'));

describe('data files', () => {
  it('data/precedents.json is well formed and every source is a publication', () => {
    expect(checkPrecedentsTable(table())).toEqual([]);
  });

  it('a broken table is refused with the place of each problem', () => {
    const t = table();
    t.cases[0].sources.push('nowhere');
    t.cases[2].turning_points[1].lat = '73°71′10.85″';
    t.sources[0].url = 'http://example.com';
    const msgs = checkPrecedentsTable(t).map((p) => `${p.path}: ${p.message}`);
    expect(msgs.some((m) => /cases\[0\]\.sources\[7\]: "nowhere" is not in the file's sources/.test(m))).toBe(true);
    expect(msgs.some((m) => /turning_points\[1\]\.lat: minutes or seconds out of range/.test(m))).toBe(true);
    expect(msgs.some((m) => /sources\[0\]\.url: must be an https URL/.test(m))).toBe(true);
  });

  it('every case reads in Japanese and Russian: a missing translation is refused with its place', () => {
    const t = table();
    for (const c of t.cases)
      for (const lang of ['ja', 'ru']) {
        expect(c.texts[lang].name.trim().length, `${c.id} ${lang}`).toBeGreaterThan(0);
        // Translations, not copies of the English.
        expect(c.texts[lang].name).not.toBe(c.name);
        expect(c.texts[lang].instrument).not.toBe(c.instrument);
      }
    delete t.cases[0].texts.ru;
    t.cases[1].texts.ja.name = ' ';
    delete t.cases[2].texts.ja.wording;
    delete t.cases[2].texts.ru.turning_point_notes['3'];
    const msgs = checkPrecedentsTable(t).map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toEqual([
      'cases[0].texts.ru: is missing',
      'cases[1].texts.ja.name: is missing',
      'cases[2].texts.ja.wording: is missing (the case publishes a wording)',
      'cases[2].texts.ru.turning_point_notes.3: is missing (the point has a note)',
    ]);
  });

  it('geo/precedents.geojson validates and names only known cases and kinds', () => {
    const ids = table().cases.map((c: { id: string }) => c.id);
    const r = validatePrecedentFeatures(geo(), ids);
    expect(r.ok).toBe(true);
    const bad = geo();
    bad.features[0].properties.kind = 'guess';
    const b = validatePrecedentFeatures(bad, ids);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.problems[0]!.message).toMatch(/kind "guess" is not one of/);
    // An outline whose figures the panel could not print is refused at its place.
    const badOutline = geo();
    const at = badOutline.features.findIndex((f: PrecedentFeature) => f.properties.outline);
    badOutline.features[at].properties.outline.published_km2 = ['370.3'];
    const o = validatePrecedentFeatures(badOutline, ids);
    expect(o.ok).toBe(false);
    if (!o.ok)
      expect(o.problems.map((p) => [p.path, p.message])).toEqual([
        [
          `features[${at}].properties.outline`,
          'must be { km2: number, published_km2: [number, number], measured: boolean }',
        ],
      ]);
  });

  it('records what the land source resolves: neither China–Russia island is separated from the mainland', () => {
    const checks = geo().features.filter((f: PrecedentFeature) => f.properties.kind === 'source-check');
    expect(checks.map((f: PrecedentFeature) => f.properties.case)).toEqual(['bolshoy-ussuriysky', 'bolshoy-argun']);
    for (const c of checks) expect(c.properties.check).toMatch(/lies in the source's (RUS|CHN) mainland polygon/);
    // The border across each island is in the source: a straight edge shared by CHN and RUS.
    const lines = geo().features.filter((f: PrecedentFeature) => f.properties.kind === 'real-line');
    const bui = lines.find((f: PrecedentFeature) => f.properties.case === 'bolshoy-ussuriysky').geometry as LineString;
    expect(lineLengthKm(bui.coordinates)).toBeGreaterThan(8);
    expect(lineLengthKm(bui.coordinates)).toBeLessThan(12);
  });

  it('the Amur islands, outlined from GSHHG, are divided as the 2004 agreement did', () => {
    const own = geo().features.filter((f: PrecedentFeature) => f.properties.case === 'bolshoy-ussuriysky');
    const check = own.find((f: PrecedentFeature) => f.properties.kind === 'source-check');
    expect(check.properties.resolved).toBe(true);
    const outline = check.properties.outline;
    expect(outline.measured).toBe(true);
    // Bolshoy Ussuriysky 327-350 km² and Tarabarov 43.3 km², as published (data/precedents.json).
    expect(outline.published_km2).toEqual([327 + 43.3, 350 + 43.3]);
    const part = (party: string) =>
      own.find((f: PrecedentFeature) => f.properties.kind === 'part' && f.properties.party === party).geometry;
    const [china, russia] = [part('China'), part('Russia')];
    // Known answers: Tarabarov went to China whole; the east of Bolshoy Ussuriysky stayed Russian.
    const tarabarov = [134 + 31 / 60 + 23 / 3600, 48 + 22 / 60 + 48 / 3600];
    const buiEast = [134 + 51 / 60 + 5 / 3600, 48 + 21 / 60 + 29 / 3600];
    expect(booleanPointInPolygon(tarabarov, china)).toBe(true);
    expect(booleanPointInPolygon(tarabarov, russia)).toBe(false);
    expect(booleanPointInPolygon(buiEast, russia)).toBe(true);
    expect(booleanPointInPolygon(buiEast, china)).toBe(false);
    // The parts do not overlap and together make the outline the check reports.
    const overlap = intersect({ type: 'FeatureCollection', features: [feature(china), feature(russia)] });
    expect(overlap ? geometryAreaKm2(overlap.geometry) : 0).toBeLessThan(0.01);
    expect(geometryAreaKm2(china) + geometryAreaKm2(russia)).toBeCloseTo(outline.km2, 0);
    // Within the outline's tolerance of the published area (10 %).
    expect(outline.km2).toBeGreaterThan(outline.published_km2[0] * 0.9);
  });

  it('the Argun outline is far larger than the island as published, so its parts are not measured', () => {
    const own = geo().features.filter((f: PrecedentFeature) => f.properties.case === 'bolshoy-argun');
    const check = own.find((f: PrecedentFeature) => f.properties.kind === 'source-check');
    expect(check.properties.resolved).toBe(false);
    expect(check.properties.outline.measured).toBe(false);
    expect(check.properties.outline.km2).toBeGreaterThan(58 * 1.1);
    expect(own.some((f: PrecedentFeature) => f.properties.kind === 'part')).toBe(false);
    const [argun] = precedentFigures(
      table().cases.filter((c: { id: string }) => c.id === 'bolshoy-argun'),
      own,
    );
    expect(argun!.real_share).toEqual({ China: null, Russia: null });
    expect(argun!.outline?.measured).toBe(false);
  });
});

describe('geometry helpers', () => {
  it('parseDms reads the treaty notation', () => {
    expect(parseDms('70°16′28.95″')).toBeCloseTo(70 + 16 / 60 + 28.95 / 3600, 12);
    expect(parseDms('32°04\'23.00"')).toBeCloseTo(32 + 4 / 60 + 23 / 3600, 12);
    expect(() => parseDms('75° 1Г41.00"')).toThrow(/not degrees/);
  });

  it('the 2010 line through its eight turning points is 907 nautical miles long, as published', () => {
    const pts = table().cases[2].turning_points.map((t: { lat: string; lon: string }) => [
      parseDms(t.lon),
      parseDms(t.lat),
    ]);
    const line = geodesicLine(pts, 10);
    const nm = lineLengthKm(line.coordinates) / 1.852;
    expect(Math.abs(nm - 907)).toBeLessThan(1);
    // Densified along the geodesics: the length does not change with the step.
    expect(lineLengthKm(geodesicLine(pts, 1).coordinates)).toBeCloseTo(lineLengthKm(line.coordinates), 6);
    // Segments along a meridian stay on it.
    expect(line.coordinates.filter(([, y]) => y! > 73.7 && y! < 75.19).every(([x]) => x === 37)).toBe(true);
  });

  it('parallelLine keeps its latitude', () => {
    const l = parallelLine(50, 142, 144.3);
    expect(l.coordinates.every(([, y]) => y === 50)).toBe(true);
    expect(l.coordinates[0]![0]).toBe(142);
    expect(l.coordinates[l.coordinates.length - 1]![0]).toBe(144.3);
  });

  it('impliedShare gives the range of part ÷ whole', () => {
    expect(impliedShare(174, [370.3, 393.3])).toEqual([174 / 393.3, 174 / 370.3]);
  });
});

describe('measureDivision on constructed divisions', () => {
  // A 0.4° × 0.2° box near the Amur split by a meridian at 40 % of its width.
  const box = (x0: number, x1: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [x0, 48.2],
        [x1, 48.2],
        [x1, 48.4],
        [x0, 48.4],
        [x0, 48.2],
      ],
    ],
  });
  const A = box(134.4, 134.56),
    B = box(134.56, 134.8);
  const real: LineString = {
    type: 'LineString',
    coordinates: [
      [134.56, 48.2],
      [134.56, 48.4],
    ],
  };

  it("areas and shares are the parts' WGS84 areas", () => {
    const m = measureDivision(A, B, real);
    expect(m.areaKm2).toBeCloseTo(geometryAreaKm2(A) + geometryAreaKm2(B), 9);
    expect(m.shares[0]).toBeCloseTo(0.4, 3);
    expect(m.realBearingDeg).toBeCloseTo(0, 6);
  });

  it('the exact half line at the real bearing lies a tenth of the width away, towards B', () => {
    const m = measureDivision(A, B, real);
    expect(m.exactHalf.fraction).toBeCloseTo(0.5, 9);
    const widthKm = lineLengthKm([
      [134.4, 48.3],
      [134.8, 48.3],
    ]);
    expect(m.exactHalfLineOffsetKm).toBeGreaterThan(widthKm * 0.1 * 0.98);
    expect(m.exactHalfLineOffsetKm).toBeLessThan(widthKm * 0.1 * 1.02);
    expect(m.exactHalfLineTowards).toBe('B');
  });

  it('an equal split has its real line at the half line', () => {
    const C = box(134.4, 134.6),
      D = box(134.6, 134.8);
    const m = measureDivision(C, D, {
      type: 'LineString',
      coordinates: [
        [134.6, 48.2],
        [134.6, 48.4],
      ],
    });
    expect(m.shares[0]).toBeCloseTo(0.5, 3);
    expect(m.exactHalfLineOffsetKm).toBeLessThan(0.1);
  });

  it('precedentFigures measures a case whose parts are given', () => {
    const features: PrecedentFeature[] = [
      { properties: { id: 'x-a', case: 'x', kind: 'part', party: 'China' }, geometry: A },
      { properties: { id: 'x-b', case: 'x', kind: 'part', party: 'Russia' }, geometry: B },
      { properties: { id: 'x-line', case: 'x', kind: 'real-line', drawn: 'test' }, geometry: real },
    ];
    const [f] = precedentFigures(
      [{ id: 'x', name: 'x', parties: ['China', 'Russia'], instrument: 'i', published: {}, sources: ['s'] }],
      features,
    );
    if (!f) throw new Error('one case in, one figure out');
    expect(f.real_share.China).toBeCloseTo(0.4, 3);
    expect(f.area_km2).toBeGreaterThan(400);
    expect(f.exact_half_line_offset_km).toBeGreaterThan(2.9);
  });
});
