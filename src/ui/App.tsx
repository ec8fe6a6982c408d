/**
 * The page: composes the state (one reducer, src/state/store.ts, kept in the link by use-link-state.ts),
 * the view derived from it (use-view.ts, src/state/derive-view.ts), the map and the side panel.
 */
import { useCallback, useDeferredValue, useEffect, useMemo } from 'react';
import { MapProvider } from 'react-map-gl/maplibre';
import { loadAllLayers } from '../data/load-layers.ts';
import { tableProblemsForDisplay } from '../data/tables.ts';
import { VILLAGES } from '../data/villages.ts';
import { errorMessage } from '../data/error-message.ts';
import type { OptionResult } from '../geo/shares.ts';
import { isOnlinePage, type BasemapId } from '../map/basemap.ts';
import { useSea } from '../map/use-sea.ts';
import { i18n, linkMessages, optionText, useT, useUiLanguageFromLink } from '../i18n/index.ts';
import { layerProblems, layersSettled, newestTerritory, placeName, seaLineFeatures } from '../state/derive-view.ts';
import { LAYER_NAMES } from '../state/store.ts';
import { parseUrlState, type UrlState } from '../state/url-state.ts';
import { FIRST_YEAR, THIS_YEAR } from '../state/years.ts';
import { ISLAND_ORDER } from '../geo/shares.ts';
import { UiLanguageControl } from './LanguageControl.tsx';
import { IslandsSection } from './IslandsSection.tsx';
import { MapPane } from './MapPane.tsx';
import { SidePanel } from './SidePanel.tsx';
import { importClient } from './import-client.ts';
import { download } from './page-exports.ts';
import { fileProblem, useImportActions } from './use-import-actions.ts';
import { useAtlasState } from './use-link-state.ts';
import { useHistoryLayers } from './use-history-data.ts';
import { useTerritorySplit } from './use-territory-split.ts';
import { OPTIONS, SETTLEMENTS, useView } from './use-view.ts';

const OPTION_IDS = OPTIONS.map((o) => o.id);
const TABLE_PROBLEMS = tableProblemsForDisplay();

// The link's notices are worded in the interface language of the moment they are read (src/i18n).
const parseLink = (hash: string) =>
  parseUrlState(hash, OPTION_IDS, ISLAND_ORDER, [FIRST_YEAR, THIS_YEAR], linkMessages(i18n.t.bind(i18n)));

// On online.html the basemap is fixed for the life of the page: a link that changes it reloads the page.
const reloadOnBasemapChange = (next: UrlState, prev: UrlState) => {
  if (isOnlinePage(location.pathname) && next.basemap !== prev.basemap) location.reload();
};

export function App() {
  const { t, lang, f } = useT();
  const [state, dispatch] = useAtlasState(parseLink, reloadOnBasemapChange);
  const { link } = state;
  // The interface language follows the link's ui= (else the browser's languages); the switcher in the header writes it.
  useUiLanguageFromLink(link.ui);

  useEffect(() => {
    let live = true;
    let later: ReturnType<typeof setTimeout> | undefined;
    // All layers in one update: the map then adds every source at once and draws fewer frames. The options
    // are computed in the next task, after this render has started the map: the map's start-up (WebGL, its
    // worker taking the land) overlaps the computation instead of waiting for it.
    loadAllLayers([...LAYER_NAMES]).then((layers) => {
      if (!live) return;
      dispatch({ type: 'layersLoaded', layers });
      later = setTimeout(() => dispatch({ type: 'computeStarted' }), 0);
    });
    return () => {
      live = false;
      clearTimeout(later);
    };
  }, [dispatch]);

  const imports = useImportActions(dispatch);
  const territorySource = useMemo(() => newestTerritory(state.imports), [state.imports]);
  // Split in the import worker; the figures come from the full territory, the parts drawn are a copy
  // simplified when large (use-territory-split.ts).
  const { share, bearing, anchor } = state.territory;
  const territorySplit = useTerritorySplit(
    importClient(),
    territorySource?.territory ? territorySource : null,
    anchor,
    bearing,
    share,
  );
  const history = useHistoryLayers(state.historyOpen);
  // The side panel is drawn in a deferred render after the options are computed: the map is what the
  // user waits for, and the panel's rendering fits between the map's first frames.
  const panelsReady = useDeferredValue(state.computeStarted && layersSettled(state.layers), false);
  const v = useView(state, panelsReady, history, territorySource, territorySplit);

  // The sea (src/geo/maritime), in a Web Worker started when the Sea layer is first shown.
  const showSea = link.layers.includes('sea');
  const sea = useSea(
    showSea,
    { islands: v.islands, hokkaido: v.hokkaido, context: v.context },
    v.ctx,
    v.current,
    v.options?.results ?? [],
  );
  const { envelope, tsLimit, current: seaNow } = sea;
  const seaLines = useMemo(
    () => (showSea ? seaLineFeatures(envelope, tsLimit, seaNow?.boundary ?? null) : null),
    [showSea, envelope, tsLimit, seaNow],
  );

  // The basemap exists only on online.html, whose policy allows its tile server.
  const basemap: BasemapId | null = isOnlinePage(location.pathname) ? (link.basemap ?? 'osm') : null;
  const optionName = (r: OptionResult) =>
    r.id === 'custom'
      ? lang === 'en'
        ? r.name
        : t('options.customName', { pct: f.pct(r.japanShare * 100, 2) })
      : optionText(OPTIONS.find((o) => o.id === r.id) ?? r, 'name', lang);
  const namePlace = useCallback(
    (id: string, english: string) => placeName(lang, id, english, SETTLEMENTS, VILLAGES),
    [lang],
  );
  const exportSplit = () => {
    const source = territorySource;
    if (!source || !v.territoryResult) return;
    importClient()
      .exportSplit(source.name, territorySplit.params)
      .then(
        (text) => download(`${source.name.replace(/\.[^.]*$/, '')}-split.geojson`, 'application/geo+json', text),
        (e) =>
          dispatch({
            type: 'importRefused',
            problems: [fileProblem(source.name, `the split could not be exported (${errorMessage(e)})`)],
          }),
      );
  };

  const heading = (
    <header>
      <UiLanguageControl onChange={(ui) => dispatch({ type: 'link', patch: { ui } })} />
      <h1>{t('app.title')}</h1>
      <p className="sub">{t('app.subtitle')}</p>
    </header>
  );
  return (
    <MapProvider>
      <div className="app">
        {!panelsReady ? (
          <aside className="side" aria-label={t('app.sideLabel')} aria-busy="true">
            {heading}
            <p className="hint" role="status">
              {v.settled ? t('app.computing') : t('app.loading')}
            </p>
          </aside>
        ) : (
          <SidePanel
            state={state}
            v={v}
            dispatch={dispatch}
            heading={heading}
            problems={[...TABLE_PROBLEMS, ...layerProblems(state.layers)]}
            sea={sea}
            history={history}
            imports={imports}
            territorySplit={territorySplit}
            onExportSplit={exportSplit}
            optionName={optionName}
            placeName={namePlace}
            islandsSection={<IslandsSection link={link} islands={v.islands} basemap={basemap} dispatch={dispatch} />}
          />
        )}
        <MapPane
          state={state}
          v={v}
          dispatch={dispatch}
          basemap={basemap}
          seaLines={seaLines}
          seaImage={showSea ? sea.image : null}
          optionName={optionName}
        />
      </div>
    </MapProvider>
  );
}
