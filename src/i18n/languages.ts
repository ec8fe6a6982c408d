/** The interface languages (no dependencies: the link state imports this without loading i18next). */
export const UI_LANGUAGES = ['en', 'ja', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const isUiLanguage = (v: unknown): v is UiLanguage =>
  typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v);
