/**
 * Two separate choices: the naming convention of places on the map (Japanese, Russian, both: `lang=` in
 * the link), and the language of the interface (English, 日本語, Русский: `ui=`), which sits in the page header.
 */
import { LABEL_LANGUAGES, type LabelLanguage } from '../map/names.ts';
import { RESOURCES, setUiLanguage, UI_LANGUAGES, useT, type UiLanguage } from '../i18n/index.ts';
import './language-control.css';

export function LanguageControl({ value, onChange }: { value: LabelLanguage; onChange: (l: LabelLanguage) => void }) {
  const { t } = useT();
  return (
    <fieldset className="segmented" data-testid="language-control">
      <legend>{t('names.legend')}</legend>
      {LABEL_LANGUAGES.map((l) => (
        <label key={l.id} className={value === l.id ? 'on' : ''}>
          <input
            type="radio"
            name="label-language"
            value={l.id}
            checked={value === l.id}
            onChange={() => onChange(l.id)}
          />
          {t(`names.${l.id}`)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The interface language: each language named in itself (so a reader finds their own whatever is shown).
 * Switches at once and hands the choice to the page, which keeps it in the link (`ui=`).
 */
export function UiLanguageControl({ onChange }: { onChange: (l: UiLanguage) => void }) {
  const { t, lang } = useT();
  return (
    <div className="ui-language" role="group" aria-label={t('ui.label')} data-testid="ui-language">
      {UI_LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          data-ui={l}
          onClick={() => {
            setUiLanguage(l);
            onChange(l);
          }}
        >
          {RESOURCES[l].meta.name}
        </button>
      ))}
    </div>
  );
}
