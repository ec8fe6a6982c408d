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
 * line), the new vertices are unprojected, and the line is densified to at most 200 m steps (cut.ts).
 */
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { cutTerritory } from './cut.ts';
import { inverse, unrollLongitude, WGS84 } from './geodesic.ts';
import { laea, type Laea } from './laea.ts';
import { signedPlanarArea } from './rings.ts';

export { MAX_LINE_STEP_M } from './cut.ts';

/** Cape Nosappu, Hokkaido's eastern tip (43.385 N, 145.817 E). */
export const CAPE_NOSAPPU: Position = [145.817, 43.385];

export interface PreparedRing {
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
        if (
          lon === undefined ||
          lat === undefined ||
          !Number.isFinite(lon) ||
          !Number.isFinite(lat) ||
          Math.abs(lat) > 90 ||
          Math.abs(lon) > 180
        ) {
          throw new PartitionInputError(`invalid coordinate [${lon}, ${lat}]`);
        }
        if (Math.abs(lon - prevLon) > 180) {
          throw new PartitionInputError(
            `a ring crosses the antimeridian: an edge jumps from longitude ${prevLon} to ${lon} (more than 180°); ` +
              'split it at ±180° (RFC 7946 §3.1.9)',
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
    polys = polys.map((poly) => poly.map((ring) => ring.map((p) => (p[0]! < 0 ? [p[0]! + 360, p[1]!] : p))));
  }
  if (maxLon - minLon > 20 || maxLat - minLat > 20) {
    throw new PartitionInputError('territory spans more than 20° : too large for a straight-line partition');
  }
  const projection = laea([(minLon + maxLon) / 2, (minLat + maxLat) / 2]);
  const polygons: PreparedRing[][] = [];
  let areaM2 = 0,
    grossM2 = 0;
  // The territory's extent in the plane (its centre is the origin).
  let extentM = 0;
  for (const poly of polys) {
    const rings: PreparedRing[] = [];
    poly.forEach((ring, ri) => {
      let pts = ring.slice(0, ring.length - 1);
      const first = ring[0]!,
        last = ring[ring.length - 1]!;
      if (last[0] !== first[0] || last[1] !== first[1]) pts = ring.slice();
      pts = densifyLongEdges(pts);
      // Outer rings counter-clockwise, holes clockwise, whatever the input's winding.
      if (signedPlanarArea(pts) > 0 !== (ri === 0)) pts = pts.reverse();
      const x = new Float64Array(pts.length),
        y = new Float64Array(pts.length);
      const xy = pts.map((p, i) => {
        const q = projection.forward(p[0]!, p[1]!);
        x[i] = q[0];
        y[i] = q[1];
        extentM = Math.max(extentM, Math.abs(q[0]), Math.abs(q[1]));
        return q;
      });
      rings.push({ x, y, lonlat: pts });
      // About the plane's origin, the territory's centre: the projected vertices are no farther from it
      // than from any vertex.
      const a = signedPlanarArea(xy, [0, 0]);
      areaM2 += a;
      grossM2 += Math.abs(a);
    });
    polygons.push(rings);
  }
  // Holes cancelling their outer ring leave only rounding residue: no area either. So does a ring drawn
  // there and back along a line, of either sign: about 1e-16 of the extent squared per vertex.
  if (!(areaM2 > 1e-9 * grossM2) || !(areaM2 > 1e-12 * extentM * extentM)) {
    throw new PartitionInputError('territory has no area');
  }
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
const wrapPosition = (p: Position): Position => [wrapLon(p[0]!), p[1]!];

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
          if (p[0]! > 180 + 1e-9) {
            east = true;
            break;
          }
        return ring.map((p) => {
          const lon = east ? p[0]! - 360 : p[0]!;
          return [lon > 180 ? 180 : lon < -180 ? -180 : lon, p[1]!];
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
  for (const p of line.coordinates) if (p[0]! < min) min = p[0]!;
  if (min <= 180) return line;
  return { type: 'LineString', coordinates: line.coordinates.map((p) => [p[0]! - 360, p[1]!]) };
}

/** Longest edge the solver takes as given; longer edges get vertices along their WGS84 geodesic. */
const MAX_EDGE_M = 2000;

/**
 * The solver treats an edge as straight in its equal-area plane, the rest of the project (and
 * GeographicLib) as a geodesic. They differ by a lens that grows with the cube of the edge length:
 * negligible at 2 km, 3e-6 of the area for a 1°×0.5° rectangle. So long edges are split first.
 */
function densifyLongEdges(ring: Position[]): Position[] {
  const out: Position[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!,
      b = ring[(i + 1) % n]!;
    const [lonA, latA] = a as [number, number],
      [lonB, latB] = b as [number, number];
    out.push(a);
    // Cheap bound first: most coastline edges are far shorter than the limit.
    const dLat = (latB - latA) * 111_000,
      dLon = (lonB - lonA) * 111_000 * Math.cos((latA * Math.PI) / 180);
    if (Math.hypot(dLat, dLon) < MAX_EDGE_M * 0.9) continue;
    const line = WGS84.InverseLine(latA, lonA, latB, lonB);
    const steps = Math.ceil(line.s13 / MAX_EDGE_M);
    for (let k = 1; k < steps; k++) {
      const q = line.Position((line.s13 * k) / steps);
      out.push([unrollLongitude(q.lon2!, lonA), q.lat2!]);
    }
  }
  return out;
}

function nearestVertexTo(polygons: PreparedRing[][], target: Position): { xy: [number, number]; lonlat: Position } {
  // The WGS84 geodesic distance is the rule; a great-circle distance bounds it (the ellipsoid's scale
  // is within 0.6 % of a 6,371 km sphere's everywhere, taken as 1 % here), so only vertices whose lower
  // bound is within the smallest upper bound are measured, in their order: the same vertex, found in
  // far fewer geodesic computations on a large territory.
  const DEG = Math.PI / 180;
  const lat0 = target[1]! * DEG,
    lon0 = target[0]! * DEG,
    c0 = Math.cos(lat0);
  // Every prepared polygon has its outer ring.
  const outers = polygons.map((poly) => poly[0]!);
  let count = 0;
  for (const r of outers) count += r.x.length;
  const sigma = new Float64Array(count);
  let k = 0,
    minSigma = Infinity;
  for (const r of outers) {
    for (let i = 0; i < r.x.length; i++, k++) {
      const p = r.lonlat[i]!;
      const lat = p[1]! * DEG,
        sLat = Math.sin((lat - lat0) / 2),
        sLon = Math.sin((p[0]! * DEG - lon0) / 2);
      const h = sLat * sLat + c0 * Math.cos(lat) * sLon * sLon;
      const sk = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
      sigma[k] = sk;
      if (sk < minSigma) minSigma = sk;
    }
  }
  const cutoff = (minSigma * 1.01) / 0.99 + 1e-12;
  let best = { xy: [0, 0] as [number, number], lonlat: target };
  let bestD = Infinity;
  k = 0;
  for (const r of outers) {
    for (let i = 0; i < r.x.length; i++, k++) {
      if (sigma[k]! > cutoff) continue;
      const p = r.lonlat[i]!;
      const d = inverse(target, p).distanceM;
      if (d < bestD) {
        bestD = d;
        best = { xy: [r.x[i]!, r.y[i]!], lonlat: p };
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
        const x0 = r.x[i]!,
          y0 = r.y[i]!,
          x1 = r.x[j]!,
          y1 = r.y[j]!;
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

/** Geodesic azimuth of a line at its middle (between the two vertices around it), in [0, 180). */
function measuredBearingDeg(line: LineString): number | null {
  const c = line.coordinates;
  if (c.length < 2) return null;
  const mid = Math.max(1, Math.floor(c.length / 2));
  return normalizeBearing(inverse(c[mid - 1]!, c[mid]!).azimuthDeg);
}

/** Unit direction in the plane, at the projection centre, of a ground bearing. */
function bearingToPlaneDirection(projection: Laea, bearingDeg: number): [number, number] {
  const c = projection.center;
  const g = WGS84.Direct(c[1]!, c[0]!, bearingDeg, 1000);
  const [x, y] = projection.forward(g.lon2!, g.lat2!);
  const [x0, y0] = projection.forward(c[0]!, c[1]!);
  const l = Math.hypot(x - x0, y - y0);
  return [(x - x0) / l, (y - y0) / l];
}

function planeDirectionToBearing(projection: Laea, d: [number, number]): number {
  const c = projection.center;
  const [lon, lat] = projection.inverse(d[0] * 1000, d[1] * 1000);
  return normalizeBearing(inverse(c, [lon, lat]).azimuthDeg);
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
  /**
   * The cut line across the whole territory (extended 500 m beyond it), vertices ≤ 200 m apart; null for 0
   * or 1.
   */
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
      let u0 = nx * xs[n - 1]! + ny * ys[n - 1]!;
      let v0 = dx * xs[n - 1]! + dy * ys[n - 1]!;
      for (let i = 0; i < n; i++) {
        const u1 = nx * xs[i]! + ny * ys[i]!;
        const v1 = dx * xs[i]! + dy * ys[i]!;
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
function japanSideFrame(prep: PreparedTerritory, bearingDeg: number): { frame: Frame; anchorRank: number } {
  const [dx, dy] = bearingToPlaneDirection(prep.projection, bearingDeg);
  const f: Frame = { nx: -dy, ny: dx, dx, dy };
  const [ax, ay] = prep.anchor;
  const ua = f.nx * ax + f.ny * ay;
  const q = areaBelow(prep.polygons, f, ua).area / prep.areaM2;
  if (q <= 0.5) return { frame: f, anchorRank: q };
  return { frame: { nx: -f.nx, ny: -f.ny, dx, dy }, anchorRank: 1 - q };
}

function uRange(prep: PreparedTerritory, f: Frame): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const poly of prep.polygons) {
    const { x, y } = poly[0]!;
    for (let i = 0; i < x.length; i++) {
      const u = f.nx * x[i]! + f.ny * y[i]!;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
  }
  return [lo, hi];
}

/** Relative tolerance on the area, as a fraction of the territory. */
const AREA_TOLERANCE = 1e-9;

export interface OffsetSolution {
  frame: Frame;
  /** The line's offset along the frame's normal (plane metres): Japan's part is u < t. */
  t: number;
  iterations: number;
  /** The territory's extent along the normal. */
  lo: number;
  hi: number;
  anchorRank: number;
  /** The area (m²) on Japan's side of the line, and the line's length inside the territory (plane metres). */
  area: number;
  chord: number;
}

/**
 * Solves for the offset only (no clipping): used by solvePartition, by the shortest-border search (which
 * needs only the chord) and by the benchmark's breakdown.
 */
export function solveOffset(prep: PreparedTerritory, bearingDeg: number, fraction: number): OffsetSolution {
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
  // The area and chord at t, once measured there.
  let at: { area: number; chord: number } | null = null;
  for (; iterations < 200; iterations++) {
    const { area, chord } = areaBelow(prep.polygons, frame, t);
    const err = area - target;
    if (Math.abs(err) <= tol) {
      at = { area, chord };
      break;
    }
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
  // Stopped by the bracket or the iteration limit: t moved after the last measure.
  at ??= areaBelow(prep.polygons, frame, t);
  return { frame, t, iterations: iterations + 1, lo: uMin, hi: uMax, anchorRank, area: at.area, chord: at.chord };
}

export function solvePartition(prep: PreparedTerritory, bearingDeg: number, target: PartitionTarget): PartitionResult {
  if (!Number.isFinite(bearingDeg))
    throw new PartitionInputError(`bearing must be a finite number of degrees, got ${bearingDeg}`);
  const totalKm2 = prep.areaM2 / 1e6;
  const fraction = 'fraction' in target ? target.fraction : target.areaKm2 / totalKm2;
  if (!Number.isFinite(fraction)) throw new PartitionInputError('target must be a finite number');
  if (fraction < 0 || fraction > 1 + 1e-12) {
    const asked = 'fraction' in target ? `fraction ${fraction}` : `${target.areaKm2} km²`;
    throw new PartitionInputError(`target ${asked} is outside 0..1 of the territory (${totalKm2.toFixed(2)} km²)`);
  }
  const bearing = normalizeBearing(bearingDeg);
  const parts = (mp: MultiPolygon | null) => (prep.unwrapped ? rewrapParts(mp) : mp);
  if (fraction <= 0 || fraction >= 1) {
    const toJapan = fraction >= 1;
    const whole = parts(toMultiPolygon(prep.polygons.map((poly) => poly.map((r) => closed(r.lonlat)))));
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
      japanSide: toJapan ? whole : null,
      otherSide: toJapan ? null : whole,
      line: null,
      lineLengthKm: 0,
      borderLengthKm: 0,
      offsetM: NaN,
      iterations: 0,
      frame: null,
    };
  }
  const { frame, t, iterations, anchorRank, area: japanArea } = solveOffset(prep, bearing, fraction);
  if (Math.abs(japanArea - fraction * prep.areaM2) > 1e-7 * prep.areaM2) {
    throw new Error(
      `partition: no line at ${bearing.toFixed(2)}° meets ${(fraction * 100).toFixed(4)} % ` +
        `(best ${((japanArea / prep.areaM2) * 100).toFixed(4)} %)`,
    );
  }
  const cut = cutTerritory(prep, frame, t);
  const line = prep.unwrapped ? rewrapLine(cut.line) : cut.line;
  return {
    requestedBearingDeg: bearingDeg,
    bearingDeg: bearing,
    measuredBearingDeg: line ? measuredBearingDeg(line) : null,
    // The anchor's own side holds share ≥ anchorRank (japanSideFrame); ties go to Japan's part.
    anchorOnJapanSide: anchorRank <= fraction,
    targetFraction: fraction,
    fraction: japanArea / prep.areaM2,
    japanSideKm2: japanArea / 1e6,
    otherSideKm2: (prep.areaM2 - japanArea) / 1e6,
    totalKm2,
    japanSide: parts(cut.below),
    otherSide: parts(cut.above),
    line,
    lineLengthKm: cut.lineLengthKm,
    borderLengthKm: cut.borderLengthM / 1000,
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
  const [x, y] = prep.projection.forward(lonlat[0]!, lonlat[1]!);
  return result.frame.nx * x + result.frame.ny * y < result.offsetM ? 'japan' : 'other';
}

const closed = (ring: readonly Position[]): Position[] => [...ring, ring[0]!];

function toMultiPolygon(polys: Position[][][]): MultiPolygon | null {
  return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
}
