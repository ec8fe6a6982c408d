/**
 * Validation of GeoJSON layer files (pure: no React, DOM or MapLibre; runs in Node and the browser).
 *
 * `validateLayerText` takes the raw text of a data file and returns either the parsed
 * FeatureCollection or a list of problems precise enough to show a user (file, feature, JSON path,
 * human sentence). It never throws.
 *
 * Checks, in order:
 *  1. the text is JSON;
 *  2. the object is a GeoJSON FeatureCollection according to `geojson-validation` (2008 spec), plus
 *     our own structural checks, which give exact JSON paths;
 *  3. per feature: allowed geometry type; positions are 2 or 3 finite numbers; longitude/latitude
 *     ranges; rings have >= 4 positions and are closed; no edge jumps more than 180° in longitude
 *     (a ring drawn across the antimeridian: RFC 7946 §3.1.9 asks for it to be split at ±180°);
 *     RFC 7946 winding (outer rings counter-clockwise, holes clockwise); no self-intersections (per
 *     polygon, all rings together).
 *     Once a feature's geometry is structurally broken, its remaining geometry checks are skipped
 *     (its property checks still run);
 *  4. properties: required properties present and not null/''; `id` a non-empty string; duplicate
 *     ids; ids outside `allowedIds`; `exactCount`.
 * At most MAX_PROBLEMS problems are collected.
 *
 * With `{ lenient: true }` (the user's imports only; the built-in data is always checked strictly)
 * the validator accepts what RFC 7946 allows or asks parsers to tolerate, and reports it as a
 * notice instead of a problem: see ValidateOptions. It then also counts the problems beyond
 * MAX_PROBLEMS and ends the list with "… and N more problems".
 *
 * Self-intersections: `@turf/kinks` is O(n²) per polygon (≈45 ms for a 2,000-vertex ring, ≈0.9 s
 * for 10,000), so this module uses its own grid-bucketed segment test. For each pair of segments it
 * uses exactly the intersection formula of `@turf/kinks` (segments that cross or touch, except
 * neighbouring segments of the same ring) and reports the same first crossing as kinks for a single
 * ring; the unit tests compare it with kinks on random rings. Two deliberate differences:
 * consecutive repeated positions are ignored (kinks reports them as kinks), and collinear
 * overlapping segments are reported (kinks misses them).
 */
import type { FeatureCollection, Geometry } from 'geojson';
// geojson-validation is CommonJS without type declarations. A default import gives `module.exports`
// in Node's ESM loader, in Vitest and in Vite (dev pre-bundling and production build).
// @ts-ignore -- untyped module (TS7016); typed through GjvApi below
import gjvModule from 'geojson-validation';

export interface ValidationProblem {
  file: string; // the file name given by the caller, e.g. 'geo/islands.geojson'
  featureIndex: number | null; // index in features[], null for file-level problems
  featureId: string | null; // properties.id when present (as string), else null
  path: string; // JSON path to the offending value; '' for file-level problems
  message: string; // human sentence, e.g. 'latitude 200 is outside -90..90'
}

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
    if (typeof text !== 'string') {
      return fileFailure(file, `expected the file's text, got ${describe(text)}`);
    }
    // A UTF-8 byte order mark is harmless in a data file but JSON.parse rejects it.
    obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fileFailure(file, `not valid JSON: ${errorMessage(e)}`);
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
    return fileFailure(file, `could not be validated: ${errorMessage(e)}`);
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
  isFeatureCollection(obj: unknown, trace: true): unknown;
  isFeature(obj: unknown, trace: true): unknown;
}

function resolveGjv(m: unknown): GjvApi | null {
  const candidates: unknown[] = [m, isObjectLike(m) ? (m as { default?: unknown }).default : undefined];
  for (const c of candidates) {
    if (
      isObjectLike(c) &&
      typeof (c as Partial<GjvApi>).isFeatureCollection === 'function' &&
      typeof (c as Partial<GjvApi>).isFeature === 'function'
    ) {
      return c as GjvApi;
    }
  }
  return null;
}

const gjv: GjvApi | null = resolveGjv(gjvModule);

/** Runs a geojson-validation check in trace mode; returns its error strings ([] = valid). */
function runGjv(check: (api: GjvApi) => unknown): string[] {
  if (gjv === null) return ['internal error: the geojson-validation package could not be loaded'];
  try {
    const r = check(gjv);
    if (Array.isArray(r)) return r.map((m) => (typeof m === 'string' ? m : describe(m)));
    if (r === true) return [];
    return [typeof r === 'string' ? r : 'invalid GeoJSON'];
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
const AXES = ['longitude', 'latitude', 'elevation'];

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
  /** Set when a problem makes the geometry unusable (or explains a geojson-validation error). */
  structural = false;
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
  add(path: string, message: string): void {
    this.c.add({ file: this.file, featureIndex: this.index, featureId: this.id, path, message });
  }
  /** Accepted, but the user should know (lenient mode). */
  notice(path: string, message: string): void {
    this.c.notice({ file: this.file, featureIndex: this.index, featureId: this.id, path, message });
  }
  /** Set when lenient mode accepted or skipped something geojson-validation might object to. */
  lenientAccepted = false;
  broken(path: string, message: string): void {
    this.structural = true;
    this.add(path, message);
  }
}

/** Stands in for a feature the safety net must not look at (keeps the others' indices). */
const SOUND_FEATURE = { type: 'Feature', properties: null, geometry: null };

/** Joins a JSON path and a member name; '' is the document itself. */
function sub(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function validate(file: string, obj: unknown, schema: LayerSchema, lenient = false): ValidationResult {
  const c = new Collector(lenient);
  const fileProblem = (message: string): void =>
    c.add({ file, featureIndex: null, featureId: null, path: '', message });

  if (!isRecord(obj)) {
    fileProblem(`expected a GeoJSON FeatureCollection object, found ${describe(obj)}`);
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
    const expected = lenient ? '"FeatureCollection", "Feature" or a geometry type' : '"FeatureCollection"';
    fileProblem(
      type === undefined ? `missing "type": expected ${expected}` : `"type" is ${describe(type)}; expected ${expected}`,
    );
  }
  const features = own(root, 'features');
  if (!Array.isArray(features)) {
    fileProblem(
      features === undefined ? 'missing "features" array' : `"features" must be an array, found ${describe(features)}`,
    );
    return { ok: false, problems: c.problems };
  }

  // 2. geojson-validation: the collection's own members (bbox) on an empty shell, then each feature
  // (below) whose geometry our checks found sound. Never on a feature our checks found broken: its
  // messages would only repeat ours, and it gathers them in quadratic time (a million bad positions
  // would take hours). Feature by feature, its messages are attributed exactly.
  if (!wrapped) {
    const shell: Record<string, unknown> = { type: 'FeatureCollection', features: [] };
    if (hasOwn(obj, 'bbox')) shell.bbox = own(obj, 'bbox');
    for (const m of runGjv((api) => api.isFeatureCollection(shell, true))) fileProblem(`invalid GeoJSON: ${m}`);
  }

  const allowed = schema.allowedIds ? new Set(schema.allowedIds) : null;
  const firstIndexOfId = new Map<string, number>();
  /** Features whose geometry lenient mode accepted or skipped where geojson-validation would not. */
  const lenientAccepted = new Set<number>();
  /** Features our own checks found structurally broken. */
  const brokenFeatures = new Set<number>();

  for (let i = 0; i < features.length && !c.full; i++) {
    const f: unknown = features[i];
    const base = featureBase(i);
    const props = isRecord(f) ? own(f, 'properties') : undefined;
    const scope = new FeatureScope(c, file, i, displayId(isRecord(props) ? own(props, 'id') : undefined), lenient);
    if (!isRecord(f)) {
      scope.broken(base, `feature must be an object, found ${describe(f)}`);
      continue;
    }
    const ftype = own(f, 'type');
    if (ftype !== 'Feature') {
      scope.broken(
        sub(base, 'type'),
        ftype === undefined ? 'missing "type": expected "Feature"' : `"type" is ${describe(ftype)}; expected "Feature"`,
      );
    }

    // 3. geometry
    checkGeometry(scope, f, geometryPath(base), schema);

    if (!hasOwn(f, 'properties')) {
      scope.broken(sub(base, 'properties'), 'feature has no "properties" member');
    } else if (props !== null && !isRecord(props)) {
      scope.broken(sub(base, 'properties'), `"properties" must be an object or null, found ${describe(props)}`);
    }

    // geojson-validation's messages for this feature, unless our own structural checks already
    // explain them (ours carry exact paths). In practice this leaves e.g. malformed "bbox" members.
    // (Lenient mode: it would object to accepted winding or skipped geometries, so not for those.)
    if (scope.lenientAccepted) lenientAccepted.add(i);
    if (scope.structural) brokenFeatures.add(i);
    if (!scope.structural && !scope.lenientAccepted && !c.full) {
      for (const m of runGjv((api) => api.isFeature(f, true))) scope.add(base, `invalid GeoJSON: ${m}`);
    }

    // 4. properties
    checkProperties(scope, isRecord(props) ? props : null, sub(base, 'properties'), schema, allowed, firstIndexOfId);
  }

  if (!c.full && schema.exactCount !== undefined && features.length !== schema.exactCount) {
    fileProblem(`expected ${schema.exactCount} feature${schema.exactCount === 1 ? '' : 's'}, found ${features.length}`);
  }

  // Safety net: geojson-validation objects to the collection (of the features it was asked about
  // above) for something none of the checks caught. Its messages' indices are those of `features`.
  const gjvErrors =
    c.problems.length === 0
      ? runGjv((api) =>
          api.isFeatureCollection(
            {
              ...root,
              features: features.map((f, i) => (lenientAccepted.has(i) || brokenFeatures.has(i) ? SOUND_FEATURE : f)),
            },
            true,
          ),
        )
      : [];
  if (c.problems.length === 0 && gjvErrors.length > 0) {
    for (const m of gjvErrors) {
      const match = /^at (\d+): /.exec(m);
      const index = match ? Number(match[1]) : null;
      if (index !== null && lenientAccepted.has(index)) continue;
      if (index !== null && index < features.length) {
        const f: unknown = features[index];
        const props = isRecord(f) ? own(f, 'properties') : undefined;
        new FeatureScope(c, file, index, displayId(isRecord(props) ? own(props, 'id') : undefined)).add(
          featureBase(index),
          `invalid GeoJSON: ${m.slice(match![0].length)}`,
        );
      } else {
        fileProblem(`invalid GeoJSON: ${m}`);
      }
    }
  }

  const more = (n: number, what: string): ValidationProblem => ({
    file,
    featureIndex: null,
    featureId: null,
    path: '',
    message: `… and ${n} more ${what}${n === 1 ? '' : 's'}`,
  });
  if (c.problems.length > 0) {
    const problems = c.moreProblems > 0 ? [...c.problems, more(c.moreProblems, 'problem')] : c.problems;
    return lenient ? { ok: false, problems, moreProblems: c.moreProblems } : { ok: false, problems: c.problems };
  }
  const notices = c.moreNotices > 0 ? [...c.notices, more(c.moreNotices, 'notice')] : c.notices;
  const data = root as unknown as FeatureCollection<Geometry>;
  return lenient ? { ok: true, data, notices } : { ok: true, data };
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** Deepest GeometryCollection nesting accepted in lenient mode (RFC 7946 asks for none). */
const MAX_COLLECTION_DEPTH = 4;

function checkGeometry(s: FeatureScope, f: Record<string, unknown>, path: string, schema: LayerSchema): void {
  const expected = schema.geometryTypes.join(' or ');
  if (!hasOwn(f, 'geometry')) {
    s.broken(path, `feature has no "geometry" member; expected ${expected}`);
    return;
  }
  const g = own(f, 'geometry');
  if (g === null && s.lenient) {
    // RFC 7946 §3.2: an unlocated feature. Nothing to import from it.
    s.lenientAccepted = true;
    s.notice(path, 'geometry is null; the feature is skipped');
    return;
  }
  if (g === null) {
    s.broken(path, `geometry is null; expected ${expected}`);
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
  const expected = schema.geometryTypes.join(' or ');
  if (!isRecord(g)) {
    s.broken(path, `geometry must be an object, found ${describe(g)}`);
    return;
  }
  const type = own(g, 'type');
  if (typeof type !== 'string' || !KNOWN_GEOMETRY_TYPES.has(type)) {
    s.broken(
      sub(path, 'type'),
      type === undefined
        ? `geometry has no "type"; expected ${expected}`
        : `unknown geometry type ${describe(type)}; expected ${expected}`,
    );
    return;
  }
  if (s.lenient && !lenientTypes(schema).includes(type)) {
    s.lenientAccepted = true;
    s.notice(sub(path, 'type'), `${type} skipped: only ${lenientTypes(schema).join(', ')} geometries are imported`);
    return;
  }
  if (!s.lenient && !(schema.geometryTypes as string[]).includes(type)) {
    s.broken(sub(path, 'type'), `geometry type "${type}" is not allowed in this layer; expected ${expected}`);
    return;
  }
  if (type === 'GeometryCollection') {
    // Only reachable in lenient mode.
    s.lenientAccepted = true;
    const gpath = sub(path, 'geometries');
    const members = own(g, 'geometries');
    if (!Array.isArray(members)) {
      s.broken(
        gpath,
        members === undefined
          ? 'GeometryCollection has no "geometries" array'
          : `"geometries" must be an array, found ${describe(members)}`,
      );
      return;
    }
    if (depth >= MAX_COLLECTION_DEPTH) {
      s.broken(gpath, `GeometryCollections are nested more than ${MAX_COLLECTION_DEPTH} deep`);
      return;
    }
    if (members.length === 0) s.notice(gpath, 'GeometryCollection is empty; nothing is taken from it');
    for (let k = 0; k < members.length && !s.full; k++)
      checkGeometryObject(s, members[k], `${gpath}[${k}]`, schema, depth + 1);
    return;
  }
  const cpath = sub(path, 'coordinates');
  if (!hasOwn(g, 'coordinates')) {
    s.broken(cpath, `${type} has no "coordinates"`);
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
      if (line && line.length < 2) {
        s.broken(cpath, `LineString has ${plural(line.length, 'position')}; it needs at least 2`);
      }
      return;
    }
    case 'Polygon': {
      const rings = readPolygon(s, coords, cpath, 'Polygon');
      if (rings) checkPolygonShape(s, rings, cpath, schema);
      return;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coords)) {
        s.broken(cpath, `MultiPolygon coordinates must be an array of polygons, found ${describe(coords)}`);
        return;
      }
      if (coords.length === 0) {
        s.broken(cpath, 'MultiPolygon has no polygons');
        return;
      }
      const polygons: Position[][][] = [];
      let ok = true;
      for (let p = 0; p < coords.length && !s.full; p++) {
        const rings = readPolygon(s, coords[p], `${cpath}[${p}]`, 'polygon');
        if (rings) polygons.push(rings);
        else ok = false;
      }
      if (!ok || s.full) return;
      for (let p = 0; p < polygons.length && !s.full; p++) checkPolygonShape(s, polygons[p], `${cpath}[${p}]`, schema);
      return;
    }
  }
}

/** Checks one position; reports structural and range problems. Null if structurally broken. */
function readPosition(s: FeatureScope, v: unknown, path: string): Position | null {
  if (!Array.isArray(v)) {
    s.broken(path, `position must be an array of 2 or 3 numbers, found ${describe(v)}`);
    return null;
  }
  if (v.length < 2 || v.length > 3) {
    s.broken(path, `position has ${plural(v.length, 'value')}; expected 2 (longitude, latitude) or 3 (with elevation)`);
    return null;
  }
  let ok = true;
  for (let k = 0; k < v.length; k++) {
    const x: unknown = v[k];
    if (typeof x !== 'number') {
      s.broken(`${path}[${k}]`, `${AXES[k]} must be a number, found ${describe(x)}`);
      ok = false;
    } else if (!Number.isFinite(x)) {
      s.broken(`${path}[${k}]`, `${AXES[k]} ${x} is not a finite number`);
      ok = false;
    }
  }
  if (!ok) return null;
  const [lon, lat] = v as number[];
  if (lon < -180 || lon > 180) s.add(`${path}[0]`, `longitude ${lon} is outside -180..180`);
  if (lat < -90 || lat > 90) s.add(`${path}[1]`, `latitude ${lat} is outside -90..90`);
  return v as Position;
}

/** Checks an array of positions. Null if structurally broken. */
function readPositions(s: FeatureScope, v: unknown, path: string): Position[] | null {
  if (!Array.isArray(v)) {
    s.broken(path, `expected an array of positions, found ${describe(v)}`);
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
    s.broken(path, `ring has ${plural(ring.length, 'position')}; a linear ring needs at least 4`);
    ok = false;
  }
  if (ring.length > 0 && !samePosition(ring[0], ring[ring.length - 1])) {
    s.broken(
      path,
      `ring is not closed: first position ${fmtPosition(ring[0])} differs from last position ${fmtPosition(ring[ring.length - 1])}`,
    );
    ok = false;
  }
  return ok ? ring : null;
}

function readPolygon(s: FeatureScope, v: unknown, path: string, what: string): Position[][] | null {
  if (!Array.isArray(v)) {
    s.broken(path, `${what} coordinates must be an array of rings, found ${describe(v)}`);
    return null;
  }
  if (v.length === 0) {
    s.broken(path, `${what} has no rings`);
    return null;
  }
  let ok = true;
  for (let r = 0; r < v.length && !s.full; r++) {
    if (readRing(s, v[r], `${path}[${r}]`) === null) ok = false;
  }
  return ok && !s.full ? (v as Position[][]) : null;
}

/** Winding and self-intersections of one polygon whose rings are structurally valid. */
function checkPolygonShape(s: FeatureScope, rings: Position[][], path: string, schema: LayerSchema): void {
  // A ring drawn straight across the antimeridian: in longitude/latitude its edge runs the long way
  // round, so its winding and crossings mean nothing. Said as it is, before any winding message.
  let across = false;
  for (let r = 0; r < rings.length && !s.full; r++) {
    const ring = rings[r];
    let inRange = true; // a longitude outside ±180° is already reported
    for (let i = 0; i < ring.length; i++)
      if (!(Math.abs(ring[i][0]) <= 180)) {
        inRange = false;
        break;
      }
    for (let i = 0; inRange && i + 1 < ring.length; i++) {
      const jump = Math.abs(ring[i + 1][0] - ring[i][0]);
      if (jump > 180) {
        s.add(
          `${path}[${r}][${i}]`,
          `${r === 0 ? 'outer ring' : `hole (ring ${r})`} crosses the antimeridian: the edge from ${fmtPosition(ring[i])} to ${fmtPosition(ring[i + 1])} ` +
            `jumps ${Number(jump.toFixed(6))}° in longitude (more than 180°); split the polygon at ±180° into a MultiPolygon (RFC 7946 §3.1.9)`,
        );
        across = true;
        break;
      }
    }
  }
  if (across) return;
  for (let r = 0; r < rings.length && !s.full; r++) {
    const area = signedArea(rings[r]);
    if (area === 0) {
      s.add(`${path}[${r}]`, `${r === 0 ? 'outer ring' : `hole (ring ${r})`} has zero area`);
    } else if (r === 0 && area < 0) {
      if (s.lenient)
        s.notice(`${path}[0]`, 'outer ring is clockwise; it was rewound (RFC 7946 asks for counter-clockwise)');
      else s.add(`${path}[0]`, 'outer ring is clockwise; RFC 7946 requires counter-clockwise');
    } else if (r > 0 && area > 0) {
      if (s.lenient)
        s.notice(
          `${path}[${r}]`,
          `hole (ring ${r}) is counter-clockwise; it was rewound (RFC 7946 asks for clockwise)`,
        );
      else s.add(`${path}[${r}]`, `hole (ring ${r}) is counter-clockwise; RFC 7946 requires clockwise`);
    } else continue;
    if (s.lenient && area !== 0) s.lenientAccepted = true;
  }
  if (schema.checkSelfIntersections === false || s.full) return;
  const x = findFirstCrossing(rings);
  if (x) {
    const seg = (ring: number, start: number, end: number): string => `ring ${ring} segment ${start}–${end}`;
    s.add(
      `${path}[${x.ringA}][${x.startA}]`,
      `polygon self-intersects at ${fmtPosition([x.x, x.y], true)}: ${seg(x.ringA, x.startA, x.endA)} meets ${seg(x.ringB, x.startB, x.endB)}`,
    );
  }
}

/** Planar shoelace area on lon/lat (positive = counter-clockwise). */
function signedArea(ring: Position[]): number {
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return sum / 2;
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
    const ring = rings[r];
    ringFirst.push(n);
    let prev = 0;
    for (let i = 1; i < ring.length; i++) {
      if (ring[i][0] === ring[prev][0] && ring[i][1] === ring[prev][1]) continue; // repeated position
      ax[n] = ring[prev][0];
      ay[n] = ring[prev][1];
      bx[n] = ring[i][0];
      by[n] = ring[i][1];
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
    minX[i] = Math.min(ax[i], bx[i]);
    maxX[i] = Math.max(ax[i], bx[i]);
    minY[i] = Math.min(ay[i], by[i]);
    maxY[i] = Math.max(ay[i], by[i]);
    if (minX[i] < gx0) gx0 = minX[i];
    if (maxX[i] > gx1) gx1 = maxX[i];
    if (minY[i] < gy0) gy0 = minY[i];
    if (maxY[i] > gy1) gy1 = maxY[i];
  }

  // Hashed uniform grid. Cells are about twice the mean segment extent, so a coastline puts a
  // few segments in each occupied cell; cells double in size while the segments would occupy more
  // than 8n cell slots in total (long segments); at most 2^24 cells along an axis (integer keys).
  let meanExtent = 0;
  for (let i = 0; i < n; i++) meanExtent += Math.max(maxX[i] - minX[i], maxY[i] - minY[i]);
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
      cx0[i] = size === Infinity ? 0 : Math.floor((minX[i] - gx0) / size);
      cx1[i] = size === Infinity ? 0 : Math.floor((maxX[i] - gx0) / size);
      cy0[i] = size === Infinity ? 0 : Math.floor((minY[i] - gy0) / size);
      cy1[i] = size === Infinity ? 0 : Math.floor((maxY[i] - gy0) / size);
      slots += (cx1[i] - cx0[i] + 1) * (cy1[i] - cy0[i] + 1);
    }
    if (slots <= 8 * n || size >= span) break;
    size *= 2;
  }
  const stride = 2 ** 25; // > number of cells along an axis
  // The cells' segment lists in flat typed arrays (an open-addressing hash from cell to a compact cell
  // number, then counts, offsets and entries): no per-cell arrays for the collector to chase, which
  // took most of the time for a million segments.
  let slotCount = 0;
  for (let i = 0; i < n; i++) slotCount += (cx1[i] - cx0[i] + 1) * (cy1[i] - cy0[i] + 1);
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
      const k = hashKey[h];
      if (k === key) return hashCell[h];
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
    for (let cy = cy0[i]; cy <= cy1[i]; cy++) {
      for (let cx = cx0[i]; cx <= cx1[i]; cx++) cellOfSlot[slot++] = cellOf(cx, cy, true);
    }
  }
  const cellStart = new Int32Array(cellCount + 1);
  for (let k = 0; k < slotCount; k++) cellStart[cellOfSlot[k] + 1]++;
  for (let c = 0; c < cellCount; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cellCount);
  const entries = new Int32Array(slotCount);
  slot = 0;
  for (let i = 0; i < n; i++) {
    for (let cy = cy0[i]; cy <= cy1[i]; cy++) {
      for (let cx = cx0[i]; cx <= cx1[i]; cx++) entries[fill[cellOfSlot[slot++]]++] = i; // ascending, since i ascends
    }
  }

  const point = [0, 0];
  for (let g = 0; g < n; g++) {
    let best = -1;
    let bestX = 0;
    let bestY = 0;
    const rg = ringOf[g];
    for (let cy = cy0[g]; cy <= cy1[g]; cy++) {
      for (let cx = cx0[g]; cx <= cx1[g]; cx++) {
        const cell = cellOf(cx, cy, false); // g itself is in it
        const first = cellStart[cell],
          end = cellStart[cell + 1];
        // first entry > g (binary search), then ascending until `best`
        let lo = first;
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (entries[mid] <= g) lo = mid + 1;
          else hi = mid;
        }
        for (let e = lo; e < end; e++) {
          const k = entries[e];
          if (best !== -1 && k >= best) break;
          if (ringOf[k] === rg && (k === g + 1 || (g === ringFirst[rg] && k === ringLast[rg]))) continue;
          if (maxX[k] < minX[g] || minX[k] > maxX[g] || maxY[k] < minY[g] || minY[k] > maxY[g]) continue;
          if (segmentsIntersect(ax[g], ay[g], bx[g], by[g], ax[k], ay[k], bx[k], by[k], point)) {
            best = k;
            bestX = point[0];
            bestY = point[1];
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
        startA: startIdx[g],
        endA: endIdx[g],
        ringB: ringOf[best],
        startB: startIdx[best],
        endB: endIdx[best],
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
      const [px, py] = candidates[i];
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
      s.add(p, `missing required property ${quote(key)}`);
      continue;
    }
    const v = props[key];
    if (v === null) s.add(p, `missing required property ${quote(key)} (it is null)`);
    else if (v === '') s.add(p, `missing required property ${quote(key)} (it is an empty string)`);
    else if (key === 'id' && typeof v !== 'string')
      s.add(p, `property "id" must be a non-empty string, found ${describe(v)}`);
  }
  const id = props !== null ? own(props, 'id') : undefined;
  if (typeof id !== 'string' || id === '' || s.full) return;
  const idPath = propertyPath(path, 'id');
  const first = firstIndexOfId.get(id);
  if (first !== undefined) {
    s.add(idPath, `duplicate id ${quote(id)} (already used by feature #${first})`);
  } else {
    firstIndexOfId.set(id, s.index);
  }
  if (allowed !== null && !allowed.has(id)) {
    const list = [...allowed].slice(0, 12).map(quote).join(', ') + (allowed.size > 12 ? ', …' : '');
    s.add(idPath, `unknown id ${quote(id)}; expected one of ${list}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function fileFailure(file: string, message: string): ValidationResult {
  return { ok: false, problems: [{ file, featureIndex: null, featureId: null, path: '', message }] };
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
