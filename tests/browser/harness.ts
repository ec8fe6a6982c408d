import { afterAll, afterEach, beforeAll } from 'vitest';
/**
 * Serves the production build (dist/, or ATLAS_DIST) on localhost and drives it in Debian's Chromium
 * through playwright-core. Records every request so tests can prove nothing leaves localhost. Every
 * browser context a test opens goes through the harness, so `closeContexts` (after each test) closes
 * what the test opened even when it failed half-way: pages left open keep drawing maps and slow the
 * tests after them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from '../../scripts/lib/chromium.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export interface Harness {
  server: PreviewServer;
  browser: Browser;
  origin: string;
  /** A new browser context (1280×800 unless the options say otherwise), closed by `closeContexts`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Closes every context opened since the last call (those already closed are skipped). */
  closeContexts(): Promise<void>;
  close(): Promise<void>;
}

async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, DIST, 'index.html')))
    throw new Error(`${DIST}/ is missing: run \`vite build\` first (npm test does)`);
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await preview({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: DIST },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const addr = server.httpServer.address();
  if (!addr || typeof addr === 'string') throw new Error('preview server has no port');
  const origin = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const open = new Set<BrowserContext>();
  return {
    server,
    browser,
    origin,
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      open.add(context);
      context.on('close', () => open.delete(context));
      return context;
    },
    async closeContexts() {
      const contexts = [...open];
      open.clear();
      await Promise.all(contexts.map((c) => c.close()));
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    },
  };
}

/**
 * The harness of a test file, as every browser test uses it: started before the file's tests, the
 * contexts each test opened closed after it (passed or failed), everything closed after the file.
 * Called once at the top of the file; the object it returns reaches the running harness.
 */
export function useHarness(): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness();
  });
  afterEach(async () => {
    await current?.closeContexts();
  });
  afterAll(async () => {
    await current?.close();
  });
  const now = () => {
    if (!current) throw new Error('the browser harness is used before it started (use it inside a test)');
    return current;
  };
  return {
    get server() {
      return now().server;
    },
    get browser() {
      return now().browser;
    },
    get origin() {
      return now().origin;
    },
    newContext: (options) => now().newContext(options),
    closeContexts: () => now().closeContexts(),
    close: () => now().close(),
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openPage(
  h: Harness,
  opts: { width?: number; height?: number; path?: string } = {},
): Promise<OpenedPage> {
  const context = await h.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.origin + (opts.path ?? '/'));
  return { context, page, requests, errors };
}

/**
 * The map has drawn and is idle, and the side panel is there: the page draws the map first and the
 * panel right after (aside[aria-busy] until then), so a test that goes on to use the panel waits for both.
 */
export async function waitForIdleMap(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.body.dataset.mapIdle === 'true' &&
      !!window.__atlas?.map?.loaded() &&
      !document.querySelector('aside[aria-busy="true"]'),
    null,
    { timeout },
  );
}

/**
 * The map has drawn every change made so far: a repaint is asked for, and MapLibre fires 'idle' after the
 * first frame with nothing left to load, place or fade. (body[data-map-idle] only follows camera moves.)
 */
export async function waitForMapDrawn(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlas!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Requests that went anywhere but this origin (data: and blob: URLs stay in the page). */
export function externalRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Screen position of a lon/lat on the map canvas, in page coordinates. */
export async function pagePointOf(page: Page, lonlat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => {
    const map = window.__atlas!.map;
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonlat);
}
