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

export function pointBatch(points: readonly { id: string; lonlat: readonly [number, number] }[]): PointBatch {
  const lonlat = new Float64Array(points.length * 2);
  const idEnds = new Uint32Array(points.length);
  let ids = '';
  points.forEach((p, i) => {
    lonlat[2 * i] = p.lonlat[0];
    lonlat[2 * i + 1] = p.lonlat[1];
    ids += p.id;
    idEnds[i] = ids.length;
  });
  return { lonlat, ids, idEnds };
}
