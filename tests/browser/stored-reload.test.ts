/**
 * Stored imports do not slow every later load: with 100,000 stored points the page reaches its idle
 * map as with an empty store (the points are validated again in the import worker, off the main thread,
 * and arrive after), and no main-thread task during the load is long.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, waitForIdleMap } from './harness.ts';
import { DB_NAME, DB_VERSION, STORE } from '../../src/ui/user-store.ts';

const h = useHarness();

const N = 100_000;
const points = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: N }, (_, i) => ({
    type: 'Feature',
    properties: { id: `p${i}`, name: `point ${i}` },
    geometry: {
      type: 'Point',
      coordinates: [145.4 + (((i * 7919) % N) / N) * 3.0, 43.3 + (((i * 104729) % N) / N) * 2.3],
    },
  })),
});

const INIT = `(() => {
  const rec = { tasks: [], listed: null };
  Object.defineProperty(window, '__reload', { value: rec });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) rec.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const listed = (document.querySelector('[data-testid="imports"]')?.textContent ?? '').includes('points.geojson');
    if (rec.listed === null && listed) rec.listed = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

async function loadFigures(
  page: Page,
): Promise<{ idleMs: number; listedMs: number | null; longestMs: number; longTasks: number }> {
  await waitForIdleMap(page);
  const idleMs = await page.evaluate(() => performance.now());
  return page.evaluate((idle) => {
    const r = (window as unknown as { __reload: { tasks: [number, number][]; listed: number | null } }).__reload;
    const before = r.tasks.filter(([s]) => s <= idle);
    return {
      idleMs: idle,
      listedMs: r.listed,
      longestMs: before.reduce((m, [, d]) => Math.max(m, d), 0),
      longTasks: before.length,
    };
  }, idleMs);
}

describe('stored imports and the page load', () => {
  it('100,000 stored points do not hold up the map or block the main thread as the page loads', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript({ content: INIT });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(h.origin + '/');
      const empty = await loadFigures(page);
      await page
        .getByTestId('import-input')
        .setInputFiles({ name: 'points.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(points) });
      await expect(page.getByTestId('imports').innerText({ timeout: 60_000 })).resolves.toContain(
        `points.geojson: ${N.toLocaleString('en-US')} point(s)`,
      );
      // Until the import worker has written it to IndexedDB: each poll reads the count again (asynchronously;
      // a predicate's promise would count as true at once). Opened at the store's own version, so that a
      // database not yet created is not created here at another one.
      await page.waitForFunction(
        ({ db, store, version }) => {
          const w = window as unknown as { __storedCheck?: { busy: boolean; found: boolean } };
          const check = (w.__storedCheck ??= { busy: false, found: false });
          if (check.found || check.busy) return check.found;
          check.busy = true;
          const done = (found: boolean) => {
            check.found = found;
            check.busy = false;
          };
          const req = indexedDB.open(db, version);
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onerror = () => done(false);
          req.onsuccess = () => {
            const d = req.result;
            try {
              const count = d.transaction(store).objectStore(store).count();
              count.onsuccess = () => done(count.result > 0);
              count.onerror = () => done(false);
            } catch {
              done(false);
            } finally {
              d.close();
            }
          };
          return false;
        },
        { db: DB_NAME, store: STORE, version: DB_VERSION },
        { timeout: 60_000, polling: 250 },
      );
      const emptyAgain = await (async () => {
        await page.reload();
        return loadFigures(page);
      })();
      await page.getByTestId('imports').waitFor({ timeout: 60_000 });
      const listed = await page.evaluate(
        () => (window as unknown as { __reload: { listed: number | null } }).__reload.listed,
      );
      const stored = { ...emptyAgain, listedMs: listed };
      // Until the page has been quiet for a second: the points' arrival and drawing are in the tasks listed.
      await page.waitForFunction(
        () => {
          const r = (window as unknown as { __reload: { tasks: [number, number][] } }).__reload;
          const lastBusy = r.tasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
          return performance.now() - lastBusy > 1000;
        },
        null,
        { timeout: 60_000, polling: 100 },
      );
      const after = await page.evaluate(
        (from) =>
          (window as unknown as { __reload: { tasks: [number, number][] } }).__reload.tasks
            .filter(([s]) => s > from)
            .map(([, d]) => Math.round(d)),
        emptyAgain.idleMs,
      );
      console.log(
        `page load to the idle map: empty store ${empty.idleMs.toFixed(0)} ms ` +
          `(longest task ${empty.longestMs.toFixed(0)} ms); with ${N.toLocaleString('en-US')} stored points ` +
          `${stored.idleMs.toFixed(0)} ms (longest task ${stored.longestMs.toFixed(0)} ms, ` +
          `${stored.longTasks} over 50 ms), ` +
          `the points listed at ${stored.listedMs?.toFixed(0)} ms; ` +
          `long tasks after the idle map, as the points arrive: ${after.join(', ') || 'none'} ms`,
      );
      await expect(page.getByTestId('imports').innerText()).resolves.toContain(
        `points.geojson: ${N.toLocaleString('en-US')} point(s)`,
      );
      expect(stored.idleMs).toBeLessThan(empty.idleMs + 1500);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
