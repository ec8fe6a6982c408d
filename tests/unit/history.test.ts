/**
 * geo/history.geojson: checked on load; its lines are drawn as the texts define them; the timeline
 * says what applied in each year.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineString, MultiPolygon, Position } from 'geojson';
import {
  checkHistoryTranslations,
  HISTORY_TRANSLATIONS,
  localizeHistory,
  validateHistory,
  type HistoryTranslations,
} from '../../src/data/history.ts';
import { historyAt, historyRange, HISTORY_REGIONS } from '../../src/geo/history.ts';
import { medianLine, parallelCrossings } from '../../src/geo/median-line.ts';
import { distanceM } from '../../src/geo/geodesic.ts';
import { loadLayerFromDisk } from '../../scripts/lib/load-node.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = () => JSON.parse(readFileSync(join(ROOT, 'geo/history.geojson'), 'utf8'));
const r = validateHistory(raw());
if (!r.ok) throw new Error(JSON.stringify(r.problems));
const history = r.history;
const line = (id: string) => history.lines.find((l) => l.properties.id === id)!.geometry as LineString;

/** Distance from a point to a set of rings' vertices and edges (sampled), metres. */
function coastDistance(p: Position, rings: Position[][]): number {
  let d = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [ax = NaN, ay = NaN] = ring[i - 1]!;
      const [bx = NaN, by = NaN] = ring[i]!;
      for (let k = 0; k <= 4; k++) d = Math.min(d, distanceM(p, [ax + ((bx - ax) * k) / 4, ay + ((by - ay) * k) / 4]));
    }
  return d;
}

describe('geo/history.geojson', () => {
  const what = 'seven dated events with quotes, names in three languages, sources and both readings where they differ';
  it(`validates: ${what}`, () => {
    expect(history.events.map((e) => e.id)).toEqual([
      'shimoda-1855',
      'st-petersburg-1875',
      'portsmouth-1905',
      'occupation-1945',
      'scapin-677-1946',
      'san-francisco-1951',
      'joint-declaration-1956',
    ]);
    for (const e of history.events) {
      expect(e.quotes.length).toBeGreaterThan(0);
      expect(e.names.ja && e.names.ru && e.names.en).toBeTruthy();
    }
    expect(history.events.find((e) => e.id === 'san-francisco-1951')!.readings).toBeDefined();
    expect(history.events.find((e) => e.id === 'joint-declaration-1956')!.readings).toBeDefined();
  });

  it('carries the events of data/history-events.json unchanged', () => {
    const src = JSON.parse(readFileSync(join(ROOT, 'data/history-events.json'), 'utf8'));
    expect(raw().events).toEqual(src.events);
    expect(raw().sources).toEqual(src.sources);
  });

  it('gives the 1945 occupation date of each island', () => {
    const occ = history.events.find((e) => e.id === 'occupation-1945')!;
    expect(Object.fromEntries(occ.island_dates!.map((d) => [d.island, d.date]))).toEqual({
      etorofu: '1945-08-28',
      kunashiri: '1945-09-01',
      shikotan: '1945-09-01',
      habomai: '1945-09-03',
    });
  });

  it('refuses a broken file with the place of each problem', () => {
    const bad = raw();
    bad.events[0].date = '1855-13-40';
    bad.events[1].quotes[0].source = 'nowhere';
    bad.events[2].areas['sakhalin-south'] = 'ours';
    bad.events[5].readings.russia = '';
    bad.sources[0].url = 'file:///notes.md';
    const b = validateHistory(bad);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    const text = b.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text).toMatch(/events\[0\]\.date: must be a date/);
    expect(text).toMatch(/events\[1\]\.quotes\[0\]\.source: "nowhere" is not in the file's sources/);
    expect(text).toMatch(/events\[2\]\.areas\.sakhalin-south: "ours" is not one of/);
    expect(text).toMatch(/events\[5\]\.readings: must give both sides' readings/);
    expect(text).toMatch(/sources\[0\]/);
  });

  it('refuses a line without a feature and an event without a line that does not say why', () => {
    const bad = raw();
    bad.features = bad.features.filter(
      (f: { properties: { id: string } }) => f.properties.id !== 'portsmouth-1905-50n',
    );
    delete bad.events[4].line_note;
    const b = validateHistory(bad);
    expect(b.ok).toBe(false);
    if (!b.ok) {
      const text = b.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
      expect(text).toMatch(/line "portsmouth-1905-50n" has no feature/);
      expect(text).toMatch(/events\[4\]\.line_note: an event without a line must say why/);
    }
  });
});

describe('the lines, as the texts define them', () => {
  const islands = loadLayerFromDisk('islands');
  const etorofu = (
    islands.features.find((f) => f.properties!.id === 'etorofu')!.geometry as MultiPolygon
  ).coordinates.map((p) => p[0]!);
  const urup = history.regionFeatures
    .find((f) => f.properties.region === 'kurils-north')!
    .geometry.coordinates.map((p) => p[0]!)
    .filter((ring) => ring.every(([x = NaN, y = NaN]) => x < 151 && y < 46.5));

  it('1855: the median of the Vries Strait, equidistant from Etorofu and Urup', () => {
    const l = line('shimoda-1855-vries');
    expect(l.coordinates.length).toBeGreaterThan(40);
    // In the strait (about 40 km wide): each vertex is as far from Etorofu as from Urup, within 1 km.
    for (const p of l.coordinates.filter((_, i) => i % 10 === 5)) {
      const [de, du] = [coastDistance(p, etorofu), coastDistance(p, urup)];
      expect(Math.abs(de - du)).toBeLessThan(1000);
      expect(de).toBeGreaterThan(5000);
    }
  });

  it('1875: the median of the strait between Cape Lopatka and Shumshu lies near 156.6° E, 50.8° N', () => {
    const l = line('st-petersburg-1875-lopatka');
    const [lon, lat] = l.coordinates[Math.floor(l.coordinates.length / 2)]!;
    expect(lon).toBeGreaterThan(156.4);
    expect(lon).toBeLessThan(156.8);
    expect(lat).toBeGreaterThan(50.6);
    expect(lat).toBeLessThan(51.0);
  });

  it('1905: the 50th parallel from coast to coast of Sakhalin', () => {
    const l = line('portsmouth-1905-50n');
    expect(l.coordinates.every(([, y]) => y === 50)).toBe(true);
    const south = history.regionFeatures.find((f) => f.properties.region === 'sakhalin-south')!.geometry;
    const north = history.regionFeatures.find((f) => f.properties.region === 'sakhalin-north')!.geometry;
    const lats = (g: MultiPolygon) => g.coordinates.flatMap((p) => p[0]!.map((c) => c[1]!));
    expect(Math.max(...lats(south))).toBeLessThanOrEqual(50);
    expect(Math.min(...lats(north))).toBeGreaterThanOrEqual(50);
    // The line spans Sakhalin's width at 50° N (about 140-190 km on the source's coast).
    const w = distanceM(l.coordinates[0]!, l.coordinates[l.coordinates.length - 1]!) / 1000;
    expect(w).toBeGreaterThan(80);
    expect(w).toBeLessThan(200);
  });

  it('medianLine is the perpendicular bisector between two parallel coasts', () => {
    const west: Position[][] = [
      [
        [145, 44],
        [145, 45],
        [144.9, 45],
        [144.9, 44],
        [145, 44],
      ],
    ];
    const east: Position[][] = [
      [
        [145.4, 44],
        [145.5, 44],
        [145.5, 45],
        [145.4, 45],
        [145.4, 44],
      ],
    ];
    const m = medianLine(west, east, 20, 5);
    for (const [x] of m.coordinates) expect(x).toBeCloseTo(145.2, 2);
    expect(
      parallelCrossings(
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
        1,
      ),
    ).toEqual([0, 2]);
  });
});

describe('the timeline', () => {
  it('covers 1855 to now', () => {
    expect(historyRange(history.events, 2026)).toEqual([1855, 2026]);
  });

  it('says what applied in each year', () => {
    expect(historyAt(history.events, 1854).current).toBeNull();
    const y1860 = historyAt(history.events, 1860);
    expect(y1860.lines).toEqual(['shimoda-1855-vries']);
    expect(y1860.areas).toMatchObject({
      'four-islands': 'japan',
      'kurils-north': 'russia',
      'sakhalin-south': 'undivided',
    });
    const y1890 = historyAt(history.events, 1890);
    expect(y1890.lines).toEqual(['st-petersburg-1875-lopatka', 'st-petersburg-1875-la-perouse']);
    expect(y1890.areas).toMatchObject({ 'kurils-north': 'japan', 'sakhalin-south': 'russia' });
    const y1920 = historyAt(history.events, 1920);
    expect(y1920.lines).toEqual(['st-petersburg-1875-lopatka', 'portsmouth-1905-50n']);
    expect(y1920.areas['sakhalin-south']).toBe('japan');
    const y1945 = historyAt(history.events, 1945);
    expect(y1945.lines).toEqual([]);
    expect(y1945.areas['four-islands']).toBe('occupied-ussr');
    const now = historyAt(history.events, 2026);
    expect(now.current!.id).toBe('joint-declaration-1956');
    expect(now.areas['four-islands']).toBe('administered-ussr-claimed-japan');
    for (const region of HISTORY_REGIONS) expect(now.areas[region]).toBeDefined();
  });
});

describe('the descriptive texts in Japanese and Russian (data/history-events.i18n.json)', () => {
  it('translate every area, status and note of the events, and nothing the events do not have', () => {
    expect(checkHistoryTranslations(history)).toEqual([]);
  });

  it('names what is missing or extra', () => {
    const broken = structuredClone(HISTORY_TRANSLATIONS) as HistoryTranslations;
    delete (broken.statuses as Record<string, unknown>).japan;
    broken.events['shimoda-1855']!.lines!['shimoda-1855-vries']!.between!.ru = ['Итуруп'];
    broken.events['no-such-event'] = {};
    expect(checkHistoryTranslations(history, broken)).toEqual([
      'statuses.japan.ja: the translation is missing',
      'statuses.japan.ru: the translation is missing',
      'events.no-such-event: translates nothing in the events',
      'events.shimoda-1855.lines.shimoda-1855-vries.between.ru: needs 2 names',
    ]);
  });

  it('replace the notes in the chosen language and leave quotes, readings, names and sources alone', () => {
    const ja = localizeHistory(history, 'ja');
    const ru = localizeHistory(history, 'ru');
    expect(localizeHistory(history, 'en')).toBe(history);
    expect(ja.regions['four-islands']).toBe('択捉島（イトゥルプ）、国後島（クナシル）、色丹島、歯舞群島');
    expect(ru.regions['four-islands']).toBe('Итуруп (Эторофу), Кунашир (Кунасири), Шикотан и острова Хабомаи');
    expect(ja.statuses['administered-ussr-claimed-japan']).toContain('日本が領有権を主張');
    expect(ru.statuses['administered-ussr-claimed-japan']).toContain('на них претендует Япония');
    for (const h of [ja, ru]) {
      // Neither side's term for the four islands alone.
      const all = JSON.stringify({ r: h.regions, s: h.statuses, e: h.events });
      for (const term of ['北方領土', '南千島', 'Северные территории', 'Южные Курилы', '不法占拠', 'исконн'])
        expect(all).not.toContain(term);
      h.events.forEach((e, i) => {
        const en = history.events[i]!;
        expect(e.quotes).toEqual(en.quotes);
        expect(e.readings).toEqual(en.readings);
        expect(e.names).toEqual(en.names);
        expect(e.sources).toEqual(en.sources);
        expect(e.island_dates?.map((d) => d.source)).toEqual(en.island_dates?.map((d) => d.source));
        expect(e.line?.in_force).toEqual(en.line?.in_force);
        if (en.date_note) expect(e.date_note).not.toBe(en.date_note);
        if (en.line) expect(e.line!.drawn).not.toBe(en.line.drawn);
      });
    }
    const vries = ru.events.find((e) => e.id === 'shimoda-1855')!.line!;
    expect(vries.between).toEqual(['Итуруп (Эторофу)', 'Уруп']);
    // Words quoted from a treaty stay in the cited English inside a translated note.
    expect(ja.events.find((e) => e.id === 'portsmouth-1905')!.line!.drawn).toContain('"so far as topography permits"');
  });
});
