/**
 * Imported files survive a reload in IndexedDB until the user removes them. Storage is a fallible
 * service: every failure (no IndexedDB, blocked, quota, schema or version mismatch) comes back as a
 * StorageError with a sentence for the user, never as a thrown exception in the page, and a record that
 * is not what this version wrote (a name that is a Date, binary data, …) is reported, never rendered.
 *
 * Versions: 1 stored { name, text, importedAt } keyed by name. 2 (this one) adds `format: 2`. Opening an
 * older database migrates its records; a layout this page does not know is cleared, with a notice.
 */
export interface StoredImport {
  name: string;
  text: string;
  importedAt: string;
}

/** A stored record that cannot be used: shown with its problem and a button to remove it. */
export interface BadRecord {
  key: IDBValidKey;
  label: string;
  problem: string;
}

export interface LoadedImports {
  records: StoredImport[];
  bad: BadRecord[];
  /** What happened to old data on opening (migrated, cleared). */
  notices: string[];
}

export type StorageErrorKind = 'unavailable' | 'blocked' | 'quota' | 'schema' | 'version' | 'failed';

/** Which sentence a storage error is, for the page's languages (src/i18n, `storageErrors.<key>`). */
export type StorageTextKey =
  'quota' | 'newerVersion' | 'unknownLayout' | 'blocked' | 'failed' | 'noIndexedDb' | 'notOpened' | 'olderTab';
export interface StorageText {
  key: StorageTextKey;
  params?: Record<string, string>;
}

export class StorageError extends Error {
  constructor(
    public readonly kind: StorageErrorKind,
    message: string,
    public override readonly cause?: unknown,
    /** The sentence's key and values; the English `message` is the same sentence. */
    public readonly text?: StorageText,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface ImportStore {
  load(): Promise<LoadedImports>;
  save(record: StoredImport): Promise<void>;
  remove(key: IDBValidKey): Promise<void>;
  /** Removes every stored import (the "remove stored data" way out). */
  clear(): Promise<void>;
}

export const DB_NAME = 'disputed-islands-atlas';
export const STORE = 'imports';
export const DB_VERSION = 2;
const MAX_NAME = 500;

/** A sentence for the user from whatever a storage call threw. */
export function storageErrorText(e: unknown): string {
  return asStorageError(e).message;
}

/** Whatever a storage call threw, as a StorageError (its kind, English sentence and sentence key). */
export function asStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  return toStorageError(name, msg, e);
}

function toStorageError(name: string, message: string, cause: unknown): StorageError {
  if (name === 'QuotaExceededError')
    return new StorageError('quota', 'this browser has no room left for them (storage quota exceeded)', cause, {
      key: 'quota',
    });
  if (name === 'VersionError')
    return new StorageError('version', 'they were stored by a newer version of this page', cause, {
      key: 'newerVersion',
    });
  if (name === 'NotFoundError' || name === 'DataError' || name === 'InvalidStateError')
    return new StorageError('schema', `the stored data has a layout this page does not know (${name})`, cause, {
      key: 'unknownLayout',
      params: { name },
    });
  if (name === 'SecurityError' || name === 'InvalidAccessError')
    return new StorageError(
      'blocked',
      'this browser does not allow this page to store data (private mode or a blocking setting)',
      cause,
      { key: 'blocked' },
    );
  const detail = `${name || 'error'}${message ? ': ' + message.slice(0, 120) : ''}`;
  return new StorageError('failed', `the browser's storage failed (${detail})`, cause, {
    key: 'failed',
    params: { detail },
  });
}

const wrap = (e: unknown) =>
  e instanceof StorageError
    ? e
    : toStorageError(
        e instanceof DOMException || e instanceof Error ? e.name : '',
        e instanceof Error ? e.message : String(e),
        e,
      );

/** A key of any IndexedDB type, as text for the user. */
export function keyLabel(key: unknown): string {
  if (typeof key === 'string') return key.length > 80 ? key.slice(0, 80) + '…' : key;
  if (typeof key === 'number') return String(key);
  if (key instanceof Date) return `a date (${Number.isNaN(key.getTime()) ? 'invalid' : key.toISOString()})`;
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key))
    return `binary data (${(key as ArrayBuffer).byteLength} bytes)`;
  if (Array.isArray(key)) return `a list of ${key.length} values`;
  return `a ${typeof key} value`;
}

const kindOf = (v: unknown) =>
  v === null
    ? 'nothing'
    : v instanceof Date
      ? 'a date'
      : v instanceof ArrayBuffer || ArrayBuffer.isView(v)
        ? 'binary data'
        : Array.isArray(v)
          ? 'a list'
          : `a ${typeof v}`;

/** Checks a record read back from storage; returns the record, or the reason it cannot be used. */
function checkRecord(v: unknown): StoredImport | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `the record is ${kindOf(v)}, not an import`;
  const r = v as Record<string, unknown>;
  if (typeof r.name !== 'string') return `its name is ${kindOf(r.name)}, not text`;
  if (r.name.length === 0 || r.name.length > MAX_NAME)
    return `its name has ${r.name.length} characters (1 to ${MAX_NAME} allowed)`;
  if (typeof r.text !== 'string') return `its content is ${kindOf(r.text)}, not text`;
  const importedAt = typeof r.importedAt === 'string' ? r.importedAt : '';
  return { name: r.name, text: r.text, importedAt };
}

type Factory = IDBFactory | undefined | null;

export interface StoreOptions {
  /** The IndexedDB to use; a function so that a browser where merely reading `indexedDB` throws is reported. */
  indexedDB?: () => Factory;
  dbName?: string;
  /** Give up on an open that neither succeeds nor fails (some private modes) after this long. */
  timeoutMs?: number;
}

export function createImportStore(opts: StoreOptions = {}): ImportStore {
  const factory = opts.indexedDB ?? (() => globalThis.indexedDB);
  const dbName = opts.dbName ?? DB_NAME;
  const timeoutMs = opts.timeoutMs ?? 5000;
  /** Notices from a migration, handed to the next load(). */
  let upgradeNotices: string[] = [];

  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      let idb: Factory;
      try {
        idb = factory();
      } catch (e) {
        reject(wrap(e));
        return;
      }
      if (!idb) {
        reject(new StorageError('unavailable', 'this browser has no IndexedDB', undefined, { key: 'noIndexedDb' }));
        return;
      }
      let req: IDBOpenDBRequest;
      try {
        req = idb.open(dbName, DB_VERSION);
      } catch (e) {
        reject(wrap(e));
        return;
      }
      let settled = false;
      const done = (fn: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          fn();
        }
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new StorageError('blocked', 'the browser did not open its storage (it may be disabled)', undefined, {
                key: 'notOpened',
              }),
            ),
          ),
        timeoutMs,
      );
      req.onupgradeneeded = (ev) => {
        try {
          upgrade(req.result, req.transaction!, ev.oldVersion, upgradeNotices);
        } catch (e) {
          try {
            req.transaction?.abort();
          } catch {
            /* already ending */
          }
          done(() => reject(wrap(e)));
        }
      };
      req.onblocked = () =>
        done(() =>
          reject(
            new StorageError(
              'blocked',
              'another tab of this page holds an older version of the storage open; close it and reload',
              undefined,
              { key: 'olderTab' },
            ),
          ),
        );
      req.onsuccess = () => {
        const db = req.result;
        if (settled) {
          db.close();
          return;
        }
        // Another tab wants a newer version: let it have it, and stop using this one.
        db.onversionchange = () => db.close();
        if (!db.objectStoreNames.contains(STORE)) {
          db.close();
          done(() =>
            reject(
              new StorageError(
                'schema',
                'the stored data has a layout this page does not know (no imports store)',
                undefined,
                { key: 'unknownLayout', params: { name: 'no imports store' } },
              ),
            ),
          );
          return;
        }
        done(() => resolve(db));
      };
      req.onerror = (ev) => {
        ev.preventDefault();
        done(() => reject(wrap(req.error ?? new Error('IndexedDB could not be opened'))));
      };
    });

  function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => T | Promise<T>): Promise<T> {
    return open().then((db) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(STORE, mode);
      } catch (e) {
        db.close();
        return Promise.reject(wrap(e));
      }
      const complete = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onabort = () => {
          db.close();
          reject(wrap(tx.error ?? new Error('IndexedDB transaction aborted')));
        };
      });
      let work: Promise<T>;
      try {
        work = Promise.resolve(fn(tx.objectStore(STORE)));
      } catch (e) {
        work = Promise.reject(e);
      }
      work = work.catch((e) => {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw wrap(e);
      });
      return Promise.all([work, complete]).then(([r]) => r);
    });
  }

  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });

  return {
    async load() {
      const { keys, values } = await run('readonly', async (s) => {
        // Keys and values in two requests of one transaction: the keys (of any type) are what remove() needs.
        const keys = req(s.getAllKeys());
        const values = req(s.getAll());
        return { keys: await keys, values: await values };
      });
      const records: StoredImport[] = [];
      const bad: BadRecord[] = [];
      // One key per value: both read in the same transaction.
      values.forEach((v, i) => {
        const r = checkRecord(v);
        if (typeof r === 'string') bad.push({ key: keys[i]!, label: keyLabel(keys[i]), problem: r });
        else records.push(r);
      });
      const notices = upgradeNotices;
      upgradeNotices = [];
      return { records, bad, notices };
    },
    async save(record) {
      await run('readwrite', (s) => {
        s.put({ ...record, format: DB_VERSION });
      });
    },
    async remove(key) {
      await run('readwrite', (s) => {
        s.delete(key);
      });
    },
    async clear() {
      await run('readwrite', (s) => {
        s.clear();
      });
    },
  };
}

/** Migrates an older database inside the upgrade transaction; notices for the user go to `notes`. */
function upgrade(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, notes: string[]): void {
  if (oldVersion === 0) {
    db.createObjectStore(STORE, { keyPath: 'name' });
    return;
  }
  const known = oldVersion === 1 && db.objectStoreNames.contains(STORE) && tx.objectStore(STORE).keyPath === 'name';
  if (!known) {
    // A layout this page does not know: start again, and say so.
    for (const n of [...db.objectStoreNames]) db.deleteObjectStore(n);
    db.createObjectStore(STORE, { keyPath: 'name' });
    notes.push(
      `Data stored by an older version of this page (storage version ${oldVersion}) could not be read ` +
        'and was cleared; import your files again.',
    );
    return;
  }
  // Version 1 → 2: the records gain their format number; records that are not imports are left for load() to report.
  const store = tx.objectStore(STORE);
  const cursor = store.openCursor();
  let migrated = 0;
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) {
      if (migrated)
        notes.push(`${migrated} import(s) stored by an older version of this page were brought up to date.`);
      return;
    }
    const r = checkRecord(c.value);
    if (typeof r !== 'string') {
      c.update({ ...r, importedAt: r.importedAt || new Date(0).toISOString(), format: DB_VERSION });
      migrated++;
    }
    c.continue();
  };
}

/** The page's store: the browser's IndexedDB. */
export const importStore = createImportStore();
