/** A territory the user imported, split by the same solver at any share and bearing. */
import { useId, useState } from 'react';
import type { Position } from 'geojson';
import { mergeTextIn, useT } from '../i18n/index.ts';
import { CAPE_NOSAPPU, normalizeBearing, type PartitionResult } from '../geo/partition.ts';
import type { MergeSummary } from '../data/import.ts';
import { checkLonLat, formatLonLat } from '../data/anchor.ts';
import type { ProblemText } from '../data/problem.ts';
import { problemSentence } from './DataProblems.tsx';

export function TerritoryPanel({
  name,
  result,
  share,
  bearing,
  longAxis,
  onShare,
  onBearing,
  onExport,
  onZoom,
  merge = null,
  anchor = null,
  anchorTarget = null,
  onAnchor,
}: {
  name: string;
  result: PartitionResult | null;
  share: number;
  bearing: number | null;
  longAxis: number;
  onShare: (s: number) => void;
  onBearing: (b: number | null) => void;
  onExport: () => void;
  onZoom: () => void;
  /** How the file's polygons were merged into this territory. */
  merge?: MergeSummary | null;
  /** The territory's vertex nearest the anchor target: side A is the side that holds it. */
  anchor?: Position | null;
  /** The point the user chose (null: Cape Nosappu). */
  anchorTarget?: [number, number] | null;
  onAnchor?: (target: [number, number] | null) => void;
}) {
  const { t, f, lang } = useT();
  const id = useId();
  const [anchorText, setAnchorText] = useState(anchorTarget ? formatLonLat(anchorTarget) : '');
  const [anchorError, setAnchorError] = useState<ProblemText | null>(null);
  // Follow a reset from outside (e.g. the panel's error boundary), as the new target is drawn.
  const [drawnTarget, setDrawnTarget] = useState(anchorTarget);
  if (drawnTarget !== anchorTarget) {
    setDrawnTarget(anchorTarget);
    if (anchorTarget === null) {
      setAnchorText('');
      setAnchorError(null);
    }
  }
  const applyAnchor = () => {
    if (anchorText.trim() === '') {
      setAnchorError(null);
      onAnchor?.(null);
      return;
    }
    const p = checkLonLat(anchorText);
    if (!p.ok) {
      setAnchorError(p.problem);
      return;
    }
    setAnchorError(null);
    onAnchor?.(p.lonlat);
  };
  const targetText = anchorTarget
    ? t('territory.yourPoint', { point: formatLonLat(anchorTarget) })
    : t('territory.cape', { point: formatLonLat(CAPE_NOSAPPU, 3) });
  return (
    <section className="territory" aria-labelledby="territory-title" data-testid="territory-panel">
      <h2 id="territory-title">{t('territory.title')}</h2>
      <p className="fine">
        {name}. {t('territory.sideA')}
        {anchor ? (
          <>
            {' '}
            (<span data-testid="territory-anchor">{formatLonLat(anchor)}</span>)
          </>
        ) : (
          ''
        )}
        {t('territory.sideARest', { target: targetText })}
      </p>
      {merge && (
        <p className="fine" data-testid="territory-merge">
          {t('territory.merged', { merge: mergeTextIn(t, f, merge), km2: f.km2(merge.mergedKm2) })}
        </p>
      )}
      {onAnchor && (
        <form
          className="anchor-row"
          onSubmit={(e) => {
            e.preventDefault();
            applyAnchor();
          }}
        >
          <label htmlFor={`${id}-anchor`}>{t('territory.anchor')}</label>
          <input
            id={`${id}-anchor`}
            type="text"
            inputMode="decimal"
            value={anchorText}
            placeholder={formatLonLat(CAPE_NOSAPPU, 3)}
            aria-invalid={anchorError !== null}
            aria-describedby={anchorError ? `${id}-anchor-error` : undefined}
            data-testid="territory-anchor-input"
            onChange={(e) => setAnchorText(e.target.value)}
          />
          <button type="submit" className="plain">
            {t('territory.set')}
          </button>
          <button
            type="button"
            className="plain"
            aria-pressed={anchorTarget === null}
            onClick={() => {
              setAnchorText('');
              setAnchorError(null);
              onAnchor(null);
            }}
          >
            {t('territory.capeButton')}
          </button>
          {anchorError && (
            <p className="field-error" id={`${id}-anchor-error`} role="alert" data-testid="territory-anchor-error">
              {problemSentence(t, lang, { file: '', featureIndex: null, featureId: null, path: '', ...anchorError })}
            </p>
          )}
        </form>
      )}
      <label className="slider">
        <span>
          {t('territory.share')}{' '}
          <output data-testid="territory-share">{f.pct((result?.fraction ?? share) * 100, 2)}</output>
        </span>
        <input
          type="range"
          min={0}
          max={100}
          step={0.05}
          value={+(share * 100).toFixed(2)}
          aria-label={t('territory.shareAria')}
          onChange={(e) => onShare(Number(e.target.value) / 100)}
        />
      </label>
      <div className="bearing-row">
        <label>
          {t('territory.bearing')}{' '}
          <input
            type="number"
            min={0}
            max={179.9}
            step={0.5}
            value={
              +f
                .bearing(bearing ?? longAxis)
                .slice(0, -1)
                .replace(',', '.')
            }
            aria-label={t('territory.bearingAria')}
            onChange={(e) => {
              const x = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(x)) onBearing(normalizeBearing(x));
            }}
          />
          °
        </label>
        <button type="button" onClick={() => onBearing(null)} aria-pressed={bearing === null}>
          {t('territory.acrossLongAxis')}
        </button>
        <button type="button" onClick={onZoom}>
          {t('territory.zoom')}
        </button>
      </div>
      {result && (
        <dl className="figures" data-testid="territory-result">
          <dt>{t('territory.total')}</dt>
          <dd>{f.km2(result.totalKm2)}</dd>
          <dt>
            <span className="swatch japan" aria-hidden="true" />
            {t('territory.sideALabel')}
          </dt>
          <dd>
            {f.km2(result.japanSideKm2)} ({f.pct(result.fraction * 100, 2)})
          </dd>
          <dt>
            <span className="swatch russia" aria-hidden="true" />
            {t('territory.sideBLabel')}
          </dt>
          <dd>{f.km2(result.otherSideKm2)}</dd>
          {result.line && (
            <>
              <dt>{t('territory.line')}</dt>
              <dd>
                {f.bearing(result.bearingDeg)}, {f.km(result.lineLengthKm, 2)}
              </dd>
            </>
          )}
        </dl>
      )}
      {result && result.line && !result.anchorOnJapanSide && (
        <p className="fine" role="status">
          {t('territory.noLine')}
        </p>
      )}
      <button type="button" className="plain" onClick={onExport} disabled={!result?.line}>
        {t('territory.export')}
      </button>
    </section>
  );
}
