/** The user's imported points: which island each lies on, and which side it falls on under an option. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sideUnderOption, type OptionResult, type ShareContext } from './shares.ts';

/** One of the user's imported points: its id, position and properties (shown as text, never run). */
export interface UserPoint {
  id: string;
  lonlat: [number, number];
  properties: Record<string, unknown>;
}

/**
 * The user's points column by column, as the page holds them: n points in a few long values instead of
 * n objects (100,000 small objects, each with its position array, cost the page's thread long garbage
 * collections). Point i has the id ids.slice(idEnds[i - 1] ?? 0, idEnds[i]), the position lonlat[2i],
 * lonlat[2i + 1], and its properties as JSON in UTF-8 at props.subarray(propEnds[i - 1] ?? 0, propEnds[i]),
 * decoded and parsed only when that point is shown. It crosses from the import worker as it is (typed arrays
 * moved, not copied). The properties are bytes, not a string, for that: as one string of 6 MB (100,000 points
 * with three properties each) they took 40–110 ms of the page's thread to receive, in one task.
 */
export interface PointSet {
  readonly n: number;
  readonly lonlat: Float64Array;
  readonly ids: string;
  readonly idEnds: Uint32Array;
  readonly props: Uint8Array;
  /** Byte offsets in props. */
  readonly propEnds: Uint32Array;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function pointSetOf(points: readonly UserPoint[]): PointSet {
  const n = points.length;
  const lonlat = new Float64Array(2 * n);
  const idEnds = new Uint32Array(n);
  const propEnds = new Uint32Array(n);
  const ids: string[] = [];
  const props: string[] = [];
  let idLength = 0;
  let propLength = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    lonlat[2 * i] = p.lonlat[0];
    lonlat[2 * i + 1] = p.lonlat[1];
    ids.push(p.id);
    idLength += p.id.length;
    idEnds[i] = idLength;
    // A MultiPoint's points share one properties object: written once per point all the same (simple, rare).
    const json = JSON.stringify(p.properties) ?? '{}';
    props.push(json);
    propLength += json.length;
  }
  // Each text written where the one before ended; a UTF-16 unit takes at most 3 bytes of UTF-8.
  let bytes = new Uint8Array(3 * propLength);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += utf8Encoder.encodeInto(props[i]!, bytes.subarray(at)).written;
    propEnds[i] = at;
  }
  if (at < bytes.length) bytes = bytes.slice(0, at);
  return { n, lonlat, ids: ids.join(''), idEnds, props: bytes, propEnds };
}

/** Several imports' points as one set, in order. */
export function concatPointSets(sets: readonly PointSet[]): PointSet {
  if (sets.length === 1) return sets[0]!;
  const n = sets.reduce((a, s) => a + s.n, 0);
  const lonlat = new Float64Array(2 * n);
  const idEnds = new Uint32Array(n);
  const propEnds = new Uint32Array(n);
  const props = new Uint8Array(sets.reduce((a, s) => a + s.props.length, 0));
  let at = 0,
    idBase = 0,
    propBase = 0;
  for (const s of sets) {
    lonlat.set(s.lonlat, 2 * at);
    props.set(s.props, propBase);
    for (let i = 0; i < s.n; i++) {
      idEnds[at + i] = idBase + s.idEnds[i]!;
      propEnds[at + i] = propBase + s.propEnds[i]!;
    }
    at += s.n;
    idBase += s.ids.length;
    propBase += s.props.length;
  }
  return { n, lonlat, ids: sets.map((s) => s.ids).join(''), idEnds, props, propEnds };
}

export const pointIdAt = (s: PointSet, i: number): string => s.ids.slice(i ? s.idEnds[i - 1] : 0, s.idEnds[i]);
export const pointLonLatAt = (s: PointSet, i: number): [number, number] => [s.lonlat[2 * i]!, s.lonlat[2 * i + 1]!];

/** Point i as one object, its properties parsed (for the one point the page shows). */
export function pointAt(s: PointSet, i: number): UserPoint {
  const props = utf8Decoder.decode(s.props.subarray(i ? s.propEnds[i - 1] : 0, s.propEnds[i]));
  return { id: pointIdAt(s, i), lonlat: pointLonLatAt(s, i), properties: JSON.parse(props) as Record<string, unknown> };
}

/** The first point with this id, or null. */
export function pointById(s: PointSet, id: string): UserPoint | null {
  for (let i = 0, start = 0; i < s.n; start = s.idEnds[i++]!)
    if (s.idEnds[i]! - start === id.length && s.ids.startsWith(id, start)) return pointAt(s, i);
  return null;
}

function islandOfPoint(ctx: ShareContext, p: UserPoint): string | null {
  for (const [id, island] of ctx.islands) if (booleanPointInPolygon(p.lonlat, island.feature.geometry)) return id;
  return null;
}

export function userPointsUnderOption(
  ctx: ShareContext,
  r: OptionResult,
  points: UserPoint[],
): { toJapan: string[]; onIslands: number } {
  const toJapan: string[] = [];
  let onIslands = 0;
  for (const p of points) {
    const id = islandOfPoint(ctx, p);
    if (!id) continue;
    onIslands++;
    if (sideUnderOption(ctx, r, id, p.lonlat) === 'japan') toJapan.push(p.id);
  }
  return { toJapan, onIslands };
}

/**
 * The user's points whose id matches what was typed, for finding one without the mouse: an exact id first,
 * then ids that start with the text, then ids that contain it (letter case ignored after the exact match),
 * each group in the order imported. At most `limit` are returned; `total` counts every match.
 */
export function findUserPoints(
  points: PointSet,
  query: string,
  limit: number,
): { matches: UserPoint[]; total: number } {
  const q = query.trim();
  if (!q) return { matches: [], total: 0 };
  const lower = q.toLowerCase();
  const exact: number[] = [];
  const prefix: number[] = [];
  const inside: number[] = [];
  let total = 0;
  // Only as many as could still be shown are kept; the rest are counted.
  const found = (i: number, at: number, exactly: boolean) => {
    if (exactly) exact.push(i);
    else if (at === 0) {
      if (prefix.length < limit) prefix.push(i);
    } else if (inside.length < limit) inside.push(i);
    total++;
  };
  const lowerIds = asciiLowerIds(points);
  if (lowerIds !== null && lower.length === q.length) {
    // Searched in the one string of all the ids, lowered once per set: no string per point. A hit is
    // placed in its id by the ids' ends (hits come in order); one that runs past its id's end is not one.
    const { idEnds, n } = points;
    let i = 0;
    for (let at = lowerIds.indexOf(lower); at >= 0 && i < n;) {
      while (idEnds[i]! <= at) i++;
      const start = i ? idEnds[i - 1]! : 0,
        end = idEnds[i]!;
      if (at + lower.length <= end) {
        // The exact id, letter case included: as long as the text, and the same in the ids as given.
        found(i, at - start, at === start && end - start === q.length && points.ids.startsWith(q, start));
        at = lowerIds.indexOf(lower, end); // counted once, however often it holds the text
      } else at = lowerIds.indexOf(lower, at + 1);
    }
  } else {
    for (let i = 0; i < points.n; i++) {
      const id = pointIdAt(points, i);
      const at = id === q ? 0 : id.toLowerCase().indexOf(lower);
      if (at >= 0) found(i, at, id === q);
    }
  }
  return { matches: [...exact, ...prefix, ...inside].slice(0, limit).map((i) => pointAt(points, i)), total };
}

/**
 * A set's ids lowered, as one string, when they are all ASCII (lowering then keeps every character in its
 * place), else null: made once per set, for findUserPoints at each keystroke.
 */
const lowerIdsCache = new WeakMap<PointSet, string | null>();
function asciiLowerIds(points: PointSet): string | null {
  let lowered = lowerIdsCache.get(points);
  if (lowered === undefined) {
    lowered = /[\u0080-\uffff]/.test(points.ids) ? null : points.ids.toLowerCase();
    lowerIdsCache.set(points, lowered);
  }
  return lowered;
}

/** A view box around one point (degrees), close enough that it is drawn alone, out of any cluster. */
export function boundsAroundPoint([lon, lat]: [number, number]): [[number, number], [number, number]] {
  const dLat = 0.004;
  const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  return [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat + dLat],
  ];
}
