/** Planar ring utilities (area and orientation, closure, the outer rings' box). */
import type { Position } from 'geojson';

/**
 * Signed shoelace area of a ring, closed or not (> 0 counter-clockwise, as RFC 7946 outer rings), in
 * the square of its coordinates' unit. The one planar ring area of the project.
 * Taken about `origin`, by default the ring's first vertex: coordinates are differenced before they are
 * multiplied, so a ring far from (0, 0) keeps its digits (a sliver 1e-9 m wide at 147° E would otherwise
 * be lost in rounding). A projected ring already centred on its plane's origin may pass [0, 0].
 */
export function signedPlanarArea(ring: ArrayLike<Readonly<Position>>, origin?: Readonly<Position>): number {
  const n = ring.length;
  if (n === 0) return 0;
  const o = origin ?? ring[0]!;
  const x0 = o[0]!,
    y0 = o[1]!;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!,
      b = ring[i + 1 === n ? 0 : i + 1]!;
    s += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return s / 2;
}

export function closeRing(ring: Position[]): Position[] {
  const f = ring[0]!;
  const l = ring[ring.length - 1]!;
  return f[0] === l[0] && f[1] === l[1] ? ring : [...ring, [f[0]!, f[1]!]];
}

/** Outer ring counter-clockwise, holes clockwise (RFC 7946 §3.1.6). */
export function orientPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => {
    const ccw = signedPlanarArea(r) > 0;
    return (i === 0) === ccw ? r : [...r].reverse();
  });
}

/**
 * The box [west, south, east, north] of polygons' outer rings (a polygon's holes lie inside its outer
 * ring). The one such box of the project; Infinity and -Infinity when there is no position.
 */
export function outerRingsBox(
  polygons: readonly (readonly (readonly Readonly<Position>[])[])[],
): [number, number, number, number] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const poly of polygons)
    for (const p of poly[0] ?? []) {
      const x = p[0]!,
        y = p[1]!;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}
