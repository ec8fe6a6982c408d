import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';
import { ru } from '../../src/i18n/ru.ts';
import { detectUiLanguage, fromBrowserLanguages, i18n, optionText, tFor, UI_LANGUAGES } from '../../src/i18n/index.ts';
import { DEFAULT_STATE, parseUrlState, serializeUrlState } from '../../src/state/url-state.ts';
import { exportStrings } from '../../src/ui/export-strings.ts';
import splitOptions from '../../data/split-options.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };

/** Every leaf of a resource tree: "a.b.c" → value (a non-string leaf is reported as such). */
function leaves(t: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    for (const [k, v] of Object.entries(t as Tree)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, t);
  return out;
}
/** The <tag>s of a string given to <Trans>, in order. */
const tags = (s: string) => [...s.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[0]);
const vars = (s: string) => [...s.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const LANGS = { en, ja, ru } as Record<string, unknown>;

describe('interface languages', () => {
  const ref = leaves(en);

  it('has English, Japanese and Russian resources', () => {
    expect([...UI_LANGUAGES]).toEqual(['en', 'ja', 'ru']);
    expect(ref.size).toBeGreaterThan(300);
  });

  for (const lang of ['en', 'ja', 'ru']) {
    it(`${lang}: no key missing, extra or empty, and the same {{variables}} as English`, () => {
      const own = leaves(LANGS[lang]);
      const problems: string[] = [];
      for (const [k, v] of ref) {
        if (!own.has(k)) problems.push(`${lang}: "${k}" is missing`);
        else {
          const o = own.get(k);
          if (typeof o !== 'string' || !o.trim()) problems.push(`${lang}: "${k}" is empty or not text`);
          else if (JSON.stringify(vars(o)) !== JSON.stringify(vars(String(v)))) {
            const list = (t: string) => `{{${vars(t).join('}}, {{')}}}`;
            problems.push(`${lang}: "${k}" uses ${list(o)} where English uses ${list(String(v))}`);
          } else if (JSON.stringify(tags(o)) !== JSON.stringify(tags(String(v))))
            problems.push(
              `${lang}: "${k}" has the tags ${tags(o).join(' ')} where English has ${tags(String(v)).join(' ')}`,
            );
        }
      }
      for (const k of own.keys()) if (!ref.has(k)) problems.push(`${lang}: "${k}" is not an English key`);
      expect(problems).toEqual([]);
    });
  }

  it('catches a missing key, an empty value and a differing variable (the checker itself)', () => {
    const broken = structuredClone(ja) as unknown as { app: Record<string, string> };
    delete broken.app.title;
    broken.app.loading = ' ';
    broken.app.computeFailed = 'エラー：{{err}}';
    const own = leaves(broken);
    expect(own.has('app.title')).toBe(false);
    expect(String(own.get('app.loading')).trim()).toBe('');
    expect(vars(String(own.get('app.computeFailed')))).not.toEqual(vars(en.app.computeFailed));
  });

  it('translates through i18next, with interpolation, in every language', () => {
    expect(tFor('en')('app.computeFailed', { error: 'x' })).toBe('Could not compute this option: x');
    expect(tFor('ja')('status.disputed')).toBe('係争中：ロシアが実効支配、日本が領有権を主張');
    expect(tFor('ru')('status.disputed')).toBe('Спорные: под управлением России, на них претендует Япония');
    expect(tFor('ru')('deployments.count', { shown: 3, total: 37, year: 2024 })).toBe(
      'Показано объектов за 2024 г.: 3 из 37.',
    );
    expect(i18n.options.fallbackLng).toEqual(['en']);
  });
});

describe('choosing the interface language', () => {
  it("takes ui= from the link first, then the browser's languages, then English", () => {
    expect(detectUiLanguage('#ui=ru', ['ja-JP'])).toBe('ru');
    expect(detectUiLanguage('#option=x&ui=ja', ['en-US'])).toBe('ja');
    expect(detectUiLanguage('#ui=fr', ['ja-JP', 'ru'])).toBe('ja');
    expect(detectUiLanguage('', ['de-DE', 'ru-RU', 'ja'])).toBe('ru');
    expect(detectUiLanguage('', ['de', 'fr'])).toBe('en');
    expect(detectUiLanguage(null, undefined)).toBe('en');
    expect(fromBrowserLanguages(['JA_jp'])).toBe('ja');
  });

  it('keeps ui in the link: parsed, checked with a notice, serialized only when chosen', () => {
    expect(parseUrlState('#ui=ja', []).state.ui).toBe('ja');
    expect(parseUrlState('', []).state.ui).toBeUndefined();
    const bad = parseUrlState('#ui=de', []);
    expect(bad.state.ui).toBeUndefined();
    expect(bad.problems.join(' ')).toContain('"ui=de"');
    expect(serializeUrlState(DEFAULT_STATE)).not.toContain('ui=');
    const s = serializeUrlState({ ...DEFAULT_STATE, ui: 'ru' });
    expect(s).toContain('ui=ru');
    expect(parseUrlState(s, ['equal-area']).state.ui).toBe('ru');
  });
});

describe('option texts', () => {
  it('every option has its name, summary, proposer and date in Japanese and Russian', () => {
    for (const o of splitOptions.options) {
      for (const field of ['name', 'summary', 'proposed_by', 'when'] as const) {
        for (const lang of ['ja', 'ru'] as const) {
          const v = (o as Record<string, unknown>)[`${field}_${lang}`];
          expect(typeof v === 'string' && v.trim().length > 0, `${o.id}.${field}_${lang}`).toBe(true);
        }
        expect(optionText(o, field, 'en')).toBe((o as unknown as Record<string, string>)[field]);
      }
    }
    expect(optionText({ name: 'X' }, 'name', 'ja')).toBe('X');
  });
});

describe('export strings per language', () => {
  it('gives each language its words and number formats', () => {
    expect(exportStrings('en').disputed).toBe('Disputed: administered by Russia, claimed by Japan');
    expect(exportStrings('ja').disputed).toBe('係争中：ロシアが実効支配、日本が領有権を主張');
    expect(exportStrings('ru').fmt.km2(1234.56)).toBe('1\u202f234,6\u00a0км²');
    expect(exportStrings('en').fmt.km2(1234.56)).toBe('1,234.6 km²');
    expect(
      exportStrings('ru').title({ option: 'O', japanPercent: 'a', russiaPercent: 'b', japanKm2: 'c', russiaKm2: 'd' }),
    ).toBe('O: Япония a (c), Россия b (d)');
  });
});

describe('merge summaries per language', () => {
  it('gives English exactly as src/data/import.ts mergeText does', async () => {
    const { mergeText } = await import('../../src/data/import.ts');
    const { mergeTextIn } = await import('../../src/i18n/index.ts');
    const { formatters } = await import('../../src/ui/format.ts');
    for (const m of [
      { inputPolygons: 3, outputPolygons: 1, overlapRemovedKm2: 12.345 },
      { inputPolygons: 1, outputPolygons: 1, overlapRemovedKm2: 0 },
    ]) {
      expect(mergeTextIn(tFor('en'), formatters('en'), m)).toBe(mergeText(m as never));
    }
    expect(
      mergeTextIn(tFor('ru'), formatters('ru'), { inputPolygons: 3, outputPolygons: 1, overlapRemovedKm2: 0 }),
    ).toBe('Многоугольники объединены: 3 → 1; перекрытий нет');
  });
});

describe('link notices per language', () => {
  const what =
    "English through i18next is exactly the link state's own English; Japanese and Russian name the same values";
  it(what, async () => {
    const { linkMessages } = await import('../../src/i18n/index.ts');
    const hash =
      '#option=nope&share=120&bearing=x&basis=y&lang=fr&layers=a,b&island=atlantis&view=1,2&basemap=google' +
      '&year=1850&rings=some&site=<b>&ui=de&zz=1&option=two-islands';
    const args = [
      ['status-quo', 'equal-area'],
      ['habomai', 'etorofu'],
      [1990, 2026],
    ] as const;
    const own = parseUrlState(hash, args[0], args[1], args[2]);
    const viaI18n = parseUrlState(hash, args[0], args[1], args[2], linkMessages(tFor('en')));
    expect(viaI18n.problems).toEqual(own.problems);
    expect(own.problems).toHaveLength(15);
    for (const lang of ['ja', 'ru'] as const) {
      const p = parseUrlState(hash, args[0], args[1], args[2], linkMessages(tFor(lang))).problems;
      expect(p).toHaveLength(15);
      for (const v of ['option=nope', 'share=120', 'ui=de', 'year=1850', '"zz"']) expect(p.join('\n')).toContain(v);
    }
    expect(parseUrlState(hash, args[0], args[1], args[2], linkMessages(tFor('ru'))).problems.join('\n')).toContain(
      'используется значение по умолчанию',
    );
  });
});
