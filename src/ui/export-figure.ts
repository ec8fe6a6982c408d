/**
 * A map figure that stands on its own: the land, the option's shading and line, island and settlement
 * names, the sites shown, a legend of every symbol, a scale bar, a north arrow, a title with the option's
 * figures, the dispute line, sources and attributions, the date and the data version.
 *
 * Built as a list of drawing items (rectangles, paths, circles, text) in figure pixels, from the vector
 * data itself (not from the map's WebGL canvas), so the same list becomes an SVG (svg-export.ts, text as
 * text) and a PNG (png-export.ts) of any size. Pure but for `measure`, the text-width function the
 * caller gives (a canvas's measureText in the browser).
 *
 * The projection is the map's own, Web Mercator north up (MapLibre's 512 px tiles): the figure's map area
 * shows at least the extent of the current view, centred where it is.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { clusterRadius, COLORS, USER_POINT_RADIUS, USER_POINT_STROKE } from '../map/style.ts';
import { CLUSTER_RADIUS_PX } from '../map/point-tile-spec.ts';
import { abbreviatedCount, clusterScreenPoints } from './figure-clusters.ts';
import { labelPoint } from '../geo/label-point.ts';
import { labelText, type LabelLanguage } from '../map/names.ts';
import { KINDS, KIND_MARKS } from '../data/deployments.ts';
import { SITE_COLORS } from '../map/site-features.ts';
import type { OptionResult } from '../geo/shares.ts';
import { EXPORT_STRINGS, type ExportStrings } from './export-strings.ts';
import { declutter, NAME_SHIFTS as MAP_NAME_SHIFTS, SITE_FAN, type Box, type Candidate } from '../map/declutter.ts';

export const FIGURE_FONT = "'Atlas Sans', 'Noto Sans', 'Noto Sans JP', sans-serif";

export type Item =
  | {
      t: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      fillOpacity?: number;
      stroke?: string;
      sw?: number;
    }
  | {
      t: 'path';
      d: string;
      fill?: string;
      fillOpacity?: number;
      stroke?: string;
      sw?: number;
      dash?: number[];
      role?: string;
    }
  | {
      t: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill?: string;
      fillOpacity?: number;
      stroke?: string;
      sw?: number;
      dash?: number[];
    }
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      weight?: 400 | 700;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      halo?: number;
      role?: string;
    }
  | { t: 'clip'; x: number; y: number; w: number; h: number; items: Item[] }
  /** Drawn as one: a site's symbol, an island's name on its lines (the SVG's <g class="role">). */
  | { t: 'group'; role?: string; items: Item[] };

export interface Figure {
  width: number;
  height: number;
  items: Item[];
  font: string;
  title: string;
  texts: string[];
}

export type FigureSize = 'current' | '1200x800' | '1920x1080' | 'a4';
export const FIGURE_SIZES: FigureSize[] = ['current', '1200x800', '1920x1080', 'a4'];
/** Pixel sizes of the fixed figure sizes (A4 landscape at 300 dpi: 297 × 210 mm). */
export const FIXED_SIZES: Record<Exclude<FigureSize, 'current'>, [number, number]> = {
  '1200x800': [1200, 800],
  '1920x1080': [1920, 1080],
  a4: [3508, 2480],
};

export interface FigureSite {
  lonlat: Position;
  mark: string;
  country: string;
  color: string;
  certainty: string;
  toJapan: boolean;
}
export interface FigureInput {
  /** The map's current view: centre, zoom and size in CSS pixels. */
  view: { center: [number, number]; zoom: number; width: number; height: number };
  lang: LabelLanguage;
  land: { context: FeatureCollection | null; hokkaido: FeatureCollection | null; islands: FeatureCollection | null };
  option: OptionResult | null;
  /** The option's shading (features with `side`) and line; null when that layer is off. */
  optionAreas: FeatureCollection | null;
  cutLine: FeatureCollection | null;
  settlements: { lonlat: Position; population: number | null; label: string }[] | null;
  sites: FigureSite[] | null;
  rings: FeatureCollection | null;
  userPoints: Position[] | null;
  /** The user's point opened in the side panel, ringed as on the map, and named in the legend. */
  selectedUserPoint: { id: string; lonlat: Position } | null;
  /** The user's imported territory, split: its parts (`side`: japan for side A, russia for B) and line. */
  territory: {
    parts: FeatureCollection;
    line: FeatureCollection | null;
    /** Side A's share (0..1) and each side's area on the WGS84 ellipsoid, as the territory panel gives them. */
    fraction: number;
    sideAKm2: number;
    sideBKm2: number;
  } | null;
  showLabels: boolean;
  /** The area basis's source, named in the footer. */
  basisSource?: string | null;
  date: string;
  dataVersion: string;
}

export type Measure = (text: string, size: number, weight: 400 | 700) => number;
/** A measure for tests and Node: Latin about 0.56 em, CJK a full em. */
export const roughMeasure: Measure = (text, size, weight) =>
  [...text].reduce((s, ch) => s + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56) * size * (weight === 700 ? 1.05 : 1), 0);

/**
 * A line of text's box around its baseline, in em: the larger of the shipped faces' ascents and descents
 * (Noto Sans 1.069 / 0.293, Noto Sans JP 1.16 / 0.288), so a box holds the line in either script.
 */
const TEXT_ASCENT = 1.16;
const TEXT_DESCENT = 0.29;
/** Baseline to baseline of an island name's two lines (both conventions), in em. */
const ISLAND_LINE = 1.25;
/**
 * Where an island name may move (figure px at scale 1) when its place is taken: the live map's offsets,
 * then farther ones (a large island such as Hokkaido has room, and many fixed site symbols).
 */
const NAME_SHIFTS: readonly (readonly [number, number])[] = [
  ...MAP_NAME_SHIFTS,
  [-60, -40],
  [60, -40],
  [-60, 40],
  [60, 40],
  [0, -70],
  [0, 70],
  [-100, 0],
  [100, 0],
  [-100, 70],
  [100, 70],
  [-100, -70],
  [100, -70],
  [0, 110],
  [0, -110],
  [-160, 0],
  [160, 0],
];

// ---------------------------------------------------------------------------------------------------
// Projection

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const EARTH_CIRCUMFERENCE = 2 * Math.PI * 6378137;

export interface Projection {
  project(p: Position): [number, number];
  metresPerPx(lat: number): number;
  zoom: number;
}

/** Web Mercator fitting the current view's extent into the area (x, y, w, h), centred on the view's centre. */
function fitProjection(view: FigureInput['view'], area: { x: number; y: number; w: number; h: number }): Projection {
  const k = Math.min(area.w / view.width, area.h / view.height);
  const world = 512 * 2 ** view.zoom * k;
  const cx = mercX(view.center[0]),
    cy = mercY(view.center[1]);
  return {
    project: (p) => [
      area.x + area.w / 2 + (mercX(p[0]!) - cx) * world,
      area.y + area.h / 2 + (mercY(p[1]!) - cy) * world,
    ],
    metresPerPx: (lat) => (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / world,
    zoom: view.zoom + Math.log2(k),
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of polygons (rings closed) or lines, in figure pixels; vertices under 0.4 px apart dropped. */
function pathData(
  geom: Geometry,
  project: Projection['project'],
  box: { x: number; y: number; w: number; h: number },
): string {
  const parts: string[] = [];
  const ring = (coords: Position[], close: boolean) => {
    const pts = coords.map(project);
    const start = pts[0];
    if (!start || pts.length < 2) return;
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const [x, y] of pts) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    const m = 20;
    if (maxX < box.x - m || minX > box.x + box.w + m || maxY < box.y - m || minY > box.y + box.h + m) return;
    if (close && maxX - minX < 0.3 && maxY - minY < 0.3) return;
    let s = `M${r1(start[0])} ${r1(start[1])}`;
    let [lx, ly] = start;
    for (let i = 1; i < pts.length; i++) {
      const [x, y] = pts[i]!;
      if (Math.abs(x - lx) < 0.4 && Math.abs(y - ly) < 0.4 && i < pts.length - 1) continue;
      s += `L${r1(x)} ${r1(y)}`;
      lx = x;
      ly = y;
    }
    parts.push(close ? `${s}Z` : s);
  };
  const polys = (g: Geometry): void => {
    switch (g.type) {
      case 'Polygon':
        g.coordinates.forEach((r) => ring(r, true));
        break;
      case 'MultiPolygon':
        g.coordinates.forEach((p) => p.forEach((r) => ring(r, true)));
        break;
      case 'LineString':
        ring(g.coordinates, false);
        break;
      case 'MultiLineString':
        g.coordinates.forEach((l) => ring(l, false));
        break;
      case 'GeometryCollection':
        g.geometries.forEach(polys);
        break;
      default:
        break;
    }
  };
  polys(geom);
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------
// Text layout

/** Kana, kanji and full-width forms: a line may break before or after any of them. */
const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
/**
 * Where a line may break: after a space, between two CJK characters, after CJK closing punctuation and before
 * opening (not between a number and its CJK unit, as in "2025年").
 */
const BREAK = new RegExp(`(?<=\\s)|(?<=[${CJK}])(?=[${CJK}])|(?<=[、。，：；）」』】])|(?=[（「『【])`, 'u');
/** Japanese line-breaking rules (kinsoku): a line does not start with these, nor end with the opening ones. */
const NO_START = /^[、。，．）」』】・：；！？ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ%)\]]/u;
const NO_END = /[（「『【([]$/u;

/** The pieces of a paragraph between break opportunities, kept whole where a break is not allowed. */
function breakUnits(para: string): string[] {
  const units: string[] = [];
  for (const piece of para.split(BREAK)) {
    const last = units[units.length - 1];
    if (last !== undefined && (NO_START.test(piece) || NO_END.test(last))) units[units.length - 1] = last + piece;
    else units.push(piece);
  }
  return units;
}

/**
 * Greedy line wrap to a width, at spaces and between CJK characters (Japanese has no spaces); a word longer
 * than the width is left whole on its own line.
 */
export function wrap(text: string, width: number, size: number, weight: 400 | 700, measure: Measure): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = breakUnits(para);
    let line = '';
    for (const w of words) {
      if (line && measure((line + w).trimEnd(), size, weight) > width) {
        out.push(line.trimEnd());
        line = w.trimStart();
      } else line += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}

interface LegendEntry {
  symbol: (x: number, y: number, u: number) => Item[];
  label: string;
}

/** Whether the legend made for `sites` already holds every symbol of `site` (its country, placement, kind). */
function legendCovers(sites: readonly FigureSite[], site: FigureSite): boolean {
  return (
    sites.some((x) => x.country === site.country) &&
    sites.some((x) => x.certainty === site.certainty) &&
    (!site.toJapan || sites.some((x) => x.toJapan)) &&
    sites.some((x) => x.mark === site.mark)
  );
}

/** The legend: the map's fills and lines, and the symbols of `sites` (those in the figure's frame). */
function legendEntries(input: FigureInput, s: ExportStrings, sites: FigureSite[] | null): LegendEntry[] {
  const e: LegendEntry[] = [];
  const swatch =
    (fill: string, overlay?: string) =>
    (x: number, y: number, u: number): Item[] => [
      { t: 'rect', x, y: y - 6 * u, w: 20 * u, h: 12 * u, fill, stroke: COLORS.islandLine, sw: 0.8 * u },
      ...(overlay
        ? [{ t: 'rect', x, y: y - 6 * u, w: 20 * u, h: 12 * u, fill: overlay, fillOpacity: 0.55 } as Item]
        : []),
    ];
  const shading = !!input.optionAreas?.features.length;
  if (shading) {
    e.push({ symbol: swatch(COLORS.island, COLORS.sideJapan), label: s.legend.japan });
    e.push({ symbol: swatch(COLORS.island, COLORS.sideRussia), label: s.legend.russia });
  } else e.push({ symbol: swatch(COLORS.island), label: s.legend.island });
  e.push({ symbol: swatch(COLORS.hokkaido), label: s.legend.hokkaido });
  e.push({ symbol: swatch(COLORS.context), label: s.legend.otherLand });
  e.push({
    symbol: (x, y, u) => [
      { t: 'rect', x, y: y - 6 * u, w: 20 * u, h: 12 * u, fill: COLORS.sea, stroke: '#8aa9b8', sw: 0.8 * u },
    ],
    label: s.legend.sea,
  });
  if (input.cutLine?.features.length && input.option?.cut) {
    e.push({
      symbol: (x, y, u) => [{ t: 'path', d: `M${r1(x)} ${r1(y)}h${r1(20 * u)}`, stroke: COLORS.cutLine, sw: 3 * u }],
      label: s.legend.cutLine(s.fmt.deg(input.option.cut.requestedBearingDeg)),
    });
  }
  if (input.settlements?.length) {
    e.push({
      symbol: (x, y, u) => [
        { t: 'circle', cx: x + 6 * u, cy: y, r: 3.5 * u, fill: '#fff', stroke: COLORS.settlement, sw: 1.5 * u },
        { t: 'circle', cx: x + 16 * u, cy: y, r: 6 * u, fill: '#fff', stroke: COLORS.settlement, sw: 1.5 * u },
      ],
      label: s.legend.settlement,
    });
  }
  if (input.territory?.parts.features.length) {
    const tr = input.territory;
    e.push({
      symbol: swatch(COLORS.context, COLORS.sideJapan),
      label: `${s.legend.territoryA}: ${s.fmt.percent(tr.fraction)} (${s.fmt.km2(tr.sideAKm2, 2)})`,
    });
    e.push({
      symbol: swatch(COLORS.context, COLORS.sideRussia),
      label: `${s.legend.territoryB}: ${s.fmt.percent(1 - tr.fraction)} (${s.fmt.km2(tr.sideBKm2, 2)})`,
    });
    if (input.territory.line?.features.length)
      e.push({
        symbol: (x, y, u) => [{ t: 'path', d: `M${r1(x)} ${r1(y)}h${r1(20 * u)}`, stroke: COLORS.cutLine, sw: 3 * u }],
        label: s.legend.territoryLine,
      });
  }
  if (input.userPoints?.length) {
    e.push({
      symbol: (x, y, u) => [
        { t: 'circle', cx: x + 10 * u, cy: y, r: 5 * u, fill: '#222222', stroke: '#fff', sw: 2 * u },
      ],
      label: s.legend.userPoint,
    });
    if (input.selectedUserPoint)
      e.push({
        symbol: (x, y, u) => [
          { t: 'circle', cx: x + 10 * u, cy: y, r: 7 * u, stroke: COLORS.selectedLine, sw: 2.5 * u },
        ],
        label: s.legend.selectedUserPoint(input.selectedUserPoint.id),
      });
    if (input.userPoints.length > 1)
      e.push({
        symbol: (x, y, u) => [
          {
            t: 'circle',
            cx: x + 10 * u,
            cy: y,
            r: 8 * u,
            fill: '#222222',
            fillOpacity: 0.85,
            stroke: '#fff',
            sw: 2 * u,
          },
          {
            t: 'text',
            x: x + 10 * u,
            y: y + 3 * u,
            text: '12',
            size: 8.5 * u,
            weight: 700,
            fill: '#ffffff',
            anchor: 'middle',
          },
        ],
        label: s.legend.userCluster,
      });
  }
  if (input.rings?.features.length) {
    e.push({
      symbol: (x, y, u) => [{ t: 'path', d: `M${r1(x)} ${r1(y)}h${r1(20 * u)}`, stroke: COLORS.ring, sw: 1.5 * u }],
      label: s.legend.rings,
    });
    if (input.rings.features.some((f) => f.properties?.dashed))
      e.push({
        symbol: (x, y, u) => [
          { t: 'path', d: `M${r1(x)} ${r1(y)}h${r1(20 * u)}`, stroke: COLORS.ring, sw: 1.5 * u, dash: [4 * u, 3 * u] },
        ],
        label: s.legend.ringsMax,
      });
  }
  if (sites) {
    const countries = (['RU', 'JP', 'US'] as const).filter((c) => sites.some((x) => x.country === c));
    for (const c of countries)
      e.push({
        symbol: (x, y, u) => siteSymbol(x + 10 * u, y, u, SITE_COLORS[c] ?? '#555555', 'exact', false, ''),
        label: s.legend.countries[c],
      });
    // Only the placements and kinds of the sites shown: a legend of symbols the figure does not hold would
    // have a reader look for them.
    for (const c of (['exact', 'settlement', 'island'] as const).filter((c) => sites.some((x) => x.certainty === c)))
      e.push({
        symbol: (x, y, u) => siteSymbol(x + 10 * u, y, u, '#555555', c, false, ''),
        label: s.legend.certainty[c],
      });
    if (sites.some((x) => x.toJapan))
      e.push({
        symbol: (x, y, u) => siteSymbol(x + 10 * u, y, u, '#555555', 'exact', true, ''),
        label: s.legend.handed,
      });
    for (const k of KINDS.filter((k) => sites.some((x) => x.mark === KIND_MARKS[k])))
      e.push({
        symbol: (x, y, u) => siteSymbol(x + 10 * u, y, u, '#555555', 'exact', false, KIND_MARKS[k]),
        label: `${KIND_MARKS[k]}: ${s.kinds[k]}`,
      });
  }
  return e;
}

/** The outer radius of a site's symbol at scale 1 (siteSymbol: its halo, ring and their strokes). */
function siteRadius(certainty: string, handed: boolean): number {
  const ring = 8 + (certainty === 'exact' ? 3.5 : 2.5) / 2;
  return Math.max(ring, certainty === 'island' ? 13 : 0, handed ? 11 + 3 / 2 : 0);
}

/**
 * A site's symbol as on the map: a white disc with a ring in the country's colour (its style by how well
 * the position is known) and the kind's letters.
 */
function siteSymbol(
  cx: number,
  cy: number,
  u: number,
  color: string,
  certainty: string,
  handed: boolean,
  mark: string,
): Item[] {
  const r = 8 * u;
  const out: Item[] = [];
  if (certainty === 'island') out.push({ t: 'circle', cx, cy, r: r + 5 * u, fill: color, fillOpacity: 0.18 });
  if (handed) out.push({ t: 'circle', cx, cy, r: r + 3 * u, stroke: COLORS.sideJapan, sw: 3 * u });
  out.push({
    t: 'circle',
    cx,
    cy,
    r,
    fill: '#ffffff',
    stroke: color,
    sw: certainty === 'exact' ? 3.5 * u : 2.5 * u,
    dash: certainty === 'settlement' ? [4 * u, 3 * u] : certainty === 'island' ? [1.2 * u, 2 * u] : undefined,
  });
  if (mark)
    out.push({
      t: 'text',
      x: cx,
      y: cy + (mark.length > 1 ? 2.6 : 3) * u,
      text: mark,
      size: (mark.length > 1 ? 7.5 : 8.5) * u,
      weight: 700,
      fill: '#1a1a1a',
      anchor: 'middle',
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The figure

export function buildFigure(
  input: FigureInput,
  size: FigureSize,
  measure: Measure = roughMeasure,
  s: ExportStrings = EXPORT_STRINGS,
): Figure {
  const fixed = size === 'current' ? null : FIXED_SIZES[size];
  const W = fixed ? fixed[0] : Math.round(input.view.width);
  let u = fixed ? Math.min(W / 1200, fixed[1] / 800) : Math.min(Math.max(W / 1100, 0.9), 1.3);
  for (let attempt = 0; ; attempt++) {
    const f = layout(input, W, fixed ? fixed[1] : null, u, measure, s);
    if (f || attempt > 8) return f ?? layout(input, W, null, u, measure, s)!;
    u *= 0.88;
  }
}

/** The figure at text scale u; null if the fixed height leaves the map less than 40 % of it. */
function layout(
  input: FigureInput,
  W: number,
  fixedH: number | null,
  u: number,
  measure: Measure,
  s: ExportStrings,
): Figure | null {
  const pad = 14 * u;
  const inner = W - 2 * pad;
  const items: Item[] = [];
  const texts: string[] = [];
  const text = (
    x: number,
    y: number,
    t: string,
    size: number,
    opts: { weight?: 400 | 700; fill?: string; anchor?: 'start' | 'middle' | 'end'; halo?: number; role?: string } = {},
  ) => {
    items.push({
      t: 'text',
      x: r1(x),
      y: r1(y),
      text: t,
      size: r1(size * 10) / 10,
      weight: opts.weight ?? 400,
      fill: opts.fill ?? '#1a1a1a',
      anchor: opts.anchor,
      halo: opts.halo,
      role: opts.role,
    });
    texts.push(t);
  };

  // Header: the title (the option and its figures), what is cut and on which basis, the dispute.
  const o = input.option;
  const title = o
    ? s.title({
        option: o.name,
        japanPercent: s.fmt.percent(o.japanShare),
        russiaPercent: s.fmt.percent(1 - o.japanShare),
        japanKm2: s.fmt.km2(o.japanKm2),
        russiaKm2: s.fmt.km2(o.russiaKm2),
      })
    : s.appName;
  const subtitle = o
    ? s.subtitle({
        cut: o.cut
          ? {
              island: s.islandNames[o.cut.island] ?? o.cut.island,
              percentToJapan: s.fmt.percent(o.cut.islandFractionToJapan),
              bearing: s.fmt.deg(o.cut.requestedBearingDeg),
            }
          : null,
        basis: s.basis[o.basis],
      })
    : '';
  const titleSize = 18 * u,
    subSize = 12.5 * u,
    lh = 1.3;
  const titleLines = wrap(title, inner, titleSize, 700, measure);
  const subLines = subtitle ? wrap(subtitle, inner, subSize, 400, measure) : [];
  const dispLines = wrap(s.disputed, inner, subSize, 700, measure);
  // A line's box is 1.36 em (Noto's ascent 1.07 em and descent 0.29 em): header lines are stacked by it.
  const ASC = 1.07,
    LINE = 1.36;
  const headerH =
    pad + titleLines.length * titleSize * LINE + (subLines.length + dispLines.length) * subSize * LINE + pad * 0.6;

  // Footer: legend in columns, then sources, attribution, date and data version.
  const legSize = 11.5 * u,
    rowH = Math.max(legSize * 1.45, 20 * u);
  const symW = 26 * u;
  const legendTitleSize = 12 * u;
  const fineSize = 10.5 * u;
  const sourceText = [
    s.sources,
    o?.basis === 'official' && input.basisSource ? s.officialSource(input.basisSource) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const srcLines = wrap(sourceText, inner, fineSize, 400, measure);
  const attLines = wrap(s.attribution, inner, fineSize, 400, measure);
  const madeLines = wrap(
    `${s.made({ date: input.date, dataVersion: input.dataVersion })}. ${s.viewNote}`,
    inner,
    fineSize,
    400,
    measure,
  );
  // How many of the sites in the frame are drawn, when some give way: its lines are reserved before the map
  // is laid out, for the largest count.
  const siteCount = input.sites?.length ?? 0;
  const siteNoteLines = siteCount
    ? wrap(s.sitesDrawn(s.fmt.int(siteCount), s.fmt.int(siteCount)), inner, fineSize, 400, measure).length
    : 0;
  /** The legend's columns and rows, and the map's frame below the header, for these legend entries. */
  const frameFor = (entries: LegendEntry[]) => {
    const maxLabel = Math.min(inner - symW, Math.max(...entries.map((e) => measure(e.label, legSize, 400))));
    const colW = symW + maxLabel + 18 * u;
    const cols = Math.max(1, Math.min(entries.length, Math.floor((inner + 18 * u) / colW)));
    const rows = Math.ceil(entries.length / cols);
    const footerH =
      pad * 0.8 +
      legendTitleSize * lh +
      rows * rowH +
      pad * 0.5 +
      (siteNoteLines + srcLines.length + attLines.length + madeLines.length) * fineSize * lh +
      pad * 0.8;
    const mapH = fixedH === null ? Math.round(input.view.height * (W / input.view.width)) : fixedH - headerH - footerH;
    const H = fixedH ?? Math.ceil(headerH + mapH + footerH);
    return { entries, colW, rows, H, area: { x: 0, y: headerH, w: W, h: mapH } };
  };
  const sitesInFrame = (area: { x: number; y: number; w: number; h: number }) => {
    const proj = fitProjection(input.view, area);
    return (input.sites ?? []).filter((site) => {
      const [x, y] = proj.project(site.lonlat);
      return x >= area.x && x <= area.x + area.w && y >= area.y && y <= area.y + area.h;
    });
  };
  // The legend shows the symbols of the sites in the frame only; the frame's height depends on the legend's
  // rows, and its scale on that height (fitProjection). So: the sites in the frame under the full legend,
  // then the legend of those, until every site in the frame has its symbols in the legend. The set only
  // grows, so this ends (at worst with every site, the full legend).
  let legendSites = sitesInFrame(frameFor(legendEntries(input, s, input.sites)).area);
  let frame = frameFor(legendEntries(input, s, legendSites));
  for (;;) {
    const missing = sitesInFrame(frame.area).filter((x) => !legendSites.includes(x));
    if (!missing.some((x) => !legendCovers(legendSites, x))) break;
    legendSites = [...legendSites, ...missing];
    frame = frameFor(legendEntries(input, s, legendSites));
  }
  const { entries, colW, rows, H, area } = frame;
  if (fixedH !== null && area.h < 0.4 * H) return null;

  items.push({ t: 'rect', x: 0, y: 0, w: W, h: H, fill: '#ffffff' });
  let top = pad;
  for (const l of titleLines) {
    text(pad, top + ASC * titleSize, l, titleSize, { weight: 700, role: 'title' });
    top += titleSize * LINE;
  }
  for (const l of subLines) {
    text(pad, top + ASC * subSize, l, subSize, { fill: '#333333', role: 'subtitle' });
    top += subSize * LINE;
  }
  for (const l of dispLines) {
    text(pad, top + ASC * subSize, l, subSize, { weight: 700, fill: '#333333', role: 'disputed' });
    top += subSize * LINE;
  }

  // The map.
  const proj = fitProjection({ ...input.view, width: input.view.width, height: input.view.height }, area);
  const map: Item[] = [{ t: 'rect', x: area.x, y: area.y, w: area.w, h: area.h, fill: COLORS.sea }];
  const geomPath = (g: Geometry) => pathData(g, proj.project, area);
  const fillLayer = (fc: FeatureCollection | null, fill: string, line: string | null, lw: number, role: string) => {
    if (!fc) return;
    const d = fc.features.map((f) => (f.geometry ? geomPath(f.geometry) : '')).join('');
    if (d) map.push({ t: 'path', d, fill, stroke: line ?? undefined, sw: line ? lw * u : undefined, role });
  };
  fillLayer(input.land.context, COLORS.context, COLORS.contextLine, 0.6, 'context-land');
  fillLayer(input.land.hokkaido, COLORS.hokkaido, COLORS.hokkaidoLine, 0.8, 'hokkaido');
  fillLayer(input.land.islands, COLORS.island, null, 0, 'islands');
  // Parts by side (`side`: japan, russia), in the side colours as on the map: the option's shading, then the
  // user's territory (side A in Japan's colour, as on the map), over the land and under the outlines.
  const sideFills = (fc: FeatureCollection | null | undefined, role: (side: 'japan' | 'russia') => string) => {
    for (const side of ['japan', 'russia'] as const) {
      const fs = (fc?.features ?? []).filter((f) => f.properties?.side === side);
      const d = fs.map((f) => geomPath(f.geometry)).join('');
      if (d)
        map.push({
          t: 'path',
          d,
          fill: side === 'japan' ? COLORS.sideJapan : COLORS.sideRussia,
          fillOpacity: 0.55,
          role: role(side),
        });
    }
  };
  sideFills(input.optionAreas, (side) => `side-${side}`);
  sideFills(input.territory?.parts, (side) => `territory-${side === 'japan' ? 'a' : 'b'}`);
  for (const f of input.territory?.line?.features ?? []) {
    const d = geomPath(f.geometry);
    if (d) map.push({ t: 'path', d, stroke: COLORS.cutLine, sw: 3 * u, role: 'territory-line' });
  }
  for (const f of input.rings?.features ?? []) {
    const d = geomPath(f.geometry);
    if (d)
      map.push({
        t: 'path',
        d,
        stroke: COLORS.ring,
        sw: 1.5 * u,
        dash: f.properties?.dashed ? [4 * u, 3 * u] : undefined,
        role: 'range-ring',
      });
  }
  if (input.land.islands) {
    const d = input.land.islands.features.map((f) => geomPath(f.geometry)).join('');
    if (d) map.push({ t: 'path', d, stroke: COLORS.islandLine, sw: 1.2 * u, role: 'island-outlines' });
  }
  for (const f of input.cutLine?.features ?? []) {
    const d = geomPath(f.geometry);
    if (d) map.push({ t: 'path', d, stroke: COLORS.cutLine, sw: 3 * u, role: 'cut-line' });
  }
  const inArea = ([x, yy]: [number, number]) =>
    x >= area.x && x <= area.x + area.w && yy >= area.y && yy <= area.y + area.h;

  // Scale bar (bottom left) at the map's centre latitude, and the north arrow (top right). Drawn last, but
  // their boxes are known first: names and symbols keep clear of them.
  const latMid = input.view.center[1];
  const mpp = proj.metresPerPx(latMid);
  const maxPx = Math.min(160 * u, area.w * 0.35);
  const metres = maxPx * mpp;
  const pow = 10 ** Math.floor(Math.log10(metres));
  const nice = [5, 2, 1].map((k) => k * pow).find((m) => m <= metres) ?? pow;
  const barPx = nice / mpp;
  const barLabel = nice >= 1000 ? `${nice / 1000} km` : `${nice} m`;
  const bx = area.x + pad,
    by = area.y + area.h - pad;
  const scaleBox: Box = {
    x: bx - 6 * u,
    y: by - 24 * u,
    w: Math.max(barPx, measure(barLabel, 11 * u, 400) + 4 * u) + 12 * u,
    h: 30 * u,
  };
  const nx = area.x + area.w - pad - 14 * u,
    ny = area.y + pad + 4 * u;
  // The disc (radius 19 at ny + 22) and the letter above it (baseline ny + 6, 12 px bold).
  const northBox: Box = { x: nx - 19 * u, y: ny + 6 * u - TEXT_ASCENT * 12 * u, w: 38 * u, h: 0 };
  northBox.h = ny + 41 * u - northBox.y;

  // Everything placed on the map, in the live map's order (src/map/declutter.ts): the scale bar and north
  // arrow (fixed), sites at their own published position (they cannot move), settlement dots (always
  // drawn; names avoid them), island names, settlement names, then the sites known only to a town or
  // an island, fanned out around their point. What finds no free place inside the frame gives way.
  const candidates: Candidate[] = [];
  const draws = new Map<string, (dx: number, dy: number) => Item>();
  const keepAlways = new Set<string>();
  const M = 2; // kept clear of the frame's edge
  const fits = (b: Box) =>
    b.x >= area.x + M && b.x + b.w <= area.x + area.w - M && b.y >= area.y + M && b.y + b.h <= area.y + area.h - M;
  /** A candidate whose own position may lie outside the frame: its first offset inside becomes its base. */
  const offsets = new Map<string, [number, number]>();
  const add = (
    id: string,
    priority: number,
    box: Box,
    shifts: [number, number][],
    draw: (dx: number, dy: number) => Item,
  ) => {
    draws.set(id, draw);
    const inside = [[0, 0] as [number, number], ...shifts].filter(([dx, dy]) =>
      fits({ ...box, x: box.x + dx, y: box.y + dy }),
    );
    const base = inside[0];
    if (!base) return;
    offsets.set(id, base);
    candidates.push({
      id,
      priority,
      box: { ...box, x: box.x + base[0], y: box.y + base[1] },
      shifts: inside.slice(1).map(([dx, dy]) => [dx - base[0], dy - base[1]]),
    });
  };
  candidates.push({ id: 'scale', priority: -1, box: scaleBox }, { id: 'north', priority: -1, box: northBox });

  const scaled = (shifts: readonly (readonly [number, number])[]) =>
    shifts.map(([dx, dy]) => [dx * u, dy * u] as [number, number]);
  /** A text's box: its advance width, the font's ascent and descent, and room for its halo. */
  const textBox = (x: number, baseline: number, w: number, size: number, halo: number): Box => ({
    x: x - halo / 2,
    y: baseline - TEXT_ASCENT * size - halo / 2,
    w: w + halo,
    h: (TEXT_ASCENT + TEXT_DESCENT) * size + halo,
  });
  const circleBox = (q: [number, number], r: number): Box => ({ x: q[0] - r, y: q[1] - r, w: 2 * r, h: 2 * r });

  const siteIn = (input.sites ?? []).map((site) => ({ site, q: proj.project(site.lonlat) })).filter((s) => inArea(s.q));
  siteIn.forEach(({ site, q }, i) => {
    const exact = site.certainty === 'exact';
    const box = circleBox(q, siteRadius(site.certainty, site.toJapan) * u);
    add(`site-${i}`, exact ? 0 : 4, box, exact ? [] : scaled(SITE_FAN), (dx, dy) => ({
      t: 'group',
      role: 'placed site-symbol',
      items: siteSymbol(r1(q[0] + dx), r1(q[1] + dy), u, site.color, site.certainty, site.toJapan, site.mark),
    }));
  });
  // The user's points gathered into discs with counts, as on the map (figure-clusters.ts), drawn beneath
  // everything placed. As on the map, the middle of each (where a count is) is a soft obstacle: names and
  // fanned sites move off it where they can, and are never hidden for it.
  const userMarks: Item[] = [];
  const userBoxes: Box[] = [];
  const userIn = (input.userPoints ?? []).map((p) => proj.project(p)).filter(inArea);
  for (const c of clusterScreenPoints(userIn, CLUSTER_RADIUS_PX * u)) {
    const alone = c.count === 1;
    const r = (alone ? USER_POINT_RADIUS - 1 : clusterRadius(c.count)) * u;
    const [x, y] = [r1(c.x), r1(c.y)];
    userBoxes.push(circleBox([c.x, c.y], 0.7 * (r + USER_POINT_STROKE * u)));
    userMarks.push(
      alone
        ? { t: 'circle', cx: x, cy: y, r, fill: '#222222', stroke: '#ffffff', sw: USER_POINT_STROKE * u }
        : {
            t: 'group',
            role: 'user-cluster',
            items: [
              { t: 'circle', cx: x, cy: y, r, fill: '#222222', fillOpacity: 0.85, stroke: '#ffffff', sw: 2 * u },
              {
                t: 'text',
                x,
                y: y + 3.8 * u,
                text: abbreviatedCount(c.count),
                size: 11 * u,
                weight: 700,
                fill: '#ffffff',
                anchor: 'middle',
              },
            ],
          },
    );
  }
  // Larger towns first: where two dots touch, the larger one keeps its place for names to avoid.
  const dots = (input.settlements ?? [])
    .map((st) => ({ st, q: proj.project(st.lonlat) }))
    .filter((d) => inArea(d.q))
    .map((d) => ({ ...d, r: (3 + Math.min(1, (Number(d.st.population) || 0) / 8000) * 4) * u * 0.9 }))
    .sort((a, b) => (Number(b.st.population) || 0) - (Number(a.st.population) || 0));
  dots.forEach(({ q, r }, i) => {
    keepAlways.add(`dot-${i}`);
    add(`dot-${i}`, 1, circleBox(q, r + 0.7 * u), [], () => ({
      t: 'circle',
      cx: r1(q[0]),
      cy: r1(q[1]),
      r: r1(r),
      fill: '#ffffff',
      stroke: COLORS.settlement,
      sw: 1.4 * u,
    }));
  });
  // Island names (both conventions on two lines when both are chosen).
  const labelSize = 13 * u,
    labelHalo = 3 * u;
  if (input.showLabels) {
    const features = [...(input.land.hokkaido?.features ?? []), ...(input.land.islands?.features ?? [])];
    features.forEach((f, i) => {
      if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return;
      const q = proj.project(labelPoint(f.geometry as Polygon | MultiPolygon));
      if (!inArea(q)) return;
      const lines = labelText(f.properties ?? {}, input.lang).split('\n');
      const w = Math.max(...lines.map((l) => measure(l, labelSize, 400)));
      // Baselines of the lines, the block centred on the label point.
      const first = q[1] - ((lines.length - 1) * ISLAND_LINE * labelSize) / 2 + labelSize * 0.39;
      const box = textBox(q[0] - w / 2, first, w, labelSize, labelHalo);
      box.h += (lines.length - 1) * ISLAND_LINE * labelSize;
      add(`island-${i}`, 2, box, scaled(NAME_SHIFTS), (dx, dy) => ({
        t: 'group',
        role: 'placed island-name',
        items: lines.map((l, k) => ({
          t: 'text',
          x: r1(q[0] + dx),
          y: r1(first + dy + k * ISLAND_LINE * labelSize),
          text: l,
          size: labelSize,
          fill: COLORS.label,
          anchor: 'middle',
          halo: labelHalo,
        })),
      }));
      texts.push(...lines);
    });
  }
  // Settlement names: right of the dot, else left, below or above it.
  const nameSize = 11 * u,
    nameHalo = 2.5 * u;
  dots.forEach(({ st, q, r }, i) => {
    const w = measure(st.label, nameSize, 400);
    const gapX = r + 3 * u;
    const baseline = q[1] + nameSize * 0.35;
    const box = textBox(q[0] + gapX, baseline, w, nameSize, nameHalo);
    const below = r + 1 * u - (box.y - q[1]);
    const above = -(r + 1 * u) - (box.y + box.h - q[1]);
    const centre = -gapX - w / 2;
    const shifts: [number, number][] = [
      [-2 * gapX - w, 0],
      [centre, below],
      [centre, above],
    ];
    add(`name-${i}`, 3, box, shifts, (dx, dy) => ({
      t: 'text',
      x: r1(q[0] + gapX + dx),
      y: r1(baseline + dy),
      text: st.label,
      size: nameSize,
      fill: '#1a1a1a',
      halo: nameHalo,
      role: 'placed settlement-name',
    }));
  });

  const placement = declutter(candidates, userBoxes);
  const drawn = (id: string): Item | null => {
    const draw = draws.get(id);
    const base = offsets.get(id);
    const shift = placement.shown.get(id);
    if (!draw) return null;
    if (base && shift) return draw(base[0] + shift[0], base[1] + shift[1]);
    return keepAlways.has(id) ? draw(base?.[0] ?? 0, base?.[1] ?? 0) : null;
  };
  map.push(...userMarks);
  const selected = input.selectedUserPoint && proj.project(input.selectedUserPoint.lonlat);
  if (selected && inArea(selected))
    map.push({
      t: 'group',
      role: 'selected-user-point',
      items: [
        { t: 'circle', cx: r1(selected[0]), cy: r1(selected[1]), r: 11 * u, stroke: COLORS.selectedLine, sw: 3 * u },
      ],
    });
  for (const prefix of ['dot-', 'site-', 'island-', 'name-'])
    for (const id of draws.keys()) {
      if (!id.startsWith(prefix)) continue;
      const it = drawn(id);
      if (!it) continue;
      map.push(it);
      if (prefix === 'name-' && it.t === 'text') texts.push(it.text);
    }
  const sitesShown = siteIn.filter((_, i) => placement.shown.has(`site-${i}`));
  texts.push(...sitesShown.map((s) => s.site.mark));

  map.push({ t: 'rect', ...scaleBox, fill: '#ffffff', fillOpacity: 0.85 });
  map.push({
    t: 'path',
    d: `M${r1(bx)} ${r1(by - 8 * u)}V${r1(by)}H${r1(bx + barPx)}V${r1(by - 8 * u)}`,
    stroke: '#1a1a1a',
    sw: 2 * u,
    role: 'scale-bar',
  });
  map.push({ t: 'path', d: `M${r1(bx + barPx / 2)} ${r1(by - 4 * u)}V${r1(by)}`, stroke: '#1a1a1a', sw: 1.2 * u });
  map.push({
    t: 'text',
    x: r1(bx + 4 * u),
    y: r1(by - 11 * u),
    text: barLabel,
    size: 11 * u,
    fill: '#1a1a1a',
    role: 'scale-label',
  });
  texts.push(barLabel);
  map.push({ t: 'circle', cx: r1(nx), cy: r1(ny + 22 * u), r: 19 * u, fill: '#ffffff', fillOpacity: 0.85 });
  const arrow =
    `M${r1(nx)} ${r1(ny + 8 * u)}L${r1(nx + 8 * u)} ${r1(ny + 34 * u)}` +
    `L${r1(nx)} ${r1(ny + 28 * u)}L${r1(nx - 8 * u)} ${r1(ny + 34 * u)}Z`;
  map.push({ t: 'path', d: arrow, fill: '#1a1a1a', role: 'north-arrow' });
  map.push({
    t: 'text',
    x: r1(nx),
    y: r1(ny + 6 * u),
    text: s.northArrow,
    size: 12 * u,
    weight: 700,
    fill: '#1a1a1a',
    anchor: 'middle',
    halo: 2.5 * u,
    role: 'north-label',
  });
  texts.push(s.northArrow);
  items.push({ t: 'clip', x: area.x, y: area.y, w: area.w, h: area.h, items: map });
  items.push({ t: 'rect', x: area.x + 0.5, y: area.y + 0.5, w: area.w - 1, h: area.h - 1, stroke: '#8a8a8a', sw: 1 });

  // Footer.
  let y = area.y + area.h + pad * 0.8 + legendTitleSize;
  text(pad, y, s.legendTitle, legendTitleSize, { weight: 700, role: 'legend-title' });
  y += legendTitleSize * (lh - 1) + rowH * 0.5;
  entries.forEach((e, i) => {
    const c = Math.floor(i / rows),
      r = i % rows;
    const x = pad + c * colW,
      yy = y + r * rowH + rowH * 0.05;
    items.push(...e.symbol(x, yy, u));
    const lines = wrap(e.label, inner - symW, legSize, 400, measure);
    text(x + symW, yy + legSize * 0.35, lines[0] ?? '', legSize, { role: 'legend' });
  });
  y += rows * rowH + pad * 0.2;
  const siteNote =
    sitesShown.length < siteIn.length
      ? wrap(s.sitesDrawn(s.fmt.int(sitesShown.length), s.fmt.int(siteIn.length)), inner, fineSize, 400, measure)
      : [];
  siteNote
    .slice(0, siteNoteLines)
    .forEach((l, k) => text(pad, y + (k + 1) * fineSize * lh, l, fineSize, { role: 'sites-drawn' }));
  y += siteNoteLines * fineSize * lh;
  for (const l of srcLines) {
    y += fineSize * lh;
    text(pad, y, l, fineSize, { fill: '#333333', role: 'sources' });
  }
  for (const l of attLines) {
    y += fineSize * lh;
    text(pad, y, l, fineSize, { fill: '#333333', role: 'attribution' });
  }
  for (const l of madeLines) {
    y += fineSize * lh;
    text(pad, y, l, fineSize, { fill: '#555555', role: 'made' });
  }

  return { width: W, height: Math.ceil(H), items, font: FIGURE_FONT, title, texts };
}

/** Sites of the map's site features (siteFeatures) as the figure draws them. */
export function figureSites(fc: FeatureCollection<Point> | null): FigureSite[] | null {
  if (!fc) return null;
  return fc.features.map((f: Feature<Point>) => {
    const p = f.properties ?? {};
    return {
      lonlat: f.geometry.coordinates,
      mark: String(p.mark ?? ''),
      country: String(p.country ?? ''),
      color: String(p.color ?? '#555'),
      certainty: String(p.certainty ?? 'exact'),
      toJapan: !!p.to_japan,
    };
  });
}
