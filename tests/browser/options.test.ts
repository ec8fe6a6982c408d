import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { externalRequests, openPage, screenshot, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

const pct = (s: string) => Number(s.replace(/[^0-9.]/g, ''));

describe('settlement options on the page', () => {
  it('opens on no option: the four islands in one disputed style, no line, nothing to either side', async () => {
    const { page, requests, errors } = await openPage(h);
    await waitForIdleMap(page);
    await expect(page.getByTestId('option-result').innerText()).resolves.toContain('No option chosen');
    await expect(page.getByTestId('neutral-legend').innerText()).resolves.toContain(
      'Disputed: administered by Russia, claimed by Japan',
    );
    const drawn = await page.evaluate(() => ({
      sides: [
        ...new Set(
          window
            .__atlas!.map.queryRenderedFeatures({
              layers: ['option-fill', 'option-fill-russia', 'option-fill-disputed'],
            })
            .map((f) => `${f.properties.island}:${f.properties.side}`),
        ),
      ].sort(),
      cut: window.__atlas!.map.queryRenderedFeatures({ layers: ['cut-line'] }).length,
    }));
    expect(drawn.cut).toBe(0);
    expect(drawn.sides).toEqual(['etorofu:disputed', 'habomai:disputed', 'kunashiri:disputed', 'shikotan:disputed']);
    // The options are listed with their shares; none is chosen; nothing is handed over.
    await expect(page.locator('[data-option][aria-pressed="true"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-option]').count()).resolves.toBe(6);
    await expect(page.getByTestId('sites-to-japan').count()).resolves.toBe(0);
    expect(externalRequests(requests, h.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'first-view-neutral');
  });

  it('a link naming the exact equal-area split opens on it, with the cut line on the map', async () => {
    const { page, requests } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    await expect(page.getByTestId('share-output').innerText()).resolves.toBe('50.00 %');
    const cut = await page.evaluate(
      () =>
        window.__atlas!.map.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'cut-line'] })
          .length,
    );
    expect(cut).toBeGreaterThan(0);
    const sides = await page.evaluate(() =>
      [
        ...new Set(
          window
            .__atlas!.map.queryRenderedFeatures({ layers: ['option-fill', 'option-fill-russia'] })
            .map((f) => `${f.properties.island}:${f.properties.side}`),
        ),
      ].sort(),
    );
    expect(sides).toEqual(
      expect.arrayContaining(['etorofu:japan', 'etorofu:russia', 'kunashiri:japan', 'shikotan:japan']),
    );
    await expect(page.getByTestId('cut-details').innerText()).resolves.toMatch(
      /Etorofu \/ Iturup: 21\.1\d % of the island to Japan/,
    );
    expect(externalRequests(requests, h.origin)).toEqual([]);
  });

  it('redraws the shading when another option is chosen: two islands has no cut, Etorofu all Russian', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    await page.locator('[data-option="two-islands"]').click();
    const drawn = () =>
      page.evaluate(() => ({
        sides: [
          ...new Set(
            window
              .__atlas!.map.queryRenderedFeatures({ layers: ['option-fill', 'option-fill-russia'] })
              .map((f) => `${f.properties.island}:${f.properties.side}`),
          ),
        ].sort(),
        cut: window.__atlas!.map.queryRenderedFeatures({ layers: ['cut-line'] }).length,
      }));
    await page.waitForFunction(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['cut-line'] }).length === 0);
    await waitForIdleMap(page);
    const two = await drawn();
    expect(two.cut).toBe(0);
    expect(two.sides).toEqual(expect.arrayContaining(['etorofu:russia', 'kunashiri:russia', 'shikotan:japan']));
    expect(two.sides).not.toContain('etorofu:japan');
    expect(two.sides).not.toContain('kunashiri:japan');
    // And back: the cut line returns.
    await page.locator('[data-option="equal-area"]').click();
    await page.waitForFunction(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['cut-line'] }).length > 0);
    expect((await drawn()).sides).toContain('etorofu:japan');
  });

  it('rapidly chosen options leave exactly the last one drawn, as a fresh page draws it', async () => {
    // The overlay goes to MapLibre as changes (overlay-feed.ts); changes that queue up behind each other are
    // merged by MapLibre. Nothing of an option passed through may stay on the map.
    const overlay = (p: import('playwright-core').Page) =>
      p.evaluate(() =>
        [
          ...new Set(
            window
              .__atlas!.map.querySourceFeatures('overlay')
              .map((f) => JSON.stringify(Object.entries(f.properties).sort())),
          ),
        ].sort(),
      );
    const { page, errors } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    await page.evaluate(() => {
      for (const id of ['two-islands', 'aso-25', 'four-islands', 'status-quo', 'three-islands'])
        document.querySelector<HTMLElement>(`[data-option="${id}"]`)!.click();
    });
    await page.waitForFunction(() => document.querySelector('[data-option="three-islands"]')?.ariaPressed === 'true');
    // Idle after the last change has been drawn.
    await page.evaluate(
      () =>
        new Promise<void>((r) => window.__atlas!.map.once('idle', () => r()) && window.__atlas!.map.triggerRepaint()),
    );
    const fresh = await openPage(h, { path: '/#option=three-islands' });
    await waitForIdleMap(fresh.page);
    const want = await overlay(fresh.page);
    expect(want.some((p) => p.includes('three-islands') || p.includes('"japan"'))).toBe(true);
    expect(await overlay(page)).toEqual(want);
    expect(errors).toEqual([]);
  });

  it('the shown share follows the slider while dragging', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    const slider = page.getByTestId('share-slider');
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.5, y);
    await page.mouse.down();
    const seen: number[] = [];
    for (const f of [0.45, 0.35, 0.25, 0.15, 0.7, 0.9]) {
      await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
      const shown = pct(await page.getByTestId('share-output').innerText());
      const value = Number(await slider.inputValue());
      expect(Math.abs(shown - value)).toBeLessThan(0.051);
      seen.push(shown);
    }
    await page.mouse.up();
    const [first, , , fourth, , last] = seen as [number, number, number, number, number, number];
    expect(fourth).toBeLessThan(first);
    expect(last).toBeGreaterThan(80);
    // The custom option is now chosen, and the numbers agree with the share.
    await expect(page.locator('[data-option="custom"]').getAttribute('aria-pressed')).resolves.toBe('true');
    const japan = await page.getByTestId('japan-km2').innerText();
    const percent = /\((\d+\.\d\d) %\)/.exec(japan);
    expect(percent).not.toBeNull();
    expect(Math.abs(Number(percent![1]) - last)).toBeLessThan(0.051);
    await screenshot(page, 'options-after-drag');
  });

  it('keeps option, share, bearing, basis, language and view in the URL, and restores them', async () => {
    const { page } = await openPage(h);
    await waitForIdleMap(page);
    await page.getByLabel('Official (GSI 2025)').check();
    // From the first view (no option), choosing one shows its controls.
    await page.locator('[data-option="aso-25"]').click();
    await page.getByRole('button', { name: 'N–S' }).click();
    await page.getByLabel('Russian names', { exact: false }).check();
    await expect(page.getByTestId('share-output').innerText()).resolves.toBe('52.49 %');
    // The link is written at most every 300 ms (Safari refuses more than 100 writes in 30 s): the last choice follows.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=ru');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('option=aso-25');
    expect(hash).toContain('basis=official');
    expect(hash).toContain('bearing=0');
    expect(hash).toContain('lang=ru');

    const again = await openPage(h, { path: '/' + hash });
    await waitForIdleMap(again.page);
    await expect(again.page.getByTestId('share-output').innerText()).resolves.toBe('52.49 %');
    await expect(again.page.getByLabel('Official (GSI 2025)').isChecked()).resolves.toBe(true);
    await expect(again.page.getByLabel('Russian names', { exact: false }).isChecked()).resolves.toBe(true);
    // The bearing typed is the bearing shown; the measured azimuth is reported beside it.
    await expect(again.page.getByTestId('cut-bearing').innerText()).resolves.toMatch(
      /^requested 0°, geodesic azimuth at the line's midpoint (0(\.\d)?|179\.\d)°$/,
    );
    await expect(again.page.getByLabel('Bearing of the cut line, degrees from north').inputValue()).resolves.toBe('0');
  });

  it('a custom share in the link is restored; a malformed link falls back with a notice', async () => {
    const { page } = await openPage(h, { path: '/#option=custom&share=40&bearing=90&basis=official&view=147.5,45,8' });
    await waitForIdleMap(page);
    await expect(page.getByTestId('share-output').innerText()).resolves.toBe('40.00 %');
    const view = await page.evaluate(() => {
      const m = window.__atlas!.map;
      return [m.getCenter().lng, m.getCenter().lat, m.getZoom()];
    });
    expect(view[0]).toBeCloseTo(147.5, 3);
    expect(view[1]).toBeCloseTo(45, 3);
    expect(view[2]).toBeCloseTo(8, 3);
    const bad = await openPage(h, { path: '/#option=%3Cscript%3E&share=abc&bearing=NaN&basis=x&view=1,2' });
    await waitForIdleMap(bad.page);
    const notice = await bad.page.getByTestId('url-notice').innerText();
    expect(notice).toContain('is not a known option');
    expect(notice).toContain('"share=abc" must be a percentage');
    expect(notice).toContain('"basis=x" must be geodesic or official');
    await expect(bad.page.getByTestId('option-result').innerText()).resolves.toContain('No option chosen');
    expect(bad.errors).toEqual([]);
  });

  it('exports the islands by side and the line as GeoJSON and the options by island as CSV', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area' });
    await waitForIdleMap(page);
    const [geo] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download islands by side + line (GeoJSON)' }).click(),
    ]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    // Each island's part on each side (Etorofu cut in two), then the line; the option and sources on the collection.
    expect(
      fc.features.map(
        (f: { properties: { island: string; side?: string; part?: string } }) =>
          `${f.properties.island}:${f.properties.side ?? f.properties.part}`,
      ),
    ).toEqual([
      'habomai:japan',
      'shikotan:japan',
      'kunashiri:japan',
      'etorofu:japan',
      'etorofu:russia',
      'etorofu:partition-line',
    ]);
    expect(fc.properties).toMatchObject({ option: 'equal-area', basis: 'geodesic', cut_island: 'etorofu' });
    expect(fc.properties.sources.join(' ')).toContain('OpenStreetMap');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toContain('japan_share_of_island_percent');
    expect(text).toMatch(/"equal-area","Exact equal-area split","geodesic","etorofu","cut",[\d.]+,[\d.]+,[\d.]+,/);
  });
});
