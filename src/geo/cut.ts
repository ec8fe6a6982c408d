/**
 * The cut itself: a prepared territory clipped exactly on both sides of the line u = t of a frame, the
 * cut edges and the reported line densified along the line, and the land border's length. The solver
 * (partition.ts) finds t; this module builds what a reader sees.
 *
 * Cost. A solve on full-resolution Etorofu spends most of its time here, much of it unprojecting the
 * points along the line (each an inverse of the ellipsoidal projection; since laea.ts sums Karney's
 * series, an asin, an atan2 and two square roots each). So each such point is unprojected once and
 * shared by both parts and the line, from an array indexed by its place on the line; each crossing of
 * the coast is placed on its geodesic once for both parts; the crossings of both sides are found in one
 * pass over the vertices, with their normal coordinate computed once; and each ring is built without
 * intermediate copies.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LineString, MultiPolygon, Position } from 'geojson';
import { inverse, unrollLongitude, WGS84 } from './geodesic.ts';
import type { Frame, PreparedRing, PreparedTerritory } from './partition.ts';
import { signedPlanarArea } from './rings.ts';

/** Maximum spacing of the vertices of the reported line and of the parts' cut edges. */
export const MAX_LINE_STEP_M = 200;
/** Spacing of the shared points on the line: under MAX_LINE_STEP_M with room for rounding. */
const GRID_STEP_M = MAX_LINE_STEP_M * 0.95;
/** How far the reported line runs beyond the territory at each end. */
const LINE_OVERHANG_M = 500;
/** About 1e-8 m²: the grazing rings are ~1e-9 m wide; rounding noise about the first vertex is ~1e-22 deg². */
const NEGLIGIBLE_DEG2 = 1e-18;

export interface Cut {
  /** The side u < t (Japan's) and the side u > t, as MultiPolygons (null when empty). */
  below: MultiPolygon | null;
  above: MultiPolygon | null;
  /** The whole line across the territory, 500 m beyond its outermost crossings; null if it crosses nothing. */
  line: LineString | null;
  /** Geodesic length between the line's two ends. */
  lineLengthKm: number;
  /** Geodesic length of the line's pieces inside the territory. */
  borderLengthM: number;
}

/** Where a ring crosses the line. */
interface Crossing {
  /** Position along the line (plane metres along the frame's direction d). */
  v: number;
  lonlat: Position;
  /** The ring leaves the side here (else it enters it). */
  exit: boolean;
  chain: Chain | null;
  /** For an exit: the entry that follows it along the line, inside the territory (set when the side is built). */
  next: Crossing | null;
}

/** A run of a ring's vertices on one side, from the crossing where the ring enters the side to where it leaves. */
interface Chain {
  lonlat: readonly Position[];
  /** Index of the run's first vertex, and how many vertices it holds (indices wrap around the ring). */
  first: number;
  count: number;
  start: Crossing;
  end: Crossing;
  used: boolean;
}

/** One side of one polygon of the territory: its rings wholly on that side, and the runs of the others. */
interface SidePolygon {
  whole: { lonlat: readonly Position[]; outer: boolean }[];
  crossings: Crossing[];
  chains: Chain[];
}

/**
 * Both sides of the territory, exact: every ring is cut where it crosses the line, and the runs on each
 * side are joined along the line. Vertices exactly on the line count as on neither side, so both sides
 * cross there alike and share the very same vertices along the cut.
 */
export function cutTerritory(prep: PreparedTerritory, f: Frame, t: number): Cut {
  const below: SidePolygon[] = [],
    above: SidePolygon[] = [];
  let minV = Infinity,
    maxV = -Infinity;
  // Each crossing's position, by its edge (the polygons' vertices numbered in order): both sides share it.
  const placed = new Map<number, Position>();
  let edgeBase = 0;
  let u = new Float64Array(0);

  /** The runs of ring r on one side (+1: u < t, −1: u > t) and the crossings that bound them. */
  const scanRing = (r: PreparedRing, outer: boolean, side: 1 | -1, out: SidePolygon) => {
    const n = r.x.length;
    const isIn = (i: number) => (side === 1 ? u[i]! < t : u[i]! > t);
    let start = -1,
      anyIn = false;
    for (let i = 0; i < n && (start < 0 || !anyIn); i++) {
      if (isIn(i)) anyIn = true;
      else if (start < 0) start = i;
    }
    if (!anyIn) return;
    if (start < 0) {
      out.whole.push({ lonlat: r.lonlat, outer });
      return;
    }
    // Walking from a vertex on the other side, every run is entry → vertices → exit.
    let chain: Chain | null = null;
    let inI = false;
    for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
      const j = i + 1 === n ? 0 : i + 1;
      const inJ = isIn(j);
      if (inI) chain!.count++;
      if (inI !== inJ) {
        const ui = u[i]!,
          uj = u[j]!;
        const s = (t - ui) / (uj - ui);
        const x = r.x[i]! + s * (r.x[j]! - r.x[i]!),
          y = r.y[i]! + s * (r.y[j]! - r.y[i]!);
        const v = f.dx * x + f.dy * y;
        const c: Crossing = { v, lonlat: crossingLonLat(r, i, j, s, edgeBase, placed), exit: inI, chain, next: null };
        out.crossings.push(c);
        if (v < minV) minV = v;
        if (v > maxV) maxV = v;
        if (!inI) {
          chain = { lonlat: r.lonlat, first: j, count: 0, start: c, end: c, used: false };
          c.chain = chain;
          out.chains.push(chain);
        } else {
          chain!.end = c;
          chain = null;
        }
      }
      inI = inJ;
    }
  };

  for (const poly of prep.polygons) {
    const b: SidePolygon = { whole: [], crossings: [], chains: [] },
      a: SidePolygon = { whole: [], crossings: [], chains: [] };
    poly.forEach((r, ri) => {
      const n = r.x.length;
      if (u.length < n) u = new Float64Array(n);
      for (let i = 0; i < n; i++) u[i] = f.nx * r.x[i]! + f.ny * r.y[i]!;
      scanRing(r, ri === 0, 1, b);
      scanRing(r, ri === 0, -1, a);
      edgeBase += n;
    });
    below.push(b);
    above.push(a);
  }

  const line = new LinePoints(prep, f, t, minV, maxV);
  let borderLengthM = 0;
  const build = (side: SidePolygon[], measure: boolean): MultiPolygon | null => {
    const outers: Position[][] = [],
      holes: Position[][] = [];
    for (const p of side) {
      for (const w of p.whole) (w.outer ? outers : holes).push(closed(w.lonlat));
      // Along the line, inside intervals alternate: pair crossings in v order; each pair joins an exit
      // to an entry. Following run → cut → run closes every ring of the clipped polygon.
      const cs = p.crossings.sort((x, y) => x.v - y.v);
      for (let k = 0; k + 1 < cs.length; k += 2) {
        const x = cs[k]!,
          y = cs[k + 1]!;
        if (measure) borderLengthM += inverse(x.lonlat, y.lonlat).distanceM;
        if (x.exit && !y.exit) x.next = y;
        else if (y.exit && !x.exit) y.next = x;
        else throw new Error('partition: inconsistent crossings (self-intersecting input?)');
      }
      for (const chain of p.chains) {
        if (chain.used) continue;
        const ring = new RingBuilder();
        let c = chain;
        for (let guard = 0; guard <= p.chains.length; guard++) {
          c.used = true;
          ring.push(c.start.lonlat);
          const m = c.lonlat.length;
          for (let k = 0, i = c.first; k < c.count; k++, i = i + 1 === m ? 0 : i + 1) ring.push(c.lonlat[i]!);
          ring.push(c.end.lonlat);
          const entry = c.end.next;
          if (!entry?.chain) throw new Error('partition: inconsistent crossings (self-intersecting input?)');
          line.pushBetween(c.end.v, entry.v, ring);
          ring.push(entry.lonlat);
          c = entry.chain;
          if (c === chain) break;
        }
        const closedRing = ring.close();
        if (closedRing.length < 4) continue;
        // A line that grazes a vertex pointing across it leaves a ring [crossing, vertex, crossing] of no
        // area; measured about its first vertex so that rounding of large coordinates cannot hide it.
        const area = signedPlanarArea(closedRing);
        if (Math.abs(area) < NEGLIGIBLE_DEG2) continue;
        (area > 0 ? outers : holes).push(closedRing);
      }
    }
    return assemble(outers, holes);
  };
  const belowParts = build(below, true);
  const aboveParts = build(above, false);
  const reported = line.reported();
  return { below: belowParts, above: aboveParts, ...reported, borderLengthM };
}

/**
 * A crossing on edge i→j, placed on the WGS84 geodesic between the two vertices (at the fraction found
 * in the plane) so that the two pieces of the edge add up exactly to the original edge. Placed once per
 * edge, so both sides share the very same vertex.
 */
function crossingLonLat(
  r: PreparedRing,
  i: number,
  j: number,
  s: number,
  edgeBase: number,
  placed: Map<number, Position>,
): Position {
  if (s <= 0) return r.lonlat[i]!;
  if (s >= 1) return r.lonlat[j]!;
  const hit = placed.get(edgeBase + i);
  if (hit) return hit;
  const a = r.lonlat[i]!,
    b = r.lonlat[j]!;
  const g = WGS84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
  const pos = g.Position(s * g.s13);
  const p: Position = [unrollLongitude(pos.lon2!, a[0]!), pos.lat2!];
  placed.set(edgeBase + i, p);
  return p;
}

/**
 * The points of the line u = t at v = k × GRID_STEP_M, unprojected when first needed and then shared
 * by both parts' cut edges and the reported line.
 */
class LinePoints {
  /** Index range of the grid points strictly inside the reported line (empty without crossings). */
  private readonly k0: number;
  private readonly k1: number;
  private readonly points: (Position | undefined)[];

  constructor(
    private readonly prep: PreparedTerritory,
    private readonly f: Frame,
    private readonly t: number,
    private readonly minV: number,
    private readonly maxV: number,
  ) {
    const has = minV <= maxV;
    this.k0 = has ? Math.floor((minV - LINE_OVERHANG_M) / GRID_STEP_M) + 1 : 0;
    this.k1 = has ? Math.ceil((maxV + LINE_OVERHANG_M) / GRID_STEP_M) - 1 : -1;
    this.points = new Array<Position | undefined>(Math.max(0, this.k1 - this.k0 + 1));
  }

  private at(v: number): Position {
    const { nx, ny, dx, dy } = this.f;
    const t = this.t;
    // p = t n + v d  (n and d are orthonormal).
    return this.prep.projection.inverse(t * nx + v * dx, t * ny + v * dy);
  }

  private grid(k: number): Position {
    const i = k - this.k0;
    return (this.points[i] ??= this.at(k * GRID_STEP_M));
  }

  /** The grid points strictly between two places on the line, in the order from → to. */
  pushBetween(fromV: number, toV: number, out: RingBuilder): void {
    const lo = Math.min(fromV, toV),
      hi = Math.max(fromV, toV);
    const k0 = Math.floor(lo / GRID_STEP_M) + 1,
      k1 = Math.ceil(hi / GRID_STEP_M) - 1;
    if (fromV <= toV) for (let k = k0; k <= k1; k++) out.push(this.grid(k));
    else for (let k = k1; k >= k0; k--) out.push(this.grid(k));
  }

  /** The whole line across the territory, 500 m beyond its outermost crossings, rounded to 1e-7°. */
  reported(): { line: LineString | null; lineLengthKm: number } {
    if (!(this.maxV > this.minV)) return { line: null, lineLengthKm: 0 };
    const round = (p: Position): Position => [round7(p[0]!), round7(p[1]!)];
    const coords: Position[] = [round(this.at(this.minV - LINE_OVERHANG_M))];
    for (let k = this.k0; k <= this.k1; k++) coords.push(round(this.grid(k)));
    coords.push(round(this.at(this.maxV + LINE_OVERHANG_M)));
    const lineLengthKm = inverse(coords[0]!, coords[coords.length - 1]!).distanceM / 1000;
    return { line: { type: 'LineString', coordinates: coords }, lineLengthKm };
  }
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A ring built point by point, without consecutive repeats, closed at the end. */
class RingBuilder {
  readonly points: Position[] = [];

  push(p: Position): void {
    const q = this.points[this.points.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) this.points.push(p);
  }

  close(): Position[] {
    const first = this.points[0];
    if (first) this.push(first);
    return this.points;
  }
}

const closed = (ring: readonly Position[]): Position[] => {
  const out = ring.slice();
  out.push(ring[0]!);
  return out;
};

/** Puts each hole into the outer ring that contains it (tested at the middle of its first edge). */
function assemble(outers: Position[][], holes: Position[][]): MultiPolygon | null {
  if (!outers.length) return null;
  const polys: Position[][][] = outers.map((o) => [o]);
  for (const h of holes) {
    const [p, q] = h as [Position, Position];
    const mid: Position = [(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2];
    const idx = outers.findIndex((o) => booleanPointInPolygon(mid, { type: 'Polygon', coordinates: [o] }));
    polys[idx >= 0 ? idx : 0]!.push(h);
  }
  return { type: 'MultiPolygon', coordinates: polys };
}
