/**
 * The user's points under an option, for many points (100,000 imported sites): the same answer as
 * userPointsUnderOption (user-points.ts), but which island each point lies on is found once per point
 * (cached; it does not depend on the option) and only for points inside an island's bounding box.
 * Changing the option or dragging a slider then costs one half-plane test per point on the islands.
 *
 * The cache is one typed array per set of points (and context): a WeakMap entry per point, as before,
 * cost more than the search itself at 100,000 points (the table's growth and the collector's work on
 * its entries: 44–49 ms per 2,000 points in the web benchmark's trace).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sideRuleUnderOption, type OptionResult, type ShareContext } from './shares.ts';
import { pointIdAt, type PointSet } from './user-points.ts';
import { outerRingsBox } from './rings.ts';

type Box = [number, number, number, number];
const boxes = new WeakMap<ShareContext, [string, Box][]>();
/** Not searched yet; NONE: on no island; else the island's index in the context's order. */
const UNKNOWN = -2,
  NONE = -1;
const islandCache = new WeakMap<ShareContext, WeakMap<PointSet, Int16Array>>();

function islandBoxes(ctx: ShareContext): [string, Box][] {
  let b = boxes.get(ctx);
  if (b) return b;
  b = [];
  for (const [id, island] of ctx.islands) b.push([id, outerRingsBox(island.feature.geometry.coordinates)]);
  boxes.set(ctx, b);
  return b;
}

/** The island a point lies on (the first in the context's order, as islandOfPoint), as its index there. */
function searchIsland(ctx: ShareContext, boxes: [string, Box][], x: number, y: number): number {
  for (let k = 0; k < boxes.length; k++) {
    const [id, [w, s, e, n]] = boxes[k]!;
    // Outside the outer rings' box: outside the island (turf would say the same, after a full scan).
    if (x < w || x > e || y < s || y > n) continue;
    if (booleanPointInPolygon([x, y], ctx.islands.get(id)!.feature.geometry)) return k;
  }
  return NONE;
}

/** The cache of these points' islands in this context (UNKNOWN where not searched yet). */
function islandIndex(ctx: ShareContext, points: PointSet): Int16Array {
  let perContext = islandCache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    islandCache.set(ctx, perContext);
  }
  let index = perContext.get(points);
  if (!index) {
    index = new Int16Array(points.n).fill(UNKNOWN);
    perContext.set(points, index);
  }
  return index;
}

/**
 * Finds (and caches) the island of points[from, to): a slice at a time, so that a page can spread the
 * first search over 100,000 points across several short tasks (use-point-islands.ts).
 */
export function findIslandsOf(ctx: ShareContext, points: PointSet, from: number, to: number): void {
  const index = islandIndex(ctx, points);
  const boxes = islandBoxes(ctx);
  const { lonlat } = points;
  for (let i = from; i < Math.min(to, points.n); i++)
    if (index[i] === UNKNOWN) index[i] = searchIsland(ctx, boxes, lonlat[2 * i]!, lonlat[2 * i + 1]!);
}

/**
 * Calls `each` for every point on one of the four islands, in the set's order, with its island and its side
 * under the option: the one rule behind the counts (run at every step of a slider drag, so nothing is
 * allocated per point) and the points' CSV.
 */
function forEachOnIslands(
  ctx: ShareContext,
  r: OptionResult,
  points: PointSet,
  each: (i: number, island: string, side: 'japan' | 'russia') => void,
): void {
  findIslandsOf(ctx, points, 0, points.n);
  const index = islandIndex(ctx, points);
  const boxes = islandBoxes(ctx);
  const rules = boxes.map(([id]) => sideRuleUnderOption(ctx, r, id));
  const { lonlat } = points;
  for (let i = 0; i < points.n; i++) {
    const k = index[i]!;
    if (k === NONE) continue;
    const rule = rules[k]!;
    each(i, boxes[k]![0], typeof rule === 'string' ? rule : rule(lonlat[2 * i]!, lonlat[2 * i + 1]!));
  }
}

export function userPointsUnderOptionCached(
  ctx: ShareContext,
  r: OptionResult,
  points: PointSet,
): { toJapan: string[]; onIslands: number } {
  const toJapan: string[] = [];
  let onIslands = 0;
  forEachOnIslands(ctx, r, points, (i, _island, side) => {
    onIslands++;
    if (side === 'japan') toJapan.push(pointIdAt(points, i));
  });
  return { toJapan, onIslands };
}

/**
 * Each point's island (its id, or null off the four islands) and side under the option (null off them),
 * in the set's order: the rows of the points' CSV.
 */
export function userPointSides(
  ctx: ShareContext,
  r: OptionResult,
  points: PointSet,
): { island: (string | null)[]; side: ('japan' | 'russia' | null)[] } {
  const island = new Array<string | null>(points.n).fill(null);
  const side = new Array<'japan' | 'russia' | null>(points.n).fill(null);
  forEachOnIslands(ctx, r, points, (i, id, s) => {
    island[i] = id;
    side[i] = s;
  });
  return { island, side };
}
