/**
 * The sea in the shares CLI: `npm run --silent shares -- --json` gives every option a "sea" object; the
 * table a sea share.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    execFile(
      'npx',
      ['tsx', 'scripts/shares.ts', ...args],
      { cwd: ROOT, timeout: 120_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(stderr || String(err))) : resolve(stdout)),
    );
  });

interface Sea {
  region_km2: number;
  japan_km2: number;
  russia_km2: number;
  japan_share: number;
  territorial_sea: { japan_km2: number; russia_km2: number };
  change_vs_status_quo_km2: { japan: number; russia: number };
  boundary: { type: string; coordinates: number[][][] };
  straits: {
    id: string;
    name_en: string;
    name_ja: string;
    name_ru: string;
    width_km: number;
    sides: string[];
    closed_by_territorial_seas: boolean;
  }[];
}

describe('shares CLI: the sea', () => {
  it('gives every option its sea, boundary and straits', async () => {
    const out = JSON.parse(await run('--json', '--share', '0.45', '--bearing', '30')) as {
      options: { id: string; sea: Sea }[];
    };
    const by = Object.fromEntries(out.options.map((o) => [o.id, o.sea]));
    const sea = (id: string): Sea => {
      const s = by[id];
      if (!s) throw new Error(`no option "${id}" in the output`);
      return s;
    };
    expect(Object.keys(by)).toContain('custom');
    for (const s of Object.values(by)) {
      expect(Math.abs(s.japan_km2 + s.russia_km2 - s.region_km2)).toBeLessThan(0.2);
      expect(Math.abs(s.japan_share - s.japan_km2 / s.region_km2)).toBeLessThan(1e-5);
      expect(s.territorial_sea.japan_km2).toBeLessThan(s.japan_km2);
      expect(s.boundary.type).toBe('MultiLineString');
      expect(s.boundary.coordinates.length).toBeGreaterThan(0);
      expect(s.straits.map((t) => t.id)).toEqual([
        'goyomai-channel',
        'notsuke-channel',
        'nemuro-strait',
        'south-kuril-strait',
        'shikotan-channel',
        'kunashiri-channel',
        'vries-strait',
      ]);
      for (const t of s.straits) {
        expect(t.name_ja.length).toBeGreaterThan(0);
        expect(t.width_km).toBeGreaterThan(5);
        expect(t.sides.length).toBeGreaterThan(0);
      }
      expect(Math.abs(s.change_vs_status_quo_km2.japan + s.change_vs_status_quo_km2.russia)).toBeLessThan(0.2);
    }
    expect(sea('status-quo').change_vs_status_quo_km2.japan).toBe(0);
    // More land, more sea: the options in order of land share.
    expect(sea('two-islands').japan_share).toBeGreaterThan(sea('status-quo').japan_share);
    expect(sea('three-islands').japan_share).toBeGreaterThan(sea('two-islands').japan_share);
    expect(sea('four-islands').japan_share).toBeGreaterThan(sea('three-islands').japan_share);
    // Near the published "about 40 %" for the two islands (a different region and definitions: see the Sea panel).
    expect(sea('two-islands').japan_share).toBeGreaterThan(0.35);
    expect(sea('two-islands').japan_share).toBeLessThan(0.45);
    const straits = (id: string) => Object.fromEntries(sea(id).straits.map((t) => [t.id, t.sides.join('+')]));
    expect(straits('status-quo')['goyomai-channel']).toBe('japan+russia');
    expect(straits('two-islands')['goyomai-channel']).toBe('japan');
    expect(straits('four-islands')['vries-strait']).toBe('japan+russia');
  }, 180_000);

  it('adds the sea share to the table', async () => {
    const out = await run();
    expect(out).toContain('sea: Japan %');
    expect(out).toMatch(/^two-islands\b.*\b6\.83\s+4\d\.\d\d\b/m);
    expect(out).toContain('not an agreed boundary');
  }, 180_000);
});
