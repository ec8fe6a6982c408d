/** Settlement options: choose one, set a share and a bearing, read what each side gets. */
import { Fragment } from 'react';
import type { AreaBasis, OptionResult } from '../geo/shares.ts';
import { islandName, optionText, useT } from '../i18n/index.ts';
import { normalizeBearing } from '../geo/partition.ts';
import type { BearingRule } from '../geo/shares.ts';
import { KINDS, type Kind } from '../data/deployments.ts';

import { SourceLink } from './SourceLink.tsx';
import type { SourceRef } from '../data/tables.ts';

export interface OptionMeta {
  id: string;
  name: string;
  summary: string;
  proposed_by: string;
  when: string;
  sources: string[];
}

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
  /** Opens an imported point's details and brings the map to it. */
  onShowUserPoint?: (id: string) => void;
  /** Downloads every imported point with its island and side under the current option (CSV). */
  onExportUserPoints?: () => void;
  /** Japan's share of the sea (equidistance method, SeaPanel) per option id, when the Sea layer is on. */
  seaShares?: Record<string, number> | null;
  sites?: {
    toJapan: string[];
    ambiguous: string[];
    byKind: Record<string, number>;
    year: number;
    names: Record<string, string>;
    kindLabels: Record<string, string>;
  } | null;
  /** A settlement's or 1945 village's name in the interface language's convention (default: the English name given). */
  placeName?: (id: string, english: string) => string;
}

/** An option's name in the interface language: the data's translation, or for the custom option its share. */
function useOptionName(options: OptionMeta[]) {
  const { t, lang, f } = useT();
  return (r: OptionResult) => {
    if (r.id === 'custom')
      return lang === 'en' ? r.name : t('options.customName', { pct: f.pct(r.japanShare * 100, 2) });
    const meta = options.find((o) => o.id === r.id);
    return meta ? optionText(meta, 'name', lang) : r.name;
  };
}

export function OptionsPanel(p: OptionsPanelProps) {
  const { t, lang, f } = useT();
  const nameOf = useOptionName(p.options);
  const islandLabel = (id: string) => islandName(t, id) ?? id;
  const place = (id: string, english: string) => p.placeName?.(id, english) ?? english;
  const ruleText = (rule: BearingRule) =>
    rule === 'across-long-axis'
      ? t('options.ruleAcrossLongAxis')
      : rule === 'shortest-border'
        ? t('options.ruleShortest')
        : '';
  const kindLabel = (k: string) =>
    KINDS.includes(k as Kind) ? t(`deployments.kinds.${k as Kind}`) : (p.sites?.kindLabels[k] ?? k);
  const r = p.current;
  const meta = p.options.find((o) => o.id === r.id);
  const cut = r.cut;
  return (
    <section className="options" aria-labelledby="options-title">
      <h2 id="options-title">{t('options.title')}</h2>
      <fieldset className="segmented row" data-testid="basis-control">
        <legend>{t('options.basis')}</legend>
        {(['geodesic', 'official'] as const).map((b) => (
          <label key={b} className={p.basis === b ? 'on' : ''}>
            <input type="radio" name="basis" value={b} checked={p.basis === b} onChange={() => p.onBasis(b)} />
            {b === 'geodesic' ? t('options.basisGeodesic') : t('options.basisOfficial')}
          </label>
        ))}
      </fieldset>
      <p className="fine" data-testid="basis-note">
        {p.basis === 'geodesic'
          ? t('options.basisNoteGeodesic')
          : t('options.basisNoteOfficial', { sum: f.km2(4998.4), gsiTotal: f.km2(5003.05) })}{' '}
        <SourceLink source={p.basisSource} />
      </p>

      <Chart
        results={p.results}
        current={p.neutral ? '' : r.id}
        onOption={p.onOption}
        seaShares={p.seaShares ?? null}
        nameOf={nameOf}
      />

      {p.neutral ? (
        <div className="result" data-testid="option-result" aria-live="polite">
          <h3>{t('options.noOption')}</h3>
          <p className="fine" data-testid="neutral-note">
            {t('options.neutralNote')}
          </p>
          <button type="button" onClick={() => p.onShare(0.5)}>
            {t('options.setCustom')}
          </button>
        </div>
      ) : (
        <>
          <label className="slider">
            <span>
              {t('options.share')} <output data-testid="share-output">{f.pct(r.japanShare * 100, 2)}</output>
            </span>
            <input
              type="range"
              min={0}
              max={100}
              step={0.05}
              value={+(r.japanShare * 100).toFixed(2)}
              aria-label={t('options.shareAria')}
              data-testid="share-slider"
              onChange={(e) => p.onShare(Number(e.target.value) / 100)}
            />
          </label>

          <fieldset className="bearing" data-testid="bearing-control" disabled={!cut && r.id !== 'custom'}>
            <legend>{t('options.bearing')}</legend>
            <div className="bearing-row">
              <input
                type="number"
                min={0}
                max={179.9}
                step={0.5}
                aria-label={t('options.bearingAria')}
                value={typeof p.bearing === 'number' ? p.bearing : ''}
                placeholder={cut ? String(+cut.requestedBearingDeg.toFixed(1)) : ''}
                onChange={(e) => {
                  const x = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(x)) p.onBearing(normalizeBearing(x));
                }}
              />
              <span>°</span>
              <button type="button" onClick={() => p.onBearing(null)} aria-pressed={p.bearing === null}>
                {t('options.acrossLongAxis')}
                {p.longAxisBearing != null ? ` (${p.longAxisBearing.toFixed(0)}°)` : ''}
              </button>
              <button
                type="button"
                onClick={() => p.onBearing('shortest')}
                aria-pressed={p.bearing === 'shortest'}
                title={t('options.shortestTitle')}
              >
                {t('options.shortest')}
              </button>
              <button type="button" onClick={() => p.onBearing(0)} aria-pressed={p.bearing === 0}>
                {t('options.northSouth')}
              </button>
              <button type="button" onClick={() => p.onBearing(90)} aria-pressed={p.bearing === 90}>
                {t('options.eastWest')}
              </button>
            </div>
          </fieldset>

          <div className="result" data-testid="option-result" aria-live="polite">
            <h3>{nameOf(r)}</h3>
            {meta && (
              <p className="fine">
                {optionText(meta, 'summary', lang)} <em>{optionText(meta, 'proposed_by', lang)}</em> (
                {optionText(meta, 'when', lang)}).{' '}
                {meta.sources
                  .map((id) => p.optionSources.find((s) => s.id === id))
                  .filter(Boolean)
                  .map((s) => (
                    <SourceLink key={s!.id} source={s!} />
                  ))}
              </p>
            )}
            <dl className="figures">
              <dt>
                <span className="swatch japan" aria-hidden="true" />
                {t('common.japan')}
              </dt>
              <dd data-testid="japan-km2">
                {f.km2(r.japanKm2)} ({f.pct(r.japanShare * 100, 2)})
              </dd>
              <dt>
                <span className="swatch russia" aria-hidden="true" />
                {t('common.russia')}
              </dt>
              <dd data-testid="russia-km2">
                {f.km2(r.russiaKm2)} ({f.pct((1 - r.japanShare) * 100, 2)})
              </dd>
              <dt>{t('options.total')}</dt>
              <dd>{f.km2(r.totalKm2)}</dd>
            </dl>
            <table className="breakdown">
              <caption className="sr-only">{t('options.breakdown')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('options.island')}</th>
                  <th scope="col">{t('options.toJapan')}</th>
                  <th scope="col">{t('options.toRussia')}</th>
                </tr>
              </thead>
              <tbody>
                {r.perIsland.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{islandLabel(i.id)}</th>
                    <td>{f.number(i.toJapanKm2, 2)}</td>
                    <td>{f.number(i.toRussiaKm2, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {cut && (
              <p className="fine" data-testid="cut-details">
                {t('options.cutAcross', {
                  island: islandLabel(cut.island),
                  pct: f.pct(cut.islandFractionToJapan * 100, 2),
                })}{' '}
                <span data-testid="cut-bearing">
                  {t('options.requested', {
                    bearing: f.bearing(cut.requestedBearingDeg),
                    rule: ruleText(cut.bearingRule),
                    azimuth: cut.measuredBearingDeg === null ? '—' : f.bearing(cut.measuredBearingDeg),
                  })}
                </span>
                {t('common.semicolon')} {t('options.landBorder')}{' '}
                <span data-testid="border-length">{f.km(cut.borderLengthKm, 1)}</span>
                {cut.defaultBorderLengthKm !== null &&
                  t('options.defaultBorder', { km: f.km(cut.defaultBorderLengthKm, 1) })}
                {cut.lineEnds &&
                  t('options.lineEnds', { from: f.lonLat(cut.lineEnds[0]), to: f.lonLat(cut.lineEnds[1]) })}
                {t('common.period')}
              </p>
            )}
            {cut && !cut.anchorOnJapanSide && (
              <p className="notice" role="note" data-testid="side-rule-note">
                {t('options.sideRule', {
                  pct: f.pct(cut.islandFractionToJapan * 100, 2),
                  island: islandLabel(cut.island),
                })}
              </p>
            )}
            <h4>{t('options.people')}</h4>
            <dl className="figures">
              <dt>{t('options.japanese1945')}</dt>
              <dd>
                {t('options.japanSide', { n: f.int(r.people.japanese1945.japan) })} ·{' '}
                {t('options.russiaSide', { n: f.int(r.people.japanese1945.russia) })}
                {r.people.japanese1945.unsplit > 0 && (
                  <> · {t('options.unsplit', { n: f.int(r.people.japanese1945.unsplit) })}</>
                )}
                {r.people.cutVillages1945.length > 0 && (
                  <span className="village-sides" data-testid="villages-1945">
                    {' '}
                    {t('options.villagesIntro')}{' '}
                    {r.people.cutVillages1945.map((v, k) => (
                      <Fragment key={v.id}>
                        {k > 0 && '; '}
                        {place(v.id, v.name_en)} {f.int(v.population)},{' '}
                        {v.side === 'japan'
                          ? t('options.villageJapan')
                          : v.side === 'russia'
                            ? t('options.villageRussia')
                            : t('options.villageNotLocated')}
                      </Fragment>
                    ))}
                    .
                  </span>
                )}
              </dd>
              <dt>{t('options.russianNow', { year: r.people.russianNow.year })}</dt>
              <dd>
                {t('options.japanSide', { n: f.int(r.people.russianNow.japan) })} ·{' '}
                {t('options.russiaSide', { n: f.int(r.people.russianNow.russia) })}
                {r.people.russianNow.notLocated > 0 && (
                  <> · {t('options.notLocated', { n: f.int(r.people.russianNow.notLocated) })}</>
                )}
              </dd>
            </dl>
            {r.people.cutSettlements.length > 0 && (
              <ul className="settlement-sides">
                {r.people.cutSettlements.map((s) => (
                  <li key={s.id}>
                    {place(s.id, s.name_en)}:{' '}
                    {s.population === null
                      ? t('options.noFigure', { year: r.people.russianNow.year })
                      : f.int(s.population)}{' '}
                    — {s.side === 'japan' ? t('options.villageJapan') : t('options.villageRussia')}
                  </li>
                ))}
              </ul>
            )}
            {p.sites && (
              <>
                <h4>{t('options.sitesTitle', { year: p.sites.year })}</h4>
                <p className="fine" data-testid="sites-to-japan">
                  {p.sites.toJapan.length === 0
                    ? t('options.sitesNone')
                    : `${f.int(p.sites.toJapan.length)}: ` +
                      Object.entries(p.sites.byKind)
                        .map(([k, n]) =>
                          t('options.siteKindCount', {
                            n: f.int(n),
                            kind: lang === 'en' ? kindLabel(k).toLowerCase() : kindLabel(k),
                          }),
                        )
                        .join(lang === 'ja' ? '、' : ', ') +
                      t('common.period')}
                  {p.sites.ambiguous.length > 0 && (
                    <>
                      {' '}
                      {t('options.sitesAmbiguous', {
                        list: p.sites.ambiguous.map((id) => p.sites!.names[id] ?? id).join('; '),
                      })}
                    </>
                  )}
                </p>
              </>
            )}
            {p.userPoints && (
              <p className="fine" data-testid="user-points-to-japan">
                {t('options.userPoints', { on: f.int(p.userPoints.onIslands), n: f.int(p.userPoints.toJapan.length) })}
                {p.userPoints.toJapan.length > 0 && (
                  <>
                    {' ('}
                    {p.userPoints.toJapan.slice(0, 10).map((id, i) => (
                      <Fragment key={`${i}:${id}`}>
                        {i > 0 && ', '}
                        {/* A button, so the point is reachable from the keyboard as well as on the map. */}
                        <button type="button" className="inline-link" onClick={() => p.onShowUserPoint?.(id)}>
                          {id}
                        </button>
                      </Fragment>
                    ))}
                    {p.userPoints.toJapan.length > 10 ? '…' : ''})
                  </>
                )}
                .
              </p>
            )}
            {p.userPoints && p.onExportUserPoints && (
              <button type="button" data-testid="export-user-points" onClick={p.onExportUserPoints}>
                {t('options.exportUserPoints')}
              </button>
            )}
          </div>
        </>
      )}
      <div className="exports">
        <button type="button" onClick={p.onExportGeoJson} disabled={p.neutral}>
          {t('options.exportGeoJson')}
        </button>
        <button type="button" onClick={p.onExportCsv}>
          {t('options.exportCsv')}
        </button>
        {p.onExportPng && (
          <button type="button" onClick={p.onExportPng}>
            {t('options.exportPng')}
          </button>
        )}
        {p.mapExport}
      </div>
    </section>
  );
}

function Chart({
  results,
  current,
  onOption,
  seaShares,
  nameOf,
}: {
  results: OptionResult[];
  current: string;
  onOption: (id: string) => void;
  seaShares: Record<string, number> | null;
  nameOf: (r: OptionResult) => string;
}) {
  const { t, f } = useT();
  const sideNames = { japan: t('common.japan'), russia: t('common.russia') };
  const seaPct = (x: number | undefined) => (x === undefined ? '…' : f.pct(x * 100, 1));
  return (
    <div className="chart" role="group" aria-label={t('options.chart')}>
      {results.map((r) => (
        <button
          type="button"
          key={r.id}
          className={`bar-row${r.id === current ? ' on' : ''}`}
          onClick={() => onOption(r.id)}
          aria-pressed={r.id === current}
          data-option={r.id}
          title={nameOf(r)}
        >
          <span className="bar-label">{nameOf(r)}</span>
          <span className="bar" aria-hidden="true">
            <span className="bar-japan" style={{ width: `${r.japanShare * 100}%` }} />
            <span className="bar-russia" style={{ width: `${(1 - r.japanShare) * 100}%` }} />
            <span className="bar-half" />
          </span>
          <span className="bar-value">{f.pct(r.japanShare * 100, 2)}</span>
          {seaShares && (
            <span className="bar-value sea" data-testid="sea-share" title={t('options.seaShareTitle')}>
              {t('options.seaShare', { pct: seaPct(seaShares[r.id]) })}
            </span>
          )}
        </button>
      ))}
      <div className="legend">
        <span className="swatch japan" /> {sideNames.japan} <span className="swatch russia" /> {sideNames.russia}{' '}
        <span className="half-mark" /> {f.pct(50, 0)}
        {seaShares && t('options.seaLegend')}
      </div>
    </div>
  );
}
