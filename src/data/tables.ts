/**
 * The bundled tables (settlement options, official areas, populations, settlements, systems,
 * exercises), checked on every load and typed for the page, the CLIs and the tests.
 *
 * `validate*` are pure functions of the parsed JSON (tests feed them broken copies); each problem names
 * the file, the entry and the field, e.g.
 *   data/split-options.json: options[3] ("aso-25"): cut.island "etorofo" is not one of habomai, shikotan,
 *   kunashiri, etorofu
 * A broken entry is never dropped or read as NaN: the whole table is refused with its problems.
 * `TABLES` holds each bundled table, or null when it is broken (the page shows `TABLE_PROBLEMS`);
 * `requireTables()` throws a `TableError` listing every problem (the CLIs).
 */
import officialAreasJson from '../../data/official-areas.json' with { type: 'json' };
import populationsJson from '../../data/populations.json' with { type: 'json' };
import settlementsJson from '../../data/settlements.json' with { type: 'json' };
import splitOptionsJson from '../../data/split-options.json' with { type: 'json' };
import systemsJson from '../../data/systems.json' with { type: 'json' };
import exercisesJson from '../../data/exercises.json' with { type: 'json' };
import { translationProblem } from './translation-check.ts';
import { checkSource, type Source } from './sources.ts';
import type { ValidationProblem } from './validate.ts';
import type { SystemInfo } from '../geo/military.ts';

export type { Source } from './sources.ts';
/** The name the UI components use for a cited source. */
export type SourceRef = Source;

export const TABLE_ISLANDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'] as const;
export type TableIsland = (typeof TABLE_ISLANDS)[number];

export const TABLE_FILES = {
  options: 'data/split-options.json',
  officialAreas: 'data/official-areas.json',
  populations: 'data/populations.json',
  settlements: 'data/settlements.json',
  systems: 'data/systems.json',
  exercises: 'data/exercises.json',
} as const;
export type TableName = keyof typeof TABLE_FILES;

// ---------------------------------------------------------------------------------------------
// Types of the checked tables

export type OptionCut = { island: TableIsland; island_fraction: number } | { island: TableIsland; total_share: number };
export interface OptionRow {
  id: string;
  name: string;
  summary: string;
  islands_whole: TableIsland[];
  cut: OptionCut | null;
  proposed_by: string;
  when: string;
  sources: string[];
}
export interface OptionsTable {
  note: string;
  island_order: TableIsland[];
  options: OptionRow[];
  sources: Source[];
}

export interface OfficialAreaRow {
  id: TableIsland | 'hokkaido';
  area_km2: number;
  counts: string;
}
export interface OfficialAreasTable {
  basis: string;
  unit: 'km2';
  areas: OfficialAreaRow[];
  disputed_total: { sum_of_four_km2: number; gsi_total_km2: number; note: string };
  sources: Source[];
}

export interface PopulationRow {
  id: TableIsland;
  japanese_1945: number;
  russian_2023: number;
}
export interface PopulationsTable {
  note: string;
  islands: PopulationRow[];
  history: { russian: Record<string, Record<TableIsland, number>> };
  sources: Source[];
}

export interface SettlementRow {
  id: string;
  name_en: string;
  name_ru: string;
  name_ja: string;
  island: TableIsland;
  lon: number;
  lat: number;
  position: string;
  position_note?: string;
  /**
   * Residents on 1 January of population_year; null when no figure for that year was found (population_note
   * says so).
   */
  population: number | null;
  population_year: number;
  population_note?: string;
  sources: string[];
}
export interface SettlementsTable {
  note: string;
  settlements: SettlementRow[];
  island_totals: { year: number; source: string } & Record<TableIsland, number>;
  sources: Source[];
}

export interface SystemsTable {
  systems: SystemInfo[];
}

export interface ExerciseRow {
  id: string;
  date: string;
  title: string;
  where: string;
  /** Title and place in Japanese and Russian (translated from the English here; checked to keep its numbers). */
  title_ja: string;
  title_ru: string;
  where_ja: string;
  where_ru: string;
  troops: number | null;
  description: string;
  sources: Source[];
}
export interface ExercisesTable {
  exercises: ExerciseRow[];
}

export interface Tables {
  options: OptionsTable;
  officialAreas: OfficialAreasTable;
  populations: PopulationsTable;
  settlements: SettlementsTable;
  systems: SystemsTable;
  exercises: ExercisesTable;
}

// ---------------------------------------------------------------------------------------------
// Problems

export interface TableProblem {
  file: string;
  /** Where in the file: "options[3]", "sources[0]", or "" for the file as a whole. */
  where: string;
  /** The entry's id when it has one. */
  entry: string | null;
  /** The field within the entry ("cut.island"), or "" when the entry itself is at fault. */
  field: string;
  message: string;
}

export function formatTableProblem(p: TableProblem): string {
  const at = p.where ? ` ${p.where}${p.entry ? ` ("${p.entry}")` : ''}:` : '';
  return `${p.file}:${at} ${p.field ? `${p.field} ` : ''}${p.message}`;
}

export class TableError extends Error {
  constructor(readonly problems: TableProblem[]) {
    super(problems.map(formatTableProblem).join('\n'));
    this.name = 'TableError';
  }
}

export type TableResult<T> = { ok: true; table: T } | { ok: false; problems: TableProblem[] };

// ---------------------------------------------------------------------------------------------
// A small checker that records problems with their place

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `"${v.slice(0, 60)}"` : (JSON.stringify(v) ?? String(v)));

class Checker {
  readonly problems: TableProblem[] = [];
  constructor(readonly file: string) {}

  at(where: string, entry: string | null) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const c = this;
    const add = (field: string, message: string) => c.problems.push({ file: c.file, where, entry, field, message });
    return {
      add,
      string(o: Obj, k: string, { empty = false } = {}) {
        const v = o[k];
        if (!(k in o)) add(k, 'is missing');
        else if (typeof v !== 'string' || (!empty && !v.trim())) add(k, `must be a non-empty string, got ${show(v)}`);
      },
      number(
        o: Obj,
        k: string,
        {
          positive = false,
          integer = false,
          nonNegative = false,
          nullable = false,
          min = -Infinity,
          max = Infinity,
        } = {},
      ) {
        const v = o[k];
        if (!(k in o)) {
          add(k, 'is missing');
          return;
        }
        if (v === null && nullable) return;
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          add(k, `must be a finite number${nullable ? ' or null' : ''}, got ${show(v)}`);
          return;
        }
        if (positive && !(v > 0)) add(k, `must be positive, got ${v}`);
        else if (nonNegative && v < 0) add(k, `must not be negative, got ${v}`);
        else if (integer && !Number.isInteger(v)) add(k, `must be a whole number, got ${v}`);
        else if (v < min || v > max) add(k, `must be within ${min} and ${max}, got ${v}`);
      },
      oneOf(o: Obj, k: string, allowed: readonly string[], label = k) {
        const v = o[k];
        if (!(k in o)) add(label, 'is missing');
        else if (!allowed.includes(v as string)) add(label, `${show(v)} is not one of ${allowed.join(', ')}`);
      },
      list(o: Obj, k: string): unknown[] | null {
        if (!(k in o)) {
          add(k, 'is missing');
          return null;
        }
        if (!Array.isArray(o[k])) {
          add(k, `must be a list, got ${show(o[k])}`);
          return null;
        }
        return o[k] as unknown[];
      },
    };
  }

  /** Checks a list of sources (ids unique, each well formed) and returns their ids. */
  sources(list: unknown, where: string, allowedUsedFor?: readonly string[], { required = false } = {}): Set<string> {
    const ids = new Set<string>();
    if (!Array.isArray(list)) {
      this.problems.push({
        file: this.file,
        where,
        entry: null,
        field: '',
        message: `must be a list of sources, got ${show(list)}`,
      });
      return ids;
    }
    if (required && list.length === 0)
      this.problems.push({ file: this.file, where, entry: null, field: '', message: 'needs at least one source' });
    list.forEach((s, i) => {
      const id = isObj(s) && typeof s.id === 'string' ? s.id : null;
      const w = `${where}[${i}]`;
      for (const issue of checkSource(s, allowedUsedFor))
        this.problems.push({ file: this.file, where: w, entry: id, field: issue.field, message: issue.message });
      if (id !== null) {
        if (ids.has(id))
          this.problems.push({
            file: this.file,
            where: w,
            entry: id,
            field: 'id',
            message: `"${id}" is used by two sources`,
          });
        ids.add(id);
      }
    });
    return ids;
  }

  /** Walks a list of entries with ids: checks each id is present and unique, and calls `each`. */
  entries(root: Obj, key: string, each: (e: Obj, at: ReturnType<Checker['at']>, i: number) => void): void {
    const list = root[key];
    if (!Array.isArray(list)) {
      this.problems.push({
        file: this.file,
        where: '',
        entry: null,
        field: key,
        message: `must be a list, got ${show(list)}`,
      });
      return;
    }
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const id = isObj(e) && typeof e.id === 'string' && e.id.trim() ? e.id : null;
      const at = this.at(`${key}[${i}]`, id);
      if (!isObj(e)) {
        at.add('', `must be an object, got ${show(e)}`);
        return;
      }
      if (id === null) at.add('id', `must be a non-empty string, got ${show(e.id)}`);
      else if (seen.has(id)) at.add('id', `"${id}" is used twice`);
      else seen.add(id);
      each(e, at, i);
    });
  }

  result<T>(data: unknown): TableResult<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, table: data as T };
  }
}

function root(c: Checker, data: unknown): Obj | null {
  if (isObj(data)) return data;
  c.problems.push({
    file: c.file,
    where: '',
    entry: null,
    field: '',
    message: `must be a JSON object, got ${show(data)}`,
  });
  return null;
}

const refsDefined = (
  at: ReturnType<Checker['at']>,
  refs: unknown,
  defined: Set<string>,
  field = 'sources',
  { required = true } = {},
) => {
  if (!Array.isArray(refs)) {
    at.add(field, `must be a list of source ids, got ${show(refs)}`);
    return;
  }
  if (required && refs.length === 0) at.add(field, 'needs at least one source');
  refs.forEach((r, k) => {
    if (typeof r !== 'string' || !defined.has(r))
      at.add(`${field}[${k}]`, `${show(r)} is referenced but not defined in sources`);
  });
};

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

// ---------------------------------------------------------------------------------------------
// The checks, one per table

export function validateOptions(data: unknown, file: string = TABLE_FILES.options): TableResult<OptionsTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  const top = c.at('', null);
  top.string(r, 'note');
  const order = top.list(r, 'island_order');
  if (order && (order.length !== TABLE_ISLANDS.length || order.some((x, i) => x !== TABLE_ISLANDS[i])))
    top.add('island_order', `must be ${TABLE_ISLANDS.join(', ')}`);
  const defined = c.sources(r.sources, 'sources');
  c.entries(r, 'options', (o, at) => {
    for (const k of ['name', 'summary', 'proposed_by', 'when']) at.string(o, k);
    // Their Japanese and Russian display texts (name_ja, summary_ru, …) are optional; English is shown where
    // one is missing.
    for (const k of ['name', 'summary', 'proposed_by', 'when'])
      for (const l of ['ja', 'ru']) if (`${k}_${l}` in o) at.string(o, `${k}_${l}`);
    const whole = at.list(o, 'islands_whole');
    whole?.forEach((x, k) => {
      if (!TABLE_ISLANDS.includes(x as TableIsland))
        at.add(`islands_whole[${k}]`, `${show(x)} is not one of ${TABLE_ISLANDS.join(', ')}`);
    });
    if (!('cut' in o)) at.add('cut', 'is missing (null when no island is cut)');
    else if (o.cut !== null) {
      if (!isObj(o.cut)) at.add('cut', `must be an object or null, got ${show(o.cut)}`);
      else {
        const cut = o.cut;
        if (!TABLE_ISLANDS.includes(cut.island as TableIsland))
          at.add('cut.island', `${show(cut.island)} is not one of ${TABLE_ISLANDS.join(', ')}`);
        else if (whole?.includes(cut.island)) at.add('cut.island', `"${String(cut.island)}" is also in islands_whole`);
        const keys = ['island_fraction', 'total_share'].filter((k) => k in cut);
        if (keys.length !== 1) at.add('cut', 'needs exactly one of island_fraction, total_share');
        else {
          const key = keys[0]!;
          const v = cut[key];
          if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
            at.add(`cut.${key}`, `must be a finite number within 0 and 1, got ${show(v)}`);
        }
      }
    }
    refsDefined(at, o.sources, defined);
  });
  return c.result(data);
}

const AREA_IDS = [...TABLE_ISLANDS, 'hokkaido'] as const;

export function validateOfficialAreas(
  data: unknown,
  file: string = TABLE_FILES.officialAreas,
): TableResult<OfficialAreasTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  const top = c.at('', null);
  top.string(r, 'basis');
  if (r.unit !== 'km2') top.add('unit', `must be "km2", got ${show(r.unit)}`);
  const found = new Set<string>();
  c.entries(r, 'areas', (a, at) => {
    at.oneOf(a, 'id', AREA_IDS);
    at.number(a, 'area_km2', { positive: true });
    at.string(a, 'counts');
    if (typeof a.id === 'string') found.add(a.id);
  });
  for (const id of AREA_IDS) if (Array.isArray(r.areas) && !found.has(id)) top.add('areas', `has no entry for "${id}"`);
  const dt = isObj(r.disputed_total) ? r.disputed_total : null;
  if (!dt) top.add('disputed_total', 'is missing');
  else {
    const at = c.at('disputed_total', null);
    at.number(dt, 'sum_of_four_km2', { positive: true });
    at.number(dt, 'gsi_total_km2', { positive: true });
    at.string(dt, 'note');
  }
  c.sources(r.sources, 'sources', [...AREA_IDS, 'disputed_total'], { required: true });
  return c.result(data);
}

export function validatePopulations(
  data: unknown,
  file: string = TABLE_FILES.populations,
): TableResult<PopulationsTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  const top = c.at('', null);
  top.string(r, 'note');
  const found = new Set<string>();
  c.entries(r, 'islands', (p, at) => {
    at.oneOf(p, 'id', TABLE_ISLANDS);
    at.number(p, 'japanese_1945', { integer: true, nonNegative: true });
    at.number(p, 'russian_2023', { integer: true, nonNegative: true });
    if (typeof p.id === 'string') found.add(p.id);
  });
  for (const id of TABLE_ISLANDS)
    if (Array.isArray(r.islands) && !found.has(id)) top.add('islands', `has no entry for "${id}"`);
  const russian = isObj(r.history) && isObj(r.history.russian) ? r.history.russian : null;
  if (!russian) top.add('history.russian', 'is missing');
  else
    for (const [year, row] of Object.entries(russian)) {
      const at = c.at(`history.russian.${year}`, null);
      if (!/^\d{4}$/.test(year)) at.add('', 'must be keyed by a four-digit year');
      if (!isObj(row)) {
        at.add('', `must be an object, got ${show(row)}`);
        continue;
      }
      for (const id of TABLE_ISLANDS) at.number(row, id, { integer: true, nonNegative: true });
      for (const k of Object.keys(row))
        if (!TABLE_ISLANDS.includes(k as TableIsland)) at.add(k, `is not one of ${TABLE_ISLANDS.join(', ')}`);
    }
  c.sources(r.sources, 'sources', ['japanese_1945', 'russian_2023', 'history'], { required: true });
  return c.result(data);
}

export function validateSettlements(
  data: unknown,
  file: string = TABLE_FILES.settlements,
): TableResult<SettlementsTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  const top = c.at('', null);
  top.string(r, 'note');
  const defined = c.sources(r.sources, 'sources');
  c.entries(r, 'settlements', (s, at) => {
    for (const k of ['name_en', 'name_ru', 'name_ja', 'position']) at.string(s, k);
    at.oneOf(s, 'island', TABLE_ISLANDS);
    at.number(s, 'lon', { min: -180, max: 180 });
    at.number(s, 'lat', { min: -90, max: 90 });
    at.number(s, 'population', { integer: true, nonNegative: true, nullable: true });
    at.number(s, 'population_year', { integer: true, min: 1800, max: 2100 });
    if (s.population === null && !(typeof s.population_note === 'string' && s.population_note.trim()))
      at.add('population_note', 'must say why population is null');
    if ('population_note' in s && typeof s.population_note !== 'string')
      at.add('population_note', `must be a string, got ${show(s.population_note)}`);
    refsDefined(at, s.sources, defined);
  });
  const t = isObj(r.island_totals) ? r.island_totals : null;
  if (!t) top.add('island_totals', 'is missing');
  else {
    const at = c.at('island_totals', null);
    at.number(t, 'year', { integer: true, min: 1800, max: 2100 });
    for (const id of TABLE_ISLANDS) at.number(t, id, { integer: true, nonNegative: true });
    if (typeof t.source !== 'string' || !defined.has(t.source))
      at.add('source', `${show(t.source)} is referenced but not defined in sources`);
  }
  return c.result(data);
}

/** The languages the tables' shown texts are translated into, beside the English (`type_ja`, `type_ru`, …). */
const TRANSLATED_LANGUAGES = ['ja', 'ru'] as const;

/**
 * Each of `keys` (an English text) has its Japanese and Russian translation, keeping its numbers; `path`
 * prefixes the field in the problems (a nested object's, as `range_variants[0].`).
 */
function translated(at: ReturnType<Checker['at']>, row: Record<string, unknown>, keys: readonly string[], path = '') {
  for (const k of keys) {
    if (typeof row[k] !== 'string') continue; // reported by the English text's own check
    for (const l of TRANSLATED_LANGUAGES) {
      const problem = translationProblem(row[k], row[`${k}_${l}`]);
      if (problem) at.add(`${path}${k}_${l}`, problem);
    }
  }
}

export function validateSystems(data: unknown, file: string = TABLE_FILES.systems): TableResult<SystemsTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  c.entries(r, 'systems', (s, at, i) => {
    for (const k of ['name', 'type', 'range_note']) at.string(s, k);
    translated(at, s, ['type']);
    at.number(s, 'range_km_min', { positive: true, nullable: true });
    at.number(s, 'range_km_max', { positive: true, nullable: true });
    if (typeof s.range_km_min === 'number' && typeof s.range_km_max === 'number' && s.range_km_min > s.range_km_max)
      at.add('range_km_min', `${s.range_km_min} is more than range_km_max ${s.range_km_max}`);
    const variants = at.list(s, 'range_variants');
    variants?.forEach((v, k) => {
      if (!isObj(v)) {
        at.add(`range_variants[${k}]`, `must be an object, got ${show(v)}`);
        return;
      }
      if (typeof v.km !== 'number' || !Number.isFinite(v.km) || v.km <= 0)
        at.add(`range_variants[${k}].km`, `must be a positive finite number, got ${show(v.km)}`);
      if (typeof v.label !== 'string' || !v.label.trim())
        at.add(`range_variants[${k}].label`, `must be a non-empty string, got ${show(v.label)}`);
      else translated(at, v, ['label'], `range_variants[${k}].`);
    });
    if (variants?.length && s.range_km_max === null) at.add('range_km_max', 'is null but range_variants are given');
    c.sources(s.sources, `systems[${i}].sources`, undefined, { required: true });
  });
  return c.result(data);
}

export function validateExercises(data: unknown, file: string = TABLE_FILES.exercises): TableResult<ExercisesTable> {
  const c = new Checker(file);
  const r = root(c, data);
  if (!r) return c.result(data);
  c.entries(r, 'exercises', (e, at, i) => {
    for (const k of ['title', 'where', 'description']) at.string(e, k);
    translated(at, e, ['title', 'where']);
    if (typeof e.date !== 'string' || !DATE.test(e.date))
      at.add('date', `must be YYYY, YYYY-MM or YYYY-MM-DD, got ${show(e.date)}`);
    at.number(e, 'troops', { positive: true, integer: true, nullable: true });
    c.sources(e.sources, `exercises[${i}].sources`, undefined, { required: true });
  });
  return c.result(data);
}

const VALIDATORS: { [K in TableName]: (data: unknown, file?: string) => TableResult<Tables[K]> } = {
  options: validateOptions,
  officialAreas: validateOfficialAreas,
  populations: validatePopulations,
  settlements: validateSettlements,
  systems: validateSystems,
  exercises: validateExercises,
};

/** Checks every table; each is the checked table or null, with all problems listed. */
export function validateTables(raw: { [K in TableName]: unknown }): {
  tables: { [K in TableName]: Tables[K] | null };
  problems: TableProblem[];
} {
  const problems: TableProblem[] = [];
  const tables = {} as { [K in TableName]: Tables[K] | null };
  for (const name of Object.keys(VALIDATORS) as TableName[]) {
    const r = VALIDATORS[name](raw[name]);
    (tables as Record<TableName, unknown>)[name] = r.ok ? r.table : null;
    if (!r.ok) problems.push(...r.problems);
  }
  return { tables, problems };
}

// ---------------------------------------------------------------------------------------------
// The bundled tables

export const RAW_TABLES: { [K in TableName]: unknown } = {
  options: splitOptionsJson,
  officialAreas: officialAreasJson,
  populations: populationsJson,
  settlements: settlementsJson,
  systems: systemsJson,
  exercises: exercisesJson,
};

const loaded = validateTables(RAW_TABLES);
/** Each bundled table, or null when it failed its checks (see TABLE_PROBLEMS). */
export const TABLES = loaded.tables;
/** What is wrong with the bundled tables (empty when all are well formed). */
export const TABLE_PROBLEMS: readonly TableProblem[] = loaded.problems;

/** All bundled tables, or a TableError naming every problem (for the CLIs, which cannot run without them). */
export function requireTables(): Tables {
  if (TABLE_PROBLEMS.length) throw new TableError([...TABLE_PROBLEMS]);
  return TABLES as Tables;
}

export function officialAreaKm2(id: string): number | null {
  return TABLES.officialAreas?.areas.find((a) => a.id === id)?.area_km2 ?? null;
}
export function officialAreaSource(id: string): Source | null {
  return TABLES.officialAreas?.sources.find((s) => s.used_for?.includes(id)) ?? null;
}
export function populationOf(id: string): PopulationRow | null {
  return TABLES.populations?.islands.find((p) => p.id === id) ?? null;
}
export function populationSource(field: 'japanese_1945' | 'russian_2023'): Source | null {
  return TABLES.populations?.sources.find((s) => s.used_for?.includes(field)) ?? null;
}
/**
 * Settlements with a population figure, shaped for createShareContext (settlements without one count as not
 * located).
 */
export function settlementsWithPopulation(
  t: SettlementsTable | null = TABLES.settlements,
): (SettlementRow & { population: number })[] {
  return (t?.settlements ?? []).filter((s): s is SettlementRow & { population: number } => s.population !== null);
}

/** The table problems in the shape the page's DataProblems list shows (one line each, file first). */
export function tableProblemsForDisplay(problems: readonly TableProblem[] = TABLE_PROBLEMS): ValidationProblem[] {
  return problems.map((p) => ({
    file: p.file,
    featureIndex: null,
    featureId: p.entry,
    path: p.where,
    message: formatTableProblem(p).slice(p.file.length + 2),
  }));
}
/** True when the tables the options are computed from (options, areas, populations, settlements) are all usable. */
export const SHARE_TABLES_OK = !!(TABLES.options && TABLES.officialAreas && TABLES.populations && TABLES.settlements);
