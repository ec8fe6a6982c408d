import { describe, expect, it } from 'vitest';
import {
  RAW_TABLES,
  TABLE_PROBLEMS,
  TableError,
  formatTableProblem,
  requireTables,
  settlementsWithPopulation,
  tableProblemsForDisplay,
  validateExercises,
  validateOfficialAreas,
  validateOptions,
  validatePopulations,
  validateSettlements,
  validateSystems,
  validateTables,
  type TableResult,
} from '../../src/data/tables.ts';
import { checkSource } from '../../src/data/sources.ts';
import { formatProblem } from '../../src/data/validate.ts';

/** A deep copy of a bundled table, to break. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const copy = <T = any>(name: keyof typeof RAW_TABLES): T => structuredClone(RAW_TABLES[name]) as T;
const messages = (r: TableResult<unknown>) => (r.ok ? [] : r.problems.map(formatTableProblem));

describe('the bundled tables', () => {
  it('all pass their checks', () => {
    expect(TABLE_PROBLEMS.map(formatTableProblem)).toEqual([]);
    const t = requireTables();
    expect(t.options.options.map((o) => o.id)).toEqual([
      'status-quo',
      'two-islands',
      'three-islands',
      'aso-25',
      'equal-area',
      'four-islands',
    ]);
  });

  it('settlements and totals are of one year; a missing figure is null with a note, never another year', () => {
    const { settlements, populations } = requireTables();
    expect(settlements.island_totals.year).toBe(2023);
    for (const s of settlements.settlements) {
      expect(s.population_year, s.id).toBe(2023);
      if (s.population === null) expect(s.population_note, s.id).toMatch(/2023 figure not found/);
    }
    for (const p of populations.islands) expect(settlements.island_totals[p.id]).toBe(p.russian_2023);
    // The listed places of an island never hold more people than the island.
    for (const p of populations.islands) {
      const listed = settlementsWithPopulation(settlements)
        .filter((s) => s.island === p.id)
        .reduce((a, s) => a + s.population, 0);
      expect(listed, p.id).toBeLessThanOrEqual(p.russian_2023);
    }
    expect(settlementsWithPopulation(settlements).map((s) => s.id)).toEqual([
      'yuzhno-kurilsk',
      'kurilsk',
      'goryachiye-klyuchi',
    ]);
  });

  it('every option cites sources that are defined, and none is unpublished notes', () => {
    const { options } = requireTables();
    const ids = new Set(options.sources.map((s) => s.id));
    for (const o of options.options) for (const s of o.sources) expect(ids.has(s), `${o.id} cites ${s}`).toBe(true);
    expect(JSON.stringify(RAW_TABLES)).not.toMatch(/mission-context|shared\/reference|research notes/);
  });
});

describe('table checks name the file, the entry and the field', () => {
  it('an unknown island id', () => {
    const t = copy('options');
    t.options[3].cut.island = 'etorofo';
    expect(messages(validateOptions(t))).toEqual([
      'data/split-options.json: options[3] ("aso-25"): cut.island "etorofo" is not one of habomai, shikotan, ' +
        'kunashiri, etorofu',
    ]);
    const s = copy('settlements');
    s.settlements[0].island = 'sakhalin';
    expect(messages(validateSettlements(s))).toEqual([
      'data/settlements.json: settlements[0] ("yuzhno-kurilsk"): island "sakhalin" is not one of habomai, ' +
        'shikotan, kunashiri, etorofu',
    ]);
  });

  it('a missing or non-positive area', () => {
    const a = copy('officialAreas');
    a.areas[2].area_km2 = 0;
    delete a.areas[3].area_km2;
    expect(messages(validateOfficialAreas(a))).toEqual([
      'data/official-areas.json: areas[2] ("kunashiri"): area_km2 must be positive, got 0',
      'data/official-areas.json: areas[3] ("etorofu"): area_km2 is missing',
    ]);
    const b = copy('officialAreas');
    b.areas = b.areas.filter((x: { id: string }) => x.id !== 'shikotan');
    expect(messages(validateOfficialAreas(b))).toEqual(['data/official-areas.json: areas has no entry for "shikotan"']);
  });

  it('a malformed source: neither a link nor a bibliographic reference, an http link, a bad date', () => {
    const t = copy('options');
    t.sources[0] = { id: 'x', title: 'Some article', publisher: 'Some paper', date: null, url: null };
    t.sources[1].url = 'http://example.org/a';
    t.sources[2].date = '25 March 2001';
    expect(messages(validateOptions(t))).toEqual([
      'data/split-options.json: sources[0] ("x"): is neither a link to the publication (an https url) nor a ' +
        'bibliographic reference (author or publisher, title and date)',
      'data/split-options.json: sources[1] ("mofa-northern-position"): url must be an https URL, got ' +
        '"http://example.org/a"',
      'data/split-options.json: sources[2] ("mofa-irkutsk-2001"): date "25 March 2001" is not YYYY, YYYY-MM or ' +
        'YYYY-MM-DD',
      'data/split-options.json: options[1] ("two-islands"): sources[0] "joint-declaration-1956" is referenced ' +
        'but not defined in sources',
    ]);
    const e = copy('exercises');
    e.exercises[0].sources[0] = {
      id: 'notes',
      title: 'Settlement options (project research notes)',
      publisher: 'this project',
      date: '2026',
      url: null,
    };
    expect(messages(validateExercises(e))).toEqual([
      'data/exercises.json: exercises[0].sources[0] ("notes"): points into this repository or to notes a ' +
        'reader cannot see: cite the publication itself',
    ]);
  });

  it('a missing field', () => {
    const t = copy('options');
    delete t.options[0].proposed_by;
    delete t.options[2].cut;
    expect(messages(validateOptions(t))).toEqual([
      'data/split-options.json: options[0] ("status-quo"): proposed_by is missing',
      'data/split-options.json: options[2] ("three-islands"): cut is missing (null when no island is cut)',
    ]);
    const s = copy('systems');
    delete s.systems[0].range_note;
    expect(messages(validateSystems(s))).toEqual([
      'data/systems.json: systems[0] ("bastion-p"): range_note is missing',
    ]);
  });

  it('a shown text without its Japanese or Russian translation, or one that loses a number', () => {
    const s = copy('systems');
    delete s.systems[0].type_ru;
    s.systems[0].range_variants[0].label_ja = 'ロシア国防省「最大50km」';
    const e = copy('exercises');
    e.exercises[0].title_ja = 'クリル諸島でのロシアの演習（2014年8月）';
    e.exercises[1].where_ru = ' ';
    expect(messages(validateSystems(s))).toEqual([
      'data/systems.json: systems[0] ("bastion-p"): type_ru is missing: the text needs its translation',
      'data/systems.json: systems[0] ("bastion-p"): range_variants[0].label_ja lacks the number 2016 of the English',
    ]);
    expect(messages(validateExercises(e))).toEqual([
      'data/exercises.json: exercises[0] ("ru-2014-08-kurils"): title_ja lacks the number 12 of the English',
      'data/exercises.json: exercises[1] ("ru-2018-02-kurils"): where_ru is missing: the text needs its translation',
    ]);
  });

  it('a non-finite number (never read as NaN)', () => {
    const s = copy('settlements');
    s.settlements[1].lat = 'forty-five';
    s.settlements[2].population = Number.NaN;
    // (NaN and Infinity cannot come from JSON, but a caller may pass them; they print as JSON does, null.)
    expect(messages(validateSettlements(s))).toEqual([
      'data/settlements.json: settlements[1] ("kurilsk"): lat must be a finite number, got "forty-five"',
      'data/settlements.json: settlements[2] ("goryachiye-klyuchi"): population must be a finite number or ' +
        'null, got null',
    ]);
    const p = copy('populations');
    p.islands[1].russian_2023 = Infinity;
    expect(messages(validatePopulations(p))).toEqual([
      'data/populations.json: islands[1] ("shikotan"): russian_2023 must be a finite number, got null',
    ]);
    const y = copy('systems');
    y.systems[0].range_variants[0].km = -5;
    expect(messages(validateSystems(y))).toEqual([
      'data/systems.json: systems[0] ("bastion-p"): range_variants[0].km must be a positive finite number, got -5',
    ]);
  });

  it('a null population needs a note saying why', () => {
    const s = copy('settlements');
    delete s.settlements[3].population_note;
    expect(messages(validateSettlements(s))).toEqual([
      'data/settlements.json: settlements[3] ("reidovo"): population_note must say why population is null',
    ]);
  });

  it('a duplicate id', () => {
    const t = copy('options');
    t.options[5].id = 'equal-area';
    t.sources.push({ ...t.sources[0] });
    expect(messages(validateOptions(t))).toEqual([
      `data/split-options.json: sources[${t.sources.length - 1}] ("joint-declaration-1956"): id ` +
        `"joint-declaration-1956" is used by two sources`,
      'data/split-options.json: options[5] ("equal-area"): id "equal-area" is used twice',
    ]);
    const e = copy('exercises');
    e.exercises[1].id = e.exercises[0].id;
    expect(messages(validateExercises(e))).toEqual([
      'data/exercises.json: exercises[1] ("ru-2014-08-kurils"): id "ru-2014-08-kurils" is used twice',
    ]);
  });

  it('a source id referenced but not defined', () => {
    const t = copy('options');
    t.options[4].sources.push('hirose-2018');
    expect(messages(validateOptions(t))).toEqual([
      'data/split-options.json: options[4] ("equal-area"): sources[4] "hirose-2018" is referenced but not ' +
        'defined in sources',
    ]);
    const s = copy('settlements');
    s.island_totals.source = 'rosstat';
    expect(messages(validateSettlements(s))).toEqual([
      'data/settlements.json: island_totals: source "rosstat" is referenced but not defined in sources',
    ]);
    const a = copy('officialAreas');
    a.sources[0].used_for.push('urup');
    expect(messages(validateOfficialAreas(a))).toEqual([
      'data/official-areas.json: sources[0] ("mlit-hoppo-2025"): used_for[5] "urup" is not one of habomai, ' +
        'shikotan, kunashiri, etorofu, hokkaido, disputed_total',
    ]);
  });

  it('a broken table is refused whole (null), the others load; requireTables throws a TableError naming it', () => {
    const raw = { ...RAW_TABLES, systems: { systems: [{ id: 'x' }] } };
    const { tables, problems } = validateTables(raw);
    expect(tables.systems).toBeNull();
    expect(tables.options).not.toBeNull();
    expect(problems.map(formatTableProblem)).toContain('data/systems.json: systems[0] ("x"): name is missing');
    expect(new TableError(problems).message).toMatch(/^data\/systems\.json: systems\[0\] \("x"\): /);
    expect(validateTables({ ...RAW_TABLES, exercises: [] }).problems.map(formatTableProblem)).toEqual([
      'data/exercises.json: must be a JSON object, got []',
    ]);
    // The page lists them in its DataProblems box, one line each, the same text.
    expect(tableProblemsForDisplay(problems).map(formatProblem)).toEqual(problems.map(formatTableProblem));
  });
});

describe('checkSource', () => {
  it('accepts a link or a full bibliographic reference, and nothing else', () => {
    expect(checkSource({ id: 'a', title: 'T', publisher: 'P', date: null, url: 'https://example.org/a' })).toEqual([]);
    expect(
      checkSource({
        id: 'b',
        title: 'T',
        author: 'A. Author',
        publisher: null,
        date: '2005-12',
        url: null,
        pages: '9',
      }),
    ).toEqual([]);
    expect(
      checkSource({
        id: 'c',
        title: 'T',
        publisher: 'P',
        date: '2005',
        url: null,
        copy_consulted: 'http://mirror.example/a',
      }).map((i) => i.field),
    ).toEqual(['copy_consulted']);
    expect(
      checkSource({ id: 'd', title: 'See data/populations.json', publisher: 'P', date: '2005', url: null }).map(
        (i) => i.message,
      ),
    ).toEqual(['points into this repository or to notes a reader cannot see: cite the publication itself']);
    expect(
      checkSource({ id: 'e', title: 'T', publisher: 'P', date: '2005' }).map((i) => `${i.field} ${i.message}`),
    ).toEqual(['url is missing (null when unknown)']);
    expect(checkSource({ id: 'f', title: 'T', publisher: 'P', date: null, url: null }).map((i) => i.message)).toEqual([
      'is neither a link to the publication (an https url) nor a bibliographic reference (author or publisher, ' +
        'title and date)',
    ]);
  });
});
