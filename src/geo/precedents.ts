/**
 * Precedents measured with the project's own code: a division of a territory between two parties is
 * compared with the exact fifty-fifty line at the same bearing as the real border. Also the geodesic
 * treaty lines drawn from turning points. Pure: no data imported here.
 *
 * measureDivision: the territory is the union of the two parties' parts (adjacent, not overlapping);
 * WGS84 areas by GeographicLib; the real border's bearing is the geodesic azimuth between its ends;
 * the exact half line is the solver's line (src/geo/partition.ts) at that bearing giving party A
 * exactly half, on the side holding party A's part; its distance to the real border is measured along
 * the solver's normal, in the solver's equal-area plane, at the real border's vertices (their mean).
 */
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { WGS84, geometryAreaKm2, inverse } from './geodesic.ts';
import { labelPoint } from './label-point.ts';
import { normalizeBearing, prepareTerritory, solvePartition, type PartitionResult } from './partition.ts';

/** "70°16′28.95″" (also with ' and ") to decimal degrees. */
export function parseDms(text: string): number {
  const m = /^\s*(\d+)\s*°\s*(\d+)\s*[′']\s*(\d+(?:\.\d+)?)\s*(?:″|")?\s*$/.exec(text);
  if (!m) throw new RangeError(`not degrees, minutes and seconds: "${text}"`);
  const [d, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mi >= 60 || s >= 60) throw new RangeError(`minutes or seconds out of range: "${text}"`);
  return d + mi / 60 + s / 3600;
}

/** Geodesic length of a line in km (WGS84). */
export function lineLengthKm(coords: readonly Position[]): number {
  let m = 0;
  for (let i = 1; i < coords.length; i++) m += inverse(coords[i - 1]!, coords[i]!).distanceM;
  return m / 1000;
}

/**
 * A line of WGS84 geodesics ("geodetic lines" in treaty texts) through the turning points, densified so
 * that a map drawing straight segments between vertices follows the geodesics (vertices at most stepKm apart).
 */
export function geodesicLine(points: readonly Position[], stepKm = 10): LineString {
  const out: Position[] = [];
  for (let i = 1; i < points.length; i++) {
    const [lonA, latA] = points[i - 1]!,
      [lonB, latB] = points[i]!;
    const inv = WGS84.Inverse(latA!, lonA!, latB!, lonB!);
    const s12 = inv.s12 ?? 0;
    const n = Math.max(1, Math.ceil(s12 / (stepKm * 1000)));
    const line = WGS84.InverseLine(latA!, lonA!, latB!, lonB!);
    for (let k = i === 1 ? 0 : 1; k <= n; k++) {
      const p = line.Position((s12 * k) / n);
      out.push([round6(p.lon2 ?? 0), round6(p.lat2 ?? 0)]);
    }
  }
  return { type: 'LineString', coordinates: out };
}

/** A parallel of latitude (a rhumb line, as a treaty's "degree of latitude" is) between two longitudes. */
export function parallelLine(lat: number, lonFrom: number, lonTo: number, stepDeg = 0.05): LineString {
  const n = Math.max(1, Math.ceil(Math.abs(lonTo - lonFrom) / stepDeg));
  const coords: Position[] = [];
  for (let k = 0; k <= n; k++) coords.push([round6(lonFrom + ((lonTo - lonFrom) * k) / n), lat]);
  return { type: 'LineString', coordinates: coords };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface DivisionMeasure {
  areaKm2: number;
  partsKm2: [number, number];
  /** Share of the territory held by each party (party A first). */
  shares: [number, number];
  /** Geodesic azimuth from the real border's first to its last vertex, in [0, 180). */
  realBearingDeg: number;
  realLineKm: number;
  /** The exact fifty-fifty line at the real border's bearing (party A on the anchor side). */
  exactHalf: PartitionResult;
  /** Mean distance from the real border's vertices to the exact half line, km (0 when they coincide). */
  exactHalfLineOffsetKm: number;
  /** Which way the half line lies from the real border: towards party A's part or party B's. */
  exactHalfLineTowards: 'A' | 'B' | null;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Measures a two-party division against the exact half line at the real border's bearing. */
export function measureDivision(
  partA: Polygon | MultiPolygon,
  partB: Polygon | MultiPolygon,
  realLine: LineString,
): DivisionMeasure {
  const a = geometryAreaKm2(partA),
    b = geometryAreaKm2(partB);
  const territory: MultiPolygon = { type: 'MultiPolygon', coordinates: [...polygonsOf(partA), ...polygonsOf(partB)] };
  const line = realLine.coordinates;
  const first = line[0],
    last = line[line.length - 1];
  if (!first || !last || line.length < 2) throw new RangeError('the real line needs at least two vertices');
  const realBearingDeg = normalizeBearing(inverse(first, last).azimuthDeg);
  // Anchor: a point inside party A's part, so that the solver's "Japan side" is party A's side.
  const prep = prepareTerritory(territory, { anchorTarget: labelPoint(partA) });
  const exactHalf = solvePartition(prep, realBearingDeg, { fraction: 0.5 });
  let offsetKm = 0;
  let towards: 'A' | 'B' | null = null;
  if (exactHalf.frame) {
    const { nx, ny } = exactHalf.frame;
    let sum = 0;
    for (const p of line) {
      const [x, y] = prep.projection.forward(p[0]!, p[1]!);
      sum += nx * x + ny * y - exactHalf.offsetM;
    }
    const mean = sum / line.length;
    offsetKm = Math.abs(mean) / 1000;
    // u < offset is party A's side: a real border on A's side (mean < 0) means the half line lies towards B.
    towards = offsetKm < 1e-9 ? null : mean < 0 ? 'B' : 'A';
  }
  return {
    areaKm2: a + b,
    partsKm2: [a, b],
    shares: [a / (a + b), b / (a + b)],
    realBearingDeg,
    realLineKm: lineLengthKm(line),
    exactHalf,
    exactHalfLineOffsetKm: offsetKm,
    exactHalfLineTowards: towards,
  };
}

/**
 * The published area of the whole that was divided, as a [low, high] range in km²: the island's published
 * range, with Tarabarov's area added where the case includes it (null when no island area is published).
 */
export function publishedWholeKm2(published: Record<string, unknown>): [number, number] | null {
  const island = published.island_km2;
  if (!Array.isArray(island) || !island.length) return null;
  const extra = typeof published.tarabarov_km2 === 'number' ? published.tarabarov_km2 : 0;
  const km2 = (x: number) => Number(x.toFixed(2));
  return [km2(Math.min(...(island as number[])) + extra), km2(Math.max(...(island as number[])) + extra)];
}

/** A share implied by published figures: part / whole, as a [low, high] range over the whole's range. */
export function impliedShare(partKm2: number, wholeKm2: readonly number[]): [number, number] {
  const shares = wholeKm2.map((w) => partKm2 / w);
  return [Math.min(...shares), Math.max(...shares)];
}

// ---------------------------------------------------------------------------------------------
// The figures of each case, as the CLI prints them and the page shows them.

/** A case's texts in another language: faithful translations of name, instrument and the published wording. */
export interface PrecedentTexts {
  name: string;
  instrument: string;
  /** The published wording, translated and marked as a translation. */
  wording?: string;
  /** Translations of the turning points' notes, by point number. */
  turning_point_notes?: Record<string, string>;
}

/** The languages other than English that every case's texts are given in. */
export const PRECEDENT_TEXT_LANGUAGES = ['ja', 'ru'] as const;
export type PrecedentTextLanguage = (typeof PRECEDENT_TEXT_LANGUAGES)[number];

export interface PrecedentCase {
  id: string;
  name: string;
  parties: string[];
  instrument: string;
  published: Record<string, unknown>;
  turning_points?: { point: number; lat: string; lon: string; note?: string }[];
  texts?: Partial<Record<PrecedentTextLanguage, PrecedentTexts>>;
  sources: string[];
}

/** The features of geo/precedents.geojson (kind: land | real-line | turning-point | source-check | part). */
export interface PrecedentFeature {
  properties: {
    id: string;
    case: string;
    kind: string;
    party?: string;
    resolved?: boolean;
    check?: string;
    drawn?: string;
    outline?: PrecedentOutline;
  };
  geometry: LineString | MultiPolygon | Polygon | { type: 'Point'; coordinates: Position };
}

/** The islands outlined from another source's rivers and borders, against their published area. */
export interface PrecedentOutline {
  km2: number;
  published_km2: [number, number];
  /** Whether the outline came close enough to the published area for its parts to be measured. */
  measured: boolean;
}

export interface PrecedentFigures {
  id: string;
  name: string;
  parties: string[];
  /** The treaty or agreement that made the division. */
  instrument: string;
  /** Each party's share of the divided area, measured here; null when the source cannot outline the parts. */
  real_share: Record<string, number | null>;
  /** The divided area measured here (WGS84, km²); null when not measured. */
  area_km2: number | null;
  published: Record<string, unknown>;
  /** Shares implied by the published figures (part ÷ whole, over the published range of the whole). */
  published_implied_share: Record<string, [number, number]> | null;
  /** Distance between the real border and the exact half line at the same bearing, km; null when not measured. */
  exact_half_line_offset_km: number | null;
  /** The exact half line itself (lon/lat, 5 decimals); null when not measured. */
  exact_half_line: Position[] | null;
  /** Where the islands were outlined from other lines than the land source (see source_check). */
  outline: PrecedentOutline | null;
  /** The real line as drawn: its geodesic length (and, for a maritime line, in nautical miles of 1,852 m). */
  real_line: { length_km: number; length_nm?: number; bearing_deg: number; drawn: string } | null;
  source_resolves: boolean | null;
  source_check: string;
  /** Notes on turning points (English), by point number. */
  turning_point_notes: Record<string, string>;
  /** The case's texts in Japanese and Russian (data/precedents.json). */
  texts: Partial<Record<PrecedentTextLanguage, PrecedentTexts>>;
  sources: string[];
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** Assembles (and where the parts exist, measures) each case. */
export function precedentFigures(
  cases: readonly PrecedentCase[],
  features: readonly PrecedentFeature[],
): PrecedentFigures[] {
  return cases.map((c) => {
    const own = features.filter((f) => f.properties.case === c.id);
    const lineF = own.find((f) => f.properties.kind === 'real-line');
    const check = own.find((f) => f.properties.kind === 'source-check');
    const parts = c.parties.map((p) => own.find((f) => f.properties.kind === 'part' && f.properties.party === p));
    const line = lineF?.geometry.type === 'LineString' ? lineF.geometry : null;
    const real_line = line
      ? {
          length_km: round(lineLengthKm(line.coordinates), 2),
          ...(c.turning_points ? { length_nm: round(lineLengthKm(line.coordinates) / 1.852, 1) } : {}),
          bearing_deg: round(
            normalizeBearing(inverse(line.coordinates[0]!, line.coordinates[line.coordinates.length - 1]!).azimuthDeg),
            2,
          ),
          drawn: lineF!.properties.drawn ?? '',
        }
      : null;
    let real_share: Record<string, number | null> = Object.fromEntries(c.parties.map((p) => [p, null]));
    let area_km2: number | null = null;
    let offset: number | null = null;
    let halfLine: Position[] | null = null;
    if (line && parts.every((p) => p && (p.geometry.type === 'Polygon' || p.geometry.type === 'MultiPolygon'))) {
      const m = measureDivision(parts[0]!.geometry as MultiPolygon, parts[1]!.geometry as MultiPolygon, line);
      real_share = { [c.parties[0]!]: round(m.shares[0], 4), [c.parties[1]!]: round(m.shares[1], 4) };
      area_km2 = round(m.areaKm2, 2);
      offset = round(m.exactHalfLineOffsetKm, 3);
      halfLine = m.exactHalf.line?.coordinates.map(([x, y]) => [round(x!, 5), round(y!, 5)]) ?? null;
    }
    const pub = c.published as Record<string, unknown>;
    let implied: Record<string, [number, number]> | null = null;
    const whole = publishedWholeKm2(pub);
    if (typeof pub.to_china_km2 === 'number' && whole) {
      // 174 km² to China (Tarabarov and part of Bolshoy Ussuriysky) over the two islands together.
      const [lo, hi] = impliedShare(pub.to_china_km2, whole);
      implied = { [c.parties[0]!]: [round(lo, 4), round(hi, 4)] };
    }
    const isTreaty = !!c.turning_points;
    return {
      id: c.id,
      name: c.name,
      parties: [...c.parties],
      instrument: c.instrument,
      real_share,
      area_km2,
      published: pub,
      published_implied_share: implied,
      exact_half_line_offset_km: offset,
      exact_half_line: halfLine,
      outline: check?.properties.outline ?? null,
      real_line,
      source_resolves: isTreaty ? null : (check?.properties.resolved ?? false),
      source_check: isTreaty
        ? 'maritime: the treaty line is drawn from its turning points; the disputed area (between the Russian ' +
          'sector line, roughly 32° E, and the Norwegian median line) is not built, because no source read here ' +
          'gives those lines as coordinates, so the two parts are not measured'
        : (check?.properties.check ?? 'not checked'),
      turning_point_notes: Object.fromEntries(
        (c.turning_points ?? []).flatMap((t) => (t.note ? [[String(t.point), t.note]] : [])),
      ),
      texts: c.texts ?? {},
      sources: [...c.sources],
    };
  });
}
