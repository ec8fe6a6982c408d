/**
 * The territory's split, computed in the import worker (import-client.ts): the page's thread never
 * projects or clips a large territory. Each change of share, bearing or anchor asks for a new split;
 * while one runs only the latest waits. The last result stays on screen until the next one arrives.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { LoadedImport } from '../data/import.ts';
import { errorMessage } from '../data/error-message.ts';
import type { ServiceProgress, SplitParams, SplitView } from './import-service.ts';
import { NOT_KEPT } from './import-kept.ts';
import { SupersededError, type ImportClient } from './import-client.ts';

export interface TerritorySplit {
  /** The latest split that arrived (it may be for earlier settings while a new one runs: see `current`). */
  view: SplitView | null;
  /** Whether `view` is for the territory and settings asked for now (figures are shown only then). */
  current: boolean;
  /** Progress of the split under way, or null. */
  progress: ServiceProgress | null;
  error: string | null;
  params: SplitParams;
}

export function useTerritorySplit(
  client: ImportClient,
  source: LoadedImport | null,
  anchor: [number, number] | null,
  bearing: number | null,
  share: number,
): TerritorySplit {
  const [got, setView] = useState<{ view: SplitView; source: LoadedImport; key: string } | null>(null);
  // The settings by value: the effect runs again only when one of them changes.
  const key = JSON.stringify([anchor, bearing, share]);
  // Progress and errors are kept with the territory they are for, and shown only for that one.
  const [progress, setProgress] = useState<{ of: LoadedImport; progress: ServiceProgress } | null>(null);
  const [error, setError] = useState<{ of: LoadedImport; message: string } | null>(null);
  const params: SplitParams = { anchor, bearing, share };
  const shownFor = useRef<LoadedImport | null>(null);
  useEffect(() => {
    // A different territory: its old figures are not shown meanwhile (`view` below is for `source` only).
    shownFor.current = source?.territory ? source : null;
    if (!source?.territory) return;
    const asked = key;
    let live = true;
    const [a, b, sh] = JSON.parse(key) as [[number, number] | null, number | null, number];
    const p: SplitParams = { anchor: a, bearing: b, share: sh };
    // Results and progress of earlier settings are kept too (while dragging, the map follows what has
    // been computed); `current` says whether they are for the settings asked for now.
    const mine = () => shownFor.current === source;
    const ask = () =>
      client.split(source.name, p, (pr) => {
        if (mine()) setProgress({ of: source, progress: pr });
      });
    ask()
      .catch((e) => {
        // Imported on the page's thread (or the worker restarted): hand it the territory, then split.
        // (Never a copy simplified for drawing: its figures would be off.)
        if (e instanceof Error && e.message.startsWith(NOT_KEPT)) {
          if (source.territoryInfo?.simplifiedForDisplay)
            throw new Error('the territory is no longer held by the page: import the file again');
          return client.adopt(source.name, source.territory!).then(ask);
        }
        throw e;
      })
      .then(
        (v) => {
          if (!mine()) return;
          // A transition, as the import itself (use-import-actions.ts): the first split of a large import
          // mounts the territory's panel and parts, drawn in slices rather than in one long task.
          startTransition(() => {
            setView({ view: v, source, key: asked });
            if (live) {
              setError(null);
              setProgress(null);
            }
          });
        },
        (e) => {
          if (e instanceof SupersededError || !live) return;
          setError({ of: source, message: errorMessage(e) });
          setProgress(null);
        },
      );
    return () => {
      live = false;
    };
  }, [client, source, key]);
  const view = got?.source === source ? got.view : null;
  return {
    view,
    current: !!got && got.source === source && got.key === key,
    progress: progress?.of === source ? progress.progress : null,
    error: error?.of === source ? error.message : null,
    params,
  };
}
