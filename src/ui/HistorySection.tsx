/** History and precedents: a section of the side panel whose data load when it is first opened. */
import type { Dispatch } from 'react';
import { historyRange } from '../geo/history.ts';
import { VILLAGES, VILLAGE_PROBLEMS } from '../data/villages.ts';
import type { Action } from '../state/store.ts';
import { HISTORY_FIRST_YEAR, THIS_YEAR } from '../state/years.ts';
import { useT } from '../i18n/index.ts';
import { DataProblems } from './DataProblems.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PrecedentsPanel } from './PrecedentsPanel.tsx';
import { PartBoundary } from './ErrorBoundary.tsx';
import type { HistoryLayers } from './use-history-data.ts';

/** The region the history's lines span, from Hokkaido to Kamchatka. */
const HISTORY_BOUNDS: [[number, number], [number, number]] = [
  [139.5, 41.3],
  [157.8, 51.6],
];

export function HistorySection({
  layers,
  year,
  onMap,
  dispatch,
}: {
  layers: HistoryLayers;
  year: number;
  onMap: boolean;
  dispatch: Dispatch<Action>;
}) {
  const { t } = useT();
  return (
    <PartBoundary
      part="history"
      title={t('parts.history')}
      onReset={() => {
        dispatch({ type: 'historyYear', year: HISTORY_FIRST_YEAR });
        dispatch({ type: 'historyOnMap', onMap: false });
      }}
    >
      <details
        className="history-section"
        data-testid="history-section"
        onToggle={(e) => dispatch({ type: 'historyOpen', open: (e.currentTarget as HTMLDetailsElement).open })}
      >
        <summary>{t('app.historySummary')}</summary>
        {layers.status === 'loading' && (
          <p className="hint" role="status">
            {t('app.historyLoading')}
          </p>
        )}
        {layers.problems.length > 0 && <DataProblems problems={layers.problems} />}
        {VILLAGE_PROBLEMS.length > 0 && (
          <p className="problems" role="alert">
            {t('app.villagesRefused', { n: VILLAGE_PROBLEMS.length })}
          </p>
        )}
        {layers.history && (
          <HistoryPanel
            history={layers.history}
            villages={VILLAGES}
            year={year}
            range={historyRange(layers.history.events, THIS_YEAR)}
            onYear={(y) => dispatch({ type: 'historyYear', year: y })}
            showOnMap={onMap}
            onShowOnMap={(show) => dispatch({ type: 'historyOnMap', onMap: show })}
            onZoom={() => dispatch({ type: 'focus', bounds: HISTORY_BOUNDS })}
          />
        )}
        {layers.precedents && (
          <PrecedentsPanel
            figures={layers.precedents.figures}
            features={layers.precedents.features}
            sources={layers.precedents.table.sources}
          />
        )}
      </details>
    </PartBoundary>
  );
}
