/**
 * data/precedents.json (cases, published figures, sources) and geo/precedents.geojson (their geometry,
 * built by the pipeline), checked on every load like the other data files.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { checkSource, type Source } from './sources.ts';
import { validateLayerObject, type LayerSchema, type ValidationProblem } from './validate.ts';
import type { PrecedentCase, PrecedentFeature } from '../geo/precedents.ts';
import { PRECEDENT_TEXT_LANGUAGES, parseDms } from '../geo/precedents.ts';

export const PRECEDENTS_FILE = 'data/precedents.json';
export const PRECEDENTS_GEO_FILE = 'geo/precedents.geojson';
const PRECEDENT_KINDS = ['land', 'real-line', 'turning-point', 'source-check', 'part'] as const;

const PRECEDENTS_SCHEMA: LayerSchema = {
  geometryTypes: ['MultiPolygon', 'Polygon', 'LineString', 'Point'],
  requiredProperties: ['id', 'case', 'kind'],
  // The land is clipped exactly by the pipeline; the rivers' holes touch the clip box.
  checkSelfIntersections: false,
};

export interface PrecedentsTable {
  note: string;
  cases: (PrecedentCase & Record<string, unknown>)[];
  sources: Source[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/** Problems of data/precedents.json, each with its place (empty when the file is well formed). */
export function checkPrecedentsTable(data: unknown, file: string = PRECEDENTS_FILE): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: string, message: string, id: string | null = null, index: number | null = null) =>
    problems.push({ file, featureIndex: index, featureId: id, path, message });
  if (!isObj(data)) {
    add('', 'must be a JSON object');
    return problems;
  }
  const sourceIds = new Set<string>();
  if (!Array.isArray(data.sources) || data.sources.length === 0) add('sources', 'must be a non-empty list');
  else
    data.sources.forEach((s, k) => {
      for (const issue of checkSource(s)) add(`sources[${k}]${issue.field ? `.${issue.field}` : ''}`, issue.message);
      const id = isObj(s) ? s.id : null;
      if (typeof id === 'string') {
        if (sourceIds.has(id)) add(`sources[${k}].id`, `"${id}" is used twice`);
        sourceIds.add(id);
      }
    });
  const ids = new Set<string>();
  if (!Array.isArray(data.cases) || data.cases.length === 0) add('cases', 'must be a non-empty list');
  else
    data.cases.forEach((c, k) => {
      const at = `cases[${k}]`;
      if (!isObj(c)) {
        add(at, 'must be an object');
        return;
      }
      const id = nonEmpty(c.id) ? (c.id as string) : null;
      const put = (field: string, message: string) => add(`${at}.${field}`, message, id, k);
      if (!id) put('id', 'is missing');
      else if (ids.has(id)) put('id', 'is used twice');
      else ids.add(id);
      for (const f of ['name', 'instrument']) if (!nonEmpty(c[f])) put(f, 'is missing');
      if (!Array.isArray(c.parties) || c.parties.length !== 2 || !c.parties.every(nonEmpty))
        put('parties', 'must name the two parties');
      if (!isObj(c.published)) put('published', 'must be an object of published figures');
      if (!Array.isArray(c.sources) || c.sources.length === 0) put('sources', 'needs at least one source');
      else
        c.sources.forEach((s, j) => {
          if (!sourceIds.has(s as string)) put(`sources[${j}]`, `"${String(s)}" is not in the file's sources`);
        });
      // Every case reads in each interface language: name and instrument, the wording when one is published,
      // and a note for each turning point that has one.
      const texts = isObj(c.texts) ? c.texts : null;
      if (!texts) put('texts', `must give the texts in ${PRECEDENT_TEXT_LANGUAGES.join(' and ')}`);
      else
        for (const lang of PRECEDENT_TEXT_LANGUAGES) {
          const tx = texts[lang];
          if (!isObj(tx)) {
            put(`texts.${lang}`, 'is missing');
            continue;
          }
          for (const f of ['name', 'instrument']) if (!nonEmpty(tx[f])) put(`texts.${lang}.${f}`, 'is missing');
          if (isObj(c.published) && nonEmpty(c.published.wording) && !nonEmpty(tx.wording))
            put(`texts.${lang}.wording`, 'is missing (the case publishes a wording)');
          const notes = isObj(tx.turning_point_notes) ? tx.turning_point_notes : {};
          if (Array.isArray(c.turning_points))
            for (const t of c.turning_points)
              if (isObj(t) && nonEmpty(t.note) && !nonEmpty(notes[String(t.point)]))
                put(`texts.${lang}.turning_point_notes.${String(t.point)}`, 'is missing (the point has a note)');
        }
      if (c.turning_points !== undefined) {
        if (!Array.isArray(c.turning_points) || c.turning_points.length < 2)
          put('turning_points', 'must list at least two points');
        else
          c.turning_points.forEach((t, j) => {
            if (!isObj(t)) {
              put(`turning_points[${j}]`, 'must be an object');
              return;
            }
            for (const axis of ['lat', 'lon'] as const) {
              try {
                const v = parseDms(String(t[axis]));
                if (v > (axis === 'lat' ? 90 : 180)) put(`turning_points[${j}].${axis}`, `${t[axis]} is out of range`);
              } catch (e) {
                put(`turning_points[${j}].${axis}`, (e as Error).message);
              }
            }
            if (typeof t.source === 'string' && !sourceIds.has(t.source))
              put(`turning_points[${j}].source`, `"${t.source}" is not in the file's sources`);
          });
      }
    });
  return problems;
}

/** Validates geo/precedents.geojson (structure, then cases and kinds); never throws. */
export function validatePrecedentFeatures(
  obj: unknown,
  caseIds: readonly string[],
  file: string = PRECEDENTS_GEO_FILE,
):
  | { ok: true; data: FeatureCollection<Geometry>; features: PrecedentFeature[] }
  | { ok: false; problems: ValidationProblem[] } {
  const r = validateLayerObject(file, obj, PRECEDENTS_SCHEMA);
  if (!r.ok) return r;
  const problems: ValidationProblem[] = [];
  r.data.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.id === 'string' ? p.id : null;
    if (!caseIds.includes(p.case as string))
      problems.push({
        file,
        featureIndex: i,
        featureId: id,
        path: `features[${i}].properties.case`,
        message: `case "${String(p.case)}" is not in ${PRECEDENTS_FILE}`,
      });
    if (!(PRECEDENT_KINDS as readonly string[]).includes(p.kind as string))
      problems.push({
        file,
        featureIndex: i,
        featureId: id,
        path: `features[${i}].properties.kind`,
        message: `kind "${String(p.kind)}" is not one of ${PRECEDENT_KINDS.join(', ')}`,
      });
    // The panel prints an outline's figures: they must be there and be numbers.
    if ('outline' in p) {
      const o = p.outline as Record<string, unknown> | null;
      const range = o?.published_km2;
      const wellFormed =
        !!o &&
        typeof o === 'object' &&
        Number.isFinite(o.km2) &&
        Array.isArray(range) &&
        range.length === 2 &&
        range.every((x) => Number.isFinite(x)) &&
        typeof o.measured === 'boolean';
      if (!wellFormed)
        problems.push({
          file,
          featureIndex: i,
          featureId: id,
          path: `features[${i}].properties.outline`,
          message: 'must be { km2: number, published_km2: [number, number], measured: boolean }',
        });
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, data: r.data, features: r.data.features as unknown as PrecedentFeature[] };
}
