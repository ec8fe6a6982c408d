/**
 * The median (equidistant) line of a strait between two coasts, and a parallel across an island: the
 * lines that treaty texts define by a strait or a degree of latitude. Pure: no data imported here.
 *
 * medianLine: in an ellipsoidal Lambert azimuthal equal-area plane centred on the strait's narrowest
 * crossing (the closest pair of coast vertices), for stations every stepKm along the perpendicular of
 * that crossing, the point on the crossing's direction whose distances to the two coasts (to their
 * edges, in the plane) are equal is found by bisection. Lengths in that plane are within about 1e-4 of
 * the ground near the centre, far below the coastline's generalisation.
 */
import type { LineString, Position } from 'geojson';
import { laea } from './laea.ts';
import { distanceM } from './geodesic.ts';

type XY = [number, number];

function segDist(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function coastDist(p: XY, edges: [XY, XY][]): number {
  let d = Infinity;
  for (const [a, b] of edges) {
    const x = segDist(p, a, b);
    if (x < d) d = x;
  }
  return d;
}

/** The closest pair of vertices of two sets of rings (lon/lat), with their distance in metres. */
function closestPair(
  a: readonly Position[][],
  b: readonly Position[][],
): { a: Position; b: Position; distanceM: number } {
  let best: { a: Position; b: Position } | null = null;
  // A cheap planar pre-filter (degrees scaled by latitude), then the geodesic distance of the best few.
  const approx = ([px, py]: Position, [qx, qy]: Position) =>
    Math.hypot((px! - qx!) * Math.cos((((py! + qy!) / 2) * Math.PI) / 180), py! - qy!);
  let bestApprox = Infinity;
  for (const ra of a)
    for (const p of ra)
      for (const rb of b)
        for (const q of rb) {
          const d = approx(p, q);
          best ??= { a: p, b: q };
          if (d < bestApprox) {
            bestApprox = d;
            best = { a: p, b: q };
          }
        }
  if (!best) throw new Error('closestPair: each side needs at least one vertex');
  return { ...best, distanceM: distanceM(best.a, best.b) };
}

/**
 * The median line between coast A and coast B (rings of lon/lat; only the parts within windowKm of
 * the narrowest crossing are used), halfLengthKm either side of the narrowest crossing.
 */
export function medianLine(
  a: readonly Position[][],
  b: readonly Position[][],
  halfLengthKm: number,
  stepKm = 1,
  windowKm = 150,
): LineString {
  const closest = closestPair(a, b);
  const pa = closest.a as XY,
    pb = closest.b as XY;
  const centre: Position = [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2];
  const proj = laea(centre);
  const edgesOf = (rings: readonly Position[][]): [XY, XY][] => {
    const out: [XY, XY][] = [];
    for (const ring of rings) {
      let prev: XY | null = null;
      for (const p of ring) {
        const xy = proj.forward(p[0]!, p[1]!) as XY;
        const near = Math.hypot(xy[0], xy[1]) < windowKm * 1000;
        if (prev && near) out.push([prev, xy]);
        prev = near ? xy : null;
      }
    }
    return out;
  };
  const ea = edgesOf(a),
    eb = edgesOf(b);
  const A = proj.forward(pa[0], pa[1]) as XY,
    B = proj.forward(pb[0], pb[1]) as XY;
  const len = Math.hypot(B[0] - A[0], B[1] - A[1]);
  const u: XY = [(B[0] - A[0]) / len, (B[1] - A[1]) / len];
  const v: XY = [-u[1], u[0]];
  const reach = windowKm * 1000 * 0.9;
  const coords: Position[] = [];
  const n = Math.round(halfLengthKm / stepKm);
  for (let k = -n; k <= n; k++) {
    const base: XY = [v[0] * k * stepKm * 1000, v[1] * k * stepKm * 1000];
    const f = (t: number) => {
      const p: XY = [base[0] + u[0] * t, base[1] + u[1] * t];
      return coastDist(p, ea) - coastDist(p, eb);
    };
    let lo = -reach,
      hi = reach;
    let flo = f(lo);
    const fhi = f(hi);
    if (!(flo < 0 && fhi > 0) && !(flo > 0 && fhi < 0)) continue;
    for (let it = 0; it < 60 && hi - lo > 0.5; it++) {
      const mid = (lo + hi) / 2,
        fm = f(mid);
      if (fm < 0 === flo < 0) {
        lo = mid;
        flo = fm;
      } else hi = mid;
    }
    const t = (lo + hi) / 2;
    const [lon, lat] = proj.inverse(base[0] + u[0] * t, base[1] + u[1] * t);
    coords.push([round6(lon), round6(lat)]);
  }
  return { type: 'LineString', coordinates: coords };
}

/** Where a parallel crosses a ring: the longitudes, sorted. */
export function parallelCrossings(ring: readonly Position[], lat: number): number[] {
  const xs: number[] = [];
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1]! as XY,
      [x2, y2] = ring[i]! as XY;
    if (y1 <= lat !== y2 <= lat) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
  }
  return xs.sort((p, q) => p - q);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
