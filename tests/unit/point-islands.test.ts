import { describe, expect, it } from 'vitest';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { userPointsUnderOption } from '../../src/geo/user-points.ts';
import { findIslandsOf, userPointsUnderOptionCached } from '../../src/geo/point-islands.ts';
import type { UserPoint } from '../../src/data/import.ts';

describe("the user's points under an option, cached per point", () => {
  it('gives the same answer as userPointsUnderOption for every option, computed again and from the cache', () => {
    const ctx = loadShareContext();
    const points: UserPoint[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `p${i}`,
      properties: {},
      lonlat: [145.3 + (((i * 7919) % 20_000) / 20_000) * 3.2, 43.2 + (((i * 104729) % 20_000) / 20_000) * 2.5],
    }));
    for (const o of OPTIONS) {
      const r = computeOption(ctx, o, 'geodesic');
      expect(userPointsUnderOptionCached(ctx, r, points)).toEqual(userPointsUnderOption(ctx, r, points));
    }
    // The second pass over the same points answers from the cache: still the same answer.
    const r = computeOption(ctx, OPTIONS[0]!, 'official');
    expect(userPointsUnderOptionCached(ctx, r, points)).toEqual(userPointsUnderOption(ctx, r, points));
    expect(userPointsUnderOptionCached(ctx, r, points)).toEqual(userPointsUnderOption(ctx, r, points));
  });

  it('gives the same answer when the islands were found slice by slice first (as the page does)', () => {
    const ctx = loadShareContext();
    const points: UserPoint[] = Array.from({ length: 9_001 }, (_, i) => ({
      id: `q${i}`,
      properties: {},
      lonlat: [145.3 + (((i * 6151) % 9_001) / 9_001) * 3.2, 43.2 + (((i * 3571) % 9_001) / 9_001) * 2.5],
    }));
    for (let from = 0; from < points.length; from += 4000) findIslandsOf(ctx, points, from, from + 4000);
    for (const o of OPTIONS) {
      const r = computeOption(ctx, o, 'official');
      expect(userPointsUnderOptionCached(ctx, r, points)).toEqual(userPointsUnderOption(ctx, r, points));
    }
  });
});
