/**
 * data/precedents-sources/gshhg-wdbii-lines.geojson: the rivers and borders of GSHHG 2.3.7 (WDBII, full
 * resolution) around the China–Russia river islands of data/precedents.json, read with GMT. The islands'
 * outlines are built from these lines by the pipeline (scripts/lib/island-faces.ts), because the
 * OpenStreetMap-derived land source does not cut rivers out of land (data/precedents-sources/README.md).
 *
 * Not run by the pipeline or CI (it needs GMT and the GSHHG data); the vendored file is its output:
 *   apt-get install -y gmt gmt-gshhg-full && npx tsx scripts/gshhg-extract.ts
 * Same GMT and data, byte-identical output: fixed order, fixed rounding, no timestamps.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'data/precedents-sources/gshhg-wdbii-lines.geojson');
/** GSHHG's own river and border levels (GMT coast -I, -N): kept as given, the build chooses which it uses. */
const LAYERS = [
  { layer: 'river', flag: '-Ia' },
  { layer: 'border', flag: '-N1' },
] as const;
const MARGIN_DEG = 0.3;

interface Case {
  id: string;
  bbox?: [number, number, number, number];
  source_polygons?: Record<string, string>;
}

/** GMT's multisegment text ("> River Bin # 14894, Level 2" then "lon<TAB>lat" rows) to lines with their level. */
function parseSegments(text: string): { level: number; coords: [number, number][] }[] {
  const out: { level: number; coords: [number, number][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const m = /Level (\d+)/.exec(line);
      out.push({ level: m ? Number(m[1]) : -1, coords: [] });
    } else if (line.trim() && out.length) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      out[out.length - 1]!.coords.push([Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);
    }
  }
  return out.filter((s) => s.coords.length >= 2 && s.coords.some((c, i) => i > 0 && c.join() !== s.coords[0]!.join()));
}

const cases = (JSON.parse(readFileSync(join(ROOT, 'data/precedents.json'), 'utf8')) as { cases: Case[] }).cases;
const version = execFileSync('gmt', ['--version'], { encoding: 'utf8' }).trim();
const features: string[] = [];
for (const c of cases) {
  if (!c.bbox || !c.source_polygons) continue;
  const [x0, y0, x1, y1] = c.bbox;
  const region = `-R${x0 - MARGIN_DEG}/${x1 + MARGIN_DEG}/${y0 - MARGIN_DEG}/${y1 + MARGIN_DEG}`;
  for (const { layer, flag } of LAYERS) {
    const text = execFileSync('gmt', ['coast', region, '-Df', flag, '-M'], { encoding: 'utf8' });
    const inBox = ([x, y]: [number, number]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
    parseSegments(text)
      .filter((s) => s.coords.some(inBox))
      .forEach((s, i) =>
        features.push(
          JSON.stringify({
            type: 'Feature',
            properties: { id: `${c.id}-${layer}-${i}`, case: c.id, layer, level: s.level },
            geometry: { type: 'LineString', coordinates: s.coords },
          }),
        ),
      );
  }
}
const header =
  `{"type":"FeatureCollection","source":"GSHHG 2.3.7 full resolution (WDBII rivers and borders), read with GMT ` +
  `${version} (gmt coast -Df -Ia -M and -N1 -M)","licence":"LGPL-3.0 (GSHHG); Wessel, P. and W. H. F. Smith (1996), ` +
  `J. Geophys. Res. 101(B4), 8741-8743; https://www.soest.hawaii.edu/pwessel/gshhg/","features":[\n`;
writeFileSync(OUT, header + features.join(',\n') + '\n]}\n');
process.stdout.write(`${features.length} lines written to ${OUT}\n`);
