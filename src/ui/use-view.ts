/**
 * The page's view of the state: the pure derivations of src/state/derive-view.ts, each memoised on what it
 * reads (so a pan of the map recomputes nothing), plus the MapLibre features made from them (src/map).
 */
import { useMemo } from 'react';
import type { Feature, MultiPolygon } from 'geojson';
import { toSites, type Site, type SystemInfo } from '../data/deployments.ts';
import { TABLES } from '../data/tables.ts';
import { VILLAGES } from '../data/villages.ts';
import { defaultBearing, type OptionSpec } from '../geo/shares.ts';
import { useT } from '../i18n/index.ts';
import { disputedFeatures, optionFeatures } from '../map/option-features.ts';
import { rangeRings, siteFeatures } from '../map/site-features.ts';
import { createPresetCache } from '../state/option-cache.ts';
import {
  bboxOf,
  deriveOptions,
  drawnOption,
  handedSites,
  historyMap,
  isNeutral,
  keepInView,
  layerData,
  layersSettled,
  pageShareContext,
  ringSites,
  settlementFeatures,
  shownSites,
  territoryFeatures,
  territoryLineFeatures,
} from '../state/derive-view.ts';
import type { AppState } from '../state/store.ts';
import { HISTORY_FIRST_YEAR, THIS_YEAR } from '../state/years.ts';
import type { HistoryLayers } from './use-history-data.ts';
import type { OptionMeta } from './OptionsPanel.tsx';
import type { Exercise } from './DeploymentsPanel.tsx';
import { ringLabel, siteButtonName } from './site-text.ts';
import type { LoadedImport } from '../data/import.ts';
import { userPointsUnderOptionCached } from '../geo/point-islands.ts';
import { concatPointSets, pointById } from '../geo/user-points.ts';
import { usePointIslands } from './use-point-islands.ts';
import type { SplitView } from './import-service.ts';

// The tables are checked on load (src/data/tables.ts): a broken one is null and its problems are listed on the page.
export const OPTIONS: (OptionSpec & OptionMeta)[] = TABLES.options?.options ?? [];
export const SETTLEMENTS = TABLES.settlements?.settlements ?? [];
export const SYSTEMS: SystemInfo[] = TABLES.systems?.systems ?? [];
export const EXERCISES: Exercise[] = TABLES.exercises?.exercises ?? [];

/** The preset options' results, kept once per basis and bearing for the life of the page (option-cache.ts). */
const presets = createPresetCache();

export function useView(
  state: AppState,
  panelsReady: boolean,
  history: HistoryLayers,
  territorySource: LoadedImport | null,
  territorySplit: { view: SplitView | null },
) {
  const { f, t, lang } = useT();
  const { link, layers } = state;
  const islands = layerData(layers, 'islands');
  const hokkaido = layerData(layers, 'hokkaido');
  const context = layerData(layers, 'context');
  const deployments = layerData(layers, 'deployments');
  const settled = layersSettled(layers);
  const ctx = useMemo(() => (state.computeStarted ? pageShareContext(islands) : null), [state.computeStarted, islands]);
  // The map's overlay waits for the options (held-data.ts), so its first idle frame is the complete one.
  const overlayReady = settled && state.computeStarted;

  const { option, share, basis, bearing } = link;
  const options = useMemo(
    () => (ctx ? deriveOptions(ctx, { option, share, basis, bearing }, OPTIONS, panelsReady, presets) : null),
    [ctx, option, share, basis, bearing, panelsReady],
  );
  const neutral = isNeutral(link);
  const current = drawnOption(link, options);
  const longAxis = ctx ? defaultBearing(ctx, current?.cut?.island ?? 'etorofu') : null;
  const optionLayers = useMemo(
    () => (ctx && neutral ? disputedFeatures(ctx) : ctx && current ? optionFeatures(ctx, current) : null),
    [ctx, current, neutral],
  );

  const year = link.year ?? THIS_YEAR;
  const allSites = useMemo<Site[]>(() => (deployments ? toSites(deployments) : []), [deployments]);
  const shown = useMemo(() => shownSites(allSites, state.siteChoice, year), [allSites, state.siteChoice, year]);
  const handed = useMemo(() => handedSites(ctx, current, allSites, year), [ctx, current, allSites, year]);
  const partition = link.layers.includes('partition');
  const sitesFc = useMemo(
    () =>
      siteFeatures(shown, new Set(partition ? (handed?.toJapan ?? []) : []), (s, toJapan) =>
        siteButtonName(t, lang, s, toJapan),
      ),
    [shown, handed, partition, t, lang],
  );
  const selectedSite = allSites.find((s) => s.id === link.site) ?? null;
  const ringsFc = useMemo(() => {
    const of = ringSites(link.rings, shown, selectedSite);
    return of && rangeRings(of, SYSTEMS, year, ringLabel(t, lang, f));
  }, [link.rings, shown, selectedSite, year, t, lang, f]);
  const settlementsFc = useMemo(() => settlementFeatures(SETTLEMENTS, link.lang, f.int), [link.lang, f]);

  const userPoints = useMemo(() => concatPointSets(state.imports.map((d) => d.points)), [state.imports]);
  const islandsKnown = usePointIslands(ctx, userPoints);
  const userUnder = useMemo(
    () =>
      ctx && current && userPoints.n && islandsKnown ? userPointsUnderOptionCached(ctx, current, userPoints) : null,
    [ctx, current, userPoints, islandsKnown],
  );
  const territory = territorySource?.territory ?? null;
  const territoryBounds = territory ? (territorySource?.territoryInfo?.bbox ?? bboxOf(territory.coordinates)) : null;
  const territoryResult = territorySplit.view?.result ?? null;
  const territoryFc = useMemo(() => territoryFeatures(territoryResult), [territoryResult]);
  const territoryLineFc = useMemo(() => territoryLineFeatures(territoryResult), [territoryResult]);

  const historyYear = link.history ?? HISTORY_FIRST_YEAR;
  const historyFeatures = useMemo(
    () => (state.historyOnMap && history.history ? historyMap(history.history, historyYear, islands, VILLAGES) : null),
    [state.historyOnMap, history.history, historyYear, islands],
  );
  const inView = useMemo(
    () => keepInView(state.importedView, state.followChanges, current),
    [state.importedView, state.followChanges, current],
  );
  const selectedIsland = useMemo(
    () =>
      (islands?.features.find((x) => x.properties?.id === link.island) as Feature<MultiPolygon> | undefined) ?? null,
    [islands, link.island],
  );
  const selectedUserPoint = useMemo(
    () => (state.userPointId === null ? null : pointById(userPoints, state.userPointId)),
    [userPoints, state.userPointId],
  );

  return {
    islands,
    hokkaido,
    context,
    deployments,
    settled,
    overlayReady,
    ctx,
    options,
    neutral,
    current,
    longAxis,
    optionLayers,
    year,
    allSites,
    shownSites: shown,
    handed,
    sitesFc,
    selectedSite,
    ringsFc,
    settlementsFc,
    userPoints,
    userUnder,
    territorySource,
    territoryBounds,
    territoryResult,
    territoryFc,
    territoryLineFc,
    historyYear,
    historyFeatures,
    keepInView: inView,
    selectedIsland,
    selectedUserPoint,
  };
}

export type PageView = ReturnType<typeof useView>;
