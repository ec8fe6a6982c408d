/** Reported range rings follow the year: a ring is drawn only while its site stands. */
import { describe, expect, it } from 'vitest';
import { rangeRings, type RingLabel } from '../../src/map/site-features.ts';
import { ringLabel } from '../../src/ui/site-text.ts';
import { tFor } from '../../src/i18n/index.ts';
import { formatters } from '../../src/ui/format.ts';
import { distanceM } from '../../src/geo/geodesic.ts';
import type { Site, SiteProps, SystemInfo } from '../../src/data/deployments.ts';

const system: SystemInfo = {
  id: 'sam',
  name: 'Test SAM',
  type: 'air defence',
  type_ja: '防空',
  type_ru: 'ПВО',
  range_km_min: null,
  range_km_max: 40,
  range_note: 'a test range',
  range_variants: [{ km: 60, label: 'a 2021 figure', label_ja: '2021年の数字', label_ru: 'цифра 2021 г.' }],
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

const plain: RingLabel = (sys, km) => `${sys.name} ${km}`;

describe('range rings', () => {
  const sites = [site('always', null, null), site('from-2016', 2016, null), site('until-2020', 2010, 2020)];
  const ringSites = (year: number) =>
    rangeRings(sites, [system], year, plain)
      .features.map((f) => f.properties!.site)
      .sort();

  it('are drawn only for the sites standing in the year', () => {
    // Each site's ring and its dashed largest reported one.
    expect(ringSites(2005)).toEqual(['always', 'always']);
    expect(ringSites(2016)).toEqual(['always', 'always', 'from-2016', 'from-2016', 'until-2020', 'until-2020']);
    expect(ringSites(2020)).toEqual(['always', 'always', 'from-2016', 'from-2016', 'until-2020', 'until-2020']);
    expect(ringSites(2021)).toEqual(['always', 'always', 'from-2016', 'from-2016']);
  });

  it('lie at the reported distance on the ellipsoid', () => {
    const ring = rangeRings([sites[0]!], [system], 2026, plain).features[0]!.geometry.coordinates[0]!;
    for (const p of ring) expect(Math.abs(distanceM([147.5, 45], p) - 40_000)).toBeLessThan(1);
  });

  it('are labelled in the interface language: the usual range with its source, the largest with its label', () => {
    const labels = (lang: 'en' | 'ja' | 'ru') =>
      rangeRings([sites[0]!], [system], 2026, ringLabel(tFor(lang), lang, formatters(lang))).features.map(
        (f) => f.properties!.label,
      );
    expect(labels('en')).toEqual([
      'Test SAM: 40 km (reported; A publisher)',
      'Test SAM: up to 60 km (reported maximum: a 2021 figure)',
    ]);
    expect(labels('ja')).toEqual([
      'Test SAM：40 km（報道；A publisher）',
      'Test SAM：最大60 km（報じられた最大値：2021年の数字）',
    ]);
    expect(labels('ru')).toEqual([
      'Test SAM: 40\u00a0км (по сообщениям; A publisher)',
      'Test SAM: до 60\u00a0км (наибольшая из сообщавшихся: цифра 2021 г.)',
    ]);
  });
});
