import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ringAreaM2, geometryAreaKm2 } from '../../src/geo/geodesic.ts';
import { laea } from '../../src/geo/laea.ts';
import { signedPlanarArea } from '../../src/geo/rings.ts';

describe('ellipsoidal areas', () => {
  it('matches the closed form for a 1°×1° cell on the equator', () => {
    // Area between two meridians 1° apart, from latitude 0 to 1, on WGS84: (λ₂−λ₁)·b²/2·[q(φ)] differences.
    const a = 6378137,
      f = 1 / 298.257223563,
      e2 = f * (2 - f),
      e = Math.sqrt(e2),
      b2 = a * a * (1 - e2);
    const q = (phi: number) => {
      const s = Math.sin(phi);
      return s / (1 - e2 * s * s) + Math.atanh(e * s) / e;
    };
    const exact = (((Math.PI / 180) * b2) / 2) * (q(Math.PI / 180) - q(0));
    // Edges along parallels are not geodesics: densify them so the geodesic polygon follows the parallel.
    const ring: number[][] = [];
    const N = 2000;
    for (let i = 0; i <= N; i++) ring.push([i / N, 0]);
    for (let i = 0; i <= N; i++) ring.push([1 - i / N, 1]);
    ring.push([0, 0]);
    expect(Math.abs(ringAreaM2(ring) - exact) / exact).toBeLessThan(1e-7);
  });

  it('does not depend on ring orientation', () => {
    const ring = [
      [145, 43],
      [146, 43],
      [146, 44],
      [145, 44],
      [145, 43],
    ];
    expect(ringAreaM2(ring)).toBeCloseTo(ringAreaM2([...ring].reverse()), 3);
    expect(geometryAreaKm2({ type: 'Polygon', coordinates: [ring] })).toBeGreaterThan(8000);
  });

  it('the equal-area projection round-trips and preserves area', () => {
    const p = laea([147, 44.5]);
    fc.assert(
      fc.property(
        fc.double({ min: 144, max: 150, noNaN: true }),
        fc.double({ min: 42, max: 47, noNaN: true }),
        (lon, lat) => {
          const [x, y] = p.forward(lon, lat);
          const [lon2, lat2] = p.inverse(x, y);
          expect(Math.abs(lon2 - lon)).toBeLessThan(1e-9);
          expect(Math.abs(lat2 - lat)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 500 },
    );
    // The inverse sums Karney's series for the geodetic latitude; the forward uses the closed form of q
    // (Snyder eq. 3-12). Their round trip checks the series and its coefficients anywhere on the globe,
    // to far better than the 1e-9° above: a wrong coefficient of n² would show as ~1e-6°.
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (lonC, latC, dLon, dLat) => {
          const q = laea([lonC, latC]);
          const lat = latC + dLat;
          const [lon2, lat2] = q.inverse(...q.forward(lonC + dLon, lat));
          expect(Math.abs(lon2 - (lonC + dLon))).toBeLessThan(1e-11);
          expect(Math.abs(lat2 - lat)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 2000 },
    );
    const cell: number[][] = [];
    const N = 400;
    for (let i = 0; i < N; i++) cell.push([147 + i / N, 44]);
    for (let i = 0; i < N; i++) cell.push([148, 44 + i / N]);
    for (let i = 0; i < N; i++) cell.push([148 - i / N, 45]);
    for (let i = 0; i < N; i++) cell.push([147, 45 - i / N]);
    const planar = signedPlanarArea(cell.map(([x, y]) => p.forward(x!, y!)));
    const g = ringAreaM2([...cell, cell[0]!]);
    expect(Math.abs(Math.abs(planar) - g) / g).toBeLessThan(1e-8);
  });
});
