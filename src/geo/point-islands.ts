/**
 * The user's points under an option, for many points (100,000 imported sites): the same answer as
 * userPointsUnderOption (user-points.ts), but which island each point lies on is found once per point
 * (cached; it does not depend on the option) and only for points inside an island's bounding box.
 * Changing the option or dragging a slider then costs one half-plane test per point on the islands.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sideUnderOption, type OptionResult, type ShareContext } from './shares.ts';
import type { UserPoint } from './user-points.ts';

type Box = [number, number, number, number];
const boxes = new WeakMap<ShareContext, [string, Box][]>();
const islandCache = new WeakMap<ShareContext, WeakMap<UserPoint, string | null>>();

function islandBoxes(ctx: ShareContext): [string, Box][] {
  let b = boxes.get(ctx);
  if (b) return b;
  b = [];
  for (const [id, island] of ctx.islands) {
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      n = -Infinity;
    for (const poly of island.feature.geometry.coordinates)
      for (const p of poly[0] ?? []) {
        const x = p[0]!,
          y = p[1]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    b.push([id, [w, s, e, n]]);
  }
  boxes.set(ctx, b);
  return b;
}

/** The island a point lies on (the first in the context's order, as islandOfPoint), cached per point. */
function cachedIslandOfPoint(ctx: ShareContext, p: UserPoint): string | null {
  let cache = islandCache.get(ctx);
  if (!cache) {
    cache = new WeakMap();
    islandCache.set(ctx, cache);
  }
  const hit = cache.get(p);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  const [x, y] = p.lonlat;
  for (const [id, [w, s, e, n]] of islandBoxes(ctx)) {
    // Outside the outer rings' box: outside the island (turf would say the same, after a full scan).
    if (x < w || x > e || y < s || y > n) continue;
    if (booleanPointInPolygon(p.lonlat, ctx.islands.get(id)!.feature.geometry)) {
      found = id;
      break;
    }
  }
  cache.set(p, found);
  return found;
}

/**
 * Finds (and caches) the island of points[from, to): a slice at a time, so that a page can spread the
 * first search over 100,000 points across several short tasks (use-point-islands.ts).
 */
export function findIslandsOf(ctx: ShareContext, points: readonly UserPoint[], from: number, to: number): void {
  for (let i = from; i < Math.min(to, points.length); i++) cachedIslandOfPoint(ctx, points[i]!);
}

export function userPointsUnderOptionCached(
  ctx: ShareContext,
  r: OptionResult,
  points: UserPoint[],
): { toJapan: string[]; onIslands: number } {
  const toJapan: string[] = [];
  let onIslands = 0;
  for (const p of points) {
    const id = cachedIslandOfPoint(ctx, p);
    if (!id) continue;
    onIslands++;
    if (sideUnderOption(ctx, r, id, p.lonlat) === 'japan') toJapan.push(p.id);
  }
  return { toJapan, onIslands };
}
