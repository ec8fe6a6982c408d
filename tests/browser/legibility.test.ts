/**
 * A legible map: at the first view and at every option's view, at 1280×800 and 390×844, no two island
 * names, site symbols, settlement names or 1945 villages shown on the map overlap (their boxes are
 * measured in the page); the legend explains every letter code and is folded on a phone.
 */
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, useHarness, waitForIdleMap, waitForMapDrawn } from './harness.ts';
import { prng } from '../../scripts/lib/prng.ts';
import { KIND_MARKS } from '../../src/data/deployments.ts';

const h = useHarness();

const VIEWS = [
  '',
  'option=status-quo',
  'option=two-islands',
  'option=three-islands',
  'option=aso-25',
  'option=equal-area',
  'option=four-islands',
];
const SIZES = [
  [1280, 800],
  [390, 844],
] as const;

describe('a legible map', () => {
  for (const [width, height] of SIZES) {
    it(`no labels or site symbols overlap at ${width}×${height}, at the first view and every option's`, async () => {
      const { page, errors } = await openPage(h, { width, height });
      let checked = 0,
        hidden = 0;
      for (const v of VIEWS) {
        await page.goto(`${h.origin}/?v=${encodeURIComponent(v)}#${v}`);
        await waitForIdleMap(page);
        await page.waitForFunction(() => !!document.body.dataset.decluttered);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const r = await page.evaluate(() => {
          const map = document.querySelector('.maplibregl-map')!.getBoundingClientRect();
          const els = [
            ...document.querySelectorAll<HTMLElement>(
              '.map-label, .site-symbol, [data-near="true"] .settlement-name, .village-1945',
            ),
          ];
          const boxes = els
            .filter((e) => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none')
            .map((e) => ({
              what: e.className + ' ' + (e.textContent ?? '').slice(0, 20),
              r: e.getBoundingClientRect(),
            }))
            .filter(
              (b) =>
                b.r.width > 0 &&
                b.r.right > map.left &&
                b.r.left < map.right &&
                b.r.bottom > map.top &&
                b.r.top < map.bottom,
            );
          const clashes: string[] = [];
          boxes.forEach((p, i) => {
            for (const q of boxes.slice(i + 1)) {
              const a = p.r,
                b = q.r;
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
                clashes.push(`${p.what} × ${q.what}`);
            }
          });
          return {
            shown: boxes.length,
            hidden: document.querySelectorAll('[data-declutter="hidden"]').length,
            clashes,
          };
        });
        expect(r.clashes, `${v || 'first view'} at ${width}×${height}`).toEqual([]);
        expect(r.shown).toBeGreaterThan(4);
        checked += r.shown;
        hidden += r.hidden;
      }
      console.log(
        `legibility ${width}×${height}: ${VIEWS.length} views, ${checked} labels and symbols shown, ` +
          `${hidden} gave way, 0 overlaps`,
      );
      await screenshot(page, `legible-${width}x${height}`);
      expect(errors).toEqual([]);
    });
  }

  it("island names move off the counts of the user's point clusters (1280×800, 300 imported points)", async () => {
    const rand = prng(3);
    const features = Array.from({ length: 300 }, (_, i) => ({
      type: 'Feature',
      properties: { id: `s${i}` },
      geometry: { type: 'Point', coordinates: [145.4 + rand() * 3.3, 43.3 + rand() * 2.4] },
    }));
    const { page, errors } = await openPage(h, { path: '/#option=aso-25' });
    await waitForIdleMap(page);
    await page.getByTestId('import-input').setInputFiles({
      name: 'spread.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
    });
    await page.waitForFunction(
      () => window.__atlas!.map.queryRenderedFeatures({ layers: ['user-clusters'] }).length > 20,
    );
    // A placement made after the clusters were drawn (the one from before the import does not count).
    const drawnFrom = await page.evaluate(() => Date.now());
    await waitForMapDrawn(page);
    await page.waitForFunction((t) => Number(document.body.dataset.decluttered) >= t, drawnFrom);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Each shown name against the middle of each cluster's disc (its count), measured from the map.
    const clashes = await page.evaluate(() => {
      const map = window.__atlas!.map;
      const canvas = map.getCanvas().getBoundingClientRect();
      const counts = map.queryRenderedFeatures({ layers: ['user-clusters'] }).map((f) => {
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { x: canvas.left + p.x, y: canvas.top + p.y, n: String(f.properties.point_count) };
      });
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.map-label')) {
        if (el.dataset.declutter === 'hidden') continue;
        const r = el.getBoundingClientRect();
        for (const c of counts)
          if (c.x > r.left - 6 && c.x < r.right + 6 && c.y > r.top - 6 && c.y < r.bottom + 6)
            out.push(`${el.textContent} covers the count ${c.n}`);
      }
      return out;
    });
    await screenshot(page, 'legible-clusters');
    expect(clashes).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the legend explains every letter code, and is folded on a phone', async () => {
    const wide = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(wide.page);
    const codes = await wide.page.getByTestId('legend-codes').innerText();
    for (const mark of Object.values(KIND_MARKS)) expect(codes).toMatch(new RegExp(`(^|· )${mark} `));
    await expect(wide.page.locator('details.map-legend').getAttribute('open')).resolves.not.toBeNull();
    const phone = await openPage(h, { width: 390, height: 844, path: '/#option=equal-area' });
    await waitForIdleMap(phone.page);
    await expect(phone.page.locator('details.map-legend').getAttribute('open')).resolves.toBeNull();
    await phone.page.locator('details.map-legend summary').click();
    await expect(phone.page.locator('details.map-legend').getAttribute('open')).resolves.not.toBeNull();
  });

  it('choosing a cut brings its line into view', async () => {
    const { page } = await openPage(h, { path: '/#option=two-islands&view=141.3,43.0,9' });
    await waitForIdleMap(page);
    await page.locator('[data-option="equal-area"]').click();
    await page.waitForFunction(
      () => {
        const m = window.__atlas!.map;
        const line = m.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'cut-line'] });
        if (!line[0]) return false;
        const c = (line[0].geometry as { coordinates: number[][] }).coordinates;
        return c.every((p) => m.getBounds().contains(p as [number, number]));
      },
      null,
      { timeout: 30_000 },
    );
  });
});
