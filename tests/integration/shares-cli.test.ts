/**
 * The shares CLI (scripts/shares.ts), run as a user would: `npx tsx scripts/shares.ts ...` from the
 * repository root. Each run takes ~2 s, so the runs are started together and awaited per test.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';

const ROOT = join(import.meta.dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/shares.ts', ...args],
      { cwd: ROOT, timeout: 170_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// Started at import, all at once.
const runs = {
  json: cli('--json'),
  official: cli('--json', '--basis', 'official'),
  custom: cli('--json', '--share', '0.4', '--bearing', '0'),
  // A negative bearing as a separate argument (node's parseArgs alone refuses it as ambiguous).
  negative: cli('--json', '--bearing', '-90'),
  table: cli(),
  badBasis: cli('--basis', 'foo'),
  badShare: cli('--share', '2'),
  badBearing: cli('--bearing', 'abc'),
  unknown: cli('--nope'),
};

interface Cut {
  island: string;
  bearing: { requested: number; measured: number; rule: string };
  border_length_km: number;
  line_length_km: number;
  anchor_on_japan_side: boolean;
  island_fraction_to_japan: number;
  line: { type: string; coordinates: number[][] };
}
interface VillageOut {
  id: string;
  island: string;
  name_en: string;
  population: number;
}
type VillageSides = Record<'japan' | 'russia' | 'not_located', VillageOut[]>;
interface Option {
  id: string;
  people: { japanese_1945: { japan: number; russia: number; unsplit: number }; villages_1945: VillageSides };
  japan_km2: number;
  russia_km2: number;
  japan_share: number;
  islands_to_japan: string[];
  cut: Cut | null;
}
interface Out {
  basis: string;
  total_km2: number;
  islands: Record<string, number>;
  options: Option[];
}

async function json(run: Promise<Run>): Promise<Out> {
  const r = await run;
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Out;
}

const IDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'];
const OPTION_IDS = ['status-quo', 'two-islands', 'three-islands', 'aso-25', 'equal-area', 'four-islands'];

function checkShape(out: Out) {
  expect(Object.keys(out.islands).sort()).toEqual([...IDS].sort());
  const sum = Object.values(out.islands).reduce((s, a) => s + a, 0);
  expect(Math.abs(sum - out.total_km2)).toBeLessThan(1e-3);
  for (const o of out.options) {
    expect(typeof o.id).toBe('string');
    expect(Number.isFinite(o.japan_km2) && Number.isFinite(o.russia_km2) && Number.isFinite(o.japan_share)).toBe(true);
    expect(Math.abs(o.japan_km2 + o.russia_km2 - out.total_km2)).toBeLessThan(1e-3);
    expect(Math.abs(o.japan_share - o.japan_km2 / out.total_km2)).toBeLessThan(1e-6);
    expect(Array.isArray(o.islands_to_japan)).toBe(true);
    for (const id of o.islands_to_japan) expect(IDS).toContain(id);
    if (o.cut !== null) {
      expect(IDS).toContain(o.cut.island);
      for (const b of [o.cut.bearing.requested, o.cut.bearing.measured]) {
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(180);
      }
      expect(o.cut.border_length_km).toBeGreaterThan(0);
      expect(o.cut.border_length_km).toBeLessThanOrEqual(o.cut.line_length_km);
      expect(o.cut.island_fraction_to_japan).toBeGreaterThan(0);
      expect(o.cut.island_fraction_to_japan).toBeLessThan(1);
      expect(o.cut.line.type).toBe('LineString');
      expect(o.cut.line.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const p of o.cut.line.coordinates) {
        expect(p[0]).toBeGreaterThan(145);
        expect(p[0]).toBeLessThan(150);
        expect(p[1]).toBeGreaterThan(43);
        expect(p[1]).toBeLessThan(46);
      }
    }
  }
}

describe('shares CLI', () => {
  it('--json: the default (geodesic) basis, four islands, the six options', async () => {
    const out = await json(runs.json);
    expect(out.basis).toBe('geodesic');
    checkShape(out);
    expect(out.options.map((o) => o.id)).toEqual(OPTION_IDS);
    const eq = out.options.find((o) => o.id === 'equal-area')!;
    expect(Math.abs(eq.japan_share - 0.5)).toBeLessThan(1e-8);
    expect(eq.cut!.island).toBe('etorofu');
    expect(out.options.find((o) => o.id === 'status-quo')!.cut).toBeNull();
    expect(out.options.find((o) => o.id === 'four-islands')!.japan_share).toBe(1);
  });

  it('--basis official: total 4998.4 km² and the GSI shares', async () => {
    const out = await json(runs.official);
    expect(out.basis).toBe('official');
    checkShape(out);
    expect(out.total_km2).toBe(4998.4);
    expect(out.islands).toEqual({ habomai: 94.84, shikotan: 247.65, kunashiri: 1489.27, etorofu: 3166.64 });
    const share = (id: string) => out.options.find((o) => o.id === id)!.japan_share;
    expect(Math.abs(share('two-islands') - 342.49 / 4998.4)).toBeLessThan(1e-8);
    expect(Math.abs(share('three-islands') - 1831.76 / 4998.4)).toBeLessThan(1e-8);
    expect(Math.abs(share('aso-25') - (1831.76 + 0.25 * 3166.64) / 4998.4)).toBeLessThan(1e-8);
    expect(Math.abs(share('equal-area') - 0.5)).toBeLessThan(1e-8);
    expect(out.options.find((o) => o.id === 'equal-area')!.cut!.island_fraction_to_japan).toBeCloseTo(
      (2499.2 - 1831.76) / 3166.64,
      7,
    );
  });

  it('--share 0.4 --bearing 0 adds a custom option cutting along a meridian', async () => {
    const out = await json(runs.custom);
    checkShape(out);
    const c = out.options.find((o) => o.id === 'custom')!;
    expect(c).toBeDefined();
    expect(Math.abs(c.japan_share - 0.4)).toBeLessThan(1e-6);
    expect(c.islands_to_japan).toEqual(['habomai', 'shikotan', 'kunashiri', 'etorofu']);
    expect(c.cut!.island).toBe('etorofu');
    expect(c.cut!.bearing).toMatchObject({ requested: 0, rule: 'given' });
    const b = c.cut!.bearing.measured;
    expect(Math.min(Math.abs(b), Math.abs(b - 180))).toBeLessThan(1);
    // A meridian: its ends share a longitude.
    const l = c.cut!.line.coordinates;
    expect(Math.abs(l[0]![0]! - l[l.length - 1]![0]!)).toBeLessThan(0.01);
    // --bearing applies to every cut option.
    expect(
      Math.min(
        ...['aso-25', 'equal-area'].map((id) => {
          const bb = out.options.find((o) => o.id === id)!.cut!.bearing.measured;
          return Math.min(Math.abs(bb), Math.abs(bb - 180));
        }),
      ),
    ).toBeLessThan(1);
  });

  it('--bearing -90 is taken as 90° (a line has no direction), the measured azimuth beside it', async () => {
    const out = await json(runs.negative);
    for (const id of ['aso-25', 'equal-area']) {
      const cut = out.options.find((o) => o.id === id)!.cut!;
      expect(cut.bearing.requested).toBe(90);
      expect(Math.abs(cut.bearing.measured - 90)).toBeLessThan(1);
      expect(cut.anchor_on_japan_side).toBe(true);
    }
  });

  it('without --json: a table with the equal-area option at 50.00 %', async () => {
    const r = await runs.table;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('equal-area');
    expect(r.stdout).toMatch(/^equal-area\b.*\b50\.00\b/m);
    expect(r.stdout).toMatch(/^four-islands\b.*\b100\.00\b/m);
    expect(r.stdout).not.toMatch(/^\s*\{/);
  });

  it.each([
    ['badBasis', /--basis.*foo/],
    ['badShare', /--share.*2/],
    ['badBearing', /--bearing.*abc/],
    ['unknown', /--nope/],
  ] as const)('bad arguments (%s): exit code 2 and a message naming the problem', async (name, message) => {
    const r = await runs[name];
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage:/);
    expect(r.stdout).toBe('');
  });

  describe('1945 villages per side, against an independent point-in-polygon of their seats', () => {
    interface Seat {
      kind: 'point' | 'disc';
      lon: number;
      lat: number;
      radius_km?: number;
    }
    const villages = (
      JSON.parse(readFileSync(join(ROOT, 'data/villages-1945.json'), 'utf8')) as {
        villages: { id: string; island: string; population: number; seat: Seat | null }[];
      }
    ).villages;
    const islands = JSON.parse(readFileSync(join(ROOT, 'geo/islands.geojson'), 'utf8')) as FeatureCollection<
      MultiPolygon,
      { id: string }
    >;
    const island = (id: string) => islands.features.find((f) => f.properties.id === id)!;
    // Cape Nosappu, Hokkaido: the side of a cut facing it is Japan's (the CLI reports anchor_on_japan_side).
    const NOSAPPU: Position = [145.817, 43.385];
    // Positions of GeoJSON always carry longitude and latitude.
    const lonLat = (p: Position) => ({ x: p[0]!, y: p[1]! });
    const km = (pa: Position, pb: Position) => {
      const [a, b] = [lonLat(pa), lonLat(pb)];
      const rad = Math.PI / 180;
      const h =
        Math.sin(((b.y - a.y) * rad) / 2) ** 2 +
        Math.cos(a.y * rad) * Math.cos(b.y * rad) * Math.sin(((b.x - a.x) * rad) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(h));
    };
    /**
     * Japan or Russia for a point of the cut island. The solver cuts with a straight line in its equal-area
     * plane, i.e. a half-plane: here the half-plane of the line through the cut's two ends, in a local plane
     * (longitude scaled by the cosine of the latitude), on the side of the island's vertex nearest Cape
     * Nosappu for Japan. Adequate for points kilometres away from the line, as the seats here are.
     */
    function sideOnCut(p: Position, line: Position[], anchor: Position): 'japan' | 'russia' {
      const [a, b] = [lonLat(line[0]!), lonLat(line[line.length - 1]!)];
      const k = Math.cos((((a.y + b.y) / 2) * Math.PI) / 180);
      const side = (q: Position) => {
        const c = lonLat(q);
        return Math.sign((b.x - a.x) * k * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) * k);
      };
      return side(p) === side(anchor) ? 'japan' : 'russia';
    }
    function expectedSides(o: Option) {
      const out: Record<string, string> = {};
      const cutLine = o.cut?.line.coordinates ?? [];
      for (const v of villages) {
        const isl = island(v.island);
        if (v.seat?.kind === 'point')
          // Independent check that the seat is on its island at all.
          expect(booleanPointInPolygon([v.seat.lon, v.seat.lat], isl), v.id).toBe(true);
        if (!o.cut || o.cut.island !== v.island) {
          out[v.id] = o.islands_to_japan.includes(v.island) ? 'japan' : 'russia';
          continue;
        }
        const vertices = isl.geometry.coordinates.flat(2);
        const anchor = vertices.reduce((best, p) => (km(p, NOSAPPU) < km(best, NOSAPPU) ? p : best));
        if (!v.seat) out[v.id] = 'not_located';
        else if (v.seat.kind === 'point') out[v.id] = sideOnCut([v.seat.lon, v.seat.lat], cutLine, anchor);
        else {
          const centre: Position = [v.seat.lon, v.seat.lat];
          const near = vertices.filter((p) => km(p, centre) <= v.seat!.radius_km!);
          const sides = new Set(near.map((p) => sideOnCut(p, cutLine, anchor)));
          out[v.id] = sides.size === 1 ? [...sides][0]! : 'not_located';
        }
      }
      return out;
    }

    it.each([
      ['json', 'equal-area'],
      ['json', 'aso-25'],
      ['json', 'two-islands'],
      ['json', 'three-islands'],
      ['custom', 'custom'],
    ] as const)('%s run, option %s', async (run, id) => {
      const out = await json(runs[run]);
      const o = out.options.find((x) => x.id === id)!;
      if (o.cut) expect(o.cut.anchor_on_japan_side).toBe(true);
      const got: Record<string, string> = {};
      for (const side of ['japan', 'russia', 'not_located'] as const)
        for (const v of o.people.villages_1945[side]) got[v.id] = side;
      expect(got).toEqual(expectedSides(o));
      // The village lists add up to the CLI's own counts of 1945 residents per side.
      const sum = (side: keyof VillageSides) => o.people.villages_1945[side].reduce((s, v) => s + v.population, 0);
      expect(sum('japan')).toBe(o.people.japanese_1945.japan);
      expect(sum('russia')).toBe(o.people.japanese_1945.russia);
      expect(sum('not_located')).toBe(o.people.japanese_1945.unsplit);
    });
  });
});
