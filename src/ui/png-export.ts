/**
 * A figure (export-figure.ts) drawn on a canvas and encoded as PNG: the same drawing items as the SVG,
 * so both exports show the same thing. The fonts are the page's (the shipped "Atlas Sans"): load them
 * first (loadFigureFonts) or the canvas draws with a fallback.
 */
import type { Figure, Item } from './export-figure.ts';

function draw(g: CanvasRenderingContext2D, i: Item, font: string): void {
  const paint = (
    p: { fill?: string; fillOpacity?: number; stroke?: string; sw?: number; dash?: number[] },
    shape: (fill: boolean) => void,
  ) => {
    if (p.fill) {
      g.globalAlpha = p.fillOpacity ?? 1;
      g.fillStyle = p.fill;
      shape(true);
      g.globalAlpha = 1;
    }
    if (p.stroke) {
      g.strokeStyle = p.stroke;
      g.lineWidth = p.sw ?? 1;
      g.lineJoin = 'round';
      g.lineCap = 'round';
      g.setLineDash(p.dash ?? []);
      shape(false);
      g.setLineDash([]);
    }
  };
  switch (i.t) {
    case 'rect':
      paint(i, (f) => (f ? g.fillRect(i.x, i.y, i.w, i.h) : g.strokeRect(i.x, i.y, i.w, i.h)));
      break;
    case 'path': {
      const p = new Path2D(i.d);
      paint(i, (f) => (f ? g.fill(p, 'evenodd') : g.stroke(p)));
      break;
    }
    case 'circle': {
      const p = new Path2D();
      p.arc(i.cx, i.cy, i.r, 0, 2 * Math.PI);
      paint(i, (f) => (f ? g.fill(p) : g.stroke(p)));
      break;
    }
    case 'text':
      g.font = `${i.weight ?? 400} ${i.size}px ${font}`;
      g.textAlign = i.anchor === 'middle' ? 'center' : i.anchor === 'end' ? 'right' : 'left';
      g.textBaseline = 'alphabetic';
      if (i.halo) {
        g.strokeStyle = '#ffffff';
        g.lineWidth = i.halo;
        g.lineJoin = 'round';
        g.strokeText(i.text, i.x, i.y);
      }
      g.fillStyle = i.fill;
      g.fillText(i.text, i.x, i.y);
      break;
    case 'group':
      i.items.forEach((c) => draw(g, c, font));
      break;
    case 'clip':
      g.save();
      g.beginPath();
      g.rect(i.x, i.y, i.w, i.h);
      g.clip();
      i.items.forEach((c) => draw(g, c, font));
      g.restore();
      break;
  }
}

/** The figure on a canvas, `scale` device pixels per figure pixel. */
function figureCanvas(fig: Figure, scale = 1): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.round(fig.width * scale);
  c.height = Math.round(fig.height * scale);
  const g = c.getContext('2d')!;
  g.scale(scale, scale);
  fig.items.forEach((i) => draw(g, i, fig.font));
  return c;
}

export function figureToPng(fig: Figure, scale = 1): Promise<Blob> {
  const c = figureCanvas(fig, scale);
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** A text-width function for buildFigure: the canvas's, in the figure's font. */
export function canvasMeasure(font: string): (text: string, size: number, weight: 400 | 700) => number {
  const g = document.createElement('canvas').getContext('2d')!;
  return (text, size, weight) => {
    g.font = `${weight} ${size}px ${font}`;
    return g.measureText(text).width;
  };
}

/** Loads the shipped faces a set of texts needs, in both weights (the browser loads @font-face files lazily). */
export async function loadFigureFonts(texts: string[]): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = [...new Set(texts.join('') + 'Aa0')].join('');
  await Promise.all([400, 700].map((w) => document.fonts.load(`${w} 16px 'Atlas Sans'`, sample).catch(() => [])));
}
