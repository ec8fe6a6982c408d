/** A PNG of the current map with its legend, scale bar, attribution, the option and the date. */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { distanceM } from '../geo/geodesic.ts';

export interface PngLegendItem { color: string; label: string; line?: boolean }

/** The map canvas is only readable during a render: copy it then. */
function grabMapCanvas(map: MaplibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width; copy.height = src.height;
      copy.getContext('2d')!.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

function niceScale(map: MaplibreMap, maxPx: number): { px: number; label: string } {
  const h = map.getContainer().clientHeight;
  const a = map.unproject([20, h - 30]), b = map.unproject([20 + maxPx, h - 30]);
  const metres = distanceM([a.lng, a.lat], [b.lng, b.lat]);
  const pow = 10 ** Math.floor(Math.log10(metres));
  const nice = [5, 2, 1].map((k) => k * pow).find((m) => m <= metres) ?? pow;
  return { px: (maxPx * nice) / metres, label: nice >= 1000 ? `${nice / 1000} km` : `${nice} m` };
}

export async function mapPng(map: MaplibreMap, opts: { title: string; subtitle: string; legend: PngLegendItem[]; attribution: string; date: string }): Promise<Blob> {
  const mapCanvas = await grabMapCanvas(map);
  const ratio = mapCanvas.width / map.getContainer().clientWidth;
  const footer = 64 * ratio;
  const out = document.createElement('canvas');
  out.width = mapCanvas.width;
  out.height = mapCanvas.height + footer;
  const g = out.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(mapCanvas, 0, 0);
  g.scale(ratio, ratio);
  const w = out.width / ratio, mh = mapCanvas.height / ratio;

  // Legend box, top left.
  g.font = '12px sans-serif';
  const boxW = Math.max(180, ...opts.legend.map((l) => g.measureText(l.label).width + 40), g.measureText(opts.subtitle).width + 20);
  const boxH = 28 + opts.legend.length * 18;
  g.fillStyle = 'rgba(255,255,255,0.92)';
  g.fillRect(10, 10, boxW, boxH);
  g.fillStyle = '#111';
  g.font = 'bold 12px sans-serif';
  g.fillText(opts.subtitle, 18, 28);
  g.font = '12px sans-serif';
  opts.legend.forEach((l, i) => {
    const y = 44 + i * 18;
    if (l.line) { g.strokeStyle = l.color; g.lineWidth = 3; g.beginPath(); g.moveTo(18, y - 4); g.lineTo(34, y - 4); g.stroke(); }
    else { g.fillStyle = l.color; g.fillRect(18, y - 10, 14, 12); }
    g.fillStyle = '#111';
    g.fillText(l.label, 40, y);
  });

  // Scale bar, bottom left of the map.
  const s = niceScale(map, 150);
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(10, mh - 34, s.px + 20, 26);
  g.strokeStyle = '#111'; g.lineWidth = 2;
  g.beginPath(); g.moveTo(20, mh - 22); g.lineTo(20, mh - 14); g.lineTo(20 + s.px, mh - 14); g.lineTo(20 + s.px, mh - 22); g.stroke();
  g.fillStyle = '#111'; g.fillText(s.label, 24, mh - 18);

  // Footer: title, option and date, attribution.
  g.fillStyle = '#111';
  g.font = 'bold 14px sans-serif';
  g.fillText(opts.title, 12, mh + 22);
  g.font = '12px sans-serif';
  g.fillText(`${opts.subtitle} · ${opts.date}`, 12, mh + 40);
  g.fillStyle = '#444';
  g.fillText(opts.attribution, 12, mh + 56);
  g.textAlign = 'right';
  g.fillText(`${w.toFixed(0)}×${mh.toFixed(0)} px view`, w - 12, mh + 56);

  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
