import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtBearing, fmtDate, fmtInt, fmtKm2, fmtNumber, fmtPct } from '../../src/ui/format.ts';

describe('number formatting without Intl', () => {
  it('gives known answers', () => {
    expect(fmtKm2(3175.5712)).toBe('3,175.57 km²');
    expect(fmtKm2(77702.505, 1)).toBe('77,702.5 km²');
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtInt(999)).toBe('999');
    expect(fmtInt(-1000)).toBe('-1,000');
    expect(fmtNumber(-0.001, 2)).toBe('0.00');
    expect(fmtNumber(0)).toBe('0');
    expect(fmtNumber(Number.NaN)).toBe('NaN');
  });

  it('groups and signs exactly as en-US Intl does, for any value once rounded', () => {
    fc.assert(
      // At most 15 significant digits once rounded (up to 1e14 with no decimals, 1e10 with four), within a
      // double's precision: beyond it Intl and toFixed may round the last digit of the same double differently
      // (789,099,914,151.3669 against …3670 once, for 789099914151.367 at four decimals).
      fc.property(
        fc
          .integer({ min: 0, max: 4 })
          .chain((d) =>
            fc.tuple(fc.double({ min: -(10 ** (14 - d)), max: 10 ** (14 - d), noNaN: true }), fc.constant(d)),
          ),
        ([x, d]) => {
          // Rounding itself is toFixed's; compare the grouping of the rounded value.
          const rounded = Number(Math.abs(x).toFixed(d)) * Math.sign(x);
          const intl = (rounded === 0 ? 0 : rounded).toLocaleString('en-US', {
            minimumFractionDigits: d,
            maximumFractionDigits: d,
            useGrouping: true,
          });
          expect(fmtNumber(x, d)).toBe(intl);
        },
      ),
      { numRuns: 5000 },
    );
  });

  // Japanese groups as English does; Russian groups with a narrow no-break space (U+202F) and a decimal
  // comma. CLDR, and so Intl, has a no-break space (U+00A0) there: compared after mapping that one character.
  for (const [lang, locale] of [
    ['ja', 'ja-JP'],
    ['ru', 'ru-RU'],
  ] as const) {
    it(`groups, signs and separates decimals exactly as ${locale} Intl does, for any value once rounded`, () => {
      // Up to 1e9 with 4 decimals: 13 significant digits, within a double's precision (beyond it, Intl and toFixed
      // may round the last digit of the same double differently).
      fc.assert(
        fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
          const rounded = Number(Math.abs(x).toFixed(d)) * Math.sign(x);
          const intl = (rounded === 0 ? 0 : rounded)
            .toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true })
            .replace(/\u00a0/g, '\u202f')
            .replace(/\u2212/g, '-');
          expect(fmtNumber(x, d, lang)).toBe(intl);
        }),
        { numRuns: 5000 },
      );
    });
  }

  it('formats per language: units, percentages, bearings', () => {
    expect(fmtNumber(1234.56, 2, 'en')).toBe('1,234.56');
    expect(fmtNumber(1234.56, 2, 'ja')).toBe('1,234.56');
    expect(fmtNumber(1234.56, 2, 'ru')).toBe('1\u202f234,56');
    expect(fmtKm2(3175.5712, 2, 'ru')).toBe('3\u202f175,57\u00a0км²');
    expect(fmtKm2(3175.5712, 2, 'ja')).toBe('3,175.57 km²');
    expect(fmtPct(50, 2)).toBe('50.00 %');
    expect(fmtPct(50, 2, false, 'ja')).toBe('50.00%');
    expect(fmtPct(21.08, 2, false, 'ru')).toBe('21,08\u00a0%');
    expect(fmtPct(0.28, 2, true, 'ru')).toBe('+0,28\u00a0%');
    expect(fmtBearing(144.37)).toBe('144.4°');
    expect(fmtBearing(144.37, 'ru')).toBe('144,4°');
    expect(fmtBearing(179.96, 'ru')).toBe('0°');
  });
});

describe('dates without Intl', () => {
  const utc = (iso: string) =>
    new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  const intl = (iso: string, locale: string) =>
    new Intl.DateTimeFormat(
      locale,
      iso.length === 10
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : iso.length === 7
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' },
    ).format(utc(iso));

  it('writes dates as Intl does in en-GB, ja and ru, for every month and any day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 2 }),
        (y, m, d, precision) => {
          const iso = [String(y), String(m).padStart(2, '0'), String(d).padStart(2, '0')]
            .slice(0, 3 - precision)
            .join('-');
          for (const [lang, locale] of [
            ['en', 'en-GB'],
            ['ja', 'ja'],
            ['ru', 'ru'],
          ] as const)
            expect(fmtDate(iso, lang)).toBe(intl(iso, locale));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives known answers and leaves other text alone', () => {
    expect(fmtDate('1945-08-15')).toBe('15 August 1945');
    expect(fmtDate('1945-08-15', 'ja')).toBe('1945年8月15日');
    expect(fmtDate('1945-08-15', 'ru')).toBe('15 августа 1945 г.');
    expect(fmtDate('2009-04', 'ru')).toBe('апрель 2009 г.');
    expect(fmtDate('c. 1990', 'ru')).toBe('c. 1990');
    expect(fmtDate('2009-13', 'ja')).toBe('2009-13');
  });
});
