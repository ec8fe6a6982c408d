/**
 * The worker behind the user's points on the map (point-tiles.ts): holds the clustered index of the
 * points last sent and answers tile and cluster requests for it. Started by point-tile-source.ts.
 */
import { pointTileIndex, type PointTileIndex } from './point-tiles.ts';
import { joinPointBatches, type PointBatch } from './point-tile-spec.ts';

export type PointTilesIn =
  /** Some of the points of a generation, in order (pointBatchPart); 'load' then indexes them all. */
  | { type: 'part'; generation: number; batch: PointBatch }
  | { type: 'load'; generation: number }
  | { type: 'tile'; req: number; generation: number; z: number; x: number; y: number }
  | { type: 'expand'; req: number; generation: number; clusterId: number };

export type PointTilesOut =
  | { type: 'tile'; req: number; data: ArrayBuffer }
  | { type: 'expand'; req: number; zoom: number | null }
  | { type: 'error'; req: number; message: string };

const scope = self as unknown as {
  postMessage(m: PointTilesOut, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<PointTilesIn>) => void) | null;
};

/** The points last sent: their index, or why it could not be built. */
let current: { generation: number; index: PointTileIndex | null; failure: string | null } | null = null;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The parts received of the generation being sent. */
let incoming: { generation: number; parts: PointBatch[] } | null = null;
/**
 * Requests for a generation newer than the one held: the page names a set's tiles to the map as soon as it
 * starts sending the set, a part at a time, so the map may ask for them before the last part is here.
 * They are answered when that generation is loaded (or with nothing, once a newer one is).
 */
let early: Extract<PointTilesIn, { req: number }>[] = [];

function answer(m: Extract<PointTilesIn, { req: number }>): void {
  try {
    // A request for points that have since been replaced gets nothing: the map asks again with the new URL.
    const mine = current?.generation === m.generation ? current : null;
    if (mine?.failure) throw new Error(mine.failure);
    const index = mine?.index ?? null;
    if (m.type === 'tile') {
      const bytes = index ? index.tile(m.z, m.x, m.y) : new Uint8Array(0);
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      scope.postMessage({ type: 'tile', req: m.req, data }, [data]);
    } else {
      scope.postMessage({ type: 'expand', req: m.req, zoom: index ? index.expansionZoom(m.clusterId) : null });
    }
  } catch (err) {
    scope.postMessage({ type: 'error', req: m.req, message: messageOf(err) });
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'part') {
    // A part of a newer generation: the one being sent before was replaced before it was complete.
    if (incoming?.generation !== m.generation) incoming = { generation: m.generation, parts: [] };
    incoming.parts.push(m.batch);
    return;
  }
  if (m.type === 'load') {
    const parts = incoming?.generation === m.generation ? incoming.parts : [];
    incoming = null;
    try {
      current = { generation: m.generation, index: pointTileIndex(joinPointBatches(parts)), failure: null };
    } catch (err) {
      // Said to every request for these points' tiles, which MapLibre reports as the map's error.
      current = { generation: m.generation, index: null, failure: messageOf(err) };
    }
    const due = early.filter((r) => r.generation <= m.generation);
    early = early.filter((r) => r.generation > m.generation);
    for (const r of due) answer(r);
    return;
  }
  if (m.generation > (current?.generation ?? 0)) early.push(m);
  else answer(m);
};
