/**
 * The user's imported points as clustered vector tiles. The index is built in a Web Worker
 * (point-tiles-worker.ts) and its tiles reach MapLibre through a protocol (point-tile-source.ts), so that
 * 100,000 points never cross the page's thread as objects: a GeoJSON source's setData clones every feature
 * there (about 0.9 s for 100,000 in the web benchmark), and MapLibre then sends a copy back to it. Clustered,
 * the map draws a few hundred circles where all the points are in view instead of 100,000 (about 1 s per
 * frame in software WebGL).
 *
 * Clustering and tiling are MapLibre's own libraries (the clusterer of @maplibre/geojson-vt, which MapLibre's
 * GeoJSON sources use, and @maplibre/vt-pbf); this module only packs the points and names the layer.
 */
import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import { CLUSTER_RADIUS_PX, POINT_TILE_LAYER, POINT_TILE_SIZE, type PointBatch } from './point-tile-spec.ts';

/** Past this zoom every point is drawn by itself. */
export const CLUSTER_MAX_ZOOM = 12;
const TILE_EXTENT = 4096;

export interface PointTileIndex {
  readonly size: number;
  /** The tile z/x/y as an uncompressed Mapbox Vector Tile (empty where there is nothing). */
  tile(z: number, x: number, y: number): Uint8Array;
  /** The zoom at which a cluster (its `cluster_id`) splits into several. */
  expansionZoom(clusterId: number): number;
}

export function pointTileIndex(batch: PointBatch): PointTileIndex {
  const n = batch.idEnds.length;
  const features: Feature<Point>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    features[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [batch.lonlat[2 * i]!, batch.lonlat[2 * i + 1]!] },
      properties: { id: batch.ids.slice(i ? batch.idEnds[i - 1] : 0, batch.idEnds[i]) },
    };
  }
  const index = new Supercluster({
    maxZoom: CLUSTER_MAX_ZOOM,
    extent: TILE_EXTENT,
    radius: (CLUSTER_RADIUS_PX * TILE_EXTENT) / POINT_TILE_SIZE,
  });
  index.load(features);
  return {
    size: n,
    tile(z, x, y) {
      const t = index.getTile(z, x, y);
      if (!t?.features.length) return new Uint8Array(0);
      return fromGeojsonVt({ [POINT_TILE_LAYER]: t }, { version: 2, extent: TILE_EXTENT });
    },
    expansionZoom: (clusterId) => index.getClusterExpansionZoom(clusterId),
  };
}
