import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { externalRequests, openPage, screenshot, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const pressed = (page: Page) =>
  page.getByTestId('ui-language').locator('button[aria-pressed="true"]').getAttribute('data-ui');

describe('the interface in English, Japanese and Russian', () => {
  it('opens in Japanese with #ui=ja: header, options, numbers, html lang, switcher', async () => {
    const { page, requests, errors } = await openPage(h, { path: '/#ui=ja&option=equal-area' });
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe('ja');
    await expect(page.locator('h1').innerText()).resolves.toBe('係争中の島々アトラス');
    await expect(page.locator('header .sub').innerText()).resolves.toContain(
      'ロシアが実効支配し、日本が領有権を主張している',
    );
    await expect(page.locator('#options-title').innerText()).resolves.toBe('解決案');
    await expect(page.getByTestId('share-output').innerText()).resolves.toBe('50.00%');
    await expect(page.getByTestId('cut-details').innerText()).resolves.toContain('択捉島（イトゥルプ）を分割');
    await expect(page.locator('[data-option="two-islands"] .bar-label').innerText()).resolves.toBe(
      '2島（1956年日ソ共同宣言）',
    );
    expect(await pressed(page)).toBe('ja');
    // The map's attribution in the interface's language, with OpenStreetMap's credit as it words it.
    await expect(page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain(
      '© OpenStreetMap contributors (ODbL) · 公式面積：国土地理院／国土交通省',
    );
    // The place names stay a separate choice, both conventions by default.
    await expect(page.getByTestId('language-control').locator('legend').innerText()).resolves.toBe('地図の地名表記');
    expect(await page.getByTestId('language-control').locator('input[value="both"]').isChecked()).toBe(true);
    expect(externalRequests(requests, h.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'ui-ja');
  });

  it('opens in Russian with #ui=ru: Russian separators and names, html lang', async () => {
    const { page, errors } = await openPage(h, { path: '/#ui=ru&option=equal-area' });
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe('ru');
    await expect(page.locator('h1').innerText()).resolves.toBe('Атлас спорных островов');
    await expect(page.locator('#options-title').innerText()).resolves.toBe('Варианты урегулирования');
    const share = await page.getByTestId('share-output').textContent();
    expect(share).toBe('50,00\u00a0%');
    const km2 = await page.getByTestId('japan-km2').textContent();
    expect(km2).toMatch(/^2\u202f\d{3},\d{2}\u00a0км² \(50,00\u00a0%\)$/);
    await expect(page.getByTestId('cut-details').innerText()).resolves.toContain('Итуруп (Эторофу)');
    expect(await pressed(page)).toBe('ru');
    expect(errors).toEqual([]);
    await screenshot(page, 'ui-ru');
  });

  it('switches from the header and keeps the choice in the link', async () => {
    const { page, errors } = await openPage(h);
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe('en');
    await expect(page.locator('h1').innerText()).resolves.toBe('Disputed islands atlas');
    // The first view shows no option, in the chosen language too.
    await expect(page.getByTestId('neutral-note').innerText()).resolves.toContain(
      'disputed, administered by Russia and claimed by Japan',
    );
    await page.getByTestId('ui-language').getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => htmlLang(page)).toBe('ru');
    await expect(page.locator('h1').innerText()).resolves.toBe('Атлас спорных островов');
    await expect(page.getByTestId('neutral-note').innerText()).resolves.toContain(
      'под управлением России, на них претендует Япония',
    );
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('ui=ru');
    // The map's attribution follows the switch (MapLibre's control reads its text once).
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').innerText())
      .toContain('© OpenStreetMap contributors (ODbL) · Официальные площади: GSI / MLIT');
    await page.reload();
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe('ru');
    await page.getByTestId('ui-language').getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => htmlLang(page)).toBe('ja');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('ui=ja');
    // Editing the link in place switches too.
    await page.evaluate(() => {
      location.hash = location.hash.replace('ui=ja', 'ui=en');
    });
    await expect.poll(() => htmlLang(page)).toBe('en');
    await expect(page.locator('h1').innerText()).resolves.toBe('Disputed islands atlas');
    expect(errors).toEqual([]);
  });

  it("follows the browser's language when the link names none, and names a bad ui= in the notice", async () => {
    const context = await h.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(h.origin + '/');
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe('ru');
    expect(await page.evaluate(() => location.hash)).not.toContain('ui=');
    // A fresh load of a link with a bad ui=: the notice names it (in the browser's language), the page stays
    // in Russian.
    const second = await context.newPage();
    await second.goto(h.origin + '/#ui=de');
    await waitForIdleMap(second);
    expect(await htmlLang(second)).toBe('ru');
    await expect(second.getByTestId('url-notice').innerText()).resolves.toContain('«ui=de»');
    await context.close();
  });

  // At 1280×800 the two tests above take these screenshots.
  it.each(['ja', 'ru'])('opens in %s at phone size (390×844) without errors', async (ui) => {
    const { page, errors } = await openPage(h, { width: 390, height: 844, path: `/#ui=${ui}&option=equal-area` });
    await waitForIdleMap(page);
    expect(await htmlLang(page)).toBe(ui);
    expect(errors).toEqual([]);
    await screenshot(page, `ui-${ui}-390`);
  });
});
