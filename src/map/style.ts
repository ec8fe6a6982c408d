/**
 * The map style, built in code: no tiles, sprites, glyph server or web fonts from any other origin.
 * Without `glyphs`, MapLibre draws label text with the browser's local fonts.
 * Colours are neutral (no flag colours): sea, context land, Hokkaido, the disputed islands.
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';

export const COLORS = {
  sea: '#c9dde8',
  context: '#e6e2d8',
  contextLine: '#b9b3a5',
  hokkaido: '#ddd5c1',
  hokkaidoLine: '#9c927c',
  island: '#f0cf8e',
  islandLine: '#8a6a2c',
  selectedLine: '#1d3557',
  label: '#2b2b2b',
  // Okabe-Ito orange and bluish green: neutral (no flag colours) and distinguishable under the
  // common colour-vision deficiencies.
  sideJapan: '#E69F00',
  sideRussia: '#009E73',
  cutLine: '#1a1a1a',
  settlement: '#333333',
  // Sites by country (Okabe-Ito reddish purple, blue, vermillion).
  siteRU: '#CC79A7',
  siteJP: '#0072B2',
  siteUS: '#D55E00',
  ring: '#5b3a72',
  halo: '#ffffff',
};

export const BASE_STYLE: StyleSpecification = {
  version: 8,
  name: 'atlas-offline',
  // No paint transitions: every change is drawn in one frame (fewer frames before idle; calmer for
  // users who prefer reduced motion).
  transition: { duration: 0, delay: 0 },
  sources: {},
  layers: [{ id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } }],
};

/** Local fonts: MapLibre rasterises these families in the browser (CJK via its ideograph fallback). */
export const LABEL_FONT = ['sans-serif'];

/** Every feature carries `layer_kind`: the layers of the two shared sources pick theirs by it. */
export const KIND = {
  context: 'context', hokkaido: 'hokkaido', island: 'island', optionArea: 'option-area', cutLine: 'cut-line',
  settlement: 'settlement', site: 'site', ring: 'ring', territory: 'territory', territoryLine: 'territory-line',
  userPoint: 'user-point',
} as const;

/** A layer restricted to one kind of feature (and to its own filter, if any). */
export function ofKind<T extends { filter?: unknown }>(layer: T, kind: string, extra?: unknown): T {
  const mine = ['==', ['get', 'layer_kind'], kind];
  const filters = [mine, layer.filter, extra].filter(Boolean);
  return { ...layer, filter: filters.length === 1 ? mine : ['all', ...filters] } as T;
}

/**
 * Each combination of constant and data-driven paint values is a separate shader program, and in
 * software WebGL each program costs a noticeable compile before the first frame. So every circle
 * layer reads the same set of values from the data (this wrapper makes a constant data-driven), and
 * fills and lines use constant colours, split into one layer per colour where needed. Fills skip
 * anti-aliasing (a program of its own): their edges are drawn by line layers or lie on them.
 */
const dd = (v: string | number): unknown => (typeof v === 'number' ? ['to-number', ['coalesce', ['get', '_style'], v]] : ['to-color', ['coalesce', ['get', '_style'], v]]);
const circlePaint = (p: { r: unknown; fill: unknown; stroke: unknown; sw: unknown; op?: unknown; sop?: unknown }): Record<string, unknown> => ({
  'circle-radius': typeof p.r === 'number' ? dd(p.r) : p.r,
  'circle-color': typeof p.fill === 'string' ? dd(p.fill) : p.fill,
  'circle-stroke-color': typeof p.stroke === 'string' ? dd(p.stroke) : p.stroke,
  'circle-stroke-width': typeof p.sw === 'number' ? dd(p.sw) : p.sw,
  'circle-opacity': dd((p.op as number) ?? 1),
  'circle-stroke-opacity': dd((p.sop as number) ?? 1),
});

type L<T extends LayerSpecification['type']> = Omit<Extract<LayerSpecification, { type: T }>, 'source'>;

export const LAYERS = {
  contextFill: { id: 'context-fill', type: 'fill', paint: { 'fill-antialias': false, 'fill-color': COLORS.context } } as L<'fill'>,
  contextLine: { id: 'context-line', type: 'line', paint: { 'line-color': COLORS.contextLine, 'line-width': 0.6 } } as L<'line'>,
  hokkaidoFill: { id: 'hokkaido-fill', type: 'fill', paint: { 'fill-antialias': false, 'fill-color': COLORS.hokkaido } } as L<'fill'>,
  hokkaidoLine: { id: 'hokkaido-line', type: 'line', paint: { 'line-color': COLORS.hokkaidoLine, 'line-width': 0.8 } } as L<'line'>,
  islandsFill: { id: 'islands-fill', type: 'fill', paint: { 'fill-antialias': false, 'fill-color': COLORS.island, 'fill-opacity': 0.95 } } as L<'fill'>,
  islandsLine: { id: 'islands-line', type: 'line', paint: { 'line-color': COLORS.islandLine, 'line-width': 1.2 } } as L<'line'>,
  /** Outline of the selected island; its filter is set from the selection. */
  islandsSelected: { id: 'islands-selected', type: 'line', paint: { 'line-color': COLORS.selectedLine, 'line-width': 3 } } as L<'line'>,
  optionFill: { id: 'option-fill', type: 'fill', filter: ['==', ['get', 'side'], 'japan'], paint: { 'fill-antialias': false, 'fill-color': COLORS.sideJapan, 'fill-opacity': 0.55 } } as L<'fill'>,
  optionFillRussia: { id: 'option-fill-russia', type: 'fill', filter: ['==', ['get', 'side'], 'russia'], paint: { 'fill-antialias': false, 'fill-color': COLORS.sideRussia, 'fill-opacity': 0.55 } } as L<'fill'>,
  cutLine: { id: 'cut-line', type: 'line', paint: { 'line-color': COLORS.cutLine, 'line-width': 3 } } as L<'line'>,
  settlements: {
    id: 'settlements', type: 'circle',
    paint: circlePaint({ r: ['interpolate', ['linear'], ['get', 'population'], 0, 3, 8000, 7], fill: '#ffffff', stroke: COLORS.settlement, sw: 1.5 }),
  } as L<'circle'>,
  settlementLabels: {
    id: 'settlement-labels', type: 'symbol', minzoom: 7,
    layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
    paint: { 'text-color': '#333', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
  } as L<'symbol'>,
  siteUncertainty: {
    id: 'sites-uncertainty', type: 'circle', filter: ['==', ['get', 'certainty'], 'island'],
    paint: circlePaint({ r: 16, fill: ['get', 'color'], stroke: ['get', 'color'], sw: 1, op: 0.12, sop: 0.5 }),
  } as L<'circle'>,
  siteHandedOver: {
    id: 'sites-handed-over', type: 'circle', filter: ['==', ['get', 'to_japan'], true],
    paint: circlePaint({ r: 12, fill: 'rgba(0,0,0,0)', stroke: COLORS.sideJapan, sw: 3 }),
  } as L<'circle'>,
  sites: {
    id: 'sites', type: 'circle',
    // Exact positions filled; town-centre and island-only positions hollow.
    paint: circlePaint({
      r: 8,
      fill: ['case', ['==', ['get', 'certainty'], 'exact'], ['get', 'color'], '#ffffff'],
      stroke: ['get', 'color'],
      sw: ['case', ['==', ['get', 'certainty'], 'exact'], 1, 2.5],
    }),
  } as L<'circle'>,
  rings: { id: 'range-rings', type: 'line', filter: ['!=', ['get', 'dashed'], true], paint: { 'line-color': COLORS.ring, 'line-width': 1.5 } } as L<'line'>,
  /** The largest reported range of a system, when larger than its usual figure: dashed. */
  ringsMax: { id: 'range-rings-max', type: 'line', filter: ['==', ['get', 'dashed'], true], paint: { 'line-color': COLORS.ring, 'line-width': 1.5, 'line-dasharray': [4, 3] } } as L<'line'>,
  ringLabels: {
    id: 'range-ring-labels', type: 'symbol',
    layout: { 'symbol-placement': 'line', 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'symbol-spacing': 400 },
    paint: { 'text-color': COLORS.ring, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
  } as L<'symbol'>,
  territoryFill: { id: 'territory-fill', type: 'fill', filter: ['==', ['get', 'side'], 'japan'], paint: { 'fill-antialias': false, 'fill-color': COLORS.sideJapan, 'fill-opacity': 0.55 } } as L<'fill'>,
  territoryFillOther: { id: 'territory-fill-other', type: 'fill', filter: ['==', ['get', 'side'], 'russia'], paint: { 'fill-antialias': false, 'fill-color': COLORS.sideRussia, 'fill-opacity': 0.55 } } as L<'fill'>,
  territoryLine: { id: 'territory-line', type: 'line', paint: { 'line-color': COLORS.cutLine, 'line-width': 3 } } as L<'line'>,
  userPoints: {
    id: 'user-points', type: 'circle',
    paint: circlePaint({ r: 6, fill: '#222222', stroke: '#ffffff', sw: 2 }),
  } as L<'circle'>,
};

/** The view that shows eastern Hokkaido and all four islands. */
export const HOME_BOUNDS: [[number, number], [number, number]] = [[143.6, 42.9], [149.0, 45.7]];
