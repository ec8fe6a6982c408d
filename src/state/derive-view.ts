/**
 * What the map and the panels draw, derived from the state (store.ts) by pure functions: the options'
 * results, the sites shown and handed over, the history's areas for a year, the territory's parts, the
 * sea's lines. No React, no MapLibre: each runs and is tested in Node (tests/unit/state*.test.ts).
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { LayerState } from '../data/load-layers.ts';
import type { LayerName } from '../data/schemas.ts';
import type { ValidationProblem } from '../data/validate.ts';
import type { LoadedImport } from '../data/import.ts';
import { outerRingsBox } from '../geo/rings.ts';
import { errorMessage } from '../data/error-message.ts';
import { SHARE_TABLES_OK, TABLES, type SettlementRow } from '../data/tables.ts';
import { villagesForShares, type VillagesTable } from '../data/villages.ts';
import {
  createShareContext,
  customOption,
  computeOption,
  type OptionResult,
  type OptionSpec,
  type ShareContext,
} from '../geo/shares.ts';
import { standingIn, type Site } from '../geo/military.ts';
import { sitesUnderOption } from '../geo/sites.ts';
import { historyAt, type HistoryStatus } from '../geo/history.ts';
import type { HistoryData } from '../data/history.ts';
import type { PartitionResult } from '../geo/partition.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { PresetResult } from './option-cache.ts';
import { NO_OPTION, type LabelLanguage, type RingMode, type UrlState } from './url-state.ts';
import { LAYER_NAMES, type Bounds, type SiteChoice } from './store.ts';

export function layerData(layers: Record<LayerName, LayerState>, name: LayerName): FeatureCollection<Geometry> | null {
  const s = layers[name];
  return s.status === 'ok' ? s.data : null;
}

/** Every layer has loaded or failed. */
export const layersSettled = (layers: Record<LayerName, LayerState>) =>
  LAYER_NAMES.every((n) => layers[n].status !== 'loading');

/** The problems of the layers that failed, in the layers' order. */
export const layerProblems = (layers: Record<LayerName, LayerState>): ValidationProblem[] =>
  LAYER_NAMES.flatMap((n) => {
    const s = layers[n];
    return s.status === 'error' ? s.problems : [];
  });

/** The islands' areas and people as the options need them; null when a table or the islands are broken. */
export function pageShareContext(islands: FeatureCollection<Geometry> | null): ShareContext | null {
  if (!islands || !SHARE_TABLES_OK) return null;
  try {
    return createShareContext(
      islands,
      Object.fromEntries((TABLES.officialAreas?.areas ?? []).map((a) => [a.id, a.area_km2])),
      Object.fromEntries((TABLES.populations?.islands ?? []).map((p) => [p.id, p])),
      TABLES.settlements?.settlements ?? [],
      villagesForShares(),
    );
  } catch {
    return null;
  }
}

/** No option chosen (the first view): the islands are drawn as disputed, nothing is handed over. */
export const isNeutral = (link: Pick<UrlState, 'option'>) => link.option === NO_OPTION;

export interface OptionsView {
  /** The options listed in the table: the current one alone until the side panel is drawn. */
  results: OptionResult[];
  /** The option of the link (the first preset while none is chosen: the panel's slider starts from it). */
  current: OptionResult | null;
  error: string | null;
}

/**
 * The options' results for the link's choices. `withTable`: also every preset (the side panel is drawn);
 * `preset`: how a preset is computed (option-cache.ts keeps each once per basis and bearing).
 */
export function deriveOptions(
  ctx: ShareContext,
  link: Pick<UrlState, 'option' | 'share' | 'basis' | 'bearing'>,
  options: readonly OptionSpec[],
  withTable: boolean,
  preset: PresetResult,
): OptionsView {
  const first = options[0];
  try {
    let current: OptionResult;
    if (link.option === 'custom') {
      const spec = customOption(ctx, link.share, link.basis);
      current = computeOption(ctx, spec, link.basis, link.bearing ?? undefined);
    } else {
      const spec = options.find((o) => o.id === link.option) ?? first;
      if (!spec) return { results: [], current: null, error: null };
      current = preset(ctx, spec, link.basis, link.bearing);
    }
    if (!withTable) return { results: [current], current, error: null };
    const results = options.map((o) => preset(ctx, o, link.basis, link.bearing));
    return { results: link.option === 'custom' ? [...results, current] : results, current, error: null };
  } catch (e) {
    return { results: [], current: null, error: errorMessage(e) };
  }
}

/** The option drawn on the map and named in the legend: none in the neutral first view. */
export const drawnOption = (link: Pick<UrlState, 'option'>, options: OptionsView | null): OptionResult | null =>
  isNeutral(link) ? null : (options?.current ?? null);

/** The newest import with a territory: the one split and drawn. */
export const newestTerritory = (imports: readonly LoadedImport[]): LoadedImport | null =>
  [...imports].reverse().find((d) => d.territory) ?? null;

/** The sites standing in `year` that pass the filters. */
export const shownSites = (all: readonly Site[], choice: SiteChoice, year: number): Site[] =>
  standingIn([...all], year).filter(
    (s) =>
      choice.countries.includes(s.props.country) &&
      choice.kinds.includes(s.props.kind) &&
      choice.certainties.includes(s.props.certainty),
  );

/** Sites handed over under the option: among those standing in the year on the slider, whatever the filters. */
export const handedSites = (ctx: ShareContext | null, current: OptionResult | null, all: Site[], year: number) =>
  ctx && current ? sitesUnderOption(ctx, current, standingIn(all, year)) : null;

/** The sites whose reported ranges are drawn. */
export function ringSites(mode: RingMode, shown: Site[], selected: Site | null): Site[] | null {
  if (mode === 'none') return null;
  return mode === 'all' ? shown : selected ? [selected] : [];
}

export type HistorySide = 'japan' | 'russia' | 'undivided';
export interface HistoryMap {
  areas: FeatureCollection;
  lines: FeatureCollection;
  villages: { id: string; name: string; population: number; households: number; lon: number; lat: number }[];
}

const historySide = (st: HistoryStatus | undefined): HistorySide | null =>
  st === 'japan' ? 'japan' : st === 'undivided' ? 'undivided' : st ? 'russia' : null;

/** Who held each area in `year`, the lines in force then, and the 1945 village seats with a position. */
export function historyMap(
  h: HistoryData,
  year: number,
  islands: FeatureCollection<Geometry> | null,
  villages: VillagesTable | null,
): HistoryMap {
  const at = historyAt(h.events, year);
  const areas: Feature[] = [];
  for (const f of h.regionFeatures) {
    const side = historySide(at.areas[f.properties.region]);
    if (side) areas.push({ type: 'Feature', properties: { id: f.properties.id, side }, geometry: f.geometry });
  }
  const four = historySide(at.areas['four-islands']);
  if (four)
    for (const f of islands?.features ?? [])
      areas.push({
        type: 'Feature',
        properties: { id: `history-${f.properties?.id}`, side: four },
        geometry: f.geometry,
      });
  const lines = h.lines
    .filter((l) => at.lines.includes(l.properties.id))
    .map((l): Feature => ({ type: 'Feature', properties: { id: l.properties.id }, geometry: l.geometry }));
  const seats = (villages?.villages ?? []).flatMap((v) =>
    v.seat?.kind === 'point'
      ? [
          {
            id: v.id,
            name: v.name_en,
            population: v.population,
            households: v.households,
            lon: v.seat.lon,
            lat: v.seat.lat,
          },
        ]
      : [],
  );
  return {
    areas: { type: 'FeatureCollection', features: areas },
    lines: { type: 'FeatureCollection', features: lines },
    villages: seats,
  };
}

/** The sea's lines: the 200 nm limit, the 12 nm limit and the maritime boundary (property `line`). */
export function seaLineFeatures(
  envelope: Position[] | null,
  tsLimit: MultiLineString | null,
  boundary: MultiLineString | null,
): FeatureCollection | null {
  if (!envelope) return null;
  const line = (name: string, geometry: Geometry): Feature => ({
    type: 'Feature',
    properties: { line: name },
    geometry,
  });
  return {
    type: 'FeatureCollection',
    features: [
      line('eez', { type: 'LineString', coordinates: envelope }),
      ...(tsLimit ? [line('ts', tsLimit)] : []),
      ...(boundary ? [line('boundary', boundary)] : []),
    ],
  };
}

/** An imported territory's two parts (property `side`: japan for side A, russia for side B). */
export function territoryFeatures(r: PartitionResult | null): FeatureCollection | null {
  if (!r) return null;
  const part = (side: string, geometry: Geometry): Feature => ({ type: 'Feature', properties: { side }, geometry });
  return {
    type: 'FeatureCollection',
    features: [
      ...(r.japanSide ? [part('japan', r.japanSide)] : []),
      ...(r.otherSide ? [part('russia', r.otherSide)] : []),
    ],
  };
}

export const territoryLineFeatures = (r: PartitionResult | null): FeatureCollection<LineString> | null =>
  r?.line ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: r.line }] } : null;

/** Settlements as dots, labelled in the map's naming convention with their population (`int` formats it). */
export const settlementFeatures = (
  settlements: readonly SettlementRow[],
  lang: LabelLanguage,
  int: (n: number) => string,
): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: settlements.map((s) => {
    const name = lang === 'ja' ? s.name_ja : lang === 'ru' ? s.name_ru : s.name_en;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        id: s.id,
        population: s.population,
        label: `${name}${s.population !== null ? ` · ${int(s.population)}` : ''}`,
      },
    };
  }),
});

/** The bounds of polygons' outer rings. */
export function bboxOf(polys: readonly Position[][][]): Bounds {
  const [w, s, e, n] = outerRingsBox(polys);
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * What must be on screen: a territory just imported, else (once the user has changed the option) the cut
 * line. The link's own view is left where the link put it.
 */
export function keepInView(importedView: Bounds | null, followChanges: boolean, current: OptionResult | null) {
  if (importedView) return importedView;
  const line = current?.cut?.line?.coordinates;
  return followChanges && line ? bboxOf([[line]]) : null;
}

/**
 * A settlement's or 1945 village's name in running text of the interface language, in that language's
 * convention; English (and a place without a name in the language) uses the English name.
 */
export function placeName(
  lang: UiLanguage,
  id: string,
  english: string,
  settlements: readonly SettlementRow[],
  villages: VillagesTable | null,
): string {
  if (lang === 'en') return english;
  const s = settlements.find((x) => x.id === id);
  const v = (villages?.villages ?? []).find((x) => x.id === id);
  const own = lang === 'ja' ? (s?.name_ja ?? v?.name_ja) : (s?.name_ru ?? v?.name_ru);
  return own || english;
}

/** Japan's share of the sea under each listed option, by option id. */
export const seaShares = (others: Record<string, { japanShare: number }>) =>
  Object.fromEntries(Object.entries(others).map(([id, x]) => [id, x.japanShare]));
