import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../src/state/url-state.ts';
import { optionsCsv } from '../../src/data/exports.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';

const OPTION_IDS = ['status-quo', 'two-islands', 'equal-area'];
const ISLANDS = ['habomai', 'etorofu'];

describe('URL state', () => {
  it('round-trips every field', () => {
    const s: UrlState = {
      option: 'custom',
      share: 0.4125,
      bearing: 37.5,
      basis: 'official',
      lang: 'ru',
      layers: ['partition'],
      island: 'etorofu',
      view: { lon: 147.25, lat: 44.75, zoom: 7.5 },
      basemap: 'gsi',
      year: 2014,
      rings: 'all',
      site: 'ru-bastion-iturup',
      history: 1905,
    };
    const back = parseUrlState(serializeUrlState(s), OPTION_IDS, ISLANDS, [1990, 2026]);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('reads an empty hash as the defaults', () => {
    expect(parseUrlState('', OPTION_IDS)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('falls back per field with a message naming it', () => {
    const r = parseUrlState(
      '#option=nope&share=120&bearing=x&basis=y&lang=fr&layers=a,b&island=atlantis&view=1,2&basemap=google' +
        '&year=1850&rings=some&site=<b>',
      OPTION_IDS,
      ISLANDS,
      [1990, 2026],
    );
    expect(r.state).toEqual(DEFAULT_STATE);
    expect(r.problems).toHaveLength(12);
    for (const k of [
      'option',
      'share',
      'bearing',
      'basis',
      'lang',
      'layers',
      'island',
      'view',
      'basemap',
      'year',
      'rings',
      'site',
    ])
      expect(r.problems.join('\n')).toContain(`"${k}=`);
    expect(parseUrlState('#year=2027', OPTION_IDS, ISLANDS, [1990, 2026]).problems[0]).toContain('from 1990 to 2026');
  });

  it("keeps the history panel's year, from 1855 to this year, and names a bad one", () => {
    const thisYear = new Date().getFullYear();
    expect(parseUrlState('#history=1956', OPTION_IDS).state.history).toBe(1956);
    expect(serializeUrlState({ ...DEFAULT_STATE, history: 1956 })).toContain('history=1956');
    // The timeline's first year is its default: read back as null and left out of the link.
    expect(parseUrlState('#history=1855', OPTION_IDS)).toEqual({ state: DEFAULT_STATE, problems: [] });
    expect(serializeUrlState(DEFAULT_STATE)).not.toContain('history');
    for (const bad of ['1854', String(thisYear + 1), '-1956', '19560', '1956.0', 'x']) {
      const r = parseUrlState(`#history=${bad}`, OPTION_IDS);
      expect(r.state.history).toBeNull();
      expect(r.problems).toEqual([`"history=${bad}" must be a year from 1855 to ${thisYear}; using the default`]);
    }
  });

  it('never throws on random strings, and every failure has a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.webQueryParameters(),
          fc.webQueryParameters().map((q) => '#' + q),
          fc.constantFrom('#%', '#%E0%A4%A', '#share=1e309', '#view=NaN,NaN,NaN'),
        ),
        (hash) => {
          const r = parseUrlState(hash, OPTION_IDS, ISLANDS);
          expect(r.state.share).toBeGreaterThanOrEqual(0);
          expect(r.state.share).toBeLessThanOrEqual(1);
          for (const p of r.problems) expect(p.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('CSV export of the options table', () => {
  it('has a row per option with its figures and neutralises formula cells', () => {
    const ctx = loadShareContext();
    const results = OPTIONS.map((o) => computeOption(ctx, o, 'official'));
    const csv = optionsCsv(results, { 'two-islands': '=HYPERLINK("x")' });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(OPTIONS.length + 1);
    expect(lines.find((l) => l.startsWith('"aso-25"'))).toMatch(/,52\.4852,/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('URL state: strict parsing', () => {
  const parse = (h: string) => parseUrlState(h, OPTION_IDS, ISLANDS, [1990, 2026]);

  it('takes one value per key: a repeated key is named with the value ignored', () => {
    const r = parse('#option=custom&share=40&share=60');
    expect(r.state.share).toBe(0.4);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain('"share" is given more than once');
    expect(r.problems[0]).toContain('"share=60" is ignored');
  });

  it('accepts plain decimal numbers only: share=+5, exponents, hex and spaces are refused with a notice', () => {
    for (const v of ['+5', '1e1', '0x10', ' 5', '5 ', '.5', '5.', 'Infinity', '-0', '٥']) {
      const r = parse(`#option=custom&share=${encodeURIComponent(v)}`);
      expect(r.state.share, v).toBe(DEFAULT_STATE.share);
      expect(r.problems, v).toHaveLength(1);
      expect(r.problems[0], v).toContain('must be a percentage');
    }
    expect(parse('#option=custom&share=+5').problems[0]).toContain('"share= 5"'); // '+' in a query string is a space
    expect(parse('#option=custom&share=%2B5').problems[0]).toContain('"share=+5"');
    expect(parse('#bearing=%2B10').problems[0]).toContain('"bearing=+10"');
    expect(parse('#view=1e2,45,8').problems[0]).toContain('"view=1e2,45,8"');
    expect(parse('#option=custom&share=42.5&bearing=-30.5&view=-120.5,45,8').problems).toEqual([]);
  });

  it('names invisible characters such as U+200B in the notice instead of accepting or hiding them', () => {
    const zw = parse('#option=custom&share=40%E2%80%8B');
    expect(zw.state.share).toBe(DEFAULT_STATE.share);
    expect(zw.problems[0]).toContain('"share=40<U+200B>"');
    const opt = parse('#option=two-islands%E2%80%8B');
    expect(opt.state.option).toBe(DEFAULT_STATE.option);
    expect(opt.problems[0]).toContain('"option=two-islands<U+200B>" is not a known option');
    const nbsp = parse('#basis=official%C2%A0');
    expect(nbsp.problems[0]).toContain('"basis=official<U+00A0>"');
    // An invisible character in a key makes it an unknown key, shown with the character named.
    const key = parse('#share%E2%80%8B=40');
    expect(key.problems[0]).toContain('"share<U+200B>"');
  });

  it('lists unknown keys in one notice', () => {
    const r = parse('#option=equal-area&foo=1&bar=2&foo=3');
    expect(r.state.option).toBe('equal-area');
    expect(r.problems).toEqual(['the keys "foo", "bar" are not part of this page\'s links and were ignored']);
    expect(parse('#zoom=5').problems).toEqual(['the key "zoom" is not part of this page\'s links and was ignored']);
  });

  it('what the page writes reads back without a notice', () => {
    fc.assert(
      fc.property(
        fc.record({
          option: fc.constantFrom('custom', ...OPTION_IDS),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          bearing: fc.option(fc.double({ min: 0, max: 179.9, noNaN: true })),
          lon: fc.double({ min: -180, max: 180, noNaN: true }),
          lat: fc.double({ min: -85, max: 85, noNaN: true }),
          zoom: fc.double({ min: 0, max: 22, noNaN: true }),
        }),
        (x) => {
          const s: UrlState = {
            ...DEFAULT_STATE,
            option: x.option,
            share: x.share,
            bearing: x.bearing,
            view: { lon: x.lon, lat: x.lat, zoom: x.zoom },
          };
          const r = parse(serializeUrlState(s));
          expect(r.problems).toEqual([]);
          expect(serializeUrlState(r.state)).toBe(serializeUrlState(s));
        },
      ),
      { numRuns: 500 },
    );
  });
});
