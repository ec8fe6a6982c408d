/** The precedents CLI, run as a user would. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import area from '@turf/area';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run precedents', () => {
  it('--json prints one entry per case with the measured and published figures', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/precedents.ts', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const list = JSON.parse(out);
    expect(list.map((c: { id: string }) => c.id)).toEqual(['bolshoy-ussuriysky', 'bolshoy-argun', 'barents-2010']);
    for (const c of list) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'parties',
          'real_share',
          'area_km2',
          'published',
          'exact_half_line_offset_km',
        ]),
      );
      expect(Object.keys(c.real_share)).toEqual(c.parties);
    }
    const bui = list[0];
    expect(bui.published.to_china_km2).toBe(174);
    expect(bui.published.island_km2).toEqual([327, 350]);
    // Outlined from GSHHG (the land source does not separate the islands) and measured.
    expect(bui.source_resolves).toBe(true);
    expect(bui.outline.measured).toBe(true);
    expect(bui.real_share.China + bui.real_share.Russia).toBeCloseTo(1, 9);
    // The shares against the parts' areas by another method (Turf's spherical area, not GeographicLib).
    const geo = JSON.parse(readFileSync(join(ROOT, 'geo/precedents.geojson'), 'utf8'));
    const part = (party: string) =>
      geo.features.find(
        (f: { properties: { case: string; kind: string; party?: string } }) =>
          f.properties.case === 'bolshoy-ussuriysky' && f.properties.kind === 'part' && f.properties.party === party,
      );
    const [china, russia] = [area(part('China')), area(part('Russia'))];
    expect(Math.abs(bui.real_share.China - china / (china + russia))).toBeLessThan(0.003);
    expect(Math.abs(bui.area_km2 - (china + russia) / 1e6) / bui.area_km2).toBeLessThan(0.005);
    expect(bui.exact_half_line.length).toBeGreaterThan(2);
    expect(bui.exact_half_line_offset_km).toBeGreaterThanOrEqual(0);
    // The Argun outline is too far from the published area: nothing measured.
    const argun = list[1];
    expect(argun.source_resolves).toBe(false);
    expect(argun.outline.measured).toBe(false);
    expect(argun.real_share).toEqual({ China: null, Russia: null });
    expect(argun.exact_half_line).toBeNull();
    expect(bui.published_implied_share.China[0]).toBeCloseTo(174 / 393.3, 4);
    const barents = list[2];
    expect(barents.published.disputed_area_km2).toBe(175000);
    expect(Math.abs(barents.real_line.length_nm - 907)).toBeLessThan(1);
  }, 60_000);

  it('refuses unknown options with the usage', () => {
    let err = '';
    try {
      execFileSync('npx', ['tsx', 'scripts/precedents.ts', '--bogus'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toMatch(/usage: npm run --silent precedents/);
  }, 60_000);
});
