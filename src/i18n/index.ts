/**
 * The interface language: English, Japanese or Russian (i18next with react-i18next), initialised
 * synchronously from the bundled resources (no HTTP backend: the page is offline). Chosen from the link's
 * `ui=` first, else the first of en/ja/ru in the browser's languages, else English; switchable (the
 * switcher writes `ui=` into the link). The naming convention of places is a separate choice (`lang=`).
 * `<html lang>` follows the interface language.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useEffect, useMemo } from 'react';
import { en, type Resources } from './en.ts';
import { ja } from './ja.ts';
import { ru } from './ru.ts';
import { problemsEn } from './problems.en.ts';
import { problemsJa } from './problems.ja.ts';
import { problemsRu } from './problems.ru.ts';
import { formatters, type Formatters } from '../ui/format.ts';
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from './languages.ts';

export { UI_LANGUAGES, type UiLanguage };
export const RESOURCES: Record<UiLanguage, Resources> = { en, ja, ru };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

/** The first of en/ja/ru among the browser's preferred languages ("ja-JP" counts as ja), or null. */
export function fromBrowserLanguages(languages: readonly string[] | undefined | null): UiLanguage | null {
  for (const l of languages ?? []) {
    const primary = String(l).toLowerCase().split(/[-_]/)[0];
    if (isUiLanguage(primary)) return primary;
  }
  return null;
}

/** `ui=` of a link's hash when it is one of en/ja/ru (the first one given, as the link state reads it), or null. */
function fromLink(hash: string | undefined | null): UiLanguage | null {
  try {
    const v = new URLSearchParams(String(hash ?? '').replace(/^#/, '')).get('ui');
    return isUiLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

/** The link's `ui=` first, else the browser's languages, else English. */
export function detectUiLanguage(
  hash: string | undefined | null,
  languages: readonly string[] | undefined | null,
): UiLanguage {
  return fromLink(hash) ?? fromBrowserLanguages(languages) ?? 'en';
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : navigator.language
        ? [navigator.language]
        : [];

/** The browser's choice alone (a link without `ui=`). */
const browserUiLanguage = (): UiLanguage => fromBrowserLanguages(browserLanguages()) ?? 'en';

const initial: UiLanguage = detectUiLanguage(typeof location === 'undefined' ? '' : location.hash, browserLanguages());

/** `<html lang>` and `dir` (all three languages are written left to right; i18next knows those that are not). */
function setHtmlLang(lng: string): void {
  if (typeof document === 'undefined' || !document.documentElement) return;
  const lang = isUiLanguage(lng) ? lng : 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = i18n.dir(lang);
}

export const i18n: I18n = i18next.createInstance();
i18n.use(initReactI18next);
void i18n.init({
  resources: {
    en: { translation: en, problems: problemsEn },
    ja: { translation: ja, problems: problemsJa },
    ru: { translation: ru, problems: problemsRu },
  },
  ns: ['translation', 'problems'],
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
/** `<html lang>` and the window's title follow the interface language. */
function onLanguage(lng: string): void {
  setHtmlLang(lng);
  if (typeof document !== 'undefined') document.title = i18n.t('app.documentTitle');
}
onLanguage(i18n.language);
i18n.on('languageChanged', onLanguage);

/** Switches the interface language at once (the caller also writes `ui=` into the link). */
export function setUiLanguage(lang: UiLanguage): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

/**
 * Follows the link: `ui` from the link state (null: none in the link, so the browser's choice). For the
 * page component, which owns the link state.
 */
export function useUiLanguageFromLink(ui: UiLanguage | null | undefined): UiLanguage {
  const lang = ui ?? browserUiLanguage();
  // Before paint is not needed: the switch re-renders every translated part.
  useEffect(() => {
    setUiLanguage(lang);
  }, [lang]);
  return lang;
}

/** t() and the number and date formatters of the interface language, re-rendering on a switch. */
export function useT() {
  const { t, i18n: inst } = useTranslation();
  const lang: UiLanguage = isUiLanguage(inst.language) ? inst.language : 'en';
  const f: Formatters = useMemo(() => formatters(lang), [lang]);
  return { t, lang, f };
}

const ISLAND_KEYS = {
  habomai: 'islands.habomai',
  shikotan: 'islands.shikotan',
  kunashiri: 'islands.kunashiri',
  etorofu: 'islands.etorofu',
  hokkaido: 'islands.hokkaido',
} as const;
/** A disputed island's (or Hokkaido's) name in running text of the interface language, or null for another id. */
export function islandName(t: TFunction, id: string): string | null {
  const k = (ISLAND_KEYS as Record<string, (typeof ISLAND_KEYS)[keyof typeof ISLAND_KEYS]>)[id];
  return k ? t(k) : null;
}

/**
 * The link notices' words in a language, for parseUrlState (src/state/url-state.ts: LinkMessages). Values
 * quoted from the link (keys, "key=value") stay as they are.
 */
export function linkMessages(t: TFunction) {
  return {
    unreadable: t('link.unreadable'),
    repeated: (key: string, used: string, ignored: string) => t('link.repeated', { key, used, ignored }),
    unknownKeys: (list: string, count: number, more: number) =>
      t(count === 1 ? 'link.unknownKey' : 'link.unknownKeys', {
        list: list + (more > 0 ? t('link.andMore', { n: more }) : ''),
      }),
    bad: (value: string, why: string) => t('link.bad', { value, why }),
    option: t('link.badOption'),
    share: t('link.badShare'),
    bearing: t('link.badBearing'),
    island: t('link.badIsland'),
    view: t('link.badView'),
    site: t('link.badSite'),
    oneOf: (allowed: readonly string[]) =>
      t('link.badOneOf', { list: allowed.slice(0, -1).join(', '), last: allowed[allowed.length - 1] }),
    layers: (ids: readonly string[]) => t('link.badLayers', { list: ids.join(', ') }),
    year: (from: number, to: number) => t('link.badYear', { from, to }),
  };
}

/** How an import's polygons were merged (src/data/import.ts mergeText, in the interface language). */
export function mergeTextIn(
  t: TFunction,
  f: Formatters,
  m: { inputPolygons: number; outputPolygons: number; overlapRemovedKm2: number },
): string {
  const n = (k: number) => t(k === 1 ? 'imports.polygonOne' : 'imports.polygonMany', { n: f.int(k) });
  return t('imports.merge', {
    from: n(m.inputPolygons),
    to: n(m.outputPolygons),
    overlap:
      m.overlapRemovedKm2 >= 0.005
        ? t('imports.overlapRemoved', { km2: f.km2(m.overlapRemovedKm2, 2) })
        : t('imports.noOverlap'),
  });
}

/** A fixed-language t() outside React (exports, tests). */
export const tFor = (lang: UiLanguage) => i18n.getFixedT(lang);

/**
 * An option's display text in a language: data/split-options.json carries `name`, `summary`,
 * `proposed_by`, `when` in English and `<field>_ja`, `<field>_ru` beside them; English when a translation is missing.
 */
export function optionText(
  option: object,
  field: 'name' | 'summary' | 'proposed_by' | 'when',
  lang: UiLanguage,
): string {
  const o = option as Record<string, unknown>;
  const own = lang === 'en' ? undefined : o[`${field}_${lang}`];
  return typeof own === 'string' && own.trim() ? own : typeof o[field] === 'string' ? (o[field] as string) : '';
}
