import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { CLUSTER_MAX_ZOOM, pointTileIndex } from '../../src/map/point-tiles.ts';
import fc from 'fast-check';
import {
  joinPointBatches,
  PointGenerations,
  POINT_TILE_LAYER,
  pointBatch,
  pointBatchPart,
} from '../../src/map/point-tile-spec.ts';
import { distanceM } from '../../src/geo/geodesic.ts';
import { pointSetOf } from '../../src/geo/user-points.ts';
import { prng } from '../../scripts/lib/prng.ts';

// The tile of a position at a zoom (the Web Mercator tiling MapLibre uses), written out here so that the
// test does not rely on the tiler's own arithmetic.
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const s = Math.sin((lat * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  return [x, y];
}

interface Decoded {
  id: string | null;
  count: number | null;
  clusterId: number | null;
  lonlat: [number, number];
  /** Inside the tile itself, not in the buffer it shares with its neighbours. */
  own: boolean;
}

function decode(bytes: Uint8Array, z: number, x: number, y: number): Decoded[] {
  if (!bytes.length) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[POINT_TILE_LAYER];
  if (!layer) return [];
  const out: Decoded[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const [p] = f.loadGeometry()[0]!;
    const g = f.toGeoJSON(x, y, z).geometry as Point;
    const props = f.properties;
    out.push({
      id: typeof props.id === 'string' ? props.id : null,
      count: typeof props.point_count === 'number' ? props.point_count : null,
      clusterId: typeof props.cluster_id === 'number' ? props.cluster_id : null,
      lonlat: g.coordinates as [number, number],
      own: p!.x >= 0 && p!.x < layer.extent && p!.y >= 0 && p!.y < layer.extent,
    });
  }
  return out;
}

describe("the user's points as clustered vector tiles", () => {
  const a = { id: 'a', lonlat: [145.8, 44.0] as [number, number], properties: {} };
  const b = { id: 'b', lonlat: [145.8001, 44.0001] as [number, number], properties: {} }; // 14 m from a
  const c = { id: 'c', lonlat: [147.9, 45.2] as [number, number], properties: {} }; // 200 km away
  const index = pointTileIndex(pointBatch(pointSetOf([a, b, c])));

  it('gathers two points 14 m apart into one cluster of 2 at zoom 6, and keeps a far one alone', () => {
    const [x, y] = tileOf(a.lonlat[0], a.lonlat[1], 6);
    const features = decode(index.tile(6, x, y), 6, x, y).filter((f) => f.own);
    const clusters = features.filter((f) => f.count !== null);
    expect(clusters.map((f) => f.count)).toEqual([2]);
    expect(features.some((f) => f.id === 'a' || f.id === 'b')).toBe(false);
    const [cx, cy] = tileOf(c.lonlat[0], c.lonlat[1], 6);
    const far = decode(index.tile(6, cx, cy), 6, cx, cy).filter((f) => f.own);
    expect(far.map((f) => f.id)).toContain('c');
    // The cluster opens at a zoom past 6 and no later than the last clustered zoom plus one.
    const zoom = index.expansionZoom(clusters[0]!.clusterId!);
    expect(zoom).toBeGreaterThan(6);
    expect(zoom).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM + 1);
  });

  it('draws every point by itself past the clustering zooms, within 0.1 m of its position at zoom 16', () => {
    for (const p of [a, b, c]) {
      const [x, y] = tileOf(p.lonlat[0], p.lonlat[1], 16);
      const mine = decode(index.tile(16, x, y), 16, x, y).find((f) => f.id === p.id);
      expect(mine?.count).toBeNull();
      expect(distanceM(mine!.lonlat, p.lonlat)).toBeLessThan(0.1);
    }
  });

  it('gives an empty tile where there are no points', () => {
    expect(decode(index.tile(6, 0, 0), 6, 0, 0)).toEqual([]);
    expect(decode(pointTileIndex(pointBatch(pointSetOf([]))).tile(0, 0, 0), 0, 0, 0)).toEqual([]);
  });

  it('accounts for every one of 3,000 random points exactly once at every zoom (counts summed over tiles)', () => {
    const rand = prng(7);
    const points = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`,
      lonlat: [145.3 + rand() * 3.2, 43.2 + rand() * 2.5] as [number, number],
      properties: {},
    }));
    const many = pointTileIndex(pointBatch(pointSetOf(points)));
    for (let z = 0; z <= CLUSTER_MAX_ZOOM + 1; z += 1) {
      const [x0, y0] = tileOf(145.3, 45.7, z);
      const [x1, y1] = tileOf(148.5, 43.2, z);
      let total = 0;
      const seen = new Set<string>();
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++)
          for (const f of decode(many.tile(z, x, y), z, x, y)) {
            if (!f.own) continue;
            total += f.count ?? 1;
            if (f.id) seen.add(f.id);
          }
      expect(total, `zoom ${z}`).toBe(points.length);
      // Past the last clustered zoom, no clusters: each point is there by its own id.
      if (z > CLUSTER_MAX_ZOOM) expect(seen.size).toBe(points.length);
    }
  });
});

describe('the points handed to the tile worker a part at a time', () => {
  it('joined again in order, the parts are the whole set, whatever the cuts (ids of any length and script)', () => {
    const point = fc.record({
      id: fc.string({ maxLength: 6, unit: 'grapheme' }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -85, max: 85, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), fc.array(fc.nat(40)), (ps, cutsAt) => {
        const set = pointSetOf(ps.map((p) => ({ id: p.id, properties: {}, lonlat: [p.lon, p.lat] })));
        const cuts = [...new Set([0, ...cutsAt.map((c) => Math.min(c, set.n)), set.n])].sort((a, b) => a - b);
        const parts = cuts.slice(1).map((to, k) => pointBatchPart(set, cuts[k]!, to));
        const joined = joinPointBatches(parts);
        // Against the points themselves, not the page's columns: each id and position where it was.
        expect(joined.idEnds.length).toBe(ps.length);
        ps.forEach((p, i) => {
          expect(joined.ids.slice(i ? joined.idEnds[i - 1] : 0, joined.idEnds[i])).toBe(p.id);
          expect([joined.lonlat[2 * i], joined.lonlat[2 * i + 1]]).toEqual([p.lon, p.lat]);
        });
        expect(joined).toEqual(pointBatch(set));
        // Each part owns its arrays (they are moved to the worker), so the page's stay whole.
        for (const b of parts) expect(b.lonlat.buffer).not.toBe(set.lonlat.buffer);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the generations of the sets of points (the numbers in their tiles' URLs)", () => {
  it('a set keeps its number while shown; shown again after another, it gets a newer one than that', () => {
    const g = new PointGenerations();
    const [one, both] = [{}, {}];
    // Named by a render before it is sent, and the same number when sent.
    const first = g.generationOf(one);
    expect(g.generationOf(one)).toBe(first);
    expect(g.send(one)).toBe(first);
    expect(g.isSent(one)).toBe(true);
    // A second import: the two together are a new set with a newer number.
    const second = g.generationOf(both);
    expect(second).toBeGreaterThan(first);
    g.send(both);
    expect(g.isSent(one)).toBe(false);
    // The second removed: the first set again, under a number newer than the set the worker holds
    // (the worker answers older numbers with nothing); the same number from render to send.
    const again = g.generationOf(one);
    expect(again).toBeGreaterThan(second);
    expect(g.generationOf(one)).toBe(again);
    expect(g.send(one)).toBe(again);
    // While it is the one shown, it keeps it.
    expect(g.generationOf(one)).toBe(again);
  });
});
