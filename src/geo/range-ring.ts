/** Geodesic circles on WGS84: the set of points at a given distance from a site. */
import type { Polygon, Position } from 'geojson';
import { WGS84 } from './geodesic.ts';

export function geodesicCircle(center: Position, radiusKm: number, steps = 180): Polygon {
  const ring: Position[] = [];
  // Counter-clockwise (RFC 7946): azimuths decreasing from north.
  for (let k = 0; k < steps; k++) {
    const g = WGS84.Direct(center[1]!, center[0]!, 360 - (360 * k) / steps, radiusKm * 1000);
    ring.push([Math.round(g.lon2! * 1e6) / 1e6, Math.round(g.lat2! * 1e6) / 1e6]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
