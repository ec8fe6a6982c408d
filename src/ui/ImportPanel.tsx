/** Import the user's GeoJSON (file picker or drop), list what is loaded, and remove it. */
import { useRef } from 'react';
import type { ValidationProblem } from '../data/validate.ts';
import type { LoadedImport } from '../data/import.ts';
import { mergeTextIn, useT } from '../i18n/index.ts';
import { problemLine } from './DataProblems.tsx';

export function ImportPanel({
  imports,
  problems,
  onFiles,
  onRemove,
  busy,
}: {
  imports: LoadedImport[];
  problems: ValidationProblem[];
  onFiles: (files: FileList | File[]) => void;
  onRemove: (name: string) => void;
  busy: boolean;
}) {
  const { t, f, lang } = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="import" aria-labelledby="import-title">
      <h2 id="import-title">{t('imports.title')}</h2>
      <p className="fine">{t('imports.intro')}</p>
      <label className="file-button">
        <input
          ref={input}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          data-testid="import-input"
          onChange={(e) => {
            if (e.target.files?.length) onFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {t('imports.choose')}
      </label>
      {busy && (
        <p className="fine" role="status">
          {t('imports.reading')}
        </p>
      )}
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="import-problems">
          <strong>{t('imports.refused')}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i} lang={p.code ? undefined : 'en'}>
                {problemLine(t, lang, p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {imports.length > 0 && (
        <ul className="imports" data-testid="imports">
          {imports.map((d) => (
            <li key={d.name}>
              <span>
                {t('imports.points', { name: d.name, n: f.int(d.points.n) })}
                {d.territory ? t('imports.polygons', { n: f.int(d.territory.coordinates.length) }) : ''}
              </span>
              <button
                type="button"
                onClick={() => onRemove(d.name)}
                aria-label={t('imports.removeNamed', { name: d.name })}
              >
                {t('common.remove')}
              </button>
              {/* Polygons are merged before any area is computed: overlaps and repeats count once. */}
              {d.merge && (
                <p className="fine import-merge" data-testid="import-merge">
                  {mergeTextIn(t, f, d.merge)}
                  {t('common.period')}
                </p>
              )}
              {d.notices.length > 0 && (
                <div className="import-notices" data-testid="import-notices">
                  <span className="fine">
                    {d.notices.length === 1
                      ? t('imports.oneNotice')
                      : t('imports.notices', { n: f.int(d.notices.length) })}
                  </span>
                  <ul>
                    {d.notices.map((p, i) => (
                      <li key={i} lang={p.code ? undefined : 'en'}>
                        {problemLine(t, lang, p)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
