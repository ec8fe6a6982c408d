/** The side panel: the link's notices, the details open, the options, the sea, history, sites and imports. */
import type { Dispatch, ReactNode } from 'react';
import { optionGeoJson, optionIslandsCsv, userPointsCsv } from '../data/exports.ts';
import { TABLES } from '../data/tables.ts';
import { KIND_LABELS } from '../data/deployments.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { normalizeBearing } from '../geo/partition.ts';
import type { OptionResult } from '../geo/shares.ts';
import type { SeaState } from '../map/use-sea.ts';
import { seaShares } from '../state/derive-view.ts';
import type { Action, AppState, LinkNotice } from '../state/store.ts';
import { DEFAULT_STATE, type UrlState } from '../state/url-state.ts';
import { useT } from '../i18n/index.ts';
import { DataProblems } from './DataProblems.tsx';
import { DeploymentsPanel } from './DeploymentsPanel.tsx';
import { siteName } from './site-text.ts';
import { DetailsSection } from './DetailsSection.tsx';
import { PartBoundary } from './ErrorBoundary.tsx';
import { ExportControls } from './ExportControls.tsx';
import { HistorySection } from './HistorySection.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { PointFinder } from './PointFinder.tsx';
import { OptionsPanel } from './OptionsPanel.tsx';
import { SeaPanel } from './SeaPanel.tsx';
import { StoredImports } from './StoredImports.tsx';
import { TerritoryPanel } from './TerritoryPanel.tsx';
import { basisSource, download, exportMeta, figureInput, sourcesFor } from './page-exports.ts';
import type { useImportActions } from './use-import-actions.ts';
import type { HistoryLayers } from './use-history-data.ts';
import type { TerritorySplit } from './use-territory-split.ts';
import { EXERCISES, OPTIONS, type PageView } from './use-view.ts';
import { pointById } from '../geo/user-points.ts';
import { userPointSides } from '../geo/point-islands.ts';

export interface SidePanelProps {
  state: AppState;
  v: PageView;
  dispatch: Dispatch<Action>;
  heading: ReactNode;
  problems: ValidationProblem[];
  sea: SeaState;
  history: HistoryLayers;
  imports: ReturnType<typeof useImportActions>;
  territorySplit: TerritorySplit;
  onExportSplit: () => void;
  optionName: (r: OptionResult) => string;
  placeName: (id: string, english: string) => string;
  /** The islands section (IslandsSection), last in the panel. */
  islandsSection: ReactNode;
}

export function SidePanel(p: SidePanelProps) {
  const { t, lang } = useT();
  const { state, v, dispatch } = p;
  const { link } = state;
  const update = (patch: Partial<UrlState>) => dispatch({ type: 'link', patch });
  const choose = (patch: Partial<UrlState>) => dispatch({ type: 'option', patch });
  const showSea = link.layers.includes('sea');
  const showSites = link.layers.includes('deployments');
  const options = v.options;
  const current = options?.current ?? null;
  const territory = v.territorySource;
  return (
    <aside className="side" aria-label={t('app.sideLabel')}>
      {p.heading}
      {state.notices.length > 0 && <LinkNotices notices={state.notices} dispatch={dispatch} />}
      <DataProblems problems={p.problems} />
      <DetailsSection v={v} dispatch={dispatch} />
      {options?.error && (
        <div className="problems" role="alert">
          {t('app.computeFailed', { error: options.error })}
        </div>
      )}
      {v.ctx && options && current && (
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
            results={options.results}
            current={current}
            neutral={v.neutral}
            optionSources={TABLES.options?.sources ?? []}
            basisSource={basisSource(link.basis)}
            basis={link.basis}
            share={link.share}
            bearing={link.bearing}
            longAxisBearing={v.longAxis}
            onOption={(option) => choose({ option })}
            onShare={(share) => choose({ option: 'custom', share })}
            onBearing={(bearing) => choose({ bearing })}
            onBasis={(basis) => update({ basis })}
            onExportGeoJson={() => {
              const ctx = v.ctx;
              if (!ctx) return;
              const geojson = optionGeoJson(current, (id) => ctx.islands.get(id)?.feature, {
                ...exportMeta(),
                sources: sourcesFor(current),
                sea: showSea && p.sea.currentFor === current ? p.sea.current : null,
                seaLimits: showSea ? { limit200nm: p.sea.envelope, limit12nm: p.sea.tsLimit } : null,
              });
              download(`${current.id}-${link.basis}.geojson`, 'application/geo+json', JSON.stringify(geojson));
            }}
            userPoints={v.userUnder}
            onShowUserPoint={(id) => {
              const point = pointById(v.userPoints, id);
              if (point) dispatch({ type: 'showUserPoint', point });
            }}
            onExportUserPoints={() => {
              if (!v.ctx) return;
              const sides = userPointSides(v.ctx, current, v.userPoints);
              download(
                `your-points-${current.id}-${link.basis}.csv`,
                'text/csv',
                userPointsCsv(v.userPoints, sides, current, { ...exportMeta(), sources: sourcesFor(current) }),
              );
            }}
            seaShares={showSea ? seaShares(p.sea.others) : null}
            mapExport={
              <ExportControls
                input={(view) => figureInput(view, link, v, p.optionName)}
                fileBase={`map-${current.id}-${link.basis}`}
              />
            }
            sites={
              v.handed && {
                ...v.handed,
                year: v.year,
                names: Object.fromEntries(v.allSites.map((x) => [x.id, siteName(x.props, lang)])),
                kindLabels: KIND_LABELS,
              }
            }
            placeName={p.placeName}
            onExportCsv={() =>
              download(
                `options-${link.basis}.csv`,
                'text/csv',
                optionIslandsCsv(options.results, {
                  ...exportMeta(),
                  sources: sourcesFor,
                  proposedBy: Object.fromEntries(OPTIONS.map((o) => [o.id, o.proposed_by])),
                  seaJapanShare: showSea ? seaShares(p.sea.others) : undefined,
                }),
              )
            }
          />
        </PartBoundary>
      )}
      {showSea && v.current && current && (
        <PartBoundary
          part="sea"
          title={t('parts.sea')}
          onReset={() => update({ layers: link.layers.filter((l) => l !== 'sea') })}
        >
          <SeaPanel sea={p.sea} optionId={current.id} optionName={p.optionName(current)} />
        </PartBoundary>
      )}
      <HistorySection layers={p.history} year={v.historyYear} onMap={state.historyOnMap} dispatch={dispatch} />
      {v.deployments && showSites && (
        <PartBoundary
          part="sites"
          title={t('parts.sites')}
          onReset={() => {
            dispatch({ type: 'playing', playing: false });
            update({ year: null, rings: DEFAULT_STATE.rings, site: null });
          }}
        >
          <DeploymentsPanel
            filters={{ ...state.siteChoice, year: v.year }}
            onFilters={({ year, ...choice }) => dispatch({ type: 'sites', choice, year })}
            shownCount={v.shownSites.length}
            totalCount={v.allSites.length}
            exercises={EXERCISES}
            ringMode={link.rings}
            onRingMode={(rings) => update({ rings })}
            playing={state.playing}
            onPlaying={(playing) => dispatch({ type: 'playing', playing })}
            shownSites={v.shownSites}
            selectedSiteId={link.site}
            onSelectSite={(site) => update({ site })}
          />
        </PartBoundary>
      )}
      <PartBoundary
        part="imports"
        title={t('parts.imports')}
        onReset={() => dispatch({ type: 'importRefused', problems: [] })}
      >
        <ImportPanel
          imports={state.imports}
          problems={state.importProblems}
          onFiles={p.imports.onFiles}
          onRemove={p.imports.onRemove}
          busy={state.importBusy}
        />
        {v.userPoints.n > 0 && (
          <PointFinder points={v.userPoints} onShow={(point) => dispatch({ type: 'showUserPoint', point })} />
        )}
        <ImportProgress progress={p.imports.progress ?? (state.importBusy ? null : p.territorySplit.progress)} />
        <StoredImports
          error={p.imports.stored.error}
          bad={p.imports.stored.bad}
          notices={p.imports.stored.notices}
          onRemoveBad={p.imports.stored.removeBad}
          onClearAll={p.imports.stored.clearAll}
        />
      </PartBoundary>
      {territory?.territory && (
        <PartBoundary
          part="territory"
          title={t('parts.territory')}
          onReset={() => dispatch({ type: 'territory', patch: { share: 0.5, bearing: null, anchor: null } })}
        >
          <TerritoryPanel
            name={territory.name}
            result={p.territorySplit.current ? v.territoryResult : null}
            share={state.territory.share}
            bearing={state.territory.bearing}
            longAxis={p.territorySplit.view ? normalizeBearing(p.territorySplit.view.longAxisBearingDeg + 90) : 90}
            onShare={(share) => dispatch({ type: 'territory', patch: { share } })}
            onBearing={(bearing) => dispatch({ type: 'territory', patch: { bearing } })}
            merge={territory.merge}
            anchor={p.territorySplit.current ? (p.territorySplit.view?.anchorLonLat ?? null) : null}
            anchorTarget={state.territory.anchor}
            onAnchor={(anchor) => dispatch({ type: 'territory', patch: { anchor } })}
            onZoom={() => v.territoryBounds && dispatch({ type: 'focus', bounds: v.territoryBounds })}
            onExport={p.onExportSplit}
          />
          {p.territorySplit.error && (
            <div className="problems" role="alert" data-testid="territory-error">
              {t('app.territoryError', { error: p.territorySplit.error })}
            </div>
          )}
        </PartBoundary>
      )}
      {p.islandsSection}
    </aside>
  );
}

/** What the link said that the page could not follow, in the interface language. */
function LinkNotices({ notices, dispatch }: { notices: LinkNotice[]; dispatch: Dispatch<Action> }) {
  const { t } = useT();
  const dismiss = () => dispatch({ type: 'noticesDismissed' });
  return (
    <PartBoundary part="link-notice" title={t('parts.linkNotice')} onReset={dismiss}>
      <div className="notice" role="status" data-testid="url-notice">
        <strong>{t('app.linkNoticeTitle')}</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{'text' in n ? n.text : t('app.siteNotInData', { id: n.siteNotInData })}</li>
          ))}
        </ul>
        <button type="button" onClick={dismiss}>
          {t('app.dismiss')}
        </button>
      </div>
    </PartBoundary>
  );
}
