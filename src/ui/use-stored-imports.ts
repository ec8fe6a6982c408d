/**
 * Imports kept in this browser, as a fallible service: stored files are validated on load exactly like new
 * imports (importGeoJsonText); a record that fails is listed with its problem and can be removed; a storage
 * that fails (blocked, quota, schema or version mismatch) is reported, and imports still work for the visit.
 */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { LoadedImportResult, LoadedImport } from '../data/import.ts';
import { importClient } from './import-client.ts';
import { afterFirstMapIdle } from '../map/first-idle.ts';
import { formatProblem } from '../data/validate.ts';
import { errorMessage } from '../data/error-message.ts';
import { importStore, keyLabel, type ImportStore } from './user-store.ts';
import { storageErrorSentence } from './storage-error-text.ts';

export interface StoredProblem {
  key: IDBValidKey;
  label: string;
  problems: string[];
}

export interface StoredImportsState {
  /** Stored records that cannot be used. */
  bad: StoredProblem[];
  /** Why imports are not kept in this browser, or null. */
  error: string | null;
  /** What happened to old stored data (migrated, cleared, removed). */
  notices: string[];
}

export function useStoredImports(onLoaded: (data: LoadedImport[]) => void, store: ImportStore = importStore) {
  const [s, set] = useState<StoredImportsState>({ bad: [], error: null, notices: [] });
  /** Shows why imports are not kept (also for a file the import worker stored itself: importFile). */
  const fail = useCallback((e: unknown) => set((x) => ({ ...x, error: storageErrorSentence(e) })), []);

  // The page's handler as it is when the records arrive (the effect itself runs once per store).
  const loaded = useEffectEvent(onLoaded);
  useEffect(() => {
    let live = true;
    // Each stored file is validated again in the import worker: a large one never blocks the page as it starts.
    // Read once the map has first settled: the worker's start and the validation then do not slow the first
    // view, which does not need them.
    afterFirstMapIdle()
      .then(() => store.load())
      .then(
        async ({ records, bad, notices }) => {
          if (!live) return;
          const ok: LoadedImport[] = [];
          const problems: StoredProblem[] = bad.map((b) => ({ key: b.key, label: b.label, problems: [b.problem] }));
          for (const r of records) {
            let res: LoadedImportResult;
            try {
              res = await importClient().importText(r.name, r.text);
            } catch (e) {
              res = {
                ok: false,
                problems: [{ file: r.name, featureIndex: null, featureId: null, path: '', message: errorMessage(e) }],
              };
            }
            if (res.ok) ok.push(res.data);
            else
              problems.push({
                key: r.name,
                label: keyLabel(r.name),
                problems: res.problems
                  .slice(0, 5)
                  .map(formatProblem)
                  .concat(res.problems.length > 5 ? [`… and ${res.problems.length - 5} more`] : []),
              });
          }
          if (!live) return;
          loaded(ok);
          set((x) => ({ ...x, bad: problems, notices: [...x.notices, ...notices] }));
        },
        (e) => {
          if (live) fail(e);
        },
      );
    return () => {
      live = false;
    };
    // Once per page (the store and `fail` do not change): the stored imports are read when the page starts.
  }, [store, fail]);

  const save = useCallback(
    (record: { name: string; text: string }) => {
      store.save({ ...record, importedAt: new Date().toISOString() }).catch(fail);
    },
    [store, fail],
  );
  const remove = useCallback(
    (name: string) => {
      store.remove(name).catch(fail);
    },
    [store, fail],
  );
  const removeBad = useCallback(
    (key: IDBValidKey) => {
      const drop = () => set((x) => ({ ...x, bad: x.bad.filter((b) => b.key !== key) }));
      store.remove(key).then(drop, (e) => {
        fail(e);
        drop();
      });
    },
    [store, fail],
  );
  const clearAll = useCallback(() => {
    store
      .clear()
      .then(
        () => set((x) => ({ ...x, bad: [], notices: [...x.notices, 'The data stored by this page was removed.'] })),
        fail,
      );
  }, [store, fail]);

  return { ...s, save, remove, removeBad, clearAll, reportError: fail };
}
