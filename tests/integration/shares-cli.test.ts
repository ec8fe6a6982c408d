/**
 * The shares CLI (scripts/shares.ts), run as a user would: `npx tsx scripts/shares.ts ...` from the
 * repository root. Each run takes ~2 s, so the runs are started together and awaited per test.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

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
      { cwd: ROOT, timeout: 60_000, maxBuffer: 64 << 20 },
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
interface Option {
  id: string;
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
  return JSON.parse(lines[0]) as Out;
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
    expect(Math.abs(l[0][0] - l[l.length - 1][0])).toBeLessThan(0.01);
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
});
