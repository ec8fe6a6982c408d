/** The details open in the side panel: an imported point, a military site, an island. */
import { Fragment, useEffect, useRef, type Dispatch } from 'react';
import { propertyText } from '../data/import-checks.ts';
import type { Action } from '../state/store.ts';
import { useT } from '../i18n/index.ts';
import { IslandPanel } from './IslandPanel.tsx';
import { SiteDetails } from './DeploymentsPanel.tsx';
import { PartBoundary } from './ErrorBoundary.tsx';
import { SYSTEMS, type PageView } from './use-view.ts';

export function DetailsSection({ v, dispatch }: { v: PageView; dispatch: Dispatch<Action> }) {
  const { t, lang, f } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const point = v.selectedUserPoint;
  const pointId = point?.id;
  const siteId = v.selectedSite?.id;
  const islandId = v.selectedIsland?.properties?.id;
  // Bring a newly opened details panel into view in the side panel.
  useEffect(() => {
    if (siteId || islandId || pointId != null) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [siteId, islandId, pointId]);
  return (
    <div ref={ref} className="details">
      <PartBoundary
        part="details"
        title={t('parts.details')}
        onReset={() => {
          dispatch({ type: 'userPoint', id: null });
          dispatch({ type: 'link', patch: { site: null, island: null } });
        }}
      >
        {point && (
          <section className="panel" data-testid="user-point-panel" aria-labelledby="user-point-title">
            <header className="panel-head">
              <h2 id="user-point-title">{t('app.userPointTitle', { id: point.id })}</h2>
              <button
                type="button"
                className="close"
                onClick={() => dispatch({ type: 'userPoint', id: null })}
                aria-label={t('app.closeUserPoint')}
              >
                ×
              </button>
            </header>
            <dl className="names">
              {Object.entries(point.properties)
                .slice(0, 50)
                .map(([k, val]) => (
                  <Fragment key={k}>
                    <dt>{k}</dt>
                    <dd>{propertyText(val)}</dd>
                  </Fragment>
                ))}
              <dt>{t('common.position')}</dt>
              <dd>
                {lang === 'en'
                  ? `${point.lonlat[1].toFixed(5)}° N, ${point.lonlat[0].toFixed(5)}° E`
                  : f.lonLat(point.lonlat, 5)}
              </dd>
            </dl>
          </section>
        )}
        {v.selectedSite && (
          <SiteDetails
            site={v.selectedSite}
            systems={SYSTEMS}
            onClose={() => dispatch({ type: 'link', patch: { site: null } })}
          />
        )}
        {v.selectedIsland && (
          <IslandPanel feature={v.selectedIsland} onClose={() => dispatch({ type: 'link', patch: { island: null } })} />
        )}
      </PartBoundary>
    </div>
  );
}
