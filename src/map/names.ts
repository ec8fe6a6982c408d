/** Place names in both conventions; the user chooses which the map shows. */
import type { LabelLanguage } from '../state/url-state.ts';

export type { LabelLanguage };
export const LABEL_LANGUAGES: { id: LabelLanguage; label: string }[] = [
  { id: 'ja', label: 'Japanese names (日本語 + romaji)' },
  { id: 'ru', label: 'Russian names (русский + Latin)' },
  { id: 'both', label: 'Both' },
];

export interface NameProps {
  name_en?: unknown;
  name_ja?: unknown;
  name_ja_latn?: unknown;
  name_ru?: unknown;
  name_ru_latn?: unknown;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');

export function labelText(p: NameProps, lang: LabelLanguage): string {
  const ja = [s(p.name_ja), s(p.name_ja_latn)].filter(Boolean).join(' ');
  const ru = [s(p.name_ru), s(p.name_ru_latn)].filter(Boolean).join(' ');
  if (lang === 'ja') return ja || s(p.name_en);
  if (lang === 'ru') return ru || s(p.name_en);
  return [ja, ru].filter(Boolean).join('\n') || s(p.name_en);
}
