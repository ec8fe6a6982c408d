/**
 * The point-tile worker's messages (src/map/point-tiles-worker.ts), run in Node with a stand-in for the
 * worker's global scope: parts joined into one set, tiles asked for before the set is complete answered
 * once it is, and tiles of a replaced set answered with nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { PointTilesIn, PointTilesOut } from '../../src/map/point-tiles-worker.ts';
import { POINT_TILE_LAYER, pointBatchPart } from '../../src/map/point-tile-spec.ts';
import { pointSetOf, type PointSet } from '../../src/geo/user-points.ts';

const posted: PointTilesOut[] = [];
let send: (m: PointTilesIn) => void;

beforeAll(async () => {
  const scope: { postMessage(m: PointTilesOut): void; onmessage: ((e: { data: PointTilesIn }) => void) | null } = {
    postMessage: (m) => posted.push(m),
    onmessage: null,
  };
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/map/point-tiles-worker.ts');
  send = (m) => scope.onmessage!({ data: m });
});
afterAll(() => {
  delete (globalThis as { self?: unknown }).self;
});

/** The ids of the single points in a tile (clusters left out). */
function idsIn(data: ArrayBuffer): string[] {
  if (!data.byteLength) return [];
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[POINT_TILE_LAYER];
  const ids: string[] = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const id = layer!.feature(i).properties.id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** Tile 16/x/y of a position (Web Mercator), where every point is drawn by itself. */
function tile16(lon: number, lat: number): { z: number; x: number; y: number } {
  const n = 2 ** 16;
  const s = Math.sin((lat * Math.PI) / 180);
  return {
    z: 16,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n),
  };
}

const sendSet = (points: PointSet, generation: number, partSize: number, load = true) => {
  for (let from = 0; from < points.n; from += partSize)
    send({ type: 'part', generation, batch: pointBatchPart(points, from, Math.min(points.n, from + partSize)) });
  if (load) send({ type: 'load', generation });
};
const answerTo = (req: number) => posted.find((m) => m.req === req);

describe('the point-tile worker', () => {
  const at = (i: number): [number, number] => [145.5 + i * 0.01, 44.0 + i * 0.01];
  const set = (prefix: string, n: number) =>
    pointSetOf(Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, properties: {}, lonlat: at(i) })));

  it('answers a tile asked for before the last part came once the set is loaded, from all its parts', () => {
    const points = set('a', 25);
    // The map asks for point 17's tile while the set is still coming: no answer yet.
    send({ type: 'tile', req: 1, generation: 1, ...tile16(...at(17)) });
    sendSet(points, 1, 4, false);
    expect(answerTo(1)).toBeUndefined();
    send({ type: 'load', generation: 1 });
    const reply = answerTo(1);
    expect(reply?.type).toBe('tile');
    expect(idsIn((reply as Extract<PointTilesOut, { type: 'tile' }>).data)).toEqual(['a17']);
    // Asked for after the load: answered at once, and the point in the last part is there too.
    send({ type: 'tile', req: 2, generation: 1, ...tile16(...at(24)) });
    expect(idsIn((answerTo(2) as Extract<PointTilesOut, { type: 'tile' }>).data)).toEqual(['a24']);
  });

  it('answers tiles of a replaced set with nothing, and drops a set replaced before it was complete', () => {
    // Generation 2 is cut short by generation 3 (its load never comes); a request for 2 waits, then gets nothing.
    send({ type: 'tile', req: 3, generation: 2, ...tile16(...at(3)) });
    sendSet(set('b', 10), 2, 4, false);
    sendSet(set('c', 10), 3, 3);
    expect(idsIn((answerTo(3) as Extract<PointTilesOut, { type: 'tile' }>).data)).toEqual([]);
    send({ type: 'tile', req: 4, generation: 3, ...tile16(...at(3)) });
    expect(idsIn((answerTo(4) as Extract<PointTilesOut, { type: 'tile' }>).data)).toEqual(['c3']);
    // The first set's tiles, asked for again: nothing (the map asks with the newer URL).
    send({ type: 'tile', req: 5, generation: 1, ...tile16(...at(17)) });
    expect(idsIn((answerTo(5) as Extract<PointTilesOut, { type: 'tile' }>).data)).toEqual([]);
  });
});
