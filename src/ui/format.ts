/** Number and date formatting shared by the page and the CLI, per interface language (en, ja, ru). */

/** The interface languages. The CLI and anything not given a language format as English. */
export type FormatLang = 'en' | 'ja' | 'ru';

/**
 * Group and decimal separators. English and Japanese: "1,234.56". Russian: "1 234,56" with a narrow
 * no-break space (U+202F) between groups; CLDR (and so Intl) uses a no-break space (U+00A0) there, the
 * unit test compares with Intl after mapping that one character.
 */
const SEPARATORS: Record<FormatLang, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  ja: { group: ',', decimal: '.' },
  ru: { group: '\u202f', decimal: ',' },
};
/**
 * Between a number and its unit or "%": a space in English, none in Japanese before "%", a no-break space in
 * Russian.
 */
const UNIT_SPACE: Record<FormatLang, string> = { en: ' ', ja: ' ', ru: '\u00a0' };
const PCT_SPACE: Record<FormatLang, string> = { en: ' ', ja: '', ru: '\u00a0' };
const KM2: Record<FormatLang, string> = { en: 'km²', ja: 'km²', ru: 'км²' };
const KM: Record<FormatLang, string> = { en: 'km', ja: 'km', ru: 'км' };

const langOf = (lang: string | undefined): FormatLang => (lang === 'ja' || lang === 'ru' ? lang : 'en');

/**
 * `x` to `digits` decimals (rounded as toFixed rounds, like the percentages) with the language's
 * thousands and decimal separators. Not Intl.NumberFormat: its first use costs the page about 20 ms of start-up.
 */
export function fmtNumber(x: number, digits = 0, lang: FormatLang = 'en'): string {
  if (!Number.isFinite(x)) return String(x);
  const { group, decimal } = SEPARATORS[langOf(lang)];
  const fixed = Math.abs(x).toFixed(digits);
  const [int = '', frac] = fixed.split('.');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${frac === undefined ? '' : `${decimal}${frac}`}`;
}
export const fmtKm2 = (x: number, digits = 2, lang: FormatLang = 'en') =>
  `${fmtNumber(x, digits, lang)}${UNIT_SPACE[langOf(lang)]}${KM2[langOf(lang)]}`;
const fmtKm = (x: number, digits = 1, lang: FormatLang = 'en') =>
  `${fmtNumber(x, digits, lang)}${UNIT_SPACE[langOf(lang)]}${KM[langOf(lang)]}`;
export const fmtInt = (x: number, lang: FormatLang = 'en') => fmtNumber(x, 0, lang);
export const fmtPct = (x: number, digits = 2, signed = false, lang: FormatLang = 'en') =>
  `${signed && x > 0 ? '+' : ''}${fmtNumber(x, digits, lang)}${PCT_SPACE[langOf(lang)]}%`;
/**
 * A bearing to 0.1° with no trailing zero: 45 → "45°", 44.93 → "44.9°" (ru "44,9°"), 179.96 → "0°" (the same
 * line).
 */
export const fmtBearing = (b: number, lang: FormatLang = 'en') => {
  const v = +((Math.round(b * 10) / 10) % 180).toFixed(1);
  return `${Number.isInteger(v) ? String(v) : fmtNumber(v, 1, lang)}°`;
};
/** A position as "43.3850° N 145.8170° E" (ru with decimal commas). */
const fmtLonLat = (p: readonly number[], digits = 4, lang: FormatLang = 'en') => {
  const n = (v: number) => (lang === 'ru' ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits));
  const [lon = NaN, lat = NaN] = p;
  const ns =
    lang === 'ru'
      ? lat >= 0
        ? 'с. ш.'
        : 'ю. ш.'
      : lang === 'ja'
        ? lat >= 0
          ? '北緯'
          : '南緯'
        : lat >= 0
          ? 'N'
          : 'S';
  const ew =
    lang === 'ru'
      ? lon >= 0
        ? 'в. д.'
        : 'з. д.'
      : lang === 'ja'
        ? lon >= 0
          ? '東経'
          : '西経'
        : lon >= 0
          ? 'E'
          : 'W';
  if (lang === 'ja') return `${ns}${n(Math.abs(lat))}° ${ew}${n(Math.abs(lon))}°`;
  const sp = lang === 'ru' ? '\u00a0' : ' ';
  return `${n(Math.abs(lat))}°${sp}${ns} ${n(Math.abs(lon))}°${sp}${ew}`;
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Russian months: genitive after a day ("15 августа"), nominative alone ("август 1945 г."), as CLDR has them. */
const MONTHS_RU_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_RU_NOM = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/**
 * A calendar date "YYYY", "YYYY-MM" or "YYYY-MM-DD" written out per language: en "15 August 1945",
 * ja "1945年8月15日", ru "15 августа 1945 г." (as Intl's dateStyle "long" for en-GB, ja and ru writes them;
 * checked in tests/unit/format.test.ts). Anything else is returned as given (a source's free-form date).
 */
export function fmtDate(iso: string, lang: FormatLang = 'en'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const y = m[1]!;
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return iso;
  const l = langOf(lang);
  if (l === 'ja') return `${y}年${mo !== null ? `${mo}月` : ''}${d !== null ? `${d}日` : ''}`;
  if (l === 'ru') {
    if (mo === null) return y;
    if (d === null) return `${MONTHS_RU_NOM[mo - 1]!} ${y} г.`;
    return `${d} ${MONTHS_RU_GEN[mo - 1]!} ${y} г.`;
  }
  if (mo === null) return y;
  return `${d !== null ? `${d} ` : ''}${MONTHS_EN[mo - 1]!} ${y}`;
}

/** The formatters bound to one language (useFormat() in src/i18n gives those of the interface's language). */
export function formatters(lang: FormatLang) {
  return {
    lang,
    number: (x: number, digits = 0) => fmtNumber(x, digits, lang),
    int: (x: number) => fmtInt(x, lang),
    km2: (x: number, digits = 2) => fmtKm2(x, digits, lang),
    km: (x: number, digits = 1) => fmtKm(x, digits, lang),
    pct: (x: number, digits = 2, signed = false) => fmtPct(x, digits, signed, lang),
    bearing: (b: number) => fmtBearing(b, lang),
    lonLat: (p: readonly number[], digits = 4) => fmtLonLat(p, digits, lang),
    date: (iso: string) => fmtDate(iso, lang),
  };
}
export type Formatters = ReturnType<typeof formatters>;
