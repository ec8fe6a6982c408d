/** Military sites: filters, a year slider with play, reported exercises, range rings, details of one site. */
import { useEffect, useRef } from 'react';
import { fmtInt } from './format.ts';
import { SourceLink } from './SourceLink.tsx';
import type { RingMode } from './url-state.ts';
import type { Source } from '../data/sources.ts';
import { COUNTRIES, CERTAINTIES, CERTAINTY_LABELS, KINDS, KIND_LABELS, type Certainty, type Country, type Kind, type Site, type SystemInfo } from '../data/deployments.ts';

export interface SiteFilters { countries: Country[]; kinds: Kind[]; certainties: Certainty[]; year: number }
export type { RingMode } from './url-state.ts';
export interface Exercise { id: string; date: string; title: string; where: string; troops: number | null; description: string; sources: Source[] }

export const FIRST_YEAR = 1990;
export const THIS_YEAR = new Date().getFullYear();
const COUNTRY_LABELS: Record<Country, string> = { RU: 'Russia', JP: 'Japan', US: 'United States' };

export function DeploymentsPanel(p: {
  filters: SiteFilters; onFilters: (f: SiteFilters) => void; shownCount: number; totalCount: number;
  exercises: Exercise[]; ringMode: RingMode; onRingMode: (m: RingMode) => void;
  playing: boolean; onPlaying: (b: boolean) => void;
  shownSites: Site[]; selectedSiteId: string | null; onSelectSite: (id: string | null) => void;
}) {
  const { filters: f } = p;
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const inYear = p.exercises.filter((e) => e.date.startsWith(String(f.year)));
  const reduceMotion = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const timer = useRef<number | null>(null);
  useEffect(() => {
    if (!p.playing) return;
    // Steps a year at a time; slower when the user prefers reduced motion.
    timer.current = window.setInterval(() => {
      const next = f.year >= THIS_YEAR ? FIRST_YEAR : f.year + 1;
      p.onFilters({ ...f, year: next });
      if (next === THIS_YEAR) p.onPlaying(false);
    }, reduceMotion ? 2000 : 700);
    return () => { if (timer.current) clearInterval(timer.current); };
  }, [p.playing, f, p, reduceMotion]);

  return (
    <section className="deployments" aria-labelledby="deployments-title">
      <h2 id="deployments-title">Military sites</h2>
      <p className="fine">Open-source positions and reported figures; each site lists its sources. A solid ring is the facility's own position; dashed, only its town; dotted, only its island.</p>
      <div className="year-row">
        <label htmlFor="year-slider">Year <output data-testid="year-output">{f.year}</output></label>
        <input id="year-slider" type="range" min={FIRST_YEAR} max={THIS_YEAR} step={1} value={f.year} data-testid="year-slider"
          onChange={(e) => p.onFilters({ ...f, year: Number(e.target.value) })} />
        <button type="button" onClick={() => p.onPlaying(!p.playing)} aria-pressed={p.playing}>{p.playing ? 'Pause' : 'Play'}</button>
      </div>
      <label className="site-select">Site details{' '}
        <select value={p.selectedSiteId ?? ''} onChange={(e) => p.onSelectSite(e.target.value || null)} data-testid="site-select">
          <option value="">Choose a site… (or click one on the map)</option>
          {p.shownSites.map((s) => <option key={s.id} value={s.id}>{s.props.country} · {s.props.name_en}</option>)}
        </select>
      </label>
      <p className="fine" data-testid="sites-count">{p.shownCount} of {p.totalCount} sites shown for {f.year}.</p>
      <div className="filter-grid">
        <fieldset><legend>Country</legend>
          {COUNTRIES.map((c) => <label key={c}><input type="checkbox" checked={f.countries.includes(c)} onChange={() => p.onFilters({ ...f, countries: toggle(f.countries, c) })} /><span className={`dot-${c}`} aria-hidden="true" />{COUNTRY_LABELS[c]}</label>)}
        </fieldset>
        <fieldset><legend>Position known to</legend>
          {CERTAINTIES.map((c) => <label key={c} title={CERTAINTY_LABELS[c]}><input type="checkbox" checked={f.certainties.includes(c)} onChange={() => p.onFilters({ ...f, certainties: toggle(f.certainties, c) })} />{c === 'exact' ? 'the facility' : c === 'settlement' ? 'the town' : 'the island only'}</label>)}
        </fieldset>
        <fieldset className="kinds"><legend>Kind</legend>
          {KINDS.map((k) => <label key={k}><input type="checkbox" checked={f.kinds.includes(k)} onChange={() => p.onFilters({ ...f, kinds: toggle(f.kinds, k) })} />{KIND_LABELS[k]}</label>)}
        </fieldset>
      </div>
      <fieldset className="segmented row"><legend>Reported ranges</legend>
        {(['none', 'selected', 'all'] as const).map((m) => (
          <label key={m} className={p.ringMode === m ? 'on' : ''}><input type="radio" name="rings" checked={p.ringMode === m} onChange={() => p.onRingMode(m)} />
            {m === 'none' ? 'Off' : m === 'selected' ? 'Selected site' : 'All shown sites'}</label>
        ))}
      </fieldset>
      <h3>Reported exercises in {f.year}</h3>
      {inYear.length ? (
        <ul className="exercises" data-testid="exercises">
          {inYear.map((e) => (
            <li key={e.id}><strong>{e.date}</strong> {e.title}{e.troops ? ` (${fmtInt(e.troops)} troops reported)` : ''}. {e.where}.{' '}
              {e.sources.slice(0, 2).map((s) => <SourceLink key={s.id} source={s} />)}
            </li>
          ))}
        </ul>
      ) : <p className="fine">None recorded in our sources.</p>}
    </section>
  );
}

export function SiteDetails({ site, systems, onClose }: { site: Site; systems: SystemInfo[]; onClose: () => void }) {
  const p = site.props;
  const sys = p.systems.map((id) => systems.find((s) => s.id === id)).filter((s): s is SystemInfo => !!s);
  return (
    <section className="panel" aria-labelledby="site-title" data-testid="site-panel">
      <header className="panel-head">
        <h2 id="site-title">{p.name_en}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close site details">×</button>
      </header>
      <dl className="names">
        {p.name_ja && <><dt>Japanese</dt><dd lang="ja">{p.name_ja}</dd></>}
        {p.name_ru && <><dt>Russian</dt><dd lang="ru">{p.name_ru}</dd></>}
        <dt>Operator</dt><dd>{p.country} · {p.operator} · {KIND_LABELS[p.kind] ?? p.kind}</dd>
        <dt>Years</dt><dd>{p.since ?? 'unknown'} – {p.until ?? 'present'}</dd>
        {p.personnel != null && <><dt>Personnel</dt><dd>{fmtInt(p.personnel)} (reported)</dd></>}
        <dt>Position</dt><dd data-testid="site-certainty">{CERTAINTY_LABELS[p.certainty] ?? p.certainty}</dd>
      </dl>
      {sys.length > 0 && (
        <>
          <h3>Systems (reported)</h3>
          <ul className="systems">
            {sys.map((s) => <li key={s.id}>{s.name}: {s.type}{s.range_km_max != null ? `, range ${s.range_km_min != null ? `${s.range_km_min}–` : ''}${s.range_km_max} km (reported)` : ''}</li>)}
          </ul>
        </>
      )}
      {p.note && <p className="fine">{p.note}</p>}
      <h3>Sources</h3>
      <ul className="sources">
        {p.sources.map((s, i) => (
          <li key={i}>{s.url ? <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title ?? s.url}</a> : s.title}
            {[s.publisher, s.date].filter(Boolean).length > 0 && <span className="fine"> — {[s.publisher, s.date].filter(Boolean).join(', ')}</span>}</li>
        ))}
      </ul>
    </section>
  );
}
