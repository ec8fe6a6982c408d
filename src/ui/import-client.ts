/**
 * The page's side of the import worker (import-worker.ts): a promise for each request, with a
 * progress callback. Splits are coalesced: while one runs, only the latest asked for waits (the others
 * reject with SupersededError), so dragging a slider over a large territory never builds a queue.
 *
 * Where no Worker can be started (Node, or a browser that refuses it), the same service runs inline,
 * after a macrotask, so the promises behave alike.
 */
import type { MultiPolygon } from 'geojson';
import type { LoadedImportResult } from '../data/import.ts';
import { importStore, StorageError, type ImportStore, type LoadedImports } from './user-store.ts';
import type {
  ImportService,
  PackedFileImport,
  ServiceProgress,
  ServiceRequest,
  ServiceResponse,
  SplitParams,
  SplitView,
} from './import-service.ts';

export type { ServiceProgress, SplitParams, SplitView };

export class SupersededError extends Error {
  override name = 'SupersededError';
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: ServiceProgress) => void };
type Body = ServiceRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What importFile gives: the import, and why the file could not be kept in this browser (null if it was). */
export interface FileImport {
  result: LoadedImportResult;
  storageError: StorageError | null;
}

export interface ImportClient {
  importText(name: string, text: string, onProgress?: (p: ServiceProgress) => void): Promise<LoadedImportResult>;
  /**
   * Imports a file the user chose: the worker reads it (its text never crosses to the page's thread) and,
   * with `keep`, stores it in this browser once it is imported (as `store.save` would).
   */
  importFile(
    file: Blob & { name: string },
    onProgress?: (p: ServiceProgress) => void,
    options?: { keep?: boolean },
  ): Promise<FileImport>;
  split(name: string, params: SplitParams, onProgress?: (p: ServiceProgress) => void): Promise<SplitView>;
  exportSplit(name: string, params: SplitParams): Promise<string>;
  forget(name: string): Promise<void>;
  /** Hands the worker a territory it did not import (prepared there, kept for splits). */
  adopt(name: string, territory: MultiPolygon): Promise<void>;
  /**
   * The browser's store of imports (user-store.ts) worked from the import worker: the page's thread
   * never writes a large file to IndexedDB itself. Failures are the store's own StorageErrors.
   */
  readonly store: ImportStore;
  /** 'worker' or 'inline' (no Worker could be started). */
  readonly mode: 'worker' | 'inline';
  dispose(): void;
}

export function createImportClient(options: { inline?: boolean } = {}): ImportClient {
  let seq = 0;
  const pending = new Map<number, Pending>();
  const receive = (r: ServiceResponse) => {
    const p = pending.get(r.id);
    if (!p) return;
    if (r.kind === 'progress') {
      try {
        p.onProgress?.(r.progress);
      } catch {
        /* the caller's */
      }
      return;
    }
    pending.delete(r.id);
    if (r.kind === 'ok') p.resolve(r.value);
    else
      p.reject(
        r.storageKind ? new StorageError(r.storageKind, r.message, undefined, r.storageText) : new Error(r.message),
      );
  };

  let worker: Worker | null = null;
  // The inline service is loaded only when needed: it carries the validator, the union and the solver, which
  // the page otherwise runs in the worker, and they need not weigh on the first load.
  let inline: Promise<ImportService> | null = null;
  const goInline = () => {
    inline ??= import('./import-service.ts').then(({ ImportService }) => new ImportService((r) => receive(r)));
  };
  // Started by the first request, not when the page starts: the worker's script (the validator, the union,
  // the solver) need not compete for the processor with the map's first frame (see use-stored-imports.ts).
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    if (!options.inline && typeof Worker !== 'undefined') {
      try {
        worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (e: MessageEvent<ServiceResponse>) => receive(e.data);
        worker.onerror = (e) => {
          // The worker could not start or crashed: what was asked fails with the reason; later requests run inline.
          const message = `the import worker failed (${e.message || 'could not be started'})`;
          for (const [, p] of pending) p.reject(new Error(message));
          pending.clear();
          worker?.terminate();
          worker = null;
          goInline();
        };
      } catch {
        worker = null;
      }
    }
    if (!worker) goInline();
  };

  const send = <T>(body: Body, onProgress?: (p: ServiceProgress) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      const req = { ...body, id } as ServiceRequest;
      start();
      if (worker) worker.postMessage(req);
      // In order: the service's promise settles once, and its callbacks run in the order they were added.
      else
        inline!.then(
          (service) => setTimeout(() => service.handle(req), 0),
          (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
        );
    });

  // Split coalescing: one in flight, at most one waiting (the latest).
  let splitting = false;
  let waiting: {
    name: string;
    params: SplitParams;
    onProgress?: (p: ServiceProgress) => void;
    resolve: (v: SplitView) => void;
    reject: (e: Error) => void;
  } | null = null;
  const runSplit = (
    name: string,
    params: SplitParams,
    onProgress?: (p: ServiceProgress) => void,
  ): Promise<SplitView> => {
    splitting = true;
    const done = () => {
      splitting = false;
      const w = waiting;
      waiting = null;
      if (w) runSplit(w.name, w.params, w.onProgress).then(w.resolve, w.reject);
    };
    const p = send<SplitView>({ kind: 'split', name, params }, onProgress);
    p.then(done, done);
    return p;
  };

  return {
    get mode() {
      start();
      return worker ? ('worker' as const) : ('inline' as const);
    },
    // Where the page itself may not use IndexedDB (blocked, absent), the page's own store is used, so
    // that its StorageError says why; the worker's view of storage is not the page's to decide.
    store: pageHasIndexedDb()
      ? {
          load: () => send<LoadedImports>({ kind: 'store', op: 'load' }),
          save: (record) => send<null>({ kind: 'store', op: 'save', arg: record }).then(() => undefined),
          remove: (key) => send<null>({ kind: 'store', op: 'remove', arg: key }).then(() => undefined),
          clear: () => send<null>({ kind: 'store', op: 'clear' }).then(() => undefined),
        }
      : importStore,
    importText: (name, text, onProgress) => send<LoadedImportResult>({ kind: 'import', name, text }, onProgress),
    importFile: (file, onProgress, opts) =>
      send<PackedFileImport>({ kind: 'importFile', name: file.name, file, keep: !!opts?.keep }, onProgress).then(
        (r) => ({
          result: r.result,
          storageError: r.storageError
            ? new StorageError(r.storageError.kind, r.storageError.message, undefined, r.storageError.text)
            : null,
        }),
      ),
    split(name, params, onProgress) {
      if (!splitting) return runSplit(name, params, onProgress);
      return new Promise<SplitView>((resolve, reject) => {
        waiting?.reject(new SupersededError('a newer split was asked for'));
        waiting = { name, params, onProgress, resolve, reject };
      });
    },
    exportSplit: (name, params) => send<string>({ kind: 'export', name, params }),
    forget: (name) => send<void>({ kind: 'forget', name }),
    adopt: (name, territory) => send<void>({ kind: 'adopt', name, territory }),
    dispose() {
      worker?.terminate();
      worker = null;
      for (const [, p] of pending) p.reject(new Error('the import client was closed'));
      pending.clear();
    },
  };
}

function pageHasIndexedDb(): boolean {
  try {
    return !!globalThis.indexedDB;
  } catch {
    return false;
  }
}

let shared: ImportClient | null = null;
/** The page's one client (its worker starts on first use). */
export function importClient(): ImportClient {
  shared ??= createImportClient();
  return shared;
}
