import { describe, expect, it } from 'vitest';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { userPointsUnderOption } from '../../src/geo/user-points.ts';
import { userPointsUnderOptionCached } from '../../src/geo/point-islands.ts';
import type { UserPoint } from '../../src/data/import.ts';

describe("the user's points under an option, cached per point", () => {
  it('gives the same answer as userPointsUnderOption for every option, and the second time far faster', () => {
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
    const r = computeOption(ctx, OPTIONS[0]!, 'official');
    const t0 = performance.now();
    userPointsUnderOptionCached(ctx, r, points);
    const cached = performance.now() - t0;
    const t1 = performance.now();
    userPointsUnderOption(ctx, r, points);
    const full = performance.now() - t1;
    expect(cached).toBeLessThan(full);
  });
});
