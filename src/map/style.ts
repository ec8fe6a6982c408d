/**
 * The map style, built in code: no tiles, sprites, glyph server or web fonts from any other origin.
 * Without `glyphs`, MapLibre draws label text with the browser's local fonts.
 * Colours are neutral (no flag colours): sea, context land, Hokkaido, the disputed islands.
 */
import type {
  StyleSpecification,
  LayerSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
} from 'maplibre-gl';
import { POINT_TILE_LAYER, POINT_TILE_MAX_ZOOM } from './point-tile-spec.ts';

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
  // The first view, before any option is chosen: the four islands in one neutral "disputed" grey,
  // neither side's colour.
  disputed: '#8c8c8c',
  cutLine: '#1a1a1a',
  settlement: '#333333',
  // Sites by country (Okabe-Ito reddish purple, blue, vermillion).
  siteRU: '#CC79A7',
  siteJP: '#0072B2',
  siteUS: '#D55E00',
  ring: '#5b3a72',
  halo: '#ffffff',
};

/** Local fonts: MapLibre rasterises these families in the browser (CJK via its ideograph fallback). */
const LABEL_FONT = ['sans-serif'];

/** The property every feature carries: the layers of the two shared sources pick theirs by it. */
export const LAYER_KIND = 'layer_kind';
/** The values of {@link LAYER_KIND}. */
export const KIND = {
  context: 'context',
  hokkaido: 'hokkaido',
  island: 'island',
  optionArea: 'option-area',
  cutLine: 'cut-line',
  ring: 'ring',
  territory: 'territory',
  territoryLine: 'territory-line',
  historyArea: 'history-area',
  historyLine: 'history-line',
  seaLine: 'sea-line',
} as const;

/** A layer restricted to one kind of feature (and to its own filter, if any). */
export function ofKind<T extends { filter?: unknown }>(layer: T, kind: string, extra?: unknown): T {
  const mine = ['==', ['get', LAYER_KIND], kind];
  const filters = [mine, layer.filter, extra].filter(Boolean);
  return { ...layer, filter: filters.length === 1 ? mine : ['all', ...filters] } as T;
}

/**
 * Each combination of constant and data-driven paint values is a separate shader program, and in
 * software WebGL each program costs a noticeable compile before the first frame. So fills and lines
 * use constant colours (split into one layer per colour where needed), fills skip anti-aliasing (a
 * program of its own; their edges are drawn by line layers or lie on them), and names, settlements
 * and sites are HTML over the map (see AtlasMap).
 */
type L<T extends LayerSpecification['type']> = Omit<Extract<LayerSpecification, { type: T }>, 'source'>;

/** The user's points on the map (px): a point alone, and a cluster's disc by its count ([from count, radius]). */
export const USER_POINT_RADIUS = 6;
export const USER_POINT_STROKE = 2;
const CLUSTER_RADII: [number, number][] = [
  [0, 11],
  [10, 14],
  [100, 17],
  [1000, 21],
];
/** How far (px) a point or a cluster of `count` points reaches from its centre on the map, outline included. */
export function userPointReach(count: number | null): number {
  return (count == null ? USER_POINT_RADIUS : clusterRadius(count)) + USER_POINT_STROKE;
}
/** The radius (px, outline excluded) of the disc of a cluster of `count` points. */
export function clusterRadius(count: number): number {
  return CLUSTER_RADII.filter(([from]) => count >= from).at(-1)![1];
}

export const LAYERS = {
  contextFill: {
    id: 'context-fill',
    type: 'fill',
    paint: { 'fill-antialias': false, 'fill-color': COLORS.context },
  } as L<'fill'>,
  contextLine: {
    id: 'context-line',
    type: 'line',
    paint: { 'line-color': COLORS.contextLine, 'line-width': 0.6 },
  } as L<'line'>,
  hokkaidoFill: {
    id: 'hokkaido-fill',
    type: 'fill',
    paint: { 'fill-antialias': false, 'fill-color': COLORS.hokkaido },
  } as L<'fill'>,
  hokkaidoLine: {
    id: 'hokkaido-line',
    type: 'line',
    paint: { 'line-color': COLORS.hokkaidoLine, 'line-width': 0.8 },
  } as L<'line'>,
  islandsFill: {
    id: 'islands-fill',
    type: 'fill',
    paint: { 'fill-antialias': false, 'fill-color': COLORS.island, 'fill-opacity': 0.95 },
  } as L<'fill'>,
  islandsLine: {
    id: 'islands-line',
    type: 'line',
    paint: { 'line-color': COLORS.islandLine, 'line-width': 1.2 },
  } as L<'line'>,
  /** Outline of the selected island; its filter is set from the selection. */
  islandsSelected: {
    id: 'islands-selected',
    type: 'line',
    paint: { 'line-color': COLORS.selectedLine, 'line-width': 3 },
  } as L<'line'>,
  optionFill: {
    id: 'option-fill',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'japan'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideJapan, 'fill-opacity': 0.55 },
  } as L<'fill'>,
  optionFillDisputed: {
    id: 'option-fill-disputed',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'disputed'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.disputed, 'fill-opacity': 0.6 },
  } as L<'fill'>,
  optionFillRussia: {
    id: 'option-fill-russia',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'russia'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideRussia, 'fill-opacity': 0.55 },
  } as L<'fill'>,
  cutLine: { id: 'cut-line', type: 'line', paint: { 'line-color': COLORS.cutLine, 'line-width': 3 } } as L<'line'>,
  rings: {
    id: 'range-rings',
    type: 'line',
    filter: ['!=', ['get', 'dashed'], true],
    paint: { 'line-color': COLORS.ring, 'line-width': 1.5 },
  } as L<'line'>,
  /** The largest reported range of a system, when larger than its usual figure: dashed. */
  ringsMax: {
    id: 'range-rings-max',
    type: 'line',
    filter: ['==', ['get', 'dashed'], true],
    paint: { 'line-color': COLORS.ring, 'line-width': 1.5, 'line-dasharray': [4, 3] },
  } as L<'line'>,
  ringLabels: {
    id: 'range-ring-labels',
    type: 'symbol',
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 11,
      'symbol-spacing': 400,
    },
    paint: { 'text-color': COLORS.ring, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
  } as L<'symbol'>,
  territoryFill: {
    id: 'territory-fill',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'japan'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideJapan, 'fill-opacity': 0.55 },
  } as L<'fill'>,
  territoryFillOther: {
    id: 'territory-fill-other',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'russia'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideRussia, 'fill-opacity': 0.55 },
  } as L<'fill'>,
  territoryLine: {
    id: 'territory-line',
    type: 'line',
    paint: { 'line-color': COLORS.cutLine, 'line-width': 3 },
  } as L<'line'>,
  /**
   * History (src/ui/HistoryPanel.tsx): areas by who held or administered them in the chosen year, and the
   * lines then in force.
   */
  historyFillJapan: {
    id: 'history-fill-japan',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'japan'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideJapan, 'fill-opacity': 0.45 },
  } as L<'fill'>,
  historyFillRussia: {
    id: 'history-fill-russia',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'russia'],
    paint: { 'fill-antialias': false, 'fill-color': COLORS.sideRussia, 'fill-opacity': 0.45 },
  } as L<'fill'>,
  historyFillUndivided: {
    id: 'history-fill-undivided',
    type: 'fill',
    filter: ['==', ['get', 'side'], 'undivided'],
    paint: { 'fill-antialias': false, 'fill-color': '#8c8c8c', 'fill-opacity': 0.45 },
  } as L<'fill'>,
  historyLine: {
    id: 'history-line',
    type: 'line',
    paint: { 'line-color': '#1a1a1a', 'line-width': 2.5, 'line-dasharray': [3, 2] },
  } as L<'line'>,
  /** The sea (src/geo/maritime): the equidistance boundary, the 200 nm limit of the region, the 12 nm limit. */
  seaBoundary: {
    id: 'sea-boundary',
    type: 'line',
    filter: ['==', ['get', 'line'], 'boundary'],
    paint: { 'line-color': '#5b2a86', 'line-width': 2.5, 'line-dasharray': [2, 1] },
  } as L<'line'>,
  seaEez: {
    id: 'sea-eez',
    type: 'line',
    filter: ['==', ['get', 'line'], 'eez'],
    paint: { 'line-color': '#44627a', 'line-width': 1.2, 'line-dasharray': [6, 3] },
  } as L<'line'>,
  seaTs: {
    id: 'sea-ts',
    type: 'line',
    filter: ['==', ['get', 'line'], 'ts'],
    paint: { 'line-color': '#44627a', 'line-width': 0.8 },
  } as L<'line'>,
  // The user's points, from clustered vector tiles (point-tiles.ts): a cluster is a larger dark disc with
  // its count; a point alone is the small one.
  userClusters: {
    id: 'user-clusters',
    type: 'circle',
    'source-layer': POINT_TILE_LAYER,
    filter: ['has', 'point_count'],
    paint: {
      'circle-radius': ['step', ['get', 'point_count'], CLUSTER_RADII[0]![1], ...CLUSTER_RADII.slice(1).flat()],
      'circle-color': '#222222',
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': USER_POINT_STROKE,
    },
  } as L<'circle'>,
  userClusterCounts: {
    id: 'user-cluster-counts',
    type: 'symbol',
    'source-layer': POINT_TILE_LAYER,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': LABEL_FONT,
      'text-size': 11,
      // The count sits inside its own disc: it neither hides nor is hidden by other labels.
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#ffffff' },
  } as L<'symbol'>,
  userPoints: {
    id: 'user-points',
    type: 'circle',
    'source-layer': POINT_TILE_LAYER,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-radius': USER_POINT_RADIUS,
      'circle-color': '#222222',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': USER_POINT_STROKE,
    },
  } as L<'circle'>,
  /** The point whose details are open: a ring around it, in the selected island's outline colour. */
  userPointSelected: {
    id: 'user-point-selected',
    type: 'circle',
    'source-layer': POINT_TILE_LAYER,
    filter: selectedUserPointFilter(null),
    paint: {
      'circle-radius': 11,
      'circle-opacity': 0,
      'circle-stroke-color': COLORS.selectedLine,
      'circle-stroke-width': 3,
    },
  } as L<'circle'>,
};

/** The filter of the selected imported point's ring (a point drawn alone, never a cluster). */
export function selectedUserPointFilter(id: string | null): FilterSpecification {
  return ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], id ?? '']];
}

/** The view that shows eastern Hokkaido and all four islands. */
export const HOME_BOUNDS: [[number, number], [number, number]] = [
  [143.6, 42.9],
  [149.0, 45.7],
];

/** The first data of the map's two GeoJSON sources (a collection, or a URL MapLibre loads it from). */
export interface StyleData {
  land: GeoJSONSourceSpecification['data'];
  overlay: GeoJSONSourceSpecification['data'];
  /**
   * The tiles of the user's imported points (point-tile-source.ts): a vector source of its own, so that
   * 100,000 points never travel with an option change, nor through the page's thread at all.
   */
  userTiles: string;
}
export interface StyleBasemap {
  tiles: readonly string[];
  maxzoom: number;
  attribution: string;
}

/** The filter of the selected island's outline. */
export function selectedIslandFilter(selectedId: string | null): FilterSpecification {
  return ofKind(LAYERS.islandsSelected, KIND.island, ['==', ['get', 'id'], selectedId ?? ''])
    .filter as FilterSpecification;
}

/**
 * The whole style, with its sources, data and layers. Given to the map in one piece, so the map cannot
 * draw a frame or report itself idle without them (sources added after the style has loaded can lose
 * that race, and the first idle map is then an empty one). Everything travels in two GeoJSON sources,
 * 'land' (static) and 'overlay' (what the user's choices compute): every source finishes its tiles at
 * its own moment, and each costs the map another frame. With an online basemap the context and
 * Hokkaido fills are left out (the basemap shows the land).
 */
export function atlasStyle(
  data: StyleData,
  opts: { basemap?: StyleBasemap | null; selectedId?: string | null; selectedUserPointId?: string | null } = {},
): StyleSpecification {
  const { basemap = null, selectedId = null, selectedUserPointId = null } = opts;
  type AnyLayer = { id: string; filter?: unknown };
  const land = (layer: AnyLayer, kind: string) => ({ ...ofKind(layer, kind), source: 'land' }) as LayerSpecification;
  const overlay = (layer: AnyLayer, kind: string) =>
    ({ ...ofKind(layer, kind), source: 'overlay' }) as LayerSpecification;
  return {
    version: 8,
    name: 'atlas-offline',
    // No paint transitions: every change is drawn in one frame (fewer frames before idle; calmer for
    // users who prefer reduced motion).
    transition: { duration: 0, delay: 0 },
    // tolerance 1 (default 0.375) and buffer 32 (default 128), in pixels: less geometry for MapLibre's
    // worker to simplify and cut into tiles before the first frame. Outlines move by at most a pixel at
    // the zoom drawn; every figure is computed from the full geometry, never from tiles.
    sources: {
      ...(basemap
        ? {
            basemap: {
              type: 'raster',
              tiles: [...basemap.tiles],
              tileSize: 256,
              maxzoom: basemap.maxzoom,
              attribution: basemap.attribution,
            },
          }
        : {}),
      land: {
        type: 'geojson',
        data: data.land,
        attribution: '© OpenStreetMap contributors (ODbL)',
        tolerance: 1,
        buffer: 32,
      },
      overlay: { type: 'geojson', data: data.overlay, tolerance: 1, buffer: 32 },
      user: { type: 'vector', tiles: [data.userTiles], maxzoom: POINT_TILE_MAX_ZOOM },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      ...(basemap
        ? [
            {
              id: 'basemap',
              type: 'raster',
              source: 'basemap',
              paint: { 'raster-opacity': 0.85 },
            } as LayerSpecification,
          ]
        : []),
      ...(basemap
        ? []
        : [
            land(LAYERS.contextFill, KIND.context),
            land(LAYERS.contextLine, KIND.context),
            land(LAYERS.hokkaidoFill, KIND.hokkaido),
          ]),
      land(LAYERS.hokkaidoLine, KIND.hokkaido),
      land(LAYERS.islandsFill, KIND.island),
      overlay(LAYERS.optionFill, KIND.optionArea),
      overlay(LAYERS.optionFillRussia, KIND.optionArea),
      overlay(LAYERS.optionFillDisputed, KIND.optionArea),
      overlay(LAYERS.historyFillJapan, KIND.historyArea),
      overlay(LAYERS.historyFillRussia, KIND.historyArea),
      overlay(LAYERS.historyFillUndivided, KIND.historyArea),
      overlay(LAYERS.territoryFill, KIND.territory),
      overlay(LAYERS.territoryFillOther, KIND.territory),
      overlay(LAYERS.rings, KIND.ring),
      overlay(LAYERS.ringsMax, KIND.ring),
      // Island outlines above the option shading, below the lines and symbols.
      land(LAYERS.islandsLine, KIND.island),
      { ...land(LAYERS.islandsSelected, KIND.island), filter: selectedIslandFilter(selectedId) } as LayerSpecification,
      overlay(LAYERS.seaTs, KIND.seaLine),
      overlay(LAYERS.seaEez, KIND.seaLine),
      overlay(LAYERS.seaBoundary, KIND.seaLine),
      overlay(LAYERS.cutLine, KIND.cutLine),
      overlay(LAYERS.territoryLine, KIND.territoryLine),
      overlay(LAYERS.historyLine, KIND.historyLine),
      overlay(LAYERS.ringLabels, KIND.ring),
      { ...LAYERS.userClusters, source: 'user' } as LayerSpecification,
      { ...LAYERS.userClusterCounts, source: 'user' } as LayerSpecification,
      { ...LAYERS.userPoints, source: 'user' } as LayerSpecification,
      {
        ...LAYERS.userPointSelected,
        source: 'user',
        filter: selectedUserPointFilter(selectedUserPointId),
      } as LayerSpecification,
    ],
  };
}
