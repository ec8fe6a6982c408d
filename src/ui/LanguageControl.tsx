import { LABEL_LANGUAGES, type LabelLanguage } from '../geo/names.ts';

export function LanguageControl({ value, onChange }: { value: LabelLanguage; onChange: (l: LabelLanguage) => void }) {
  return (
    <fieldset className="segmented" data-testid="language-control">
      <legend>Map labels</legend>
      {LABEL_LANGUAGES.map((l) => (
        <label key={l.id} className={value === l.id ? 'on' : ''}>
          <input type="radio" name="label-language" value={l.id} checked={value === l.id} onChange={() => onChange(l.id)} />
          {l.label}
        </label>
      ))}
    </fieldset>
  );
}
