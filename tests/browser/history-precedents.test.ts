/**
 * The history and precedents section, as a reader uses it: open it, move the year, see the lines of that
 * year on the map and in the panel; each precedent with its shares (measured or published) and its sources,
 * in the interface language.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, ROOT, useHarness, waitForIdleMap } from './harness.ts';
import { ja } from '../../src/i18n/ja.ts';
import { ru } from '../../src/i18n/ru.ts';

const i18n = { ja, ru };

const h = useHarness();

interface LineFeature {
  properties: { id: string; kind: string; from: number; to: number };
}
const historyGeo = JSON.parse(readFileSync(join(ROOT, 'geo/history.geojson'), 'utf8')) as {
  features: LineFeature[];
};
/** The lines the data file dates to a year (in force from their first year until the year they were replaced). */
const linesIn = (year: number) =>
  historyGeo.features
    .filter((f) => f.properties.kind === 'line' && f.properties.from <= year && year < f.properties.to)
    .map((f) => f.properties.id)
    .sort();

interface PrecedentCase {
  id: string;
  name: string;
  sources: string[];
  published: { to_china_km2?: number; disputed_area_km2?: number };
  texts: Record<'ja' | 'ru', { name: string }>;
}
const precedents = JSON.parse(readFileSync(join(ROOT, 'data/precedents.json'), 'utf8')) as {
  cases: PrecedentCase[];
  sources: { id: string; url: string | null; title: string }[];
};

/** Ids of the history lines the map draws now (the history-line layer, in the current view). */
const mapLines = (page: Page) =>
  page.evaluate(() => {
    const map = window.__atlas!.map;
    if (!map.getLayer('history-line')) return [];
    const ids = map.queryRenderedFeatures({ layers: ['history-line'] }).map((f) => String(f.properties?.id));
    return [...new Set(ids)].sort();
  });

async function openSection(page: Page) {
  await waitForIdleMap(page);
  await page.getByTestId('history-section').locator('summary').click();
  await page.getByTestId('history-panel').waitFor({ timeout: 60_000 });
  await page.getByTestId('precedents-panel').waitFor({ timeout: 60_000 });
}

describe('history and precedents section', () => {
  it('moving the year changes the lines on the map and in the panel', async () => {
    const { page, errors } = await openPage(h);
    try {
      await openSection(page);
      const panel = page.getByTestId('history-panel');
      await panel.getByTestId('history-on-map').check();
      await panel.getByRole('button', { name: 'Zoom out to Sakhalin and Kamchatka' }).click();

      // The years chosen cover each line: 1855 (Shimoda), 1875 (two lines), 1905 (the 50th parallel), none after 1945.
      const years = [1860, 1880, 1904, 1905, 1950];
      expect(years.map(linesIn)).toEqual([
        ['shimoda-1855-vries'],
        ['st-petersburg-1875-la-perouse', 'st-petersburg-1875-lopatka'],
        ['st-petersburg-1875-la-perouse', 'st-petersburg-1875-lopatka'],
        ['portsmouth-1905-50n', 'st-petersburg-1875-lopatka'],
        [],
      ]);
      const slider = panel.getByTestId('history-slider');
      const seen: string[] = [];
      for (const year of years) {
        await slider.fill(String(year));
        await expect.poll(() => panel.getByTestId('history-year').innerText()).toBe(String(year));
        await expect.poll(() => mapLines(page), { timeout: 30_000 }).toEqual(linesIn(year));
        const state = await panel.getByTestId('history-state').innerText();
        expect(state).toContain(String(year));
        seen.push(state);
      }
      // The account of the year differs between years with different lines.
      expect(new Set(seen).size).toBeGreaterThanOrEqual(4);

      // The jump buttons move the slider too.
      await panel.locator('.history-jumps').getByRole('button', { name: '1875', exact: true }).click();
      await expect.poll(() => panel.getByTestId('history-year').innerText()).toBe('1875');
      await expect.poll(() => mapLines(page), { timeout: 30_000 }).toEqual(linesIn(1875));

      // Hiding the lines clears them from the map.
      await panel.getByTestId('history-on-map').uncheck();
      await expect.poll(() => mapLines(page), { timeout: 30_000 }).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('each precedent shows its shares and its sources', async () => {
    const { page, errors } = await openPage(h);
    try {
      await openSection(page);
      for (const c of precedents.cases) {
        const article = page.getByTestId(`precedent-${c.id}`);
        await expect(article.locator('h3').innerText()).resolves.toBe(c.name);
        const text = await article.innerText();
        // Shares: measured here, or the published figures with the share they imply.
        expect(text).toMatch(/Shares measured here\s*(Not measured|\w+ \d+(\.\d)? %)/);
        if (c.published.to_china_km2 !== undefined) {
          expect(text).toContain(`${c.published.to_china_km2} km² to China`);
          expect(text).toMatch(/Implied by the published figures\s*China \d+\.\d %–\d+\.\d %/);
        }
        if (c.published.disputed_area_km2 !== undefined)
          expect(text).toContain(`disputed area ${c.published.disputed_area_km2.toLocaleString('en-US')} km²`);
        // Every source of the case: a link to its address, or its bibliographic reference when it has none.
        const shown = await article
          .locator('p.sources .source')
          .evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href'), text: e.textContent ?? '' })));
        expect(shown).toHaveLength(c.sources.length);
        c.sources.forEach((id, i) => {
          const source = precedents.sources.find((s) => s.id === id)!;
          if (source.url) expect(shown[i]!.href).toBe(source.url);
          else expect(shown[i]!.text).toContain(source.title);
        });
        // A small map of the case.
        expect(await article.locator('svg.precedent-map').count()).toBe(1);
        // The river islands, outlined from GSHHG: the outline's area beside the published one; the exact half
        // line drawn where the parts are measured (the Amur islands) and not where they are not (the Argun).
        if (c.id === 'bolshoy-ussuriysky' || c.id === 'bolshoy-argun') {
          const pub = c.published as { island_km2: number[]; tarabarov_km2?: number };
          const range = pub.island_km2.map((x) => Number((x + (pub.tarabarov_km2 ?? 0)).toFixed(2))).join('–');
          await expect(article.getByTestId('precedent-outline').innerText()).resolves.toMatch(
            new RegExp(`^\\d+\\.\\d km² \\(published: ${range} km²\\)$`),
          );
          const measured = c.id === 'bolshoy-ussuriysky';
          expect(await article.getByTestId('exact-half-line').count()).toBe(measured ? 1 : 0);
          // The small map names its sources: GSHHG where the islands are outlined from it.
          await expect(article.getByTestId('precedent-attribution').textContent()).resolves.toBe(
            '© OpenStreetMap contributors (ODbL)' + (measured ? ' · GSHHG 2.3.7 (LGPL-3.0)' : ''),
          );
          expect(text).toMatch(
            measured ? /Shares measured here\s*China \d+\.\d %/ : /Shares measured here\s*Not measured/,
          );
        }
      }
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it.each(['ja', 'ru'] as const)('precedents read in the interface language (%s)', async (lang) => {
    const { page, errors } = await openPage(h, { path: `/#ui=${lang}` });
    try {
      await openSection(page);
      for (const c of precedents.cases) {
        const article = page.getByTestId(`precedent-${c.id}`);
        await expect(article.locator('h3').innerText()).resolves.toBe(c.texts[lang].name);
        const text = await article.innerText();
        expect(text).not.toContain('Not measured');
        expect(text).toContain(lang === 'ja' ? 'ロシア' : 'Россия');
        // What the source resolves, in the language: the Amur islands outlined and measured, the Argun's
        // outline refused with its figures.
        const key =
          c.id === 'bolshoy-ussuriysky' ? 'checkOutlined' : c.id === 'bolshoy-argun' ? 'checkOutlineRejected' : null;
        if (key) expect(text).toContain(String(i18n[lang].precedents[key]).split('{{')[0]!.slice(0, 30));
      }
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
