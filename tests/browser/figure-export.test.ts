/**
 * Map figures that stand on their own: the PNG and SVG downloads at each size carry the title with the
 * option's figures, the dispute line, the legend (the code of every kind of site shown: all kinds here),
 * scale bar, north arrow, sources, attribution, date and data version, with the SVG's words as text. Both
 * are saved to test-artifacts/ (the SVG also rendered to PNG by Chromium, to look at). The GeoJSON and CSV
 * downloads too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openPage, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

/** A figure download at a size; the buttons by test id, as their names follow the interface language. */
async function download(page: Page, size: string, format: 'PNG' | 'SVG'): Promise<{ bytes: Buffer; name: string }> {
  await page.getByTestId('figure-size').selectOption(size);
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByTestId(format === 'PNG' ? 'export-png' : 'export-svg').click(),
  ]);
  const path = await dl.path();
  if (!path) throw new Error(`the ${format} download at ${size} did not complete`);
  return { bytes: readFileSync(path), name: dl.suggestedFilename() };
}

/** Size and colour statistics of a PNG, decoded by the page. */
async function pngStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
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
    let orange = 0,
      green = 0,
      sea = 0,
      dark = 0;
    for (let i = 0; i < d.length; i += 4 * 5) {
      const [r, gr, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
      colours.add(((r >> 3) << 10) | ((gr >> 3) << 5) | (b >> 3));
      if (r > 200 && gr > 150 && gr < 200 && b < 120) orange++;
      if (r < 150 && gr > 160 && b < 170 && gr - r > 40) green++;
      if (Math.abs(r - 0xc9) < 6 && Math.abs(gr - 0xdd) < 6 && Math.abs(b - 0xe8) < 6) sea++;
      if (r < 60 && gr < 60 && b < 60) dark++;
    }
    return { w: img.width, h: img.height, colours: colours.size, orange, green, sea, dark };
  }, bytes.toString('base64'));
}

/** Renders an SVG in Chromium (as a page of its own) and saves a PNG of it, to look at. */
async function svgToPng(svg: string, file: string, width: number, height: number): Promise<void> {
  const ctx = await h.browser.newContext({
    viewport: { width: Math.min(width, 4000), height: Math.min(height, 3000) },
  });
  const page = await ctx.newPage();
  await page.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true });
  await ctx.close();
}

/**
 * The boxes of an exported SVG's names and symbols on the map (getBBox, in the figure's units), measured in a
 * page of its own with the SVG's own inlined fonts: every pair that overlaps by more than half a pixel, and
 * every text of the figure that reaches outside it.
 */
async function placedBoxes(svg: string) {
  const ctx = await h.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const view = await ctx.newPage();
    await view.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''), { waitUntil: 'load' });
    return await view.evaluate(async () => {
      // Every face the SVG carries (only those its text needs), loaded before anything is measured.
      await Promise.all([...document.fonts].map((f) => f.load().catch(() => null)));
      const els = [...document.querySelectorAll<SVGGraphicsElement>('.placed, .scale-label, .north-label')];
      const boxes = els.map((el) => {
        const b = el.getBBox();
        const what = `${el.getAttribute('class')} "${el.textContent}" at ${Math.round(b.x)},${Math.round(b.y)}`;
        return { what, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
      });
      const overlaps: string[] = [];
      boxes.forEach((a, i) => {
        for (const b of boxes.slice(i + 1))
          if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5)
            overlaps.push(`${a.what} × ${b.what}`);
      });
      const count = (cls: string) => els.filter((e) => e.classList.contains(cls)).length;
      const frame = document.querySelector('svg')!.viewBox.baseVal;
      const outside = [...document.querySelectorAll('text')].flatMap((t) => {
        const b = t.getBBox();
        const out =
          b.x < -0.5 || b.y < -0.5 || b.x + b.width > frame.width + 0.5 || b.y + b.height > frame.height + 0.5;
        return out ? [`"${t.textContent}" at ${Math.round(b.x)},${Math.round(b.y)} width ${Math.round(b.width)}`] : [];
      });
      return {
        outside,
        islands: count('island-name'),
        settlements: count('settlement-name'),
        sites: count('site-symbol'),
        overlaps,
      };
    });
  } finally {
    await ctx.close();
  }
}

const DISPUTED = {
  en: 'Disputed: administered by Russia, claimed by Japan',
  ja: '係争中：ロシアが実効支配、日本が領有権を主張',
  ru: 'Спорные: под управлением России, на них претендует Япония',
} as const;

describe('map figures (PNG, SVG)', () => {
  for (const ui of ['en', 'ja', 'ru'] as const) {
    it(`${ui}: at every size no two names or symbols overlap; words translated, as text; PNG not blank`, async () => {
      const { page, errors } = await openPage(h, { path: `/#ui=${ui}&option=equal-area&lang=both` });
      try {
        await waitForIdleMap(page);
        for (const size of ['current', '1200x800', '1920x1080', 'a4']) {
          const svg = (await download(page, size, 'SVG')).bytes.toString('utf8');
          const placed = await placedBoxes(svg);
          console.log(`${ui} ${size}: ${JSON.stringify({ ...placed, overlaps: placed.overlaps.length })}`);
          expect(placed.overlaps).toEqual([]);
          expect(placed.outside).toEqual([]);
          // The four islands are named; settlement names and sites are there, not all given way.
          expect(placed.islands).toBeGreaterThanOrEqual(4);
          expect(placed.settlements).toBeGreaterThanOrEqual(1);
          expect(placed.sites).toBeGreaterThan(10);
          if (size !== '1200x800') continue;
          writeFileSync(join(ARTIFACTS, `figure-ui-${ui}.svg`), svg);
          const all = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('\n');
          expect(all).toContain(DISPUTED[ui]);
          for (const other of ['en', 'ja', 'ru'] as const) if (other !== ui) expect(all).not.toContain(DISPUTED[other]);
          expect(all).toMatch(/© [^\n]*OpenStreetMap/); // "© OpenStreetMap contributors", in the language's wording
          await svgToPng(svg, join(ARTIFACTS, `figure-ui-${ui}-svg.png`), 1200, 800);
        }
        const png = (await download(page, '1200x800', 'PNG')).bytes;
        writeFileSync(join(ARTIFACTS, `figure-ui-${ui}.png`), png);
        const st = await pngStats(page, png);
        expect([st.w, st.h]).toEqual([1200, 800]);
        expect(st.colours).toBeGreaterThan(50);
        expect(st.sea).toBeGreaterThan(2000);
        expect(st.dark).toBeGreaterThan(500); // text
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });

    it(`${ui}: a phone's current view (390x844), no two names or symbols overlap`, async () => {
      const { page, errors } = await openPage(h, {
        width: 390,
        height: 844,
        path: `/#ui=${ui}&option=equal-area&lang=both`,
      });
      try {
        await waitForIdleMap(page);
        await page.getByTestId('figure-size').scrollIntoViewIfNeeded();
        const svg = (await download(page, 'current', 'SVG')).bytes.toString('utf8');
        writeFileSync(join(ARTIFACTS, `figure-phone-${ui}.svg`), svg);
        const placed = await placedBoxes(svg);
        console.log(`${ui} phone: ${JSON.stringify({ ...placed, overlaps: placed.overlaps.length })}`);
        expect(placed.overlaps).toEqual([]);
        expect(placed.outside).toEqual([]);
        expect(placed.islands).toBeGreaterThanOrEqual(4);
        expect(placed.sites).toBeGreaterThan(0);
        // The dispute line, wrapped to the phone's width.
        const disputed = [...svg.matchAll(/<text[^>]*class="disputed"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
        expect(disputed.join(' ')).toBe(DISPUTED[ui]);
        const dims = /<svg[^>]+width="(\d+)" height="(\d+)"/.exec(svg);
        await svgToPng(svg, join(ARTIFACTS, `figure-phone-${ui}-svg.png`), Number(dims?.[1]), Number(dims?.[2]));
        const png = (await download(page, 'current', 'PNG')).bytes;
        writeFileSync(join(ARTIFACTS, `figure-phone-${ui}.png`), png);
        const st = await pngStats(page, png);
        expect(st.colours).toBeGreaterThan(50);
        expect(st.sea).toBeGreaterThan(500);
        expect(st.dark).toBeGreaterThan(200);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('SVG and PNG at 1200x800 carry every part of the figure, words as text', async () => {
    const { page, errors } = await openPage(h, { path: '/#option=three-islands&lang=both' });
    await waitForIdleMap(page);
    const svgDl = await download(page, '1200x800', 'SVG');
    const svg = svgDl.bytes.toString('utf8');
    writeFileSync(join(ARTIFACTS, 'figure-1200x800.svg'), svg);
    expect(svgDl.name).toMatch(/\.svg$/);
    expect(svg).toMatch(/<svg[^>]+width="1200" height="800"/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    const all = texts.join('\n');
    console.log(`SVG: ${svg.length} bytes, ${texts.length} text elements`);
    expect(all).toMatch(/Three islands: Japan \d+\.\d\d %/);
    expect(all).toContain('Disputed: administered by Russia, claimed by Japan');
    expect(all).toContain('© OpenStreetMap contributors (ODbL)');
    expect(all).toContain('GSI');
    expect(all).toMatch(/data version \d+\.\d+\.\d+\+data\.[0-9a-f]{12}/);
    expect(all).toMatch(/Made \d{4}-\d\d-\d\d/);
    expect(all).toMatch(/^\d+ km$/m); // the scale bar
    expect(texts).toContain('N'); // the north arrow
    for (const code of ['G', 'M', 'AD', 'A', 'B', 'N', 'T', 'HQ', 'R'])
      expect(all).toMatch(new RegExp(`^${code}: `, 'm'));
    // Names in the chosen convention (both): Japanese and Russian.
    expect(all).toContain('択捉島');
    expect(all).toMatch(/Итуруп/);
    expect(svg).not.toMatch(/<text[^>]*>\s*<path/);
    expect(svg).toContain('class="side-japan"');
    await svgToPng(svg, join(ARTIFACTS, 'figure-1200x800-svg.png'), 1200, 800);

    const pngDl = await download(page, '1200x800', 'PNG');
    writeFileSync(join(ARTIFACTS, 'figure-1200x800.png'), pngDl.bytes);
    const st = await pngStats(page, pngDl.bytes);
    console.log('PNG 1200x800', JSON.stringify(st));
    expect([st.w, st.h]).toEqual([1200, 800]);
    expect(st.colours).toBeGreaterThan(50);
    expect(st.orange).toBeGreaterThan(200);
    expect(st.green).toBeGreaterThan(200);
    expect(st.sea).toBeGreaterThan(2000);
    expect(st.dark).toBeGreaterThan(500); // text
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('every size: current view, 1920x1080 and A4 landscape at 300 dpi', async () => {
    const { page } = await openPage(h, { path: '/#option=equal-area&lang=ja' });
    await waitForIdleMap(page);
    const cur = await download(page, 'current', 'PNG');
    const cs = await pngStats(page, cur.bytes);
    writeFileSync(join(ARTIFACTS, 'figure-current.png'), cur.bytes);
    console.log('current view PNG', cur.name, JSON.stringify(cs));
    expect(cs.orange).toBeGreaterThan(100);
    const hd = await download(page, '1920x1080', 'SVG');
    expect(hd.bytes.toString('utf8')).toMatch(/width="1920" height="1080"/);
    const a4 = await download(page, 'a4', 'PNG');
    writeFileSync(join(ARTIFACTS, 'figure-a4.png'), a4.bytes);
    const as = await pngStats(page, a4.bytes);
    expect([as.w, as.h]).toEqual([3508, 2480]);
    expect(as.orange).toBeGreaterThan(1000);
    const a4svg = await download(page, 'a4', 'SVG');
    expect(a4svg.bytes.toString('utf8')).toMatch(/width="297mm" height="210mm" viewBox="0 0 3508 2480"/);
    await page.context().close();
  });

  it('on a phone (390x844) the title is whole and the footer clear of the map', async () => {
    const { page } = await openPage(h, { width: 390, height: 844, path: '/#option=aso-25&lang=ru' });
    await waitForIdleMap(page);
    await page.getByTestId('figure-size').scrollIntoViewIfNeeded();
    const svgDl = await download(page, 'current', 'SVG');
    const svg = svgDl.bytes.toString('utf8');
    writeFileSync(join(ARTIFACTS, 'figure-phone.svg'), svg);
    const dims = /<svg[^>]+width="(\d+)" height="(\d+)"/.exec(svg);
    const [w, hgt] = [Number(dims?.[1]), Number(dims?.[2])];
    expect(w).toBeLessThanOrEqual(390);
    // Every text element lies inside the figure, and the title's lines are all there.
    // Measured in a page of its own (the SVG's text, in its own fonts).
    const ctx = await h.browser.newContext({ viewport: { width: w, height: hgt } });
    const view = await ctx.newPage();
    await view.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ''), { waitUntil: 'load' });
    const layout = await view.evaluate(async () => {
      await document.fonts.ready;
      const el = document.querySelector('svg')!;
      const W = el.viewBox.baseVal.width,
        H = el.viewBox.baseVal.height;
      const boxes = [...el.querySelectorAll('text')].map((t) => {
        const b = t.getBBox();
        return {
          cls: t.getAttribute('class') ?? '',
          text: t.textContent ?? '',
          x0: b.x,
          y0: b.y,
          x1: b.x + b.width,
          y1: b.y + b.height,
        };
      });
      const frame = [...el.querySelectorAll('clipPath rect')].map((r) => {
        const b = (r as SVGGraphicsElement).getBBox();
        return { y0: b.y, y1: b.y + b.height };
      })[0];
      if (!frame) throw new Error('the SVG has no map frame (clipPath)');
      return { W, H, boxes, frame };
    });
    await ctx.close();
    const outside = layout.boxes.filter(
      (b) => b.x0 < -0.5 || b.x1 > layout.W + 0.5 || b.y0 < -0.5 || b.y1 > layout.H + 0.5,
    );
    expect(outside).toEqual([]);
    const title = layout.boxes
      .filter((b) => b.cls === 'title')
      .map((b) => b.text)
      .join(' ');
    expect(title).toMatch(/^Aso.*Japan \d+\.\d\d %.*Russia \d+\.\d\d %.*km²\)$/);
    // The header ends above the map and the footer starts below it.
    for (const b of layout.boxes.filter((x) => ['title', 'subtitle', 'disputed'].includes(x.cls)))
      expect(b.y1).toBeLessThanOrEqual(layout.frame.y0 + 0.5);
    for (const b of layout.boxes.filter((x) =>
      ['legend', 'legend-title', 'sites-drawn', 'sources', 'attribution', 'made'].includes(x.cls),
    ))
      expect(b.y0).toBeGreaterThanOrEqual(layout.frame.y1 - 0.5);
    await svgToPng(svg, join(ARTIFACTS, 'figure-phone-svg.png'), w, hgt);
    const png = await download(page, 'current', 'PNG');
    writeFileSync(join(ARTIFACTS, 'figure-phone.png'), png.bytes);
    await page.context().close();
  });
});

describe('GeoJSON and CSV', () => {
  it('GeoJSON for an option that cuts nothing, and the options by island as CSV', async () => {
    const { page } = await openPage(h, { path: '/#option=two-islands' });
    await waitForIdleMap(page);
    const [geo] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /GeoJSON/ })
        .first()
        .click(),
    ]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    writeFileSync(join(ARTIFACTS, 'option-two-islands.geojson'), JSON.stringify(fc));
    expect(fc.properties).toMatchObject({ option: 'two-islands', basis: 'geodesic' });
    expect(fc.properties.data_version).toMatch(/\+data\.[0-9a-f]{12}$/);
    expect(fc.properties.sources.join(' ')).toContain('OpenStreetMap');
    expect(
      fc.features.map(
        (f: { properties: { island: string; side: string } }) => `${f.properties.island}:${f.properties.side}`,
      ),
    ).toEqual(['habomai:japan', 'shikotan:japan', 'kunashiri:russia', 'etorofu:russia']);
    expect(fc.features[3].properties).toMatchObject({ status: 'whole', name_ja: '択捉島' });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('"island","status"');
    expect(lines.length - 1).toBe(4 * lines.filter((l) => l.includes('"etorofu"')).length);
    expect(text).toMatch(/"equal-area","Exact equal-area split","geodesic","etorofu","cut",/);
    await page.context().close();
  });
});
