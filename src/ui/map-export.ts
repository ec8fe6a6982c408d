/**
 * Makes and downloads a map figure (export-figure.ts) as PNG or SVG, at a chosen size, from the map's
 * current view and the data the page shows. The browser parts: fonts, text measuring, canvas, download.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { buildFigure, FIGURE_FONT, roughMeasure, type FigureInput, type FigureSize } from './export-figure.ts';
import { figureToSvg } from './svg-export.ts';
import { canvasMeasure, figureToPng, loadFigureFonts } from './png-export.ts';
import { EXPORT_STRINGS, type ExportStrings } from './export-strings.ts';

/** The map's current view (north up: the figure is drawn north up whatever the map's rotation). */
export function mapView(map: MaplibreMap): FigureInput['view'] {
  const c = map.getCenter();
  const el = map.getContainer();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), width: el.clientWidth, height: el.clientHeight };
}

const toBase64 = (buf: ArrayBuffer) => {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Parses a CSS unicode-range ("U+41-5a,U+3042") into a test. */
function inRange(range: string): (cp: number) => boolean {
  const spans = range.split(',').map((p) =>
    p
      .trim()
      .replace(/^U\+/i, '')
      .split('-')
      .map((h) => parseInt(h, 16)),
  );
  return (cp) => spans.some(([a = NaN, b = a]) => cp >= a && cp <= b);
}

/**
 * @font-face rules for the shipped faces a figure's text needs, with the font files inlined, so an SVG
 * shows the same letters anywhere. Taken from the page's own stylesheet (same origin; cached offline).
 */
async function inlineFontCss(texts: string[]): Promise<string> {
  const cps = [...new Set([...texts.join('')].map((c) => c.codePointAt(0)!))];
  const rules: string[] = [];
  for (const sheet of [...document.styleSheets]) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    const visit = async (rs: CSSRuleList) => {
      for (const r of [...rs]) {
        if (r instanceof CSSImportRule && r.styleSheet) await visit(r.styleSheet.cssRules);
        if (!(r instanceof CSSFontFaceRule)) continue;
        const st = r.style;
        if (st.getPropertyValue('font-family').replace(/["']/g, '').trim() !== 'Atlas Sans') continue;
        const range = st.getPropertyValue('unicode-range');
        if (range && !cps.some(inRange(range))) continue;
        const url = /url\(["']?([^"')]+)["']?\)/.exec(st.getPropertyValue('src'))?.[1];
        if (!url) continue;
        const abs = new URL(url, r.parentStyleSheet?.href ?? location.href).href;
        const data = toBase64(await (await fetch(abs)).arrayBuffer());
        const weight = st.getPropertyValue('font-weight') || 400;
        const src = `url(data:font/woff2;base64,${data}) format('woff2')`;
        rules.push(
          `@font-face{font-family:'Atlas Sans';font-weight:${weight};src:${src}` +
            `${range ? `;unicode-range:${range}` : ''}}`,
        );
      }
    };
    await visit(list);
  }
  return rules.join('\n');
}

export interface MadeFigure {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
}

/** The figure as a file: PNG (current view at the screen's pixel ratio, up to 2; fixed sizes as named) or SVG. */
export async function makeMapFigure(
  format: 'png' | 'svg',
  size: FigureSize,
  input: FigureInput,
  fileBase: string,
  strings: ExportStrings = EXPORT_STRINGS,
): Promise<MadeFigure> {
  const draft = buildFigure(input, size, roughMeasure, strings);
  await loadFigureFonts([...draft.texts, strings.legendTitle]);
  const fig = buildFigure(input, size, canvasMeasure(FIGURE_FONT), strings);
  const name = `${fileBase}-${size === 'current' ? `${fig.width}x${fig.height}` : size}`;
  if (format === 'png') {
    const scale = size === 'current' ? Math.min(2, Math.max(1, window.devicePixelRatio || 1)) : 1;
    return {
      blob: await figureToPng(fig, scale),
      fileName: `${name}.png`,
      width: Math.round(fig.width * scale),
      height: Math.round(fig.height * scale),
    };
  }
  const fontCss = await inlineFontCss(fig.texts).catch(() => '');
  const svg = figureToSvg(fig, { fontCss, a4: size === 'a4' });
  return {
    blob: new Blob([svg], { type: 'image/svg+xml' }),
    fileName: `${name}.svg`,
    width: fig.width,
    height: fig.height,
  };
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
