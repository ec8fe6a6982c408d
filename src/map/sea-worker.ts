/**
 * The sea's Web Worker: the preparation (several seconds) and each option's recomputation run here, off
 * the page's main thread. It also draws each side's waters as a light raster (1.5 km pixels, rows evenly
 * spaced in Web Mercator so MapLibre places the image exactly), the 12 nm belts a shade darker.
 */
import { Delaunay } from 'd3-delaunay';
import type { FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { prepareSea, TERRITORIAL_SEA_M, type PreparedSea, type StraitInput } from '../geo/maritime/prepare.ts';
import { computeSea, siteOwners, type SeaOwnership, type SeaResult } from '../geo/maritime/compute.ts';
import { coastInput } from '../geo/maritime/load-coasts.ts';
import { laea } from '../geo/laea.ts';

export type SeaWorkerIn =
  | {
      type: 'prepare';
      islands: FeatureCollection<Geometry>;
      hokkaido: FeatureCollection<Geometry>;
      context: FeatureCollection<Geometry>;
      straits: StraitInput[];
    }
  | { type: 'compute'; seq: number; current: SeaOwnership; others: { id: string; own: SeaOwnership }[] };

export interface SeaSummary {
  japanShare: number;
  japanM2: number;
  russiaM2: number;
}
export type SeaWorkerOut =
  | { type: 'ready'; prepareMs: number; envelope: Position[]; tsLimit: MultiLineString; regionM2: number }
  | {
      type: 'result';
      seq: number;
      current: SeaResult;
      others: Record<string, SeaSummary>;
      computeMs: number;
      image: Blob | null;
      bounds: [number, number, number, number];
    }
  | { type: 'error'; message: string };

let prep: PreparedSea | null = null;
let grid: { w: number; h: number; site: Int32Array; ts: Uint8Array; bounds: [number, number, number, number] } | null =
  null;
const summaries = new Map<string, SeaSummary>();

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

function buildGrid(p: PreparedSea) {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of p.envelope) {
    w = Math.min(w, x!);
    e = Math.max(e, x!);
    s = Math.min(s, y!);
    n = Math.max(n, y!);
  }
  const W = Math.round(((e - w) * 111.32 * Math.cos((((s + n) / 2) * Math.PI) / 180)) / 1.5);
  const y0 = mercY(n),
    y1 = mercY(s);
  const H = Math.round(((n - s) * 111.2) / 1.5);
  const proj = laea(p.center);
  const d = new Delaunay(p.siteXY);
  const site = new Int32Array(W * H).fill(-1),
    ts = new Uint8Array(W * H);
  const env = p.envelope;
  let hint = 0;
  for (let r = 0; r < H; r++) {
    const lat = latOf(y0 + ((r + 0.5) / H) * (y1 - y0));
    // The region's row: crossings of the limit's ring with this parallel.
    const xs: number[] = [];
    for (let k = 0; k + 1 < env.length; k++) {
      const [ax, ay] = env[k]! as [number, number],
        [bx, by] = env[k + 1]! as [number, number];
      if (ay > lat !== by > lat) xs.push(ax + ((lat - ay) / (by - ay)) * (bx - ax));
    }
    xs.sort((a, b) => a - b);
    for (let q = 0; q + 1 < xs.length; q += 2) {
      const c0 = Math.max(0, Math.ceil(((xs[q]! - w) / (e - w)) * W - 0.5)),
        c1 = Math.min(W - 1, Math.floor(((xs[q + 1]! - w) / (e - w)) * W - 0.5));
      for (let c = c0; c <= c1; c++) {
        const lon = w + ((c + 0.5) / W) * (e - w);
        const [x, y] = proj.forward(lon, lat);
        const i = d.find(x, y, hint);
        hint = i;
        site[r * W + c] = i;
        if (Math.hypot(p.siteXY[2 * i]! - x, p.siteXY[2 * i + 1]! - y) <= TERRITORIAL_SEA_M) ts[r * W + c] = 1;
      }
    }
  }
  grid = { w: W, h: H, site, ts, bounds: [w, s, e, n] };
}

async function draw(owner: Uint8Array): Promise<Blob | null> {
  if (!grid || typeof OffscreenCanvas === 'undefined') return null;
  const { w, h, site, ts } = grid;
  const img = new ImageData(w, h);
  const px = img.data;
  // Okabe–Ito orange (Japan) and bluish green (Russia), as the land shading; light, the 12 nm belt darker.
  const japan = [230, 159, 0] as const,
    russia = [0, 158, 115] as const;
  for (let k = 0; k < w * h; k++) {
    const i = site[k]!;
    if (i < 0) continue;
    const o = owner[i]!;
    if (o > 1) continue;
    const [red, green, blue] = o === 0 ? japan : russia;
    px[4 * k] = red;
    px[4 * k + 1] = green;
    px[4 * k + 2] = blue;
    px[4 * k + 3] = ts[k] ? 110 : 55;
  }
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d')!.putImageData(img, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

const keyOf = (o: SeaOwnership) => JSON.stringify(o);
const post = (m: SeaWorkerOut) => (self as unknown as { postMessage(m: SeaWorkerOut): void }).postMessage(m);

self.onmessage = async (ev: MessageEvent<SeaWorkerIn>) => {
  const m = ev.data;
  try {
    if (m.type === 'prepare') {
      const t = performance.now();
      prep = prepareSea(coastInput(m.islands, m.hokkaido, m.context), m.straits);
      buildGrid(prep);
      const out: SeaWorkerOut = {
        type: 'ready',
        prepareMs: performance.now() - t,
        envelope: prep.envelope,
        tsLimit: { type: 'MultiLineString', coordinates: prep.tsLimit },
        regionM2: prep.regionSeaM2,
      };
      post(out);
      return;
    }
    if (!prep) return;
    const t = performance.now();
    const current = computeSea(prep, m.current);
    const others: Record<string, SeaSummary> = {};
    for (const o of m.others) {
      const k = keyOf(o.own);
      let s = summaries.get(k);
      if (!s) {
        const r = computeSea(prep, o.own);
        s = { japanShare: r.japanShare, japanM2: r.japanM2, russiaM2: r.russiaM2 };
        summaries.set(k, s);
      }
      others[o.id] = s;
    }
    const computeMs = performance.now() - t;
    const image = await draw(siteOwners(prep, m.current));
    const out: SeaWorkerOut = { type: 'result', seq: m.seq, current, others, computeMs, image, bounds: grid!.bounds };
    post(out);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
