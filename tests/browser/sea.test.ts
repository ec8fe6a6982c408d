/**
 * The Sea layer (src/geo/maritime, src/map/sea-worker.ts, src/ui/SeaPanel.tsx) in the production build:
 * off at first load, on from a link that asks for it, prepared in a Web Worker, and following the share
 * slider; the figures are labelled as the equidistance method, not an agreed boundary.
 */
import { describe, expect, it } from 'vitest';
import { externalRequests, openPage, screenshot, useHarness, waitForIdleMap, waitForMapDrawn } from './harness.ts';

const h = useHarness();

describe('the Sea layer', () => {
  it('is off at first load', async () => {
    const { page } = await openPage(h);
    await waitForIdleMap(page);
    await expect(page.getByTestId('sea-panel').count()).resolves.toBe(0);
    await expect(page.evaluate(() => !!window.__atlas!.map.getLayer('sea-image'))).resolves.toBe(false);
  });

  it('from a link: zones, boundary, straits and the published figure for two islands; follows the slider', async () => {
    const { page, requests, errors } = await openPage(h, {
      path: '/#option=two-islands&layers=partition,sea,labels',
    });
    await waitForIdleMap(page);
    const figures = page.getByTestId('sea-figures');
    await figures.waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('sea-method').innerText()).resolves.toContain('not an agreed boundary');
    await expect(page.getByTestId('sea-method').innerText()).resolves.toContain('traight baselines');
    const japan = await page.getByTestId('sea-japan').innerText();
    expect(japan).toMatch(/\(4\d\.\d %\)/);
    await expect(page.getByTestId('sea-published').innerText()).resolves.toContain('40 %');
    await expect(page.locator('[data-testid=sea-straits] > li').count()).resolves.toBe(7);
    await expect(page.locator('[data-strait=goyomai-channel]').innerText()).resolves.toContain('Japan only');
    await page.waitForFunction(() => !!window.__atlas!.map.getLayer('sea-image'), null, { timeout: 30_000 });
    await page.waitForFunction(
      () => window.__atlas!.map.queryRenderedFeatures({ layers: ['sea-boundary'] }).length > 0,
      null,
      { timeout: 30_000 },
    );
    await expect(page.locator('[data-testid=sea-share]').count()).resolves.toBeGreaterThan(5);
    await screenshot(page, 'sea-two-islands');
    await page.getByTestId('sea-panel').screenshot({ path: 'test-artifacts/sea-panel-two-islands.png' });

    // The share slider: the sea follows.
    const slider = page.getByTestId('share-slider');
    await slider.focus();
    await slider.fill('45');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=sea-japan]')?.textContent !== before,
      japan,
      { timeout: 30_000 },
    );
    // Etorofu is cut now: the boundary runs from its cut out to sea, and no longer between Kunashiri and Hokkaido.
    await waitForMapDrawn(page);
    await screenshot(page, 'sea-custom-45');
    expect(externalRequests(requests, h.origin)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
