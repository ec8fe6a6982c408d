/**
 * Per-island figures shown in the island panel: geodesic area of the land GSI counts, of the whole
 * feature, and the difference against the official figure.
 */
import type { Feature, MultiPolygon } from 'geojson';
import { polygonAreaM2 } from './geodesic.ts';

export interface IslandAreaStats {
  id: string;
  /** Area of the parts counted in the official figure (properties.official_parts leading parts). */
  countedKm2: number;
  /** Area of every part of the feature, islets included. */
  totalKm2: number;
  partCount: number;
  countedPartCount: number;
  officialKm2: number | null;
  /** (counted - official) / official × 100, or null without an official figure. */
  diffPercent: number | null;
}

export function islandAreaStats(feature: Feature<MultiPolygon>, officialKm2: number | null): IslandAreaStats {
  const props = feature.properties ?? {};
  const polys = feature.geometry.coordinates;
  const counted =
    typeof props.official_parts === 'number' ? Math.min(props.official_parts, polys.length) : polys.length;
  let countedKm2 = 0,
    totalKm2 = 0;
  polys.forEach((p, i) => {
    const a = polygonAreaM2(p) / 1e6;
    totalKm2 += a;
    if (i < counted) countedKm2 += a;
  });
  return {
    id: String(props.id),
    countedKm2,
    totalKm2,
    partCount: polys.length,
    countedPartCount: counted,
    officialKm2,
    diffPercent: officialKm2 ? ((countedKm2 - officialKm2) / officialKm2) * 100 : null,
  };
}
