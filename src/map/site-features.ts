/** Map features for the military sites and their reported range rings. Pure. */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { KIND_MARKS, standingIn, type Site, type SystemInfo } from '../data/deployments.ts';
import { geodesicCircle } from '../geo/range-ring.ts';

export const SITE_COLORS: Record<string, string> = { RU: '#CC79A7', JP: '#0072B2', US: '#D55E00' };

/**
 * The sites as map features. `buttonName` gives the accessible name of each site's button on the map, in
 * the interface language (site-text.ts's siteButtonName).
 */
export function siteFeatures(
  sites: Site[],
  toJapan: ReadonlySet<string>,
  buttonName: (s: Site, toJapan: boolean) => string,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: s.lonlat },
      properties: {
        id: s.id,
        country: s.props.country,
        color: SITE_COLORS[s.props.country] ?? '#555',
        mark: KIND_MARKS[s.props.kind] ?? '?',
        certainty: s.props.certainty,
        to_japan: toJapan.has(s.id),
        name: buttonName(s, toJapan.has(s.id)),
      },
    })),
  };
}

/** A ring's label: the usual reported range (`variant` null) or the largest reported one, dashed. */
export type RingLabel = (
  system: SystemInfo,
  km: number,
  variant: NonNullable<SystemInfo['range_variants']>[number] | null,
) => string;

/**
 * Reported range rings of the sites that stand in `year`: a ring is drawn only while its site stands.
 * `label` words each ring in the interface language (site-text.ts's ringLabel).
 */
export function rangeRings(
  sites: Site[],
  systems: SystemInfo[],
  year: number,
  label: RingLabel,
): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (const s of standingIn(sites, year))
    for (const id of s.props.systems) {
      const sys = systems.find((x) => x.id === id);
      if (!sys || sys.range_km_max == null) continue;
      features.push({
        type: 'Feature',
        geometry: geodesicCircle(s.lonlat, sys.range_km_max),
        properties: {
          site: s.id,
          system: id,
          km: sys.range_km_max,
          dashed: false,
          label: label(sys, sys.range_km_max, null),
        },
      });
      const max = Math.max(...(sys.range_variants ?? []).map((v) => v.km));
      if (Number.isFinite(max) && max > sys.range_km_max) {
        const v = sys.range_variants!.find((x) => x.km === max)!;
        features.push({
          type: 'Feature',
          geometry: geodesicCircle(s.lonlat, max),
          properties: { site: s.id, system: id, km: max, dashed: true, label: label(sys, max, v) },
        });
      }
    }
  return { type: 'FeatureCollection', features };
}
