/**
 * geo/history.geojson: the boundary lines the treaties since 1855 define, drawn as their texts define
 * them from the same OpenStreetMap-derived source as the islands, the areas they assign, and the dated
 * events (data/history-events.json, carried as the collection's "events" member with its sources).
 *
 * Lines: strait medians (src/geo/median-line.ts) for 1855 (Etorofu–Urup), 1875 (Cape Lopatka–Shumshu;
 * La Pérouse Strait, Sakhalin–Hokkaido) and the 50th parallel across Sakhalin for 1905. Areas: the
 * Kurils from Urup to Shumshu, and Sakhalin south and north of 50° N (the four islands are shaded from
 * geo/islands.geojson). Same input, byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { intersection } from 'polyclip-ts';
import { medianLine, parallelCrossings } from '../../src/geo/median-line.ts';
import { parallelLine } from '../../src/geo/precedents.ts';
import { polygonAreaM2, ringAreaM2 } from '../../src/geo/geodesic.ts';
import { orientPolygon } from '../../src/geo/rings.ts';

type Ring = Position[];
interface Part {
  a3: string;
  index: number;
  outer: Ring;
  areaKm2: number;
  centroid: Position;
}

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function centroidOf(ring: Ring): Position {
  let sx = 0,
    sy = 0;
  for (const p of ring.slice(0, -1)) {
    sx += p[0]!;
    sy += p[1]!;
  }
  return [sx / (ring.length - 1), sy / (ring.length - 1)];
}

function parts(
  source: FeatureCollection<Polygon | MultiPolygon, { A3: string }>,
  a3s: string[],
  box: number[],
): Part[] {
  const out: Part[] = [];
  for (const f of source.features) {
    if (!a3s.includes(f.properties.A3)) continue;
    const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    polys.forEach((poly, index) => {
      const outer = poly[0]!;
      if (!outer.some(([x, y]) => x! >= box[0]! && x! <= box[2]! && y! >= box[1]! && y! <= box[3]!)) return;
      out.push({ a3: f.properties.A3, index, outer, areaKm2: ringAreaM2(outer) / 1e6, centroid: centroidOf(outer) });
    });
  }
  return out;
}

function largest(list: Part[], test: (c: Position) => boolean): Part {
  const cands = list.filter((p) => test(p.centroid));
  if (!cands.length) throw new Error('history: a coast the lines need is missing from the source');
  return cands.reduce((a, b) => (b.areaKm2 > a.areaKm2 ? b : a));
}

function clipToBox(ring: Ring, box: number[]): Position[][][] {
  const boxRing: Ring = [
    [box[0]!, box[1]!],
    [box[2]!, box[1]!],
    [box[2]!, box[3]!],
    [box[0]!, box[3]!],
    [box[0]!, box[1]!],
  ];
  const clipped = intersection([ring] as never, [boxRing] as never) as unknown as Position[][][];
  return clipped.map((poly) => orientPolygon(poly.map((r) => r.map(([x, y]) => [r5(x!), r5(y!)]))));
}

function roundLine(l: LineString): LineString {
  return { type: 'LineString', coordinates: l.coordinates.map(([x, y]) => [r5(x!), r5(y!)]) };
}

interface EventLine {
  id: string;
  kind: string;
  in_force: [number, number];
  drawn: string;
  between: string[];
}
interface HistoryEvent {
  id: string;
  line: EventLine | null;
  extra_lines?: EventLine[];
}

/** Writes geo/history.geojson; returns one summary line per drawn line. */
export function buildHistory(
  source: FeatureCollection<Polygon | MultiPolygon, { A3: string }>,
  outDir: string,
  root: string,
): string[] {
  const events = JSON.parse(readFileSync(join(root, 'data/history-events.json'), 'utf8')) as {
    events: HistoryEvent[];
  } & Record<string, unknown>;
  const rus = parts(source, ['RUS'], [140, 43, 158, 55]);
  const jpn = parts(source, ['JPN'], [139, 41, 146, 46]);
  const etorofu = largest(rus, ([x, y]) => x! >= 146.8 && x! < 149 && y! >= 44.3 && y! < 45.7);
  const urup = largest(rus, ([x, y]) => x! >= 149.2 && x! < 150.8 && y! >= 45.4 && y! < 46.3);
  const shumshu = largest(rus, ([x, y]) => x! >= 155.9 && x! < 156.6 && y! >= 50.5 && y! < 50.95);
  const sakhalin = largest(rus, ([x, y]) => x! >= 141.5 && x! < 144.5 && y! >= 45.8 && y! < 54.5);
  const hokkaido = largest(jpn, ([x, y]) => x! > 139 && y! > 41.3);
  const mainland = rus.find((p) => p.index === 12 && p.areaKm2 > 1e6);
  if (!mainland) throw new Error('history: the Russian mainland polygon is missing from the source');
  // Kamchatka's coast near the strait: the mainland's vertices within 200 km of Shumshu.
  const kamchatka: Ring = mainland.outer.filter(
    ([x, y]) => Math.abs(x! - shumshu.centroid[0]!) < 3 && Math.abs(y! - shumshu.centroid[1]!) < 1.8,
  );
  const lopatka = kamchatka.reduce((a, b) => (b[1]! < a[1]! ? b : a));

  const lines: Record<string, LineString> = {
    'shimoda-1855-vries': medianLine([etorofu.outer], [urup.outer], 40),
    'st-petersburg-1875-lopatka': medianLine([kamchatka], [shumshu.outer], 25),
    'st-petersburg-1875-la-perouse': medianLine([sakhalin.outer], [hokkaido.outer], 40),
  };
  const xs = parallelCrossings(sakhalin.outer, 50);
  lines['portsmouth-1905-50n'] = parallelLine(50, xs[0]!, xs[xs.length - 1]!);

  const features: Feature[] = [];
  const summary: string[] = [];
  for (const e of events.events) {
    for (const l of [e.line, ...(e.extra_lines ?? [])]) {
      if (!l) continue;
      const g = lines[l.id];
      if (!g) throw new Error(`history: no drawing rule for line ${l.id}`);
      features.push({
        type: 'Feature',
        properties: {
          id: l.id,
          kind: 'line',
          event: e.id,
          line_kind: l.kind,
          from: l.in_force[0],
          to: l.in_force[1],
          between: l.between,
          drawn: l.drawn,
        },
        geometry: roundLine(g),
      });
      summary.push(`${l.id}: ${g.coordinates.length} vertices`);
    }
  }
  const kurils: Position[][][] = rus
    .filter((p) => p.index !== 12 && p !== etorofu && p.areaKm2 > 0.05)
    .filter(({ centroid: [x, y] }) => x! >= 149.2 && x! <= 156.7 && y! >= 45.3 && y! <= 50.95)
    .sort((a, b) => a.index - b.index)
    .map((p) => orientPolygon([p.outer.map(([x, y]) => [r5(x!), r5(y!)])]));
  const regions: [string, Position[][][]][] = [
    ['kurils-north', kurils],
    ['sakhalin-south', clipToBox(sakhalin.outer, [140, 45, 146, 50])],
    ['sakhalin-north', clipToBox(sakhalin.outer, [140, 50, 146, 55])],
  ];
  for (const [region, polys] of regions) {
    const kept = polys.filter((p) => polygonAreaM2(p) > 5e4);
    features.push({
      type: 'Feature',
      properties: { id: `region-${region}`, kind: 'region', region },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
  summary.push(`Cape Lopatka (southernmost vertex of Kamchatka in the source): ${lopatka[0]}, ${lopatka[1]}`);
  const { events: list, ...rest } = events;
  const head = JSON.stringify({ type: 'FeatureCollection', ...rest, events: list }).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(join(outDir, 'geo/history.geojson'), `${head},"features":[\n${body}\n]}\n`);
  return summary;
}
