/**
 * The sea under each settlement option, by the equidistance method, on the WGS84 ellipsoid.
 * Preparation (once, independent of the option): see README "The sea" and the comments below.
 *
 *  1. Coasts: the outer ring of every land polygon (lakes are filled), densified along its WGS84 geodesic
 *     edges into "coast sites": every 50 m on the four islands (islandSpacingM), elsewhere at a spacing that grows
 *     with the distance to the islands (fine near the Goyomai channel, 1.5 km beyond, 5 km beyond 800 km).
 *     The sites are projected once on an ellipsoidal Lambert azimuthal equal-area plane centred on the
 *     islands, so planar areas there are WGS84 areas.
 *  2. One Delaunay triangulation of all sites (d3-delaunay). Its dual, the Voronoi diagram, gives each
 *     site the sea nearer to it than to any other site. Coast segments whose midpoint is nearer to some
 *     third site than to their ends are split until none is left, so every coast segment lies in the
 *     cells of its two ends; each cell is then cut by its coast into a land part and a sea part.
 *  3. The region: the sea within 200 nm (370.4 km) of the four islands' coasts, a polygon found by
 *     bisection along 720 rays from the islands' centre, each vertex then placed by Newton iteration at
 *     370.4 km of geodesic distance from the nearest island site (GeographicLib).
 *  4. Per site: the sea area of its cell inside the region, and the part within 12 nm of it (its
 *     cell clipped by its 12 nm geodesic circle): both independent of the option. An option only
 *     decides the owner of each island site; the sides' areas are sums over their sites.
 *  5. Per Voronoi edge whose two sites can ever have different owners: its part at sea and inside the
 *     region, with every vertex moved on the ellipsoid until its geodesic distances to its sites are
 *     equal (Newton, GeographicLib), long edges split every 5 km. An option's maritime boundary is the set
 *     of such edges between sites of different owners.
 * No React, MapLibre or data-file imports: runs in Node, in the page's Web Worker and in the tests.
 */
import { Delaunay } from 'd3-delaunay';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { intersection } from 'polyclip-ts';
import { laea, type Laea } from '../laea.ts';
import { WGS84 } from '../geodesic.ts';
import { clipConvex, flatArea, flatBox, pointInFlat, type Flat } from './planar.ts';

import {
  EEZ_M,
  GROUP_JAPAN,
  GROUP_RUSSIA,
  GROUP_SENTINEL,
  SEA_ISLANDS,
  TERRITORIAL_SEA_M,
  type SeaIslandId,
} from './ids.ts';
export { EEZ_M, GROUP_JAPAN, GROUP_RUSSIA, SEA_ISLANDS, TERRITORIAL_SEA_M, type SeaIslandId } from './ids.ts';

export interface CoastInput {
  islands: Record<SeaIslandId, MultiPolygon | Polygon>;
  /** Hokkaido and every other Japanese coast (context land tagged JP). */
  japan: (Polygon | MultiPolygon)[];
  /** Every other coast (context land tagged RU: the Kurils north of Etorofu, Sakhalin, Kamchatka, the mainland). */
  russia: (Polygon | MultiPolygon)[];
}

export interface StraitInput {
  id: string;
  /** The representative crossing line: one end on each coast. */
  crossing: [Position, Position];
}

export interface SeaParams {
  /** Spacing of the sites on the four islands' coasts (m). */
  islandSpacingM: number;
  /** Largest spacing elsewhere within 800 km of the islands (m). */
  maxSpacingM: number;
  /** Error allowed by the spacing rule where two coasts face each other (m). */
  spacingToleranceM: number;
  /** Vertices of each 12 nm circle. */
  circleVertices: number;
  /** Rays of the 200 nm envelope. */
  envelopeRays: number;
  /** Longest boundary segment before it is split (m). */
  maxBoundaryStepM: number;
}

export const DEFAULT_SEA_PARAMS: SeaParams = {
  islandSpacingM: 50,
  maxSpacingM: 1500,
  spacingToleranceM: 8,
  circleVertices: 96,
  envelopeRays: 720,
  maxBoundaryStepM: 5000,
};

/** Everything an option needs; plain data (typed arrays), so it can be sent to and from a Web Worker. */
export interface PreparedSea {
  params: SeaParams;
  center: Position;
  nSites: number;
  siteGroup: Uint8Array;
  siteLon: Float64Array;
  siteLat: Float64Array;
  /** For each island, the indices of its sites. */
  islandSites: Record<SeaIslandId, Int32Array>;
  /**
   * Per site (m²): its cell's sea inside the region; the same within 12 nm of it; the land in its cell
   * (island sites).
   */
  cellSeaM2: Float64Array;
  cellTsM2: Float64Array;
  /** Sea (m²) of the fixed sites' cells summed by owner [Japan, Russia]; and their territorial sea. */
  fixedSeaM2: [number, number];
  fixedTsM2: [number, number];
  /** The region's sea area (m²): the sum of all cells' sea. */
  regionSeaM2: number;
  /** The region's whole area, land included (m²), and the land inside it. */
  regionM2: number;
  regionLandM2: number;
  /** The 200 nm limit around the four islands: closed ring, [lon, lat]. */
  envelope: Position[];
  /**
   * The 12 nm limit of all coasts inside the region (the same under every option; each side's part is in
   * its waters).
   */
  tsLimit: Position[][];
  /** Candidate boundary pieces: sites a and b, end keys (triangle index, or -1 for an open end), coordinates. */
  pieceA: Int32Array;
  pieceB: Int32Array;
  pieceStartKey: Int32Array;
  pieceEndKey: Int32Array;
  pieceOffset: Int32Array;
  pieceLonLat: Float64Array;
  /** Which end of a piece is on the coast, between its two (ring-adjacent) sites: 0 none, 1 start, 2 end. */
  pieceCoast: Int8Array;
  /** Each piece's two ends in the plane (x0, y0, x1, y1). */
  pieceXY: Float64Array;
  /** Sites in the plane (laea(center)). */
  siteXY: Float64Array;
  straits: PreparedStrait[];
  stats: {
    sites: number;
    islandSites: number;
    triangles: number;
    gabrielSplits: number;
    gabrielLeft: number;
    gabrielLeftByGroup: number[];
    pieces: number;
    refinedVertices: number;
    maxRefineResidualM: number;
    timings: Record<string, number>;
  };
}

export interface PreparedStrait {
  id: string;
  siteA: number;
  siteB: number;
  widthM: number;
  /**
   * Largest distance from a point of the crossing line to the nearest coast (m): ≤ 12 nm means the
   * territorial seas close it.
   */
  maxDistanceToCoastM: number;
  /** Length of the crossing line farther than 12 nm from every coast (m). */
  corridorM: number;
}

/** Geodesic distance (m) between two [lon, lat] given as numbers. */
function geoDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2).s12 ?? 0;
}

interface Ring {
  group: number;
  lon: number[];
  lat: number[];
}

/** Each polygon's outer ring; a polygon without rings has no coast. */
function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates.slice(0, 1) : g.coordinates.flatMap((p) => p.slice(0, 1));
}

function openRing(r: Position[]): Position[] {
  const n = r.length;
  const first = r[0],
    last = r[n - 1];
  const closed = n > 1 && first && last && first[0] === last[0] && first[1] === last[1];
  return cleanRing(closed ? r.slice(0, n - 1) : r.slice());
}

/**
 * Removes what no chart-scale coast has: vertices within 5 m of the previous one, and spikes (the coast
 * turning back by more than 165° within 40 m), which the 6-decimal generalised source holds here and
 * there. A spike has no width, so the coast at its tip is at most its length (< 40 m) off.
 */
function cleanRing(ring: Position[]): Position[] {
  let r = ring;
  for (let pass = 0; pass < 10; pass++) {
    const out: Position[] = [];
    const n = r.length;
    let removed = false;
    for (let k = 0; k < n; k++) {
      const p = out.length ? out[out.length - 1]! : r[n - 1]!,
        v = r[k]!,
        q = r[(k + 1) % n]!;
      const kx = Math.cos((v[1]! * Math.PI) / 180) * 111_320,
        ky = 110_950;
      const ax = (p[0]! - v[0]!) * kx,
        ay = (p[1]! - v[1]!) * ky,
        bx = (q[0]! - v[0]!) * kx,
        by = (q[1]! - v[1]!) * ky;
      const la = Math.hypot(ax, ay),
        lb = Math.hypot(bx, by);
      if (la < 5 || (Math.min(la, lb) < 40 && (ax * bx + ay * by) / (la * lb) > Math.cos((15 * Math.PI) / 180))) {
        if (n - (k - out.length) > 4) {
          removed = true;
          continue;
        }
      }
      out.push(v);
    }
    r = out;
    if (!removed) break;
  }
  return r;
}

function ccwLonLat(r: Position[]): Position[] {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i]!,
      b = r[(i + 1) % r.length]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s >= 0 ? r : r.slice().reverse();
}

export function prepareSea(
  input: CoastInput,
  straits: StraitInput[] = [],
  params: SeaParams = DEFAULT_SEA_PARAMS,
): PreparedSea {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = Math.round(t - t0);
    t0 = t;
  };

  // --- 1. the plane and the island coasts -----------------------------------------------------------
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  const islandRaw: { group: number; ring: Position[] }[] = [];
  SEA_ISLANDS.forEach((id, g) => {
    for (const r of outerRings(input.islands[id])) {
      const ring = ccwLonLat(openRing(r));
      islandRaw.push({ group: g, ring });
      for (const [x, y] of ring) {
        minLon = Math.min(minLon, x!);
        maxLon = Math.max(maxLon, x!);
        minLat = Math.min(minLat, y!);
        maxLat = Math.max(maxLat, y!);
      }
    }
  });
  const center: Position = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  const proj = laea(center);
  const rings: Ring[] = islandRaw.map(({ group, ring }) => densify(group, ring, () => params.islandSpacingM));
  // Planar index of the island sites, for the spacing rule and the envelope.
  const isl = flattenRings(rings, proj);
  const islDelaunay = new Delaunay(isl.xy);
  const nearestIsland = (x: number, y: number, hint = 0) => {
    const i = islDelaunay.find(x, y, hint);
    return { i, d: Math.hypot(isl.xy[2 * i]! - x, isl.xy[2 * i + 1]! - y) };
  };
  // Where two coasts of possibly different owners face each other across D metres, the equidistance line
  // lies about D/2 from both; sites h apart put it off by at most h²/(8·D/2): h = √(4·tol·D).
  let hint = 0;
  const fixedSpacing = (lon: number, lat: number) => {
    const [x, y] = proj.forward(lon, lat);
    const n = nearestIsland(x, y, hint);
    hint = n.i;
    if (n.d > 800_000) return 5000;
    return Math.min(params.maxSpacingM, Math.max(params.islandSpacingM, Math.sqrt(4 * params.spacingToleranceM * n.d)));
  };
  for (const [group, list] of [
    [GROUP_JAPAN, input.japan],
    [GROUP_RUSSIA, input.russia],
  ] as const) {
    for (const g of list)
      for (const r of outerRings(g)) rings.push(densify(group, ccwLonLat(openRing(r)), fixedSpacing));
  }
  dropContainedRings(rings);
  dropSharedVertices(rings);
  lap('densify');

  // --- 2. Delaunay, with coast segments split until each lies in its ends' cells --------------------
  let gabrielSplits = 0;
  let s = buildSites(rings, proj);
  let delaunay = triangulate(s);
  for (let pass = 0; pass < 12; pass++) {
    const bad = gabrielViolations(s, delaunay);
    if (!bad.length) break;
    gabrielSplits += bad.length;
    splitSegments(rings, s, bad);
    s = buildSites(rings, proj);
    delaunay = triangulate(s);
  }
  const leftover = gabrielViolations(s, delaunay);
  const gabrielLeft = leftover.length;
  const gabrielLeftByGroup = [0, 0, 0, 0, 0, 0, 0];
  for (const i of leftover) gabrielLeftByGroup[s.group[i]!]!++;
  if (process.env.SEA_DEBUG)
    for (const i of leftover.filter((i) => s.group[i]! < 5).slice(0, 40)) {
      const j = s.next[i]!;
      const mx = (s.xy[2 * i]! + s.xy[2 * j]!) / 2,
        my = (s.xy[2 * i + 1]! + s.xy[2 * j + 1]!) / 2;
      const k = delaunay.find(mx, my, i);
      console.log(
        'gabriel',
        s.group[i]!,
        s.lon[i]!.toFixed(5),
        s.lat[i]!.toFixed(5),
        'len',
        Math.hypot(s.xy[2 * i]! - s.xy[2 * j]!, s.xy[2 * i + 1]! - s.xy[2 * j + 1]!).toFixed(2),
        'k',
        k,
        s.group[k]!,
        'ring',
        s.ringOf[k] === s.ringOf[i],
        s.posInRing[k]! - s.posInRing[i]!,
        Math.hypot(s.xy[2 * k]! - mx, s.xy[2 * k + 1]! - my).toFixed(3),
      );
    }
  lap('delaunay');
  const n = s.n;
  const { triangles, halfedges, inedges } = delaunay;
  const nT = triangles.length / 3;
  const cx = new Float64Array(nT),
    cy = new Float64Array(nT);
  const P = delaunay.points;
  for (let t = 0; t < nT; t++) {
    const a = triangles[3 * t]!,
      b = triangles[3 * t + 1]!,
      c = triangles[3 * t + 2]!;
    const ax = P[2 * a]!,
      ay = P[2 * a + 1]!;
    const bx = P[2 * b]! - ax,
      by = P[2 * b + 1]! - ay,
      qx = P[2 * c]! - ax,
      qy = P[2 * c + 1]! - ay;
    const d = 2 * (bx * qy - by * qx);
    const b2 = bx * bx + by * by,
      c2 = qx * qx + qy * qy;
    cx[t] = ax + (qy * b2 - by * c2) / d;
    cy[t] = ay + (bx * c2 - qx * b2) / d;
  }

  // --- 3. the region's outer limit ---------------------------------------------------------------------
  let ox = 0,
    oy = 0;
  for (let i = 0; i < isl.n; i++) {
    ox += isl.xy[2 * i]!;
    oy += isl.xy[2 * i + 1]!;
  }
  ox /= isl.n;
  oy /= isl.n;
  const islandGeoDistance = (x: number, y: number) => {
    const near = nearestIsland(x, y, hint);
    hint = near.i;
    const [lon, lat] = proj.inverse(x, y);
    // Candidates: island sites within the planar distance plus the projection's scale error there.
    const r = near.d * 1.001 + 100;
    let best = Infinity,
      bestI = near.i;
    const seen = new Set<number>([near.i]);
    const queue = [near.i];
    while (queue.length) {
      const i = queue.pop()!;
      const d = geoDistance(lon, lat, isl.lon[i]!, isl.lat[i]!);
      if (d < best) {
        best = d;
        bestI = i;
      }
      for (const j of islDelaunay.neighbors(i)) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (Math.hypot(isl.xy[2 * j]! - x, isl.xy[2 * j + 1]! - y) <= r) queue.push(j);
      }
    }
    return { d: best, i: bestI };
  };
  const R = params.envelopeRays;
  const env: Flat = [];
  const envR = new Float64Array(R);
  for (let k = 0; k < R; k++) {
    const th = (2 * Math.PI * k) / R;
    const ux = Math.cos(th),
      uy = Math.sin(th);
    let lo = 0,
      hi = 1_000_000;
    while (hi - lo > 20) {
      const mid = (lo + hi) / 2;
      if (nearestIsland(ox + mid * ux, oy + mid * uy, hint).d <= EEZ_M) lo = mid;
      else hi = mid;
    }
    let r = (lo + hi) / 2;
    for (let it = 0; it < 8; it++) {
      const x = ox + r * ux,
        y = oy + r * uy;
      const g = islandGeoDistance(x, y);
      const err = g.d - EEZ_M;
      if (Math.abs(err) < 0.05) break;
      const ex = x - isl.xy[2 * g.i]!,
        ey = y - isl.xy[2 * g.i + 1]!;
      const slope = (ex * ux + ey * uy) / Math.hypot(ex, ey);
      r -= err / Math.max(0.2, slope);
    }
    envR[k] = r;
    env.push(ox + r * ux, oy + r * uy);
  }
  let rMin = Infinity,
    rMax = 0;
  for (let k = 0; k < R; k++) {
    rMin = Math.min(rMin, envR[k]!);
    rMax = Math.max(rMax, envR[k]!);
  }
  // Inside the polygon for sure within rIn of the centre (chords sag below the vertices by < 100 m here).
  const rIn = rMin - 2000;
  const envelope: Position[] = [];
  for (let k = 0; k < R; k++) {
    const [lon, lat] = proj.inverse(env[2 * k]!, env[2 * k + 1]!);
    envelope.push([lon, lat]);
  }
  envelope.push(envelope[0]!);
  const regionM2 = flatArea(env);
  const insideEnv = (x: number, y: number) => {
    const r = Math.hypot(x - ox, y - oy);
    if (r <= rIn) return true;
    if (r > rMax + 10) return false;
    let th = Math.atan2(y - oy, x - ox);
    if (th < 0) th += 2 * Math.PI;
    const k = Math.floor((th / (2 * Math.PI)) * R) % R,
      k2 = (k + 1) % R;
    const ax = env[2 * k]! - ox,
      ay = env[2 * k + 1]! - oy,
      bx = env[2 * k2]! - ox,
      by = env[2 * k2 + 1]! - oy;
    // Same side of the chord as the centre.
    return (bx - ax) * (y - oy - ay) - (by - ay) * (x - ox - ax) >= 0;
  };
  /** Area of a convex polygon inside the region: exact (Sutherland–Hodgman of the region's window by it). */
  let clipCalls = 0;
  const convexInRegion = (poly: Flat, maxR: number, minR: number): number => {
    if (poly.length < 6) return 0;
    if (maxR <= rIn) return flatArea(poly);
    if (minR > rMax + 10) return 0;
    clipCalls++;
    const [a, b, c, d] = flatBox(poly);
    const win = clipConvex(env, [a - 10, b - 10, c + 10, b - 10, c + 10, d + 10, a - 10, d + 10]);
    return win.length ? Math.abs(flatArea(clipConvex(win, poly))) : 0;
  };
  /** Area of any polygon inside the region (polyclip-ts): used once per fixed land ring crossing the limit. */
  const polygonInRegion = (poly: Flat): number => {
    let maxR = 0;
    for (let i = 0; i < poly.length; i += 2) maxR = Math.max(maxR, Math.hypot(poly[i]! - ox, poly[i + 1]! - oy));
    if (maxR <= rIn) return Math.abs(flatArea(poly));
    const toRing = (f: Flat) => {
      const r: [number, number][] = [];
      for (let i = 0; i < f.length; i += 2) r.push([f[i]!, f[i + 1]!]);
      r.push(r[0]!);
      return r;
    };
    const out = intersection([toRing(poly)], [toRing(env)]);
    let area = 0;
    for (const p of out)
      p.forEach((ring, ri) => {
        const flat: Flat = [];
        for (let i = 0; i + 1 < ring.length; i++) flat.push(ring[i]![0], ring[i]![1]);
        area += Math.abs(flatArea(flat)) * (ri === 0 ? 1 : -1);
      });
    return area;
  };
  lap('envelope');

  // --- 4. cells: land and sea parts, areas, 12 nm ---------------------------------------------------------
  const cellSeaM2 = new Float64Array(n),
    cellTsM2 = new Float64Array(n);
  const fixedSeaM2: [number, number] = [0, 0],
    fixedTsM2: [number, number] = [0, 0],
    fixedCellM2 = [0, 0];
  let fallbackCells = 0;
  const tsArcs: { site: number; xy: number[] }[] = [];
  const ringFlats = new Map<number, Flat>();
  const ringFlat = (ri: number): Flat => {
    let f = ringFlats.get(ri);
    if (!f) {
      f = [];
      for (let i = 0; i < n; i++) if (s.ringOf[i] === ri) f.push(s.xy[2 * i]!, s.xy[2 * i + 1]!);
      ringFlats.set(ri, f);
    }
    return f;
  };
  let regionLandM2 = 0;
  // Per cell edge: whether it is at sea (1), on land (0), split at the coast midpoint (2).
  const edgeSea = new Int8Array(halfedges.length).fill(-1);
  const NC = params.circleVertices;
  const cosT = new Float64Array(NC),
    sinT = new Float64Array(NC);
  for (let k = 0; k < NC; k++) {
    cosT[k] = Math.cos((2 * Math.PI * k) / NC);
    sinT[k] = Math.sin((2 * Math.PI * k) / NC);
  }
  const tris: number[] = [],
    nbrs: number[] = [],
    hes: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = s.group[i]!;
    if (g === GROUP_SENTINEL) continue;
    // The cell's vertices counter-clockwise, with the neighbour across each edge (vertex k → k+1).
    tris.length = 0;
    nbrs.length = 0;
    hes.length = 0;
    const e0 = inedges[i]!;
    let e = e0;
    do {
      tris.push(Math.floor(e / 3));
      const out = e % 3 === 2 ? e - 2 : e + 1;
      nbrs.push(triangles[out % 3 === 2 ? out - 2 : out + 1]!);
      hes.push(out);
      e = halfedges[out]!;
    } while (e !== -1 && e !== e0);
    // Counter-clockwise order of the cell's vertices: the walk's order, or its reverse.
    const m = tris.length;
    let walkArea = 0;
    for (let k = 0; k < m; k++) {
      const a = tris[k]!,
        b = tris[(k + 1) % m]!;
      walkArea += cx[a]! * cy[b]! - cx[b]! * cy[a]!;
    }
    const vx: number[] = new Array(m),
      vy: number[] = new Array(m),
      nb: number[] = new Array(m),
      he: number[] = new Array(m);
    for (let k = 0; k < m; k++) {
      if (walkArea > 0) {
        vx[k] = cx[tris[k]!]!;
        vy[k] = cy[tris[k]!]!;
        nb[k] = nbrs[k]!;
        he[k] = hes[k]!;
      } else {
        // Reversed: vertex k is tris[m-1-k]; its edge to vertex k+1 is the walk's edge between
        // tris[m-2-k] and tris[m-1-k].
        vx[k] = cx[tris[m - 1 - k]!]!;
        vy[k] = cy[tris[m - 1 - k]!]!;
        const w = (m - 2 - k + m) % m;
        nb[k] = nbrs[w]!;
        he[k] = hes[w]!;
      }
    }
    const cell: Flat = [];
    for (let k = 0; k < m; k++) cell.push(vx[k]!, vy[k]!);
    const sx = s.xy[2 * i]!,
      sy = s.xy[2 * i + 1]!;
    let maxR = 0;
    for (let k = 0; k < m; k++) maxR = Math.max(maxR, Math.hypot(vx[k]! - ox, vy[k]! - oy));
    const sr = Math.hypot(sx - ox, sy - oy);
    const minR = minDistance(cell, ox, oy);
    // The coast crosses the cell at the midpoints towards its two ring neighbours.
    const a = nb.indexOf(s.prev[i]!),
      b = nb.indexOf(s.next[i]!);
    // The cell's land polygon; null in the fallback, where the land is the cell's clip of the whole ring.
    let land: Flat | null = null;
    let landArea: number;
    if (a < 0 || b < 0 || a === b) {
      // A coast segment that could not be made to lie in its ends' cells (a spike or a pinch of the source
      // coast, left after the splits): the cell's land is its clip of the whole ring, each edge's side by its midpoint.
      fallbackCells++;
      const ring = ringFlat(s.ringOf[i]!);
      landArea = Math.abs(flatArea(clipConvex(ring, cell)));
      for (let k = 0; k < m; k++) {
        const k2 = (k + 1) % m;
        edgeSea[he[k]!] = pointInFlat((vx[k]! + vx[k2]!) / 2, (vy[k]! + vy[k2]!) / 2, ring) ? 0 : 1;
      }
    } else {
      const p = s.prev[i]!,
        q = s.next[i]!;
      const mpx = (sx + s.xy[2 * p]!) / 2,
        mpy = (sy + s.xy[2 * p + 1]!) / 2;
      const mqx = (sx + s.xy[2 * q]!) / 2,
        mqy = (sy + s.xy[2 * q + 1]!) / 2;
      land = [sx, sy, mqx, mqy];
      for (let k = (b + 1) % m; ; k = (k + 1) % m) {
        land.push(vx[k]!, vy[k]!);
        if (k === a) break;
      }
      land.push(mpx, mpy);
      landArea = flatArea(land);
      for (let k = (a + 1) % m; k !== b; k = (k + 1) % m) edgeSea[he[k]!] = 1;
      for (let k = (b + 1) % m; k !== a; k = (k + 1) % m) edgeSea[he[k]!] = 0;
      edgeSea[he[a]!] = 2;
      edgeSea[he[b]!] = 2;
    }
    const cellArea = convexInRegion(cell, maxR, minR);
    // The 12 nm circle: the geodesic circle, an ellipse in the plane at this size (0.3 m off at 22 km).
    const circle = geodesicCircle(proj, s.lon[i]!, s.lat[i]!, sx, sy, TERRITORIAL_SEA_M, cosT, sinT);
    const K = clipConvex(cell, circle);
    let tsArea = 0;
    if (K.length) {
      const kMax = Math.min(maxR, sr + TERRITORIAL_SEA_M + 500);
      const kArea = flatArea(K);
      const kIn = convexInRegion(K, kMax, Math.max(minR, sr - TERRITORIAL_SEA_M - 500));
      let landTs = Math.abs(flatArea(clipConvex(land ?? clipConvex(ringFlat(s.ringOf[i]!), cell), circle)));
      // Land within 12 nm of a fixed site whose circle crosses the 200 nm limit: counted in proportion
      // (only far coasts of Hokkaido and Sakhalin; they never change owner).
      if (kMax > rIn && kArea > 0) landTs *= kIn / kArea;
      tsArea = kIn - landTs;
    }
    // The 12 nm limit inside this cell, at sea and inside the region: pieces of the circle's edges.
    const nearestOnEllipsoid = (x: number, y: number) => {
      const [lon, lat] = proj.inverse(x, y);
      const di = geoDistance(lon, lat, s.lon[i]!, s.lat[i]!);
      for (const j of nb)
        if (s.group[j] !== GROUP_SENTINEL && geoDistance(lon, lat, s.lon[j]!, s.lat[j]!) < di - 0.5) return false;
      return true;
    };
    if (g < 6 && sr - TERRITORIAL_SEA_M < rMax + 10) {
      let run: number[] = [];
      const flush = () => {
        if (run.length >= 4) tsArcs.push({ site: i, xy: run });
        run = [];
      };
      for (let k = 0; k < NC; k++) {
        const k2 = (k + 1) % NC;
        const seg = clipSegment(circle[2 * k]!, circle[2 * k + 1]!, circle[2 * k2]!, circle[2 * k2 + 1]!, cell);
        if (!seg) {
          flush();
          continue;
        }
        const mx = (seg[0]! + seg[2]!) / 2,
          my = (seg[1]! + seg[3]!) / 2;
        const atSea = land ? !pointInFlat(mx, my, land) : !pointInFlat(mx, my, ringFlat(s.ringOf[i]!));
        if (!atSea || !insideEnv(mx, my)) {
          flush();
          continue;
        }
        // The plane's cells are the ellipsoid's to within its distortion (0.1 % far from the centre): a
        // point a neighbouring site is nearer to on the ellipsoid is not on this site's limit; left out.
        if (!nearestOnEllipsoid(seg[0]!, seg[1]!) || !nearestOnEllipsoid(seg[2]!, seg[3]!)) {
          flush();
          continue;
        }
        if (run.length && (run[run.length - 2] !== seg[0] || run[run.length - 1] !== seg[1])) flush();
        if (!run.length) run.push(seg[0]!, seg[1]!);
        run.push(seg[2]!, seg[3]!);
      }
      flush();
    }
    if (g < 4) {
      cellSeaM2[i] = cellArea - landArea;
      cellTsM2[i] = tsArea;
      regionLandM2 += landArea;
    } else {
      fixedCellM2[g - 4]! += cellArea;
      fixedTsM2[g - 4]! += tsArea;
    }
  }
  const tsLimit: Position[][] = [];
  let cur: Position[] | null = null,
    lastX = NaN,
    lastY = NaN;
  for (const arc of tsArcs) {
    const xy = arc.xy;
    const pts: Position[] = [];
    for (let k = 0; k < xy.length; k += 2) {
      const [lon, lat] = proj.inverse(xy[k]!, xy[k + 1]!);
      pts.push([round6(lon), round6(lat)]);
    }
    if (cur && Math.hypot(xy[0]! - lastX, xy[1]! - lastY) < 30) {
      for (let k = 1; k < pts.length; k++) cur.push(pts[k]!);
    } else {
      cur = pts;
      tsLimit.push(cur);
    }
    lastX = xy[xy.length - 2]!;
    lastY = xy[xy.length - 1]!;
  }
  // The fixed coasts' land inside the region, ring by ring.
  const fixedLandM2 = [0, 0];
  rings.forEach((r, ri) => {
    if (r.group >= 4 && r.group < 6) fixedLandM2[r.group - 4]! += polygonInRegion(ringFlat(ri));
  });
  fixedSeaM2[0] = fixedCellM2[0]! - fixedLandM2[0]!;
  fixedSeaM2[1] = fixedCellM2[1]! - fixedLandM2[1]!;
  regionLandM2 += fixedLandM2[0]! + fixedLandM2[1]!;
  lap('cells');
  timings.clipCalls = clipCalls;
  timings.fallbackCells = fallbackCells;
  let regionSeaM2 = fixedSeaM2[0] + fixedSeaM2[1];
  for (let i = 0; i < n; i++) regionSeaM2 += cellSeaM2[i]!;

  // --- 5. candidate boundary pieces, refined on the ellipsoid ---------------------------------------
  const refined = new Map<number, Position>();
  let maxResidual = 0;
  const sitesOfTriangle = (t: number): [number, number, number] => [
    triangles[3 * t]!,
    triangles[3 * t + 1]!,
    triangles[3 * t + 2]!,
  ];
  const refineVertex = (t: number): Position => {
    let p = refined.get(t);
    if (p) return p;
    const r = refineEquidistant(proj, cx[t]!, cy[t]!, sitesOfTriangle(t), s);
    maxResidual = Math.max(maxResidual, r.residual);
    p = r.lonlat;
    refined.set(t, p);
    return p;
  };
  const pieceA: number[] = [],
    pieceB: number[] = [],
    pieceStart: number[] = [],
    pieceEnd: number[] = [],
    pieceOffset: number[] = [0];
  const coords: number[] = [];
  const pieceXY: number[] = [];
  const pieceCoast: number[] = [];
  const candidate = (gi: number, gj: number, i: number, j: number) => {
    if (gi === GROUP_SENTINEL || gj === GROUP_SENTINEL) return false;
    if (gi < 4 || gj < 4) return i !== j;
    return gi !== gj;
  };
  for (let e = 0; e < halfedges.length; e++) {
    const o = halfedges[e]!;
    if (o < 0 || o < e) continue;
    const i = triangles[e]!,
      j = triangles[e % 3 === 2 ? e - 2 : e + 1]!;
    if (!candidate(s.group[i]!, s.group[j]!, i, j)) continue;
    const st = edgeSea[e]! >= 0 ? edgeSea[e]! : edgeSea[o]!;
    if (st === 0) continue;
    const t1 = Math.floor(e / 3),
      t2 = Math.floor(o / 3);
    let ax = cx[t1]!,
      ay = cy[t1]!,
      bx = cx[t2]!,
      by = cy[t2]!;
    let aKey = t1,
      bKey = t2,
      coastEnd = 0;
    if (st === 2) {
      // Split at the coast: keep the part on the sea side of the segment i→j's ring direction.
      const mx = (s.xy[2 * i]! + s.xy[2 * j]!) / 2,
        my = (s.xy[2 * i + 1]! + s.xy[2 * j + 1]!) / 2;
      // Ring direction from the earlier to the later site: land on its left.
      const [f, tt] = s.next[i] === j ? [i, j] : [j, i];
      const dx = s.xy[2 * tt]! - s.xy[2 * f]!,
        dy = s.xy[2 * tt + 1]! - s.xy[2 * f + 1]!;
      const aLeft = dx * (ay - s.xy[2 * f + 1]!) - dy * (ax - s.xy[2 * f]!) > 0;
      if (aLeft) {
        ax = mx;
        ay = my;
        aKey = -1;
        coastEnd = 1;
      } else {
        bx = mx;
        by = my;
        bKey = -1;
        coastEnd = 2;
      }
    }
    // Inside the region.
    const inA = insideEnv(ax, ay),
      inB = insideEnv(bx, by);
    if (!inA && !inB) continue; // an edge can only leave and re-enter across a dent of 10 km: none cross it twice here
    if (!inA || !inB) {
      const tc = crossEnvelope(ax, ay, bx, by, insideEnv);
      const qx = ax + tc * (bx - ax),
        qy = ay + tc * (by - ay);
      if (!inA) {
        ax = qx;
        ay = qy;
        aKey = -1;
      } else {
        bx = qx;
        by = qy;
        bKey = -1;
      }
    }
    // The piece's vertices: refined Voronoi vertices, or refined points where it meets the coast or the limit.
    const pts: Position[] = [];
    const endPoint = (key: number, x: number, y: number, onLimit: boolean): Position => {
      if (key >= 0) return refineVertex(key);
      // On the limit: the crossing with the limit's polygon (its chords sag < 5 m), moved along the limit onto
      // the geodesic bisector (the bisector crosses the limit almost at right angles: the distance stays).
      if (onLimit) return refineEquidistant(proj, x, y, [i, j], s).lonlat;
      return proj.inverse(x, y);
    };
    const A = endPoint(aKey, ax, ay, aKey < 0 && !inA);
    const B = endPoint(bKey, bx, by, bKey < 0 && !inB);
    pts.push(A);
    // Points inside long pieces (every maxBoundaryStepM) are refined when an option first uses the piece (compute.ts).
    pts.push(B);
    pieceXY.push(ax, ay, bx, by);
    pieceA.push(i);
    pieceB.push(j);
    pieceStart.push(aKey);
    pieceEnd.push(bKey);
    pieceCoast.push(coastEnd);
    for (const p of pts) coords.push(p[0]!, p[1]!);
    pieceOffset.push(coords.length / 2);
  }
  lap('boundary');

  // --- 6. straits ----------------------------------------------------------------------------------------
  const allNearest = (lon: number, lat: number): { i: number; d: number } => {
    const [x, y] = proj.forward(lon, lat);
    const i0 = delaunay.find(x, y);
    let best = geoDistance(lon, lat, s.lon[i0]!, s.lat[i0]!),
      bi = i0;
    for (const j of delaunay.neighbors(i0)) {
      if (s.group[j] === GROUP_SENTINEL) continue;
      const d = geoDistance(lon, lat, s.lon[j]!, s.lat[j]!);
      if (d < best) {
        best = d;
        bi = j;
      }
    }
    return { i: bi, d: best };
  };
  const preparedStraits: PreparedStrait[] = straits.map((st) => {
    const [A, B] = st.crossing;
    const line = WGS84.InverseLine(A[1]!, A[0]!, B[1]!, B[0]!);
    const L = line.s13 ?? 0;
    const k = Math.max(2, Math.ceil(L / 100));
    let maxD = 0,
      corridor = 0;
    for (let q = 0; q <= k; q++) {
      const pos = line.Position((L * q) / k);
      const d = allNearest(pos.lon2!, pos.lat2!).d;
      maxD = Math.max(maxD, d);
      if (d > TERRITORIAL_SEA_M && q < k) corridor += L / k;
    }
    return {
      id: st.id,
      siteA: allNearest(A[0]!, A[1]!).i,
      siteB: allNearest(B[0]!, B[1]!).i,
      widthM: L,
      maxDistanceToCoastM: maxD,
      corridorM: corridor,
    };
  });
  lap('straits');

  const islandSites = {} as Record<SeaIslandId, Int32Array>;
  SEA_ISLANDS.forEach((id, g) => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (s.group[i] === g) idx.push(i);
    islandSites[id] = Int32Array.from(idx);
  });
  return {
    params,
    center,
    nSites: n,
    siteGroup: s.group,
    siteLon: Float64Array.from(s.lon),
    siteLat: Float64Array.from(s.lat),
    islandSites,
    cellSeaM2,
    cellTsM2,
    fixedSeaM2,
    fixedTsM2,
    regionSeaM2,
    regionM2,
    regionLandM2,
    envelope,
    tsLimit,
    pieceA: Int32Array.from(pieceA),
    pieceB: Int32Array.from(pieceB),
    pieceStartKey: Int32Array.from(pieceStart),
    pieceEndKey: Int32Array.from(pieceEnd),
    pieceOffset: Int32Array.from(pieceOffset),
    pieceLonLat: Float64Array.from(coords),
    pieceXY: Float64Array.from(pieceXY),
    pieceCoast: Int8Array.from(pieceCoast),
    siteXY: s.xy,
    straits: preparedStraits,
    stats: {
      sites: n,
      islandSites: isl.n,
      triangles: nT,
      gabrielSplits,
      gabrielLeft,
      gabrielLeftByGroup,
      pieces: pieceA.length,
      refinedVertices: refined.size,
      maxRefineResidualM: maxResidual,
      timings,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------

function densify(group: number, ring: Position[], spacing: (lon: number, lat: number) => number): Ring {
  const lon: number[] = [],
    lat: number[] = [];
  const n = ring.length;
  for (let k = 0; k < n; k++) {
    const [aLon, aLat] = ring[k]! as [number, number],
      [bLon, bLat] = ring[(k + 1) % n]! as [number, number];
    lon.push(aLon);
    lat.push(aLat);
    const line = WGS84.InverseLine(aLat, aLon, bLat, bLon);
    const L = line.s13 ?? 0;
    let h = spacing(aLon, aLat);
    if (L <= h) continue;
    // Walk along the edge, the spacing following the local rule.
    let at = 0;
    for (;;) {
      const next = at + h;
      if (next >= L - h * 0.25) break;
      const pos = line.Position(next);
      lon.push(pos.lon2!);
      lat.push(pos.lat2!);
      at = next;
      h = spacing(pos.lon2!, pos.lat2!);
    }
  }
  return { group, lon, lat };
}

interface Sites {
  n: number;
  xy: Float64Array;
  lon: number[];
  lat: number[];
  group: Uint8Array;
  prev: Int32Array;
  next: Int32Array;
  ringOf: Int32Array;
  posInRing: Int32Array;
}

/** The far sentinels: every real site's cell is then bounded. */
const SENTINEL_R = 8_000_000;

function buildSites(rings: Ring[], proj: Laea): Sites {
  let n = 8;
  for (const r of rings) n += r.lon.length;
  const xy = new Float64Array(2 * n),
    group = new Uint8Array(n),
    prev = new Int32Array(n),
    next = new Int32Array(n);
  const ringOf = new Int32Array(n).fill(-1),
    posInRing = new Int32Array(n).fill(-1);
  const lon: number[] = new Array(n),
    lat: number[] = new Array(n);
  let i = 0;
  rings.forEach((r, ri) => {
    const m = r.lon.length,
      start = i;
    for (let k = 0; k < m; k++, i++) {
      const [x, y] = proj.forward(r.lon[k]!, r.lat[k]!);
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      lon[i] = r.lon[k]!;
      lat[i] = r.lat[k]!;
      group[i] = r.group;
      prev[i] = start + ((k - 1 + m) % m);
      next[i] = start + ((k + 1) % m);
      ringOf[i] = ri;
      posInRing[i] = k;
    }
  });
  for (let k = 0; k < 8; k++, i++) {
    const a = (2 * Math.PI * k) / 8 + 0.1;
    xy[2 * i] = SENTINEL_R * Math.cos(a);
    xy[2 * i + 1] = SENTINEL_R * Math.sin(a);
    lon[i] = NaN;
    lat[i] = NaN;
    group[i] = GROUP_SENTINEL;
    prev[i] = -1;
    next[i] = -1;
  }
  return { n, xy, lon, lat, group, prev, next, ringOf, posInRing };
}

/**
 * Islands in a filled lake (Nakajima in Lake Kussharo, inside Hokkaido's outline) have no coast on the sea:
 * a ring lying inside another ring is dropped.
 */
function dropContainedRings(rings: Ring[]): void {
  const outlines = rings.map((r) => {
    const flat: Flat = [];
    for (let k = 0; k < r.lon.length; k++) flat.push(r.lon[k]!, r.lat[k]!);
    const box = [Math.min(...r.lon), Math.min(...r.lat), Math.max(...r.lon), Math.max(...r.lat)] as const;
    return { flat, box };
  });
  const inside = rings.map((r, i) => {
    const a = outlines[i]!.box;
    return outlines.some(
      (o, j) =>
        j !== i &&
        o.box[0] <= a[0] &&
        o.box[1] <= a[1] &&
        o.box[2] >= a[2] &&
        o.box[3] >= a[3] &&
        pointInFlat(r.lon[0]!, r.lat[0]!, o.flat),
    );
  });
  for (let i = rings.length - 1; i >= 0; i--) if (inside[i]) rings.splice(i, 1);
}

/** Rings that touch (a few context islets share a vertex): the later ring drops the shared vertex. */
function dropSharedVertices(rings: Ring[]): void {
  const seen = new Set<string>();
  for (const r of rings) {
    const lon: number[] = [],
      lat: number[] = [];
    for (let k = 0; k < r.lon.length; k++) {
      const key = `${r.lon[k]!},${r.lat[k]!}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lon.push(r.lon[k]!);
      lat.push(r.lat[k]!);
    }
    r.lon = lon;
    r.lat = lat;
  }
}

function flattenRings(rings: Ring[], proj: Laea) {
  const lon: number[] = [],
    lat: number[] = [],
    xy: number[] = [];
  for (const r of rings)
    for (let k = 0; k < r.lon.length; k++) {
      lon.push(r.lon[k]!);
      lat.push(r.lat[k]!);
      const [x, y] = proj.forward(r.lon[k]!, r.lat[k]!);
      xy.push(x, y);
    }
  return { n: lon.length, lon, lat, xy: Float64Array.from(xy) };
}

function triangulate(s: Sites): Delaunay<number> {
  const d = new Delaunay(s.xy);
  // A site the triangulation skipped (a duplicate) would have no cell.
  for (let i = 0; i < s.n; i++)
    if (d.inedges[i]! < 0) throw new Error(`sea: coast site ${i} (${s.lon[i]}, ${s.lat[i]}) is a duplicate`);
  return d;
}

/** Coast segments whose midpoint is nearer to another site than to their ends, with the pieces to cut each into. */
function gabrielViolations(s: Sites, d: Delaunay<number>): number[] {
  const bad: number[] = [];
  gabrielPieces.clear();
  for (let i = 0; i < s.n; i++) {
    const j = s.next[i]!;
    if (j < 0) continue;
    const mx = (s.xy[2 * i]! + s.xy[2 * j]!) / 2,
      my = (s.xy[2 * i + 1]! + s.xy[2 * j + 1]!) / 2;
    const k = d.find(mx, my, i);
    if (k === i || k === j) continue;
    const h = Math.hypot(s.xy[2 * i]! - mx, s.xy[2 * i + 1]! - my);
    if (Math.hypot(s.xy[2 * k]! - mx, s.xy[2 * k + 1]! - my) < h * (1 - 1e-9)) {
      bad.push(i);
      // Pieces short enough that the intruder (mostly a neighbour at an acute corner) leaves their circles.
      const near = Math.min(
        Math.hypot(s.xy[2 * k]! - s.xy[2 * i]!, s.xy[2 * k + 1]! - s.xy[2 * i + 1]!),
        Math.hypot(s.xy[2 * k]! - s.xy[2 * j]!, s.xy[2 * k + 1]! - s.xy[2 * j + 1]!),
      );
      // An intruder next to one end (an acute corner after a short segment): cut the segment at the
      // intruder's distance from that end, which makes the corner's two segments about equal.
      const di = Math.hypot(s.xy[2 * k]! - s.xy[2 * i]!, s.xy[2 * k + 1]! - s.xy[2 * i + 1]!);
      const len = 2 * h;
      const f = near >= 0.5 * len ? 0.5 : di <= near ? near / len : 1 - near / len;
      gabrielPieces.set(i, f);
    }
  }
  return bad;
}
const gabrielPieces = new Map<number, number>();

/** Inserts the geodesic midpoint into each listed coast segment. */
function splitSegments(rings: Ring[], s: Sites, bad: number[]): void {
  const byRing = new Map<number, Map<number, number>>();
  for (const i of bad) {
    const r = s.ringOf[i]!;
    if (!byRing.has(r)) byRing.set(r, new Map());
    byRing.get(r)!.set(s.posInRing[i]!, gabrielPieces.get(i) ?? 0.5);
  }
  for (const [ri, set] of byRing) {
    const r = rings[ri]!;
    const m = r.lon.length;
    const lon: number[] = [],
      lat: number[] = [];
    for (let k = 0; k < m; k++) {
      lon.push(r.lon[k]!);
      lat.push(r.lat[k]!);
      const f = set.get(k);
      if (f !== undefined) {
        const k2 = (k + 1) % m;
        const line = WGS84.InverseLine(r.lat[k]!, r.lon[k]!, r.lat[k2]!, r.lon[k2]!);
        const p = line.Position((line.s13 ?? 0) * f);
        lon.push(p.lon2!);
        lat.push(p.lat2!);
      }
    }
    r.lon = lon;
    r.lat = lat;
  }
}

/** The geodesic circle of radius r about a site, as a counter-clockwise polygon in the plane (an ellipse). */
function geodesicCircle(
  proj: Laea,
  lon: number,
  lat: number,
  x: number,
  y: number,
  r: number,
  cosT: Float64Array,
  sinT: Float64Array,
): Flat {
  const pt = (azi: number) => {
    const q = WGS84.Direct(lat, lon, azi, r);
    return proj.forward(q.lon2!, q.lat2!);
  };
  const [nx, ny] = pt(0),
    [ex, ey] = pt(90),
    [sx, sy] = pt(180),
    [wx, wy] = pt(270);
  const ccx = (nx + sx + ex + wx) / 4,
    ccy = (ny + sy + ey + wy) / 4;
  const ax = (ex - wx) / 2,
    ay = (ey - wy) / 2,
    bx = (nx - sx) / 2,
    by = (ny - sy) / 2;
  void x;
  void y;
  const out: Flat = [];
  for (let k = 0; k < cosT.length; k++)
    out.push(ccx + cosT[k]! * ax + sinT[k]! * bx, ccy + cosT[k]! * ay + sinT[k]! * by);
  return out;
}

/**
 * Moves a point until its geodesic distances to the given sites (2 or 3) are equal: Newton's method with
 * the planar Jacobian (unit vectors from the sites), the residuals from GeographicLib.
 */
export function refineEquidistant(
  proj: Laea,
  x0: number,
  y0: number,
  sites: [number, number] | [number, number, number],
  s: { xy: Float64Array; lon: number[] | Float64Array; lat: number[] | Float64Array },
): { lonlat: [number, number]; residual: number } {
  const [s0, s1, s2] = sites;
  let x = x0,
    y = y0;
  let residual = Infinity;
  let lonlat = proj.inverse(x, y);
  for (let it = 0; it < 8; it++) {
    const [lon, lat] = lonlat;
    const dist = (k: number) => geoDistance(lon, lat, s.lon[k]!, s.lat[k]!);
    // Unit vector from site k to the point (the gradient of the distance to k).
    const unit = (k: number): [number, number] => {
      const ux = x - s.xy[2 * k]!,
        uy = y - s.xy[2 * k + 1]!;
      const l = Math.hypot(ux, uy) || 1;
      return [ux / l, uy / l];
    };
    const d0 = dist(s0),
      d1 = dist(s1);
    const [u0x, u0y] = unit(s0),
      [u1x, u1y] = unit(s1);
    const g1 = d0 - d1;
    residual = Math.abs(g1);
    if (s2 === undefined) {
      if (residual < 0.01) break;
      const jx = u0x - u1x,
        jy = u0y - u1y;
      const j2 = jx * jx + jy * jy;
      if (j2 < 1e-14) break;
      x -= (g1 * jx) / j2;
      y -= (g1 * jy) / j2;
    } else {
      const d2 = dist(s2);
      const [u2x, u2y] = unit(s2);
      const g2 = d0 - d2;
      residual = Math.max(residual, Math.abs(g2), Math.abs(d1 - d2));
      if (residual < 0.01) break;
      const a = u0x - u1x,
        b = u0y - u1y,
        c = u0x - u2x,
        e = u0y - u2y;
      const det = a * e - b * c;
      if (Math.abs(det) < 1e-12) break;
      x -= (g1 * e - b * g2) / det;
      y -= (a * g2 - c * g1) / det;
    }
    lonlat = proj.inverse(x, y);
  }
  return { lonlat, residual };
}

/** Parameter in [0, 1] where the segment a→b crosses the region's limit (a and b on opposite sides). */
function crossEnvelope(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  inside: (x: number, y: number) => boolean,
): number {
  const aIn = inside(ax, ay);
  let lo = 0,
    hi = 1;
  const len = Math.hypot(bx - ax, by - ay);
  while ((hi - lo) * len > 1) {
    const m = (lo + hi) / 2;
    if (inside(ax + m * (bx - ax), ay + m * (by - ay)) === aIn) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The part of segment a→b inside a convex counter-clockwise polygon (Cyrus–Beck), or null. */
function clipSegment(ax: number, ay: number, bx: number, by: number, p: Flat): [number, number, number, number] | null {
  let t0 = 0,
    t1 = 1;
  const dx = bx - ax,
    dy = by - ay;
  const n = p.length;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 === n ? 0 : i + 2;
    const ex = p[j]! - p[i]!,
      ey = p[j + 1]! - p[i + 1]!;
    // Inside: cross(e, q - p_i) >= 0.
    const num = ex * (ay - p[i + 1]!) - ey * (ax - p[i]!);
    const den = ex * dy - ey * dx;
    if (den === 0) {
      if (num < 0) return null;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return null;
  }
  return [ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy];
}

/** Distance from a point to a convex polygon (0 inside). */
function minDistance(p: Flat, x: number, y: number): number {
  let best = Infinity,
    inside = true;
  const n = p.length;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 === n ? 0 : i + 2;
    const ax = p[i]!,
      ay = p[i + 1]!,
      ex = p[j]! - ax,
      ey = p[j + 1]! - ay;
    if (ex * (y - ay) - ey * (x - ax) < 0) inside = false;
    const l2 = ex * ex + ey * ey;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / l2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * ex - x, ay + t * ey - y));
  }
  return inside ? 0 : best;
}
