/**
 * Offline for real: after one visit the service worker has the whole app (pages, scripts, data, fonts),
 * and a reload with the browser context offline works. And on online.html, tiles that cannot be reached
 * are said so on the map while the land stays drawn.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

/** The colour of the page's pixel at a lon/lat of the map, from a screenshot (the canvas needs no preserved buffer). */
async function pixelAt(page: Page, lonlat: [number, number]): Promise<[number, number, number]> {
  const { x, y } = await page.evaluate(([lon, lat]) => {
    const map = window.__atlas!.map;
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: Math.round(r.left + p.x), y: Math.round(r.top + p.y) };
  }, lonlat);
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 1;
    c.height = 1;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2]] as [number, number, number];
  }, png.toString('base64'));
}

describe('offline', () => {
  it('after one visit, the page reloads and works with the network off', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(h.origin + '/');
    await waitForIdleMap(page);
    // The service worker is installed (its precache filled) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10_000 });
    const precached = await page.evaluate(async () => {
      const keys = await caches.keys();
      let n = 0;
      const kinds = new Set<string>();
      for (const k of keys)
        for (const req of await (await caches.open(k)).keys()) {
          n++;
          kinds.add(req.url.replace(/^.*\.([a-z0-9]+)(\?.*)?$/, '$1'));
        }
      return { controlled: !!navigator.serviceWorker.controller, n, kinds: [...kinds].sort() };
    });
    console.log('precache', JSON.stringify(precached));
    expect(precached.controlled).toBe(true);
    expect(precached.kinds).toEqual(expect.arrayContaining(['html', 'js', 'css', 'geojson', 'woff2', 'webmanifest']));

    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.reload();
    await waitForIdleMap(page);
    // The options are computed: the comparison lists every option with its share.
    await expect(
      page
        .getByRole('button', { name: /Three islands/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    const text = await page.locator('aside').innerText();
    expect(text).toMatch(/\d+\.\d+ ?%/);
    expect(text).not.toMatch(/could not|failed to load/i);
    // The map has the islands' names, and the shipped font drew them.
    await expect(page.locator('[data-label-island="etorofu"]').innerText()).resolves.toMatch(/Etorofu|択捉/);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded = [...document.fonts].filter(
        (f) => f.family.replace(/["']/g, '') === 'Atlas Sans' && f.status === 'loaded',
      ).length;
      const files = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.woff2')) as PerformanceResourceTiming[];
      return {
        loaded,
        files: files.length,
        bytes: files.reduce((s, e) => s + e.decodedBodySize, 0),
        kanji: document.fonts.check('13px "Atlas Sans"', '択捉島'),
        cyrillic: document.fonts.check('13px "Atlas Sans"', 'Итуруп'),
      };
    });
    console.log('fonts offline', JSON.stringify(fonts), 'failed requests', JSON.stringify(failed));
    expect(fonts.loaded).toBeGreaterThan(0);
    expect(fonts.kanji && fonts.cyrillic).toBe(true);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'offline-reload');

    // The online page is in the cache too; without a network its tiles fail and it says so.
    await page.goto(h.origin + '/online.html#basemap=osm');
    await waitForIdleMap(page);
    await expect(page.getByTestId('basemap-status').innerText()).resolves.toContain('cannot be reached');
    await context.close();
  });

  it('online.html says when the basemap tiles cannot be reached, and the land stays drawn', async () => {
    const context = await h.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const tiles: string[] = [];
    await context.route('https://tile.openstreetmap.org/**', (route) => {
      tiles.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(h.origin + '/online.html#basemap=osm');
    await waitForIdleMap(page);
    expect(tiles.length).toBeGreaterThan(0);
    const status = page.getByTestId('basemap-status');
    await expect(status.innerText()).resolves.toMatch(/cannot be reached \(tile\.openstreetmap\.org\)/);
    // Etorofu's interior is drawn: land or the option's shading, not the sea.
    const [r, g, b] = await pixelAt(page, [147.95, 45.2]);
    console.log('pixel on Etorofu with tiles failing', r, g, b);
    expect(b).toBeLessThan(200);
    expect(Math.abs(r - 0xc9) + Math.abs(g - 0xdd) + Math.abs(b - 0xe8)).toBeGreaterThan(60);
    // Hokkaido's fill, which the basemap replaces, is drawn again: a point well inside it shows its colour.
    const inside = await page.evaluate(() => {
      const map = window.__atlas!.map;
      const r = map.getCanvas().getBoundingClientRect();
      const hok = (x: number, y: number) =>
        map.queryRenderedFeatures([x, y]).some((f) => f.layer.id === 'hokkaido-fill') &&
        document.elementFromPoint(r.left + x, r.top + y) === map.getCanvas();
      for (let y = 20; y < r.height - 20; y += 17)
        for (let x = 20; x < r.width - 20; x += 17) {
          if (
            (
              [
                [0, 0],
                [12, 0],
                [-12, 0],
                [0, 12],
                [0, -12],
              ] as const
            ).every(([dx, dy]) => hok(x + dx, y + dy))
          ) {
            const ll = map.unproject([x, y]);
            return [ll.lng, ll.lat] as [number, number];
          }
        }
      return null;
    });
    expect(inside).not.toBeNull();
    const hokkaido = await pixelAt(page, inside!);
    console.log('pixel on Hokkaido with tiles failing', hokkaido, inside);
    expect(Math.abs(hokkaido[0] - 0xdd) + Math.abs(hokkaido[1] - 0xd5) + Math.abs(hokkaido[2] - 0xc1)).toBeLessThan(30);
    // The options are still computed.
    await expect(
      page
        .getByRole('button', { name: /Three islands/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'basemap-tiles-unreachable');
    await context.close();
  });

  it('at phone size the notice, the attribution, the scale and the open legend keep clear of each other', async () => {
    // Japanese: the longest attribution (two lines at 390 px), with the basemap's notice shown.
    const context = await h.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
    await context.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(h.origin + '/online.html#basemap=osm&ui=ja&option=equal-area');
    await waitForIdleMap(page);
    await page.getByTestId('basemap-status').waitFor();
    await page.locator('.map-legend summary').click();
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return {
        map: box('.maplibregl-map'),
        notice: box('[data-testid="basemap-status"]'),
        attribution: box('.maplibregl-ctrl-attrib'),
        scale: box('.maplibregl-ctrl-scale'),
        legend: box('.map-legend'),
      };
    });
    type Box = (typeof boxes)['map'];
    const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlap(boxes.attribution, boxes.scale)).toBe(false);
    expect(overlap(boxes.notice, boxes.attribution)).toBe(false);
    expect(overlap(boxes.notice, boxes.scale)).toBe(false);
    expect(boxes.legend.bottom).toBeLessThanOrEqual(boxes.map.bottom);
    await screenshot(page, 'basemap-tiles-unreachable-390');
    await context.close();
  });
});
