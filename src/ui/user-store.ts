/** Imported files survive a reload in IndexedDB until the user removes them. Failures are reported, never thrown. */
export interface StoredImport { name: string; text: string; importedAt: string }

const DB = 'disputed-islands-atlas';
const STORE = 'imports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('IndexedDB is not available')); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { req.result.createObjectStore(STORE, { keyPath: 'name' }); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(req.result); };
    tx.onerror = () => { db.close(); reject(tx.error ?? new Error('IndexedDB transaction failed')); };
  }));
}

export const loadImports = () => run<StoredImport[]>('readonly', (s) => s.getAll() as IDBRequest<StoredImport[]>);
export const saveImport = (i: StoredImport) => run('readwrite', (s) => s.put(i));
export const removeImport = (name: string) => run('readwrite', (s) => s.delete(name));
