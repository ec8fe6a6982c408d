/**
 * The page's state model (src/state): the reducer and the view derived from it, on the real data, with
 * known answers computed independently (the GSI areas by hand, the history's events as written).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeOption, customOption } from '../../src/geo/shares.ts';
import { validateHistory } from '../../src/data/history.ts';
import { loadLayerFromDisk, loadShareContext, loadSites, OPTIONS, ROOT } from '../../scripts/lib/load-node.ts';
import { DEFAULT_STATE, parseUrlState, type UrlState } from '../../src/state/url-state.ts';
import { initialState, reduce, type AppState } from '../../src/state/store.ts';
import { createPresetCache } from '../../src/state/option-cache.ts';
import {
  bboxOf,
  deriveOptions,
  drawnOption,
  historyMap,
  keepInView,
  ringSites,
  seaLineFeatures,
  shownSites,
} from '../../src/state/derive-view.ts';
import { FIRST_YEAR, THIS_YEAR } from '../../src/state/years.ts';
import { pointSetOf } from '../../src/geo/user-points.ts';

const ctx = loadShareContext();
const OPTION_IDS = OPTIONS.map((o) => o.id);
const parse = (hash: string) =>
  parseUrlState(hash, OPTION_IDS, ['habomai', 'shikotan', 'kunashiri', 'etorofu'], [FIRST_YEAR, THIS_YEAR]);
const stateOf = (hash: string) => initialState(parse(hash));
const link = (hash: string): UrlState => parse(hash).state;
const deployments = loadLayerFromDisk('deployments');
const loaded = (s: AppState): AppState =>
  reduce(s, {
    type: 'layersLoaded',
    layers: { ...s.layers, deployments: { status: 'ok', data: deployments } },
  });

describe('the first view and the link', () => {
  it('opens neutral: no option drawn, though the table lists every preset', () => {
    const s = stateOf('');
    const view = deriveOptions(ctx, s.link, OPTIONS, true, createPresetCache());
    expect(view.results.map((r) => r.id)).toEqual(OPTION_IDS);
    expect(drawnOption(s.link, view)).toBeNull();
  });

  it('draws the option a link names', () => {
    const l = link('#option=two-islands&basis=official');
    const drawn = drawnOption(l, deriveOptions(ctx, l, OPTIONS, false, createPresetCache()));
    // GSI: (Habomai 94.84 + Shikotan 247.65) / 4,998.40 km².
    expect(drawn?.id).toBe('two-islands');
    expect(drawn?.japanShare).toBeCloseTo((94.84 + 247.65) / 4998.4, 9);
  });

  it('turns each value a link gets wrong into a notice and keeps the defaults', () => {
    const s = stateOf('#share=abc&history=1800&rings=some');
    expect(s.link).toEqual(DEFAULT_STATE);
    expect(s.notices).toHaveLength(3);
    const texts = s.notices.map((n) => ('text' in n ? n.text : ''));
    expect(texts[0]).toContain('"share=abc"');
    expect(texts.some((t) => t.includes('"history=1800"') && t.includes(`from 1855 to ${THIS_YEAR}`))).toBe(true);
  });

  it('closes a site the data does not have, with a notice, once the data is in', () => {
    const s = stateOf('#site=no-such-site');
    expect(s.link.site).toBe('no-such-site'); // not known before the data has loaded
    const after = loaded(s);
    expect(after.link.site).toBeNull();
    expect(after.notices).toEqual([{ siteNotInData: 'no-such-site' }]);
    // A link applied later (address bar, back) is checked against the loaded data the same way.
    const applied = reduce(after, { type: 'linkApplied', parsed: parse('#site=another-one') });
    expect(applied.link.site).toBeNull();
    expect(applied.notices).toEqual([{ siteNotInData: 'another-one' }]);
  });

  it('keeps a site the data has', () => {
    const id = loadSites()[0]!.id;
    const s = loaded(stateOf(`#site=${id}`));
    expect(s.link.site).toBe(id);
    expect(s.notices).toEqual([]);
  });

  it('asks the map for a view only when an applied link changes it', () => {
    const s = stateOf('#view=147,44,7');
    const same = reduce(s, { type: 'linkApplied', parsed: parse('#view=147,44,7&lang=ja') });
    expect(same.viewRequest).toBe(s.viewRequest);
    const moved = reduce(same, { type: 'linkApplied', parsed: parse('#view=146,43,6') });
    expect(moved.viewRequest).toEqual({ view: { lon: 146, lat: 43, zoom: 6 }, seq: 1 });
  });
});

describe('choices', () => {
  it("moves the sites' year with the history's from 1990 on, while the sites are shown", () => {
    const s = stateOf('');
    const y1956 = reduce(s, { type: 'historyYear', year: 1956 });
    expect([y1956.link.history, y1956.link.year]).toEqual([1956, null]);
    const y2000 = reduce(s, { type: 'historyYear', year: 2000 });
    expect([y2000.link.history, y2000.link.year]).toEqual([2000, 2000]);
    const now = reduce(y2000, { type: 'historyYear', year: THIS_YEAR });
    expect([now.link.history, now.link.year]).toEqual([THIS_YEAR, null]);
    const noSites = reduce(stateOf('#layers=partition'), { type: 'historyYear', year: 2000 });
    expect([noSites.link.history, noSites.link.year]).toEqual([2000, null]);
    expect(reduce(y2000, { type: 'historyYear', year: 1855 }).link.history).toBeNull();
  });

  it('brings the new cut into view after the user changes the option, not for the link it opened with', () => {
    const opened = stateOf('#option=equal-area');
    const view = deriveOptions(ctx, opened.link, OPTIONS, false, createPresetCache());
    expect(keepInView(opened.importedView, opened.followChanges, drawnOption(opened.link, view))).toBeNull();
    const chosen = reduce(opened, { type: 'option', patch: { option: 'aso-25' } });
    const current = drawnOption(chosen.link, deriveOptions(ctx, chosen.link, OPTIONS, false, createPresetCache()));
    const line = current?.cut?.line?.coordinates ?? [];
    expect(line.length).toBeGreaterThan(1);
    const [[w, s], [e, n]] = keepInView(chosen.importedView, chosen.followChanges, current) ?? [
      [0, 0],
      [0, 0],
    ];
    expect(w).toBe(Math.min(...line.map((p) => p[0]!)));
    expect(n).toBe(Math.max(...line.map((p) => p[1]!)));
    expect(s).toBeLessThan(n);
    expect(e).toBeGreaterThan(w);
  });

  it('keeps an imported territory in view until the option changes', () => {
    const box: [[number, number], [number, number]] = [
      [10, 20],
      [11, 21],
    ];
    const data = {
      name: 'a.geojson',
      points: pointSetOf([]),
      territory: null,
      merge: null,
      notices: [],
      featureCount: 1,
    };
    const s = reduce(stateOf(''), { type: 'imported', data, view: box });
    expect(keepInView(s.importedView, s.followChanges, null)).toEqual(box);
    expect(reduce(s, { type: 'option', patch: { share: 0.3 } }).importedView).toBeNull();
  });

  it('opens a point found by its id and asks the map to show it, without touching the link', () => {
    const s = stateOf('#option=aso-25');
    const point = { id: 'kur-7', lonlat: [147.9, 45.2] as [number, number], properties: {} };
    const shown = reduce(s, { type: 'showUserPoint', point });
    expect(shown.userPointId).toBe('kur-7');
    const [[w, south], [e, n]] = shown.focus!;
    expect(w < 147.9 && 147.9 < e && south < 45.2 && 45.2 < n).toBe(true);
    expect(shown.link).toBe(s.link);
  });

  it('puts restored imports before those of this visit; a name imported meanwhile wins', () => {
    const file = (name: string, featureCount: number) => ({
      name,
      points: pointSetOf([]),
      territory: null,
      merge: null,
      notices: [],
      featureCount,
    });
    let s = reduce(stateOf(''), { type: 'imported', data: file('b', 1), view: null });
    s = reduce(s, { type: 'importsRestored', data: [file('a', 2), file('b', 3)] });
    expect(s.imports.map((d) => [d.name, d.featureCount])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(reduce(s, { type: 'importRemoved', name: 'a' }).imports.map((d) => d.name)).toEqual(['b']);
  });

  it("writes this year's sites as no year in the link", () => {
    const s = stateOf('#year=2000');
    const choice = { ...s.siteChoice, countries: ['RU' as const] };
    const now = reduce(s, { type: 'sites', choice, year: THIS_YEAR });
    expect(now.link.year).toBeNull();
    expect(now.siteChoice.countries).toEqual(['RU']);
  });
});

describe('the derived view', () => {
  it("gives every preset the solver's own result, on both bases and a given bearing", () => {
    for (const l of [link('#basis=official'), link('#bearing=30'), link('#bearing=shortest')]) {
      const view = deriveOptions(ctx, l, OPTIONS, true, createPresetCache());
      expect(view.error).toBeNull();
      OPTIONS.forEach((o, i) => {
        const own = computeOption(ctx, o, l.basis, l.bearing ?? undefined);
        expect(view.results[i]!.japanShare).toBe(own.japanShare);
        expect(view.results[i]!.cut?.line).toEqual(own.cut?.line);
      });
    }
  });

  it('gives the custom option the share asked for, after the presets', () => {
    const l = link('#option=custom&share=40&basis=official');
    const view = deriveOptions(ctx, l, OPTIONS, true, createPresetCache());
    expect(view.results).toHaveLength(OPTIONS.length + 1);
    expect(view.current?.japanShare).toBeCloseTo(0.4, 9);
    expect(view.current?.japanShare).toBe(
      computeOption(ctx, customOption(ctx, 0.4, 'official'), 'official').japanShare,
    );
    expect(deriveOptions(ctx, l, OPTIONS, false, createPresetCache()).results).toEqual([view.current]);
  });

  it('reports a failing computation instead of throwing', () => {
    const failing = () => {
      throw new Error('no line');
    };
    expect(deriveOptions(ctx, link('#option=two-islands'), OPTIONS, false, failing)).toEqual({
      results: [],
      current: null,
      error: 'no line',
    });
  });

  it('filters the sites by year and choice, and draws rings of the chosen ones', () => {
    const all = loadSites();
    const s = stateOf('');
    const every = shownSites(all, s.siteChoice, THIS_YEAR);
    const russian = shownSites(all, { ...s.siteChoice, countries: ['RU'] }, THIS_YEAR);
    expect(russian.length).toBeGreaterThan(0);
    expect(russian.length).toBeLessThan(every.length);
    expect(russian.every((x) => x.props.country === 'RU')).toBe(true);
    expect(ringSites('none', every, every[0]!)).toBeNull();
    expect(ringSites('selected', every, null)).toEqual([]);
    expect(ringSites('selected', every, every[0]!)).toEqual([every[0]]);
    expect(ringSites('all', every, null)).toBe(every);
  });

  it('shows who held the areas in a year, and the lines then in force (data/history-events.json)', () => {
    const text = readFileSync(join(ROOT, 'geo/history.geojson'), 'utf8');
    const h = validateHistory(JSON.parse(text));
    if (!h.ok) throw new Error('history.geojson does not validate');
    const islands = loadLayerFromDisk('islands');
    const sideOf = (m: ReturnType<typeof historyMap>, id: string) =>
      m.areas.features.find((f) => f.properties?.id === id)?.properties?.side;
    const y1855 = historyMap(h.history, 1855, islands, null);
    expect(y1855.lines.features.map((f) => f.properties?.id)).toEqual(['shimoda-1855-vries']);
    expect(sideOf(y1855, 'history-etorofu')).toBe('japan');
    const y1900 = historyMap(h.history, 1900, islands, null);
    expect(y1900.lines.features.map((f) => f.properties?.id).sort()).toEqual([
      'st-petersburg-1875-la-perouse',
      'st-petersburg-1875-lopatka',
    ]);
    // Occupied in 1945, administered by the USSR then Russia since: Russia's side on the map.
    expect(sideOf(historyMap(h.history, 1960, islands, null), 'history-habomai')).toBe('russia');
    expect(y1855.villages).toEqual([]);
  });

  it('draws the sea lines only once the 200 nm limit is known', () => {
    expect(seaLineFeatures(null, null, null)).toBeNull();
    const fc = seaLineFeatures(
      [
        [145, 43],
        [146, 44],
      ],
      null,
      { type: 'MultiLineString', coordinates: [] },
    );
    expect(fc?.features.map((f) => f.properties?.line)).toEqual(['eez', 'boundary']);
  });

  it('bounds polygons by their outer rings', () => {
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y],
      ],
      // A hole never widens the bounds.
      [
        [x - 5, y - 5],
        [x - 4, y - 5],
        [x - 5, y - 5],
      ],
    ];
    expect(bboxOf([square(145, 43), square(147, 44)])).toEqual([
      [145, 43],
      [148, 45],
    ]);
  });
});
