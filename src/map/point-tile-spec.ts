import type { PointSet } from '../geo/user-points.ts';

/**
 * What the page and the point-tile worker agree on about the user's points as vector tiles
 * (point-tiles.ts). Apart, so that the page's style does not pull the tiling libraries into its bundle.
 */

/** The layer of every tile (a vector source's `source-layer`). */
export const POINT_TILE_LAYER = 'points';
/**
 * The highest zoom at which tiles are made (MapLibre overzooms past it). With 4,096 units per tile, a
 * point's drawn position is within half a unit of its own: under 0.1 m at zoom 16 at these latitudes.
 */
export const POINT_TILE_MAX_ZOOM = 16;
/** How many pixels MapLibre draws a vector tile over: the clusters' radius is measured against it. */
export const POINT_TILE_SIZE = 512;
/** Points closer than this, in pixels, gather into a cluster (on the map, and in the exported figure). */
export const CLUSTER_RADIUS_PX = 40;

/** Points as they travel to the worker: point i has the id ids.slice(idEnds[i - 1] ?? 0, idEnds[i]). */
export interface PointBatch {
  lonlat: Float64Array;
  ids: string;
  idEnds: Uint32Array;
}

/** All the points' positions and ids, the page's own arrays (for the index built in Node, and tests). */
export function pointBatch(points: PointSet): PointBatch {
  return { lonlat: points.lonlat, ids: points.ids, idEnds: points.idEnds };
}

/**
 * Points [from, to) as a batch of their own (copies, which the page moves to the worker): the page hands
 * 100,000 points over a part at a time, in short tasks, rather than in one message that takes 15–50 ms of
 * its thread to copy.
 */
export function pointBatchPart(points: PointSet, from: number, to: number): PointBatch {
  const idStart = from ? points.idEnds[from - 1]! : 0;
  const idEnds = points.idEnds.slice(from, to);
  for (let i = 0; i < idEnds.length; i++) idEnds[i] = idEnds[i]! - idStart;
  return {
    lonlat: points.lonlat.slice(2 * from, 2 * to),
    ids: points.ids.slice(idStart, to > from ? points.idEnds[to - 1] : idStart),
    idEnds,
  };
}

/** The parts as one batch again, in order (in the worker). */
export function joinPointBatches(parts: readonly PointBatch[]): PointBatch {
  if (parts.length === 1) return parts[0]!;
  const n = parts.reduce((a, p) => a + p.idEnds.length, 0);
  const lonlat = new Float64Array(2 * n);
  const idEnds = new Uint32Array(n);
  let at = 0,
    idBase = 0;
  for (const p of parts) {
    lonlat.set(p.lonlat, 2 * at);
    for (let i = 0; i < p.idEnds.length; i++) idEnds[at + i] = idBase + p.idEnds[i]!;
    at += p.idEnds.length;
    idBase += p.ids.length;
  }
  return { lonlat, ids: parts.map((p) => p.ids).join(''), idEnds };
}

/**
 * The generation of each set of points (the number in its tiles' URL), on the page's side. A set keeps
 * its number while it is the one shown; a set shown again after another (one import, then two, then the
 * second removed) gets a new, higher one, because the worker answers requests for generations older than
 * the one it holds with nothing.
 */
export class PointGenerations {
  private readonly of = new WeakMap<object, number>();
  private next = 1;
  private sent: object | null = null;
  private sentGeneration = 0;

  /** The generation the set has, or will be sent under. */
  generationOf(points: object): number {
    let g = this.of.get(points);
    if (!g || (points !== this.sent && g <= this.sentGeneration)) {
      g = this.next++;
      this.of.set(points, g);
    }
    return g;
  }

  /** Whether the set is the one last sent (so it need not be sent again). */
  isSent(points: object): boolean {
    return this.sent === points;
  }

  /** Records that the set is being sent; its generation. */
  send(points: object): number {
    const g = this.generationOf(points);
    this.sent = points;
    this.sentGeneration = g;
    return g;
  }
}
