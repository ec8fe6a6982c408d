/**
 * For `npm run bench:web`: the page's main thread while the user's data comes in and while a slider is
 * dragged. Long tasks come from the page's PerformanceObserver record (window.__bench.longTasks, set
 * up by bench-web.ts's init script); windows are taken in the page's own clock (performance.now()).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';

export const IMPORT_POINTS = 100_000;

/** A GeoJSON file of n points spread over the four islands' area (most in the sea, some on land). */
function pointsFile(n = IMPORT_POINTS): Buffer {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { id: `p${i}`, name: `point ${i}` },
    geometry: {
      type: 'Point',
      coordinates: [145.4 + (((i * 7919) % n) / n) * 3.0, 43.3 + (((i * 104729) % n) / n) * 2.3],
    },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

export const pageNow = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>;

/** The longest long task (ms) that started in [from, to], and how many there were. */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
): Promise<{ longestMs: number; count: number; sumMs: number }> {
  const tasks = (await page.evaluate('window.__bench.longTasks')) as [number, number][];
  const inside = tasks.filter(([start]) => start >= from && start <= to);
  return {
    longestMs: inside.reduce((m, [, d]) => Math.max(m, d), 0),
    count: inside.length,
    sumMs: inside.reduce((a, [, d]) => a + d, 0),
  };
}

export interface ImportBench {
  ms: number;
  longestTaskMs: number;
  longTasks: number;
  longTaskSumMs: number;
  /** The longest single script run in the window (Long Animation Frames API); null where not available. */
  longestScript: { ms: number; what: string } | null;
}

/**
 * The longest script run in the long animation frames that started in [from, to]: its duration (ms) and
 * what it was (invoker, function, file and position, forced layout), or null where the API is missing.
 */
async function longestScriptBetween(
  page: Page,
  from: number,
  to: number,
): Promise<{ ms: number; what: string } | null> {
  const scripts = (await page.evaluate('window.__bench.frames ?? null')) as [number, number, number, string][] | null;
  if (!scripts) return null;
  return scripts
    .filter(([start]) => start >= from && start <= to)
    .reduce((m, [, , ms, what]) => (ms > m.ms ? { ms, what } : m), { ms: 0, what: 'none' });
}

/**
 * Imports IMPORT_POINTS points through the file input of a settled app page and waits until the page
 * lists them; then 1 s more, so that the map taking the points is counted too.
 */
export async function importPoints(page: Page, timeoutMs = 120_000): Promise<ImportBench> {
  const name = 'bench-points.geojson';
  // From a file on disk: a buffer would be decoded from base64 by script in the page, which is not the app's time.
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const path = join(dir, name);
  writeFileSync(path, pointsFile());
  const t0 = await pageNow(page);
  // The file stays on disk until the page lists it: the page reads it only when the import worker has
  // started (lazily, on this first import), and a file removed before then cannot be read.
  try {
    await page.getByTestId('import-input').setInputFiles(path);
    await page.waitForFunction(
      (n) => !!document.querySelector('[data-testid="imports"]')?.textContent?.includes(n),
      name,
      { timeout: timeoutMs, polling: 50 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const t1 = await pageNow(page);
  await page.waitForTimeout(1000);
  const t2 = await pageNow(page);
  const lt = await longTasksBetween(page, t0, t2);
  return {
    ms: t1 - t0,
    longestTaskMs: lt.longestMs,
    longTasks: lt.count,
    longTaskSumMs: lt.sumMs,
    longestScript: await longestScriptBetween(page, t0, t2),
  };
}

export interface FigureExportBench {
  format: 'svg' | 'png';
  /** From the click on the download button to the file downloaded, ms (measured from outside the page). */
  ms: number;
  bytes: number;
}

/** Downloads the map figure (the current view's size) as SVG, then as PNG, with whatever the page shows. */
export async function exportFigures(page: Page): Promise<FigureExportBench[]> {
  const out: FigureExportBench[] = [];
  for (const format of ['svg', 'png'] as const) {
    const t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByTestId(`export-${format}`).click(),
    ]);
    const path = await download.path();
    out.push({ format, ms: performance.now() - t0, bytes: statSync(path).size });
  }
  return out;
}

export interface LargeImportBench {
  bytes: number;
  /** From the page receiving the file (the input's change event) until it is listed, ms. */
  listedMs: number;
  /** … until the territory's figures are shown, ms. */
  figuresMs: number;
  longestTaskMs: number;
  longTasks: number;
  longTaskSumMs: number;
  /** The longest single script run in the window (Long Animation Frames API); null where not available. */
  longestScript: { ms: number; what: string } | null;
}

/**
 * Imports the file at `path` (written by largeImportText) through the file input of a settled app page,
 * and waits until it is listed, its territory's figures are shown, and the page has been quiet (no long
 * task, map idle) for a second. Long tasks are counted from the input's change event, when the page has
 * the file (the harness's own handing over of 50 MB is not the page's work), to that quiet second; the
 * page marks both ends (performance.mark) for a trace taken around it.
 */
export async function importLargeFile(page: Page, path: string, bytes: number): Promise<LargeImportBench> {
  const name = basename(path);
  await page.evaluate(`(() => {
    const input = document.querySelector('[data-testid="import-input"]');
    input.addEventListener('change', () => {
      window.__bench.importStart = performance.now();
      performance.mark('bench-import-start');
    }, { once: true });
  })()`);
  await page.getByTestId('import-input').setInputFiles(path);
  await page.waitForFunction(
    (n) => !!document.querySelector('[data-testid="imports"]')?.textContent?.includes(n),
    name,
    { timeout: 300_000, polling: 50 },
  );
  const listed = await pageNow(page);
  await page.getByTestId('territory-result').waitFor({ timeout: 300_000 });
  const figures = await pageNow(page);
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench;
      const lastBusy = b.longTasks.reduce((m, [start, d]) => Math.max(m, start + d), 0);
      return performance.now() - lastBusy > 1000 && document.body.dataset.mapIdle === 'true';
    },
    null,
    { timeout: 120_000, polling: 100 },
  );
  const end = await pageNow(page);
  await page.evaluate("performance.mark('bench-import-end')");
  const start = (await page.evaluate('window.__bench.importStart')) as number;
  const lt = await longTasksBetween(page, start, end);
  return {
    bytes,
    listedMs: listed - start,
    figuresMs: figures - start,
    longestTaskMs: lt.longestMs,
    longTasks: lt.count,
    longTaskSumMs: lt.sumMs,
    longestScript: await longestScriptBetween(page, start, end),
  };
}

export interface OptionChangeBench {
  /** Options chosen one after another, each waited for until the map is idle and the page quiet. */
  changes: number;
  /** From the click until the map is idle again: median and longest, ms. */
  medianMs: number;
  longestMs: number;
  longestTaskMs: number;
  longestScript: { ms: number; what: string } | null;
}

/**
 * The options chosen in turn by {@link changeOptions}, from the bench page's equal-area split: no cut, another
 * cut, none to Japan, all four, and the equal-area cut again. Each differs from the one before, so each
 * changes the overlay and draws a frame.
 */
const OPTION_SEQUENCE = ['two-islands', 'aso-25', 'status-quo', 'four-islands', 'equal-area'];

/**
 * Settlement options chosen one after another on a page that holds an imported territory (after
 * importLargeFile): the overlay of option shading and cut line changes each time, the territory does not.
 * Each change is timed from the click until the map is idle and no long task has started for 500 ms.
 */
export async function changeOptions(page: Page): Promise<OptionChangeBench> {
  const times: number[] = [];
  let longestTaskMs = 0;
  let longestScript: { ms: number; what: string } | null = null;
  for (const id of OPTION_SEQUENCE) {
    const from = (await page.evaluate(`(() => {
      const map = window.__atlas.map;
      window.__bench.optionIdle = false;
      const t = performance.now();
      // Idle after the change: the map's next 'idle' once a frame has been drawn for it.
      map.once('render', () => map.once('idle', () => { window.__bench.optionIdle = performance.now(); }));
      document.querySelector('[data-option="${id}"]').click();
      return t;
    })()`)) as number;
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: { longTasks: [number, number][]; optionIdle: number | false } })
          .__bench;
        const lastBusy = b.longTasks.reduce((m, [start, d]) => Math.max(m, start + d), 0);
        return b.optionIdle !== false && performance.now() - lastBusy > 500;
      },
      null,
      { timeout: 60_000, polling: 50 },
    );
    const idle = (await page.evaluate('window.__bench.optionIdle')) as number;
    const end = await pageNow(page);
    times.push(idle - from);
    longestTaskMs = Math.max(longestTaskMs, (await longTasksBetween(page, from, end)).longestMs);
    const script = await longestScriptBetween(page, from, end);
    if (script && (!longestScript || script.ms > longestScript.ms)) longestScript = script;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    changes: times.length,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    longestMs: sorted[sorted.length - 1]!,
    longestTaskMs,
    longestScript,
  };
}

export interface PanProbe {
  /** Pans asked for from the file's arrival until the figures are shown, one every PAN_EVERY_MS. */
  pans: number;
  /** Time from when each pan was due to the frame that drew it (waiting for the thread included). */
  medianMs: number;
  longestMs: number;
  /**
   * Time between consecutive frames of the map while it is panned: how often the moving map is redrawn. When it exceeds
   * PAN_EVERY_MS, the pans fall further behind the times they were due, frame after frame, so the delays above
   * grow however short each task is; this figure tells the two apart.
   */
  frameGapMedianMs: number;
  frameGapLongestMs: number;
}

const PAN_EVERY_MS = 100;

/**
 * "The map still pans": the same import, in another fresh page, while the map is moved by 20 px (back and
 * forth) every 100 ms, as a user dragging it would; for each move, the time from when it was due to the
 * frame that shows it. A move waits for any task holding the page's thread, then for its frame.
 */
export async function panDuringImport(page: Page, path: string): Promise<PanProbe> {
  await page.evaluate(`(() => {
    const map = window.__atlas.map;
    const rec = (window.__benchPan = { waits: [], frames: [], timer: 0, stop: false });
    const input = document.querySelector('[data-testid="import-input"]');
    input.addEventListener('change', () => {
      const onFrame = () => rec.frames.push(performance.now());
      map.on('render', onFrame);
      rec.off = () => map.off('render', onFrame);
      let due = performance.now();
      let k = 0;
      const pan = () => {
        if (rec.stop) return;
        const asked = due;
        map.once('render', () => rec.waits.push(performance.now() - asked));
        map.panBy([k++ % 2 ? 20 : -20, 0], { duration: 0 });
        due += ${PAN_EVERY_MS};
        rec.timer = setTimeout(pan, Math.max(0, due - performance.now()));
      };
      pan();
    }, { once: true });
  })()`);
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('territory-result').waitFor({ timeout: 300_000 });
  const { waits, frames } = (await page.evaluate(`(() => {
    const rec = window.__benchPan;
    rec.stop = true;
    clearTimeout(rec.timer);
    rec.off();
    return { waits: rec.waits, frames: rec.frames };
  })()`)) as { waits: number[]; frames: number[] };
  const sorted = [...waits].sort((a, b) => a - b);
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const median = (xs: number[]) => (xs.length ? xs[Math.floor((xs.length - 1) / 2)]! : NaN);
  return {
    pans: waits.length,
    medianMs: median(sorted),
    longestMs: sorted.length ? sorted[sorted.length - 1]! : NaN,
    frameGapMedianMs: median(gaps),
    frameGapLongestMs: gaps.length ? gaps[gaps.length - 1]! : NaN,
  };
}
