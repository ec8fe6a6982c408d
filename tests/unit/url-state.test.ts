import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../src/ui/url-state.ts';
import { optionsCsv } from '../../src/data/exports.ts';
import { computeOption } from '../../src/geo/shares.ts';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';

const OPTION_IDS = ['status-quo', 'two-islands', 'equal-area'];
const ISLANDS = ['habomai', 'etorofu'];

describe('URL state', () => {
  it('round-trips every field', () => {
    const s: UrlState = { option: 'custom', share: 0.4125, bearing: 37.5, basis: 'official', lang: 'ru', layers: ['partition'], island: 'etorofu', view: { lon: 147.25, lat: 44.75, zoom: 7.5 }, basemap: 'gsi', year: 2014, rings: 'all', site: 'ru-bastion-iturup' };
    const back = parseUrlState(serializeUrlState(s), OPTION_IDS, ISLANDS, [1990, 2026]);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('reads an empty hash as the defaults', () => {
    expect(parseUrlState('', OPTION_IDS)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('falls back per field with a message naming it', () => {
    const r = parseUrlState('#option=nope&share=120&bearing=x&basis=y&lang=fr&layers=a,b&island=atlantis&view=1,2&basemap=google&year=1850&rings=some&site=<b>', OPTION_IDS, ISLANDS, [1990, 2026]);
    expect(r.state).toEqual(DEFAULT_STATE);
    expect(r.problems).toHaveLength(12);
    for (const k of ['option', 'share', 'bearing', 'basis', 'lang', 'layers', 'island', 'view', 'basemap', 'year', 'rings', 'site']) expect(r.problems.join('\n')).toContain(`"${k}=`);
    expect(parseUrlState('#year=2027', OPTION_IDS, ISLANDS, [1990, 2026]).problems[0]).toContain('from 1990 to 2026');
  });

  it('never throws on random strings, and every failure has a message', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.webQueryParameters(), fc.webQueryParameters().map((q) => '#' + q), fc.constantFrom('#%', '#%E0%A4%A', '#share=1e309', '#view=NaN,NaN,NaN')), (hash) => {
      const r = parseUrlState(hash, OPTION_IDS, ISLANDS);
      expect(r.state.share).toBeGreaterThanOrEqual(0);
      expect(r.state.share).toBeLessThanOrEqual(1);
      for (const p of r.problems) expect(p.length).toBeGreaterThan(10);
    }), { numRuns: 3000 });
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
