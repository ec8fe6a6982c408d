/**
 * The largest file the page accepts, for `npm run bench:web`: just under 50 MB (MAX_IMPORT_BYTES), with
 * as many features and vertices as the import allows: 99,999 points spread over the four islands' area
 * (each with a few properties) and one polygon whose ring takes the rest of the 1,000,000 vertices.
 * Coordinates at full double precision, as exported by most GIS tools.
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_FEATURES, MAX_IMPORT_VERTICES } from '../../src/data/import.ts';

export const LARGE_POINTS = MAX_IMPORT_FEATURES - 1;
export const LARGE_RING_VERTICES = MAX_IMPORT_VERTICES - LARGE_POINTS;

/** A counter-clockwise wiggly circle east of Hokkaido (n distinct vertices, closed). */
function ring(n: number): number[][] {
  const [lon, lat] = [144.5, 43.8];
  const k = Math.cos((lat * Math.PI) / 180);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const th = (2 * Math.PI * i) / n;
    const r = 1 + 0.03 * Math.sin(997 * th);
    out.push([lon + (r * Math.cos(th)) / k, lat + r * Math.sin(th)]);
  }
  out.push(out[0]!);
  return out;
}

/** The file's text, padded with a `note` property on the points to `bytes` (UTF-8, all ASCII). */
export function largeImportText(bytes = MAX_IMPORT_BYTES - 1024): string {
  const point = (i: number, note: string) =>
    JSON.stringify({
      type: 'Feature',
      properties: { id: `p${i}`, name: `point ${i}`, note },
      geometry: {
        type: 'Point',
        coordinates: [
          145.4 + (((i * 7919) % LARGE_POINTS) / LARGE_POINTS) * 3.0 + 1e-9 * Math.PI,
          43.3 + (((i * 104729) % LARGE_POINTS) / LARGE_POINTS) * 2.3 + 1e-9 * Math.E,
        ],
      },
    });
  const polygon = JSON.stringify({
    type: 'Feature',
    properties: { id: 'territory', name: 'a large territory' },
    geometry: { type: 'Polygon', coordinates: [ring(LARGE_RING_VERTICES)] },
  });
  const build = (note: string) => {
    const features: string[] = [polygon];
    for (let i = 0; i < LARGE_POINTS; i++) features.push(point(i, note));
    return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  };
  const bare = build('');
  const pad = Math.max(0, Math.floor((bytes - bare.length) / LARGE_POINTS));
  return build('x'.repeat(pad));
}
