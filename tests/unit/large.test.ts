/**
 * A 1,000,000-vertex territory, split as `npm run split` does (the page's import, then the solver), in Node.
 * It takes about 10 s on the 2-core test machine: kept apart from the quick unit tests.
 */
import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { splitText } from '../../scripts/lib/split-core.ts';
import { polygonAreaM2 } from '../../src/geo/geodesic.ts';
import { MAX_IMPORT_VERTICES } from '../../src/data/import.ts';
import { wigglyCircle } from '../fixtures/shapes.ts';

const km2 = (mp: MultiPolygon | null) => (mp ? mp.coordinates.reduce((a, p) => a + polygonAreaM2(p), 0) / 1e6 : 0);

describe('a 1,000,000-vertex territory', () => {
  it('is imported and split correctly, without recursion or spreading the input', () => {
    const ring = wigglyCircle(MAX_IMPORT_VERTICES);
    const text = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    const t0 = performance.now();
    const r = splitText('large.geojson', text, { share: 0.3, bearing: undefined, anchor: null });
    const ms = performance.now() - t0;
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([]);
    if (!r.ok) return;
    const res = r.outcome.result;
    console.log(
      `1,000,000-vertex polygon (${(text.length / 1e6).toFixed(1)} MB): import + split ${(ms / 1000).toFixed(2)} s; ` +
        `${res.totalKm2.toFixed(2)} km², side A ${(res.fraction * 100).toFixed(6)} %`,
    );
    expect(Math.abs(res.fraction - 0.3)).toBeLessThan(1e-8);
    // Independent measures (GeographicLib, geodesic edges): the input, and the returned parts.
    const total = polygonAreaM2([ring]) / 1e6;
    expect(Math.abs(res.totalKm2 - total) / total).toBeLessThan(1e-7);
    const a = km2(res.japanSide),
      b = km2(res.otherSide);
    expect(Math.abs(a / total - 0.3)).toBeLessThan(1e-6);
    expect(Math.abs((a + b) / total - 1)).toBeLessThan(1e-7);
    let vertices = 0;
    for (const mp of [res.japanSide!, res.otherSide!])
      for (const p of mp.coordinates) for (const q of p) vertices += q.length;
    expect(vertices).toBeGreaterThan(MAX_IMPORT_VERTICES);
  }, 120_000);
});
