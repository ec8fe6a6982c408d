/**
 * data/villages-1945.json: the Japanese villages of 1945 with their residents and seats, checked on every
 * load (page, CLI, tests) like the other tables. A broken file is refused whole, with its problems.
 *
 * Beyond the structure, the residents of each island's villages must add up to that island's 1945 total
 * in data/populations.json, or the difference must be listed in `differences` with an explanation (those
 * residents are then counted as "not located" when the island is cut).
 */
import villagesJson from '../../data/villages-1945.json' with { type: 'json' };
import { checkSource, type Source } from './sources.ts';
import { TABLES, TABLE_ISLANDS, formatTableProblem, type TableProblem, type TableResult } from './tables.ts';
import type { Village1945, VillageSeat } from '../geo/villages.ts';

const VILLAGES_FILE = 'data/villages-1945.json';

export interface VillageEntry extends Village1945 {
  name_ja: string;
  name_ja_latn: string;
  name_ru: string | null;
  extent: string;
  seat_note: string;
  sources: string[];
}
export interface VillagesTable {
  note: string;
  as_of: string;
  villages: VillageEntry[];
  differences: { island: string; persons: number; explanation: string }[];
  sources: Source[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/** Checks the parsed file; `islandTotals` are the 1945 residents per island (data/populations.json). */
export function validateVillages(
  data: unknown,
  islandTotals: Record<string, number> | null,
  file: string = VILLAGES_FILE,
): TableResult<VillagesTable> {
  const problems: TableProblem[] = [];
  const add = (where: string, entry: string | null, field: string, message: string) =>
    problems.push({ file, where, entry, field, message });
  if (!isObj(data))
    return { ok: false, problems: [{ file, where: '', entry: null, field: '', message: 'must be a JSON object' }] };
  if (!nonEmpty(data.as_of)) add('', null, 'as_of', 'is missing');
  const sourceIds = new Set<string>();
  if (!Array.isArray(data.sources) || data.sources.length === 0) add('', null, 'sources', 'must be a non-empty list');
  else
    data.sources.forEach((s, k) => {
      const id = isObj(s) && typeof s.id === 'string' ? s.id : null;
      for (const issue of checkSource(s)) add(`sources[${k}]`, id, issue.field, issue.message);
      if (id) {
        if (sourceIds.has(id)) add(`sources[${k}]`, id, 'id', 'is used twice');
        sourceIds.add(id);
      }
    });
  const ids = new Set<string>();
  const sums = new Map<string, number>();
  if (!Array.isArray(data.villages) || data.villages.length === 0)
    add('', null, 'villages', 'must be a non-empty list');
  else
    data.villages.forEach((v, k) => {
      const where = `villages[${k}]`;
      if (!isObj(v)) {
        add(where, null, '', 'must be an object');
        return;
      }
      const id = nonEmpty(v.id) ? (v.id as string) : null;
      const put = (field: string, message: string) => add(where, id, field, message);
      if (!id) put('id', 'is missing');
      else if (ids.has(id)) put('id', 'is used twice');
      else ids.add(id);
      if (!(TABLE_ISLANDS as readonly string[]).includes(v.island as string))
        put('island', `"${String(v.island)}" is not one of ${TABLE_ISLANDS.join(', ')}`);
      for (const k2 of ['name_en', 'name_ja', 'name_ja_latn', 'extent', 'seat_note'])
        if (!nonEmpty(v[k2])) put(k2, 'is missing');
      if (v.name_ru !== null && !nonEmpty(v.name_ru)) put('name_ru', 'must be a string or null');
      if (!isCount(v.households)) put('households', `must be a whole number ≥ 0, got ${JSON.stringify(v.households)}`);
      if (!isCount(v.population)) put('population', `must be a whole number ≥ 0, got ${JSON.stringify(v.population)}`);
      else sums.set(v.island as string, (sums.get(v.island as string) ?? 0) + (v.population as number));
      for (const issue of checkSeat(v.seat)) put(`seat${issue.field ? `.${issue.field}` : ''}`, issue.message);
      if (!Array.isArray(v.sources) || v.sources.length === 0) put('sources', 'needs at least one source');
      else
        v.sources.forEach((s, j) => {
          if (!sourceIds.has(s as string)) put(`sources[${j}]`, `"${String(s)}" is not in the file's sources`);
        });
    });
  const differences = Array.isArray(data.differences) ? data.differences : data.differences === undefined ? [] : null;
  if (differences === null) add('', null, 'differences', 'must be a list when present');
  const explained = new Map<string, number>();
  (differences ?? []).forEach((d, k) => {
    const where = `differences[${k}]`;
    if (
      !isObj(d) ||
      !(TABLE_ISLANDS as readonly string[]).includes(d.island as string) ||
      !Number.isInteger(d.persons) ||
      !nonEmpty(d.explanation)
    ) {
      add(where, null, '', 'must be { island, persons (whole number), explanation }');
      return;
    }
    explained.set(d.island as string, (explained.get(d.island as string) ?? 0) + (d.persons as number));
  });
  if (islandTotals) {
    for (const island of TABLE_ISLANDS) {
      const total = islandTotals[island];
      if (total === undefined) continue;
      const listed = sums.get(island) ?? 0;
      const diff = explained.get(island) ?? 0;
      if (listed + diff !== total) {
        add(
          'villages',
          null,
          '',
          `${island}: the villages hold ${listed} residents` +
            (diff ? ` and ${diff} are explained as not located` : '') +
            `, but ${island}'s 1945 total is ${total}: list the difference in "differences" with its explanation`,
        );
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    table: { ...(data as unknown as VillagesTable), differences: (differences ?? []) as VillagesTable['differences'] },
  };
}

function checkSeat(seat: unknown): { field: string; message: string }[] {
  if (seat === null) return [];
  if (!isObj(seat)) return [{ field: '', message: 'must be null or { kind, lon, lat }' }];
  const out: { field: string; message: string }[] = [];
  if (seat.kind !== 'point' && seat.kind !== 'disc')
    out.push({ field: 'kind', message: `"${String(seat.kind)}" is not point or disc` });
  if (!(Number.isFinite(seat.lon) && Math.abs(seat.lon as number) <= 180))
    out.push({ field: 'lon', message: `longitude ${JSON.stringify(seat.lon)} is outside -180..180` });
  if (!(Number.isFinite(seat.lat) && Math.abs(seat.lat as number) <= 90))
    out.push({ field: 'lat', message: `latitude ${JSON.stringify(seat.lat)} is outside -90..90` });
  if (seat.kind === 'disc' && !(Number.isFinite(seat.radius_km) && (seat.radius_km as number) > 0))
    out.push({ field: 'radius_km', message: 'must be a positive number of kilometres' });
  return out;
}

const totals = TABLES.populations
  ? Object.fromEntries(TABLES.populations.islands.map((p) => [p.id, p.japanese_1945]))
  : null;
const loaded = validateVillages(villagesJson, totals);

/** The checked villages table, or null when the file is broken (VILLAGE_PROBLEMS says why). */
export const VILLAGES: VillagesTable | null = loaded.ok ? loaded.table : null;
export const VILLAGE_PROBLEMS: TableProblem[] = loaded.ok ? [] : loaded.problems;

/** The table, or an error listing every problem (the CLIs). */
export function requireVillages(): VillagesTable {
  if (!VILLAGES) throw new Error(VILLAGE_PROBLEMS.map(formatTableProblem).join('\n'));
  return VILLAGES;
}

/** The villages in the shape the share computation takes (an empty list when the file is broken). */
export function villagesForShares(table: VillagesTable | null = VILLAGES): Village1945[] {
  return (table?.villages ?? []).map((v) => ({
    id: v.id,
    island: v.island,
    name_en: v.name_en,
    households: v.households,
    population: v.population,
    seat: v.seat as VillageSeat | null,
  }));
}
