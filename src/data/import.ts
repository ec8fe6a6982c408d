/**
 * The user's own GeoJSON: refused with reasons when broken, never run, never half-applied.
 * Points become a user layer of sites; polygons become a custom territory the solver can split.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { validateLayerText, type ValidationProblem } from './validate.ts';
import { prepareTerritory, PartitionInputError } from '../geo/partition.ts';
import { errorMessage } from './error-message.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_FEATURES = 100_000;

export interface UserPoint { id: string; lonlat: [number, number]; properties: Record<string, unknown> }
export interface ImportedData {
  name: string;
  points: UserPoint[];
  /** All polygon features merged into one territory, or null when the file has none. */
  territory: MultiPolygon | null;
  featureCount: number;
}
export type ImportResult = { ok: true; data: ImportedData } | { ok: false; problems: ValidationProblem[] };

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
    const v = validateLayerText(file, text, { geometryTypes: ['Point', 'Polygon', 'MultiPolygon'], requiredProperties: [] });
    if (!v.ok) return { ok: false, problems: v.problems };
    const fc = v.data as FeatureCollection;
    if (fc.features.length === 0) return problem(file, 'the file has no features');
    if (fc.features.length > MAX_IMPORT_FEATURES) return problem(file, `the file has ${fc.features.length} features; at most ${MAX_IMPORT_FEATURES} can be imported`);
    const points: UserPoint[] = [];
    const polygons: Position[][][] = [];
    fc.features.forEach((f, i) => {
      const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
      if (f.geometry.type === 'Point') {
        // Ids are unique (the validator refuses duplicates); features without one are named by index.
        const id = typeof props.id === 'string' || typeof props.id === 'number' ? String(props.id) : `feature-${i}`;
        const c = (f as Feature<Point>).geometry.coordinates;
        points.push({ id, lonlat: [c[0], c[1]], properties: props });
      } else if (f.geometry.type === 'Polygon') polygons.push((f as Feature<Polygon>).geometry.coordinates);
      else polygons.push(...(f as Feature<MultiPolygon>).geometry.coordinates);
    });
    const territory: MultiPolygon | null = polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
    if (territory) {
      // The solver must accept it now, not fail later while the user drags a slider.
      try { prepareTerritory(territory); } catch (e) {
        return problem(file, `the polygons cannot be split: ${e instanceof PartitionInputError ? e.message : String(e)}`);
      }
    }
    return { ok: true, data: { name: file, points, territory, featureCount: fc.features.length } };
  } catch (e) {
    return problem(file, `the file could not be read: ${errorMessage(e)}`);
  }
}

/** A property value as display text (never HTML): nested values as JSON, long ones shortened. */
export function propertyText(v: unknown): string {
  let s: string;
  try { s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 500 ? s.slice(0, 500) + '…' : s;
}
