/** The map and its legend, drawn from the page's view (use-view.ts). */
import { useState, type Dispatch } from 'react';
import type { FeatureCollection } from 'geojson';
import { AtlasMap } from '../map/AtlasMap.tsx';
import type { BasemapId } from '../map/basemap.ts';
import { KINDS, KIND_MARKS } from '../data/deployments.ts';
import type { OptionResult } from '../geo/shares.ts';
import type { Action, AppState } from '../state/store.ts';
import { useT } from '../i18n/index.ts';
import { PartBoundary } from './ErrorBoundary.tsx';
import type { PageView } from './use-view.ts';

export function MapPane({
  state,
  v,
  dispatch,
  basemap,
  seaLines,
  seaImage,
  optionName,
}: {
  state: AppState;
  v: PageView;
  dispatch: Dispatch<Action>;
  basemap: BasemapId | null;
  seaLines: FeatureCollection | null;
  seaImage: { url: string; bounds: [number, number, number, number] } | null;
  optionName: (r: OptionResult) => string;
}) {
  const { t } = useT();
  const { link } = state;
  const has = (layer: (typeof link.layers)[number]) => link.layers.includes(layer);
  const partition = has('partition') && !v.historyFeatures;
  const showSites = has('deployments');
  const update = (patch: Partial<AppState['link']>) => dispatch({ type: 'link', patch });
  return (
    <main className="map-wrap">
      {/* The map starts once the data files are in (preloaded by the HTML), with the land; the option
          overlay follows as soon as it is computed (AtlasMap, held-data.ts). */}
      <PartBoundary part="map" title={t('parts.map')}>
        {v.settled && (
          <AtlasMap
            overlayReady={v.overlayReady}
            islands={v.islands}
            hokkaido={v.hokkaido}
            context={v.context}
            language={link.lang}
            selectedId={link.island}
            onSelect={(island) => update({ island })}
            optionAreas={partition ? (v.optionLayers?.areas ?? null) : null}
            cutLine={partition ? (v.optionLayers?.line ?? null) : null}
            settlements={has('settlements') ? v.settlementsFc : null}
            showLabels={has('labels')}
            sites={showSites ? v.sitesFc : null}
            rings={showSites ? v.ringsFc : null}
            onSelectSite={(site) => update({ site })}
            userPoints={v.userPoints.n ? v.userPoints : null}
            onSelectUserPoint={(id) => dispatch({ type: 'userPoint', id })}
            selectedUserPointId={v.selectedUserPoint?.id ?? null}
            territory={v.territoryFc}
            territoryLine={v.territoryLineFc}
            focusBounds={state.focus}
            keepInView={v.keepInView}
            historyAreas={v.historyFeatures?.areas ?? null}
            historyLines={v.historyFeatures?.lines ?? null}
            villages1945={v.historyFeatures?.villages ?? null}
            seaLines={seaLines}
            seaImage={seaImage}
            basemap={basemap}
            initialView={link.view}
            viewRequest={state.viewRequest}
            onViewChange={(view) => update({ view })}
          />
        )}
        {(v.neutral || v.current) && <MapLegend state={state} v={v} optionName={optionName} />}
      </PartBoundary>
    </main>
  );
}

function MapLegend({
  state,
  v,
  optionName,
}: {
  state: AppState;
  v: PageView;
  optionName: (r: OptionResult) => string;
}) {
  const { t, lang, f } = useT();
  const layers = state.link.layers;
  const showSites = layers.includes('deployments');
  const current = v.current;
  // A phone-sized window starts with the map legend folded, where it would cover a quarter of the map.
  const [narrowScreen] = useState(() => typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches);
  const kindName = (k: (typeof KINDS)[number]) =>
    lang === 'en' ? t(`deployments.kinds.${k}`).toLowerCase() : t(`deployments.kinds.${k}`);
  return (
    <details
      className="map-legend"
      aria-label={t('legend.label')}
      data-testid={v.neutral ? 'neutral-legend' : 'legend'}
      open={!narrowScreen}
    >
      <summary className="legend-title">
        {v.neutral || !current ? t('legend.neutralTitle') : optionName(current)}
      </summary>
      {layers.includes('partition') &&
        (v.neutral || !current ? (
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
            {current.cut && (
              <div>
                <span className="dash" /> {t('legend.cutLine', { bearing: f.bearing(current.cut.requestedBearingDeg) })}
              </div>
            )}
          </>
        ))}
      {layers.includes('settlements') && (
        <div>
          <span className="dot" /> {t('legend.settlement')}
        </div>
      )}
      {showSites && (
        <>
          <div>
            <span className="site-key filled" /> {t('legend.site')} · <span className="site-key" />{' '}
            {t('legend.townOnly')} · <span className="site-key dotted" /> {t('legend.islandOnly')}
          </div>
          <div>
            <span className="country-key ru" /> {t('legend.countryRU')} · <span className="country-key jp" />{' '}
            {t('legend.countryJP')} · <span className="country-key us" /> {t('legend.countryUS')}
          </div>
          {current && (
            <div>
              <span className="site-key handed" /> {t('legend.handed')}
            </div>
          )}
          <div data-testid="legend-codes">{KINDS.map((k) => `${KIND_MARKS[k]} ${kindName(k)}`).join(' · ')}</div>
        </>
      )}
      {(v.territoryFc?.features.length ?? 0) > 0 && (
        <div data-testid="territory-legend">
          {t('legend.territory')} <span className="swatch japan" /> {t('territory.sideALabel')} ·{' '}
          <span className="swatch russia" /> {t('territory.sideBLabel')}
          {(v.territoryLineFc?.features.length ?? 0) > 0 && (
            <>
              {' · '}
              <span className="dash" /> {t('territory.line')}
            </>
          )}
        </div>
      )}
      {v.userPoints.n > 0 && (
        <div data-testid="user-points-legend">
          <span className="user-key" /> <span className="user-key cluster">12</span> {t('legend.userPoints')}
        </div>
      )}
      {layers.includes('sea') && (
        <div data-testid="sea-legend">
          <span className="dash sea" /> {t('legend.sea')}
        </div>
      )}
      <div className="fine">{t('legend.declutter')}</div>
    </details>
  );
}
