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

/**
 * The points' positions and ids for the worker, the page's own arrays: posted without a transfer list,
 * they are copied into the message as it is written, and the page keeps its own. (Copied here and moved
 * instead, a 100,000-point import spent 20–30 ms of the page's thread allocating the copies.)
 */
export function pointBatch(points: PointSet): PointBatch {
  return { lonlat: points.lonlat, ids: points.ids, idEnds: points.idEnds };
}
