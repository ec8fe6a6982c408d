import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import {
  createImportStore,
  DB_NAME,
  DB_VERSION,
  StorageError,
  storageErrorText,
  type StorageErrorKind,
} from '../../src/ui/user-store.ts';

const rec = (name: string) => ({
  name,
  text: '{"type":"FeatureCollection","features":[]}',
  importedAt: '2026-11-30T10:00:00.000Z',
});

/** Opens `version` of the database directly and runs `setup` in its upgrade. */
function seed(
  idb: IDBFactory,
  version: number,
  setup: (db: IDBDatabase, tx: IDBTransaction) => void,
  keepOpen = false,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = idb.open(DB_NAME, version);
    req.onupgradeneeded = () => setup(req.result, req.transaction!);
    req.onsuccess = () => {
      if (!keepOpen) req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
}

async function rejectsWith(p: Promise<unknown>, kind: StorageErrorKind): Promise<StorageError> {
  const e = await p.then(
    () => null,
    (x) => x,
  );
  expect(e).toBeInstanceOf(StorageError);
  expect((e as StorageError).kind).toBe(kind);
  return e as StorageError;
}

describe('stored imports (IndexedDB, with fake-indexeddb)', () => {
  it('saves, loads and removes imports', async () => {
    const idb = new IDBFactory();
    const s = createImportStore({ indexedDB: () => idb });
    expect(await s.load()).toEqual({ records: [], bad: [], notices: [] });
    await s.save(rec('a.geojson'));
    await s.save(rec('b.geojson'));
    expect((await s.load()).records.map((r) => r.name)).toEqual(['a.geojson', 'b.geojson']);
    await s.remove('a.geojson');
    expect((await s.load()).records.map((r) => r.name)).toEqual(['b.geojson']);
    await s.clear();
    expect((await s.load()).records).toEqual([]);
  });

  it(
    'migrates version 1 records with a notice, and reports a record whose name is a Date or ' +
      'binary, which can then be removed',
    async () => {
      const idb = new IDBFactory();
      await seed(idb, 1, (db) => {
        const os = db.createObjectStore('imports', { keyPath: 'name' });
        os.put(rec('old.geojson'));
        os.put({ name: new Date(Date.UTC(2025, 0, 2)), text: 'x', importedAt: 'y' });
        os.put({ name: new Uint8Array([1, 2, 3]).buffer, text: 'x' });
        os.put({ name: 'no-text.geojson', text: 42 });
      });
      const s = createImportStore({ indexedDB: () => idb });
      const r = await s.load();
      expect(r.records).toEqual([rec('old.geojson')]);
      expect(r.notices).toEqual(['1 import(s) stored by an older version of this page were brought up to date.']);
      const problems = r.bad.map((b) => `${b.label}: ${b.problem}`).sort();
      expect(problems).toEqual([
        'a date (2025-01-02T00:00:00.000Z): its name is a date, not text',
        'binary data (3 bytes): its name is binary data, not text',
        'no-text.geojson: its content is a number, not text',
      ]);
      for (const b of r.bad) await s.remove(b.key);
      const again = await s.load();
      expect(again.bad).toEqual([]);
      expect(again.notices).toEqual([]);
      expect(again.records.map((x) => x.name)).toEqual(['old.geojson']);
      // The database is now at this version, with the format number in the record.
      const raw = await new Promise<unknown>((resolve) => {
        const q = idb.open(DB_NAME);
        q.onsuccess = () => {
          const db = q.result;
          expect(db.version).toBe(DB_VERSION);
          const g = db.transaction('imports').objectStore('imports').get('old.geojson');
          g.onsuccess = () => {
            db.close();
            resolve(g.result);
          };
        };
      });
      expect(raw).toMatchObject({ name: 'old.geojson', format: DB_VERSION });
    },
  );

  it('clears a layout it does not know, with a notice', async () => {
    const idb = new IDBFactory();
    await seed(idb, 1, (db) => {
      db.createObjectStore('files', { autoIncrement: true }).put({ whatever: 1 });
    });
    const s = createImportStore({ indexedDB: () => idb });
    const r = await s.load();
    expect(r.records).toEqual([]);
    expect(r.notices[0]).toContain('could not be read and was cleared');
    await s.save(rec('new.geojson'));
    expect((await s.load()).records.map((x) => x.name)).toEqual(['new.geojson']);
  });

  it('reports a database of a newer version (version change) and a schema mismatch, and never throws', async () => {
    const newer = new IDBFactory();
    await seed(newer, DB_VERSION + 1, (db) => {
      db.createObjectStore('imports', { keyPath: 'name' });
    });
    const e = await rejectsWith(createImportStore({ indexedDB: () => newer }).load(), 'version');
    expect(e.message).toContain('newer version');

    const noStore = new IDBFactory();
    await seed(noStore, DB_VERSION, (db) => {
      db.createObjectStore('something-else');
    });
    const s = createImportStore({ indexedDB: () => noStore });
    await rejectsWith(s.load(), 'schema');
    await rejectsWith(s.save(rec('a.geojson')), 'schema');
  });

  it('reports a blocked database: another tab holds the old version open', async () => {
    const idb = new IDBFactory();
    const other = await seed(
      idb,
      1,
      (db) => {
        db.createObjectStore('imports', { keyPath: 'name' });
      },
      true,
    );
    const e = await rejectsWith(createImportStore({ indexedDB: () => idb }).load(), 'blocked');
    expect(e.message).toContain('another tab');
    other.close();
  });

  it('reports IndexedDB that is missing, or that throws when touched (storage disabled)', async () => {
    await rejectsWith(createImportStore({ indexedDB: () => undefined }).load(), 'unavailable');
    await rejectsWith(
      createImportStore({
        indexedDB: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }).save(rec('a')),
      'blocked',
    );
    const throwingOpen = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await rejectsWith(createImportStore({ indexedDB: () => throwingOpen }).load(), 'blocked');
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    await rejectsWith(createImportStore({ indexedDB: () => hanging, timeoutMs: 20 }).load(), 'blocked');
  });

  it('reports a full storage (quota) on save; what was stored before still loads', async () => {
    const idb = new IDBFactory();
    const s = createImportStore({ indexedDB: () => idb });
    await s.save(rec('first.geojson'));
    const put = FakeObjectStore.prototype.put;
    FakeObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const e = await rejectsWith(s.save(rec('second.geojson')), 'quota');
      expect(e.message).toContain('no room left');
    } finally {
      FakeObjectStore.prototype.put = put;
    }
    expect((await s.load()).records.map((r) => r.name)).toEqual(['first.geojson']);
  });

  it('words a quota error for the user', () => {
    expect(storageErrorText(new DOMException('full', 'QuotaExceededError'))).toContain('no room left');
    expect(storageErrorText(new Error('boom'))).toContain('boom');
  });
});
