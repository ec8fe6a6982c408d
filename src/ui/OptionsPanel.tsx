/** Settlement options: choose one, set a share and a bearing, read what each side gets. */
import { Fragment } from 'react';
import type { AreaBasis, OptionResult } from '../geo/shares.ts';
import { fmtInt, fmtKm2, fmtPct, fmtBearing } from './format.ts';
import { normalizeBearing } from '../geo/partition.ts';
import type { BearingRule } from '../geo/shares.ts';

const BEARING_RULE_TEXT: Record<BearingRule, string> = {
  'given': '', 'across-long-axis': ' (across the long axis)', 'shortest-border': ' (shortest border)',
};
import { SourceLink } from './SourceLink.tsx';
import type { SourceRef } from '../data/tables.ts';

export interface OptionMeta { id: string; name: string; summary: string; proposed_by: string; when: string; sources: string[] }

export interface OptionsPanelProps {
  options: OptionMeta[];
  results: OptionResult[];
  current: OptionResult;
  optionSources: SourceRef[];
  basisSource: SourceRef | null;
  basis: AreaBasis;
  share: number;
  /** The bearing as the user chose it: degrees, 'shortest', or null for across the long axis. */
  bearing: number | 'shortest' | null;
  longAxisBearing: number | null;
  onOption: (id: string) => void;
  onShare: (share: number) => void;
  onBearing: (bearing: number | 'shortest' | null) => void;
  onBasis: (b: AreaBasis) => void;
  onExportGeoJson: () => void;
  onExportCsv: () => void;
  onExportPng?: () => void;
  /** The map image controls (size, PNG, SVG). */
  mapExport?: React.ReactNode;
  /** No option chosen yet (the first view): the list of options, no partition, nothing handed over. */
  neutral?: boolean;
  userPoints?: { toJapan: string[]; onIslands: number } | null;
  /** Japan's share of the sea (equidistance method, SeaPanel) per option id, when the Sea layer is on. */
  seaShares?: Record<string, number> | null;
  sites?: { toJapan: string[]; ambiguous: string[]; byKind: Record<string, number>; year: number; names: Record<string, string>; kindLabels: Record<string, string> } | null;
}

const ISLAND_NAMES: Record<string, string> = { habomai: 'Habomai', shikotan: 'Shikotan', kunashiri: 'Kunashiri / Kunashir', etorofu: 'Etorofu / Iturup' };

export function OptionsPanel(p: OptionsPanelProps) {
  const r = p.current;
  const meta = p.options.find((o) => o.id === r.id);
  const cut = r.cut;
  return (
    <section className="options" aria-labelledby="options-title">
      <h2 id="options-title">Settlement options</h2>
      <fieldset className="segmented row" data-testid="basis-control">
        <legend>Area basis</legend>
        {(['geodesic', 'official'] as const).map((b) => (
          <label key={b} className={p.basis === b ? 'on' : ''}>
            <input type="radio" name="basis" value={b} checked={p.basis === b} onChange={() => p.onBasis(b)} />
            {b === 'geodesic' ? 'Computed (WGS84)' : 'Official (GSI 2025)'}
          </label>
        ))}
      </fieldset>
      <p className="fine" data-testid="basis-note">
        {p.basis === 'geodesic'
          ? 'Areas computed on the WGS84 ellipsoid from the OpenStreetMap-derived outlines on this map.'
          : "GSI 2025 figures of the four groups (sum 4,998.40 km²; GSI's own total of 5,003.05 km² also counts unassigned islets). A cut island's part is its official area × the fraction of its outline on that side."}{' '}
        <SourceLink source={p.basisSource} />
      </p>

      <Chart results={p.results} current={p.neutral ? '' : r.id} onOption={p.onOption} seaShares={p.seaShares ?? null} />

      {p.neutral ? (
        <div className="result" data-testid="option-result" aria-live="polite">
          <h3>No option chosen</h3>
          <p className="fine" data-testid="neutral-note">
            The four islands are shown as they are: disputed, administered by Russia and claimed by Japan. Choose an option
            above to see what it would give each side, or set a share of your own.
          </p>
          <button type="button" onClick={() => p.onShare(0.5)}>Set a custom share</button>
        </div>
      ) : (<>
      <label className="slider">
        <span>Japan's share of the disputed area: <output data-testid="share-output">{fmtPct(r.japanShare * 100, 2)}</output></span>
        <input type="range" min={0} max={100} step={0.05} value={+(r.japanShare * 100).toFixed(2)}
          aria-label="Japan's share of the disputed area, percent" data-testid="share-slider"
          onChange={(e) => p.onShare(Number(e.target.value) / 100)} />
      </label>

      <fieldset className="bearing" data-testid="bearing-control" disabled={!cut && r.id !== 'custom'}>
        <legend>Bearing of the cut line</legend>
        <div className="bearing-row">
          <input type="number" min={0} max={179.9} step={0.5} aria-label="Bearing of the cut line, degrees from north"
            value={typeof p.bearing === 'number' ? p.bearing : ''}
            placeholder={cut ? String(+cut.requestedBearingDeg.toFixed(1)) : ''}
            onChange={(e) => { const x = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(x)) p.onBearing(normalizeBearing(x)); }} />
          <span>°</span>
          <button type="button" onClick={() => p.onBearing(null)} aria-pressed={p.bearing === null}>
            Across long axis{p.longAxisBearing != null ? ` (${p.longAxisBearing.toFixed(0)}°)` : ''}
          </button>
          <button type="button" onClick={() => p.onBearing('shortest')} aria-pressed={p.bearing === 'shortest'}
            title="The bearing at which the land border (the line inside the island) is shortest for this share">Shortest border</button>
          <button type="button" onClick={() => p.onBearing(0)} aria-pressed={p.bearing === 0}>N–S</button>
          <button type="button" onClick={() => p.onBearing(90)} aria-pressed={p.bearing === 90}>E–W</button>
        </div>
      </fieldset>

      <div className="result" data-testid="option-result" aria-live="polite">
        <h3>{r.name}</h3>
        {meta && <p className="fine">{meta.summary} <em>{meta.proposed_by}</em> ({meta.when}).{' '}
          {meta.sources.map((id) => p.optionSources.find((s) => s.id === id)).filter(Boolean).map((s) => <SourceLink key={s!.id} source={s!} />)}</p>}
        <dl className="figures">
          <dt><span className="swatch japan" aria-hidden="true" />Japan</dt>
          <dd data-testid="japan-km2">{fmtKm2(r.japanKm2)} ({fmtPct(r.japanShare * 100, 2)})</dd>
          <dt><span className="swatch russia" aria-hidden="true" />Russia</dt>
          <dd data-testid="russia-km2">{fmtKm2(r.russiaKm2)} ({fmtPct((1 - r.japanShare) * 100, 2)})</dd>
          <dt>Disputed total</dt><dd>{fmtKm2(r.totalKm2)}</dd>
        </dl>
        <table className="breakdown">
          <caption className="sr-only">Per-island breakdown</caption>
          <thead><tr><th scope="col">Island</th><th scope="col">to Japan</th><th scope="col">to Russia</th></tr></thead>
          <tbody>
            {r.perIsland.map((i) => (
              <tr key={i.id}><th scope="row">{ISLAND_NAMES[i.id] ?? i.id}</th><td>{i.toJapanKm2.toFixed(2)}</td><td>{i.toRussiaKm2.toFixed(2)}</td></tr>
            ))}
          </tbody>
        </table>
        {cut && (
          <p className="fine" data-testid="cut-details">
            Cut across {ISLAND_NAMES[cut.island]}: {fmtPct(cut.islandFractionToJapan * 100, 2)} of the island to Japan;{' '}
            <span data-testid="cut-bearing">requested {fmtBearing(cut.requestedBearingDeg)}{BEARING_RULE_TEXT[cut.bearingRule]},
              geodesic azimuth at the line's midpoint {cut.measuredBearingDeg === null ? '—' : fmtBearing(cut.measuredBearingDeg)}</span>;
            {' '}land border <span data-testid="border-length">{cut.borderLengthKm.toFixed(1)} km</span>
            {cut.defaultBorderLengthKm !== null && <> (across the long axis: {cut.defaultBorderLengthKm.toFixed(1)} km)</>}
            {cut.lineEnds && <>; line from {fmtLonLat(cut.lineEnds[0])} to {fmtLonLat(cut.lineEnds[1])}</>}.
          </p>
        )}
        {cut && !cut.anchorOnJapanSide && (
          <p className="notice" role="note" data-testid="side-rule-note">
            At this bearing no straight line gives {fmtPct(cut.islandFractionToJapan * 100, 2)} of {ISLAND_NAMES[cut.island]} on the
            side of its point nearest Cape Nosappu: Japan's part is the strip on that point's side of the island's median
            line, not its end facing Hokkaido. Choose another bearing (for example across the long axis) for a cut at that end.
          </p>
        )}
        <h4>People</h4>
        <dl className="figures">
          <dt>Japanese residents 1945</dt>
          <dd>Japan side {fmtInt(r.people.japanese1945.japan)} · Russia side {fmtInt(r.people.japanese1945.russia)}
            {r.people.japanese1945.unsplit > 0 && <> · {fmtInt(r.people.japanese1945.unsplit)} on the cut island not located (village seat unknown)</>}
            {r.people.cutVillages1945.length > 0 && (
              <span className="village-sides" data-testid="villages-1945">
                {' '}On the cut island, counted by village, on the side of the village seat (an approximation by village seat):{' '}
                {r.people.cutVillages1945.map((v, k) => (
                  <Fragment key={v.id}>{k > 0 && '; '}{v.name_en} {fmtInt(v.population)}, {v.side === 'japan' ? 'Japan side' : v.side === 'russia' ? 'Russia side' : 'seat not located'}</Fragment>
                ))}.
              </span>
            )}</dd>
          <dt>Russian residents {r.people.russianNow.year}</dt>
          <dd>Japan side {fmtInt(r.people.russianNow.japan)} · Russia side {fmtInt(r.people.russianNow.russia)}
            {r.people.russianNow.notLocated > 0 && <> · {fmtInt(r.people.russianNow.notLocated)} on the cut island outside the listed settlements</>}</dd>
        </dl>
        {r.people.cutSettlements.length > 0 && (
          <ul className="settlement-sides">
            {r.people.cutSettlements.map((s) => <li key={s.id}>{s.name_en}: {s.population === null ? `no ${r.people.russianNow.year} figure` : fmtInt(s.population)} — {s.side === 'japan' ? 'Japan side' : 'Russia side'}</li>)}
          </ul>
        )}
        {p.sites && (
          <>
            <h4>Military sites to Japan (standing in {p.sites.year})</h4>
            <p className="fine" data-testid="sites-to-japan">
              {p.sites.toJapan.length === 0 ? 'None.' : `${p.sites.toJapan.length}: ` + Object.entries(p.sites.byKind).map(([k, n]) => `${n} ${(p.sites!.kindLabels[k] ?? k).toLowerCase()}`).join(', ') + '.'}
              {p.sites.ambiguous.length > 0 && <> Not counted either way (position known only to the cut island): {p.sites.ambiguous.map((id) => p.sites!.names[id] ?? id).join('; ')}.</>}
            </p>
          </>
        )}
        {p.userPoints && (
          <p className="fine" data-testid="user-points-to-japan">Your points on the four islands: {p.userPoints.onIslands}; to Japan under this option: {p.userPoints.toJapan.length}{p.userPoints.toJapan.length ? ` (${p.userPoints.toJapan.slice(0, 10).join(', ')}${p.userPoints.toJapan.length > 10 ? '…' : ''})` : ''}.</p>
        )}
      </div>
      </>)}
      <div className="exports">
        <button type="button" onClick={p.onExportGeoJson} disabled={p.neutral}>Download islands by side + line (GeoJSON)</button>
        <button type="button" onClick={p.onExportCsv}>Download options table (CSV)</button>
        {p.onExportPng && <button type="button" onClick={p.onExportPng}>Download map (PNG)</button>}
        {p.mapExport}
      </div>
    </section>
  );
}

const fmtLonLat = (p: number[]) => `${p[1].toFixed(4)}° N ${p[0].toFixed(4)}° E`;

function Chart({ results, current, onOption, seaShares }: { results: OptionResult[]; current: string; onOption: (id: string) => void; seaShares: Record<string, number> | null }) {
  return (
    <div className="chart" role="group" aria-label="Comparison of the options: Japan's share of the disputed area">
      {results.map((r) => (
        <button type="button" key={r.id} className={`bar-row${r.id === current ? ' on' : ''}`} onClick={() => onOption(r.id)}
          aria-pressed={r.id === current} data-option={r.id} title={r.name}>
          <span className="bar-label">{r.name}</span>
          <span className="bar" aria-hidden="true">
            <span className="bar-japan" style={{ width: `${r.japanShare * 100}%` }} />
            <span className="bar-russia" style={{ width: `${(1 - r.japanShare) * 100}%` }} />
            <span className="bar-half" />
          </span>
          <span className="bar-value">{fmtPct(r.japanShare * 100, 2)}</span>
          {seaShares && <span className="bar-value sea" data-testid="sea-share" title="Japan's share of the sea within 200 nm of the four islands (equidistance method)">sea {seaShares[r.id] === undefined ? '…' : fmtPct(seaShares[r.id] * 100, 1)}</span>}
        </button>
      ))}
      <div className="legend"><span className="swatch japan" /> Japan <span className="swatch russia" /> Russia <span className="half-mark" /> 50 %{seaShares && <> · bars and first figure: land; "sea": Japan's share of the sea within 200 nm (equidistance)</>}</div>
    </div>
  );
}
