/**
 * The user's points on the page's side: sends them to the point-tile worker (point-tiles-worker.ts) when
 * they change, and answers MapLibre's requests for their tiles (the `atlas-points` protocol) from it. Each
 * set of points gets a URL of its own, so tiles of an older set are never mixed with a newer one.
 */
import * as maplibregl from 'maplibre-gl';
import type { PointTilesIn, PointTilesOut } from './point-tiles-worker.ts';
import { PointGenerations, pointBatchPart } from './point-tile-spec.ts';
import type { PointSet } from '../geo/user-points.ts';

const PROTOCOL = 'atlas-points';
/** How the protocol's errors begin (MapLibre logs them as they are; the page says only the reason). */
const FAILED = 'the imported points could not be drawn: ';
/** The tiles of no points: answered here, without the worker. */
const NO_POINT_TILES = `${PROTOCOL}://0/{z}/{x}/{y}`;
const TILE_URL = new RegExp(`^${PROTOCOL}://(\\d+)/(\\d+)/(\\d+)/(\\d+)$`);

type Reply = Extract<PointTilesOut, { type: 'tile' | 'expand' }>;
let worker: Worker | null = null;
/**
 * Why the worker cannot answer (it failed to start, or stopped): every request for the points it held is
 * refused from then on. New points start a new worker (pointTilesUrl).
 */
let broken: string | null = null;
let nextReq = 1;
const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

function pointWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./point-tiles-worker.ts', import.meta.url), { type: 'module' });
  // A worker that fails to load or stops would leave MapLibre waiting for its tiles forever (the map never
  // idle, no message): every request waiting, and every later one, is refused with the reason instead.
  const fail = (reason: string) => {
    if (worker !== w) return; // already replaced: its failure is not the new worker's
    broken = reason;
    for (const asker of waiting.values()) asker.reject(new Error(FAILED + reason));
    waiting.clear();
  };
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    fail(e.message || 'the point worker stopped');
  };
  w.onmessageerror = () => fail('a message from the point worker could not be read');
  w.onmessage = (e: MessageEvent<PointTilesOut>) => {
    const m = e.data;
    const asker = waiting.get(m.req);
    if (!asker) return;
    waiting.delete(m.req);
    if (m.type === 'error') asker.reject(new Error(FAILED + m.message));
    else asker.resolve(m);
  };
  worker = w;
  return w;
}

function ask(m: Extract<PointTilesIn, { req: number }>): Promise<Reply> {
  if (broken) return Promise.reject(new Error(FAILED + broken));
  return new Promise((resolve, reject) => {
    waiting.set(m.req, { resolve, reject });
    pointWorker().postMessage(m);
  });
}

/** The number in each set's tiles' URL, and which set the worker was given last. */
const generations = new PointGenerations();
/** The timer of the next part of the set being sent. */
let sending: ReturnType<typeof setTimeout> | null = null;
/** Points per message, and the time (ms) a task of the page's thread spends sending before it gives way. */
const PART_POINTS = 8192;
const SEND_SLICE_MS = 5;

/**
 * The URL template of the points' tiles: each set of points has a URL of its own. The map may ask for
 * them as soon as sendPointsForTiles has begun to send the set: the worker answers when all of it is there.
 */
export function pointTilesUrl(points: PointSet | null): string {
  return points?.n ? `${PROTOCOL}://${generations.generationOf(points)}/{z}/{x}/{y}` : NO_POINT_TILES;
}

/**
 * Sends a set of points to the worker (once: sending the same set again does nothing), where it replaces
 * the one before, whose tiles then come back empty. A part at a time, copied and moved, in tasks of at
 * most about 5 ms: in one message, copying 100,000 points took 15–50 ms of the page's thread (structured
 * clone, web benchmark's profile), one long task during the import. A newer set stops the sending of an
 * older one. The first part goes at once, so the worker knows the set before the map asks for its tiles.
 */
export function sendPointsForTiles(points: PointSet | null): void {
  if (!points?.n || generations.isSent(points)) return;
  if (sending) clearTimeout(sending);
  sending = null;
  // New points after a failure get a new worker: the failure may have passed (a script that could not be
  // fetched, a worker that ran out of memory), and the page says so only while the points it concerned are shown.
  if (broken) {
    worker?.terminate();
    worker = null;
    broken = null;
  }
  const generation = generations.send(points);
  let from = 0;
  const slice = () => {
    sending = null;
    if (!generations.isSent(points)) return;
    const until = performance.now() + SEND_SLICE_MS;
    do {
      const to = Math.min(points.n, from + PART_POINTS);
      const batch = pointBatchPart(points, from, to);
      const part: PointTilesIn = { type: 'part', generation, batch };
      pointWorker().postMessage(part, [batch.lonlat.buffer, batch.idEnds.buffer]);
      from = to;
    } while (from < points.n && performance.now() < until);
    if (from < points.n) {
      sending = setTimeout(slice, 0);
      return;
    }
    const load: PointTilesIn = { type: 'load', generation };
    pointWorker().postMessage(load);
  };
  slice();
}

/** The reason in an error of the points' tiles, as the map reports it. */
export function pointTilesFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = message.indexOf(FAILED);
  return at < 0 ? message : message.slice(at + FAILED.length);
}

/** The generation a tile URL template (or tile URL) belongs to. */
const generationOf = (url: string) => Number(new RegExp(`^${PROTOCOL}://(\\d+)/`).exec(url)?.[1] ?? 0);

/** The zoom at which a cluster of the points behind `tilesUrl` splits (null if those points were replaced). */
export async function clusterExpansionZoom(tilesUrl: string, clusterId: number): Promise<number | null> {
  const g = generationOf(tilesUrl);
  if (!g) return null;
  const r = await ask({ type: 'expand', req: nextReq++, generation: g, clusterId });
  return r.type === 'expand' ? r.zoom : null;
}

maplibregl.addProtocol(PROTOCOL, async (params) => {
  const m = TILE_URL.exec(params.url);
  if (!m) throw new Error(`not a tile of the imported points: ${params.url}`);
  const [g, z, x, y] = m.slice(1).map(Number) as [number, number, number, number];
  if (!g) return { data: new ArrayBuffer(0) };
  const r = await ask({ type: 'tile', req: nextReq++, generation: g, z, x, y });
  return { data: r.type === 'tile' ? r.data : new ArrayBuffer(0) };
});
