/**
 * History: the treaty lines since 1855 on a timeline (a year slider shows what applied), every event with
 * its date, names, the text's own words and sources, each side's reading where they differ; and the 1945
 * villages. States what each text says; no verdicts.
 */
import { Fragment } from 'react';
import type { HistoryData } from '../data/history.ts';
import type { VillagesTable } from '../data/villages.ts';
import { historyAt, HISTORY_REGIONS, yearOf } from '../geo/history.ts';
import type { Source } from '../data/sources.ts';
import { SourceLink } from './SourceLink.tsx';
import { fmtInt } from './format.ts';

const LANGS: Record<string, string> = { en: 'English', ja: 'Japanese', ru: 'Russian' };

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

export function HistoryPanel({ history, villages, year, range, onYear, showOnMap, onShowOnMap, onZoom }: HistoryPanelProps) {
  const state = historyAt(history.events, year);
  const source = (id: string) => history.sources.find((s) => s.id === id) ?? null;
  const villageSource = (id: string): Source | null => villages?.sources.find((s) => s.id === id) ?? null;
  const lineText = (id: string) => {
    for (const e of history.events) for (const l of [e.line, ...(e.extra_lines ?? [])]) if (l?.id === id) return `${l.between.join(' – ')} (${e.names.en}, ${yearOf(e.date)})`;
    return id;
  };
  const years = history.events.map((e) => yearOf(e.date));
  return (
    <section className="panel history" aria-labelledby="history-title" data-testid="history-panel">
      <h2 id="history-title">History: the lines since 1855</h2>
      <label className="history-year">
        Year <strong data-testid="history-year">{year}</strong>
        <input type="range" min={range[0]} max={range[1]} step={1} value={year} onChange={(e) => onYear(Number(e.target.value))}
          aria-valuetext={`${year}`} data-testid="history-slider" />
      </label>
      <div className="history-jumps" role="group" aria-label="Jump to an event's year">
        {years.map((y, i) => <button type="button" key={history.events[i].id} onClick={() => onYear(y)} aria-pressed={y === year}>{y}</button>)}
      </div>
      <label><input type="checkbox" checked={showOnMap} onChange={(e) => onShowOnMap(e.target.checked)} data-testid="history-on-map" /> Show the lines and areas of that year on the map</label>
      {showOnMap && <button type="button" onClick={onZoom}>Zoom out to Sakhalin and Kamchatka</button>}
      <div className="history-now" data-testid="history-state" aria-live="polite">
        <h3>In {year}</h3>
        {!state.current ? <p>Before the first treaty on the timeline (1855).</p> : (
          <>
            <p>Latest instrument or event: <strong>{state.current.names.en}</strong> ({state.current.date}).</p>
            <p>Lines in force: {state.lines.length ? state.lines.map(lineText).join('; ') : 'none drawn by a treaty in force between the two countries'}.</p>
            <ul className="history-areas">
              {HISTORY_REGIONS.map((r) => state.areas[r] && (
                <li key={r}>{history.regions[r] ?? r}: {history.statuses[state.areas[r]!] ?? state.areas[r]}</li>
              ))}
            </ul>
          </>
        )}
        <p className="fine">Lines are drawn as the texts define them (a strait's median line, a parallel) on this atlas's OpenStreetMap-derived coastline; each event says how.</p>
      </div>
      <h3>Every event</h3>
      <ol className="history-events">
        {history.events.map((e) => (
          <li key={e.id} data-event={e.id} className={state.current?.id === e.id ? 'current' : undefined}>
            <h4><time dateTime={e.date}>{e.date}</time> {e.names.en}</h4>
            <p className="names" lang="ja">{e.names.ja}</p>
            <p className="names" lang="ru">{e.names.ru}</p>
            {e.date_note && <p className="fine">{e.date_note}</p>}
            {e.quotes.map((q, i) => (
              <blockquote key={i} lang={q.lang}>
                {q.description ? <span className="fine">As described: </span> : null}
                {q.article && <span className="fine">{q.article}: </span>}<q>{q.text}</q>
                <footer className="fine">({LANGS[q.lang] ?? q.lang}) <SourceLink source={source(q.source)} /></footer>
              </blockquote>
            ))}
            {[e.line, ...(e.extra_lines ?? [])].map((l) => l && <p key={l.id} className="fine">Line drawn: {l.drawn} In force {l.in_force[0]}–{l.in_force[1]}.</p>)}
            {e.line === null && e.line_note && <p className="fine">{e.line_note}</p>}
            {e.island_dates && (
              <ul>{e.island_dates.map((d) => <li key={d.island}>{d.island}: {d.date}, {d.note} (<SourceLink source={source(d.source)} />)</li>)}</ul>
            )}
            {e.readings && (
              <dl className="readings">
                <dt>Japan's reading</dt><dd>{e.readings.japan} {e.reading_sources?.japan.map((s) => <Fragment key={s}>(<SourceLink source={source(s)} />) </Fragment>)}</dd>
                <dt>Russia's reading</dt><dd>{e.readings.russia} {e.reading_sources?.russia.map((s) => <Fragment key={s}>(<SourceLink source={source(s)} />) </Fragment>)}</dd>
              </dl>
            )}
            {e.area_notes && <ul className="fine">{Object.entries(e.area_notes).map(([r, n]) => <li key={r}>{history.regions[r] ?? r}: {n}</li>)}</ul>}
          </li>
        ))}
      </ol>
      {villages && (
        <>
          <h3 id="villages-title">The 1945 villages</h3>
          <p className="fine">Residents on 15 August 1945 by village ({fmtInt(villages.villages.reduce((s, v) => s + v.population, 0))} persons,{' '}
            {fmtInt(villages.villages.reduce((s, v) => s + v.households, 0))} households). When an option cuts an island, its 1945 residents are
            counted by village, on the side of the village's seat: an approximation by village seat, since a village's land may lie on both sides.
            A village whose seat has no published position is counted as not located.</p>
          <table className="villages" aria-labelledby="villages-title" data-testid="villages-table">
            <thead><tr><th scope="col">Village</th><th scope="col">Island</th><th scope="col">Households</th><th scope="col">Persons</th><th scope="col">Seat</th></tr></thead>
            <tbody>
              {villages.villages.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name_en} <span lang="ja">{v.name_ja}</span></th>
                  <td>{v.island}</td><td>{fmtInt(v.households)}</td><td>{fmtInt(v.population)}</td>
                  <td>{v.seat ? (v.seat.kind === 'point' ? `${v.seat.lat.toFixed(3)}° N ${v.seat.lon.toFixed(3)}° E` : `within ${v.seat.radius_km} km of ${v.seat.lat.toFixed(3)}° N ${v.seat.lon.toFixed(3)}° E`) : 'not located'}
                    <span className="fine"> {v.seat_note}</span> {v.sources.map((s) => <Fragment key={s}>(<SourceLink source={villageSource(s)} />) </Fragment>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
