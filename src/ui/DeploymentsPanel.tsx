/** Military sites: filters, a year slider with play, reported exercises, range rings, details of one site. */
import { useEffect, useRef } from 'react';
import { useT, type UiLanguage } from '../i18n/index.ts';
import { SourceLink } from './SourceLink.tsx';
import type { RingMode } from '../state/url-state.ts';
import { FIRST_YEAR, THIS_YEAR } from '../state/years.ts';
import type { SiteChoice } from '../state/store.ts';
import type { ExerciseRow } from '../data/tables.ts';
import { COUNTRIES, CERTAINTIES, KINDS, type Site, type SiteProps, type SystemInfo } from '../data/deployments.ts';
import { inLanguage, operatorName, siteName, translationOf } from './site-text.ts';

/** The filters shown: the page's choice of countries, kinds and certainties, and the link's year. */
export type SiteFilters = SiteChoice & { year: number };
export type { RingMode } from '../state/url-state.ts';
/** An exercise as the table gives it (data/exercises.json, checked by src/data/tables.ts). */
export type Exercise = ExerciseRow;

/**
 * A site's note in the interface language: the translation, with the English it was made from one click
 * away (the English is the text the sources were read for).
 */
function SiteNote({ props: p, lang }: { props: SiteProps & { note: string }; lang: UiLanguage }) {
  const { t } = useT();
  const translated = translationOf(p, 'note', lang);
  if (!translated) return <p className="fine">{p.note}</p>;
  return (
    <div className="site-note">
      <p className="fine">{translated}</p>
      <details className="fine">
        <summary>{t('site.noteOriginal')}</summary>
        <p lang="en">{p.note}</p>
      </details>
    </div>
  );
}

export function DeploymentsPanel(p: {
  filters: SiteFilters;
  onFilters: (f: SiteFilters) => void;
  shownCount: number;
  totalCount: number;
  exercises: Exercise[];
  ringMode: RingMode;
  onRingMode: (m: RingMode) => void;
  playing: boolean;
  onPlaying: (b: boolean) => void;
  shownSites: Site[];
  selectedSiteId: string | null;
  onSelectSite: (id: string | null) => void;
}) {
  const { t, lang, f: fmt } = useT();
  const { filters: f } = p;
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const inYear = p.exercises.filter((e) => e.date.startsWith(String(f.year)));
  // An exercise is two sentences, its title and its place: a space follows each, except Japanese 。
  const sentenceGap = lang === 'ja' ? '' : ' ';
  const timer = useRef<number | null>(null);
  useEffect(() => {
    if (!p.playing) return;
    // Steps a year at a time; slower when the user prefers reduced motion. Asked here, when playing starts,
    // not at every render of the panel (a style query: 8 ms of one render in a traced import).
    const reduceMotion = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    timer.current = window.setInterval(
      () => {
        const next = f.year >= THIS_YEAR ? FIRST_YEAR : f.year + 1;
        p.onFilters({ ...f, year: next });
        if (next === THIS_YEAR) p.onPlaying(false);
      },
      reduceMotion ? 2000 : 700,
    );
    return () => {
      if (timer.current) clearInterval(timer.current);
    };
  }, [p.playing, f, p]);

  return (
    <section className="deployments" aria-labelledby="deployments-title">
      <h2 id="deployments-title">{t('deployments.title')}</h2>
      <p className="fine">{t('deployments.intro')}</p>
      <div className="year-row">
        <label htmlFor="year-slider">
          {t('common.year')} <output data-testid="year-output">{f.year}</output>
        </label>
        <input
          id="year-slider"
          type="range"
          min={FIRST_YEAR}
          max={THIS_YEAR}
          step={1}
          value={f.year}
          data-testid="year-slider"
          onChange={(e) => p.onFilters({ ...f, year: Number(e.target.value) })}
        />
        <button type="button" onClick={() => p.onPlaying(!p.playing)} aria-pressed={p.playing}>
          {p.playing ? t('deployments.pause') : t('deployments.play')}
        </button>
      </div>
      <label className="site-select">
        {t('deployments.siteDetails')}{' '}
        <select
          value={p.selectedSiteId ?? ''}
          onChange={(e) => p.onSelectSite(e.target.value || null)}
          data-testid="site-select"
        >
          <option value="">{t('deployments.choose')}</option>
          {p.shownSites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.props.country} · {siteName(s.props, lang)}
            </option>
          ))}
        </select>
      </label>
      <p className="fine" data-testid="sites-count">
        {t('deployments.count', { shown: fmt.int(p.shownCount), total: fmt.int(p.totalCount), year: f.year })}
      </p>
      <div className="filter-grid">
        <fieldset>
          <legend>{t('deployments.country')}</legend>
          {COUNTRIES.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={f.countries.includes(c)}
                onChange={() => p.onFilters({ ...f, countries: toggle(f.countries, c) })}
              />
              <span className={`dot-${c}`} aria-hidden="true" />
              {t(`deployments.countries.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('deployments.positionKnown')}</legend>
          {CERTAINTIES.map((c) => (
            <label key={c} title={t(`deployments.certainty.${c}`)}>
              <input
                type="checkbox"
                checked={f.certainties.includes(c)}
                onChange={() => p.onFilters({ ...f, certainties: toggle(f.certainties, c) })}
              />
              {t(`deployments.certaintyShort.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="kinds">
          <legend>{t('deployments.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={f.kinds.includes(k)}
                onChange={() => p.onFilters({ ...f, kinds: toggle(f.kinds, k) })}
              />
              {t(`deployments.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset className="segmented row">
        <legend>{t('deployments.ranges')}</legend>
        {(['none', 'selected', 'all'] as const).map((m) => (
          <label key={m} className={p.ringMode === m ? 'on' : ''}>
            <input type="radio" name="rings" checked={p.ringMode === m} onChange={() => p.onRingMode(m)} />
            {m === 'none'
              ? t('deployments.ringsNone')
              : m === 'selected'
                ? t('deployments.ringsSelected')
                : t('deployments.ringsAll')}
          </label>
        ))}
      </fieldset>
      <h3>{t('deployments.exercises', { year: f.year })}</h3>
      {inYear.length ? (
        <ul className="exercises" data-testid="exercises">
          {inYear.map((e) => (
            <li key={e.id}>
              <strong>
                <time dateTime={e.date}>{fmt.date(e.date)}</time>
              </strong>{' '}
              {inLanguage(e, 'title', lang)}
              {e.troops ? t('deployments.troops', { n: fmt.int(e.troops) }) : ''}
              {t('common.period') + sentenceGap}
              {inLanguage(e, 'where', lang)}
              {t('common.period') + sentenceGap}
              {e.sources.slice(0, 2).map((s) => (
                <SourceLink key={s.id} source={s} />
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="fine">{t('deployments.noneRecorded')}</p>
      )}
    </section>
  );
}

export function SiteDetails({ site, systems, onClose }: { site: Site; systems: SystemInfo[]; onClose: () => void }) {
  const { t, lang, f } = useT();
  const p = site.props;
  const sys = p.systems.map((id) => systems.find((s) => s.id === id)).filter((s): s is SystemInfo => !!s);
  return (
    <section className="panel" aria-labelledby="site-title" data-testid="site-panel">
      <header className="panel-head">
        <h2 id="site-title">{siteName(p, lang)}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('site.close')}>
          ×
        </button>
      </header>
      <dl className="names">
        {lang !== 'en' && (
          <>
            <dt>{t('common.english')}</dt>
            <dd lang="en">{p.name_en}</dd>
          </>
        )}
        {p.name_ja && (
          <>
            <dt>{t('common.japanese')}</dt>
            <dd lang="ja">{p.name_ja}</dd>
          </>
        )}
        {p.name_ru && (
          <>
            <dt>{t('common.russian')}</dt>
            <dd lang="ru">{p.name_ru}</dd>
          </>
        )}
        <dt>{t('site.operator')}</dt>
        <dd>
          {p.country} · {operatorName(t, p.operator)} ·{' '}
          {KINDS.includes(p.kind) ? t(`deployments.kinds.${p.kind}`) : p.kind}
        </dd>
        <dt>{t('site.years')}</dt>
        <dd>
          {p.since ?? t('site.unknown')} – {p.until ?? t('site.present')}
        </dd>
        {p.personnel != null && (
          <>
            <dt>{t('site.personnel')}</dt>
            <dd>{t('site.reported', { n: f.int(p.personnel) })}</dd>
          </>
        )}
        <dt>{t('common.position')}</dt>
        <dd data-testid="site-certainty">
          {CERTAINTIES.includes(p.certainty) ? t(`deployments.certainty.${p.certainty}`) : p.certainty}
        </dd>
      </dl>
      {sys.length > 0 && (
        <>
          <h3>{t('site.systems')}</h3>
          <ul className="systems">
            {sys.map((s) => (
              <li key={s.id}>
                {s.name}: {inLanguage(s, 'type', lang)}
                {s.range_km_max != null
                  ? t('site.range', {
                      range: `${s.range_km_min != null ? `${f.int(s.range_km_min)}–` : ''}${f.km(s.range_km_max, 0)}`,
                    })
                  : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.note && <SiteNote props={{ ...p, note: p.note }} lang={lang} />}
      <h3>{t('common.sources')}</h3>
      <ul className="sources">
        {p.sources.map((s, i) => (
          <li key={i}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title ?? s.url}
              </a>
            ) : (
              s.title
            )}
            {[s.publisher, s.date].filter(Boolean).length > 0 && (
              <span className="fine">
                {' '}
                — {[s.publisher, s.date && f.date(String(s.date))].filter(Boolean).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
