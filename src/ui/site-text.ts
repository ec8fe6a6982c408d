/**
 * The sites' texts in the interface language, for the panel (DeploymentsPanel.tsx) and the map's layers
 * (use-view.ts): data texts beside their translations, operators, the sites' buttons, the range rings' labels.
 */
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../i18n/index.ts';
import { CERTAINTIES, KINDS, KIND_MARKS, OPERATORS, type Site, type SiteProps } from '../data/deployments.ts';
import type { RingLabel } from '../map/site-features.ts';
import type { Formatters } from './format.ts';

type Translated<K extends string> = { [k in K]: string } & Partial<Record<`${K}_ja` | `${K}_ru`, string | null>>;

/** The `_ja` or `_ru` translation of a data text beside its English (tables and sites), or null (English). */
export function translationOf<K extends string>(row: Translated<K>, key: K, lang: UiLanguage): string | null {
  return lang === 'en' ? null : (row as Partial<Record<string, string | null>>)[`${key}_${lang}`] || null;
}

/** A text of the data in the interface language: its translation, the English where there is none. */
export const inLanguage = <K extends string>(row: Translated<K>, key: K, lang: UiLanguage): string =>
  translationOf(row, key, lang) ?? row[key];

/** An operator's name in the interface language (the data's vocabulary, OPERATORS, is English). */
export const operatorName = (t: TFunction, operator: string): string =>
  (OPERATORS as readonly string[]).includes(operator)
    ? t(`deployments.operators.${operator as (typeof OPERATORS)[number]}`)
    : operator;

/** The accessible name of a site's button on the map, in the interface language. */
export function siteButtonName(t: TFunction, lang: UiLanguage, s: Site, toJapan: boolean): string {
  const p = s.props;
  return (
    t('deployments.siteButton', {
      mark: KIND_MARKS[p.kind] ?? '?',
      name: siteName(p, lang),
      country: p.country,
      kind: KINDS.includes(p.kind) ? t(`deployments.kinds.${p.kind}`) : p.kind,
      position: CERTAINTIES.includes(p.certainty) ? t(`deployments.certainty.${p.certainty}`) : p.certainty,
    }) + (toJapan ? t('deployments.siteButtonToJapan') : '')
  );
}

/** A range ring's label on the map, in the interface language (site-features.ts's rangeRings). */
export function ringLabel(t: TFunction, lang: UiLanguage, f: Formatters): RingLabel {
  return (sys, km, variant) => {
    if (variant)
      return t('site.ringMax', { system: sys.name, km: f.km(km, 0), what: inLanguage(variant, 'label', lang) });
    const source = sys.sources[0]?.publisher ?? sys.sources[0]?.title ?? t('site.ringSourceInDetails');
    return t('site.ring', { system: sys.name, km: f.km(km, 0), source });
  };
}

/** A site's name in the interface language's convention (English: the data's English name). */
export const siteName = (p: Pick<SiteProps, 'name_en' | 'name_ja' | 'name_ru'>, lang: UiLanguage) =>
  (lang === 'ja' ? p.name_ja : lang === 'ru' ? p.name_ru : null) || p.name_en;
