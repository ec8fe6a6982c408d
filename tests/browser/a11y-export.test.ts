import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { externalRequests, openPage, screenshot, useHarness, waitForIdleMap } from './harness.ts';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';
import { ru } from '../../src/i18n/ru.ts';

const h = useHarness();

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility', () => {
  for (const [w, ht] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it(`axe-core finds no serious or critical violations at ${w}x${ht}`, async () => {
      // axe is injected as an inline script: this test's context bypasses the page's CSP for that only.
      const context = await h.browser.newContext({ viewport: { width: w, height: ht }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(h.origin + '/');
      await waitForIdleMap(page);
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: unknown,
                o: unknown,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(
        `axe ${w}x${ht}: ${result.length} violations (${serious.length} serious/critical)`,
        JSON.stringify(result),
      );
      expect(serious).toEqual([]);
      await context.close();
    });
  }

  it('every control is reachable by keyboard, with a visible focus', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    const seen = new Set<string>();
    let outlined = 0;
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const name = el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30);
        return { key: `${el.tagName}:${el.getAttribute('data-testid') ?? ''}:${name}`, visible };
      });
      if (f) {
        seen.add(f.key);
        if (f.visible) outlined++;
      }
    }
    const keys = [...seen].join('\n');
    for (const want of [
      'share-slider',
      'year-slider',
      'import-input',
      'basemap-select',
      'site-select',
      'Bearing of the cut line',
    ])
      expect(keys).toContain(want);
    expect(keys).toMatch(/BUTTON:.*Three islands/);
    expect(outlined).toBeGreaterThan(30);
    // Keyboard-only: choose a site from the list and read its details.
    await page.getByTestId('site-select').selectOption('ru-yasny');
    await expect(page.getByTestId('site-panel').locator('h2').innerText()).resolves.toContain('Yasny');
    await page.context().close();
  });
});

describe('the window title, <html lang> and dir, the app manifest', () => {
  it('follow the interface language; the static page and the manifest name the atlas in all three', async () => {
    const { page, errors } = await openPage(h, { path: '/#ui=ja' });
    try {
      await waitForIdleMap(page);
      const doc = () =>
        page.evaluate(() => ({
          title: document.title,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        }));
      await expect(doc()).resolves.toEqual({ title: ja.app.documentTitle, lang: 'ja', dir: 'ltr' });
      // The link edited in place: the page follows it, title and all.
      await page.evaluate(() => (location.hash = 'ui=ru'));
      await page.waitForFunction((t) => document.title === t, ru.app.documentTitle);
      await expect(doc()).resolves.toEqual({ title: ru.app.documentTitle, lang: 'ru', dir: 'ltr' });
      await page.evaluate(() => (location.hash = 'ui=en'));
      await page.waitForFunction((t) => document.title === t, en.app.documentTitle);
      await expect(doc()).resolves.toEqual({ title: en.app.documentTitle, lang: 'en', dir: 'ltr' });

      // Before any script runs, and when installed: the atlas's name in the three languages.
      const html = await (await page.request.get(`${h.origin}/index.html`)).text();
      const staticTitle = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const manifest = (await (await page.request.get(`${h.origin}/manifest.webmanifest`)).json()) as {
        name: string;
        lang: string;
        description: string;
      };
      for (const t of [en.app.title, ja.app.title, ru.app.title]) {
        expect(staticTitle).toContain(t);
        expect(manifest.name).toContain(t);
      }
      expect(manifest.lang).toBe('mul');
      for (const name of ['Kunashiri / Kunashir', '国後島（クナシル）', 'Кунашир (Кунасири)'])
        expect(manifest.description).toContain(name);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe('exports and the optional basemap', () => {
  it('exports a PNG of the map that is not blank', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download map (PNG)' }).click(),
    ]);
    const path = await dl.path();
    if (!path) throw new Error('the PNG download did not complete');
    const bytes = readFileSync(path);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      let orange = 0;
      for (let i = 0; i < d.length; i += 4 * 7) {
        const [r, gr, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
        colours.add(((r >> 3) << 10) | ((gr >> 3) << 5) | (b >> 3));
        if (Math.abs(r - 0xe6) < 40 && Math.abs(gr - 0x9f) < 40 && b < 90) orange++;
      }
      return { w: img.width, h: img.height, colours: colours.size, orange };
    }, bytes.toString('base64'));
    expect(stats.w).toBeGreaterThan(500);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.orange).toBeGreaterThan(100); // the Japan-side shading made it into the image
    await page.context().close();
  });

  it('the basemap is off by default; switching it on opens the online page with its attribution', async () => {
    const { page, requests } = await openPage(h);
    await waitForIdleMap(page);
    expect(externalRequests(requests, h.origin)).toEqual([]);
    await expect(page.getByTestId('basemap-select').inputValue()).resolves.toBe('off');
    // No network here: serve a small tile for the OSM server instead.
    const tile = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const tiles: string[] = [];
    await page.route('https://tile.openstreetmap.org/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
    });
    await page.getByTestId('basemap-select').selectOption('osm');
    await page.waitForURL(/online\.html#.*basemap=osm/);
    await waitForIdleMap(page);
    expect(tiles.length).toBeGreaterThan(0);
    await expect(page.getByTestId('basemap-note').innerText()).resolves.toContain('tile.openstreetmap.org');
    await expect(page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain('tiles: openstreetmap.org');
    await screenshot(page, 'basemap-osm');
    await page.getByTestId('basemap-select').selectOption('off');
    await page.waitForURL(/index\.html#/);
    await waitForIdleMap(page);
    const before = tiles.length;
    await page.mouse.move(900, 400);
    await page.mouse.down();
    await page.mouse.move(700, 300, { steps: 5 });
    await page.mouse.up();
    await waitForIdleMap(page);
    expect(tiles.length).toBe(before);
    await page.context().close();
  });
});
