/**
 * The user's own GeoJSON: refused with reasons when broken, never run, never half-applied.
 * Points become a user layer of sites; polygons become a custom territory the solver can split.
 *
 * What RFC 7946 allows is accepted, with a notice where something was changed or left out (see
 * the validator's lenient mode): a single Feature or a bare geometry, clockwise rings (rewound),
 * MultiPoint and GeometryCollection members; lines and null geometries are skipped. All polygons
 * are merged (union) into one territory before any area is computed, so overlaps and repeated
 * features count once.
 *
 * Nothing here runs the partition solver (src/data loads and checks files): whether the solver accepts
 * the merged territory is checked where the territory is kept for splitting, in the import worker
 * (src/ui/import-service.ts, importAndPrepare), and its refusal is worded by {@link unsplittableProblem}.
 */
import type { FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { MAX_PROBLEMS, validateLayerObject, validateLayerText, type ValidationProblem } from './validate.ts';
import { unionPolygons } from '../geo/union.ts';
import { errorMessage } from './error-message.ts';
import { problem } from './problem.ts';
import { checkImportSize, refuse, type ImportRefusal } from './import-checks.ts';
// What the page needs before any import (the size check, a property as text), apart so that its first load
// does not carry the validator's and the union's code for imports, which run in the import worker.
export { checkImportSize, MAX_IMPORT_BYTES, propertyText, type ImportRefusal } from './import-checks.ts';

export const MAX_IMPORT_FEATURES = 100_000;
/** Vertices in the whole file: points, line positions and ring vertices (a ring's closing position not counted). */
export const MAX_IMPORT_VERTICES = 1_000_000;

export type { UserPoint } from '../geo/user-points.ts';
import type { PointSet, UserPoint } from '../geo/user-points.ts';
/** How the file's polygons were merged into the territory. */
export interface MergeSummary {
  /** Polygons in the file (each Polygon, each part of a MultiPolygon). */
  inputPolygons: number;
  /** Polygons in the merged territory. */
  outputPolygons: number;
  /** Sum of the file's polygon areas (WGS84), km². */
  inputKm2: number;
  /** The merged territory's area (WGS84), km². */
  mergedKm2: number;
  /** Ground counted more than once in the file (overlaps, repeats), km². */
  overlapRemovedKm2: number;
}
export interface ImportedData {
  name: string;
  points: UserPoint[];
  /** All polygons merged (union) into one territory, or null when the file has none. */
  territory: MultiPolygon | null;
  /** The merge, or null when the file has no polygons. */
  merge: MergeSummary | null;
  /** What was accepted but changed or left out (rewound rings, skipped lines, …), as the page shows it. */
  notices: ValidationProblem[];
  featureCount: number;
  /**
   * Set on the page's copy from the import worker (src/ui/import-service.ts): `territory` is then a copy
   * for drawing, simplified when large; figures and exports come from the full territory in the worker.
   */
  territoryInfo?: TerritoryInfo;
}
export interface TerritoryInfo {
  /** Vertices of the full merged territory. */
  vertices: number;
  /** Whether `territory` is a simplified copy for drawing. */
  simplifiedForDisplay: boolean;
  /** [[west, south], [east, north]]; east may pass 180° for a territory across the antimeridian. */
  bbox: [[number, number], [number, number]];
}
export type ImportResult = { ok: true; data: ImportedData } | { ok: false; problems: ValidationProblem[] };
/** An import as the page holds it, from the import worker: its points column by column (PointSet). */
export type LoadedImport = Omit<ImportedData, 'points'> & { points: PointSet };
export type LoadedImportResult = { ok: true; data: LoadedImport } | { ok: false; problems: ValidationProblem[] };

/** The validator's lenient options for the user's files: the same for the page and the CLI. */
const IMPORT_SCHEMA = {
  geometryTypes: ['Point', 'Polygon', 'MultiPolygon'] as Array<'Point' | 'Polygon' | 'MultiPolygon'>,
  requiredProperties: [],
};

/** Where an import is: sent to the progress callback as each step starts (done: 0..1 of the whole). */
export interface ImportProgress {
  step: 'parsing' | 'checking' | 'merging' | 'preparing';
  done: number;
}
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Features and positions in a parsed document, counted without validating it (and without recursion):
 * the stated limits are checked before any other work. Whatever is malformed is left to the validator.
 */
export function countFeaturesAndVertices(obj: unknown): { features: number; vertices: number } {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const own = (o: Record<string, unknown>, k: string): unknown =>
    Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
  if (!isObj(obj)) return { features: 0, vertices: 0 };
  let geometries: unknown[] = [];
  let features = 0;
  const type = own(obj, 'type');
  if (type === 'FeatureCollection') {
    const fs = own(obj, 'features');
    if (Array.isArray(fs)) {
      features = fs.length;
      for (let i = 0; i < fs.length; i++) {
        const f = fs[i];
        if (isObj(f)) geometries.push(own(f, 'geometry'));
      }
    }
  } else if (type === 'Feature') {
    features = 1;
    geometries = [own(obj, 'geometry')];
  } else {
    features = 1;
    geometries = [obj];
  }
  let vertices = 0;
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  // Positions at a known nesting depth of coordinates: 0 = a position, 1 = a list of them, …
  // A ring's closing position repeats its first: not counted (a 1,000,000-vertex polygon is accepted).
  const ring = (r: unknown): number => Math.max(0, arr(r).length - 1);
  const positions = (c: unknown, type: string): number => {
    if (type === 'Point') return 1;
    const list = arr(c);
    if (type === 'MultiPoint' || type === 'LineString') return list.length;
    let n = 0;
    if (type === 'MultiLineString') {
      for (let i = 0; i < list.length; i++) n += arr(list[i]).length;
      return n;
    }
    if (type === 'Polygon') {
      for (let i = 0; i < list.length; i++) n += ring(list[i]);
      return n;
    }
    for (let i = 0; i < list.length; i++) {
      const p = arr(list[i]);
      for (let j = 0; j < p.length; j++) n += ring(p[j]);
    }
    return n;
  };
  const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
  // An explicit stack for GeometryCollections (the validator refuses deep nesting; this must not overflow first).
  const stack: unknown[] = geometries;
  let guard = 0;
  while (stack.length && guard++ < 10 * MAX_IMPORT_VERTICES) {
    const g = stack.pop();
    if (!isObj(g)) continue;
    const t = own(g, 'type');
    if (t === 'GeometryCollection') {
      const ms = arr(own(g, 'geometries'));
      for (let i = 0; i < ms.length; i++) stack.push(ms[i]);
      continue;
    }
    if (typeof t === 'string' && TYPES.has(t)) vertices += positions(own(g, 'coordinates'), t);
  }
  return { features, vertices };
}

/** The stated limits (size, features, vertices), each with its own message; null when within them. */
export function checkImportLimits(file: string, obj: unknown): ImportResult | null {
  const { features, vertices } = countFeaturesAndVertices(obj);
  if (features > MAX_IMPORT_FEATURES)
    return refuse(file, 'import.tooManyFeatures', { n: count(features), max: count(MAX_IMPORT_FEATURES) });
  if (vertices > MAX_IMPORT_VERTICES)
    return refuse(file, 'import.tooManyVertices', { n: count(vertices), max: count(MAX_IMPORT_VERTICES) });
  return null;
}

/** The import: parsed, checked against the limits, validated, points collected and polygons merged. */
export function importGeoJsonText(file: string, text: unknown, options: ImportOptions = {}): ImportResult {
  const progress = (step: ImportProgress['step'], done: number) => {
    try {
      options.onProgress?.({ step, done });
    } catch {
      /* the caller's problem */
    }
  };
  try {
    if (typeof text !== 'string') return refuse(file, 'import.notText');
    const size = checkImportSize(file, text.length);
    if (size) return size;
    progress('parsing', 0);
    let obj: unknown;
    try {
      obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      // The validator words the parse error (with its position) the same way for every file.
      const v = validateLayerText(file, text, IMPORT_SCHEMA, { lenient: true });
      return v.ok ? refuse(file, 'import.unreadable') : { ok: false, problems: v.problems };
    }
    // The limits, before any other work.
    const limits = checkImportLimits(file, obj);
    if (limits) return limits;
    progress('checking', 0.1);
    const v = validateLayerObject(file, obj, IMPORT_SCHEMA, { lenient: true });
    if (!v.ok) return { ok: false, problems: v.problems };
    const fc = v.data as FeatureCollection;
    if (fc.features.length === 0) return refuse(file, 'import.noFeatures');
    const points: UserPoint[] = [];
    const polygons: Position[][][] = [];
    fc.features.forEach((f, i) => {
      const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
      // Ids are unique (the validator refuses duplicates); features without one are named by index.
      const id = typeof props.id === 'string' || typeof props.id === 'number' ? String(props.id) : `feature-${i}`;
      const own: Position[] = [];
      collect(f.geometry, own, polygons);
      // A feature with several points (MultiPoint, GeometryCollection) numbers them from 1.
      own.forEach((c, k) =>
        points.push({ id: own.length === 1 ? id : `${id}-${k + 1}`, lonlat: [c[0]!, c[1]!], properties: props }),
      );
    });
    if (points.length === 0 && polygons.length === 0) {
      // The notices say what was skipped, and why.
      const none: ValidationProblem = {
        file,
        featureIndex: null,
        featureId: null,
        path: '',
        ...problem('import.nothingToImport'),
      };
      return { ok: false, problems: [none, ...(v.notices ?? [])].slice(0, MAX_PROBLEMS + 1) };
    }
    let territory: MultiPolygon | null = null;
    let merge: MergeSummary | null = null;
    if (polygons.length) {
      progress('merging', 0.5);
      // One territory: overlapping and repeated polygons count once (and any winding is fixed).
      let u;
      try {
        u = unionPolygons(polygons);
      } catch (e) {
        return refuse(file, 'import.mergeFailed', { error: errorMessage(e) });
      }
      if (!u.merged) return refuse(file, 'import.noArea');
      territory = u.merged;
      merge = {
        inputPolygons: u.inputPolygons,
        outputPolygons: u.outputPolygons,
        inputKm2: u.inputKm2,
        mergedKm2: u.mergedKm2,
        overlapRemovedKm2: u.overlapRemovedKm2,
      };
    }
    return {
      ok: true,
      data: { name: file, points, territory, merge, notices: v.notices ?? [], featureCount: fc.features.length },
    };
  } catch (e) {
    return refuse(file, 'import.readFailed', { error: errorMessage(e) });
  }
}

/**
 * The refusal of a merged territory the partition solver does not accept (too large, no area, …): the
 * solver must accept it at import, not fail later while the user drags a slider. `reason`: the
 * solver's own words (its PartitionInputError's message).
 */
export function unsplittableProblem(file: string, reason: string): ImportRefusal {
  return refuse(file, 'import.unsplittable', { reason });
}

/** Points and polygons of a validated geometry (lines and other types are skipped; the validator noted them). */
function collect(g: Geometry | null, points: Position[], polygons: Position[][][]): void {
  if (!g) return;
  switch (g.type) {
    case 'Point':
      points.push(g.coordinates);
      return;
    // Loops, not push(...): spreading a list as long as the input can overflow the call stack.
    case 'MultiPoint':
      for (const c of g.coordinates) points.push(c);
      return;
    case 'Polygon':
      polygons.push(g.coordinates);
      return;
    case 'MultiPolygon':
      for (const p of g.coordinates) polygons.push(p);
      return;
    case 'GeometryCollection':
      for (const m of g.geometries) collect(m, points, polygons);
      return;
    default:
      return;
  }
}

/** One line about the merge for the page and the CLI, e.g. "3 polygons merged into 2; 22.31 km² of overlap removed". */
export function mergeText(m: MergeSummary): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return (
    `${n(m.inputPolygons, 'polygon')} merged into ${n(m.outputPolygons, 'polygon')}; ` +
    (m.overlapRemovedKm2 >= 0.005 ? `${m.overlapRemovedKm2.toFixed(2)} km² of overlap removed` : 'no overlap')
  );
}
