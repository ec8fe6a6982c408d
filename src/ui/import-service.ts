/**
 * The heavy work on the user's files, as messages: importing (validation, merge, the solver's check)
 * and splitting the territory. It runs in a Web Worker on the page (import-worker.ts), so a
 * 1,000,000-vertex file never blocks the page's thread; and inline where there is no Worker (Node,
 * the unit tests), through the same code.
 *
 * The worker keeps each import's full territory, prepared once for the solver (per anchor). The page
 * gets a copy for drawing (simplified to about DISPLAY_MAX_VERTICES vertices when larger, see
 * src/geo/simplify.ts); every figure, and the exported GeoJSON, comes from the full geometry.
 *
 * What crosses to the page is kept small, because the page's thread pays for every object it receives
 * (structured cloning builds them one by one, in one task): an import's points go packed into a few
 * strings and typed arrays (a PointSet), and a file to import goes as the File itself (a handle,
 * not its bytes), read here and, when asked, stored here.
 */
import type { MultiPolygon, Position } from 'geojson';
import {
  importGeoJsonText,
  unsplittableProblem,
  type ImportProgress,
  type ImportResult,
  type LoadedImportResult,
} from '../data/import.ts';
import { pointSetOf } from '../geo/user-points.ts';
import { NOT_KEPT } from './import-kept.ts';
import { partitionFeatures } from '../data/exports.ts';
import { errorMessage } from '../data/error-message.ts';
import {
  PartitionInputError,
  prepareTerritory,
  solvePartition,
  withAnchorTarget,
  type PartitionResult,
  type PreparedTerritory,
} from '../geo/partition.ts';
import { simplifyForDisplay } from '../geo/simplify.ts';
import {
  importStore,
  StorageError,
  type ImportStore,
  type StorageErrorKind,
  type StorageText,
  type StoredImport,
} from './user-store.ts';
import { acrossLongAxis } from '../geo/border.ts';
import { outerRingsBox } from '../geo/rings.ts';

export interface SplitParams {
  anchor: [number, number] | null;
  bearing: number | null;
  share: number;
}

export type ServiceRequest =
  | { kind: 'import'; id: number; name: string; text: string }
  /** A File (or Blob) from the page, read here; `keep`: stored in the browser when it is imported. */
  | { kind: 'importFile'; id: number; name: string; file: Blob; keep: boolean }
  | { kind: 'split'; id: number; name: string; params: SplitParams }
  | { kind: 'export'; id: number; name: string; params: SplitParams }
  | { kind: 'forget'; id: number; name: string }
  /** A territory imported elsewhere (e.g. on the page's thread): prepared and kept here for splits. */
  | { kind: 'adopt'; id: number; name: string; territory: MultiPolygon }
  /** The browser's store of imports (user-store.ts), used from here: writing a 25 MB file to IndexedDB
   *  costs the thread that does it several hundred milliseconds. */
  | { kind: 'store'; id: number; op: 'load' | 'save' | 'remove' | 'clear'; arg?: unknown };

/** Where a request is: an import's steps, or a split. */
export type ServiceProgress = ImportProgress | { step: 'splitting'; done: number };

/** What the page gets for a split: figures from the full territory, parts simplified for drawing. */
export interface SplitView {
  result: PartitionResult;
  longAxisBearingDeg: number;
  anchorLonLat: Position;
  /** Time the split took in the worker, ms (including any preparation). */
  ms: number;
}

/** What an importFile request gives: the import, and why it could not be stored (null when it was, or not asked). */
export interface PackedFileImport {
  result: LoadedImportResult;
  storageError: { message: string; kind: StorageErrorKind; text?: StorageText } | null;
}

export type ServiceResponse =
  | { id: number; kind: 'progress'; progress: ServiceProgress }
  | { id: number; kind: 'ok'; value: unknown }
  /** `storageKind`: the error was a StorageError of that kind (user-store.ts). */
  | { id: number; kind: 'error'; message: string; storageKind?: StorageErrorKind; storageText?: StorageText };

interface Kept {
  territory: MultiPolygon;
  prepared: PreparedTerritory;
  anchorKey: string;
  anchored: PreparedTerritory;
}

const anchorKey = (a: [number, number] | null) => (a ? `${a[0]},${a[1]}` : 'cape');

export class ImportService {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly post: (r: ServiceResponse, transfer?: Transferable[]) => void,
    private readonly store: ImportStore = importStore,
  ) {}

  handle(req: ServiceRequest): void {
    try {
      switch (req.kind) {
        case 'import': {
          const value = this.import(req.id, req.name, req.text);
          this.post({ id: req.id, kind: 'ok', value }, transferables(value));
          return;
        }
        case 'importFile':
          void this.importFile(req);
          return;
        case 'split':
          this.post({ id: req.id, kind: 'ok', value: this.split(req.id, req.name, req.params) });
          return;
        case 'export':
          this.post({ id: req.id, kind: 'ok', value: this.exportText(req.name, req.params) });
          return;
        case 'forget':
          this.kept.delete(req.name);
          this.post({ id: req.id, kind: 'ok', value: null });
          return;
        case 'store': {
          const id = req.id;
          const s = this.store;
          const work =
            req.op === 'load'
              ? s.load()
              : req.op === 'save'
                ? s.save(req.arg as StoredImport)
                : req.op === 'remove'
                  ? s.remove(req.arg as IDBValidKey)
                  : s.clear();
          work.then(
            (value) => this.post({ id, kind: 'ok', value: value ?? null }),
            (e: unknown) =>
              this.post({
                id,
                kind: 'error',
                message: e instanceof Error ? e.message : String(e),
                ...(e instanceof StorageError ? { storageKind: e.kind, storageText: e.text } : {}),
              }),
          );
          return;
        }
        case 'adopt': {
          const prepared = prepareTerritory(req.territory);
          this.kept.set(req.name, { territory: req.territory, prepared, anchorKey: 'cape', anchored: prepared });
          this.post({ id: req.id, kind: 'ok', value: null });
          return;
        }
      }
    } catch (e) {
      this.post({ id: (req as { id: number }).id, kind: 'error', message: errorMessage(e) });
    }
  }

  private import(id: number, name: string, text: string): LoadedImportResult {
    const { result, prepared } = importAndPrepare(name, text, (progress) =>
      this.post({ id, kind: 'progress', progress }),
    );
    if (!result.ok) return result;
    const d = result.data;
    const packed = pointSetOf(d.points);
    if (!d.territory || !prepared) {
      this.kept.delete(name);
      return { ok: true, data: { ...d, points: packed } };
    }
    this.kept.set(name, { territory: d.territory, prepared, anchorKey: 'cape', anchored: prepared });
    const display = simplifyForDisplay(d.territory);
    return {
      ok: true,
      data: {
        ...d,
        points: packed,
        territory: display.geometry,
        territoryInfo: { vertices: display.vertices, simplifiedForDisplay: display.simplified, bbox: bboxOf(prepared) },
      },
    };
  }

  /** Reads the page's file here (its text never crosses threads), imports it, and stores it when asked. */
  private async importFile(req: Extract<ServiceRequest, { kind: 'importFile' }>): Promise<void> {
    const { id, name } = req;
    try {
      const text = await req.file.text();
      const result = this.import(id, name, text);
      let storageError: PackedFileImport['storageError'] = null;
      if (result.ok && req.keep) {
        try {
          await this.store.save({ name, text, importedAt: new Date().toISOString() });
        } catch (e) {
          const se = e instanceof StorageError ? e : new StorageError('failed', errorMessage(e));
          storageError = { message: se.message, kind: se.kind, text: se.text };
        }
      }
      const value: PackedFileImport = { result, storageError };
      this.post({ id, kind: 'ok', value }, transferables(result));
    } catch (e) {
      this.post({ id, kind: 'error', message: errorMessage(e) });
    }
  }

  private solve(name: string, p: SplitParams): { prep: PreparedTerritory; result: PartitionResult } {
    const k = this.kept.get(name);
    if (!k) throw new Error(`${NOT_KEPT}: ${name}`);
    const key = anchorKey(p.anchor);
    if (k.anchorKey !== key) {
      k.anchored = p.anchor ? withAnchorTarget(k.prepared, p.anchor) : k.prepared;
      k.anchorKey = key;
    }
    const prep = k.anchored;
    const result = solvePartition(prep, p.bearing ?? acrossLongAxis(prep), { fraction: p.share });
    return { prep, result };
  }

  private split(id: number, name: string, p: SplitParams): SplitView {
    const t0 = now();
    this.post({ id, kind: 'progress', progress: { step: 'splitting', done: 0 } });
    const { prep, result } = this.solve(name, p);
    const view: PartitionResult = {
      ...result,
      japanSide: simplifyForDisplay(result.japanSide).geometry,
      otherSide: simplifyForDisplay(result.otherSide).geometry,
    };
    return {
      result: view,
      longAxisBearingDeg: prep.longAxisBearingDeg,
      anchorLonLat: prep.anchorLonLat,
      ms: now() - t0,
    };
  }

  /** The full parts and line as GeoJSON text (what the page's "Download parts + line" saves). */
  private exportText(name: string, p: SplitParams): string {
    const { result: r } = this.solve(name, p);
    return JSON.stringify({
      type: 'FeatureCollection',
      features: partitionFeatures(
        r,
        { source_file: name },
        {
          first: { part: 'side-a', areaKm2: r.japanSideKm2, fraction: r.fraction },
          second: { part: 'side-b', areaKm2: r.otherSideKm2, fraction: 1 - r.fraction },
        },
      ),
    });
  }
}

/**
 * The import as the page and the CLI need it: importGeoJsonText, then the merged territory prepared for
 * the solver (anchor Cape Nosappu), which must accept it now rather than fail later while the user drags
 * a slider. The worker keeps `prepared`, so the first split does not project a large territory again.
 */
export function importAndPrepare(
  name: string,
  text: unknown,
  onProgress?: (p: ImportProgress) => void,
): { result: ImportResult; prepared: PreparedTerritory | null } {
  const result = importGeoJsonText(name, text, { onProgress });
  if (!result.ok || !result.data.territory) return { result, prepared: null };
  try {
    onProgress?.({ step: 'preparing', done: 0.75 });
  } catch {
    /* the caller's problem */
  }
  try {
    return { result, prepared: prepareTerritory(result.data.territory) };
  } catch (e) {
    return {
      result: unsplittableProblem(name, e instanceof PartitionInputError ? e.message : String(e)),
      prepared: null,
    };
  }
}

/** The typed arrays of an import, moved rather than copied to the page. */
function transferables(r: LoadedImportResult): Transferable[] {
  if (!r.ok) return [];
  const { lonlat, idEnds, props, propEnds } = r.data.points;
  return [lonlat.buffer, idEnds.buffer, props.buffer, propEnds.buffer];
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The territory's extent from the prepared rings (continuous longitudes across ±180°). */
function bboxOf(prep: PreparedTerritory): [[number, number], [number, number]] {
  const [w, s, e, n] = outerRingsBox(prep.polygons.map((poly) => [poly[0]?.lonlat ?? []]));
  return [
    [w, s],
    [e, n],
  ];
}
