import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, pagePointOf, ROOT, screenshot, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

const renderedSites = (page: import('playwright-core').Page) => page.locator('.site-symbol').count();
/** Opens a site the way a keyboard user does: focus its button on the map, press Enter. */
const openSite = async (page: import('playwright-core').Page, id: string) => {
  await page.locator(`[data-site-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
};

describe('military sites layer', () => {
  it('toggles, and the year slider changes what is shown', async () => {
    const { page, errors } = await openPage(h);
    await waitForIdleMap(page);
    const now = await renderedSites(page);
    expect(now).toBeGreaterThan(10);

    await page.getByRole('checkbox', { name: 'Military sites' }).uncheck();
    await expect.poll(() => renderedSites(page)).toBe(0);
    await page.getByRole('checkbox', { name: 'Military sites' }).check();
    await expect.poll(() => renderedSites(page)).toBe(now);

    const slider = page.getByTestId('year-slider');
    await slider.focus();
    await slider.fill('1990');
    await expect(page.getByTestId('year-output').innerText()).resolves.toBe('1990');
    await expect.poll(() => renderedSites(page)).toBeLessThan(now);
    await expect(page.getByTestId('sites-count').innerText()).resolves.toMatch(/^\d+ of \d+ sites shown for 1990\.$/);

    await slider.fill('2021');
    await expect(page.getByTestId('exercises').innerText()).resolves.toContain('2021');
    await screenshot(page, 'sites-2021');
    expect(errors).toEqual([]);
  });

  it('keeps the year, the rings and the open site in the link, and says when a linked site is unknown', async () => {
    const { page } = await openPage(h, { path: '/#year=2014&rings=all&site=ru-bastion-iturup' });
    await waitForIdleMap(page);
    await expect(page.getByTestId('year-output').innerText()).resolves.toBe('2014');
    await expect(page.getByTestId('site-panel').locator('h2').innerText()).resolves.toContain('Bastion');
    await expect(
      page.getByRole('group', { name: 'Reported ranges' }).getByRole('radio', { name: 'All shown sites' }).isChecked(),
    ).resolves.toBe(true);
    await page.getByTestId('year-slider').fill('2021');
    await page.getByRole('group', { name: 'Reported ranges' }).getByRole('radio', { name: 'Off' }).check();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('year=2021');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('rings=none');
    expect(hash).toContain('site=ru-bastion-iturup');
    await page.reload();
    await waitForIdleMap(page);
    await expect(page.getByTestId('year-output').innerText()).resolves.toBe('2021');
    await expect(
      page.getByRole('group', { name: 'Reported ranges' }).getByRole('radio', { name: 'Off' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByTestId('site-panel').locator('h2').innerText()).resolves.toContain('Bastion');

    const other = await openPage(h, { path: '/#site=ru-no-such-site&year=1850' });
    await waitForIdleMap(other.page);
    const notice = await other.page.getByTestId('url-notice').innerText();
    expect(notice).toContain('"site=ru-no-such-site" is not a site in the data');
    expect(notice).toContain('"year=1850"');
    await expect(other.page.getByTestId('site-panel').count()).resolves.toBe(0);
    expect(await other.page.evaluate(() => location.hash)).not.toContain('site=');
  });

  it('opens a site with its sources, and draws its reported range', async () => {
    const { page } = await openPage(h);
    await waitForIdleMap(page);
    // A pointer click on the site's symbol on the map, once React has drawn the symbols (they are drawn
    // after the options are computed, which may be after the map's first idle frame).
    const symbol = page.locator('[data-site-id="ru-yasny"]');
    await symbol.waitFor({ state: 'visible' });
    const pt = await pagePointOf(page, [147.95583, 45.25639]);
    const box = (await symbol.boundingBox())!;
    // The symbol sits on the site's own position (a known position: no fan-out).
    expect(Math.hypot(box.x + box.width / 2 - pt.x, box.y + box.height / 2 - pt.y)).toBeLessThan(2);
    await page.mouse.click(pt.x, pt.y);
    const panel = page.getByTestId('site-panel');
    await expect(panel.locator('h2').innerText()).resolves.toContain('Yasny');
    await openSite(page, 'ru-burevestnik');
    await expect(panel.locator('h2').innerText()).resolves.toContain('Burevestnik');
    await expect(panel.getByTestId('site-certainty').innerText()).resolves.toContain(
      "facility's own published position",
    );
    expect(await panel.locator('.sources a[href^="https://"]').count()).toBeGreaterThan(0);

    // The Bastion battery on Etorofu: its 300 km reported range, and the dashed "up to 500 km".
    // A change elsewhere in the page (the area basis) leaves the site layer as it was.
    await page.getByLabel('Official (GSI 2025)').check();
    await expect(page.locator('[data-site-id="ru-bastion-iturup"]').getAttribute('aria-label')).resolves.toMatch(
      /Bastion.*only the island is known/,
    );
    await openSite(page, 'ru-bastion-iturup');
    await expect(panel.locator('h2').innerText()).resolves.toContain('Bastion');
    await expect(panel.getByTestId('site-certainty').innerText()).resolves.toContain('only the island is known');
    await page.waitForFunction(
      () =>
        window.__atlas!.map.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'ring'] }).length >
        0,
    );
    const labels = await page.evaluate(() => [
      ...new Set(
        window
          .__atlas!.map.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'ring'] })
          .map((f) => `${f.properties.dashed}|${f.properties.label}`),
      ),
    ]);
    expect(labels.some((l) => l.startsWith('false|') && l.includes('300 km (reported'))).toBe(true);
    expect(labels.some((l) => l.startsWith('true|') && l.includes('500 km'))).toBe(true);
    await screenshot(page, 'sites-bastion-ranges');
  });

  it("shows a site in the interface language: button, operator, systems, note, the year's exercises", async () => {
    const { page, errors } = await openPage(h, { path: '/#ui=ja&year=2018&rings=all&site=ru-burevestnik' });
    await waitForIdleMap(page);
    const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const site = read('geo/deployments.geojson').features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'ru-burevestnik',
    ).properties as { name_ja: string; note: string; note_ja: string; systems: string[] };
    const systems = read('data/systems.json').systems as { id: string; type: string; type_ja: string }[];
    const exercise = (read('data/exercises.json').exercises as { id: string; title: string; title_ja: string }[]).find(
      (e) => e.id === 'ru-2018-03-su35-burevestnik',
    )!;

    await expect(page.locator('[data-site-id="ru-burevestnik"]').getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^A · ${site.name_ja.replace(/[()]/g, '\\$&')}（RU、飛行場）；位置：`),
    );
    const panel = page.getByTestId('site-panel');
    const text = await panel.innerText();
    expect(text).toContain('航空宇宙軍');
    for (const id of site.systems) {
      const sys = systems.find((x) => x.id === id)!;
      expect(text).toContain(sys.type_ja);
      expect(text).not.toContain(sys.type);
    }
    const exercises = await page.getByTestId('exercises').innerText();
    expect(exercises).toContain(exercise.title_ja);
    expect(exercises).not.toContain(exercise.title);
    // The range rings' labels on the map: the Bastion battery's 300 km, and its dashed largest figure.
    await page.waitForFunction(
      () =>
        window.__atlas!.map.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'ring'] }).length >
        0,
    );
    const ringLabels = await page.evaluate(() =>
      window
        .__atlas!.map.querySourceFeatures('overlay', { filter: ['==', ['get', 'layer_kind'], 'ring'] })
        .map((f) => String(f.properties.label)),
    );
    expect(ringLabels).toContainEqual(expect.stringMatching(/^K-300P Bastion-P \(P-800 Oniks\)：300 km（報道；/));
    expect(ringLabels).toContainEqual(expect.stringMatching(/：最大500 km（報じられた最大値：ロシア国防省/));

    const note = panel.locator('.site-note');
    await expect(note.locator('> p').innerText()).resolves.toBe(site.note_ja);
    const original = note.locator('details p[lang="en"]');
    await expect(original.isVisible()).resolves.toBe(false);
    await note.locator('summary').click();
    await expect(original.innerText()).resolves.toBe(site.note);
    await screenshot(page, 'site-note-ja');
    expect(errors).toEqual([]);
  });

  it('renders data text as text: a hostile site name runs nothing', async () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'geo/deployments.geojson'), 'utf8'));
    const target = data.features.find((f: { properties: { id: string } }) => f.properties.id === 'ru-burevestnik');
    target.properties.name_en = '<img src=x onerror=alert(1)>';
    target.properties.note = '<script>window.__pwned = 1</script>';
    target.properties.note_ja = '<script>window.__pwned = 1</script>（訳）';
    target.properties.note_ru = '<script>window.__pwned = 1</script> (перевод)';
    const context = await h.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/deployments-*.geojson', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }),
    );
    await page.goto(h.origin + '/');
    await waitForIdleMap(page);
    await page.locator('[data-site-id="ru-burevestnik"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('site-panel');
    await expect(page.locator('[data-site-id="ru-burevestnik"]').getAttribute('aria-label')).resolves.toContain(
      '<img src=x onerror=alert(1)>',
    );
    await expect(panel.locator('h2').innerText()).resolves.toBe('<img src=x onerror=alert(1)>');
    await expect(panel.innerText()).resolves.toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // An injected image would first have to fail to load before its handler could open a dialog.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
  });
});
