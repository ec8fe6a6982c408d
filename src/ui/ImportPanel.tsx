/** Import the user's GeoJSON (file picker or drop), list what is loaded, and remove it. */
import { useRef } from 'react';
import { formatProblem, type ValidationProblem } from '../data/validate.ts';
import { mergeText, type ImportedData } from '../data/import.ts';

export function ImportPanel({ imports, problems, onFiles, onRemove, busy }: {
  imports: ImportedData[]; problems: ValidationProblem[]; onFiles: (files: FileList | File[]) => void; onRemove: (name: string) => void; busy: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="import" aria-labelledby="import-title">
      <h2 id="import-title">Your data</h2>
      <p className="fine">Import a GeoJSON file (up to 50 MB), or drop it on the page: points become a layer of your own sites, polygons a territory to split. It stays in this browser until you remove it.</p>
      <label className="file-button">
        <input ref={input} type="file" accept=".geojson,.json,application/geo+json,application/json" data-testid="import-input"
          onChange={(e) => { if (e.target.files?.length) onFiles(e.target.files); e.target.value = ''; }} />
        Choose a GeoJSON file…
      </label>
      {busy && <p className="fine" role="status">Reading…</p>}
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="import-problems">
          <strong>The file was not imported; nothing was changed:</strong>
          <ul>{problems.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>
        </div>
      )}
      {imports.length > 0 && (
        <ul className="imports" data-testid="imports">
          {imports.map((d) => (
            <li key={d.name}>
              <span>{d.name}: {d.points.length} point(s){d.territory ? `, ${d.territory.coordinates.length} polygon(s)` : ''}</span>
              <button type="button" onClick={() => onRemove(d.name)} aria-label={`Remove ${d.name}`}>Remove</button>
              {/* Polygons are merged before any area is computed: overlaps and repeats count once. */}
              {d.merge && <p className="fine import-merge" data-testid="import-merge">{mergeText(d.merge)}.</p>}
              {d.notices.length > 0 && (
                <div className="import-notices" data-testid="import-notices">
                  <span className="fine">Imported, with {d.notices.length === 1 ? 'one notice' : `${d.notices.length} notices`}:</span>
                  <ul>{d.notices.map((p, i) => <li key={i}>{formatProblem(p)}</li>)}</ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
