/**
 * A figure (export-figure.ts) as SVG: shapes as paths and circles, every word as <text> (searchable,
 * selectable, translatable), the map clipped to its frame. `fontCss` may carry @font-face rules with the
 * shipped fonts inlined (data: URLs), so the file shows the same letters on a machine without them.
 */
import type { Figure, Item } from './export-figure.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cls = (role: string | undefined) => (role ? ` class="${role}"` : '');
const num = (v: number) => String(Math.round(v * 100) / 100);

function paint(i: { fill?: string; fillOpacity?: number; stroke?: string; sw?: number; dash?: number[] }): string {
  const a = [`fill="${i.fill ?? 'none'}"`];
  if (i.fillOpacity !== undefined) a.push(`fill-opacity="${i.fillOpacity}"`);
  if (i.stroke)
    a.push(
      `stroke="${i.stroke}"`,
      `stroke-width="${num(i.sw ?? 1)}"`,
      'stroke-linejoin="round"',
      'stroke-linecap="round"',
    );
  if (i.dash) a.push(`stroke-dasharray="${i.dash.map(num).join(' ')}"`);
  return a.join(' ');
}

function item(i: Item, clipId: () => string): string {
  switch (i.t) {
    case 'rect':
      return `<rect x="${num(i.x)}" y="${num(i.y)}" width="${num(i.w)}" height="${num(i.h)}" ${paint(i)}/>`;
    case 'path':
      return `<path${cls(i.role)} d="${i.d}" ${paint(i)}${i.fill ? ' fill-rule="evenodd"' : ''}/>`;
    case 'circle':
      return `<circle cx="${num(i.cx)}" cy="${num(i.cy)}" r="${num(i.r)}" ${paint(i)}/>`;
    case 'text': {
      const attrs = [`x="${num(i.x)}"`, `y="${num(i.y)}"`, `font-size="${num(i.size)}"`, `fill="${i.fill}"`];
      if (i.weight === 700) attrs.push('font-weight="700"');
      if (i.anchor && i.anchor !== 'start') attrs.push(`text-anchor="${i.anchor}"`);
      if (i.halo)
        attrs.push(`stroke="#ffffff" stroke-width="${num(i.halo)}" stroke-linejoin="round" paint-order="stroke"`);
      if (i.role) attrs.push(`class="${i.role}"`);
      return `<text ${attrs.join(' ')}>${esc(i.text)}</text>`;
    }
    case 'group':
      return `<g${cls(i.role)}>${i.items.map((c) => item(c, clipId)).join('')}</g>`;
    case 'clip': {
      const id = clipId();
      const frame = `<rect x="${num(i.x)}" y="${num(i.y)}" width="${num(i.w)}" height="${num(i.h)}"/>`;
      const inner = i.items.map((c) => item(c, clipId)).join('\n');
      return `<clipPath id="${id}">${frame}</clipPath><g clip-path="url(#${id})">${inner}</g>`;
    }
  }
}

/** The SVG document. A4 figures (3508 × 2480 px) are given their paper size in millimetres. */
export function figureToSvg(fig: Figure, opts: { fontCss?: string; a4?: boolean } = {}): string {
  let n = 0;
  const clipId = () => `map-clip-${++n}`;
  const size = opts.a4 ? 'width="297mm" height="210mm"' : `width="${fig.width}" height="${fig.height}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="0 0 ${fig.width} ${fig.height}" font-family="${esc(fig.font)}">`,
    `<title>${esc(fig.title)}</title>`,
    opts.fontCss ? `<style>${opts.fontCss}</style>` : '',
    ...fig.items.map((i) => item(i, clipId)),
    '</svg>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}
