/**
 * The sea under one option, from the prepared structure (prepare.ts): only the owners of the island
 * coast sites change, so the sides' areas are sums over sites and the boundary is the set of prepared
 * pieces between sites of different owners. Cheap enough to run on every move of the slider.
 */
import type { MultiLineString, Position } from 'geojson';
import { laea, type Laea } from '../laea.ts';
import {
  GROUP_JAPAN,
  GROUP_RUSSIA,
  SEA_ISLANDS,
  refineEquidistant,
  type PreparedSea,
  type SeaIslandId,
} from './prepare.ts';

export type SeaSide = 'japan' | 'russia';

/** Who owns each island's coast under an option. */
export interface SeaOwnership {
  /** Owner of each island that is not cut. */
  whole: Record<SeaIslandId, SeaSide>;
  /**
   * The cut island, if any: its coast is split by the partition's side rule (partition.ts sideOfPoint):
   * a point is Japan's when nx·x + ny·y < offsetM in the island's own projection (centred at `center`).
   */
  cut: { island: SeaIslandId; center: Position; nx: number; ny: number; offsetM: number } | null;
}

export interface StraitUnderOption {
  id: string;
  /** Owners of the two coasts (crossing line's ends), in the data's order. */
  coastSides: [SeaSide, SeaSide];
  /** The sides that border it, sorted: one side if both coasts are the same side's. */
  sides: SeaSide[];
  widthM: number;
  closedByTerritorialSeas: boolean;
  corridorM: number;
}

export interface SeaResult {
  regionM2: number;
  japanM2: number;
  russiaM2: number;
  japanShare: number;
  territorialSea: { japanM2: number; russiaM2: number };
  /** The maritime boundary (equidistance line) inside the region, at sea. */
  boundary: MultiLineString;
  straits: StraitUnderOption[];
  /** Length of the boundary (geodesic sum of its pieces' chords, km). */
  boundaryLengthKm: number;
}

const siteCache = new WeakMap<PreparedSea, Map<string, Float64Array>>();

/** Island sites' coordinates in the projection a cut was solved in (cached per island and centre). */
function islandXY(prep: PreparedSea, island: SeaIslandId, center: Position): Float64Array {
  let m = siteCache.get(prep);
  if (!m) {
    m = new Map();
    siteCache.set(prep, m);
  }
  const key = `${island}:${center[0]},${center[1]}`;
  let xy = m.get(key);
  if (!xy) {
    const proj: Laea = laea(center);
    const idx = prep.islandSites[island];
    xy = new Float64Array(2 * idx.length);
    for (let k = 0; k < idx.length; k++) {
      const [x, y] = proj.forward(prep.siteLon[idx[k]!]!, prep.siteLat[idx[k]!]!);
      xy[2 * k] = x;
      xy[2 * k + 1] = y;
    }
    m.set(key, xy);
  }
  return xy;
}

/** Owner per site: 0 Japan, 1 Russia, 2 none (the far sentinels). */
export function siteOwners(prep: PreparedSea, own: SeaOwnership): Uint8Array {
  const out = new Uint8Array(prep.nSites);
  for (let i = 0; i < prep.nSites; i++) {
    const g = prep.siteGroup[i];
    out[i] = g === GROUP_JAPAN ? 0 : g === GROUP_RUSSIA ? 1 : 2;
  }
  SEA_ISLANDS.forEach((id) => {
    const idx = prep.islandSites[id];
    if (own.cut && own.cut.island === id) {
      const { nx, ny, offsetM } = own.cut;
      const xy = islandXY(prep, id, own.cut.center);
      for (let k = 0; k < idx.length; k++) out[idx[k]!] = nx * xy[2 * k]! + ny * xy[2 * k + 1]! < offsetM ? 0 : 1;
    } else {
      const o = own.whole[id] === 'japan' ? 0 : 1;
      for (let k = 0; k < idx.length; k++) out[idx[k]!] = o;
    }
  });
  return out;
}

const SIDES: SeaSide[] = ['japan', 'russia'];

export function computeSea(prep: PreparedSea, own: SeaOwnership): SeaResult {
  const owner = siteOwners(prep, own);
  let j = prep.fixedSeaM2[0],
    r = prep.fixedSeaM2[1],
    tj = prep.fixedTsM2[0],
    tr = prep.fixedTsM2[1];
  for (const id of SEA_ISLANDS) {
    const idx = prep.islandSites[id];
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      if (owner[i] === 0) {
        j += prep.cellSeaM2[i]!;
        tj += prep.cellTsM2[i]!;
      } else {
        r += prep.cellSeaM2[i]!;
        tr += prep.cellTsM2[i]!;
      }
    }
  }
  const { boundary, lengthKm } = boundaryOf(prep, owner, own);
  const straits: StraitUnderOption[] = prep.straits.map((s) => {
    // A strait's ends are coast sites, owned 0 (Japan) or 1 (Russia), never a sentinel.
    const a = SIDES[owner[s.siteA]!]!,
      b = SIDES[owner[s.siteB]!]!;
    return {
      id: s.id,
      coastSides: [a, b],
      sides: [...new Set([a, b])].sort() as SeaSide[],
      widthM: s.widthM,
      closedByTerritorialSeas: s.corridorM === 0,
      corridorM: s.corridorM,
    };
  });
  return {
    regionM2: prep.regionSeaM2,
    japanM2: j,
    russiaM2: r,
    japanShare: j / prep.regionSeaM2,
    territorialSea: { japanM2: tj, russiaM2: tr },
    boundary,
    straits,
    boundaryLengthKm: lengthKm,
  };
}

/** The pieces between sites of different owners, joined end to end into lines. */
function boundaryOf(
  prep: PreparedSea,
  owner: Uint8Array,
  own: SeaOwnership,
): { boundary: MultiLineString; lengthKm: number } {
  const { pieceA, pieceB, pieceStartKey, pieceEndKey, pieceOffset, pieceLonLat } = prep;
  const chosen: number[] = [];
  for (let p = 0; p < pieceA.length; p++) {
    const a = owner[pieceA[p]!]!,
      b = owner[pieceB[p]!]!;
    if (a !== b && a < 2 && b < 2) chosen.push(p);
  }
  // Each Voronoi vertex (triangle) on the boundary has exactly two boundary pieces.
  const at = new Map<number, number[]>();
  for (const p of chosen)
    for (const k of [pieceStartKey[p]!, pieceEndKey[p]!]) {
      if (k < 0) continue;
      const l = at.get(k);
      if (l) l.push(p);
      else at.set(k, [p]);
    }
  const used = new Uint8Array(pieceA.length);
  const lines: Position[][] = [];
  let lengthKm = 0;
  const coordsOf = (p: number, forward: boolean): Position[] => {
    let out = pieceCoords(prep, p);
    // Where the boundary leaves a cut island's coast: at the point where the land border meets the coast
    // (between the two coast sites), so both sides' coasts are at distance 0 there.
    if (prep.pieceCoast[p] && own.cut) {
      const x = coastCrossing(prep, prep.pieceA[p]!, prep.pieceB[p]!, own.cut);
      if (x) {
        out = out.slice();
        out[prep.pieceCoast[p] === 1 ? 0 : out.length - 1] = x;
      }
    }
    return forward ? out : out.slice().reverse();
  };
  void pieceOffset;
  void pieceLonLat;
  const otherAt = (key: number, p: number) => (at.get(key) ?? []).find((q) => q !== p && !used[q]);
  // Start from open ends first (the coast or the 200 nm limit), then close the loops.
  const order = [...chosen].sort((x, y) => Number(isOpen(y)) - Number(isOpen(x)) || x - y);
  function isOpen(p: number) {
    return (
      pieceStartKey[p]! < 0 ||
      pieceEndKey[p]! < 0 ||
      (at.get(pieceStartKey[p]!)?.length ?? 0) < 2 ||
      (at.get(pieceEndKey[p]!)?.length ?? 0) < 2
    );
  }
  for (const p0 of order) {
    if (used[p0]) continue;
    // Orient the first piece so that it leaves from its open end, if it has one.
    const startOpen = pieceStartKey[p0]! < 0 || (at.get(pieceStartKey[p0]!)?.length ?? 0) < 2;
    let forward = startOpen || !(pieceEndKey[p0]! < 0 || (at.get(pieceEndKey[p0]!)?.length ?? 0) < 2);
    let p = p0;
    const line: Position[] = [];
    for (;;) {
      used[p] = 1;
      const c = coordsOf(p, forward);
      for (let k = line.length ? 1 : 0; k < c.length; k++) line.push(c[k]!);
      const endKey = forward ? pieceEndKey[p]! : pieceStartKey[p]!;
      if (endKey < 0) break;
      const q = otherAt(endKey, p);
      if (q === undefined) break;
      forward = pieceStartKey[q] === endKey;
      p = q;
    }
    lines.push(line);
    for (let k = 1; k < line.length; k++) lengthKm += approxKm(line[k - 1]!, line[k]!);
  }
  // Every line holds at least one piece, so a first point.
  lines.sort((a, b) => a[0]![0]! - b[0]![0]! || a[0]![1]! - b[0]![1]!);
  return { boundary: { type: 'MultiLineString', coordinates: lines }, lengthKm };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Where the cut's line crosses the coast segment between two sites (partition.ts's half-plane test), or null. */
function coastCrossing(
  prep: PreparedSea,
  a: number,
  b: number,
  cut: NonNullable<SeaOwnership['cut']>,
): Position | null {
  const proj = laea(cut.center);
  const [xa, ya] = proj.forward(prep.siteLon[a]!, prep.siteLat[a]!);
  const [xb, yb] = proj.forward(prep.siteLon[b]!, prep.siteLat[b]!);
  const ua = cut.nx * xa + cut.ny * ya,
    ub = cut.nx * xb + cut.ny * yb;
  if (ua === ub || ua < cut.offsetM === ub < cut.offsetM) return null;
  const t = (cut.offsetM - ua) / (ub - ua);
  // The sites are at most 62 m apart: along the geodesic or straight in lon/lat is the same to a millimetre.
  return [
    round6(prep.siteLon[a]! + t * (prep.siteLon[b]! - prep.siteLon[a]!)),
    round6(prep.siteLat[a]! + t * (prep.siteLat[b]! - prep.siteLat[a]!)),
  ];
}

const pieceCache = new WeakMap<
  PreparedSea,
  { proj: Laea; coords: Map<number, Position[]>; site: { xy: Float64Array; lon: Float64Array; lat: Float64Array } }
>();

/**
 * A piece's vertices: its two prepared ends and, for a long piece, points every maxBoundaryStepM moved onto
 * the geodesic bisector of its two sites (Newton, GeographicLib); computed once per piece, then cached.
 */
function pieceCoords(prep: PreparedSea, p: number): Position[] {
  let c = pieceCache.get(prep);
  if (!c) {
    c = { proj: laea(prep.center), coords: new Map(), site: { xy: prep.siteXY, lon: prep.siteLon, lat: prep.siteLat } };
    pieceCache.set(prep, c);
  }
  let out = c.coords.get(p);
  if (out) return out;
  const a = prep.pieceOffset[p]!;
  const A = [prep.pieceLonLat[2 * a]!, prep.pieceLonLat[2 * a + 1]!] as const;
  const B = [prep.pieceLonLat[2 * a + 2]!, prep.pieceLonLat[2 * a + 3]!] as const;
  const ax = prep.pieceXY[4 * p]!,
    ay = prep.pieceXY[4 * p + 1]!,
    bx = prep.pieceXY[4 * p + 2]!,
    by = prep.pieceXY[4 * p + 3]!;
  const steps = Math.ceil(Math.hypot(bx - ax, by - ay) / prep.params.maxBoundaryStepM);
  out = [[round6(A[0]), round6(A[1])]];
  for (let k = 1; k < steps; k++) {
    const f = k / steps;
    const r = refineEquidistant(
      c.proj,
      ax + f * (bx - ax),
      ay + f * (by - ay),
      [prep.pieceA[p]!, prep.pieceB[p]!],
      c.site,
    );
    out.push([round6(r.lonlat[0]), round6(r.lonlat[1])]);
  }
  out.push([round6(B[0]), round6(B[1])]);
  c.coords.set(p, out);
  return out;
}

/** Chord length on a sphere of the mean radius (km): for the reported length only (0.3 % at worst). */
function approxKm(a: Position, b: Position): number {
  const R = 6371.0088,
    d = Math.PI / 180;
  const [aLon, aLat] = a as [number, number],
    [bLon, bLat] = b as [number, number];
  const dLat = (bLat - aLat) * d,
    dLon = (bLon - aLon) * d;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * d) * Math.cos(bLat * d) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
