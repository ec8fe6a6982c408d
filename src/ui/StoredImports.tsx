/** Beside the import panel: whether imports are kept in this browser, and stored records that cannot be used. */
import type { StoredProblem } from './use-stored-imports.ts';
import { useT } from '../i18n/index.ts';

export function StoredImports({
  error,
  bad,
  notices,
  onRemoveBad,
  onClearAll,
}: {
  error: string | null;
  bad: StoredProblem[];
  notices: string[];
  onRemoveBad: (key: IDBValidKey) => void;
  onClearAll: () => void;
}) {
  const { t } = useT();
  if (!error && !bad.length && !notices.length) return null;
  return (
    <div className="stored-imports" data-testid="stored-imports">
      {error && (
        <p className="notice" role="status" data-testid="storage-error">
          {t('stored.notKept', { error })}
        </p>
      )}
      {notices.length > 0 && (
        <ul className="notice" role="status" data-testid="storage-notices">
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {bad.length > 0 && (
        <div className="problems" role="alert" data-testid="stored-problems">
          <strong>{t('stored.badTitle')}</strong>
          <ul>
            {bad.map((b, i) => (
              <li key={i}>
                {b.label}: {b.problems.join('; ')}{' '}
                <button
                  type="button"
                  onClick={() => onRemoveBad(b.key)}
                  aria-label={t('stored.removeNamed', { label: b.label })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          {bad.length > 1 && (
            <button type="button" onClick={onClearAll}>
              {t('stored.removeAll')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
