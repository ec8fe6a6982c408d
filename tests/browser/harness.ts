/**
 * Serves the production build (dist/) on localhost and drives it in Debian's Chromium through
 * playwright-core. Records every request so tests can prove nothing leaves localhost.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export { CHROMIUM, CHROMIUM_ARGS, DIST } from '../../scripts/lib/chromium.ts';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from '../../scripts/lib/chromium.ts';

export interface Harness {
  server: PreviewServer;
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
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
  return {
    server,
    browser,
    origin,
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    },
  };
}

export interface OpenedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openPage(
  h: Harness,
  opts: { width?: number; height?: number; path?: string } = {},
): Promise<OpenedPage> {
  const context = await h.browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.origin + (opts.path ?? '/'));
  return { page, requests, errors };
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
