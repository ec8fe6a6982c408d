/**
 * geo/precedents.geojson: the geometry of the precedents (data/precedents.json), built by the pipeline
 * (scripts/geo-build.ts) from the same OpenStreetMap-derived source as the islands.
 *
 * China–Russia cases: the source's CHN and RUS land around the island (for the small maps); the real
 * border across the island, read from the source (the edge that CHN and RUS share passing nearest the
 * island's published position); and a check whether the source resolves the island, i.e. holds
 * it as land separated from both mainlands by water. Only then are the two parties' parts written
 * ("part" features) and measured (src/geo/precedents.ts). Barents Sea: the treaty line from the
 * turning points of Article 1, as WGS84 geodesics.
 *
 * Same input, byte-identical output: fixed order, fixed number formatting, no timestamps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { intersection } from 'polyclip-ts';
import { geodesicLine, lineLengthKm, parseDms, publishedWholeKm2 } from '../../src/geo/precedents.ts';
import { distanceM, polygonAreaM2, ringAreaM2 } from '../../src/geo/geodesic.ts';
import { orientPolygon } from '../../src/geo/rings.ts';
import { buildHistory } from './history-build.ts';
import { cutAlong, extendLine, faceHolding, facesOf, snapLineEnds } from './island-faces.ts';

type Ring = Position[];
interface CaseSpec {
  id: string;
  parties: string[];
  source_polygons?: Record<string, string>;
  bbox?: [number, number, number, number];
  reference_point?: { lon: number; lat: number };
  turning_points?: { point: number; lat: string; lon: string }[];
  published?: Record<string, unknown>;
}

/** Published positions of the islands (not computed here): en/ru Wikipedia, as cited in data/precedents.json. */
const REFERENCE_POINTS: Record<string, { island: string; point: Position }[]> = {
  'bolshoy-ussuriysky': [
    // 48°21′29″N 134°51′05″E (ru.wikipedia)
    { island: 'Bolshoy Ussuriysky', point: [134 + 51 / 60 + 5 / 3600, 48 + 21 / 60 + 29 / 3600] },
    // 48°22′48″N 134°31′23″E (ru.wikipedia)
    { island: 'Tarabarov', point: [134 + 31 / 60 + 23 / 3600, 48 + 22 / 60 + 48 / 3600] },
  ],
  // 49°33′31″N 117°53′54″E (en.wikipedia)
  'bolshoy-argun': [{ island: 'Bolshoy (Abagaitu)', point: [117 + 53 / 60 + 54 / 3600, 49 + 33 / 60 + 31 / 3600] }],
};
/** The rivers and borders of GSHHG around the islands (scripts/gshhg-extract.ts), for their outlines. */
export const WATER_LINES_FILE = 'data/precedents-sources/gshhg-wdbii-lines.geojson';
/**
 * GSHHG's WDBII river levels used: 0 (a river's two banks), 1-3 (permanent and major rivers and channels);
 * level 4 (additional minor rivers) is left out, as its short streams would be joined to banks and cut land.
 */
const WATER_RIVER_MAX_LEVEL = 3;
/** Loose line ends joined to the nearest other line within this distance (the source's gaps are 2-360 m). */
const WATER_SNAP_M = 500;
/**
 * The outline is measured only when its area is within this fraction of the published area (the island's
 * published range, with Tarabarov's area added where the case includes it): a larger gap means the coarse
 * lines enclose land other than the island, or miss part of it.
 */
const OUTLINE_AREA_TOLERANCE = 0.1;
/** The real border is extended straight by this much at both ends to reach the (coarser) outlined shores. */
const BORDER_EXTEND_M = 2000;
const NEAR_KM = 15;
/** A source polygon smaller than this that holds the island's point is taken as the island resolved as land. */
const ISLAND_MAX_KM2 = 2000;

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

function inBox([x, y]: Position, [x0, y0, x1, y1]: number[]): boolean {
  return x! >= x0! && x! <= x1! && y! >= y0! && y! <= y1!;
}

/** Sutherland–Hodgman against an axis-aligned box: cheap pre-cut of huge rings before the exact clip. */
function clipRingToBox(ring: Ring, [x0, y0, x1, y1]: number[]): Ring {
  let pts = ring.slice(0, -1);
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0]! >= x0!, (a, b) => [x0!, a[1]! + ((x0! - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)]],
    [(p) => p[0]! <= x1!, (a, b) => [x1!, a[1]! + ((x1! - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)]],
    [(p) => p[1]! >= y0!, (a, b) => [a[0]! + ((y0! - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!), y0!]],
    [(p) => p[1]! <= y1!, (a, b) => [a[0]! + ((y1! - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!), y1!]],
  ];
  for (const [inside, cross] of edges) {
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i],
        prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur!)) {
        if (!inside(prev!)) out.push(cross(prev!, cur!));
        out.push(cur!);
      } else if (inside(prev!)) out.push(cross(prev!, cur!));
    }
    pts = out;
    if (pts.length === 0) return [];
  }
  return [...pts!, pts[0]!];
}

/** Whether a ring (as a polygon without holes) holds the point: Turf's test, boundary excluded. */
const pointInRing = (p: Position, ring: Ring) =>
  booleanPointInPolygon(p, { type: 'Polygon', coordinates: [ring] }, { ignoreBoundary: true });

interface SourcePolygon {
  a3: string;
  index: number;
  rings: Ring[];
}

/** The source's land of one country in a box, clipped exactly; MultiPolygon or null. */
function landInBox(polys: SourcePolygon[], box: number[]): MultiPolygon | null {
  const boxRing: Ring = [
    [box[0]!, box[1]!],
    [box[2]!, box[1]!],
    [box[2]!, box[3]!],
    [box[0]!, box[3]!],
    [box[0]!, box[1]!],
  ];
  const pieces: Position[][][] = [];
  for (const p of polys) {
    const outer = p.rings[0]!.some((q) => inBox(q, box)) ? clipRingToBox(p.rings[0]!, box) : [];
    if (outer.length < 4) {
      // The box may lie wholly inside the polygon's outer ring.
      if (!pointInRing([box[0]!, box[1]!], p.rings[0]!)) continue;
    }
    const holes = p.rings.slice(1).filter((h) => h.some((q) => inBox(q, box)));
    const shell = outer.length >= 4 ? outer : boxRing;
    pieces.push([shell, ...holes]);
  }
  if (!pieces.length) return null;
  const out: Position[][][] = [];
  for (const piece of pieces) {
    const clipped = intersection(piece as never, [boxRing] as never) as unknown as Position[][][];
    for (const poly of clipped) {
      const rings = orientPolygon(
        poly.map((r) => dedupe(r.map(([x, y]) => [r5(x!), r5(y!)]))).filter((r) => r.length >= 4),
      );
      if (rings.length && polygonAreaM2(rings) > 1e4) out.push(rings);
    }
  }
  out.sort((a, b) => a[0]![0]![0]! - b[0]![0]![0]! || a[0]![0]![1]! - b[0]![0]![1]!);
  return out.length ? { type: 'MultiPolygon', coordinates: out } : null;
}

function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (out.length > 1) {
    const [f, l] = [out[0], out[out.length - 1]];
    if (f![0] !== l![0] || f![1] !== l![1]) out.push(f!);
  }
  return out;
}

/**
 * The border across the island: the edge shared by the two countries' outer rings that passes nearest
 * the point (within NEAR_KM), extended through adjacent shared edges of 1 km or more (a straight border
 * drawn across land, as against the river's many short edges).
 */
function sharedBorderNear(a: SourcePolygon[], b: SourcePolygon[], point: Position): Position[] | null {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const inB = new Set<string>();
  for (const p of b) for (const q of p.rings[0]!) if (distanceM(q, point) < NEAR_KM * 1000 * 4) inB.add(key(q));
  let best: { ring: Ring; i: number } | null = null,
    bestDist = NEAR_KM * 1000;
  const shared = (ring: Ring, i: number) =>
    i >= 1 && i < ring.length && inB.has(key(ring[i - 1]!)) && inB.has(key(ring[i]!));
  for (const p of a) {
    const ring = p.rings[0]!;
    for (let i = 1; i < ring.length; i++) {
      if (!shared(ring, i)) continue;
      const [u, v] = [ring[i - 1], ring[i]];
      // Distance from the point to the edge, sampled along it (edges here are a few km at most).
      let d = Infinity;
      for (let k = 0; k <= 50; k++)
        d = Math.min(
          d,
          distanceM([u![0]! + ((v![0]! - u![0]!) * k) / 50, u![1]! + ((v![1]! - u![1]!) * k) / 50], point),
        );
      if (d < bestDist) {
        bestDist = d;
        best = { ring, i };
      }
    }
  }
  if (!best) return null;
  const { ring } = best;
  let from = best.i - 1,
    to = best.i;
  while (shared(ring, from) && distanceM(ring[from - 1]!, ring[from]!) >= 1000) from--;
  while (shared(ring, to + 1) && distanceM(ring[to]!, ring[to + 1]!) >= 1000) to++;
  return ring.slice(from, to + 1);
}

/** Which source polygon holds the point, with its area: the check whether the island is resolved. */
function polygonHolding(
  polys: SourcePolygon[],
  point: Position,
): { a3: string; index: number; areaKm2: number; vertices: number } | null {
  for (const p of polys) {
    if (!pointInRing(point, p.rings[0]!)) continue;
    if (p.rings.slice(1).some((h) => pointInRing(point, h))) continue;
    return {
      a3: p.a3,
      index: p.index,
      areaKm2: Math.round(ringAreaM2(p.rings[0]!) / 1e6),
      vertices: p.rings[0]!.length,
    };
  }
  return null;
}

interface WaterLine {
  case: string;
  layer: 'river' | 'border';
  level: number;
  coords: Position[];
}

function readWaterLines(root: string): WaterLine[] {
  const fc = JSON.parse(readFileSync(join(root, WATER_LINES_FILE), 'utf8')) as FeatureCollection<
    LineString,
    { case: string; layer: 'river' | 'border'; level: number }
  >;
  return fc.features.map((f) => ({ ...f.properties, coords: f.geometry.coordinates }));
}

interface OutlinedIslands {
  islands: { island: string; polygon: Position[][]; areaKm2: number }[];
  joins: number;
  maxGapM: number;
}

/**
 * The islands as the faces that the case's river and border lines enclose around their published
 * positions; a string saying why not when a face is not closed (it reaches the case's box).
 */
function outlineIslands(
  lines: WaterLine[],
  box: [number, number, number, number],
  refs: { island: string; point: Position }[],
): OutlinedIslands | string {
  const used = lines.filter((l) => l.layer === 'border' || l.level <= WATER_RIVER_MAX_LEVEL).map((l) => l.coords);
  const { lines: snapped, joins } = snapLineEnds(used, WATER_SNAP_M);
  const faces = facesOf(snapped, box);
  const islands: OutlinedIslands['islands'] = [];
  for (const { island, point } of refs) {
    const face = faceHolding(faces, point);
    const open = !face || face[0]!.some(([x, y]) => x === box[0] || x === box[2] || y === box[1] || y === box[3]);
    if (open) return `${island}: the lines do not close a face around its published position`;
    islands.push({ island, polygon: face, areaKm2: polygonAreaM2(face) / 1e6 });
  }
  return { islands, joins: joins.length, maxGapM: Math.max(0, ...joins.map((j) => j.gapM)) };
}

interface DividedIslands {
  parts: [MultiPolygon, MultiPolygon];
  /** Share of the outlined area that lies in its own party's source polygon. */
  agreement: number;
}

/**
 * The islands divided by the real border, extended straight to the outlined shores: each piece goes to
 * the party whose source polygon (holes filled) covers more of it.
 */
function divideIslands(
  islands: Position[][][],
  border: Position[],
  landA: MultiPolygon | null,
  landB: MultiPolygon | null,
): DividedIslands | null {
  const filled = (m: MultiPolygon | null) => (m ? m.coordinates.map((p) => [p[0]!]) : []);
  const [fa, fb] = [filled(landA), filled(landB)];
  const overlapKm2 = (piece: Position[][], land: Position[][][]) =>
    land.length
      ? (intersection([piece] as never, land as never) as unknown as Position[][][]).reduce(
          (s, p) => s + polygonAreaM2(p) / 1e6,
          0,
        )
      : 0;
  const a: Position[][][] = [],
    b: Position[][][] = [];
  let agreeing = 0,
    total = 0;
  for (const piece of cutAlong(islands, extendLine(border, BORDER_EXTEND_M))) {
    const rings = orientPolygon(piece.map((r) => dedupe(r.map(([x, y]) => [r6(x!), r6(y!)]))));
    const area = polygonAreaM2(rings) / 1e6;
    if (area < 1e-4) continue;
    const [inA, inB] = [overlapKm2(rings, fa), overlapKm2(rings, fb)];
    (inA >= inB ? a : b).push(rings);
    agreeing += Math.max(inA, inB);
    total += area;
  }
  if (!a.length || !b.length) return null;
  const sorted = (m: Position[][][]) =>
    m.sort((p, q) => p[0]![0]![0]! - q[0]![0]![0]! || p[0]![0]![1]! - q[0]![0]![1]!);
  return {
    parts: [
      { type: 'MultiPolygon', coordinates: sorted(a) },
      { type: 'MultiPolygon', coordinates: sorted(b) },
    ],
    agreement: agreeing / total,
  };
}

function feature(id: string, props: Record<string, unknown>, geometry: Feature['geometry']): Feature {
  return { type: 'Feature', properties: { id, ...props }, geometry };
}

/** Builds geo/precedents.geojson from the parsed source collection; returns a one-line summary per case. */
function buildPrecedents(
  source: FeatureCollection<Polygon | MultiPolygon, { A3: string }>,
  outDir: string,
  root: string,
): string[] {
  const spec = JSON.parse(readFileSync(join(root, 'data/precedents.json'), 'utf8')) as { cases: CaseSpec[] };
  const byA3 = new Map<string, SourcePolygon[]>();
  source.features.forEach((f) => {
    const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    polys.forEach((rings, index) => {
      const list = byA3.get(f.properties.A3) ?? [];
      list.push({ a3: f.properties.A3, index, rings });
      byA3.set(f.properties.A3, list);
    });
  });
  const features: Feature[] = [];
  const summary: string[] = [];
  const water = readWaterLines(root);
  for (const c of spec.cases) {
    if (c.turning_points) {
      const pts = c.turning_points.map((t) => [parseDms(t.lon), parseDms(t.lat)] as Position);
      const line = geodesicLine(pts, 10);
      features.push(
        feature(
          `${c.id}-line`,
          {
            case: c.id,
            kind: 'real-line',
            drawn:
              'Article 1 turning points 1-8 joined by WGS84 geodesics (the treaty\'s "geodetic lines"); ' +
              'the end point beyond point 8 (defined by the continental-shelf limits) is not drawn',
            length_km: Number(lineLengthKm(line.coordinates).toFixed(1)),
          },
          line,
        ),
      );
      pts.forEach((p, k) =>
        features.push(
          feature(
            `${c.id}-point-${k + 1}`,
            { case: c.id, kind: 'turning-point', point: k + 1 },
            { type: 'Point', coordinates: [Number(p[0]!.toFixed(6)), Number(p[1]!.toFixed(6))] },
          ),
        ),
      );
      summary.push(
        `${c.id}: treaty line ${lineLengthKm(line.coordinates).toFixed(1)} km through ${pts.length} turning points`,
      );
      continue;
    }
    if (!c.bbox || !c.source_polygons) continue;
    const box = c.bbox;
    const [partyA, partyB] = c.parties;
    const near = (p: SourcePolygon) => p.rings[0]!.some((q) => inBox(q, box));
    const polysA = (byA3.get(c.source_polygons[partyA!]!) ?? []).filter(near);
    const polysB = (byA3.get(c.source_polygons[partyB!]!) ?? []).filter(near);
    const lands = [landInBox(polysA, box), landInBox(polysB, box)] as const;
    [partyA, partyB].forEach((party, i) => {
      const land = lands[i];
      if (land)
        features.push(
          feature(
            `${c.id}-land-${c.source_polygons![party!]!.toLowerCase()}`,
            { case: c.id, kind: 'land', party, source_admin: c.source_polygons![party!] },
            land,
          ),
        );
    });
    const refs = REFERENCE_POINTS[c.id] ?? [];
    const point = refs[0]?.point;
    const border = point ? sharedBorderNear(polysA, polysB, point) : null;
    const holder = point ? polygonHolding([...polysA, ...polysB], point) : null;
    let resolved = !!holder && holder.areaKm2 < ISLAND_MAX_KM2;
    let check = !point
      ? 'no published position to check against'
      : !holder
        ? "the island's published position lies in no source land polygon (it falls in the water the source maps)"
        : resolved
          ? `the island is a separate source polygon (${holder.a3} part ${holder.index}, ${holder.areaKm2} km²)`
          : `the island's published position lies in the source's ${holder.a3} mainland polygon ` +
            `(part ${holder.index}, ${holder.areaKm2.toLocaleString('en-US')} km², ` +
            `${holder.vertices.toLocaleString('en-US')} vertices): no water separates the island from the mainland ` +
            'there';
    let outline: { km2: number; published_km2: [number, number]; measured: boolean } | null = null;
    if (!resolved && border && refs.length) {
      // The land source cannot outline the islands: GSHHG's rivers and borders can (scripts/lib/island-faces.ts).
      const outlined = outlineIslands(
        water.filter((l) => l.case === c.id),
        box as [number, number, number, number],
        refs,
      );
      const divided =
        typeof outlined === 'string'
          ? null
          : divideIslands(
              outlined.islands.map((i) => i.polygon),
              border,
              lands[0],
              lands[1],
            );
      const published = publishedWholeKm2(c.published ?? {});
      const outlinedKm2 = typeof outlined === 'string' ? 0 : outlined.islands.reduce((t, i) => t + i.areaKm2, 0);
      const gap = !published
        ? null
        : outlinedKm2 > published[1]
          ? outlinedKm2 / published[1] - 1
          : outlinedKm2 < published[0]
            ? outlinedKm2 / published[0] - 1
            : 0;
      const measured = !!divided && gap !== null && Math.abs(gap) <= OUTLINE_AREA_TOLERANCE;
      if (typeof outlined !== 'string' && published)
        outline = { km2: Number(outlinedKm2.toFixed(1)), published_km2: published, measured };
      if (!measured || typeof outlined === 'string' || !divided) {
        check =
          `not resolved: ${check}; outlined from GSHHG 2.3.7's rivers and borders instead (${WATER_LINES_FILE}), ` +
          (typeof outlined === 'string'
            ? outlined
            : !divided
              ? 'the real line does not divide the outline in two'
              : gap === null
                ? 'but no published area to check the outline against'
                : `the island measures ${outlinedKm2.toFixed(1)} km², ${(Math.abs(gap) * 100).toFixed(0)} % ` +
                  `${gap > 0 ? 'more' : 'less'} than the published ${published!.join('–')} km²: the lines enclose ` +
                  `${gap > 0 ? 'more than the island' : 'less than the island'}, so the parts are not measured`);
      } else {
        resolved = true;
        [partyA, partyB].forEach((party, i) =>
          features.push(
            feature(
              `${c.id}-part-${c.source_polygons![party!]!.toLowerCase()}`,
              { case: c.id, kind: 'part', party },
              divided.parts[i]!,
            ),
          ),
        );
        check =
          `${check}. So the islands are outlined from GSHHG 2.3.7's rivers and borders (WDBII, full resolution; ` +
          `${WATER_LINES_FILE}): ` +
          outlined.islands.map((i) => `${i.island} ${i.areaKm2.toFixed(1)} km²`).join(', ') +
          ` (${outlinedKm2.toFixed(1)} km² against the published ${published!.join('–')} km²). ` +
          `Channels are taken at their centre lines and a river's banks as drawn; ${outlined.joins} line ends ` +
          `were joined to the nearest line over gaps of at most ${Math.ceil(outlined.maxGapM)} m. The parts are ` +
          `the outline on either side of the real line, extended straight by ${BORDER_EXTEND_M / 1000} km at both ` +
          `ends to reach the outlined shores; ${(divided.agreement * 100).toFixed(1)} % of the outlined area lies ` +
          "in its own party's polygon of the land source";
      }
    } else if (!resolved) check = `not resolved: ${check}, so neither party's part can be outlined from this source`;
    if (border) {
      const coords = border.map(([x, y]) => [r5(x!), r5(y!)]);
      features.push(
        feature(
          `${c.id}-line`,
          {
            case: c.id,
            kind: 'real-line',
            drawn:
              `the edge shared by the source's ${c.source_polygons[partyA!]} and ${c.source_polygons[partyB!]} ` +
              'polygons across the island (the shared edge passing nearest its published position, with adjacent ' +
              'shared edges of 1 km or more)',
            length_km: Number(lineLengthKm(coords).toFixed(2)),
          },
          { type: 'LineString', coordinates: coords },
        ),
      );
    }
    features.push(
      feature(
        `${c.id}-check`,
        { case: c.id, kind: 'source-check', resolved, check, ...(outline ? { outline } : {}) },
        {
          type: 'Point',
          coordinates: point ? [Number(point[0]!.toFixed(6)), Number(point[1]!.toFixed(6))] : [box[0], box[1]],
        },
      ),
    );
    summary.push(
      `${c.id}: ${check}${border ? `; real line ${lineLengthKm(border).toFixed(2)} km` : '; no shared border found'}`,
    );
  }
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(join(outDir, 'geo/precedents.geojson'), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  return summary;
}

/**
 * The pipeline's one entry point for the history and precedents layers (geo/history.geojson,
 * geo/precedents.geojson).
 */
export function buildHistoryAndPrecedents(
  source: FeatureCollection<Polygon | MultiPolygon, { A3: string }>,
  outDir: string,
  root: string,
): string[] {
  return [
    ...buildHistory(source, outDir, root).map((l) => `history: ${l}`),
    ...buildPrecedents(source, outDir, root).map((l) => `precedents: ${l}`),
  ];
}
