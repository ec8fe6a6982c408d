/**
 * What the page does with the user's files: import one (picker, or dropped anywhere on the page), remove
 * one, bring them back from this browser's storage. The files and their problems live in the page's state
 * (src/state/store.ts); only the progress of the import under way is kept here.
 */
import { startTransition, useCallback, useEffect, useState, type Dispatch } from 'react';
import { checkImportSize } from '../data/import-checks.ts';
import { errorMessage } from '../data/error-message.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { bboxOf } from '../state/derive-view.ts';
import type { Action } from '../state/store.ts';
// The user's files and their territory's split run in the import worker (import-client.ts).
import { importClient } from './import-client.ts';
import type { ServiceProgress } from './import-service.ts';
import { useStoredImports } from './use-stored-imports.ts';

/** A file-level problem, worded like the validator's. */
export const fileProblem = (file: string, message: string): ValidationProblem => ({
  file,
  featureIndex: null,
  featureId: null,
  path: '',
  message,
});

export function useImportActions(dispatch: Dispatch<Action>) {
  const [progress, setProgress] = useState<ServiceProgress | null>(null);
  // Imported files come back from IndexedDB; each is validated again like a new import (use-stored-imports.ts).
  const stored = useStoredImports(
    useCallback((data) => dispatch({ type: 'importsRestored', data }), [dispatch]),
    importClient().store, // IndexedDB is worked from the import worker
  );
  const { reportError, remove } = stored;

  const onFiles = useCallback(
    async (files: FileList | File[]) => {
      const file = files[0];
      if (!file) return;
      const tooBig = checkImportSize(file.name, file.size);
      if (tooBig && !tooBig.ok) {
        dispatch({ type: 'importRefused', problems: tooBig.problems });
        return;
      }
      // A transition too (see below): the whole page renders again to show the import under way.
      startTransition(() => dispatch({ type: 'importStarted' }));
      const failed = (problems: ValidationProblem[]) => {
        dispatch({ type: 'importRefused', problems });
        dispatch({ type: 'importEnded' });
        setProgress(null);
      };
      let imported;
      try {
        // Read, validated, merged, prepared and stored by the import worker: the file's text never
        // crosses to this thread, which stays responsive, with progress.
        imported = await importClient().importFile(file, setProgress, { keep: true });
      } catch (e) {
        failed([fileProblem(file.name, `could not be read (${errorMessage(e)})`)]);
        return;
      }
      const { result: r, storageError } = imported;
      if (!r.ok) {
        failed(r.problems);
        return;
      }
      // A territory the user has just imported is brought into view (not one restored at load).
      const view = r.data.territory ? bboxOf(r.data.territory.coordinates) : null;
      // Rendered as a transition: React draws the page for 100,000 new points in slices of a few
      // milliseconds rather than in one task (54–165 ms in the web benchmark's 50 MB import). The import's
      // end comes in the same transition, so no frame shows the import over without its file.
      startTransition(() => {
        dispatch({ type: 'imported', data: r.data, view });
        dispatch({ type: 'importEnded' });
        setProgress(null);
      });
      if (storageError) reportError(storageError);
    },
    [dispatch, reportError],
  );

  const onRemove = useCallback(
    (name: string) => {
      dispatch({ type: 'importRemoved', name });
      remove(name);
      importClient()
        .forget(name)
        .catch(() => undefined);
    },
    [dispatch, remove],
  );

  // Dropping a file anywhere on the page imports it.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.dataTransfer?.files.length) {
        e.preventDefault();
        void onFiles(e.dataTransfer.files);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  return { onFiles, onRemove, progress, stored };
}
