/**
 * The user's points as the figure draws them: gathered into clusters as the map gathers them (each point
 * not yet taken takes every free point within `radius` px of it, in the order given; MapLibre's clusterer
 * does the same at each zoom), so that a figure of 100,000 points shows discs with counts, as the map does,
 * and not 100,000 dots over the islands and their names (and a 14 MB SVG that took 22 s to draw as PNG).
 */

export interface ScreenCluster {
  /** The mean position of its points (px). */
  x: number;
  y: number;
  count: number;
  /** The index of the point that gathered the others. */
  seed: number;
}

/**
 * Greedy clustering of positions (px) in one pass, with a grid of `radius`-sized cells so that each point
 * looks only at the cells around it.
 */
export function clusterScreenPoints(points: readonly (readonly [number, number])[], radius: number): ScreenCluster[] {
  const n = points.length;
  const cells = new Map<string, number[]>();
  const cellOf = (p: readonly [number, number]) => [Math.floor(p[0] / radius), Math.floor(p[1] / radius)] as const;
  for (let i = 0; i < n; i++) {
    const [cx, cy] = cellOf(points[i]!);
    const key = `${cx},${cy}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  const taken = new Uint8Array(n);
  const r2 = radius * radius;
  const out: ScreenCluster[] = [];
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue;
    const [x0, y0] = points[i]!;
    // The cells that the square of side 2 * radius around the point touches, and one more on each side: a
    // neighbour whose distance rounds to exactly `radius` can lie just past that square (random tests found
    // one at -5e-323 px from a cell's edge). Only the points that start a cluster look, so this costs little.
    const [c0, r0] = cellOf([x0 - radius, y0 - radius]).map((c) => c - 1) as [number, number];
    const [c1, r1] = cellOf([x0 + radius, y0 + radius]).map((c) => c + 1) as [number, number];
    let sx = 0,
      sy = 0,
      count = 0;
    for (let cx = c0; cx <= c1; cx++)
      for (let cy = r0; cy <= r1; cy++)
        for (const j of cells.get(`${cx},${cy}`) ?? []) {
          if (taken[j]) continue;
          const [x, y] = points[j]!;
          if ((x - x0) ** 2 + (y - y0) ** 2 > r2) continue;
          taken[j] = 1;
          sx += x;
          sy += y;
          count++;
        }
    out.push({ x: sx / count, y: sy / count, count, seed: i });
  }
  return out;
}

/** A cluster's count as the map writes it on its disc (the clusterer's point_count_abbreviated). */
export function abbreviatedCount(count: number): string {
  if (count >= 10000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}
