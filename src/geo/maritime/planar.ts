/** Small planar helpers for the maritime module (coordinates in metres of one azimuthal plane). */

/** A polygon as flat coordinates [x0, y0, x1, y1, ...], not closed. */
export type Flat = number[];

/** Signed shoelace area (> 0 counter-clockwise). */
export function flatArea(p: Flat): number {
  let s = 0;
  const n = p.length;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 === n ? 0 : i + 2;
    s += p[i]! * p[j + 1]! - p[j]! * p[i + 1]!;
  }
  return s / 2;
}

/**
 * Sutherland–Hodgman: the subject polygon clipped by a convex, counter-clockwise clip polygon.
 * The subject may be concave: the result can then hold zero-width connecting edges, but its area is exact.
 */
export function clipConvex(subject: Flat, clip: Flat): Flat {
  let out = subject;
  const m = clip.length;
  for (let c = 0; c < m && out.length >= 6; c += 2) {
    const ax = clip[c]!,
      ay = clip[c + 1]!;
    const d = c + 2 === m ? 0 : c + 2;
    const bx = clip[d]!,
      by = clip[d + 1]!;
    const ex = bx - ax,
      ey = by - ay;
    const input = out;
    out = [];
    const n = input.length;
    let px = input[n - 2]!,
      py = input[n - 1]!;
    let pIn = ex * (py - ay) - ey * (px - ax) >= 0;
    for (let i = 0; i < n; i += 2) {
      const qx = input[i]!,
        qy = input[i + 1]!;
      const qIn = ex * (qy - ay) - ey * (qx - ax) >= 0;
      if (qIn !== pIn) {
        const dp = ex * (py - ay) - ey * (px - ax);
        const dq = ex * (qy - ay) - ey * (qx - ax);
        const t = dp / (dp - dq);
        out.push(px + t * (qx - px), py + t * (qy - py));
      }
      if (qIn) out.push(qx, qy);
      px = qx;
      py = qy;
      pIn = qIn;
    }
  }
  return out.length >= 6 ? out : [];
}

/** Even-odd point in polygon. */
export function pointInFlat(x: number, y: number, p: Flat): boolean {
  let inside = false;
  const n = p.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const yi = p[i + 1]!,
      yj = p[j + 1]!;
    if (yi > y !== yj > y && x < ((p[j]! - p[i]!) * (y - yi)) / (yj - yi) + p[i]!) inside = !inside;
  }
  return inside;
}

/** Bounding box [minx, miny, maxx, maxy] of a flat polygon. */
export function flatBox(p: Flat): [number, number, number, number] {
  let a = Infinity,
    b = Infinity,
    c = -Infinity,
    d = -Infinity;
  for (let i = 0; i < p.length; i += 2) {
    const x = p[i]!,
      y = p[i + 1]!;
    if (x < a) a = x;
    if (x > c) c = x;
    if (y < b) b = y;
    if (y > d) d = y;
  }
  return [a, b, c, d];
}
