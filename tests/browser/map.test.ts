import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { externalRequests, openPage, pagePointOf, ROOT, screenshot, useHarness, waitForIdleMap } from './harness.ts';
import { labelPoint } from '../../src/geo/label-point.ts';

const h = useHarness();

const islands = JSON.parse(readFileSync(join(ROOT, 'geo/islands.geojson'), 'utf8'));
const etorofu = islands.features.find((f: { properties: { id: string } }) => f.properties.id === 'etorofu');

describe('the map page (production build in Chromium)', () => {
  it('reaches idle with the four islands rendered, offline, and opens Etorofu on click', async () => {
    const { page, requests, errors } = await openPage(h);
    await waitForIdleMap(page);
    const rendered = await page.evaluate(() =>
      [
        ...new Set(window.__atlas!.map.queryRenderedFeatures({ layers: ['islands-fill'] }).map((f) => f.properties.id)),
      ].sort(),
    );
    expect(rendered).toEqual(['etorofu', 'habomai', 'kunashiri', 'shikotan']);
    await expect(page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain('OpenStreetMap contributors');
    await expect(page.locator('.maplibregl-ctrl-scale').count()).resolves.toBe(1);
    await expect(page.locator('.maplibregl-ctrl-zoom-in').count()).resolves.toBe(1);
    await screenshot(page, 'map-desktop-1280x800');

    const pt = await pagePointOf(page, labelPoint(etorofu.geometry) as [number, number]);
    await page.mouse.click(pt.x, pt.y);
    const panel = page.getByTestId('island-panel');
    await expect(panel.locator('h2').innerText()).resolves.toContain('Etorofu');
    await expect(panel.getByTestId('geodesic-area').innerText()).resolves.toBe('3,175.57 km²');
    await expect(panel.getByTestId('official-area').innerText()).resolves.toContain('3,166.64 km²');
    await expect(panel.getByTestId('area-diff').innerText()).resolves.toBe('+0.28 %');
    // The selected island is outlined on the map (the layer's filter follows the selection).
    await page.waitForFunction(
      () => window.__atlas!.map.queryRenderedFeatures({ layers: ['islands-selected'] }).length > 0,
    );
    const outlined = await page.evaluate(() => [
      ...new Set(
        window.__atlas!.map.queryRenderedFeatures({ layers: ['islands-selected'] }).map((f) => f.properties.id),
      ),
    ]);
    expect(outlined).toEqual(['etorofu']);
    await screenshot(page, 'map-etorofu-panel');

    expect(externalRequests(requests, h.origin)).toEqual([]);
    expect(errors).toEqual([]);
    // The HTML preloads the four layers and the app's fetches use those responses: one request each.
    const geojson = requests.filter((u) => /\.geojson$/.test(u));
    expect(geojson).toHaveLength(4);
    expect(new Set(geojson).size).toBe(4);
  });

  it('draws all in its first idle frame: land, option shading, cut line, a selection from the link', async () => {
    // Record what is drawn at the very first 'idle' event, before anything else can change the map.
    const context = await h.newContext();
    await context.addInitScript({
      content: `(() => {
      let atlas;
      window.__firstIdle = null;
      Object.defineProperty(window, '__atlas', { configurable: true, get() { return atlas; }, set(v) {
        atlas = v;
        v.map.once('idle', () => {
          const side = (f) => (f.properties.side ? ':' + f.properties.side : '');
          const name = (f) => (f.properties.id ?? f.properties.island) + side(f);
          const ids = (layers) => [...new Set(v.map.queryRenderedFeatures({ layers }).map(name))].sort();
          window.__firstIdle = {
            islands: ids(['islands-fill']),
            hokkaido: ids(['hokkaido-fill']).length,
            context: ids(['context-fill']).length,
            sides: ids(['option-fill', 'option-fill-russia']),
            cut: v.map.queryRenderedFeatures({ layers: ['cut-line'] }).length,
            selected: ids(['islands-selected']),
          };
        });
      } });
    })();`,
    });
    const page = await context.newPage();
    await page.goto(h.origin + '/#option=equal-area&island=kunashiri');
    await page.waitForFunction(() => (window as unknown as { __firstIdle: unknown }).__firstIdle !== null, null, {
      timeout: 60_000,
    });
    const first = await page.evaluate(
      () => (window as unknown as { __firstIdle: Record<string, unknown> }).__firstIdle,
    );
    expect(first.islands).toEqual(['etorofu', 'habomai', 'kunashiri', 'shikotan']);
    expect(first.hokkaido).toBeGreaterThan(0);
    expect(first.context).toBeGreaterThan(0);
    expect(first.sides).toEqual(expect.arrayContaining(['etorofu:japan', 'etorofu:russia', 'kunashiri:japan']));
    expect(first.cut).toBeGreaterThan(0);
    expect(first.selected).toEqual(['kunashiri']);
    await context.close();
  });

  it('names settlements once zoomed in, not at the overview', async () => {
    const { page } = await openPage(h);
    await waitForIdleMap(page);
    const name = page.locator('[data-settlement="yuzhno-kurilsk"]');
    await expect(name.isVisible()).resolves.toBe(false);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [145.86, 44.03], zoom: 9 }));
    await expect.poll(() => name.isVisible()).toBe(true);
    await expect(name.innerText()).resolves.toBe('Yuzhno-Kurilsk (Furukamappu) · 7,033');
    await page.getByLabel('Japanese names', { exact: false }).check();
    await expect.poll(() => name.innerText()).toMatch(/^\S*古釜布\S* · 7,033$/);
    await screenshot(page, 'map-settlement-names');
  });

  it('switches labels between Japanese, Russian and both', async () => {
    const { page } = await openPage(h);
    await waitForIdleMap(page);
    // The island names drawn over the map, once the old language has gone.
    const labelsWhen = async (want: string, gone: RegExp) => {
      await expect
        .poll(
          async () => {
            const t = (await page.locator('.map-label').allInnerTexts()).join('|');
            return t.includes(want) && !gone.test(t);
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      return (await page.locator('.map-label').allInnerTexts()).join('|');
    };
    await page.getByLabel('Russian names', { exact: false }).check();
    const ru = await labelsWhen('Итуруп Iturup', /[\u4e00-\u9fff]/);
    expect(ru).toContain('Кунашир Kunashir');
    await page.getByLabel('Japanese names', { exact: false }).check();
    const ja = await labelsWhen('択捉島 Etorofu-tō', /[\u0400-\u04ff]/);
    expect(ja).toContain('国後島 Kunashiri-tō');
    await page.getByLabel('Both').check();
    const both = await labelsWhen('Итуруп', /^$/);
    expect(both).toMatch(/択捉島 Etorofu-tō\nИтуруп Iturup/);
    // The label sits over Etorofu on the map.
    const box = (await page.locator('.map-label[data-label-island="etorofu"]').boundingBox())!;
    const lonlat = await page.evaluate(
      ([x, y]) => {
        const m = window.__atlas!.map;
        const r = m.getCanvas().getBoundingClientRect();
        const p = m.unproject([x - r.left, y - r.top]);
        return [p.lng, p.lat];
      },
      [box.x + box.width / 2, box.y + box.height / 2] as const,
    );
    expect(lonlat[0]).toBeGreaterThan(146.9);
    expect(lonlat[0]).toBeLessThan(148.9);
    await expect(page.locator('[data-island="etorofu"]').innerText()).resolves.toContain('択捉島');
  });

  it('works at phone size', async () => {
    const { page } = await openPage(h, { width: 390, height: 844 });
    await waitForIdleMap(page);
    await page.locator('[data-island="kunashiri"]').click();
    await expect(page.getByTestId('island-panel').locator('h2').innerText()).resolves.toContain('Kunashiri');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(page, 'map-phone-390x844');
  });

  it('shows a clear message for a broken data file and keeps the rest of the page', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await page.route('**/islands-*.geojson', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"FeatureCollection","features":[' }),
    );
    await page.goto(h.origin + '/');
    const problems = page.getByTestId('data-problems');
    await expect(problems.innerText()).resolves.toMatch(/geo\/islands\.geojson: not valid JSON/);
    await waitForIdleMap(page);
    const hokkaido = await page.evaluate(
      () => window.__atlas!.map.queryRenderedFeatures({ layers: ['hokkaido-fill'] }).length,
    );
    expect(hokkaido).toBeGreaterThan(0);
    await screenshot(page, 'map-broken-islands-file');
  });
});
