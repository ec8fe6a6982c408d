/**
 * Which island each of the user's points lies on, found in slices of a few thousand points, one task each,
 * so that 100,000 imported points never hold the page's thread for long (the search took one 190–265 ms
 * task in the web benchmark). The answers go to point-islands.ts's cache; this says when it is complete.
 */
import { useEffect, useState } from 'react';
import { findIslandsOf } from '../geo/point-islands.ts';
import type { ShareContext } from '../geo/shares.ts';
import type { UserPoint } from '../geo/user-points.ts';

/** Points per task: 10–25 ms of searching on this project's 2-core test machine. */
const SLICE = 2000;

/** Whether the island of every point is known for this context (always true without points). */
export function usePointIslands(ctx: ShareContext | null, points: readonly UserPoint[]): boolean {
  const [done, setDone] = useState<{ ctx: ShareContext; points: readonly UserPoint[] } | null>(null);
  useEffect(() => {
    if (!ctx || !points.length) return;
    let from = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const to = Math.min(points.length, from + SLICE);
      findIslandsOf(ctx, points, from, to);
      from = to;
      if (from < points.length) timer = setTimeout(slice, 0);
      else setDone({ ctx, points });
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [ctx, points]);
  return !points.length || (done?.ctx === ctx && done.points === points);
}
