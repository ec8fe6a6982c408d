import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPage as open, pagePointOf, screenshot, useHarness, waitForIdleMap, waitForMapDrawn } from './harness.ts';

const h = useHarness();

// Bolshoy Ussuriysky island (approximate outline, for the test only) and two points on Kunashiri / Etorofu.
const territory = {
  type: 'Feature',
  properties: { name: 'test territory' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [134.55, 48.3],
        [134.85, 48.3],
        [134.85, 48.42],
        [134.55, 48.42],
        [134.55, 48.3],
      ],
    ],
  },
};
const points = [
  {
    type: 'Feature',
    properties: { id: 'p-kunashiri', name: '<img src=x onerror=alert(1)>', note: 'my site' },
    geometry: { type: 'Point', coordinates: [145.856, 44.031] },
  },
  { type: 'Feature', properties: { id: 'p-etorofu-ne' }, geometry: { type: 'Point', coordinates: [147.886, 45.227] } },
];
const good = JSON.stringify({ type: 'FeatureCollection', features: [territory, ...points] });
const bad = JSON.stringify({
  type: 'FeatureCollection',
  features: [points[0], { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [147, 200] } }],
});

/** 40 points within about 300 m of each other on Etorofu (one disc at the first view's zoom), imported. */
async function importNear(page: Page): Promise<void> {
  const near = Array.from({ length: 40 }, (_, i) => ({
    type: 'Feature',
    properties: { id: `near-${i}` },
    geometry: { type: 'Point', coordinates: [147.5 + (i % 8) * 0.0005, 45.0 + Math.floor(i / 8) * 0.0005] },
  }));
  await page.getByTestId('import-input').setInputFiles({
    name: 'near.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: near })),
  });
}

/**
 * Opens a settled page whose worker script matching `glob` throws as it starts, and imports `good` into it.
 * Service workers are blocked: the page's own would serve the script from its precache, past the route.
 */
async function importWithBrokenWorker(glob: string, message: string) {
  const context = await h.newContext({ serviceWorkers: 'block' });
  await context.route(glob, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: `throw new Error(${JSON.stringify(message)});` }),
  );
  const scripts: string[] = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${h.origin}/#option=equal-area`);
  await waitForIdleMap(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'mine.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(good),
  });
  return { page, errors, scripts };
}

describe("importing the user's data", () => {
  it(
    'imports points and a territory, counts points per option, survives a reload, ' +
      'and refuses a broken file without changing anything',
    async () => {
      const { page, errors, requests } = await open(h, { path: '/#option=equal-area' });
      await waitForIdleMap(page);
      const input = page.getByTestId('import-input');
      await input.setInputFiles({ name: 'mine.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(good) });
      await expect(page.getByTestId('imports').innerText()).resolves.toContain(
        'mine.geojson: 2 point(s), 1 polygon(s)',
      );
      // Equal-area option: the Kunashiri point goes to Japan, the one at Kurilsk stays.
      await expect(page.getByTestId('user-points-to-japan').innerText()).resolves.toContain(
        'on the four islands: 2; to Japan under this option: 1 (p-kunashiri)',
      );
      // Imported in the worker: the page never loaded the service's own code (it is for when no worker starts).
      expect(requests.filter((u) => /\/import-service-/.test(u))).toEqual([]);
      // Every point with its island and side, as a file.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-user-points').click()]);
      expect(csv.suggestedFilename()).toBe('your-points-equal-area-geodesic.csv');
      const rows = readFileSync((await csv.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(rows).toHaveLength(3);
      expect(rows[1]).toMatch(/^"p-kunashiri",145\.856,44\.031,"kunashiri","japan","equal-area",/);
      expect(rows[2]).toMatch(/^"p-etorofu-ne",147\.886,45\.227,"etorofu","russia","equal-area",/);
      await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('50.00 %');
      // The map's legend says what the territory's two colours and its line are.
      const legend = await page.getByTestId('territory-legend').innerText();
      expect(legend.replace(/\s+/g, ' ')).toBe('Your territory: Side A · Side B · Line');
      // The points are drawn from the point worker's tiles, and a click on one shows it.
      await page.waitForFunction(() =>
        window
          .__atlas!.map.queryRenderedFeatures({ layers: ['user-points'] })
          .some((f) => f.properties.id === 'p-etorofu-ne'),
      );
      const pt = await pagePointOf(page, [147.886, 45.227]);
      await page.mouse.click(pt.x, pt.y);
      await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: p-etorofu-ne');
      // A point listed under the option opens from its button, as from the map.
      await page.getByTestId('user-points-to-japan').getByRole('button', { name: 'p-kunashiri' }).click();
      await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: p-kunashiri');
      await page.getByLabel("Side A's share of your territory, percent").fill('30');
      await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('30.00 %');

      await input.setInputFiles({ name: 'broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(bad) });
      const problems = await page.getByTestId('import-problems').innerText();
      expect(problems).toContain(
        'broken.geojson: feature #1 (features[1].geometry.coordinates[1]): latitude 200 is outside -90..90',
      );
      await expect(page.getByTestId('imports').innerText()).resolves.not.toContain('broken.geojson');
      await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('30.00 %');
      await screenshot(page, 'import-territory');

      await page.reload();
      await waitForIdleMap(page);
      await expect(page.getByTestId('imports').innerText()).resolves.toContain('mine.geojson');
      await page.getByRole('button', { name: 'Remove mine.geojson' }).click();
      await expect(page.getByTestId('imports').count()).resolves.toBe(0);
      await page.reload();
      await waitForIdleMap(page);
      await expect(page.getByTestId('imports').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    },
  );

  it('draws close points as one cluster with its count, which opens when clicked', async () => {
    const { page, errors } = await open(h, { path: '/' });
    await waitForIdleMap(page);
    await importNear(page);
    await expect(page.getByTestId('imports').innerText()).resolves.toContain('near.geojson: 40 point(s)');
    await page.waitForFunction(() =>
      window
        .__atlas!.map.queryRenderedFeatures({ layers: ['user-clusters'] })
        .some((f) => f.properties.point_count === 40),
    );
    await waitForMapDrawn(page);
    await screenshot(page, 'import-cluster');
    const zoomBefore = await page.evaluate(() => window.__atlas!.map.getZoom());
    const pt = await pagePointOf(page, [147.5018, 45.001]);
    await page.mouse.click(pt.x, pt.y);
    // Opened: the map zooms in to where the cluster splits, and no disc holds all 40 any more.
    await page.waitForFunction(
      (z) => {
        const map = window.__atlas!.map;
        if (map.getZoom() <= z + 1 || map.isMoving()) return false;
        const clusters = map.queryRenderedFeatures({ layers: ['user-clusters'] });
        const alone = map.queryRenderedFeatures({ layers: ['user-points'] });
        return alone.length + clusters.length > 1 && !clusters.some((f) => f.properties.point_count === 40);
      },
      zoomBefore,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
  });

  it('finds a point by its id from the keyboard, opens it and shows it on the map, ringed', async () => {
    const { page, errors } = await open(h, { path: '/' });
    await waitForIdleMap(page);
    await importNear(page);
    const finder = page.getByTestId('point-finder');
    await finder.getByLabel('Find one of your points by its id').focus();
    await page.keyboard.type('NEAR-3');
    // near-3 and near-30 … near-39: eleven, ten listed, the exact id (letter case aside) first.
    // The list follows the typing a moment later (a deferred render): polled until it has caught up.
    await expect
      .poll(() => finder.getByRole('status').innerText())
      .toBe('10 of 11 matching points shown; type more of the id to narrow them:');
    await expect.poll(() => finder.getByRole('listitem').first().innerText()).toMatch(/^near-3 /);
    await page.keyboard.press('Enter');
    await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: near-3');
    // The map goes to it, past the clusters' last zoom, and rings it.
    const ringedId = (id: string) =>
      page.waitForFunction(
        (want) => {
          const map = window.__atlas!.map;
          if (map.isMoving() || map.getZoom() <= 13) return false;
          const ring = map.queryRenderedFeatures({ layers: ['user-point-selected'] });
          return ring.length === 1 && ring[0]!.properties.id === want;
        },
        id,
        { timeout: 30_000 },
      );
    await ringedId('near-3');
    await waitForMapDrawn(page);
    await screenshot(page, 'import-find-point');
    // Another match, reached with the Tab key from the text field: Show, then the listed points.
    await finder.getByLabel('Find one of your points by its id').fill('near-1');
    await expect.poll(() => finder.getByRole('listitem').nth(1).innerText()).toMatch(/^near-10 /);
    await finder.getByLabel('Find one of your points by its id').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: near-10');
    await ringedId('near-10');
    // Nothing matches: said so, and the open point stays open.
    await finder.getByLabel('Find one of your points by its id').fill('zz');
    await expect
      .poll(() => finder.getByRole('status').innerText())
      .toBe('No imported point has an id containing “zz”.');
    await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: near-10');
    expect(errors).toEqual([]);
  });

  it('says on the map when the points cannot be drawn, and still counts them and finds them by id', async () => {
    // The point worker's script is broken: it throws as it starts.
    const { page, errors } = await importWithBrokenWorker('**/point-tiles-worker-*.js', 'point worker test failure');
    const status = await page.getByTestId('points-status').innerText({ timeout: 30_000 });
    expect(status).toMatch(
      /^Your imported points cannot be drawn on the map \((Uncaught )?Error: point worker test failure\)/,
    );
    expect(status).toContain('. They are still counted under each option, and each can be found by its id');
    // The map settles (no tile left waiting for the worker), and the rest of the page works.
    await waitForIdleMap(page);
    await expect(page.getByTestId('user-points-to-japan').innerText()).resolves.toContain(
      'on the four islands: 2; to Japan under this option: 1 (p-kunashiri)',
    );
    await page.getByTestId('point-finder').getByLabel('Find one of your points by its id').fill('p-etorofu-ne');
    await page.keyboard.press('Enter');
    await expect(page.locator('#user-point-title').innerText()).resolves.toBe('Your point: p-etorofu-ne');
    await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('50.00 %');
    await screenshot(page, 'import-points-status');
    // The script can be loaded again: the next import starts a new worker, and every point is drawn.
    await page.context().unroute('**/point-tiles-worker-*.js');
    await importNear(page);
    await page.getByTestId('points-status').waitFor({ state: 'detached', timeout: 30_000 });
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [147.5018, 45.001], zoom: 8 }));
    await page.waitForFunction(
      () =>
        window
          .__atlas!.map.queryRenderedFeatures({ layers: ['user-clusters'] })
          .some((f) => f.properties.point_count === 40),
      null,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
  });

  it('imports on the page when the import worker cannot start, loading that code only then', async () => {
    const { page, errors, scripts } = await importWithBrokenWorker(
      '**/import-worker-*.js',
      'import worker test failure',
    );
    await expect(page.getByTestId('user-points-to-japan').innerText({ timeout: 30_000 })).resolves.toContain(
      'on the four islands: 2; to Japan under this option: 1 (p-kunashiri)',
    );
    await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('50.00 %');
    // The service's own chunk, loaded once the worker had failed (with a working worker it is never loaded).
    expect(scripts.filter((u) => /\/import-service-/.test(u))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const { page } = await open(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="import-input"]') as HTMLInputElement;
      const big = new File([new Uint8Array(51 * 1024 * 1024)], 'huge.geojson');
      const dt = new DataTransfer();
      dt.items.add(big);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(page.getByTestId('import-problems').innerText()).resolves.toContain(
      'huge.geojson: the file is 51.0 MB; files up to 50 MB can be imported',
    );
  });
});
