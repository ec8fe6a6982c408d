/**
 * A label position guaranteed to lie on land: on the horizontal line through the largest part's
 * vertex-mean latitude, the middle of the widest run inside it. (A centroid can fall in the sea for
 * crescent-shaped islands.)
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { signedPlanarArea } from './rings.ts';

export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const outerArea = (poly: Position[][]) => Math.abs(signedPlanarArea(poly[0] ?? []));
  const largest = polys.reduce((a, b) => (outerArea(b) > outerArea(a) ? b : a));
  const outer = largest[0];
  if (!outer?.[0]) throw new Error('labelPoint: the geometry has no outer ring');
  let minY = Infinity,
    maxY = -Infinity;
  for (const p of outer) {
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  let best: Position = outer[0];
  let bestWidth = -1;
  // A few scan lines around the middle; keep the widest inside run.
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * t;
    const xs: number[] = [];
    for (const ring of largest) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i]! as [number, number],
          [x2, y2] = ring[i + 1]! as [number, number];
        if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const x1 = xs[i]!,
        x2 = xs[i + 1]!;
      const w = x2 - x1;
      if (w > bestWidth) {
        bestWidth = w;
        best = [(x1 + x2) / 2, y];
      }
    }
  }
  return best;
}
