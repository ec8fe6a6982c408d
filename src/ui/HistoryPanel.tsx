/**
 * History: the treaty lines since 1855 on a timeline (a year slider shows what applied), every event with
 * its date, names, the text's own words and sources, each side's reading where they differ; and the 1945
 * villages. States what each text says; no verdicts.
 */
import { Fragment, useMemo } from 'react';
import { localizeHistory, type HistoryData } from '../data/history.ts';
import type { VillagesTable } from '../data/villages.ts';
import { historyAt, HISTORY_REGIONS, yearOf } from '../geo/history.ts';
import type { Source } from '../data/sources.ts';
import { SourceLink } from './SourceLink.tsx';
import { islandName, useT } from '../i18n/index.ts';

export interface HistoryPanelProps {
  history: HistoryData;
  villages: VillagesTable | null;
  year: number;
  range: [number, number];
  onYear: (year: number) => void;
  showOnMap: boolean;
  onShowOnMap: (show: boolean) => void;
  onZoom: () => void;
}

export function HistoryPanel({
  history: given,
  villages,
  year,
  range,
  onYear,
  showOnMap,
  onShowOnMap,
  onZoom,
}: HistoryPanelProps) {
  const { t, lang, f } = useT();
  // Areas, statuses and notes in the interface language (data/history-events.i18n.json); quotes and readings
  // stay in the language cited, marked with it.
  const history = useMemo(() => localizeHistory(given, lang), [given, lang]);
  const LANGS: Record<string, string> = { en: t('common.english'), ja: t('common.japanese'), ru: t('common.russian') };
  /** An event's name in the interface language (the data has all three). */
  const nameOf = (e: { names: { en: string; ja: string; ru: string } }) => e.names[lang] || e.names.en;
  // The readings are given in English, as written in the data: said so in another interface language.
  const inEnglish =
    lang === 'en' ? null : (
      <span className="fine" lang={lang}>
        ({LANGS.en}){' '}
      </span>
    );
  const state = historyAt(history.events, year);
  const source = (id: string) => history.sources.find((s) => s.id === id) ?? null;
  const villageSource = (id: string): Source | null => villages?.sources.find((s) => s.id === id) ?? null;
  const lineText = (id: string) => {
    for (const e of history.events)
      for (const l of [e.line, ...(e.extra_lines ?? [])])
        if (l?.id === id) return `${l.between.join(' – ')} (${nameOf(e)}, ${yearOf(e.date)})`;
    return id;
  };
  const islandLabel = (id: string) => islandName(t, id) ?? id;
  return (
    <section className="panel history" aria-labelledby="history-title" data-testid="history-panel">
      <h2 id="history-title">{t('history.title')}</h2>
      <label className="history-year">
        {t('common.year')} <strong data-testid="history-year">{year}</strong>
        <input
          type="range"
          min={range[0]}
          max={range[1]}
          step={1}
          value={year}
          onChange={(e) => onYear(Number(e.target.value))}
          aria-valuetext={`${year}`}
          data-testid="history-slider"
        />
      </label>
      <div className="history-jumps" role="group" aria-label={t('history.jump')}>
        {history.events.map((e) => (
          <button
            type="button"
            key={e.id}
            onClick={() => onYear(yearOf(e.date))}
            aria-pressed={yearOf(e.date) === year}
          >
            {yearOf(e.date)}
          </button>
        ))}
      </div>
      <label>
        <input
          type="checkbox"
          checked={showOnMap}
          onChange={(e) => onShowOnMap(e.target.checked)}
          data-testid="history-on-map"
        />{' '}
        {t('history.showOnMap')}
      </label>
      {showOnMap && (
        <button type="button" onClick={onZoom}>
          {t('history.zoom')}
        </button>
      )}
      <div className="history-now" data-testid="history-state" aria-live="polite">
        <h3>{t('history.inYear', { year })}</h3>
        {!state.current ? (
          <p>{t('history.before')}</p>
        ) : (
          <>
            <p>
              {t('history.latest')} <strong>{nameOf(state.current)}</strong> ({f.date(state.current.date)}).
            </p>
            <p>
              {t('history.linesInForce', {
                lines: state.lines.length ? state.lines.map(lineText).join('; ') : t('history.noLines'),
              })}
            </p>
            <ul className="history-areas">
              {HISTORY_REGIONS.map(
                (r) =>
                  state.areas[r] && (
                    <li key={r}>
                      {history.regions[r] ?? r}: {history.statuses[state.areas[r]!] ?? state.areas[r]}
                    </li>
                  ),
              )}
            </ul>
          </>
        )}
        <p className="fine">{t('history.drawnNote')}</p>
      </div>
      <h3>{t('history.every')}</h3>
      <ol className="history-events">
        {history.events.map((e) => (
          <li key={e.id} data-event={e.id} className={state.current?.id === e.id ? 'current' : undefined}>
            <h4>
              <time dateTime={e.date}>{f.date(e.date)}</time> {nameOf(e)}
            </h4>
            {(['en', 'ja', 'ru'] as const)
              .filter((l) => l !== lang)
              .map((l) => (
                <p key={l} className="names" lang={l}>
                  {e.names[l]}
                </p>
              ))}
            {e.date_note && <p className="fine">{e.date_note}</p>}
            {e.quotes.map((q, i) => (
              <blockquote key={i} lang={q.lang}>
                {q.description ? <span className="fine">{t('history.asDescribed')}</span> : null}
                {q.article && <span className="fine">{q.article}: </span>}
                <q>{q.text}</q>
                <footer className="fine">
                  ({LANGS[q.lang] ?? q.lang}) <SourceLink source={source(q.source)} />
                </footer>
              </blockquote>
            ))}
            {[e.line, ...(e.extra_lines ?? [])].map(
              (l) =>
                l && (
                  <p key={l.id} className="fine">
                    {t('history.lineDrawn', { drawn: l.drawn, from: l.in_force[0], to: l.in_force[1] })}
                  </p>
                ),
            )}
            {e.line === null && e.line_note && <p className="fine">{e.line_note}</p>}
            {e.island_dates && (
              <ul>
                {e.island_dates.map((d) => (
                  <li key={d.island}>
                    {islandLabel(d.island)}: <time dateTime={d.date}>{f.date(d.date)}</time>, {d.note} (
                    <SourceLink source={source(d.source)} />)
                  </li>
                ))}
              </ul>
            )}
            {e.readings && (
              <dl className="readings">
                <dt>{t('history.japanReading')}</dt>
                <dd lang="en">
                  {e.readings.japan} {inEnglish}
                  {e.reading_sources?.japan.map((s) => (
                    <Fragment key={s}>
                      (<SourceLink source={source(s)} />){' '}
                    </Fragment>
                  ))}
                </dd>
                <dt>{t('history.russiaReading')}</dt>
                <dd lang="en">
                  {e.readings.russia} {inEnglish}
                  {e.reading_sources?.russia.map((s) => (
                    <Fragment key={s}>
                      (<SourceLink source={source(s)} />){' '}
                    </Fragment>
                  ))}
                </dd>
              </dl>
            )}
            {e.area_notes && (
              <ul className="fine">
                {Object.entries(e.area_notes).map(([r, n]) => (
                  <li key={r}>
                    {history.regions[r] ?? r}: {n}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {villages && (
        <>
          <h3 id="villages-title">{t('history.villagesTitle')}</h3>
          <p className="fine">
            {t('history.villagesIntro', {
              persons: f.int(villages.villages.reduce((s, v) => s + v.population, 0)),
              households: f.int(villages.villages.reduce((s, v) => s + v.households, 0)),
            })}
          </p>
          <table className="villages" aria-labelledby="villages-title" data-testid="villages-table">
            <thead>
              <tr>
                <th scope="col">{t('history.village')}</th>
                <th scope="col">{t('history.island')}</th>
                <th scope="col">{t('history.households')}</th>
                <th scope="col">{t('history.persons')}</th>
                <th scope="col">{t('history.seat')}</th>
              </tr>
            </thead>
            <tbody>
              {villages.villages.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {v.name_en} <span lang="ja">{v.name_ja}</span>
                  </th>
                  <td>{islandLabel(v.island)}</td>
                  <td>{f.int(v.households)}</td>
                  <td>{f.int(v.population)}</td>
                  <td>
                    {v.seat
                      ? v.seat.kind === 'point'
                        ? f.lonLat([v.seat.lon, v.seat.lat], 3)
                        : t('history.within', {
                            km: f.km(v.seat.radius_km, 0),
                            point: f.lonLat([v.seat.lon, v.seat.lat], 3),
                          })
                      : t('history.notLocated')}
                    <span className="fine"> {v.seat_note}</span>{' '}
                    {v.sources.map((s) => (
                      <Fragment key={s}>
                        (<SourceLink source={villageSource(s)} />){' '}
                      </Fragment>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
