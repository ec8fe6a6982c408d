/** Beside the import panel: whether imports are kept in this browser, and stored records that cannot be used. */
import type { StoredProblem } from './use-stored-imports.ts';

export function StoredImports({ error, bad, notices, onRemoveBad, onClearAll }: {
  error: string | null; bad: StoredProblem[]; notices: string[]; onRemoveBad: (key: IDBValidKey) => void; onClearAll: () => void;
}) {
  if (!error && !bad.length && !notices.length) return null;
  return (
    <div className="stored-imports" data-testid="stored-imports">
      {error && (
        <p className="notice" role="status" data-testid="storage-error">
          Imports will not be kept in this browser: {error}. Files you import now still work until you leave the page.
        </p>
      )}
      {notices.length > 0 && <ul className="notice" role="status" data-testid="storage-notices">{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      {bad.length > 0 && (
        <div className="problems" role="alert" data-testid="stored-problems">
          <strong>Stored data that could not be loaded (nothing else was changed):</strong>
          <ul>
            {bad.map((b, i) => (
              <li key={i}>
                {b.label}: {b.problems.join('; ')}{' '}
                <button type="button" onClick={() => onRemoveBad(b.key)} aria-label={`Remove stored ${b.label}`}>Remove</button>
              </li>
            ))}
          </ul>
          {bad.length > 1 && <button type="button" onClick={onClearAll}>Remove all stored data</button>}
        </div>
      )}
    </div>
  );
}
