/** Precedents: each case on its own small map (SVG), with the real line, the exact half line where measured, the shares and the sources. */
import { Fragment } from 'react';
import type { Position } from 'geojson';
import type { PrecedentFeature, PrecedentFigures } from '../geo/precedents.ts';
import type { Source } from '../data/sources.ts';
import { SourceLink } from './SourceLink.tsx';
import { fmtInt } from './format.ts';

const W = 260, H = 180;
const PARTY_COLORS: Record<string, string> = { Russia: '#009E73', China: '#56B4E9', Norway: '#56B4E9' };

function extent(features: PrecedentFeature[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const visit = (p: Position) => { x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]); y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]); };
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'Point') visit(g.coordinates);
    else if (g.type === 'LineString') g.coordinates.forEach(visit);
    else if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(visit));
    else g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
  }
  return [x0, y0, x1, y1];
}

/** A small schematic map: longitude scaled by the cosine of the middle latitude. */
function CaseMap({ figures, features }: { figures: PrecedentFigures; features: PrecedentFeature[] }) {
  const land = features.filter((f) => f.properties.kind === 'land' || f.properties.kind === 'part');
  const drawn = land.length ? land : features;
  let [x0, y0, x1, y1] = extent(drawn);
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const padX = (x1 - x0) * 0.08 || 0.5, padY = (y1 - y0) * 0.08 || 0.5;
  [x0, x1, y0, y1] = [x0 - padX, x1 + padX, y0 - padY, y1 + padY];
  const scale = Math.min(W / ((x1 - x0) * k), H / (y1 - y0));
  const ox = (W - (x1 - x0) * k * scale) / 2, oy = (H - (y1 - y0) * scale) / 2;
  const px = ([x, y]: Position) => `${(ox + (x - x0) * k * scale).toFixed(1)},${(oy + (y1 - y) * scale).toFixed(1)}`;
  const ringPath = (ring: Position[]) => `M${ring.map(px).join('L')}Z`;
  const line = features.find((f) => f.properties.kind === 'real-line');
  const points = features.filter((f) => f.properties.kind === 'turning-point');
  return (
    <svg className="precedent-map" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img"
      aria-label={`Schematic map of ${figures.name}: ${line ? 'the real line in black' : 'no line drawn'}${figures.exact_half_line_offset_km !== null ? ', the exact half line dashed' : ''}`}>
      <rect width={W} height={H} fill="#c9dde8" />
      {land.map((f) => {
        const g = f.geometry;
        const polys = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
        return <path key={f.properties.id} d={polys.map((p) => p.map(ringPath).join('')).join('')} fillRule="evenodd"
          fill={PARTY_COLORS[f.properties.party ?? ''] ?? '#e6e2d8'} fillOpacity={0.55} stroke="#666" strokeWidth={0.4} />;
      })}
      {line && line.geometry.type === 'LineString' && <path d={`M${line.geometry.coordinates.map(px).join('L')}`} fill="none" stroke="#1a1a1a" strokeWidth={2} />}
      {points.map((p) => p.geometry.type === 'Point' && (
        <g key={p.properties.id}>
          <circle cx={px(p.geometry.coordinates).split(',')[0]} cy={px(p.geometry.coordinates).split(',')[1]} r={2.5} fill="#1a1a1a" />
        </g>
      ))}
      {!land.length && figures.parties.length === 2 && <>
        <text x={W / 2 - 30} y={H / 2} textAnchor="end" fontSize="11" fill="#1a1a1a">{figures.parties[0]} (west)</text>
        <text x={W / 2 + 30} y={H / 2} textAnchor="start" fontSize="11" fill="#1a1a1a">{figures.parties[1]} (east)</text>
      </>}
      <text x={W - 4} y={12} textAnchor="end" fontSize="10" fill="#1a1a1a">N ↑ (schematic)</text>
    </svg>
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function PrecedentsPanel({ figures, features, sources }: { figures: PrecedentFigures[]; features: PrecedentFeature[]; sources: Source[] }) {
  const source = (id: string) => sources.find((s) => s.id === id) ?? null;
  return (
    <section className="panel precedents" aria-labelledby="precedents-title" data-testid="precedents-panel">
      <h2 id="precedents-title">Precedents, measured</h2>
      <p className="fine">Divisions Russia agreed with neighbours, measured with this atlas's own code where its OpenStreetMap-derived source allows,
        beside the figures their sources publish. <code>npm run --silent precedents -- --json</code> prints the same figures.</p>
      {figures.map((f) => {
        const own = features.filter((x) => x.properties.case === f.id);
        const measured = f.parties.some((p) => f.real_share[p] !== null);
        const pub = f.published as Record<string, unknown>;
        return (
          <article key={f.id} className="precedent" data-testid={`precedent-${f.id}`}>
            <h3>{f.name}</h3>
            <CaseMap figures={f} features={own} />
            <p className="fine">{own.some((x) => x.properties.kind === 'land')
              ? <>Land from the source: {f.parties.map((p, i) => <span key={p}>{i > 0 && ' · '}<span aria-hidden="true" style={{ color: PARTY_COLORS[p] }}>■</span> {p}</span>)}; black: the real line.</>
              : <>Black: the treaty line and its turning points (no land drawn).</>}</p>
            <dl className="figures">
              <dt>Parties</dt><dd>{f.parties.join(' / ')}</dd>
              <dt>Shares measured here</dt>
              <dd>{measured
                ? `${f.parties.map((p) => `${p} ${pct(f.real_share[p]!)}`).join(' · ')}${f.area_km2 !== null ? ` of ${fmtInt(f.area_km2)} km²` : ''}`
                : 'Not measured'}</dd>
              {f.published_implied_share && Object.entries(f.published_implied_share).map(([p, [lo, hi]]) => (
                <Fragment key={p}><dt>Implied by the published figures</dt><dd>{p} {pct(lo)}–{pct(hi)} (part ÷ whole, over the published range of the whole)</dd></Fragment>
              ))}
              <dt>Published</dt>
              <dd>
                {typeof pub.to_china_km2 === 'number' && <>{pub.to_china_km2} km² to China; </>}
                {Array.isArray(pub.island_km2) && <>island {(pub.island_km2 as number[]).join('–')} km²; </>}
                {typeof pub.tarabarov_km2 === 'number' && <>Tarabarov {pub.tarabarov_km2} km²; </>}
                {typeof pub.disputed_area_km2 === 'number' && <>disputed area {fmtInt(pub.disputed_area_km2)} km²; </>}
                {typeof pub.line_length_nm === 'number' && <>line about {pub.line_length_nm} nautical miles; </>}
                {typeof pub.wording === 'string' && <span>{pub.wording}</span>}
              </dd>
              <dt>Real line</dt>
              <dd>{f.real_line ? <>{f.real_line.length_km} km{f.real_line.length_nm !== undefined && <> ({f.real_line.length_nm} nautical miles)</>}: {f.real_line.drawn}</> : 'not found in the source'}</dd>
              <dt>Exact half line at the same bearing</dt>
              <dd>{f.exact_half_line_offset_km === null ? 'Not computed (the parts are not measured)' : `${f.exact_half_line_offset_km} km from the real line`}</dd>
              <dt>What the source resolves</dt><dd>{f.source_check}</dd>
            </dl>
            <p className="sources">Sources: {f.sources.map((id, i) => <span key={id}>{i > 0 && ' · '}<SourceLink source={source(id)} /></span>)}</p>
          </article>
        );
      })}
    </section>
  );
}
