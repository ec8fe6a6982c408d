/**
 * The user's own GeoJSON: refused with reasons when broken, never run, never half-applied.
 * Points become a user layer of sites; polygons become a custom territory the solver can split.
 *
 * What RFC 7946 allows is accepted, with a notice where something was changed or left out (see
 * the validator's lenient mode): a single Feature or a bare geometry, clockwise rings (rewound),
 * MultiPoint and GeometryCollection members; lines and null geometries are skipped. All polygons
 * are merged (union) into one territory before any area is computed, so overlaps and repeated
 * features count once.
 */
import type { FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { MAX_PROBLEMS, validateLayerText, type ValidationProblem } from './validate.ts';
import { prepareTerritory, PartitionInputError } from '../geo/partition.ts';
import { unionPolygons } from '../geo/union.ts';
import { errorMessage } from './error-message.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_FEATURES = 100_000;

export interface UserPoint { id: string; lonlat: [number, number]; properties: Record<string, unknown> }
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
}
export type ImportResult = { ok: true; data: ImportedData } | { ok: false; problems: ValidationProblem[] };

/** The validator's lenient options for the user's files: the same for the page and the CLI. */
export const IMPORT_SCHEMA = { geometryTypes: ['Point', 'Polygon', 'MultiPolygon'] as Array<'Point' | 'Polygon' | 'MultiPolygon'>, requiredProperties: [] };

const problem = (file: string, message: string): ImportResult => ({ ok: false, problems: [{ file, featureIndex: null, featureId: null, path: '', message }] });

/** Size check before reading a File: a 2 GB file is refused without touching its bytes. */
export function checkImportSize(file: string, bytes: number): ImportResult | null {
  if (!(bytes >= 0)) return problem(file, 'the file size could not be read');
  if (bytes > MAX_IMPORT_BYTES) return problem(file, `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; files up to 50 MB can be imported`);
  if (bytes === 0) return problem(file, 'the file is empty');
  return null;
}

export function importGeoJsonText(file: string, text: unknown): ImportResult {
  try {
    if (typeof text !== 'string') return problem(file, 'the file is not text');
    const size = checkImportSize(file, text.length);
    if (size) return size;
    const v = validateLayerText(file, text, IMPORT_SCHEMA, { lenient: true });
    if (!v.ok) return { ok: false, problems: v.problems };
    const fc = v.data as FeatureCollection;
    if (fc.features.length === 0) return problem(file, 'the file has no features');
    if (fc.features.length > MAX_IMPORT_FEATURES) return problem(file, `the file has ${fc.features.length} features; at most ${MAX_IMPORT_FEATURES} can be imported`);
    const points: UserPoint[] = [];
    const polygons: Position[][][] = [];
    fc.features.forEach((f, i) => {
      const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
      // Ids are unique (the validator refuses duplicates); features without one are named by index.
      const id = typeof props.id === 'string' || typeof props.id === 'number' ? String(props.id) : `feature-${i}`;
      const own: Position[] = [];
      collect(f.geometry, own, polygons);
      // A feature with several points (MultiPoint, GeometryCollection) numbers them from 1.
      own.forEach((c, k) => points.push({ id: own.length === 1 ? id : `${id}-${k + 1}`, lonlat: [c[0], c[1]], properties: props }));
    });
    if (points.length === 0 && polygons.length === 0) {
      // The notices say what was skipped, and why.
      const none: ValidationProblem = { file, featureIndex: null, featureId: null, path: '', message: 'the file has no points or polygons to import' };
      return { ok: false, problems: [none, ...(v.notices ?? [])].slice(0, MAX_PROBLEMS + 1) };
    }
    let territory: MultiPolygon | null = null;
    let merge: MergeSummary | null = null;
    if (polygons.length) {
      // One territory: overlapping and repeated polygons count once (and any winding is fixed).
      let u;
      try { u = unionPolygons(polygons); } catch (e) {
        return problem(file, `the polygons could not be merged: ${errorMessage(e)}`);
      }
      if (!u.merged) return problem(file, 'the polygons have no area');
      territory = u.merged;
      merge = { inputPolygons: u.inputPolygons, outputPolygons: u.outputPolygons, inputKm2: u.inputKm2, mergedKm2: u.mergedKm2, overlapRemovedKm2: u.overlapRemovedKm2 };
      // The solver must accept it now, not fail later while the user drags a slider.
      try { prepareTerritory(territory); } catch (e) {
        return problem(file, `the polygons cannot be split: ${e instanceof PartitionInputError ? e.message : String(e)}`);
      }
    }
    return { ok: true, data: { name: file, points, territory, merge, notices: v.notices ?? [], featureCount: fc.features.length } };
  } catch (e) {
    return problem(file, `the file could not be read: ${errorMessage(e)}`);
  }
}

/** Points and polygons of a validated geometry (lines and other types are skipped; the validator noted them). */
function collect(g: Geometry | null, points: Position[], polygons: Position[][][]): void {
  if (!g) return;
  switch (g.type) {
    case 'Point': points.push(g.coordinates); return;
    case 'MultiPoint': points.push(...g.coordinates); return;
    case 'Polygon': polygons.push(g.coordinates); return;
    case 'MultiPolygon': polygons.push(...g.coordinates); return;
    case 'GeometryCollection': for (const m of g.geometries) collect(m, points, polygons); return;
    default: return;
  }
}

/** One line about the merge for the page and the CLI, e.g. "3 polygons merged into 2; 22.31 km² of overlap removed". */
export function mergeText(m: MergeSummary): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(m.inputPolygons, 'polygon')} merged into ${n(m.outputPolygons, 'polygon')}; ` +
    (m.overlapRemovedKm2 >= 0.005 ? `${m.overlapRemovedKm2.toFixed(2)} km² of overlap removed` : 'no overlap');
}

/** A property value as display text (never HTML): nested values as JSON, long ones shortened. */
export function propertyText(v: unknown): string {
  let s: string;
  try { s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 500 ? s.slice(0, 500) + '…' : s;
}
