/**
 * Validation of GeoJSON layer files (pure: no React, DOM or MapLibre; runs in Node and the browser).
 *
 * `validateLayerText` takes the raw text of a data file and returns either the parsed
 * FeatureCollection or a list of problems precise enough to show a user (file, feature, JSON path,
 * sentence, and a code with parameters for the page's languages: see problem.ts). It never throws.
 *
 * Who checks what:
 *  - `geojson-validation` (GeoJSON 2008 spec) runs once on the collection's `bbox` and once on each feature
 *    whose structure the walk below found sound. It is the reference for the structure (members, types,
 *    positions of two or more numbers, closed rings of four or more positions) and the only check of `bbox`
 *    members; its messages are shown as they are ("invalid GeoJSON: …").
 *  - The walk below goes over the same structure first, for two reasons the library cannot serve: its
 *    messages carry no JSON path (only "at 3: " for the first message of each level), and it gathers them
 *    in quadratic time (measured: 2.1 s for 20,000 bad positions, 160 s for 100,000), so it cannot see a
 *    hostile file first. The walk stops at MAX_PROBLEMS and gives each problem its exact path.
 *  - Our own checks, which the library has not: positions of at most 3 finite numbers, longitude and
 *    latitude ranges, polygons with at least one ring, `properties` an object or null, the layer's
 *    geometry types, edges jumping more than 180° in longitude (a ring drawn across the antimeridian:
 *    RFC 7946 §3.1.9 asks for it to be split at ±180°), RFC 7946 winding (outer rings counter-clockwise,
 *    holes clockwise), self-intersections (per polygon, all rings together), required properties, ids
 *    (non-empty strings, unique, allowed) and the feature count.
 * Once a feature's geometry is structurally broken, its remaining geometry checks are skipped (its
 * property checks still run). At most MAX_PROBLEMS problems are collected.
 *
 * With `{ lenient: true }` (the user's imports only; the built-in data is always checked strictly)
 * the validator accepts what RFC 7946 allows or asks parsers to tolerate, and reports it as a
 * notice instead of a problem: see ValidateOptions. It then also counts the problems beyond
 * MAX_PROBLEMS and ends the list with "… and N more problems".
 *
 * Self-intersections: a grid-bucketed segment test of our own (findFirstCrossing). The maintained
 * searches do not scale to the 1,000,000-vertex rings an import may hold: `@turf/kinks` is O(n²)
 * (≈0.65 s for 2,000 vertices here), and `sweepline-intersections` 1.5.0, which tests each new segment
 * against every segment spanning its x, took 60–100 s on the 1,000,000-vertex test ring of
 * tests/fixtures/shapes.ts (0.8–2.9 s on 30,000) against about 4 s for this whole validation. For each
 * pair of segments it uses exactly the intersection formula of `@turf/kinks` (segments that cross or
 * touch, except neighbouring segments of the same ring) and reports the same first crossing as kinks
 * for a single ring; the unit tests compare it with kinks on random rings. Two deliberate differences:
 * consecutive repeated positions are ignored (kinks reports them as kinks), and collinear overlapping
 * segments are reported (kinks misses them).
 */
import type { FeatureCollection, Geometry } from 'geojson';
// geojson-validation is CommonJS without type declarations. A default import gives `module.exports`
// in Node's ESM loader, in Vitest and in Vite (dev pre-bundling and production build).
// @ts-expect-error -- untyped module (TS7016); typed through GjvApi below
import gjvModule from 'geojson-validation';
import { signedPlanarArea } from '../geo/rings.ts';
import { problem, type ProblemCode, type ProblemParams, type ValidationProblem } from './problem.ts';

export type { ValidationProblem } from './problem.ts';

export interface LayerSchema {
  geometryTypes: Array<'Point' | 'Polygon' | 'MultiPolygon' | 'LineString'>;
  requiredProperties: string[]; // each must be present; 'id' must additionally be a non-empty string
  allowedIds?: string[]; // if given, every id must be one of these
  exactCount?: number; // if given, features.length must equal it
  checkSelfIntersections?: boolean; // default true
}

export type ValidationResult =
  /** `notices`: what was accepted but changed or left out (lenient mode only; else empty). */
  | { ok: true; data: FeatureCollection<Geometry>; notices?: ValidationProblem[] }
  /** `moreProblems`: problems found beyond those listed (lenient mode counts them all). */
  | { ok: false; problems: ValidationProblem[]; moreProblems?: number };

export interface ValidateOptions {
  /**
   * For the user's own files. RFC 7946 leniencies, each reported as a notice:
   *  - a single Feature or a bare geometry is taken as a one-feature collection (the returned
   *    `data` is then a new FeatureCollection wrapping it; paths stay those of the file);
   *  - outer rings that are clockwise and holes that are counter-clockwise are accepted (the
   *    caller rewinds them; RFC 7946 §3.1.6 says parsers should not reject them);
   *  - MultiPoint (when Point is allowed) and GeometryCollection are accepted: their members of an
   *    allowed type are validated, the others skipped;
   *  - features whose geometry is of another known type (LineString, MultiLineString, ...) or
   *    null are skipped, not refused.
   * Problems beyond MAX_PROBLEMS are counted, and the list ends with "… and N more problems"
   * (so it holds at most MAX_PROBLEMS + 1 entries). Notices are capped the same way.
   */
  lenient?: boolean;
}

export const MAX_PROBLEMS = 20;

/** Parses `text` as JSON and validates it; never throws. */
export function validateLayerText(
  file: string,
  text: string,
  schema: LayerSchema,
  options: ValidateOptions = {},
): ValidationResult {
  let obj: unknown;
  try {
    if (typeof text !== 'string') return fileFailure(file, 'file.notText', { value: describe(text) });
    // A UTF-8 byte order mark is harmless in a data file but JSON.parse rejects it.
    obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fileFailure(file, 'file.notJson', { error: errorMessage(e) });
  }
  return validateLayerObject(file, obj, schema, options);
}

/** Validates an already parsed value; never throws. */
export function validateLayerObject(
  file: string,
  obj: unknown,
  schema: LayerSchema,
  options: ValidateOptions = {},
): ValidationResult {
  try {
    return validate(file, obj, schema, options.lenient === true);
  } catch (e) {
    // Only reachable with hostile objects (throwing getters, proxies, ...) or exhausted stacks.
    return fileFailure(file, 'file.unvalidatable', { error: errorMessage(e) });
  }
}

/** One line: `file: feature <id or #index> (path): message`, or `file: message` for file-level problems. */
export function formatProblem(p: ValidationProblem): string {
  if (p.featureIndex === null) return `${p.file}: ${p.message}`;
  return `${p.file}: feature ${p.featureId ?? '#' + p.featureIndex} (${p.path}): ${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// geojson-validation

interface GjvApi {
  isFeature(obj: unknown, trace: true): unknown;
  isBbox(obj: unknown, trace: true): unknown;
}

function resolveGjv(m: unknown): GjvApi | null {
  for (const c of [m, isObjectLike(m) ? (m as { default?: unknown }).default : undefined]) {
    if (isObjectLike(c) && typeof (c as Partial<GjvApi>).isFeature === 'function') return c as GjvApi;
  }
  return null;
}

const gjv: GjvApi | null = resolveGjv(gjvModule);

/** Runs one geojson-validation check in trace mode; returns its messages ([] = valid). */
function runGjv(check: (api: GjvApi) => unknown): string[] {
  if (gjv === null) return ['internal error: the geojson-validation package could not be loaded'];
  try {
    const r = check(gjv);
    if (Array.isArray(r)) return r.map((m) => (typeof m === 'string' ? m : describe(m)));
    return r === true ? [] : [typeof r === 'string' ? r : 'invalid GeoJSON'];
  } catch (e) {
    // It throws on some inputs, e.g. an empty ring ("coordinates[0].toString()").
    return [`GeoJSON structure check failed: ${errorMessage(e)}`];
  }
}

// ---------------------------------------------------------------------------------------------
// The validation proper

const KNOWN_GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);
const AXES = ['longitude', 'latitude', 'elevation'] as const;

type Position = number[];

class Collector {
  readonly problems: ValidationProblem[] = [];
  readonly notices: ValidationProblem[] = [];
  /** Problems and notices found beyond the MAX_PROBLEMS listed (counted in lenient mode only). */
  moreProblems = 0;
  moreNotices = 0;
  /** `countAll`: keep checking after MAX_PROBLEMS problems, to count them (lenient mode). */
  constructor(readonly countAll = false) {}
  /** Whether to stop checking: never when counting all problems. */
  get full(): boolean {
    return !this.countAll && this.problems.length >= MAX_PROBLEMS;
  }
  add(p: ValidationProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    else if (this.countAll) this.moreProblems++;
  }
  notice(p: ValidationProblem): void {
    if (this.notices.length < MAX_PROBLEMS) this.notices.push(p);
    else this.moreNotices++;
  }
}

/** Context for the problems of one feature. */
class FeatureScope {
  /** Set when a problem makes the geometry unusable. */
  structural = false;
  /** Set when lenient mode accepted or skipped something geojson-validation would object to. */
  lenientAccepted = false;
  constructor(
    private readonly c: Collector,
    private readonly file: string,
    readonly index: number,
    readonly id: string | null,
    /** Lenient mode (user imports): see ValidateOptions. */
    readonly lenient = false,
  ) {}
  get full(): boolean {
    return this.c.full;
  }
  private at(path: string, code: ProblemCode, params: ProblemParams): ValidationProblem {
    return { file: this.file, featureIndex: this.index, featureId: this.id, path, ...problem(code, params) };
  }
  add(path: string, code: ProblemCode, params: ProblemParams = {}): void {
    this.c.add(this.at(path, code, params));
  }
  /** Accepted, but the user should know (lenient mode). */
  notice(path: string, code: ProblemCode, params: ProblemParams = {}): void {
    this.c.notice(this.at(path, code, params));
  }
  broken(path: string, code: ProblemCode, params: ProblemParams = {}): void {
    this.structural = true;
    this.add(path, code, params);
  }
}

/** Joins a JSON path and a member name; '' is the document itself. */
function sub(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function validate(file: string, obj: unknown, schema: LayerSchema, lenient = false): ValidationResult {
  const c = new Collector(lenient);
  const fileProblem = (code: ProblemCode, params: ProblemParams = {}): void =>
    c.add({ file, featureIndex: null, featureId: null, path: '', ...problem(code, params) });

  if (!isRecord(obj)) {
    fileProblem('file.notObject', { value: describe(obj) });
    return { ok: false, problems: c.problems };
  }
  const type = own(obj, 'type');
  // Lenient mode: a single Feature or a bare geometry stands for a collection of one feature. The
  // paths stay those of the file ('' is the feature, or for a geometry its feature's "geometry").
  let root: Record<string, unknown> = obj;
  let featureBase = (i: number): string => `features[${i}]`;
  let geometryPath = (base: string): string => `${base}.geometry`;
  let wrapped = false;
  if (lenient && type === 'Feature') {
    root = { type: 'FeatureCollection', features: [obj] };
    featureBase = () => '';
    geometryPath = () => 'geometry';
    wrapped = true;
  } else if (lenient && typeof type === 'string' && KNOWN_GEOMETRY_TYPES.has(type)) {
    root = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: obj }] };
    featureBase = () => '';
    geometryPath = () => '';
    wrapped = true;
  } else if (type !== 'FeatureCollection') {
    if (type === undefined) fileProblem(lenient ? 'file.typeMissingLenient' : 'file.typeMissing');
    else fileProblem(lenient ? 'file.typeWrongLenient' : 'file.typeWrong', { value: describe(type) });
  }
  const features = own(root, 'features');
  if (!Array.isArray(features)) {
    if (features === undefined) fileProblem('file.featuresMissing');
    else fileProblem('file.featuresNotArray', { value: describe(features) });
    return { ok: false, problems: c.problems };
  }
  // The collection's own bbox (the features' bboxes are checked with each feature).
  if (!wrapped && hasOwn(obj, 'bbox')) {
    for (const m of runGjv((api) => api.isBbox(own(obj, 'bbox'), true))) fileProblem('geojson.invalid', { detail: m });
  }

  const allowed = schema.allowedIds ? new Set(schema.allowedIds) : null;
  const firstIndexOfId = new Map<string, number>();

  for (let i = 0; i < features.length && !c.full; i++) {
    const f: unknown = features[i];
    const base = featureBase(i);
    const props = isRecord(f) ? own(f, 'properties') : undefined;
    const scope = new FeatureScope(c, file, i, displayId(isRecord(props) ? own(props, 'id') : undefined), lenient);
    if (!isRecord(f)) {
      scope.broken(base, 'feature.notObject', { value: describe(f) });
      continue;
    }
    const ftype = own(f, 'type');
    if (ftype === undefined) scope.broken(sub(base, 'type'), 'feature.typeMissing');
    else if (ftype !== 'Feature') scope.broken(sub(base, 'type'), 'feature.typeWrong', { value: describe(ftype) });

    checkGeometry(scope, f, geometryPath(base), schema);

    if (!hasOwn(f, 'properties')) scope.broken(sub(base, 'properties'), 'feature.noProperties');
    else if (props !== null && !isRecord(props))
      scope.broken(sub(base, 'properties'), 'feature.propertiesNotObject', { value: describe(props) });

    // geojson-validation on a feature the walk found sound: what it finds beyond the walk (in practice,
    // malformed "bbox" members). Not where lenient mode accepted what it would object to.
    if (!scope.structural && !scope.lenientAccepted && !c.full) {
      for (const m of runGjv((api) => api.isFeature(f, true))) scope.add(base, 'geojson.invalid', { detail: m });
    }

    checkProperties(scope, isRecord(props) ? props : null, sub(base, 'properties'), schema, allowed, firstIndexOfId);
  }

  if (!c.full && schema.exactCount !== undefined && features.length !== schema.exactCount) {
    fileProblem('file.count', { n: schema.exactCount, found: features.length });
  }

  const more = (code: 'file.moreProblems' | 'file.moreNotices', n: number): ValidationProblem => ({
    file,
    featureIndex: null,
    featureId: null,
    path: '',
    ...problem(code, { n }),
  });
  if (c.problems.length > 0) {
    const problems = c.moreProblems > 0 ? [...c.problems, more('file.moreProblems', c.moreProblems)] : c.problems;
    return lenient ? { ok: false, problems, moreProblems: c.moreProblems } : { ok: false, problems: c.problems };
  }
  const notices = c.moreNotices > 0 ? [...c.notices, more('file.moreNotices', c.moreNotices)] : c.notices;
  const data = root as unknown as FeatureCollection<Geometry>;
  return lenient ? { ok: true, data, notices } : { ok: true, data };
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** Deepest GeometryCollection nesting accepted in lenient mode (RFC 7946 asks for none). */
const MAX_COLLECTION_DEPTH = 4;

function checkGeometry(s: FeatureScope, f: Record<string, unknown>, path: string, schema: LayerSchema): void {
  const types = schema.geometryTypes;
  if (!hasOwn(f, 'geometry')) {
    s.broken(path, 'geometry.missing', { types });
    return;
  }
  const g = own(f, 'geometry');
  if (g === null && s.lenient) {
    // RFC 7946 §3.2: an unlocated feature. Nothing to import from it.
    s.lenientAccepted = true;
    s.notice(path, 'geometry.nullSkipped');
    return;
  }
  if (g === null) {
    s.broken(path, 'geometry.null', { types });
    return;
  }
  checkGeometryObject(s, g, path, schema, 0);
}

/** The geometry types lenient mode takes: the schema's, MultiPoint with Point, and collections. */
function lenientTypes(schema: LayerSchema): string[] {
  const types: string[] = [];
  for (const t of schema.geometryTypes) {
    types.push(t);
    if (t === 'Point') types.push('MultiPoint');
  }
  types.push('GeometryCollection');
  return types;
}

function checkGeometryObject(s: FeatureScope, g: unknown, path: string, schema: LayerSchema, depth: number): void {
  const types = schema.geometryTypes;
  if (!isRecord(g)) {
    s.broken(path, 'geometry.notObject', { value: describe(g) });
    return;
  }
  const type = own(g, 'type');
  if (typeof type !== 'string' || !KNOWN_GEOMETRY_TYPES.has(type)) {
    if (type === undefined) s.broken(sub(path, 'type'), 'geometry.typeMissing', { types });
    else s.broken(sub(path, 'type'), 'geometry.typeUnknown', { value: describe(type), types });
    return;
  }
  if (s.lenient && !lenientTypes(schema).includes(type)) {
    s.lenientAccepted = true;
    s.notice(sub(path, 'type'), 'geometry.typeSkipped', { type, accepted: lenientTypes(schema).join(', ') });
    return;
  }
  if (!s.lenient && !(types as string[]).includes(type)) {
    s.broken(sub(path, 'type'), 'geometry.typeNotAllowed', { type, types });
    return;
  }
  if (type === 'GeometryCollection') {
    // Only reachable in lenient mode.
    s.lenientAccepted = true;
    const gpath = sub(path, 'geometries');
    const members = own(g, 'geometries');
    if (!Array.isArray(members)) {
      if (members === undefined) s.broken(gpath, 'geometry.noGeometries');
      else s.broken(gpath, 'geometry.geometriesNotArray', { value: describe(members) });
      return;
    }
    if (depth >= MAX_COLLECTION_DEPTH) {
      s.broken(gpath, 'geometry.tooDeep', { n: MAX_COLLECTION_DEPTH });
      return;
    }
    if (members.length === 0) s.notice(gpath, 'geometry.collectionEmpty');
    for (let k = 0; k < members.length && !s.full; k++)
      checkGeometryObject(s, members[k], `${gpath}[${k}]`, schema, depth + 1);
    return;
  }
  const cpath = sub(path, 'coordinates');
  if (!hasOwn(g, 'coordinates')) {
    s.broken(cpath, 'geometry.noCoordinates', { type });
    return;
  }
  const coords = own(g, 'coordinates');
  switch (type) {
    case 'Point':
      readPosition(s, coords, cpath);
      return;
    case 'MultiPoint': // lenient mode only
      readPositions(s, coords, cpath);
      return;
    case 'LineString': {
      const line = readPositions(s, coords, cpath);
      if (line && line.length < 2) s.broken(cpath, 'geometry.lineTooShort', { n: line.length });
      return;
    }
    case 'Polygon': {
      const rings = readPolygon(s, coords, cpath, false);
      if (rings) checkPolygonShape(s, rings, cpath, schema);
      return;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coords)) {
        s.broken(cpath, 'geometry.multiPolygonNotArray', { value: describe(coords) });
        return;
      }
      if (coords.length === 0) {
        s.broken(cpath, 'geometry.multiPolygonEmpty');
        return;
      }
      const polygons: Position[][][] = [];
      for (let p = 0; p < coords.length && !s.full; p++) {
        const rings = readPolygon(s, coords[p], `${cpath}[${p}]`, true);
        if (rings) polygons.push(rings);
      }
      if (polygons.length < coords.length || s.full) return;
      for (let p = 0; p < polygons.length && !s.full; p++) checkPolygonShape(s, polygons[p]!, `${cpath}[${p}]`, schema);
      return;
    }
  }
}

/** Checks one position; reports structural and range problems. Null if structurally broken. */
function readPosition(s: FeatureScope, v: unknown, path: string): Position | null {
  if (!Array.isArray(v)) {
    s.broken(path, 'position.notArray', { value: describe(v) });
    return null;
  }
  if (v.length < 2 || v.length > 3) {
    s.broken(path, 'position.arity', { n: v.length });
    return null;
  }
  let ok = true;
  for (let k = 0; k < v.length; k++) {
    const x: unknown = v[k];
    const axis = AXES[k]!;
    if (typeof x !== 'number') {
      s.broken(`${path}[${k}]`, `position.${axis}NotNumber`, { value: describe(x) });
      ok = false;
    } else if (!Number.isFinite(x)) {
      s.broken(`${path}[${k}]`, `position.${axis}NotFinite`, { value: String(x) });
      ok = false;
    }
  }
  if (!ok) return null;
  const [lon, lat] = v as [number, number];
  if (lon < -180 || lon > 180) s.add(`${path}[0]`, 'position.longitudeRange', { value: lon });
  if (lat < -90 || lat > 90) s.add(`${path}[1]`, 'position.latitudeRange', { value: lat });
  return v as Position;
}

/** Checks an array of positions. Null if structurally broken. */
function readPositions(s: FeatureScope, v: unknown, path: string): Position[] | null {
  if (!Array.isArray(v)) {
    s.broken(path, 'geometry.positionsNotArray', { value: describe(v) });
    return null;
  }
  let ok = true;
  for (let i = 0; i < v.length && !s.full; i++) {
    if (readPosition(s, v[i], `${path}[${i}]`) === null) ok = false;
  }
  return ok && !s.full ? (v as Position[]) : null;
}

function readRing(s: FeatureScope, v: unknown, path: string): Position[] | null {
  const ring = readPositions(s, v, path);
  if (!ring) return null;
  let ok = true;
  if (ring.length < 4) {
    s.broken(path, 'ring.tooShort', { n: ring.length });
    ok = false;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && !samePosition(first, last)) {
    s.broken(path, 'ring.notClosed', { first: fmtPosition(first), last: fmtPosition(last) });
    ok = false;
  }
  return ok ? ring : null;
}

/** `part`: a polygon of a MultiPolygon (the messages say "polygon", not "Polygon"). */
function readPolygon(s: FeatureScope, v: unknown, path: string, part: boolean): Position[][] | null {
  if (!Array.isArray(v)) {
    s.broken(path, part ? 'polygon.partNotArray' : 'polygon.notArray', { value: describe(v) });
    return null;
  }
  if (v.length === 0) {
    s.broken(path, part ? 'polygon.partNoRings' : 'polygon.noRings');
    return null;
  }
  let ok = true;
  for (let r = 0; r < v.length && !s.full; r++) {
    if (readRing(s, v[r], `${path}[${r}]`) === null) ok = false;
  }
  return ok && !s.full ? (v as Position[][]) : null;
}

/** Antimeridian, winding and self-intersections of one polygon whose rings are structurally valid. */
function checkPolygonShape(s: FeatureScope, rings: Position[][], path: string, schema: LayerSchema): void {
  // A ring drawn straight across the antimeridian: in longitude/latitude its edge runs the long way
  // round, so its winding and crossings mean nothing. Said as it is, before any winding message.
  let across = false;
  for (let r = 0; r < rings.length && !s.full; r++) {
    const ring = rings[r]!;
    // A longitude outside ±180° is already reported.
    if (!ring.every((p) => Math.abs(p[0]!) <= 180)) continue;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const jump = Math.abs(b[0]! - a[0]!);
      if (jump > 180) {
        const params = { ring: String(r), from: fmtPosition(a), to: fmtPosition(b), jump: Number(jump.toFixed(6)) };
        s.add(`${path}[${r}][${i}]`, r === 0 ? 'ring.outerAntimeridian' : 'ring.holeAntimeridian', params);
        across = true;
        break;
      }
    }
  }
  if (across) return;
  for (let r = 0; r < rings.length && !s.full; r++) {
    const area = signedPlanarArea(rings[r]!);
    const at = `${path}[${r}]`;
    const ring = { ring: String(r) };
    if (area === 0) {
      s.add(at, r === 0 ? 'ring.outerZeroArea' : 'ring.holeZeroArea', ring);
      continue;
    }
    const wrong = r === 0 ? area < 0 : area > 0;
    if (!wrong) continue;
    if (s.lenient) {
      s.notice(at, r === 0 ? 'ring.outerClockwiseRewound' : 'ring.holeCounterClockwiseRewound', ring);
      s.lenientAccepted = true;
    } else {
      s.add(at, r === 0 ? 'ring.outerClockwise' : 'ring.holeCounterClockwise', ring);
    }
  }
  if (schema.checkSelfIntersections === false || s.full) return;
  const x = findFirstCrossing(rings);
  if (x) {
    s.add(`${path}[${x.ringA}][${x.startA}]`, 'polygon.selfIntersects', {
      point: fmtPosition([x.x, x.y], true),
      ringA: String(x.ringA),
      startA: String(x.startA),
      endA: String(x.endA),
      ringB: String(x.ringB),
      startB: String(x.startB),
      endB: String(x.endB),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Self-intersections: grid-bucketed segment intersection test

interface Crossing {
  x: number;
  y: number;
  ringA: number;
  startA: number; // index of the segment's first position in the ring (as given)
  endA: number;
  ringB: number;
  startB: number;
  endB: number;
}

/**
 * First pair of intersecting segments (g, h), g < h, in the order of @turf/kinks for a single ring:
 * smallest g, then smallest h; segments are numbered ring by ring. Neighbouring segments of a ring
 * (including its last and first) are not compared. Consecutive repeated positions are skipped.
 */
function findFirstCrossing(rings: Position[][]): Crossing | null {
  // Flatten the segments of all rings.
  let total = 0;
  for (const ring of rings) total += Math.max(0, ring.length - 1);
  const ax = new Float64Array(total);
  const ay = new Float64Array(total);
  const bx = new Float64Array(total);
  const by = new Float64Array(total);
  const ringOf = new Int32Array(total);
  const startIdx = new Int32Array(total);
  const endIdx = new Int32Array(total);
  const ringFirst: number[] = [];
  const ringLast: number[] = [];
  let n = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    ringFirst.push(n);
    let prev = 0;
    for (let i = 1; i < ring.length; i++) {
      if (ring[i]![0]! === ring[prev]![0]! && ring[i]![1]! === ring[prev]![1]!) continue; // repeated position
      ax[n] = ring[prev]![0]!;
      ay[n] = ring[prev]![1]!;
      bx[n] = ring[i]![0]!;
      by[n] = ring[i]![1]!;
      ringOf[n] = r;
      startIdx[n] = prev;
      endIdx[n] = i;
      n++;
      prev = i;
    }
    ringLast.push(n - 1);
  }
  if (n < 2) return null;

  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxY = new Float64Array(n);
  let gx0 = Infinity,
    gx1 = -Infinity,
    gy0 = Infinity,
    gy1 = -Infinity;
  for (let i = 0; i < n; i++) {
    minX[i] = Math.min(ax[i]!, bx[i]!);
    maxX[i] = Math.max(ax[i]!, bx[i]!);
    minY[i] = Math.min(ay[i]!, by[i]!);
    maxY[i] = Math.max(ay[i]!, by[i]!);
    if (minX[i]! < gx0) gx0 = minX[i]!;
    if (maxX[i]! > gx1) gx1 = maxX[i]!;
    if (minY[i]! < gy0) gy0 = minY[i]!;
    if (maxY[i]! > gy1) gy1 = maxY[i]!;
  }

  // Hashed uniform grid. Cells are about twice the mean segment extent, so a coastline puts a
  // few segments in each occupied cell; cells double in size while the segments would occupy more
  // than 8n cell slots in total (long segments); at most 2^24 cells along an axis (integer keys).
  let meanExtent = 0;
  for (let i = 0; i < n; i++) meanExtent += Math.max(maxX[i]! - minX[i]!, maxY[i]! - minY[i]!);
  meanExtent /= n;
  const span = Math.max(gx1 - gx0, gy1 - gy0);
  let size = n < 32 || span === 0 ? Infinity : Math.max(2 * meanExtent, span / 2 ** 24);
  const cx0 = new Int32Array(n);
  const cx1 = new Int32Array(n);
  const cy0 = new Int32Array(n);
  const cy1 = new Int32Array(n);
  for (;;) {
    let slots = 0;
    for (let i = 0; i < n; i++) {
      cx0[i] = size === Infinity ? 0 : Math.floor((minX[i]! - gx0) / size);
      cx1[i] = size === Infinity ? 0 : Math.floor((maxX[i]! - gx0) / size);
      cy0[i] = size === Infinity ? 0 : Math.floor((minY[i]! - gy0) / size);
      cy1[i] = size === Infinity ? 0 : Math.floor((maxY[i]! - gy0) / size);
      slots += (cx1[i]! - cx0[i]! + 1) * (cy1[i]! - cy0[i]! + 1);
    }
    if (slots <= 8 * n || size >= span) break;
    size *= 2;
  }
  const stride = 2 ** 25; // > number of cells along an axis
  // The cells' segment lists in flat typed arrays (an open-addressing hash from cell to a compact cell
  // number, then counts, offsets and entries): no per-cell arrays for the collector to chase, which
  // took most of the time for a million segments.
  let slotCount = 0;
  for (let i = 0; i < n; i++) slotCount += (cx1[i]! - cx0[i]! + 1) * (cy1[i]! - cy0[i]! + 1);
  let cap = 1;
  while (cap < 2 * slotCount) cap *= 2;
  const mask = cap - 1;
  const hashKey = new Float64Array(cap).fill(-1);
  const hashCell = new Int32Array(cap);
  let cellCount = 0;
  const cellOf = (cx: number, cy: number, create: boolean): number => {
    const key = cy * stride + cx;
    let h = ((Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) >>> 0) & mask;
    for (;;) {
      const k = hashKey[h]!;
      if (k === key) return hashCell[h]!;
      if (k === -1) {
        if (!create) return -1;
        hashKey[h] = key;
        hashCell[h] = cellCount;
        return cellCount++;
      }
      h = (h + 1) & mask;
    }
  };
  const cellOfSlot = new Int32Array(slotCount);
  let slot = 0;
  for (let i = 0; i < n; i++) {
    for (let cy = cy0[i]!; cy <= cy1[i]!; cy++) {
      for (let cx = cx0[i]!; cx <= cx1[i]!; cx++) cellOfSlot[slot++] = cellOf(cx, cy, true);
    }
  }
  const cellStart = new Int32Array(cellCount + 1);
  for (let k = 0; k < slotCount; k++) cellStart[cellOfSlot[k]! + 1]!++;
  for (let c = 0; c < cellCount; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cellCount);
  const entries = new Int32Array(slotCount);
  slot = 0;
  for (let i = 0; i < n; i++) {
    for (let cy = cy0[i]!; cy <= cy1[i]!; cy++) {
      // ascending, since i ascends
      for (let cx = cx0[i]!; cx <= cx1[i]!; cx++) entries[fill[cellOfSlot[slot++]!]!++] = i;
    }
  }

  const point = [0, 0];
  for (let g = 0; g < n; g++) {
    let best = -1;
    let bestX = 0;
    let bestY = 0;
    const rg = ringOf[g]!;
    for (let cy = cy0[g]!; cy <= cy1[g]!; cy++) {
      for (let cx = cx0[g]!; cx <= cx1[g]!; cx++) {
        const cell = cellOf(cx, cy, false); // g itself is in it
        const first = cellStart[cell]!,
          end = cellStart[cell + 1]!;
        // first entry > g (binary search), then ascending until `best`
        let lo = first;
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (entries[mid]! <= g) lo = mid + 1;
          else hi = mid;
        }
        for (let e = lo; e < end; e++) {
          const k = entries[e]!;
          if (best !== -1 && k >= best) break;
          if (ringOf[k]! === rg && (k === g + 1 || (g === ringFirst[rg]! && k === ringLast[rg]!))) continue;
          if (maxX[k]! < minX[g]! || minX[k]! > maxX[g]! || maxY[k]! < minY[g]! || minY[k]! > maxY[g]!) continue;
          if (segmentsIntersect(ax[g]!, ay[g]!, bx[g]!, by[g]!, ax[k]!, ay[k]!, bx[k]!, by[k]!, point)) {
            best = k;
            bestX = point[0]!;
            bestY = point[1]!;
            break;
          }
        }
      }
    }
    if (best !== -1) {
      return {
        x: bestX,
        y: bestY,
        ringA: rg,
        startA: startIdx[g]!,
        endA: endIdx[g]!,
        ringB: ringOf[best]!,
        startB: startIdx[best]!,
        endB: endIdx[best]!,
      };
    }
  }
  return null;
}

/**
 * Whether segments a1-a2 and b1-b2 intersect (crossing or touching), writing a point of intersection
 * to `out`. Non-parallel segments use the formula of @turf/kinks (`lineIntersects`), so results match
 * it exactly; parallel segments count when they are collinear and overlap (kinks ignores them).
 */
function segmentsIntersect(
  a1x: number,
  a1y: number,
  a2x: number,
  a2y: number,
  b1x: number,
  b1y: number,
  b2x: number,
  b2y: number,
  out: number[],
): boolean {
  const denominator = (b2y - b1y) * (a2x - a1x) - (b2x - b1x) * (a2y - a1y);
  if (denominator === 0) {
    if ((a2x - a1x) * (b1y - a1y) - (a2y - a1y) * (b1x - a1x) !== 0) return false; // parallel, apart
    if ((a2x - a1x) * (b2y - a1y) - (a2y - a1y) * (b2x - a1x) !== 0) return false;
    const useX = Math.abs(a2x - a1x) >= Math.abs(a2y - a1y);
    const within = (v: number, p: number, q: number): boolean => v >= Math.min(p, q) && v <= Math.max(p, q);
    const candidates: Array<[number, number]> = [
      [b1x, b1y],
      [b2x, b2y],
      [a1x, a1y],
      [a2x, a2y],
    ];
    for (let i = 0; i < 4; i++) {
      const [px, py] = candidates[i]!;
      const inA = useX ? within(px, a1x, a2x) : within(py, a1y, a2y);
      const inB = useX ? within(px, b1x, b2x) : within(py, b1y, b2y);
      if (inA && inB) {
        out[0] = px;
        out[1] = py;
        return true;
      }
    }
    return false;
  }
  let a = a1y - b1y;
  let b = a1x - b1x;
  const numerator1 = (b2x - b1x) * a - (b2y - b1y) * b;
  const numerator2 = (a2x - a1x) * a - (a2y - a1y) * b;
  a = numerator1 / denominator;
  b = numerator2 / denominator;
  if (a >= 0 && a <= 1 && b >= 0 && b <= 1) {
    out[0] = a1x + a * (a2x - a1x);
    out[1] = a1y + a * (a2y - a1y);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Properties

function checkProperties(
  s: FeatureScope,
  props: Record<string, unknown> | null,
  path: string,
  schema: LayerSchema,
  allowed: Set<string> | null,
  firstIndexOfId: Map<string, number>,
): void {
  const required =
    schema.requiredProperties.includes('id') || allowed === null
      ? schema.requiredProperties
      : [...schema.requiredProperties, 'id']; // allowedIds implies an id
  for (const key of required) {
    if (s.full) return;
    const p = propertyPath(path, key);
    if (props === null || !hasOwn(props, key)) {
      s.add(p, 'property.missing', { key: quote(key) });
      continue;
    }
    const v = props[key];
    if (v === null) s.add(p, 'property.null', { key: quote(key) });
    else if (v === '') s.add(p, 'property.empty', { key: quote(key) });
    else if (key === 'id' && typeof v !== 'string') s.add(p, 'property.idNotString', { value: describe(v) });
  }
  const id = props !== null ? own(props, 'id') : undefined;
  if (typeof id !== 'string' || id === '' || s.full) return;
  const idPath = propertyPath(path, 'id');
  const first = firstIndexOfId.get(id);
  if (first !== undefined) s.add(idPath, 'property.duplicateId', { id: quote(id), first: String(first) });
  else firstIndexOfId.set(id, s.index);
  if (allowed !== null && !allowed.has(id)) {
    const list = [...allowed].slice(0, 12).map(quote).join(', ') + (allowed.size > 12 ? ', …' : '');
    s.add(idPath, 'property.unknownId', { id: quote(id), list });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function fileFailure(file: string, code: ProblemCode, params: ProblemParams): ValidationResult {
  return { ok: false, problems: [{ file, featureIndex: null, featureId: null, path: '', ...problem(code, params) }] };
}

function isObjectLike(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Own property only: never picks up Object.prototype members such as "constructor". */
function own(o: Record<string, unknown>, key: string): unknown {
  return hasOwn(o, key) ? o[key] : undefined;
}

function displayId(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : truncate(v, 80);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Short description of any value for messages; never throws. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof v}`;
  }
}

function quote(s: string): string {
  return JSON.stringify(truncate(s, 80));
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function errorMessage(e: unknown): string {
  try {
    if (e instanceof Error && typeof e.message === 'string' && e.message !== '') return truncate(e.message, 300);
  } catch {
    // fall through
  }
  return describe(e);
}

function propertyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

function samePosition(a: Position, b: Position): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `[lon, lat]`, rounded to 5 decimals when `round` is set. */
function fmtPosition(p: Position, round = false): string {
  return `[${p.map((v) => String(round ? Number(v.toFixed(5)) : v)).join(', ')}]`;
}
