/**
 * Ellipsoidal (WGS84) geodesy for the whole project, on GeographicLib (Karney 2013).
 * Areas are computed with geodesic edges between consecutive vertices; the sphere used by
 * @turf/area is about 0.2 % off at these latitudes, which is more than the survey accuracy we report.
 */
import * as geographiclib from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';

// The package is CommonJS: Node exposes it as `default`, bundlers may expose named exports.
const lib = ((geographiclib as unknown as { default?: typeof geographiclib }).default ??
  geographiclib) as typeof geographiclib;
export const WGS84 = lib.Geodesic.WGS84;

/** Absolute area in m² of one ring (closed or not), edges as WGS84 geodesics. */
export function ringAreaM2(ring: readonly Position[]): number {
  const n = ringLength(ring);
  if (n < 3) return 0;
  const poly = WGS84.Polygon(false);
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    poly.AddPoint(p[1]!, p[0]!);
  }
  // sign=true, then abs: with sign=false a clockwise ring yields Earth's area minus the polygon.
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** Number of distinct vertices, ignoring a closing vertex equal to the first. */
function ringLength(ring: readonly Position[]): number {
  const n = ring.length;
  const first = ring[0],
    last = ring[n - 1];
  if (n > 1 && first && last && first[0] === last[0] && first[1] === last[1]) return n - 1;
  return n;
}

/** Area of a polygon (outer ring minus holes) in m². */
export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  const outer = rings[0];
  if (!outer) return 0;
  let a = ringAreaM2(outer);
  for (let i = 1; i < rings.length; i++) a -= ringAreaM2(rings[i]!);
  return a;
}

/** Area in km² of a Polygon or MultiPolygon (0 for other geometry types). */
export function geometryAreaKm2(geometry: Geometry): number {
  if (geometry.type === 'Polygon') return polygonAreaM2(geometry.coordinates) / 1e6;
  if (geometry.type === 'MultiPolygon') {
    let a = 0;
    for (const p of geometry.coordinates) a += polygonAreaM2(p);
    return a / 1e6;
  }
  return 0;
}

/** Geodesic distance in metres and forward azimuth in degrees from a to b ([lon, lat]). */
export function inverse(a: Position, b: Position): { distanceM: number; azimuthDeg: number } {
  const r = WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!);
  return { distanceM: r.s12 ?? 0, azimuthDeg: r.azi1 ?? 0 };
}

export function distanceM(a: Position, b: Position): number {
  return inverse(a, b).distanceM;
}

/**
 * A longitude within ±180° (as GeographicLib gives) put back beside `near`: a point placed on an edge of
 * a territory whose longitudes run past 180° (unwrapped across the antimeridian) stays beside the edge.
 */
export function unrollLongitude(lon: number, near: number): number {
  return lon + 360 * Math.round((near - lon) / 360);
}
