/**
 * Which island each of the user's points lies on, found a few milliseconds at a time, one task each, so
 * that 100,000 imported points never hold the page's thread for long. The answers go to point-islands.ts's
 * cache; this says when it is complete.
 */
import { startTransition, useEffect, useState } from 'react';
import { findIslandsOf } from '../geo/point-islands.ts';
import type { ShareContext } from '../geo/shares.ts';
import type { PointSet } from '../geo/user-points.ts';

/**
 * Time per task. Slices of a fixed count did not bound it: a point inside an island's box is tested against
 * the whole coast, so 2,000 points took 10–25 ms in one file and 63 ms in the web benchmark's 50 MB one.
 */
const BUDGET_MS = 8;
/** Points searched between looks at the clock. */
const STEP = 64;

/** Whether the island of every point is known for this context (always true without points). */
export function usePointIslands(ctx: ShareContext | null, points: PointSet): boolean {
  const [done, setDone] = useState<{ ctx: ShareContext; points: PointSet } | null>(null);
  useEffect(() => {
    if (!ctx || !points.n) return;
    let from = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const until = performance.now() + BUDGET_MS;
      do {
        const to = Math.min(points.n, from + STEP);
        findIslandsOf(ctx, points, from, to);
        from = to;
      } while (from < points.n && performance.now() < until);
      if (from < points.n) timer = setTimeout(slice, 0);
      // The counts it completes are drawn as a transition, in slices (see use-import-actions.ts).
      else startTransition(() => setDone({ ctx, points }));
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [ctx, points]);
  return !points.n || (done?.ctx === ctx && done.points === points);
}
