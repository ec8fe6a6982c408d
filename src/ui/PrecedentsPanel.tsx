/**
 * Precedents: each case on its own small map (SVG), with the real line, the exact half line where measured,
 * the shares and the sources; names and texts in the interface language.
 */
import { Fragment } from 'react';
import type { Position } from 'geojson';
import {
  PRECEDENT_TEXT_LANGUAGES,
  type PrecedentFeature,
  type PrecedentFigures,
  type PrecedentTextLanguage,
} from '../geo/precedents.ts';
import type { Source } from '../data/sources.ts';
import { SourceLink } from './SourceLink.tsx';
import { useT } from '../i18n/index.ts';

const W = 260,
  H = 180;
// Okabe–Ito colours, told apart with any colour vision; China's is not the small maps' water blue, nor the
// main map's colour for Japan's side (Russia keeps its green there).
const PARTY_COLORS: Record<string, string> = { Russia: '#009E73', China: '#F0E442', Norway: '#56B4E9' };
const NEUTRAL_LAND = '#e6e2d8';
const PARTY_KEYS = {
  China: 'precedents.party.China',
  Russia: 'precedents.party.Russia',
  Norway: 'precedents.party.Norway',
} as const;
const isParty = (p: string): p is keyof typeof PARTY_KEYS => Object.hasOwn(PARTY_KEYS, p);

/** A case's name and texts in the interface language (English from the case itself). */
function useCaseTexts() {
  const { t, lang } = useT();
  const textLang = (PRECEDENT_TEXT_LANGUAGES as readonly string[]).includes(lang)
    ? (lang as PrecedentTextLanguage)
    : null;
  const party = (p: string): string => (isParty(p) ? t(PARTY_KEYS[p]) : p);
  const texts = (f: PrecedentFigures) => (textLang ? (f.texts[textLang] ?? null) : null);
  return {
    party,
    name: (f: PrecedentFigures) => texts(f)?.name ?? f.name,
    instrument: (f: PrecedentFigures) => texts(f)?.instrument ?? f.instrument,
    wording: (f: PrecedentFigures, english: string) => texts(f)?.wording ?? english,
    pointNotes: (f: PrecedentFigures) =>
      Object.entries(f.turning_point_notes).map(([point, note]) => ({
        point,
        note: texts(f)?.turning_point_notes?.[point] ?? note,
      })),
    // English shows the pipeline's own account (with its figures); other languages its translated summary.
    drawn: (f: PrecedentFigures) =>
      !textLang || !f.real_line
        ? (f.real_line?.drawn ?? '')
        : t(f.real_line.length_nm !== undefined ? 'precedents.drawnTreaty' : 'precedents.drawnSharedEdge'),
    check: (f: PrecedentFigures, km2: (x: number) => string, kmRange: (r: readonly number[]) => string) =>
      !textLang
        ? f.source_check
        : f.outline
          ? f.outline.measured
            ? t('precedents.checkOutlined')
            : t('precedents.checkOutlineRejected', {
                km2: km2(f.outline.km2),
                published: kmRange(f.outline.published_km2),
              })
          : t(
              f.source_resolves === null
                ? 'precedents.checkMaritime'
                : f.source_resolves
                  ? 'precedents.checkResolved'
                  : 'precedents.checkUnresolved',
            ),
  };
}

function extent(features: PrecedentFeature[]): [number, number, number, number] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const visit = ([x, y]: Position) => {
    x0 = Math.min(x0, x!);
    x1 = Math.max(x1, x!);
    y0 = Math.min(y0, y!);
    y1 = Math.max(y1, y!);
  };
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
  const { t } = useT();
  const tx = useCaseTexts();
  const land = features.filter((f) => f.properties.kind === 'land' || f.properties.kind === 'part');
  // Where the parts are outlined, the land source's banks stay grey beneath them.
  const hasParts = land.some((f) => f.properties.kind === 'part');
  const fillOf = (f: PrecedentFeature) =>
    hasParts && f.properties.kind === 'land' ? NEUTRAL_LAND : (PARTY_COLORS[f.properties.party ?? ''] ?? NEUTRAL_LAND);
  const drawn = land.length ? land : features;
  let [x0, y0, x1, y1] = extent(drawn);
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const padX = (x1 - x0) * 0.08 || 0.5,
    padY = (y1 - y0) * 0.08 || 0.5;
  [x0, x1, y0, y1] = [x0 - padX, x1 + padX, y0 - padY, y1 + padY];
  const scale = Math.min(W / ((x1 - x0) * k), H / (y1 - y0));
  const ox = (W - (x1 - x0) * k * scale) / 2,
    oy = (H - (y1 - y0) * scale) / 2;
  const px = ([x, y]: Position) => `${(ox + (x! - x0) * k * scale).toFixed(1)},${(oy + (y1 - y!) * scale).toFixed(1)}`;
  const ringPath = (ring: Position[]) => `M${ring.map(px).join('L')}Z`;
  const line = features.find((f) => f.properties.kind === 'real-line');
  const points = features.filter((f) => f.properties.kind === 'turning-point');
  return (
    <svg
      className="precedent-map"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={
        `${t('precedents.mapLabel', { name: tx.name(figures) })}: ` +
        [
          t(line ? 'precedents.mapLine' : 'precedents.mapNoLine'),
          ...(figures.exact_half_line_offset_km !== null ? [t('precedents.mapHalf')] : []),
        ].join(', ')
      }
    >
      <rect width={W} height={H} fill="#c9dde8" />
      {land.map((f) => {
        const g = f.geometry;
        const polys = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
        return (
          <path
            key={f.properties.id}
            d={polys.map((p) => p.map(ringPath).join('')).join('')}
            fillRule="evenodd"
            fill={fillOf(f)}
            fillOpacity={f.properties.kind === 'part' ? 0.85 : 0.55}
            stroke="#666"
            strokeWidth={0.4}
          />
        );
      })}
      {line && line.geometry.type === 'LineString' && (
        <path d={`M${line.geometry.coordinates.map(px).join('L')}`} fill="none" stroke="#1a1a1a" strokeWidth={2} />
      )}
      {figures.exact_half_line && (
        <path
          d={`M${figures.exact_half_line.map(px).join('L')}`}
          fill="none"
          stroke="#1a1a1a"
          strokeWidth={1.5}
          strokeDasharray="4 3"
          data-testid="exact-half-line"
        />
      )}
      {points.map(
        (p) =>
          p.geometry.type === 'Point' && (
            <g key={p.properties.id}>
              <circle
                cx={px(p.geometry.coordinates).split(',')[0]}
                cy={px(p.geometry.coordinates).split(',')[1]}
                r={2.5}
                fill="#1a1a1a"
              />
            </g>
          ),
      )}
      {!land.length && figures.parties.length === 2 && (
        <>
          <text x={W / 2 - 30} y={H / 2} textAnchor="end" fontSize="11" fill="#1a1a1a">
            {t('precedents.west', { party: tx.party(figures.parties[0]!) })}
          </text>
          <text x={W / 2 + 30} y={H / 2} textAnchor="start" fontSize="11" fill="#1a1a1a">
            {t('precedents.east', { party: tx.party(figures.parties[1]!) })}
          </text>
        </>
      )}
      <text x={W - 4} y={12} textAnchor="end" fontSize="10" fill="#1a1a1a">
        {t('precedents.schematic')}
      </text>
      {land.length > 0 && (
        // The map's own attribution, so that it travels with a screenshot of the panel.
        <text x={W - 4} y={H - 4} textAnchor="end" fontSize="8" fill="#1a1a1a" data-testid="precedent-attribution">
          © OpenStreetMap contributors (ODbL){hasParts ? ' · GSHHG 2.3.7 (LGPL-3.0)' : ''}
        </text>
      )}
    </svg>
  );
}

export function PrecedentsPanel({
  figures,
  features,
  sources,
}: {
  figures: PrecedentFigures[];
  features: PrecedentFeature[];
  sources: Source[];
}) {
  const { t, f: fm, lang } = useT();
  // Sentences follow one another with a space, except after Japanese 。
  const sentenceGap = lang === 'ja' ? '' : ' ';
  const tx = useCaseTexts();
  const pct = (x: number) => fm.pct(x * 100, 1);
  // Published figures keep their own precision.
  const dp = (x: number) => (String(x).split('.')[1] ?? '').length;
  const num = (x: number) => fm.number(x, dp(x));
  const km = (x: number) => fm.km(x, dp(x));
  const km2 = (x: number) => fm.km2(x, dp(x));
  // A range with its unit once: "370.3–393.3 km²".
  const kmRange = (r: readonly number[]) => `${fm.number(r[0]!, dp(r[0]!))}–${km2(r[r.length - 1]!)}`;
  const source = (id: string) => sources.find((s) => s.id === id) ?? null;
  return (
    <section className="panel precedents" aria-labelledby="precedents-title" data-testid="precedents-panel">
      <h2 id="precedents-title">{t('precedents.title')}</h2>
      <p className="fine">
        {t('precedents.intro')} <code>npm run --silent precedents -- --json</code> {t('precedents.cli')}
      </p>
      {figures.map((f) => {
        const own = features.filter((x) => x.properties.case === f.id);
        const measured = f.parties.some((p) => f.real_share[p] !== null);
        const pub = f.published as Record<string, unknown>;
        return (
          <article key={f.id} className="precedent" data-testid={`precedent-${f.id}`}>
            <h3>{tx.name(f)}</h3>
            <CaseMap figures={f} features={own} />
            <p className="fine">
              {own.some((x) => x.properties.kind === 'land') ? (
                <>
                  {t(f.outline?.measured ? 'precedents.partsLegend' : 'precedents.landFromSource')}{' '}
                  {f.parties.map((p, i) => (
                    <span key={p}>
                      {i > 0 && ' · '}
                      <span aria-hidden="true" style={{ color: PARTY_COLORS[p] }}>
                        ■
                      </span>{' '}
                      {tx.party(p)}
                    </span>
                  ))}
                  ;{' '}
                  {f.outline?.measured && (
                    <>
                      {t('precedents.greyBanks')}
                      {sentenceGap}
                    </>
                  )}
                  {t('precedents.blackLine')}
                  {f.exact_half_line && (
                    <>
                      {sentenceGap}
                      {t('precedents.dashedHalf')}
                    </>
                  )}
                </>
              ) : (
                <>{t('precedents.blackTreaty')}</>
              )}
            </p>
            <dl className="figures">
              <dt>{t('precedents.parties')}</dt>
              <dd>{f.parties.map(tx.party).join(' / ')}</dd>
              <dt>{t('precedents.instrument')}</dt>
              <dd>{tx.instrument(f)}</dd>
              <dt>{t('precedents.measured')}</dt>
              <dd>
                {measured
                  ? f.parties.map((p) => `${tx.party(p)} ${pct(f.real_share[p]!)}`).join(' · ') +
                    (f.area_km2 !== null ? t('precedents.ofArea', { km2: km2(f.area_km2) }) : '')
                  : t('precedents.notMeasured')}
              </dd>
              {f.published_implied_share &&
                Object.entries(f.published_implied_share).map(([p, [lo, hi]]) => (
                  <Fragment key={p}>
                    <dt>{t('precedents.implied')}</dt>
                    <dd>
                      {tx.party(p)} {pct(lo)}–{pct(hi)} {t('precedents.impliedNote')}
                    </dd>
                  </Fragment>
                ))}
              <dt>{t('precedents.published')}</dt>
              <dd>
                {typeof pub.to_china_km2 === 'number' && (
                  <>{t('precedents.pubToChina', { km2: km2(pub.to_china_km2) })}; </>
                )}
                {Array.isArray(pub.island_km2) && (
                  <>{t('precedents.pubIsland', { range: kmRange(pub.island_km2 as number[]) })}; </>
                )}
                {typeof pub.tarabarov_km2 === 'number' && (
                  <>{t('precedents.pubTarabarov', { km2: km2(pub.tarabarov_km2) })}; </>
                )}
                {typeof pub.disputed_area_km2 === 'number' && (
                  <>{t('precedents.pubDisputed', { km2: km2(pub.disputed_area_km2) })}; </>
                )}
                {typeof pub.line_length_nm === 'number' && (
                  <>{t('precedents.pubLine', { nm: num(pub.line_length_nm) })}; </>
                )}
                {typeof pub.wording === 'string' && <span>{tx.wording(f, pub.wording)}</span>}
              </dd>
              <dt>{t('precedents.realLine')}</dt>
              <dd>
                {f.real_line ? (
                  <>
                    {km(f.real_line.length_km)}
                    {f.real_line.length_nm !== undefined && (
                      <> ({t('precedents.nauticalMiles', { nm: num(f.real_line.length_nm) })})</>
                    )}
                    : {tx.drawn(f)}
                    {tx.pointNotes(f).map(({ point, note }) => (
                      <span key={point} className="fine" data-testid="turning-point-note">
                        {' '}
                        {t('precedents.pointNote', { point, note })}
                      </span>
                    ))}
                  </>
                ) : (
                  t('precedents.notFound')
                )}
              </dd>
              <dt>{t('precedents.halfLine')}</dt>
              <dd>
                {f.exact_half_line_offset_km === null
                  ? t('precedents.halfNotComputed')
                  : t('precedents.halfOffset', { km: km(f.exact_half_line_offset_km) })}
              </dd>
              {f.outline && (
                <>
                  <dt>{t('precedents.outlined')}</dt>
                  <dd data-testid="precedent-outline">
                    {t('precedents.outlinedArea', {
                      km2: fm.km2(f.outline.km2, 1),
                      published: kmRange(f.outline.published_km2),
                    })}
                  </dd>
                </>
              )}
              <dt>{t('precedents.resolves')}</dt>
              <dd>{tx.check(f, (x) => fm.km2(x, 1), kmRange)}</dd>
            </dl>
            <p className="sources">
              {t('common.sourcesList')}
              {f.sources.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' · '}
                  <SourceLink source={source(id)} />
                </span>
              ))}
            </p>
          </article>
        );
      })}
    </section>
  );
}
