/** Reported range rings follow the year: a ring is drawn only while its site stands. */
import { describe, expect, it } from 'vitest';
import { rangeRings } from '../../src/map/site-features.ts';
import { distanceM } from '../../src/geo/geodesic.ts';
import type { Site, SiteProps, SystemInfo } from '../../src/data/deployments.ts';

const system: SystemInfo = {
  id: 'sam',
  name: 'Test SAM',
  type: 'air defence',
  range_km_min: null,
  range_km_max: 40,
  sources: [
    { id: 's', title: 'A report', publisher: 'A publisher', date: '2020-01-01', url: 'https://example.org/report' },
  ],
};
const site = (id: string, since: number | null, until: number | null): Site => ({
  id,
  lonlat: [147.5, 45],
  props: {
    id,
    name_en: id,
    name_ja: null,
    name_ru: null,
    country: 'JP',
    operator: 'GSDF',
    kind: 'air-defence',
    systems: ['sam'],
    personnel: null,
    since,
    until,
    certainty: 'exact',
    island: 'hokkaido',
    sources: system.sources,
    note: null,
  } as SiteProps,
});

describe('range rings', () => {
  const sites = [site('always', null, null), site('from-2016', 2016, null), site('until-2020', 2010, 2020)];
  const ringSites = (year: number) =>
    rangeRings(sites, [system], year)
      .features.map((f) => f.properties!.site)
      .sort();

  it('are drawn only for the sites standing in the year', () => {
    expect(ringSites(2005)).toEqual(['always']);
    expect(ringSites(2016)).toEqual(['always', 'from-2016', 'until-2020']);
    expect(ringSites(2020)).toEqual(['always', 'from-2016', 'until-2020']);
    expect(ringSites(2021)).toEqual(['always', 'from-2016']);
  });

  it('lie at the reported distance on the ellipsoid', () => {
    const ring = rangeRings([sites[0]!], [system], 2026).features[0]!.geometry.coordinates[0]!;
    for (const p of ring) expect(Math.abs(distanceM([147.5, 45], p) - 40_000)).toBeLessThan(1);
  });
});
