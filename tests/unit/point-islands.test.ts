import { describe, expect, it } from 'vitest';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { pointSetOf, userPointsUnderOption } from '../../src/geo/user-points.ts';
import { findIslandsOf, userPointsUnderOptionCached } from '../../src/geo/point-islands.ts';
import type { UserPoint } from '../../src/data/import.ts';

/** n points spread over the islands' box (145.3–148.5° E, 43.2–45.7° N) by two multipliers, named prefix + index. */
const spreadPoints = (n: number, prefix: string, kx: number, ky: number): UserPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    properties: {},
    lonlat: [145.3 + (((i * kx) % n) / n) * 3.2, 43.2 + (((i * ky) % n) / n) * 2.5],
  }));

describe("the user's points under an option, cached per point", () => {
  it('gives the same answer as userPointsUnderOption for every option, computed again and from the cache', () => {
    const ctx = loadShareContext();
    const points = spreadPoints(20_000, 'p', 7919, 104729);
    // The page's form of the same points (the cache is kept per set).
    const set = pointSetOf(points);
    for (const o of OPTIONS) {
      const r = computeOption(ctx, o, 'geodesic');
      expect(userPointsUnderOptionCached(ctx, r, set)).toEqual(userPointsUnderOption(ctx, r, points));
    }
    // The second pass over the same points answers from the cache: still the same answer.
    const r = computeOption(ctx, OPTIONS[0]!, 'official');
    expect(userPointsUnderOptionCached(ctx, r, set)).toEqual(userPointsUnderOption(ctx, r, points));
    expect(userPointsUnderOptionCached(ctx, r, set)).toEqual(userPointsUnderOption(ctx, r, points));
  });

  it('gives the same answer when the islands were found slice by slice first (as the page does)', () => {
    const ctx = loadShareContext();
    const points = spreadPoints(9_001, 'q', 6151, 3571);
    const set = pointSetOf(points);
    for (let from = 0; from < set.n; from += 4000) findIslandsOf(ctx, set, from, from + 4000);
    for (const o of OPTIONS) {
      const r = computeOption(ctx, o, 'official');
      expect(userPointsUnderOptionCached(ctx, r, set)).toEqual(userPointsUnderOption(ctx, r, points));
    }
  });
});
