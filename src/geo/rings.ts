/** Planar ring utilities on longitude/latitude (orientation, closure, pinches). */
import type { Position } from 'geojson';

/** Shoelace sum in degrees²: > 0 for counter-clockwise rings (RFC 7946 outer rings). */
export function signedPlanarArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

export function closeRing(ring: Position[]): Position[] {
  const f = ring[0];
  const l = ring[ring.length - 1];
  return f[0] === l[0] && f[1] === l[1] ? ring : [...ring, [f[0], f[1]]];
}

/** Outer ring counter-clockwise, holes clockwise (RFC 7946 §3.1.6). */
export function orientPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => {
    const ccw = signedPlanarArea(r) > 0;
    return (i === 0) === ccw ? r : [...r].reverse();
  });
}
