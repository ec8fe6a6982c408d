/**
 * The sea under the current option, by the equidistance method: figures, straits, and a published figure
 * beside ours.
 */
import { Trans } from 'react-i18next';
import type { SeaState } from '../map/use-sea.ts';
import { STRAITS } from '../map/use-sea.ts';
import { useT } from '../i18n/index.ts';

/** Published figures keep their own precision. */
const dp = (x: number) => (String(x).split('.')[1] ?? '').length;

export function SeaPanel({ sea, optionId, optionName }: { sea: SeaState; optionId: string; optionName: string }) {
  const { t, lang, f } = useT();
  const km2 = (m2: number) => f.km2(Math.round(m2 / 1e6), 0);
  const pct = (x: number) => f.pct(x * 100, 1);
  const signed = (m2: number) => `${m2 >= 0 ? '+' : '−'}${f.km2(Math.round(Math.abs(m2) / 1e6), 0)}`;
  const side = (s: 'japan' | 'russia') => (s === 'japan' ? t('common.japan') : t('common.russia'));
  const r = sea.current;
  const sq = sea.others['status-quo'];
  return (
    <section className="panel sea-panel" aria-labelledby="sea-title" data-testid="sea-panel">
      <h2 id="sea-title">{t('sea.title')}</h2>
      <p className="fine" data-testid="sea-method">
        <Trans i18nKey="sea.method" components={{ b: <strong /> }} />
      </p>
      {sea.status === 'preparing' && (
        <p className="hint" role="status">
          {t('sea.preparing')}
        </p>
      )}
      {sea.status === 'error' && (
        <p className="problems" role="alert">
          {t('sea.error', { error: sea.error })}
        </p>
      )}
      {r && (
        <>
          <dl className="figures" data-testid="sea-figures" aria-live="polite">
            <dt>{t('sea.region')}</dt>
            <dd>{km2(r.regionM2)}</dd>
            <dt>
              <span className="swatch japan" aria-hidden="true" />
              {t('sea.japanWaters')}
            </dt>
            <dd data-testid="sea-japan">
              {km2(r.japanM2)} ({pct(r.japanShare)}){t('sea.territorial', { km2: km2(r.territorialSea.japanM2) })}
            </dd>
            <dt>
              <span className="swatch russia" aria-hidden="true" />
              {t('sea.russiaWaters')}
            </dt>
            <dd data-testid="sea-russia">
              {km2(r.russiaM2)} ({pct(1 - r.japanShare)}){t('sea.territorial', { km2: km2(r.territorialSea.russiaM2) })}
            </dd>
            {sq && (
              <>
                <dt>{t('sea.change')}</dt>
                <dd>
                  {t('sea.changeValue', {
                    japan: signed(r.japanM2 - sq.japanM2),
                    russia: signed(r.russiaM2 - sq.russiaM2),
                  })}
                </dd>
              </>
            )}
            <dt>{t('sea.boundary')}</dt>
            <dd>{f.km(Math.round(r.boundaryLengthKm), 0)}</dd>
          </dl>
          {optionId === 'two-islands' && (
            <div className="notice" role="note" data-testid="sea-published">
              <Trans
                i18nKey="sea.published"
                values={{ option: optionName, pct: pct(r.japanShare), sqPct: sq ? pct(sq.japanShare) : '…' }}
                components={{
                  b: <strong />,
                  a: (
                    <a
                      href="http://cccpcamera.asablo.jp/blog/2018/11/19/9000346"
                      target="_blank"
                      rel="noopener noreferrer"
                    />
                  ),
                }}
              />
            </div>
          )}
          <h3>{t('sea.straits')}</h3>
          <ul className="sea-straits" data-testid="sea-straits">
            {r.straits.map((s) => {
              const info = STRAITS.straits.find((x) => x.id === s.id)!;
              // The strait's name in the interface language's convention; the other two beside it.
              const names = { en: info.name_en, ja: info.name_ja, ru: info.name_ru };
              const others = (['en', 'ja', 'ru'] as const).filter((l) => l !== lang).map((l) => names[l]);
              return (
                <li key={s.id} data-strait={s.id}>
                  <strong>{names[lang]}</strong> <span className="fine">({others.join(' · ')})</span>,{' '}
                  {t('sea.widthHere', { km: f.km(s.widthM / 1000, 1) })}{' '}
                  {s.sides.length === 1 ? t('sea.oneSide', { side: side(s.sides[0]!) }) : t('sea.bothSides')}
                  {t('common.semicolon')}{' '}
                  {s.closedByTerritorialSeas
                    ? s.sides.length === 1
                      ? t('sea.closedOne', { side: side(s.sides[0]!) })
                      : t('sea.closedBoth')
                    : t('sea.open', { km: f.km(s.corridorM / 1000, 1) })}
                  {t('common.period')}
                  <details>
                    <summary className="fine">{t('sea.widthsPrinted')}</summary>
                    {/* The sources' own words (data/straits.json), in English. */}
                    <ul className="fine" lang="en">
                      {info.widths.map((w, k) => (
                        <li key={k}>
                          {f.km(w.km, dp(w.km))}, {w.what}:{' '}
                          <a href={STRAITS.sources[w.source]?.url} target="_blank" rel="noopener noreferrer">
                            {STRAITS.sources[w.source]?.title ?? w.source}
                          </a>
                        </li>
                      ))}
                      {info.width_note && <li>{info.width_note}</li>}
                      {info.crossing_note && <li>{info.crossing_note}</li>}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
          <p className="fine">{t('sea.widthNote')}</p>
          {sea.computeMs !== null && (
            <p className="fine">
              {t('sea.timing', { ms: f.number(sea.computeMs, 1) })}
              {sea.prepareMs !== null && t('sea.prepared', { s: f.number(sea.prepareMs / 1000, 1) })}
              {t('common.period')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
