/**
 * geo/history.geojson (built by the pipeline from data/history-events.json and the coastline source):
 * the dated events (the collection's "events" member, with "sources"), the lines they define and the
 * areas they assign. Checked on every load like the other data files; never throws.
 *
 * The events' descriptive texts in Japanese and Russian (areas, statuses, notes, how each line was drawn) are
 * in data/history-events.i18n.json, applied by localizeHistory; the texts' own words and each side's reading
 * stay in the language cited.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import HISTORY_I18N_JSON from '../../data/history-events.i18n.json' with { type: 'json' };
import { checkSource, type Source } from './sources.ts';
import { validateLayerObject, type LayerSchema, type ValidationProblem } from './validate.ts';
import {
  HISTORY_REGIONS,
  HISTORY_STATUSES,
  type HistoryEvent,
  type HistoryLineFeature,
  type HistoryLineSpec,
  type HistoryRegionFeature,
} from '../geo/history.ts';

export const HISTORY_FILE = 'geo/history.geojson';

const HISTORY_SCHEMA: LayerSchema = {
  geometryTypes: ['LineString', 'MultiPolygon'],
  requiredProperties: ['id', 'kind'],
  checkSelfIntersections: false,
};

export interface HistoryData {
  events: HistoryEvent[];
  sources: Source[];
  statuses: Record<string, string>;
  regions: Record<string, string>;
  lines: HistoryLineFeature[];
  regionFeatures: HistoryRegionFeature[];
  data: FeatureCollection<Geometry>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates the parsed file: GeoJSON structure, then events, quotes, names, areas, lines and sources. */
export function validateHistory(
  obj: unknown,
  file: string = HISTORY_FILE,
): { ok: true; history: HistoryData } | { ok: false; problems: ValidationProblem[] } {
  const r = validateLayerObject(file, obj, HISTORY_SCHEMA);
  if (!r.ok) return r;
  const problems: ValidationProblem[] = [];
  const add = (path: string, message: string, id: string | null = null) =>
    problems.push({ file, featureIndex: null, featureId: id, path, message });
  const o = obj as Obj;
  const sourceIds = new Set<string>();
  if (!Array.isArray(o.sources) || o.sources.length === 0) add('sources', 'must be a non-empty list of sources');
  else
    o.sources.forEach((s, k) => {
      for (const issue of checkSource(s)) add(`sources[${k}]${issue.field ? `.${issue.field}` : ''}`, issue.message);
      if (isObj(s) && typeof s.id === 'string') {
        if (sourceIds.has(s.id)) add(`sources[${k}].id`, `"${s.id}" is used twice`);
        sourceIds.add(s.id);
      }
    });
  const lineIds = new Set(
    r.data.features.filter((f) => f.properties?.kind === 'line').map((f) => String(f.properties!.id)),
  );
  const knownSource = (path: string, id: unknown, ev: string | null) => {
    if (!sourceIds.has(id as string)) add(path, `"${String(id)}" is not in the file's sources`, ev);
  };
  const wantedLines = new Set<string>();
  if (!Array.isArray(o.events) || o.events.length === 0) add('events', 'must be a non-empty list of events');
  else
    o.events.forEach((e, k) => {
      const at = `events[${k}]`;
      if (!isObj(e)) {
        add(at, 'must be an object');
        return;
      }
      const id = nonEmpty(e.id) ? (e.id as string) : null;
      const put = (field: string, message: string) => add(`${at}.${field}`, message, id);
      if (!id) put('id', 'is missing');
      if (!(typeof e.date === 'string' && DATE.test(e.date) && !Number.isNaN(Date.parse(e.date))))
        put('date', `must be a date YYYY-MM-DD, got ${JSON.stringify(e.date)}`);
      if (!isObj(e.names) || !['en', 'ja', 'ru'].every((l) => nonEmpty((e.names as Obj)[l])))
        put('names', 'needs the English, Japanese and Russian names');
      if (!Array.isArray(e.quotes) || e.quotes.length === 0) put('quotes', 'needs at least one quote of the text');
      else
        e.quotes.forEach((q, j) => {
          if (!isObj(q) || !nonEmpty(q.text) || !nonEmpty(q.lang)) {
            put(`quotes[${j}]`, 'needs lang and text');
            return;
          }
          if ((q.text as string).length > 600)
            put(`quotes[${j}].text`, 'is longer than a short quote (600 characters)');
          knownSource(`${at}.quotes[${j}].source`, q.source, id);
        });
      if (!isObj(e.areas)) put('areas', "must give each area's status");
      else
        for (const region of HISTORY_REGIONS) {
          if (!(HISTORY_STATUSES as readonly string[]).includes((e.areas as Obj)[region] as string))
            put(
              `areas.${region}`,
              `"${String((e.areas as Obj)[region])}" is not one of ${HISTORY_STATUSES.join(', ')}`,
            );
        }
      for (const l of [e.line, ...(Array.isArray(e.extra_lines) ? e.extra_lines : [])]) {
        if (l === null || l === undefined) continue;
        if (
          !isObj(l) ||
          !nonEmpty(l.id) ||
          !nonEmpty(l.drawn) ||
          !Array.isArray(l.in_force) ||
          l.in_force.length !== 2 ||
          !(Number(l.in_force[0]) < Number(l.in_force[1]))
        ) {
          put('line', 'needs id, drawn (how it was drawn) and in_force [from, to]');
          continue;
        }
        wantedLines.add(l.id as string);
        if (!lineIds.has(l.id as string)) put('line', `line "${String(l.id)}" has no feature in the file`);
      }
      if (e.line === null && !nonEmpty(e.line_note)) put('line_note', 'an event without a line must say why');
      if (e.readings !== undefined) {
        if (!isObj(e.readings) || !nonEmpty(e.readings.japan) || !nonEmpty(e.readings.russia))
          put('readings', "must give both sides' readings");
        if (
          !isObj(e.reading_sources) ||
          !['japan', 'russia'].every(
            (s) =>
              Array.isArray((e.reading_sources as Obj)[s]) && ((e.reading_sources as Obj)[s] as unknown[]).length > 0,
          )
        )
          put('reading_sources', 'each reading needs a source');
        else
          for (const side of ['japan', 'russia'])
            ((e.reading_sources as Obj)[side] as unknown[]).forEach((s, j) =>
              knownSource(`${at}.reading_sources.${side}[${j}]`, s, id),
            );
      }
      if (Array.isArray(e.island_dates))
        e.island_dates.forEach((d, j) => {
          if (!isObj(d) || !(typeof d.date === 'string' && DATE.test(d.date)))
            put(`island_dates[${j}]`, 'needs a date YYYY-MM-DD');
          else knownSource(`${at}.island_dates[${j}].source`, d.source, id);
        });
      if (!Array.isArray(e.sources) || e.sources.length === 0) put('sources', 'needs at least one source');
      else e.sources.forEach((s, j) => knownSource(`${at}.sources[${j}]`, s, id));
    });
  for (const lid of lineIds) if (!wantedLines.has(lid)) add('features', `line "${lid}" belongs to no event`, lid);
  const regionFeatures = r.data.features.filter((f) => f.properties?.kind === 'region');
  for (const f of regionFeatures)
    if (!(HISTORY_REGIONS as readonly string[]).includes(f.properties!.region))
      add(
        'features',
        `region "${String(f.properties!.region)}" is not one of ${HISTORY_REGIONS.join(', ')}`,
        String(f.properties!.id),
      );
  if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
  return {
    ok: true,
    history: {
      events: o.events as HistoryEvent[],
      sources: o.sources as Source[],
      statuses: (o.statuses ?? {}) as Record<string, string>,
      regions: (o.regions ?? {}) as Record<string, string>,
      lines: r.data.features.filter((f) => f.properties?.kind === 'line') as unknown as HistoryLineFeature[],
      regionFeatures: regionFeatures as unknown as HistoryRegionFeature[],
      data: r.data,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Translations of the descriptive texts (data/history-events.i18n.json)

export type HistoryTextLanguage = 'ja' | 'ru';
type Tr = Record<HistoryTextLanguage, string>;
export interface HistoryTranslations {
  regions: Record<string, Tr>;
  statuses: Record<string, Tr>;
  events: Record<
    string,
    {
      date_note?: Tr;
      line_note?: Tr;
      area_notes?: Record<string, Tr>;
      lines?: Record<string, { between?: Record<HistoryTextLanguage, string[]>; drawn?: Tr }>;
      island_dates?: Record<string, Tr>;
    }
  >;
}
export const HISTORY_TRANSLATIONS = HISTORY_I18N_JSON as unknown as HistoryTranslations;
const TEXT_LANGUAGES: readonly HistoryTextLanguage[] = ['ja', 'ru'];

/**
 * What the translations miss or add against the events: every English text needs a Japanese and a
 * Russian one (a line's "between" as many names), and a translation of something the events do not
 * have is named too. Empty when they match.
 */
export function checkHistoryTranslations(history: HistoryData, tr: unknown = HISTORY_TRANSLATIONS): string[] {
  const problems: string[] = [];
  const t = (isObj(tr) ? tr : {}) as Partial<HistoryTranslations>;
  const pair = (path: string, v: unknown) => {
    for (const l of TEXT_LANGUAGES)
      if (!isObj(v) || !nonEmpty(v[l])) problems.push(`${path}.${l}: the translation is missing`);
  };
  const extra = (path: string, have: readonly string[], given: object | undefined) => {
    for (const k of Object.keys(given ?? {}))
      if (!have.includes(k)) problems.push(`${path}.${k}: translates nothing in the events`);
  };
  for (const [k, field] of [
    ['regions', history.regions],
    ['statuses', history.statuses],
  ] as const) {
    const given = (t[k] ?? {}) as Record<string, unknown>;
    for (const id of Object.keys(field)) pair(`${k}.${id}`, given[id]);
    extra(k, Object.keys(field), given);
  }
  const events = (t.events ?? {}) as HistoryTranslations['events'];
  extra(
    'events',
    history.events.map((e) => e.id),
    events,
  );
  for (const e of history.events) {
    const at = `events.${e.id}`;
    const et = events[e.id] ?? {};
    if (e.date_note) pair(`${at}.date_note`, et.date_note);
    if (e.line_note) pair(`${at}.line_note`, et.line_note);
    const notes = Object.keys(e.area_notes ?? {});
    for (const r of notes) pair(`${at}.area_notes.${r}`, et.area_notes?.[r]);
    extra(`${at}.area_notes`, notes, et.area_notes);
    const lines = [e.line, ...(e.extra_lines ?? [])].filter((l): l is HistoryLineSpec => !!l);
    for (const l of lines) {
      const lt = et.lines?.[l.id];
      pair(`${at}.lines.${l.id}.drawn`, lt?.drawn);
      for (const lang of TEXT_LANGUAGES) {
        const names = lt?.between?.[lang];
        if (!Array.isArray(names) || names.length !== l.between.length || !names.every(nonEmpty))
          problems.push(`${at}.lines.${l.id}.between.${lang}: needs ${l.between.length} names`);
      }
    }
    extra(
      `${at}.lines`,
      lines.map((l) => l.id),
      et.lines,
    );
    const islands = (e.island_dates ?? []).map((d) => d.island);
    for (const i of islands) pair(`${at}.island_dates.${i}`, et.island_dates?.[i]);
    extra(`${at}.island_dates`, islands, et.island_dates);
  }
  return problems;
}

/**
 * The history with its descriptive texts in a language (English as in the file; a text without a
 * translation stays English). Quotes, readings, names and sources are unchanged.
 */
export function localizeHistory(
  history: HistoryData,
  lang: 'en' | HistoryTextLanguage,
  tr: HistoryTranslations = HISTORY_TRANSLATIONS,
): HistoryData {
  if (lang === 'en') return history;
  const one = (v: Tr | undefined, english: string) => (v && nonEmpty(v[lang]) ? v[lang] : english);
  const each = (english: Record<string, string>, given: Record<string, Tr> | undefined) =>
    Object.fromEntries(Object.entries(english).map(([k, v]) => [k, one(given?.[k], v)]));
  return {
    ...history,
    regions: each(history.regions, tr.regions),
    statuses: each(history.statuses, tr.statuses),
    events: history.events.map((e) => {
      const et = tr.events[e.id];
      if (!et) return e;
      const line = (l: HistoryLineSpec): HistoryLineSpec => {
        const lt = et.lines?.[l.id];
        const between = lt?.between?.[lang];
        return {
          ...l,
          drawn: one(lt?.drawn, l.drawn),
          between: between?.length === l.between.length ? between : l.between,
        };
      };
      return {
        ...e,
        date_note: e.date_note && one(et.date_note, e.date_note),
        line_note: e.line_note && one(et.line_note, e.line_note),
        area_notes: e.area_notes && (each(e.area_notes, et.area_notes) as HistoryEvent['area_notes']),
        line: e.line && line(e.line),
        extra_lines: e.extra_lines?.map(line),
        island_dates: e.island_dates?.map((d) => ({ ...d, note: one(et.island_dates?.[d.island], d.note) })),
      };
    }),
  };
}
