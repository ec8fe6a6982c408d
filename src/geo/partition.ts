/**
 * The partition solver: where must a straight line at a given bearing cross a territory so that the
 * side facing Hokkaido holds a given share of its area?
 *
 * Method. The territory is projected once onto an ellipsoidal Lambert azimuthal equal-area plane
 * centred on it, so planar areas are WGS84 areas. For a cut direction d with normal n, let
 * u = n·p. The area A(t) of {u < t} ∩ territory is continuous and non-decreasing in t for any
 * polygon (concave, holes, several parts), and by Green's theorem it can be evaluated in one pass
 * over the edges without building any polygon:
 *   A(t) = ½ Σ (u₁v₂ − u₂v₁) over the parts of edges with u < t  +  ½ t (Σ v_entries − Σ v_exits),
 * the second term being the boundary along the cut line, whatever the order of its pieces.
 * Its derivative is the chord length on the line u = t. A Newton iteration safeguarded by bisection
 * then converges in a few passes. Finally each side is clipped exactly (rings joined along the
 * line), the new vertices are unprojected, and the line is densified to at most 200 m steps.
 */
import type { MultiPolygon, Polygon, Position, LineString } from 'geojson';
import { laea, type Laea } from './laea.ts';
import { inverse, WGS84 } from './geodesic.ts';
import { signedPlanarArea } from './rings.ts';

/** Cape Nosappu, Hokkaido's eastern tip (43.385 N, 145.817 E). */
export const CAPE_NOSAPPU: Position = [145.817, 43.385];
/** Maximum spacing of the vertices of the reported line and of the parts' cut edges. */
export const MAX_LINE_STEP_M = 200;

interface PreparedRing {
  /** Projected coordinates, without the closing vertex. */
  x: Float64Array;
  y: Float64Array;
  /** Original longitude/latitude, without the closing vertex. */
  lonlat: Position[];
}

export interface PreparedTerritory {
  readonly projection: Laea;
  /** polygons[i][0] is an outer ring (counter-clockwise in the plane), the rest are holes. */
  readonly polygons: PreparedRing[][];
  readonly areaM2: number;
  /**
   * The territory's vertex nearest to the anchor target (Cape Nosappu unless told otherwise), projected:
   * the side rule (see japanSideFrame) gives Japan the side of the line that holds it.
   */
  readonly anchor: [number, number];
  /** The same vertex in longitude/latitude. */
  readonly anchorLonLat: Position;
  /** Ground bearing (degrees, 0-180) of the territory's long axis (principal axis of its area). */
  readonly longAxisBearingDeg: number;
  /**
   * The territory lies across the antimeridian (given in RFC 7946 form, split at ±180°): its western
   * longitudes were unwrapped by +360° (the rings' lonlat run past 180°). The parts a solve returns are
   * RFC 7946 again (see solvePartition); anchorLonLat is within ±180°.
   */
  readonly unwrapped?: boolean;
}

export class PartitionInputError extends Error {
  override name = 'PartitionInputError';
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new PartitionInputError('territory must be a Polygon or MultiPolygon');
  }
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) throw new PartitionInputError('territory has no polygons');
  return polys;
}

export interface PrepareOptions {
  /** The point whose nearest territory vertex decides Japan's side (the "anchor"); default Cape Nosappu. */
  anchorTarget?: Position;
}

/** Projects the territory once; every solve at any bearing and target reuses it. */
export function prepareTerritory(geometry: Polygon | MultiPolygon, options: PrepareOptions = {}): PreparedTerritory {
  let polys = polygonsOf(geometry);
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  // The same extent with western longitudes unwrapped by +360° (for a territory across ±180°).
  let minLonE = Infinity,
    maxLonE = -Infinity;
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) throw new PartitionInputError('a polygon has no rings');
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4) throw new PartitionInputError('a ring has fewer than 4 positions');
      let prevLon = NaN;
      for (const p of ring) {
        if (!Array.isArray(p)) throw new PartitionInputError(`invalid position ${String(p)}`);
        const lon = p[0],
          lat = p[1];
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          throw new PartitionInputError(`invalid coordinate [${lon}, ${lat}]`);
        }
        if (Math.abs(lon - prevLon) > 180) {
          throw new PartitionInputError(
            `a ring crosses the antimeridian: an edge jumps from longitude ${prevLon} to ${lon} (more than 180°); split it at ±180° (RFC 7946 §3.1.9)`,
          );
        }
        prevLon = lon;
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
        const lonE = lon < 0 ? lon + 360 : lon;
        if (lonE < minLonE) minLonE = lonE;
        if (lonE > maxLonE) maxLonE = lonE;
      }
    }
  }
  // Parts on both sides of ±180° (RFC 7946 §3.1.9): measured as one territory, western longitudes + 360°.
  const unwrapped = maxLon - minLon > 180 && maxLonE - minLonE < maxLon - minLon;
  if (unwrapped) {
    minLon = minLonE;
    maxLon = maxLonE;
    polys = polys.map((poly) => poly.map((ring) => ring.map((p) => (p[0] < 0 ? [p[0] + 360, p[1]] : p))));
  }
  if (maxLon - minLon > 20 || maxLat - minLat > 20) {
    throw new PartitionInputError('territory spans more than 20° : too large for a straight-line partition');
  }
  const projection = laea([(minLon + maxLon) / 2, (minLat + maxLat) / 2]);
  const polygons: PreparedRing[][] = [];
  let areaM2 = 0,
    grossM2 = 0;
  for (const poly of polys) {
    const rings: PreparedRing[] = [];
    poly.forEach((ring, ri) => {
      let pts = ring.slice(0, ring.length - 1);
      const last = ring[ring.length - 1];
      if (last[0] !== ring[0][0] || last[1] !== ring[0][1]) pts = ring.slice();
      pts = densifyLongEdges(pts);
      // Outer rings counter-clockwise, holes clockwise, whatever the input's winding.
      if (signedPlanarArea(pts) > 0 !== (ri === 0)) pts = pts.reverse();
      const x = new Float64Array(pts.length),
        y = new Float64Array(pts.length);
      pts.forEach((p, i) => {
        [x[i], y[i]] = projection.forward(p[0], p[1]);
      });
      rings.push({ x, y, lonlat: pts });
      const a = shoelace(x, y);
      areaM2 += a;
      grossM2 += Math.abs(a);
    });
    polygons.push(rings);
  }
  // Holes cancelling their outer ring leave only rounding residue: no area either.
  if (!(areaM2 > 1e-9 * grossM2)) throw new PartitionInputError('territory has no area');
  const nearest = nearestVertexTo(polygons, options.anchorTarget ?? CAPE_NOSAPPU);
  return {
    projection,
    polygons,
    areaM2,
    anchor: nearest.xy,
    anchorLonLat: unwrapped ? wrapPosition(nearest.lonlat) : nearest.lonlat,
    longAxisBearingDeg: longAxis(polygons, projection, areaM2),
    unwrapped,
  };
}

/**
 * The same prepared territory with another anchor target: only the anchor (its vertex nearest the
 * target) changes, so a large territory is not projected again.
 */
export function withAnchorTarget(prep: PreparedTerritory, anchorTarget: Position = CAPE_NOSAPPU): PreparedTerritory {
  const nearest = nearestVertexTo(prep.polygons, anchorTarget);
  return { ...prep, anchor: nearest.xy, anchorLonLat: prep.unwrapped ? wrapPosition(nearest.lonlat) : nearest.lonlat };
}

/** A longitude back within ±180° (180 stays 180). */
function wrapLon(lon: number): number {
  return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
}
const wrapPosition = (p: Position): Position => [wrapLon(p[0]), p[1]];

/**
 * The parts of an unwrapped territory as RFC 7946 again. Every polygon of such a territory lies on one
 * side of 180° (the input was split there, and a ring jumping across is refused), and so do its
 * clipped pieces: a ring east of 180° is shifted back by −360°; rounding beyond ±180° is clamped.
 */
function rewrapParts(mp: MultiPolygon | null): MultiPolygon | null {
  if (!mp) return mp;
  return {
    type: 'MultiPolygon',
    coordinates: mp.coordinates.map((poly) =>
      poly.map((ring) => {
        let east = false;
        for (const p of ring)
          if (p[0] > 180 + 1e-9) {
            east = true;
            break;
          }
        return ring.map((p) => {
          const lon = east ? p[0] - 360 : p[0];
          return [lon > 180 ? 180 : lon < -180 ? -180 : lon, p[1]];
        });
      }),
    ),
  };
}

/**
 * The cut line of an unwrapped territory: one LineString with continuous longitudes, shifted into ±180°
 * when it lies wholly on one side; when it crosses the antimeridian its eastern end keeps longitudes
 * past 180° (e.g. 180.3), so it still draws and measures as one line.
 */
function rewrapLine(line: LineString | null): LineString | null {
  if (!line) return line;
  let min = Infinity;
  for (const p of line.coordinates) if (p[0] < min) min = p[0];
  if (min <= 180) return line;
  return { type: 'LineString', coordinates: line.coordinates.map((p) => [p[0] - 360, p[1]]) };
}

/** Longest edge the solver takes as given; longer edges get vertices along their WGS84 geodesic. */
export const MAX_EDGE_M = 2000;

/**
 * The solver treats an edge as straight in its equal-area plane, the rest of the project (and
 * GeographicLib) as a geodesic. They differ by a lens that grows with the cube of the edge length:
 * negligible at 2 km, 3e-6 of the area for a 1°×0.5° rectangle. So long edges are split first.
 */
function densifyLongEdges(ring: Position[]): Position[] {
  const out: Position[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i],
      b = ring[(i + 1) % n];
    out.push(a);
    // Cheap bound first: most coastline edges are far shorter than the limit.
    const dLat = (b[1] - a[1]) * 111_000,
      dLon = (b[0] - a[0]) * 111_000 * Math.cos((a[1] * Math.PI) / 180);
    if (Math.hypot(dLat, dLon) < MAX_EDGE_M * 0.9) continue;
    const line = WGS84.InverseLine(a[1], a[0], b[1], b[0]);
    const steps = Math.ceil(line.s13 / MAX_EDGE_M);
    for (let k = 1; k < steps; k++) {
      const q = line.Position((line.s13 * k) / steps);
      out.push([unroll(q.lon2!, a[0]), q.lat2!]);
    }
  }
  return out;
}

/**
 * GeographicLib gives longitudes within ±180°; a vertex it places on an edge of an unwrapped
 * territory (longitudes past 180°) is put back beside the edge's own vertices.
 */
function unroll(lon: number, near: number): number {
  return lon + 360 * Math.round((near - lon) / 360);
}

function shoelace(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0, n = x.length; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    s += x[i] * y[j] - x[j] * y[i];
  }
  return s / 2;
}

function nearestVertexTo(polygons: PreparedRing[][], target: Position): { xy: [number, number]; lonlat: Position } {
  // The WGS84 geodesic distance is the rule; a great-circle distance bounds it (the ellipsoid's scale
  // is within 0.6 % of a 6,371 km sphere's everywhere, taken as 1 % here), so only vertices whose lower
  // bound is within the smallest upper bound are measured, in their order: the same vertex, found in
  // far fewer geodesic computations on a large territory.
  const DEG = Math.PI / 180;
  const lat0 = target[1] * DEG,
    lon0 = target[0] * DEG,
    c0 = Math.cos(lat0);
  let count = 0;
  for (const poly of polygons) count += poly[0].x.length;
  const sigma = new Float64Array(count);
  let k = 0,
    minSigma = Infinity;
  for (const poly of polygons) {
    const r = poly[0];
    for (let i = 0; i < r.x.length; i++, k++) {
      const p = r.lonlat[i];
      const lat = p[1] * DEG,
        sLat = Math.sin((lat - lat0) / 2),
        sLon = Math.sin((p[0] * DEG - lon0) / 2);
      const h = sLat * sLat + c0 * Math.cos(lat) * sLon * sLon;
      sigma[k] = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
      if (sigma[k] < minSigma) minSigma = sigma[k];
    }
  }
  const cutoff = (minSigma * 1.01) / 0.99 + 1e-12;
  let best = { xy: [0, 0] as [number, number], lonlat: target };
  let bestD = Infinity;
  k = 0;
  for (const poly of polygons) {
    const r = poly[0];
    for (let i = 0; i < r.x.length; i++, k++) {
      if (sigma[k] > cutoff) continue;
      const d = inverse(target, r.lonlat[i]).distanceM;
      if (d < bestD) {
        bestD = d;
        best = { xy: [r.x[i], r.y[i]], lonlat: r.lonlat[i] };
      }
    }
  }
  return best;
}

/** Principal axis of the area's second moments, as a ground bearing in [0, 180). */
function longAxis(polygons: PreparedRing[][], projection: Laea, areaM2: number): number {
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  for (const poly of polygons)
    for (const r of poly) {
      for (let i = 0, n = r.x.length; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        const x0 = r.x[i],
          y0 = r.y[i],
          x1 = r.x[j],
          y1 = r.y[j];
        const c = x0 * y1 - x1 * y0;
        sx += (x0 + x1) * c;
        sy += (y0 + y1) * c;
        sxx += (x0 * x0 + x0 * x1 + x1 * x1) * c;
        syy += (y0 * y0 + y0 * y1 + y1 * y1) * c;
        sxy += (x0 * y1 + 2 * x0 * y0 + 2 * x1 * y1 + x1 * y0) * c;
      }
    }
  const cx = sx / (6 * areaM2),
    cy = sy / (6 * areaM2);
  const ixx = sxx / 12 - areaM2 * cx * cx,
    iyy = syy / 12 - areaM2 * cy * cy,
    ixy = sxy / 24 - areaM2 * cx * cy;
  const theta = 0.5 * Math.atan2(2 * ixy, ixx - iyy); // angle of the major axis from the x axis
  return planeDirectionToBearing(projection, [Math.cos(theta), Math.sin(theta)]);
}

/** A line's bearing, which has no direction, in [0, 180): -90 → 90, 225 → 45. */
export function normalizeBearing(b: number): number {
  if (b >= 0 && b < 180) return b; // as given: 157.34 must not come back as 157.34000000000003
  const r = ((b % 180) + 180) % 180;
  return r === 180 ? 0 : r; // (-1e-15 % 180) + 180 rounds to 180
}
const norm180 = normalizeBearing;

/** Geodesic azimuth of a line at its middle (between the two vertices around it), in [0, 180). */
export function measuredBearingDeg(line: LineString): number | null {
  const c = line.coordinates;
  if (c.length < 2) return null;
  const mid = Math.max(1, Math.floor(c.length / 2));
  return normalizeBearing(inverse(c[mid - 1], c[mid]).azimuthDeg);
}

/** Unit direction in the plane, at the projection centre, of a ground bearing. */
function bearingToPlaneDirection(projection: Laea, bearingDeg: number): [number, number] {
  const c = projection.center;
  const g = WGS84.Direct(c[1], c[0], bearingDeg, 1000);
  const [x, y] = projection.forward(g.lon2!, g.lat2!);
  const [x0, y0] = projection.forward(c[0], c[1]);
  const l = Math.hypot(x - x0, y - y0);
  return [(x - x0) / l, (y - y0) / l];
}

function planeDirectionToBearing(projection: Laea, d: [number, number]): number {
  const c = projection.center;
  const [lon, lat] = projection.inverse(d[0] * 1000, d[1] * 1000);
  return norm180(inverse(c, [lon, lat]).azimuthDeg);
}

export type PartitionTarget = { fraction: number } | { areaKm2: number };

export interface PartitionResult {
  /** The bearing asked for, as given (any finite number of degrees). */
  requestedBearingDeg: number;
  /** The requested bearing normalised to [0, 180): the line's direction in the solver's plane. */
  bearingDeg: number;
  /**
   * The geodesic azimuth (WGS84) of the line at its midpoint, in [0, 180): what the line measures on
   * the ground. It differs from the request by the projection's small shear (a few tenths of a degree).
   */
  measuredBearingDeg: number | null;
  /** Whether Japan's part holds the anchor (see japanSideFrame); false only when no line at this bearing can. */
  anchorOnJapanSide: boolean;
  targetFraction: number;
  /** Achieved share of the territory on the side facing Hokkaido (ellipsoidal areas). */
  fraction: number;
  japanSideKm2: number;
  otherSideKm2: number;
  totalKm2: number;
  /** The side facing Hokkaido and the other side, as MultiPolygons (null when empty). */
  japanSide: MultiPolygon | null;
  otherSide: MultiPolygon | null;
  /** The cut line across the whole territory (extended 500 m beyond it), vertices ≤ 200 m apart; null for 0 or 1. */
  line: LineString | null;
  lineLengthKm: number;
  /** The land border: the length of the line inside the territory (geodesic, summed over its pieces). */
  borderLengthKm: number;
  /** Offset of the line along the normal, metres in the projection plane (for diagnostics). */
  offsetM: number;
  iterations: number;
  /** The cut's frame in the projection plane; with offsetM it decides the side of any point. */
  frame: Frame | null;
}

export interface Frame {
  nx: number;
  ny: number;
  dx: number;
  dy: number;
}

/** Area (m²) of the territory on the side u < t, and the chord length on u = t. One pass. */
function areaBelow(polygons: PreparedRing[][], f: Frame, t: number): { area: number; chord: number } {
  let twiceArea = 0,
    vIn = 0,
    vOut = 0;
  const { nx, ny, dx, dy } = f;
  for (const poly of polygons)
    for (const r of poly) {
      const xs = r.x,
        ys = r.y,
        n = xs.length;
      let u0 = nx * xs[n - 1] + ny * ys[n - 1];
      let v0 = dx * xs[n - 1] + dy * ys[n - 1];
      for (let i = 0; i < n; i++) {
        const u1 = nx * xs[i] + ny * ys[i];
        const v1 = dx * xs[i] + dy * ys[i];
        const in0 = u0 < t,
          in1 = u1 < t;
        if (in0 && in1) {
          twiceArea += u0 * v1 - u1 * v0;
        } else if (in0 !== in1) {
          const s = (t - u0) / (u1 - u0);
          const vc = v0 + s * (v1 - v0);
          if (in0) {
            twiceArea += u0 * vc - t * v0;
            vOut += vc;
          } else {
            twiceArea += t * v1 - u1 * vc;
            vIn += vc;
          }
        }
        u0 = u1;
        v0 = v1;
      }
    }
  // The cut pieces run from each exit to an entry along u = t: ½ t (v_entry − v_exit) each.
  twiceArea += t * (vIn - vOut);
  // (u, v) is a left-handed frame when n × d < 0; areas flip sign with it.
  const hand = nx * dy - ny * dx > 0 ? 1 : -1;
  return { area: (hand * twiceArea) / 2, chord: Math.abs(vIn - vOut) };
}

/**
 * The side rule, defined here once: Japan's part is the side of the line that holds the territory's
 * anchor (its vertex nearest Cape Nosappu, or nearest the point the user chose). For a cut direction,
 * let q be the share of the territory's area lying before the anchor along the normal. Japan's part is
 * {u < t}; the normal is oriented so that q ≤ ½. Then, whenever some line at this bearing can give the
 * anchor's side the target share f (that is, min(q, 1 − q) ≤ f), this orientation is one that does, and
 * Japan's part grows with f without ever changing ends. When no line at this bearing can (a narrow
 * anchor end cut lengthwise with a small share), Japan's part is the strip on the anchor's side of
 * the median line, and the result says so (anchorOnJapanSide false). The orientation depends on the
 * bearing only, never on the share.
 */
export function japanSideFrame(prep: PreparedTerritory, bearingDeg: number): { frame: Frame; anchorRank: number } {
  const [dx, dy] = bearingToPlaneDirection(prep.projection, bearingDeg);
  const f: Frame = { nx: -dy, ny: dx, dx, dy };
  const ua = f.nx * prep.anchor[0] + f.ny * prep.anchor[1];
  const q = areaBelow(prep.polygons, f, ua).area / prep.areaM2;
  if (q <= 0.5) return { frame: f, anchorRank: q };
  return { frame: { nx: -f.nx, ny: -f.ny, dx, dy }, anchorRank: 1 - q };
}

function uRange(prep: PreparedTerritory, f: Frame): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const poly of prep.polygons)
    for (let i = 0; i < poly[0].x.length; i++) {
      const u = f.nx * poly[0].x[i] + f.ny * poly[0].y[i];
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
  return [lo, hi];
}

/** Length (plane metres) of the line u = t inside the territory: the land border, before unprojection. */
export function chordLengthM(prep: PreparedTerritory, frame: Frame, t: number): number {
  return areaBelow(prep.polygons, frame, t).chord;
}

/** Relative tolerance on the area, as a fraction of the territory. */
export const AREA_TOLERANCE = 1e-9;

/** Solves for the offset only (no clipping): used by the benchmark's inner loop and by solvePartition. */
export function solveOffset(
  prep: PreparedTerritory,
  bearingDeg: number,
  fraction: number,
): { frame: Frame; t: number; iterations: number; lo: number; hi: number; anchorRank: number } {
  const { frame, anchorRank } = japanSideFrame(prep, bearingDeg);
  let [lo, hi] = uRange(prep, frame);
  const uMin = lo,
    uMax = hi;
  const target = fraction * prep.areaM2;
  const tol = AREA_TOLERANCE * prep.areaM2;
  let t = lo + fraction * (hi - lo);
  let iterations = 0;
  let step = hi - lo,
    stepBefore = step;
  for (; iterations < 200; iterations++) {
    const { area, chord } = areaBelow(prep.polygons, frame, t);
    const err = area - target;
    if (Math.abs(err) <= tol) break;
    if (err < 0) lo = t;
    else hi = t;
    // Newton step from the chord length; fall back to bisection when it leaves the bracket or
    // is not at least halving the step before last (else Newton can cycle between two points).
    let next = chord > 0 ? t - err / chord : NaN;
    if (!(next > lo && next < hi) || Math.abs(next - t) > 0.5 * Math.abs(stepBefore)) next = (lo + hi) / 2;
    stepBefore = step;
    step = next - t;
    if (hi - lo < 1e-9) {
      t = next;
      break;
    }
    t = next;
  }
  return { frame, t, iterations: iterations + 1, lo: uMin, hi: uMax, anchorRank };
}

export function solvePartition(prep: PreparedTerritory, bearingDeg: number, target: PartitionTarget): PartitionResult {
  if (!Number.isFinite(bearingDeg))
    throw new PartitionInputError(`bearing must be a finite number of degrees, got ${bearingDeg}`);
  const totalKm2 = prep.areaM2 / 1e6;
  const fraction = 'fraction' in target ? target.fraction : target.areaKm2 / totalKm2;
  if (!Number.isFinite(fraction)) throw new PartitionInputError('target must be a finite number');
  if (fraction < 0 || fraction > 1 + 1e-12) {
    throw new PartitionInputError(
      `target ${'fraction' in target ? `fraction ${fraction}` : `${target.areaKm2} km²`} is outside 0..1 of the territory (${totalKm2.toFixed(2)} km²)`,
    );
  }
  const bearing = normalizeBearing(bearingDeg);
  const whole = toMultiPolygon(prep.polygons.map((poly) => poly.map((r) => closed(r.lonlat))));
  const parts = (mp: MultiPolygon | null) => (prep.unwrapped ? rewrapParts(mp) : mp);
  if (fraction <= 0 || fraction >= 1) {
    const toJapan = fraction >= 1;
    return {
      requestedBearingDeg: bearingDeg,
      bearingDeg: bearing,
      measuredBearingDeg: null,
      anchorOnJapanSide: toJapan,
      targetFraction: Math.min(1, fraction),
      fraction: toJapan ? 1 : 0,
      japanSideKm2: toJapan ? totalKm2 : 0,
      otherSideKm2: toJapan ? 0 : totalKm2,
      totalKm2,
      japanSide: toJapan ? parts(whole) : null,
      otherSide: toJapan ? null : parts(whole),
      line: null,
      lineLengthKm: 0,
      borderLengthKm: 0,
      offsetM: NaN,
      iterations: 0,
      frame: null,
    };
  }
  const { frame, t, iterations, anchorRank } = solveOffset(prep, bearing, fraction);
  const japanArea = areaBelow(prep.polygons, frame, t).area;
  if (Math.abs(japanArea - fraction * prep.areaM2) > 1e-7 * prep.areaM2) {
    throw new Error(
      `partition: no line at ${bearing.toFixed(2)}° meets ${(fraction * 100).toFixed(4)} % (best ${((japanArea / prep.areaM2) * 100).toFixed(4)} %)`,
    );
  }
  const clipper = new HalfPlaneClipper(prep, frame, t);
  const japanSide = clipper.clip(1);
  const otherSide = clipper.clip(-1);
  const line = clipper.line();
  if (prep.unwrapped) line.geometry = rewrapLine(line.geometry);
  return {
    requestedBearingDeg: bearingDeg,
    bearingDeg: bearing,
    measuredBearingDeg: line.geometry ? measuredBearingDeg(line.geometry) : null,
    // The anchor's own side holds share ≥ anchorRank (japanSideFrame); ties go to Japan's part.
    anchorOnJapanSide: anchorRank <= fraction,
    targetFraction: fraction,
    fraction: japanArea / prep.areaM2,
    japanSideKm2: japanArea / 1e6,
    otherSideKm2: (prep.areaM2 - japanArea) / 1e6,
    totalKm2,
    japanSide: parts(japanSide),
    otherSide: parts(otherSide),
    line: line.geometry,
    lineLengthKm: line.lengthKm,
    borderLengthKm: clipper.borderLengthM / 1000,
    offsetM: t,
    iterations,
    frame,
  };
}

/**
 * Which side of the cut a point lies on: the same half-plane test the partition used, so a point
 * on the territory is on the side whose part contains it. For the trivial 0 and 1 cases every
 * point goes to the side that holds the whole territory.
 */
export function sideOfPoint(prep: PreparedTerritory, result: PartitionResult, lonlat: Position): 'japan' | 'other' {
  if (!result.frame) return result.fraction >= 1 ? 'japan' : 'other';
  const [x, y] = prep.projection.forward(lonlat[0], lonlat[1]);
  return result.frame.nx * x + result.frame.ny * y < result.offsetM ? 'japan' : 'other';
}

const closed = (ring: Position[]): Position[] => [...ring, ring[0]];

function toMultiPolygon(polys: Position[][][]): MultiPolygon | null {
  return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
}

interface Crossing {
  v: number;
  x: number;
  y: number;
  lonlat: Position;
  exit: boolean;
  chain: Chain | null;
}
interface Chain {
  points: Position[];
  start: Crossing;
  end: Crossing;
}

/**
 * Exact clip of the territory by the half-plane u < t (side = 1) or u > t (side = -1).
 * Vertices exactly on the line count as outside on both sides, so both sides cross there alike.
 */
class HalfPlaneClipper {
  private readonly cache = new Map<string, Position>();
  private minV = Infinity;
  private maxV = -Infinity;
  /** Geodesic length of the line's pieces inside the territory (set by clip). */
  borderLengthM = 0;

  constructor(
    private prep: PreparedTerritory,
    private f: Frame,
    private t: number,
  ) {}

  private unprojectOnLine(v: number): Position {
    const { nx, ny, dx, dy } = this.f;
    const t = this.t;
    // p = t n + v d  (n and d are orthonormal).
    return this.prep.projection.inverse(t * nx + v * dx, t * ny + v * dy);
  }

  clip(side: 1 | -1): MultiPolygon | null {
    const { nx, ny, dx, dy } = this.f;
    const t = this.t;
    const u = (x: number, y: number) => side * (nx * x + ny * y - t);
    const outers: Position[][] = [];
    const holes: Position[][] = [];
    for (const poly of this.prep.polygons) {
      const crossings: Crossing[] = [];
      const chains: Chain[] = [];
      poly.forEach((r) => {
        const n = r.x.length;
        const ins: boolean[] = new Array(n);
        let anyIn = false,
          allIn = true;
        for (let i = 0; i < n; i++) {
          ins[i] = u(r.x[i], r.y[i]) < 0;
          anyIn ||= ins[i];
          allIn &&= ins[i];
        }
        if (!anyIn) return;
        if (allIn) {
          (r === poly[0] ? outers : holes).push(closed(r.lonlat));
          return;
        }
        // Start walking at a vertex that is outside, so every chain is entry → … → exit.
        const start = ins.findIndex((b) => !b);
        let current: Chain | null = null;
        for (let k = 0; k < n; k++) {
          const i = (start + k) % n,
            j = (i + 1) % n;
          if (ins[i]) current!.points.push(r.lonlat[i]);
          if (ins[i] !== ins[j]) {
            const ui = nx * r.x[i] + ny * r.y[i],
              uj = nx * r.x[j] + ny * r.y[j];
            const s = (t - ui) / (uj - ui);
            const x = r.x[i] + s * (r.x[j] - r.x[i]),
              y = r.y[i] + s * (r.y[j] - r.y[i]);
            const v = dx * x + dy * y;
            const c: Crossing = { v, x, y, lonlat: this.lonlatAt(r, i, j, s), exit: ins[i], chain: null };
            crossings.push(c);
            this.minV = Math.min(this.minV, v);
            this.maxV = Math.max(this.maxV, v);
            if (!ins[i]) {
              current = { points: [c.lonlat], start: c, end: c };
              c.chain = current;
              chains.push(current);
            } else {
              current!.points.push(c.lonlat);
              current!.end = c;
              c.chain = current;
              current = null;
            }
          }
        }
      });
      // Along the line, inside intervals alternate: pair crossings in v order; each pair joins an
      // exit to an entry. Following chain → cut → chain closes every ring of the clipped polygon.
      crossings.sort((a, b) => a.v - b.v);
      const nextEntry = new Map<Crossing, Crossing>();
      if (side === 1)
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          this.borderLengthM += inverse(crossings[k].lonlat, crossings[k + 1].lonlat).distanceM;
        }
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const a = crossings[k],
          b = crossings[k + 1];
        if (a.exit && !b.exit) nextEntry.set(a, b);
        else if (b.exit && !a.exit) nextEntry.set(b, a);
        else throw new Error('partition: inconsistent crossings (self-intersecting input?)');
      }
      const used = new Set<Chain>();
      for (const chain of chains) {
        if (used.has(chain)) continue;
        const ring: Position[] = [];
        let c: Chain = chain;
        for (let guard = 0; guard <= chains.length; guard++) {
          used.add(c);
          // Loops, not push(...): spreading a 300,000-point chain overflows the call stack.
          for (const p of c.points) ring.push(p);
          const entry = nextEntry.get(c.end)!;
          for (const p of this.densify(c.end, entry)) ring.push(p);
          c = entry.chain!;
          if (c === chain) break;
        }
        const closedRing = dedupe(closed(ring));
        if (closedRing.length < 4) continue;
        // A line that grazes a vertex pointing across it leaves a ring [crossing, vertex, crossing]
        // of no area; measured relative to its first vertex so rounding of large coordinates cannot hide it.
        const a = areaAbout(closedRing);
        if (Math.abs(a) < NEGLIGIBLE_DEG2) continue;
        (a > 0 ? outers : holes).push(closedRing);
      }
    }
    return assemble(outers, holes);
  }

  /**
   * A crossing on edge i→j, placed on the WGS84 geodesic between the two vertices (at the fraction
   * found in the plane) so that the two pieces of the edge add up exactly to the original edge.
   * Cached, so both sides share the very same vertex.
   */
  private lonlatAt(r: PreparedRing, i: number, j: number, s: number): Position {
    if (s <= 0) return r.lonlat[i];
    if (s >= 1) return r.lonlat[j];
    const key = `${r.x[i]},${r.y[i]},${r.x[j]},${r.y[j]}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const a = r.lonlat[i],
      b = r.lonlat[j];
    const g = WGS84.InverseLine(a[1], a[0], b[1], b[0]);
    const pos = g.Position(s * (g.s13 ?? 0));
    const p: Position = [unroll(pos.lon2!, a[0]), pos.lat2!];
    this.cache.set(key, p);
    return p;
  }

  /**
   * Points on the line at v = k × GRID_STEP_M, unprojected once each and shared by both parts' cut
   * edges and the reported line: the unprojection is most of a solve's cost when the line is long.
   */
  private readonly grid = new Map<number, Position>();

  private gridPoint(k: number): Position {
    let p = this.grid.get(k);
    if (!p) {
      p = this.unprojectOnLine(k * GRID_STEP_M);
      this.grid.set(k, p);
    }
    return p;
  }

  /** Grid points strictly between two positions along the line, in the order from → to. */
  private between(fromV: number, toV: number): Position[] {
    const out: Position[] = [];
    const lo = Math.min(fromV, toV),
      hi = Math.max(fromV, toV);
    const k0 = Math.floor(lo / GRID_STEP_M) + 1,
      k1 = Math.ceil(hi / GRID_STEP_M) - 1;
    if (fromV <= toV) for (let k = k0; k <= k1; k++) out.push(this.gridPoint(k));
    else for (let k = k1; k >= k0; k--) out.push(this.gridPoint(k));
    return out;
  }

  /** Points after `from` up to `to` along the line, at most MAX_LINE_STEP_M apart; identical both ways. */
  private densify(from: Crossing, to: Crossing): Position[] {
    const out = this.between(from.v, to.v);
    out.push(to.lonlat);
    return out;
  }

  /** The whole cut line across the territory, 500 m beyond its outermost crossings. */
  line(): { geometry: LineString | null; lengthKm: number } {
    if (!(this.maxV > this.minV)) return { geometry: null, lengthKm: 0 };
    const a = this.minV - 500,
      b = this.maxV + 500;
    const coords: Position[] = [this.unprojectOnLine(a)];
    for (const p of this.between(a, b)) coords.push(p);
    coords.push(this.unprojectOnLine(b));
    for (let i = 0; i < coords.length; i++) coords[i] = [round7(coords[i][0]), round7(coords[i][1])];
    const lengthKm = inverse(coords[0], coords[coords.length - 1]).distanceM / 1000;
    return { geometry: { type: 'LineString', coordinates: coords }, lengthKm };
  }
}

/** Spacing of the shared points on the line: under MAX_LINE_STEP_M with room for rounding. */
const GRID_STEP_M = MAX_LINE_STEP_M * 0.95;

/** About 1e-8 m²: the grazing rings are ~1e-9 m wide; rounding noise about the first vertex is ~1e-22 deg². */
const NEGLIGIBLE_DEG2 = 1e-18;

/** Signed planar area in degrees², about the ring's first vertex. */
function areaAbout(ring: Position[]): number {
  const [x0, y0] = ring[0];
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return s / 2;
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Puts each hole into the outer ring that contains it (even-odd test on one of its vertices). */
function assemble(outers: Position[][], holes: Position[][]): MultiPolygon | null {
  if (!outers.length) return null;
  const polys: Position[][][] = outers.map((o) => [o]);
  for (const h of holes) {
    const idx = outers.findIndex((o) => pointInRing(midpointOfFirstEdge(h), o));
    polys[idx >= 0 ? idx : 0].push(h);
  }
  return { type: 'MultiPolygon', coordinates: polys };
}

function midpointOfFirstEdge(r: Position[]): Position {
  return [(r[0][0] + r[1][0]) / 2, (r[0][1] + r[1][1]) / 2];
}

function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i],
      [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
