/** The figure's clusters of the user's points (src/ui/figure-clusters.ts), checked against a brute-force pass. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abbreviatedCount, clusterScreenPoints } from '../../src/ui/figure-clusters.ts';

/** The same greedy rule with no grid: each free point, in order, takes every free point within the radius. */
function bruteForce(points: [number, number][], radius: number): number[] {
  const owner = new Array<number>(points.length).fill(-1);
  points.forEach(([x0, y0], i) => {
    if (owner[i] !== -1) return;
    points.forEach(([x, y], j) => {
      if (owner[j] === -1 && (x - x0) ** 2 + (y - y0) ** 2 <= radius ** 2) owner[j] = i;
    });
  });
  return owner;
}

// Coordinates on a coarse grid as well as anywhere: points exactly `radius` apart and on cell edges occur.
const coordinate = fc.oneof(
  fc.double({ min: -200, max: 600, noNaN: true }),
  fc.integer({ min: -10, max: 30 }).map((k) => k * 20),
);
const points = fc.array(fc.tuple(coordinate, coordinate), { maxLength: 300 });

describe('clusterScreenPoints', () => {
  it('gathers exactly the points a brute-force pass gathers, each counted once, at their mean', () => {
    fc.assert(
      fc.property(points, fc.constantFrom(10, 20, 40), (pts, radius) => {
        const owner = bruteForce(pts, radius);
        const clusters = clusterScreenPoints(pts, radius);
        expect(clusters.map((c) => c.seed)).toEqual([...new Set(owner)]);
        expect(clusters.reduce((a, c) => a + c.count, 0)).toBe(pts.length);
        for (const c of clusters) {
          const members = pts.filter((_, j) => owner[j] === c.seed);
          expect(c.count).toBe(members.length);
          expect(c.x).toBeCloseTo(members.reduce((a, p) => a + p[0], 0) / members.length, 9);
          expect(c.y).toBeCloseTo(members.reduce((a, p) => a + p[1], 0) / members.length, 9);
        }
        // No two clusters' seeds within the radius: the later one would have been taken by the earlier.
        for (const a of clusters)
          for (const b of clusters) {
            if (a === b) continue;
            const [pa, pb] = [pts[a.seed]!, pts[b.seed]!];
            expect((pa[0] - pb[0]) ** 2 + (pa[1] - pb[1]) ** 2).toBeGreaterThan(radius ** 2);
          }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps points farther apart than the radius alone, and gathers a tight group into one', () => {
    expect(
      clusterScreenPoints(
        [
          [0, 0],
          [41, 0],
          [0, 41],
        ],
        40,
      ).map((c) => c.count),
    ).toEqual([1, 1, 1]);
    // A distance that rounds to exactly the radius, across a cell's edge (found by the random test above).
    const edge: [number, number][] = [
      [20, 0],
      [-5.4e-323, 0],
    ];
    expect(clusterScreenPoints(edge, 20).map((c) => c.count)).toEqual([2]);
    const group = clusterScreenPoints(
      [
        [100, 100],
        [110, 100],
        [100, 110],
        [300, 300],
      ],
      40,
    );
    expect(group).toEqual([
      { x: 310 / 3, y: 310 / 3, count: 3, seed: 0 },
      { x: 300, y: 300, count: 1, seed: 3 },
    ]);
  });
});

describe('abbreviatedCount', () => {
  it('writes counts as the map does on its discs', () => {
    expect([1, 999, 1000, 1250, 9949, 9951, 12_345, 100_000].map(abbreviatedCount)).toEqual([
      '1',
      '999',
      '1k',
      '1.3k',
      '9.9k',
      '10k',
      '12k',
      '100k',
    ]);
  });
});
