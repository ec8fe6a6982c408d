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
  userPoint: 'user-point', label: 'label',
} as const;

/** A layer restricted to one kind of feature (and to its own filter, if any). */
export function ofKind<T extends { filter?: unknown }>(layer: T, kind: string, extra?: unknown): T {
  const mine = ['==', ['get', 'layer_kind'], kind];
  const filters = [mine, layer.filter, extra].filter(Boolean);
  return { ...layer, filter: filters.length === 1 ? mine : ['all', ...filters] } as T;
}

type L<T extends LayerSpecification['type']> = Omit<Extract<LayerSpecification, { type: T }>, 'source'>;

export const LAYERS = {
  contextFill: { id: 'context-fill', type: 'fill', paint: { 'fill-color': COLORS.context } } as L<'fill'>,
  contextLine: { id: 'context-line', type: 'line', paint: { 'line-color': COLORS.contextLine, 'line-width': 0.6 } } as L<'line'>,
  hokkaidoFill: { id: 'hokkaido-fill', type: 'fill', paint: { 'fill-color': COLORS.hokkaido } } as L<'fill'>,
  hokkaidoLine: { id: 'hokkaido-line', type: 'line', paint: { 'line-color': COLORS.hokkaidoLine, 'line-width': 0.8 } } as L<'line'>,
  islandsFill: { id: 'islands-fill', type: 'fill', paint: { 'fill-color': COLORS.island, 'fill-opacity': 0.95 } } as L<'fill'>,
  islandsLine: { id: 'islands-line', type: 'line', paint: { 'line-color': COLORS.islandLine, 'line-width': 1.2 } } as L<'line'>,
  /** Outline of the selected island; its filter is set from the selection. */
  islandsSelected: { id: 'islands-selected', type: 'line', paint: { 'line-color': COLORS.selectedLine, 'line-width': 3 } } as L<'line'>,
  optionFill: {
    id: 'option-fill', type: 'fill',
    paint: { 'fill-color': ['match', ['get', 'side'], 'japan', COLORS.sideJapan, COLORS.sideRussia], 'fill-opacity': 0.55 },
  } as L<'fill'>,
  cutLine: { id: 'cut-line', type: 'line', paint: { 'line-color': COLORS.cutLine, 'line-width': 2.5, 'line-dasharray': [3, 1.5] } } as L<'line'>,
  settlements: {
    id: 'settlements', type: 'circle',
    paint: { 'circle-radius': ['interpolate', ['linear'], ['get', 'population'], 0, 3, 8000, 7], 'circle-color': '#ffffff', 'circle-stroke-color': COLORS.settlement, 'circle-stroke-width': 1.5 },
  } as L<'circle'>,
  settlementLabels: {
    id: 'settlement-labels', type: 'symbol', minzoom: 7,
    layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
    paint: { 'text-color': '#333', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
  } as L<'symbol'>,
  siteUncertainty: {
    id: 'sites-uncertainty', type: 'circle', filter: ['==', ['get', 'certainty'], 'island'],
    paint: { 'circle-radius': 16, 'circle-color': ['get', 'color'], 'circle-opacity': 0.12, 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 1, 'circle-stroke-opacity': 0.5 },
  } as L<'circle'>,
  siteHandedOver: {
    id: 'sites-handed-over', type: 'circle', filter: ['==', ['get', 'to_japan'], true],
    paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': COLORS.sideJapan, 'circle-stroke-width': 3 },
  } as L<'circle'>,
  sites: {
    id: 'sites', type: 'circle',
    paint: {
      'circle-radius': 8,
      // Exact positions filled; town-centre and island-only positions hollow.
      'circle-color': ['case', ['==', ['get', 'certainty'], 'exact'], ['get', 'color'], '#ffffff'],
      'circle-stroke-color': ['get', 'color'],
      'circle-stroke-width': ['case', ['==', ['get', 'certainty'], 'exact'], 1, 2.5],
    },
  } as L<'circle'>,
  siteMarks: {
    id: 'site-marks', type: 'symbol',
    layout: { 'text-field': ['get', 'mark'], 'text-font': LABEL_FONT, 'text-size': 9, 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': ['case', ['==', ['get', 'certainty'], 'exact'], '#ffffff', '#1a1a1a'] },
  } as L<'symbol'>,
  rings: { id: 'range-rings', type: 'line', filter: ['!=', ['get', 'dashed'], true], paint: { 'line-color': COLORS.ring, 'line-width': 1.5 } } as L<'line'>,
  /** The largest reported range of a system, when larger than its usual figure: dashed. */
  ringsMax: { id: 'range-rings-max', type: 'line', filter: ['==', ['get', 'dashed'], true], paint: { 'line-color': COLORS.ring, 'line-width': 1.5, 'line-dasharray': [4, 3] } } as L<'line'>,
  ringLabels: {
    id: 'range-ring-labels', type: 'symbol',
    layout: { 'symbol-placement': 'line', 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'symbol-spacing': 400 },
    paint: { 'text-color': COLORS.ring, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
  } as L<'symbol'>,
  territoryFill: {
    id: 'territory-fill', type: 'fill',
    paint: { 'fill-color': ['match', ['get', 'side'], 'japan', COLORS.sideJapan, COLORS.sideRussia], 'fill-opacity': 0.55, 'fill-outline-color': '#333' },
  } as L<'fill'>,
  territoryLine: { id: 'territory-line', type: 'line', paint: { 'line-color': COLORS.cutLine, 'line-width': 2.5, 'line-dasharray': [3, 1.5] } } as L<'line'>,
  userPoints: {
    id: 'user-points', type: 'circle',
    paint: { 'circle-radius': 6, 'circle-color': '#222222', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  } as L<'circle'>,
  labels: {
    id: 'island-labels', type: 'symbol',
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 15],
      'text-line-height': 1.25,
      'text-allow-overlap': false,
      'text-padding': 2,
    },
    paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.6 },
  } as L<'symbol'>,
};

/** The view that shows eastern Hokkaido and all four islands. */
export const HOME_BOUNDS: [[number, number], [number, number]] = [[143.6, 42.9], [149.0, 45.7]];
