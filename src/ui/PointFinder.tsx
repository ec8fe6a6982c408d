/**
 * Finds one of the user's imported points by its id, so that every point is reachable from the keyboard
 * and by screen readers, not only by clicking the map: the matches are buttons, and showing one opens
 * its details and brings the map to it (close enough to draw it out of any cluster, ringed).
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { findUserPoints, type PointSet, type UserPoint } from '../geo/user-points.ts';
import { useT } from '../i18n/index.ts';

/** Matches listed at once; more are counted, and typing more of the id narrows them. */
const SHOWN = 10;

export function PointFinder({ points, onShow }: { points: PointSet; onShow: (point: UserPoint) => void }) {
  const { t, f } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  // 100,000 ids are searched per keystroke: typing stays responsive while the list catches up.
  const deferred = useDeferredValue(query);
  // Memoised: the side panel renders again at every step of a slider drag, the search need not.
  const { matches, total } = useMemo(() => findUserPoints(points, deferred, SHOWN), [points, deferred]);
  const q = deferred.trim();
  return (
    <form
      role="search"
      className="point-finder"
      data-testid="point-finder"
      onSubmit={(e) => {
        e.preventDefault();
        const first = findUserPoints(points, query, 1).matches[0];
        if (first) onShow(first);
      }}
    >
      <label htmlFor={`${id}-q`}>{t('imports.findLabel')}</label>
      <div className="point-finder-row">
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-status`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" disabled={!query.trim()}>
          {t('imports.findShow')}
        </button>
      </div>
      <p id={`${id}-status`} className="fine" role="status">
        {!q
          ? ''
          : total === 0
            ? t('imports.findNone', { q })
            : total > matches.length
              ? t('imports.findMore', { shown: f.int(matches.length), n: f.int(total) })
              : t('imports.findSome', { n: f.int(total) })}
      </p>
      {matches.length > 0 && (
        <ul className="point-matches">
          {matches.map((p, i) => (
            <li key={`${i}:${p.id}`}>
              <button type="button" onClick={() => onShow(p)}>
                <span className="point-match-id">{p.id}</span> <span className="fine">{f.lonLat(p.lonlat, 4)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
