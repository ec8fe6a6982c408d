/** A territory the user imported, split by the same solver at any share and bearing. */
import { fmtKm2, fmtPct, fmtBearing } from './format.ts';
import type { PartitionResult } from '../geo/partition.ts';

export function TerritoryPanel({ name, result, share, bearing, longAxis, onShare, onBearing, onExport, onZoom }: {
  name: string; result: PartitionResult | null; share: number; bearing: number | null; longAxis: number;
  onShare: (s: number) => void; onBearing: (b: number | null) => void; onExport: () => void; onZoom: () => void;
}) {
  return (
    <section className="territory" aria-labelledby="territory-title" data-testid="territory-panel">
      <h2 id="territory-title">Split your territory</h2>
      <p className="fine">{name}. Side A holds the chosen share (it is the side nearer Cape Nosappu); side B the rest.</p>
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
      <button type="button" className="plain" onClick={onExport} disabled={!result?.line}>Download parts + line (GeoJSON)</button>
    </section>
  );
}
