/**
 * Web performance of the production build (dist/) in headless Chromium, side by side with a bare
 * MapLibre page that shows the same island GeoJSON (scripts/bench-web/baseline/).
 *   npm run bench:web                           human-readable figures
 *   npm run --silent bench:web -- --json        one JSON line (without --silent npm prints its own banner first)
 * Options: --runs N (timed cold loads per page, default 15, 3 to 50); --only import (only the user's data:
 * the 100,000-point import, the drag with them, and the 50 MB import). Builds dist/ first if it is missing.
 * ATLAS_DIST=DIR benchmarks another build folder instead of dist/ (as the browser tests do).
 *
 * - Both pages are served from this process on 127.0.0.1: dist/ by `vite preview` (as in
 *   tests/browser/harness.ts), the baseline by a small node:http server (scripts/bench-web/baseline-server.ts).
 *   Both gzip compressible responses on the fly, the same way.
 * - Time to idle: a fresh browser context per load (cold HTTP cache), 1280×800, app and baseline
 *   alternating, after one untimed warm-up load of each. An init script records performance.now()
 *   (ms since navigation start) at the first map 'idle' event: a listener attached when the page
 *   publishes window.__atlas in the map's 'load' handler (load always precedes the first idle), and,
 *   as a cross-check, a MutationObserver on body[data-map-idle]. Also recorded: the first idle at
 *   which the islands layer is on the map (a guard: the app's style holds its sources from the start,
 *   so its first idle should always have them), map 'load', long tasks, and map frames drawn (counted
 *   as WebGL colour-buffer clears, one per MapLibre frame).
 * - Frame time: in a fresh, settled app page, a requestAnimationFrame loop logs frame deltas while the
 *   mouse holds the share slider and sweeps it back and forth (3 px steps) for 2 s. For scale, the cost
 *   of one forced map repaint (map.triggerRepaint) is measured in both pages.
 * - Transfer: every response of the warm-up loads (page.on('response'), including the MapLibre worker;
 *   checked against the servers' own request logs), each body gzipped with zlib level 9 (or its raw
 *   size if that is smaller), headers not counted; kB = 1000 bytes. js_gzip_kb counts the app's
 *   JavaScript except MapLibre's chunk and worker.
 * - Every request of every load (context.on('request')) must go to 127.0.0.1; the count of others is printed.
 * - The user's data: 100,000 points imported through the file input, then the slider dragged with them on
 *   the map, then the map figure downloaded with them as SVG and PNG (from the click to the file, and its
 *   size); then the largest file the page accepts (just under 50 MB: 99,999 points and a 900,001-vertex
 *   polygon, scripts/bench-web/large-import-file.ts) imported into a fresh settled page, with the longest
 *   main-thread task from the page receiving the file until it is quiet again (target ≤ 50 ms); then the
 *   same import in a browser that composites on the GPU, SwiftShader standing in for one
 *   (CHROMIUM_GPU_COMPOSITING_ARGS): there the main thread does not wait for software WebGL to draw each
 *   frame, so its long tasks are the page's own work; then the same import again in another fresh page
 *   under a Chromium trace, which says where the main thread's
 *   time went in each task over 50 ms (scripts/bench-web/main-thread-trace.ts; the trace's sampling
 *   profiler slows the page, so the figure comes from the untraced import). "Commit" in that breakdown is
 *   the main thread waiting for the compositor, here for software WebGL to draw the map's frame.
 * Exit status: 0 whether or not the targets are met, 1 on errors, 2 on bad arguments.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_GPU_COMPOSITING_ARGS, DIST } from './lib/chromium.ts';
import { startBaselineServer, type BaselineServer } from './bench-web/baseline-server.ts';
import {
  IMPORT_POINTS,
  importLargeFile,
  importPoints,
  panDuringImport,
  type PanProbe,
  longTasksBetween,
  pageNow,
  type ImportBench,
  exportFigures,
  type FigureExportBench,
  type LargeImportBench,
  changeOptions,
  type OptionChangeBench,
} from './bench-web/import-bench.ts';
import { largeImportText, LARGE_POINTS, LARGE_RING_VERTICES } from './bench-web/large-import-file.ts';
import { profileLines, startTrace, stopTrace, type MainThreadProfile } from './bench-web/main-thread-trace.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { LAYERS } from '../src/map/style.ts';

const ROOT = join(import.meta.dirname, '..');
const VIEWPORT = { width: 1280, height: 800 };
const DRAG_MS = 2000;
const DRAG_STEP_PX = 3;
const LOAD_TIMEOUT_MS = 60_000;
const REPAINT_FRAMES = 20;
const TARGETS = { idleRatio: 1.5, jsGzipKb: 350, totalTransferKb: 1500, importLongestTaskMs: 50 };
/** The islands' fill layer: the same id in the app and in the baseline page. */
const ISLANDS_LAYER = LAYERS.islandsFill.id;

function usage(message: string): never {
  process.stderr.write(
    `bench:web: ${message}\nusage: npm run --silent bench:web -- [--json] [--runs N] [--only import]\n`,
  );
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { json: { type: 'boolean' }, runs: { type: 'string' }, only: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const runs = values.runs === undefined ? 15 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 3 || runs > 50) usage('--runs must be an integer from 3 to 50');
  if (values.only !== undefined && values.only !== 'import') usage('--only takes one value: import');
  return { json: !!values.json, runs, onlyImport: values.only === 'import' };
}

/** Runs in every page before its own scripts. Plain JS text: nothing here goes through tsx's transform. */
const INIT_SCRIPT = `(() => {
  const ISLANDS_LAYER = ${JSON.stringify(ISLANDS_LAYER)};
  const rec = {
    idleFlag: null, firstIdle: null, islandsIdle: null, islandsRendered: 0, mapLoad: null, longTasks: [], renders: [],
  };
  Object.defineProperty(window, '__bench', { value: rec });
  let atlas;
  Object.defineProperty(window, '__atlas', {
    configurable: true, enumerable: true,
    get() { return atlas; },
    set(v) {
      atlas = v;
      if (!v || !v.map || rec.mapLoad !== null) return;
      rec.mapLoad = performance.now();
      const map = v.map;
      map.on('idle', () => {
        const t = performance.now();
        if (rec.firstIdle === null) rec.firstIdle = t;
        if (rec.islandsIdle === null && map.getLayer(ISLANDS_LAYER)) {
          rec.islandsIdle = t;
          rec.islandsRendered = map.queryRenderedFeatures({ layers: [ISLANDS_LAYER] }).length;
        }
      });
    },
  });
  new MutationObserver(() => {
    const idle = document.body && document.body.dataset.mapIdle === 'true';
    if (rec.idleFlag === null && idle) rec.idleFlag = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'] });
  // Map frames drawn: MapLibre clears the colour buffer once at the start of each frame it renders.
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    const clear = C.prototype.clear;
    C.prototype.clear = function (mask) {
      if ((mask & 0x4000) && rec.islandsIdle === null) rec.renders.push(performance.now());
      return clear.call(this, mask);
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push([e.startTime, e.duration]);
    })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long task timing */ }
  // Long animation frames' scripts (each an event handler, timer, message or callback run by the page or
  // MapLibre, with where it was): a script's time told from a frame's without a trace.
  rec.frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        for (const x of e.scripts)
          rec.frames.push([e.startTime, e.duration, x.duration,
            x.invoker + ' in ' + (x.sourceFunctionName || '?') + ' (' + x.sourceURL.split('/').pop() + ':' +
            x.sourceCharPosition + '), forced layout ' + Math.round(x.forcedStyleAndLayoutDuration) + ' ms']);
    })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { /* no long animation frame timing */ }
})();`;

interface PageRecord {
  idleFlag: number | null;
  firstIdle: number | null;
  islandsIdle: number | null;
  islandsRendered: number;
  mapLoad: number | null;
  longTasks: [number, number][];
  renders: number[];
}
interface Timeline {
  html: number;
  domContentLoaded: number;
  resources: { name: string; responseEnd: number }[];
}
interface LoadResult {
  rec: PageRecord;
  timeline: Timeline;
  requests: string[];
  errors: string[];
  files: FileSize[];
}
interface FileSize {
  url: string;
  path: string;
  status: number;
  type: string;
  raw: number;
  gzip: number;
}

/** NaN for no values. */
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  if (!s.length) return NaN;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const kb = (bytes: number) => r1(bytes / 1000);

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

function isJs(f: FileSize): boolean {
  return /javascript|ecmascript/.test(f.type) || /\.m?js$/.test(f.path);
}
const MAPLIBRE_JS = /(^|\/)maplibre-gl(-worker)?[-.][^/]*m?js$/;
function isMapLibre(f: FileSize): boolean {
  return MAPLIBRE_JS.test(f.path);
}

async function loadOnce(browser: Browser, origin: string, opts: { collect: boolean }): Promise<LoadResult> {
  // Service workers blocked: each load is a first visit, and the worker's background precache (the offline
  // copy, fetched after the page is up) is not part of what a first load waits for.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const requests: string[] = [];
    const responses: Response[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    if (opts.collect) page.on('response', (r) => responses.push(r));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(origin + '/', { timeout: LOAD_TIMEOUT_MS });
    // A function, not a string: the app's CSP forbids eval, which a string predicate would need.
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: PageRecord }).__bench;
        return b.islandsIdle !== null && b.idleFlag !== null;
      },
      null,
      { timeout: LOAD_TIMEOUT_MS },
    );
    if (opts.collect) await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
    const rec = (await page.evaluate('({ ...window.__bench })')) as PageRecord;
    const timeline = (await page.evaluate(`({
      html: performance.getEntriesByType('navigation')[0].responseEnd,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, responseEnd: e.responseEnd })),
    })`)) as Timeline;
    const files: FileSize[] = [];
    for (const res of responses) {
      const url = res.url();
      if (/^(data|blob):/.test(url)) continue;
      const body = await res.body().catch(() => Buffer.alloc(0));
      files.push({
        url,
        path: new URL(url).pathname,
        status: res.status(),
        type: res.headers()['content-type'] ?? '',
        raw: body.length,
        gzip: Math.min(body.length, gzipSync(body, { level: 9 }).length),
      });
    }
    return { rec, timeline, requests, errors, files };
  } finally {
    await context.close();
  }
}

interface Settled {
  page: Page;
  close(): Promise<void>;
  requests: string[];
  errors: string[];
}

/** A fresh page, loaded and settled: islands drawn, no request in flight, no long task for 1 s, map idle. */
async function openSettled(browser: Browser, origin: string): Promise<Settled> {
  // Service workers blocked: each load is a first visit, and the worker's background precache (the offline
  // copy, fetched after the page is up) is not part of what a first load waits for.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript({ content: INIT_SCRIPT });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    // On an option that cuts an island, so the share slider is there to drag (the first view has none);
    // the baseline page ignores the hash.
    await page.goto(origin + '/#option=equal-area', { timeout: LOAD_TIMEOUT_MS });
    // The idle flag too: a page that no longer publishes window.__atlas never records islandsIdle.
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: PageRecord }).__bench;
        return b.islandsIdle !== null || b.idleFlag !== null;
      },
      null,
      { timeout: LOAD_TIMEOUT_MS },
    );
    await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: PageRecord }).__bench;
        const lastBusy = b.longTasks.reduce((m, [start, d]) => Math.max(m, start + d), 0);
        return performance.now() - lastBusy > 1000 && document.body.dataset.mapIdle === 'true';
      },
      null,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    );
  } catch (e) {
    await context.close();
    throw e;
  }
  return { page, requests, errors, close: () => context.close() };
}

/** Frame deltas of REPAINT_FRAMES forced map repaints (map.triggerRepaint each frame): what a map frame costs here. */
async function repaintFrames(s: Settled): Promise<number[]> {
  return (await s.page.evaluate(`new Promise((resolve) => {
    const map = window.__atlas.map;
    const d = [];
    let last = null;
    const tick = (t) => {
      if (last !== null) d.push(t - last);
      last = t;
      if (d.length < ${REPAINT_FRAMES}) { map.triggerRepaint(); requestAnimationFrame(tick); } else resolve(d);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
}

interface DragResult {
  frames: number[];
  moves: number;
  inputs: number;
  shareFrom: string;
  shareTo: string;
  longestTaskMs: number;
  longTasks: number;
}

async function dragSlider(s: Settled): Promise<DragResult> {
  const { page } = s;
  const slider = page.getByTestId('share-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error('the share slider is not visible');
  const shareFrom = await slider.inputValue();
  await page.evaluate(`(() => {
    const s = { frames: [], on: true, last: null, inputs: 0 };
    window.__frameLog = s;
    document.querySelector('[data-testid="share-slider"]').addEventListener('input', () => { s.inputs++; });
    const tick = (t) => {
      if (s.last !== null) s.frames.push(t - s.last);
      s.last = t;
      if (s.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width * 0.1;
  const x1 = box.x + box.width * 0.9;
  let x = box.x + box.width / 2;
  let dir = 1;
  let moves = 0;
  await page.mouse.move(x, y);
  const pageT0 = await pageNow(page);
  await page.mouse.down();
  const t0 = Date.now();
  while (Date.now() - t0 < DRAG_MS) {
    x += dir * DRAG_STEP_PX;
    if (x >= x1) {
      x = x1;
      dir = -1;
    } else if (x <= x0) {
      x = x0;
      dir = 1;
    }
    await page.mouse.move(x, y);
    moves++;
  }
  await page.mouse.up();
  const pageT1 = await pageNow(page);
  const lt = await longTasksBetween(page, pageT0, pageT1);
  const log = (await page.evaluate(
    '(() => { const l = window.__frameLog; l.on = false; return { frames: l.frames, inputs: l.inputs }; })()',
  )) as { frames: number[]; inputs: number };
  const shareTo = await slider.inputValue();
  return {
    frames: log.frames,
    inputs: log.inputs,
    moves,
    shareFrom,
    shareTo,
    longestTaskMs: lt.longestMs,
    longTasks: lt.count,
  };
}

/** Milestones of one load, in ms since navigation start (resources: when the last matching one ended). */
function milestones(r: LoadResult, patterns: Record<string, (path: string) => boolean>): Record<string, number | null> {
  const out: Record<string, number | null> = { html: r.timeline.html, domContentLoaded: r.timeline.domContentLoaded };
  for (const [k, test] of Object.entries(patterns)) {
    const ends = r.timeline.resources.filter((x) => test(new URL(x.name).pathname)).map((x) => x.responseEnd);
    out[k] = ends.length ? Math.max(...ends) : null;
  }
  out.mapLoad = r.rec.mapLoad;
  out.firstIdle = r.rec.firstIdle;
  out.islandsIdle = r.rec.islandsIdle;
  const longBefore = (t: number | null) => r.rec.longTasks.filter(([start]) => start < (t ?? Infinity));
  out.longTaskMs = longBefore(r.rec.firstIdle).reduce((a, [, d]) => a + d, 0);
  out.longTaskCount = longBefore(r.rec.firstIdle).length;
  out.longTaskIslandsMs = longBefore(r.rec.islandsIdle).reduce((a, [, d]) => a + d, 0);
  out.longestTaskIslandsMs = Math.max(0, ...longBefore(r.rec.islandsIdle).map(([, d]) => d));
  out.mapFrames = r.rec.renders.length;
  return out;
}

function medianMilestones(all: Record<string, number | null>[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of Object.keys(all[0] ?? {})) {
    const xs = all.map((m) => m[k]).filter((x): x is number => typeof x === 'number');
    out[k] = xs.length === all.length ? r1(median(xs)) : null;
  }
  return out;
}

interface UserDataBench {
  imported: ImportBench;
  dragWithPoints: DragResult;
  /** The map figure downloaded with the 100,000 points on the map. */
  figures: FigureExportBench[];
  large: LargeImportBench;
  /** The same import in a browser that composites on the (software) GPU: no frame waits on the main thread. */
  largeGpuCompositing: LargeImportBench;
  largeProfile: MainThreadProfile;
  pan: PanProbe;
  /** Options chosen one after another with the 50 MB file's territory on the map, in each compositing. */
  optionChanges: OptionChangeBench;
  optionChangesGpuCompositing: OptionChangeBench;
}

/**
 * The user's data, each part in a fresh settled page: 100,000 points imported, then the slider dragged
 * with them; the 50 MB file imported (the figure); the same import under a trace (where the time went).
 */
async function userData(
  browser: Browser,
  origin: string,
  log: (s: string) => void,
  take: (r: { requests: string[]; errors: string[] }, who: string) => void,
): Promise<UserDataBench> {
  const inPage = async <T>(who: string, fn: (s: Settled) => Promise<T>, from = browser): Promise<T> => {
    const s = await openSettled(from, origin);
    try {
      return await fn(s);
    } finally {
      await s.close();
      take(s, who);
    }
  };
  log(
    `bench:web: importing ${IMPORT_POINTS.toLocaleString('en-US')} points, dragging the slider with them, ` +
      'and downloading the map figure…',
  );
  const [imported, dragWithPoints, figures] = await inPage('app (100,000 points)', async (s) => {
    const i = await importPoints(s.page);
    const drag = await dragSlider(s);
    return [i, drag, await exportFigures(s.page)] as const;
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-large-'));
  try {
    const path = join(dir, 'bench-50mb.geojson');
    const text = largeImportText();
    writeFileSync(path, text);
    log(
      `bench:web: importing a ${(text.length / 1024 / 1024).toFixed(1)} MB file, ` +
        'then again with GPU compositing, under a trace, and while panning the map…',
    );
    const [large, optionChanges] = await inPage('app (50 MB)', async (s) => {
      const imported = await importLargeFile(s.page, path, text.length);
      return [imported, await changeOptions(s.page)] as const;
    });
    const gpuBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_GPU_COMPOSITING_ARGS,
    });
    let largeGpuCompositing: LargeImportBench;
    let optionChangesGpuCompositing: OptionChangeBench;
    try {
      [largeGpuCompositing, optionChangesGpuCompositing] = await inPage(
        'app (50 MB, GPU compositing)',
        async (s) => {
          const imported = await importLargeFile(s.page, path, text.length);
          return [imported, await changeOptions(s.page)] as const;
        },
        gpuBrowser,
      );
    } finally {
      await gpuBrowser.close();
    }
    const largeProfile = await inPage('app (50 MB, traced)', async (s) => {
      await startTrace(browser, s.page);
      try {
        await importLargeFile(s.page, path, text.length);
      } catch (e) {
        await browser.stopTracing().catch(() => undefined);
        throw e;
      }
      return stopTrace(browser, { from: 'bench-import-start', to: 'bench-import-end' });
    });
    const pan = await inPage('app (50 MB, panned)', (s) => panDuringImport(s.page, path));
    return {
      imported,
      dragWithPoints,
      figures,
      large,
      largeGpuCompositing,
      largeProfile,
      pan,
      optionChanges,
      optionChangesGpuCompositing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function optionChangeFigures(prefix: string, o: OptionChangeBench) {
  return {
    [`${prefix}_changes`]: o.changes,
    [`${prefix}_to_idle_ms_median`]: r1(o.medianMs),
    [`${prefix}_to_idle_ms_longest`]: r1(o.longestMs),
    [`${prefix}_longest_task_ms`]: r1(o.longestTaskMs),
    [`${prefix}_longest_script_ms`]: o.longestScript === null ? null : r1(o.longestScript.ms),
    [`${prefix}_longest_script_what`]: o.longestScript?.what ?? null,
  };
}

/** One line on the options chosen with the territory on the map. */
function optionChangeLine(how: string, o: OptionChangeBench): string {
  return (
    `  then ${o.changes} settlement options chosen in turn with its territory on the map (${how}): idle after ` +
    `${o.medianMs.toFixed(0)} ms (median; longest ${o.longestMs.toFixed(0)}), longest main-thread task ` +
    `${o.longestTaskMs.toFixed(0)} ms, longest script run ` +
    (o.longestScript === null ? 'not measured' : `${o.longestScript.ms.toFixed(0)} ms (${o.longestScript.what})`)
  );
}

function userDataFigures(u: UserDataBench) {
  return {
    import_100k_points_ms: r1(u.imported.ms),
    import_100k_points_longest_task_ms: r1(u.imported.longestTaskMs),
    import_100k_points_long_task_ms_sum: r1(u.imported.longTaskSumMs),
    import_100k_points_longest_script_ms: u.imported.longestScript === null ? null : r1(u.imported.longestScript.ms),
    import_100k_points_longest_script_what: u.imported.longestScript?.what ?? null,
    drag_with_100k_points_frame_ms_median: r2(median(u.dragWithPoints.frames)),
    drag_with_100k_points_longest_task_ms: r1(u.dragWithPoints.longestTaskMs),
    ...Object.fromEntries(
      u.figures.flatMap((x) => [
        [`figure_with_100k_points_${x.format}_ms`, r1(x.ms)],
        [`figure_with_100k_points_${x.format}_bytes`, x.bytes],
      ]),
    ),
    import_50mb_bytes: u.large.bytes,
    import_50mb_listed_ms: r1(u.large.listedMs),
    import_50mb_figures_ms: r1(u.large.figuresMs),
    import_50mb_longest_task_ms: r1(u.large.longestTaskMs),
    import_50mb_long_tasks: u.large.longTasks,
    import_50mb_long_task_ms_sum: r1(u.large.longTaskSumMs),
    import_50mb_longest_script_ms: u.large.longestScript === null ? null : r1(u.large.longestScript.ms),
    import_50mb_longest_script_what: u.large.longestScript?.what ?? null,
    import_50mb_gpu_compositing_longest_task_ms: r1(u.largeGpuCompositing.longestTaskMs),
    import_50mb_gpu_compositing_long_tasks: u.largeGpuCompositing.longTasks,
    import_50mb_gpu_compositing_longest_script_ms:
      u.largeGpuCompositing.longestScript === null ? null : r1(u.largeGpuCompositing.longestScript.ms),
    import_50mb_gpu_compositing_longest_script_what: u.largeGpuCompositing.longestScript?.what ?? null,
    ...optionChangeFigures('option_change_with_territory', u.optionChanges),
    ...optionChangeFigures('option_change_with_territory_gpu_compositing', u.optionChangesGpuCompositing),
    import_50mb_traced_longest_task_ms: r1(u.largeProfile.longestMs),
    import_50mb_traced_functions: u.largeProfile.functions,
    import_50mb_traced_parts: u.largeProfile.parts,
    import_50mb_pans: u.pan.pans,
    import_50mb_pan_wait_ms_median: r1(u.pan.medianMs),
    import_50mb_pan_wait_ms_longest: r1(u.pan.longestMs),
    import_50mb_pan_frame_gap_ms_median: r1(u.pan.frameGapMedianMs),
    import_50mb_pan_frame_gap_ms_longest: r1(u.pan.frameGapLongestMs),
  };
}

function userDataLines(u: UserDataBench): string[] {
  const f = userDataFigures(u);
  const n = IMPORT_POINTS.toLocaleString('en-US');
  return [
    `The user's data: ${n} points imported through the file input (validated in the import worker)`,
    `  listed on the page after ${f.import_100k_points_ms.toFixed(0)} ms; longest main-thread task ` +
      `${f.import_100k_points_longest_task_ms.toFixed(0)} ms (${u.imported.longTasks} over 50 ms, ` +
      `${f.import_100k_points_long_task_ms_sum.toFixed(0)} ms in all, until 1 s after); longest script run ` +
      (f.import_100k_points_longest_script_ms === null
        ? 'not measured'
        : `${f.import_100k_points_longest_script_ms.toFixed(0)} ms (${f.import_100k_points_longest_script_what})`),
    `  then dragging the share slider: frame time median ${f.drag_with_100k_points_frame_ms_median.toFixed(2)} ms, ` +
      `longest task ${f.drag_with_100k_points_longest_task_ms.toFixed(0)} ms ` +
      `(${u.dragWithPoints.longTasks} over 50 ms)`,
    '  then the map figure (current view) downloaded: ' +
      u.figures
        .map((x) => `${x.format.toUpperCase()} ${x.ms.toFixed(0)} ms, ${(x.bytes / 1000).toFixed(0)} kB`)
        .join('; '),
    `A ${(u.large.bytes / 1024 / 1024).toFixed(1)} MB file (${LARGE_POINTS.toLocaleString('en-US')} points and a ` +
      `${LARGE_RING_VERTICES.toLocaleString('en-US')}-vertex polygon) imported through the file input`,
    `  listed after ${f.import_50mb_listed_ms.toFixed(0)} ms, figures after ${f.import_50mb_figures_ms.toFixed(0)} ms`,
    `  longest main-thread task during the import ${f.import_50mb_longest_task_ms.toFixed(0)} ms ` +
      `(target ≤ ${TARGETS.importLongestTaskMs}: ` +
      `${f.import_50mb_longest_task_ms <= TARGETS.importLongestTaskMs ? 'met' : 'MISSED'}; ` +
      `${u.large.longTasks} tasks over 50 ms, ${f.import_50mb_long_task_ms_sum.toFixed(0)} ms in all, ` +
      'from the page receiving the file until it is quiet for 1 s)',
    `  longest script run in that time (event handler, timer, message or callback; Long Animation Frames API): ` +
      (f.import_50mb_longest_script_ms === null
        ? 'not measured (no long animation frame timing in this browser)'
        : `${f.import_50mb_longest_script_ms.toFixed(0)} ms (target ≤ ${TARGETS.importLongestTaskMs} for scripts: ` +
          `${f.import_50mb_longest_script_ms <= TARGETS.importLongestTaskMs ? 'met' : 'MISSED'}); ` +
          `the rest of each long task is the frame; it was ${f.import_50mb_longest_script_what}`),
    optionChangeLine('software compositing', u.optionChanges),
    `  the same import composited on the GPU (SwiftShader through ANGLE, so frames are drawn off the main ` +
      `thread as with a graphics card): longest main-thread task ` +
      `${f.import_50mb_gpu_compositing_longest_task_ms.toFixed(0)} ms (target ≤ ${TARGETS.importLongestTaskMs}: ` +
      `${f.import_50mb_gpu_compositing_longest_task_ms <= TARGETS.importLongestTaskMs ? 'met' : 'MISSED'}; ` +
      `${u.largeGpuCompositing.longTasks} over 50 ms); longest script run ` +
      (f.import_50mb_gpu_compositing_longest_script_ms === null
        ? 'not measured'
        : `${f.import_50mb_gpu_compositing_longest_script_ms.toFixed(0)} ms ` +
          `(${f.import_50mb_gpu_compositing_longest_script_what})`),
    optionChangeLine('GPU compositing', u.optionChangesGpuCompositing),
    '  where the time went (the same import again under a Chromium trace, slower for it):',
    ...profileLines(u.largeProfile),
    `  the map panned every 100 ms during the same import (another fresh page): ${f.import_50mb_pans} pans ` +
      `drawn, median ${f.import_50mb_pan_wait_ms_median.toFixed(0)} ms and longest ` +
      `${f.import_50mb_pan_wait_ms_longest.toFixed(0)} ms from when each was due to the frame that showed it; ` +
      `those frames came every ${f.import_50mb_pan_frame_gap_ms_median.toFixed(0)} ms (median; longest gap ` +
      `${f.import_50mb_pan_frame_gap_ms_longest.toFixed(0)} ms); over 100 ms, pans fall further behind each frame`,
  ];
}

async function main() {
  const args = parse();
  const log = (s: string) => {
    if (!args.json) process.stderr.write(s + '\n');
  };
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  if (!existsSync(join(ROOT, DIST, 'index.html'))) {
    if (DIST !== 'dist') throw new Error(`${DIST}/ is missing: build it first (vite build --outDir ${DIST})`);
    log('dist/ is missing: running vite build…');
    await build({ root: ROOT, logLevel: 'warn' });
  }

  let server: PreviewServer | null = null;
  let baseline: BaselineServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await preview({
      root: ROOT,
      logLevel: 'silent',
      build: { outDir: DIST },
      preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    });
    const addr = server.httpServer.address();
    if (!addr || typeof addr === 'string') throw new Error('preview server has no port');
    const appOrigin = `http://127.0.0.1:${addr.port}`;
    const appServed: string[] = [];
    // First listener, before vite's middlewares rewrite req.url ('/' → '/index.html').
    server.httpServer.prependListener('request', (req: { url?: string }) =>
      appServed.push((req.url ?? '').split('?')[0] ?? ''),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

    const allRequests: string[] = [];
    const errors: string[] = [];
    const take = (r: { requests: string[]; errors: string[] }, who: string) => {
      allRequests.push(...r.requests);
      errors.push(...r.errors.map((e) => `${who}: ${e}`));
    };
    if (args.onlyImport) {
      const u = await userData(browser, appOrigin, log, take);
      const external = allRequests.filter((x) => !isLocal(x));
      if (args.json) {
        const out = { ...userDataFigures(u), external_requests: external.length, page_errors: errors.length };
        process.stdout.write(JSON.stringify(out) + '\n');
        return;
      }
      const lines = [
        ...userDataLines(u),
        `Requests not to 127.0.0.1: ${external.length}`,
        `Machine: ${availableParallelism()} CPUs, load average ${r2(loadavg()[0]!)} at the end`,
        `Page errors: ${errors.length}${errors.length ? ' — ' + [...new Set(errors)].slice(0, 3).join(' | ') : ''}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
      return;
    }
    baseline = await startBaselineServer(ROOT);

    // Untimed warm-up loads: they also give the transfer figures.
    log(`bench:web: warm-up and transfer loads (app ${appOrigin}, baseline ${baseline.origin})…`);
    const appServedBefore = appServed.length;
    const appWarm = await loadOnce(browser, appOrigin, { collect: true });
    const appServedPaths = appServed.slice(appServedBefore);
    const baseServedBefore = baseline.requests.length;
    const baseWarm = await loadOnce(browser, baseline.origin, { collect: true });
    const baseServedPaths = baseline.requests.slice(baseServedBefore);
    take(appWarm, 'app');
    take(baseWarm, 'baseline');
    // Every request a server saw must be among the page's responses (worker requests included).
    for (const [who, served, files] of [
      ['app', appServedPaths, appWarm.files],
      ['baseline', baseServedPaths, baseWarm.files],
    ] as const) {
      const seen = new Set(files.map((f) => f.path));
      const missed = served.filter((p) => !seen.has(p));
      if (missed.length) throw new Error(`${who}: requests served but not seen by the page: ${missed.join(', ')}`);
    }

    const appRuns: LoadResult[] = [];
    const baseRuns: LoadResult[] = [];
    for (let i = 0; i < args.runs; i++) {
      log(`bench:web: timed run ${i + 1}/${args.runs}…`);
      const a = await loadOnce(browser, appOrigin, { collect: false });
      take(a, 'app');
      appRuns.push(a);
      const b = await loadOnce(browser, baseline.origin, { collect: false });
      take(b, 'baseline');
      baseRuns.push(b);
    }

    log('bench:web: map repaint cost and share slider drag…');
    const baseSettled = await openSettled(browser, baseline.origin);
    const baseRepaint = await repaintFrames(baseSettled).finally(() => baseSettled.close());
    take(baseSettled, 'baseline (repaint)');
    const appSettled = await openSettled(browser, appOrigin);
    let appRepaint: number[], drag: DragResult;
    try {
      appRepaint = await repaintFrames(appSettled);
      drag = await dragSlider(appSettled);
    } finally {
      await appSettled.close();
    }
    take(appSettled, 'app (repaint, drag)');
    const user = await userData(browser, appOrigin, log, take);
    if (drag.frames.length < 10)
      throw new Error(`only ${drag.frames.length} animation frames were recorded during the drag`);
    if (drag.inputs === 0) throw new Error('dragging the share slider produced no input events');

    // ---- figures
    const idle = (rs: LoadResult[]) => rs.map((r) => r.rec.firstIdle!);
    const idleMs = median(idle(appRuns));
    const baseIdleMs = median(idle(baseRuns));
    const flagMs = median(appRuns.map((r) => r.rec.idleFlag!));
    const baseFlagMs = median(baseRuns.map((r) => r.rec.idleFlag!));
    const islandsIdleMs = median(appRuns.map((r) => r.rec.islandsIdle!));
    const baseIslandsIdleMs = median(baseRuns.map((r) => r.rec.islandsIdle!));
    const firstIdleHasIslands = appRuns.filter((r) => r.rec.islandsIdle === r.rec.firstIdle).length;
    const baseFirstIdleHasIslands = baseRuns.filter((r) => r.rec.islandsIdle === r.rec.firstIdle).length;
    const notRendered = [...appRuns, ...baseRuns].filter((r) => r.rec.islandsRendered === 0).length;
    if (notRendered) throw new Error(`${notRendered} loads reached idle with the islands layer but no island drawn`);

    const appJs = appWarm.files.filter((f) => isJs(f) && !isMapLibre(f));
    const mapLibreJs = appWarm.files.filter((f) => isJs(f) && isMapLibre(f));
    if (mapLibreJs.length < 2)
      throw new Error(
        "expected MapLibre's chunk and worker among the app's responses, found: " +
          (mapLibreJs.map((f) => f.path).join(', ') || 'none'),
      );
    const sum = (fs: FileSize[], k: 'raw' | 'gzip') => fs.reduce((a, f) => a + f[k], 0);
    const external = allRequests.filter((u) => !isLocal(u));

    const jsPath = (p: string) => /\.m?js$/.test(p);
    const mapLibrePath = (p: string) => MAPLIBRE_JS.test(p);
    const appMs = medianMilestones(
      appRuns.map((r) =>
        milestones(r, {
          appJs: (p) => jsPath(p) && !mapLibrePath(p),
          mapLibreJs: (p) => mapLibrePath(p) && !p.includes('worker'),
          islandsGeojson: (p) => /islands[^/]*\.geojson$/.test(p),
        }),
      ),
    );
    const baseMs = medianMilestones(
      baseRuns.map((r) =>
        milestones(r, {
          appJs: (p) => jsPath(p) && !mapLibrePath(p),
          mapLibreJs: (p) => mapLibrePath(p) && !p.includes('worker'),
          islandsGeojson: (p) => /islands[^/]*\.geojson$/.test(p),
        }),
      ),
    );

    const out = {
      idle_ms_median: r1(idleMs),
      baseline_idle_ms_median: r1(baseIdleMs),
      idle_ratio: r2(idleMs / baseIdleMs),
      // Each app load against the baseline load right after it (same moment, same machine load): less
      // sensitive to the machine's drift during the run than the ratio of the two medians.
      idle_ratio_paired_median: r2(median(appRuns.map((a, i) => a.rec.firstIdle! / baseRuns[i]!.rec.firstIdle!))),
      frame_ms_median: r2(median(drag.frames)),
      js_gzip_kb: kb(sum(appJs, 'gzip')),
      total_transfer_kb: kb(sum(appWarm.files, 'gzip')),
      runs: args.runs,
      frame_ms_p90: r2(percentile(drag.frames, 90)),
      drag_longest_task_ms: r1(drag.longestTaskMs),
      ...userDataFigures(user),
      frames: drag.frames.length,
      slider_moves: drag.moves,
      slider_input_events: drag.inputs,
      repaint_ms_median: r2(median(appRepaint)),
      baseline_repaint_ms_median: r2(median(baseRepaint)),
      islands_idle_ms_median: r1(islandsIdleMs),
      baseline_islands_idle_ms_median: r1(baseIslandsIdleMs),
      islands_idle_ratio: r2(islandsIdleMs / baseIslandsIdleMs),
      idle_flag_ms_median: r1(flagMs),
      baseline_idle_flag_ms_median: r1(baseFlagMs),
      app_first_idle_with_islands: `${firstIdleHasIslands}/${args.runs}`,
      map_load_ms_median: appMs.mapLoad,
      baseline_map_load_ms_median: baseMs.mapLoad,
      map_frames_before_islands_idle_median: appMs.mapFrames,
      baseline_map_frames_before_islands_idle_median: baseMs.mapFrames,
      long_task_ms_before_idle_median: appMs.longTaskMs,
      baseline_long_task_ms_before_idle_median: baseMs.longTaskMs,
      long_task_ms_before_islands_idle_median: appMs.longTaskIslandsMs,
      baseline_long_task_ms_before_islands_idle_median: baseMs.longTaskIslandsMs,
      maplibre_gzip_kb: kb(sum(mapLibreJs, 'gzip')),
      baseline_total_transfer_kb: kb(sum(baseWarm.files, 'gzip')),
      requests: appWarm.files.length,
      baseline_requests: baseWarm.files.length,
      external_requests: external.length,
      page_errors: errors.length,
      gzip: 'zlib level 9',
      loadavg_1m: r2(loadavg()[0] ?? NaN),
      cpus: availableParallelism(),
      targets: {
        idle_ratio_max: TARGETS.idleRatio,
        js_gzip_kb_max: TARGETS.jsGzipKb,
        total_transfer_kb_max: TARGETS.totalTransferKb,
        import_50mb_longest_task_ms_max: TARGETS.importLongestTaskMs,
      },
      met: {
        idle_ratio: idleMs / baseIdleMs <= TARGETS.idleRatio,
        islands_idle_ratio: islandsIdleMs / baseIslandsIdleMs <= TARGETS.idleRatio,
        js_gzip_kb: sum(appJs, 'gzip') / 1000 <= TARGETS.jsGzipKb,
        total_transfer_kb: sum(appWarm.files, 'gzip') / 1000 <= TARGETS.totalTransferKb,
        import_50mb_longest_task: user.large.longestTaskMs <= TARGETS.importLongestTaskMs,
      },
    };

    if (args.json) {
      process.stdout.write(JSON.stringify(out) + '\n');
      return;
    }
    const ok = (b: boolean) => (b ? 'met' : 'MISSED');
    const ms = (x: number | null) => (x == null ? '   n/a' : `${x.toFixed(0).padStart(6)}`);
    const fileLines = (fs: FileSize[]) =>
      fs.map(
        (f) =>
          `      ${f.path.padEnd(44)} ${kb(f.raw).toFixed(1).padStart(8)} kB raw ` +
          `${kb(f.gzip).toFixed(1).padStart(7)} kB gzip${isJs(f) && isMapLibre(f) ? '  (MapLibre)' : ''}`,
      );
    const lines = [
      `bench:web: production build (dist/) vs a bare MapLibre page with the same islands, headless Chromium ` +
        `${VIEWPORT.width}×${VIEWPORT.height}`,
      `  ${args.runs} cold loads of each (fresh browser context each, alternating, after one warm-up load of ` +
        `each); medians`,
      '',
      "Time to first idle map (performance.now() at the first map 'idle' event, ms since navigation start)",
      `  app                 ${out.idle_ms_median.toFixed(1).padStart(8)} ms   runs: ${idle(appRuns)
        .map((x) => x.toFixed(0))
        .join(' ')}`,
      `  baseline            ${out.baseline_idle_ms_median.toFixed(1).padStart(8)} ms   runs: ${idle(baseRuns)
        .map((x) => x.toFixed(0))
        .join(' ')}`,
      `  ratio app/baseline  ${out.idle_ratio.toFixed(2).padStart(8)}      target ≤ ${TARGETS.idleRatio}: ` +
        `${ok(out.met.idle_ratio)}   (median of the ${args.runs} paired ratios: ` +
        `${out.idle_ratio_paired_median.toFixed(2)})`,
      `  (body[data-map-idle] first seen: app ${out.idle_flag_ms_median.toFixed(1)} ms, baseline ` +
        `${out.baseline_idle_flag_ms_median.toFixed(1)} ms)`,
      `  first idle with the islands drawn: app ${out.islands_idle_ms_median.toFixed(1)} ms, baseline ` +
        `${out.baseline_islands_idle_ms_median.toFixed(1)} ms, ratio ${out.islands_idle_ratio.toFixed(2)}`,
      `  the app's first idle already had the islands in ${firstIdleHasIslands}/${args.runs} runs (baseline ` +
        `${baseFirstIdleHasIslands}/${args.runs})`,
      ...(firstIdleHasIslands < args.runs
        ? [
            `  WARNING: in ${args.runs - firstIdleHasIslands}/${args.runs} runs the app's first idle came before ` +
              `its islands were on the map,`,
            `        so the first-idle figure flatters the app. Time to the islands drawn: ratio ` +
              `${out.islands_idle_ratio.toFixed(2)}, target ≤ ${TARGETS.idleRatio}: ` +
              `${ok(out.islands_idle_ratio <= TARGETS.idleRatio)}`,
          ]
        : []),
      '',
      'Where the time goes (medians, ms since navigation start)        app  baseline',
      ...(
        [
          ['HTML received', 'html'],
          ['page JS received (last non-MapLibre script)', 'appJs'],
          ['MapLibre module received', 'mapLibreJs'],
          ['DOMContentLoaded', 'domContentLoaded'],
          ['islands GeoJSON received (baseline: fetched by the worker)', 'islandsGeojson'],
          ["map 'load'", 'mapLoad'],
          ["first 'idle'", 'firstIdle'],
          ["first 'idle' with the islands drawn", 'islandsIdle'],
          ['long tasks (>50 ms) before the first idle, sum', 'longTaskMs'],
          ['long tasks before the islands idle, sum', 'longTaskIslandsMs'],
          ['longest task before the islands idle', 'longestTaskIslandsMs'],
          ['map frames drawn before the islands idle (WebGL colour clears)', 'mapFrames'],
        ] as const
      ).map(([label, k]) => `  ${label.padEnd(60)} ${ms(appMs[k] ?? null)} ${ms(baseMs[k] ?? null)}`),
      '',
      `Share slider drag (mouse held, ${DRAG_STEP_PX} px steps back and forth for ${DRAG_MS / 1000} s: ` +
        `${drag.moves} moves, ${drag.inputs} input events, share ${drag.shareFrom} → ${drag.shareTo})`,
      `  frame time median   ${out.frame_ms_median.toFixed(2).padStart(8)} ms   p90 ` +
        `${out.frame_ms_p90.toFixed(2)} ms   (${drag.frames.length} animation frames)`,
      `  longest main-thread task during the drag ${out.drag_longest_task_ms.toFixed(0)} ms (${drag.longTasks} ` +
        `over 50 ms)`,
      `  for scale, one forced map repaint (${REPAINT_FRAMES} frames of map.triggerRepaint, settled page): app ` +
        `${out.repaint_ms_median.toFixed(2)} ms, baseline ${out.baseline_repaint_ms_median.toFixed(2)} ms (median)`,
      '',
      ...userDataLines(user),
      '',
      'Transfer on first load: each response body gzipped at zlib level 9 (its raw size if smaller),',
      'i.e. what a compressing static host would send; headers not counted; kB = 1000 bytes',
      `  app JS without MapLibre   ${out.js_gzip_kb.toFixed(1).padStart(8)} kB   target ≤ ${TARGETS.jsGzipKb}: ` +
        `${ok(out.met.js_gzip_kb)}`,
      `  app whole first load      ${out.total_transfer_kb.toFixed(1).padStart(8)} kB   target ≤ ` +
        `${TARGETS.totalTransferKb}: ${ok(out.met.total_transfer_kb)}   (${out.requests} requests; MapLibre chunk ` +
        `+ worker ${out.maplibre_gzip_kb.toFixed(1)} kB)`,
      ...fileLines(appWarm.files),
      `  baseline whole first load ${out.baseline_total_transfer_kb.toFixed(1).padStart(8)} kB   (` +
        `${out.baseline_requests} requests)`,
      ...fileLines(baseWarm.files),
      '',
      `Requests not to 127.0.0.1, all ${allRequests.length} requests of all loads: ${external.length}` +
        `${external.length ? ' — ' + [...new Set(external)].slice(0, 5).join(', ') : ''}`,
      `Machine: ${out.cpus} CPUs, load average ${out.loadavg_1m} at the end (other work on the machine makes the ` +
        `timings noisy)`,
      `Page errors: ${errors.length}${errors.length ? ' — ' + [...new Set(errors)].slice(0, 3).join(' | ') : ''}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await browser?.close().catch(() => undefined);
    await baseline?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:web: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
