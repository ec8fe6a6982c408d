/**
 * The user's points under an option, for many points (100,000 imported sites): the same answer as
 * userPointsUnderOption (user-points.ts), but which island each point lies on is found once per point
 * (cached; it does not depend on the option) and only for points inside an island's bounding box.
 * Changing the option or dragging a slider then costs one half-plane test per point on the islands.
 *
 * The cache is one typed array per array of points (and context): a WeakMap entry per point, as before,
 * cost more than the search itself at 100,000 points (the table's growth and the collector's work on
 * its entries: 44–49 ms per 2,000 points in the web benchmark's trace).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sideUnderOption, type OptionResult, type ShareContext } from './shares.ts';
import type { UserPoint } from './user-points.ts';
import { outerRingsBox } from './rings.ts';

type Box = [number, number, number, number];
const boxes = new WeakMap<ShareContext, [string, Box][]>();
/** Not searched yet; NONE: on no island; else the island's index in the context's order. */
const UNKNOWN = -2,
  NONE = -1;
const islandCache = new WeakMap<ShareContext, WeakMap<readonly UserPoint[], Int16Array>>();

function islandBoxes(ctx: ShareContext): [string, Box][] {
  let b = boxes.get(ctx);
  if (b) return b;
  b = [];
  for (const [id, island] of ctx.islands) b.push([id, outerRingsBox(island.feature.geometry.coordinates)]);
  boxes.set(ctx, b);
  return b;
}

/** The island a point lies on (the first in the context's order, as islandOfPoint), as its index there. */
function searchIsland(ctx: ShareContext, boxes: [string, Box][], p: UserPoint): number {
  const [x, y] = p.lonlat;
  for (let k = 0; k < boxes.length; k++) {
    const [id, [w, s, e, n]] = boxes[k]!;
    // Outside the outer rings' box: outside the island (turf would say the same, after a full scan).
    if (x < w || x > e || y < s || y > n) continue;
    if (booleanPointInPolygon(p.lonlat, ctx.islands.get(id)!.feature.geometry)) return k;
  }
  return NONE;
}

/** The cache of these points' islands in this context (UNKNOWN where not searched yet). */
function islandIndex(ctx: ShareContext, points: readonly UserPoint[]): Int16Array {
  let perContext = islandCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    islandCache.set(ctx, perContext);
  }
  let index = perContext.get(points);
  if (!index) {
    index = new Int16Array(points.length).fill(UNKNOWN);
    perContext.set(points, index);
  }
  return index;
}

/**
 * Finds (and caches) the island of points[from, to): a slice at a time, so that a page can spread the
 * first search over 100,000 points across several short tasks (use-point-islands.ts).
 */
export function findIslandsOf(ctx: ShareContext, points: readonly UserPoint[], from: number, to: number): void {
  const index = islandIndex(ctx, points);
  const boxes = islandBoxes(ctx);
  for (let i = from; i < Math.min(to, points.length); i++)
    if (index[i] === UNKNOWN) index[i] = searchIsland(ctx, boxes, points[i]!);
}

export function userPointsUnderOptionCached(
  ctx: ShareContext,
  r: OptionResult,
  points: readonly UserPoint[],
): { toJapan: string[]; onIslands: number } {
  const toJapan: string[] = [];
  let onIslands = 0;
  findIslandsOf(ctx, points, 0, points.length);
  const index = islandIndex(ctx, points);
  const boxes = islandBoxes(ctx);
  points.forEach((p, i) => {
    const k = index[i]!;
    if (k === NONE) return;
    onIslands++;
    if (sideUnderOption(ctx, r, boxes[k]![0], p.lonlat) === 'japan') toJapan.push(p.id);
  });
  return { toJapan, onIslands };
}
