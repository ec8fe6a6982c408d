/** A territory the user imported, split by the same solver at any share and bearing. */
import { useEffect, useId, useState } from 'react';
import type { Position } from 'geojson';
import { fmtKm2, fmtPct, fmtBearing } from './format.ts';
import { CAPE_NOSAPPU, type PartitionResult } from '../geo/partition.ts';
import { mergeText, type MergeSummary } from '../data/import.ts';
import { formatLonLat, parseLonLat } from '../data/anchor.ts';

export function TerritoryPanel({ name, result, share, bearing, longAxis, onShare, onBearing, onExport, onZoom, merge = null, anchor = null, anchorTarget = null, onAnchor }: {
  name: string; result: PartitionResult | null; share: number; bearing: number | null; longAxis: number;
  onShare: (s: number) => void; onBearing: (b: number | null) => void; onExport: () => void; onZoom: () => void;
  /** How the file's polygons were merged into this territory. */
  merge?: MergeSummary | null;
  /** The territory's vertex nearest the anchor target: side A is the side that holds it. */
  anchor?: Position | null;
  /** The point the user chose (null: Cape Nosappu). */
  anchorTarget?: [number, number] | null;
  onAnchor?: (target: [number, number] | null) => void;
}) {
  const id = useId();
  const [anchorText, setAnchorText] = useState(anchorTarget ? formatLonLat(anchorTarget) : '');
  const [anchorError, setAnchorError] = useState<string | null>(null);
  // Follow a reset from outside (e.g. the panel's error boundary).
  useEffect(() => { if (anchorTarget === null) { setAnchorText(''); setAnchorError(null); } }, [anchorTarget]);
  const applyAnchor = () => {
    if (anchorText.trim() === '') { setAnchorError(null); onAnchor?.(null); return; }
    const p = parseLonLat(anchorText);
    if (!p.ok) { setAnchorError(p.message); return; }
    setAnchorError(null);
    onAnchor?.(p.lonlat);
  };
  const targetText = anchorTarget ? `your point ${formatLonLat(anchorTarget)}` : `Cape Nosappu (${formatLonLat(CAPE_NOSAPPU, 3)})`;
  return (
    <section className="territory" aria-labelledby="territory-title" data-testid="territory-panel">
      <h2 id="territory-title">Split your territory</h2>
      <p className="fine">
        {name}. Side A holds the chosen share: it is the side holding the anchor{anchor ? <> (<span data-testid="territory-anchor">{formatLonLat(anchor)}</span>)</> : ''}, the territory's point nearest {targetText}. Side B holds the rest.
      </p>
      {merge && <p className="fine" data-testid="territory-merge">{mergeText(merge)}: the territory is {fmtKm2(merge.mergedKm2)} on the WGS84 ellipsoid.</p>}
      {onAnchor && (
        <form className="anchor-row" onSubmit={(e) => { e.preventDefault(); applyAnchor(); }}>
          <label htmlFor={`${id}-anchor`}>Anchor near (lon, lat)</label>
          <input id={`${id}-anchor`} type="text" inputMode="decimal" value={anchorText} placeholder={formatLonLat(CAPE_NOSAPPU, 3)}
            aria-invalid={anchorError !== null} aria-describedby={anchorError ? `${id}-anchor-error` : undefined} data-testid="territory-anchor-input"
            onChange={(e) => setAnchorText(e.target.value)} />
          <button type="submit" className="plain">Set</button>
          <button type="button" className="plain" aria-pressed={anchorTarget === null} onClick={() => { setAnchorText(''); setAnchorError(null); onAnchor(null); }}>Cape Nosappu</button>
          {anchorError && <p className="field-error" id={`${id}-anchor-error`} role="alert" data-testid="territory-anchor-error">{anchorError}</p>}
        </form>
      )}
      <label className="slider">
        <span>Side A's share: <output data-testid="territory-share">{fmtPct((result?.fraction ?? share) * 100, 2)}</output></span>
        <input type="range" min={0} max={100} step={0.05} value={+(share * 100).toFixed(2)} aria-label="Side A's share of your territory, percent"
          onChange={(e) => onShare(Number(e.target.value) / 100)} />
      </label>
      <div className="bearing-row">
        <label>Bearing <input type="number" min={0} max={179.9} step={0.5} value={+fmtBearing(bearing ?? longAxis).slice(0, -1)} aria-label="Bearing of the territory's cut line, degrees"
          onChange={(e) => { const x = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(x)) onBearing(((x % 180) + 180) % 180); }} />°</label>
        <button type="button" onClick={() => onBearing(null)} aria-pressed={bearing === null}>Across long axis</button>
        <button type="button" onClick={onZoom}>Zoom to it</button>
      </div>
      {result && (
        <dl className="figures" data-testid="territory-result">
          <dt>Total</dt><dd>{fmtKm2(result.totalKm2)}</dd>
          <dt><span className="swatch japan" aria-hidden="true" />Side A</dt><dd>{fmtKm2(result.japanSideKm2)} ({fmtPct(result.fraction * 100, 2)})</dd>
          <dt><span className="swatch russia" aria-hidden="true" />Side B</dt><dd>{fmtKm2(result.otherSideKm2)}</dd>
          {result.line && <><dt>Line</dt><dd>{fmtBearing(result.bearingDeg)}, {result.lineLengthKm.toFixed(2)} km</dd></>}
        </dl>
      )}
      {result && result.line && !result.anchorOnJapanSide && (
        <p className="fine" role="status">No line at this bearing gives the anchor's side this share: side A does not hold the anchor here.</p>
      )}
      <button type="button" className="plain" onClick={onExport} disabled={!result?.line}>Download parts + line (GeoJSON)</button>
    </section>
  );
}
