/**
 * A copy of a large territory for drawing only (pure; no recursion, so any size is safe). The figures
 * and exports always come from the full geometry; the map gets at most about `maxVertices` vertices,
 * so that handing it to MapLibre (a structured clone on the page's thread) stays short.
 *
 * Douglas–Peucker per ring, with an explicit stack, on longitude/latitude scaled by cos(latitude);
 * the tolerance starts far below a pixel at the zoom that shows the whole territory and doubles until
 * the copy is small enough. Every ring keeps at least 4 positions (its first, its farthest and one more).
 */
import type { MultiPolygon, Position } from 'geojson';
import { outerRingsBox } from './rings.ts';

const DISPLAY_MAX_VERTICES = 20_000;

function countVertices(mp: MultiPolygon): number {
  let n = 0;
  for (const poly of mp.coordinates) for (const ring of poly) n += ring.length;
  return n;
}

/** The indices DP keeps for a closed ring (first = last), at tolerance² `tol2` in scaled degrees². */
function keepRing(ring: Position[], k: number, tol2: number): Position[] {
  const n = ring.length;
  if (n <= 5) return ring;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // The farthest vertex from the first splits the closed ring into two open chains.
  let far = 1,
    farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const dx = (ring[i]![0]! - ring[0]![0]!) * k,
      dy = ring[i]![1]! - ring[0]![1]!;
    const d = dx * dx + dy * dy;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  keep[far] = 1;
  const stack: number[] = [0, far, far, n - 1];
  while (stack.length) {
    const b = stack.pop()!,
      a = stack.pop()!;
    if (b - a < 2) continue;
    const ax = ring[a]![0]! * k,
      ay = ring[a]![1]!,
      bx = ring[b]![0]! * k,
      by = ring[b]![1]!;
    const ex = bx - ax,
      ey = by - ay,
      len2 = ex * ex + ey * ey;
    let best = -1,
      bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = ring[i]![0]! * k - ax,
        py = ring[i]![1]! - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const c = px * ey - py * ex;
        d = (c * c) / len2;
      }
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push(a, best, best, b);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[i]!);
  if (out.length < 4) {
    // A sliver: first, farthest and the vertex halfway round on the longer side.
    const mid = far > (n - 1) / 2 ? Math.floor(far / 2) : Math.floor((far + n - 1) / 2);
    const [i0, i1, i2] = [0, far, mid].sort((p, q) => p - q) as [number, number, number];
    return [ring[i0]!, ring[i1]!, ring[i2]!, ring[n - 1]!];
  }
  return out;
}

/** The territory for drawing: itself when small, else simplified to at most about `maxVertices` vertices. */
export function simplifyForDisplay(
  mp: MultiPolygon | null,
  maxVertices = DISPLAY_MAX_VERTICES,
): { geometry: MultiPolygon | null; vertices: number; simplified: boolean } {
  if (!mp) return { geometry: null, vertices: 0, simplified: false };
  const vertices = countVertices(mp);
  if (vertices <= maxVertices) return { geometry: mp, vertices, simplified: false };
  const [minX, minY, maxX, maxY] = outerRingsBox(mp.coordinates);
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const span = Math.max((maxX - minX) * k, maxY - minY) || 1e-6;
  let tol = span / 20_000;
  for (let round = 0; round < 30; round++, tol *= 2) {
    const coordinates = mp.coordinates.map((poly) => poly.map((ring) => keepRing(ring, k, tol * tol)));
    const out: MultiPolygon = { type: 'MultiPolygon', coordinates };
    if (countVertices(out) <= maxVertices || round === 29) return { geometry: out, vertices, simplified: true };
  }
  return { geometry: mp, vertices, simplified: false };
}
