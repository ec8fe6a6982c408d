/**
 * Merging the user's polygons into one territory before any area is computed (pure: no React,
 * MapLibre or src/data imports; runs in Node and the browser).
 *
 * Imported polygons may overlap or repeat; summing them would count the shared ground twice. The
 * union is computed by polyclip-ts (the library Turf 7.2+ uses for its own union), which accepts
 * rings of either winding and returns RFC 7946 rings (outer counter-clockwise, holes clockwise,
 * closed). Areas are WGS84 areas (GeographicLib, geodesic edges).
 *
 * polyclip-ts is exact but slow on big rings (about 5 s for two overlapping 30,000-vertex rings), so it
 * only runs on groups of polygons whose bounding boxes overlap; a polygon that overlaps no other's box
 * is kept as it is (the validator has checked that it does not cross itself), only rewound.
 *
 * The union is computed in the longitude/latitude plane: where two edges cross, the new vertex is
 * their crossing in that plane. Edges are short in any real coastline, so this differs from the
 * crossing of the two geodesics by far less than the data's own accuracy.
 */
import type { MultiPolygon, Position } from 'geojson';
import { union } from 'polyclip-ts';
import { polygonAreaM2 } from './geodesic.ts';
import { orientPolygon } from './rings.ts';

export interface UnionResult {
  /** The merged territory: disjoint polygons, RFC 7946 winding; null when nothing has area. */
  merged: MultiPolygon | null;
  /** Number of polygons given (each Polygon, and each part of a MultiPolygon, counts as one). */
  inputPolygons: number;
  /** Number of polygons in the merged territory. */
  outputPolygons: number;
  /** Sum of the given polygons' areas, km² (overlaps counted as often as they occur). */
  inputKm2: number;
  /** Area of the merged territory, km². */
  mergedKm2: number;
  /** inputKm2 − mergedKm2: the ground that was counted more than once, km² (never negative). */
  overlapRemovedKm2: number;
}

type PcRing = [number, number][];

/** Polygons given to one polyclip-ts call at most (its arguments are spread). */
const UNION_CHUNK = 1000;

/** Outer ring minus holes, each ring's area taken as positive whatever its winding. */
function polygonKm2(rings: readonly (readonly Position[])[]): number {
  return polygonAreaM2(rings) / 1e6;
}

/**
 * Union of polygons (each `Position[][]`: outer ring then holes, either winding, closed or not).
 * Elevations are dropped. Throws only if polyclip-ts fails (it may on degenerate input).
 */
export function unionPolygons(polygons: readonly (readonly (readonly Position[])[])[]): UnionResult {
  let inputKm2 = 0;
  const geoms: PcRing[][] = [];
  /** Each polygon's area, km²: a polygon that overlaps nothing keeps it (no second pass over its vertices). */
  const km2: number[] = [];
  for (const poly of polygons) {
    const rings: PcRing[] = [];
    for (const ring of poly) {
      const r: PcRing = ring.map((p) => [p[0]!, p[1]!]);
      const f = r[0],
        l = r[r.length - 1];
      if (f && l && (f[0] !== l[0] || f[1] !== l[1])) r.push([f[0], f[1]]);
      rings.push(r);
    }
    if (rings.length === 0) continue;
    const a = polygonKm2(rings);
    inputKm2 += a;
    km2.push(a);
    geoms.push(rings);
  }
  const empty: UnionResult = {
    merged: null,
    inputPolygons: polygons.length,
    outputPolygons: 0,
    inputKm2,
    mergedKm2: 0,
    overlapRemovedKm2: inputKm2,
  };
  if (geoms.length === 0) return empty;
  const out: Position[][][] = [];
  let mergedKm2 = 0;
  for (const group of overlappingGroups(geoms)) {
    if (group.length === 1) {
      out.push(orientPolygon(geoms[group[0]!]!));
      mergedKm2 += km2[group[0]!]!;
      continue;
    }
    // No argument spreading in proportion to the input (it overflows the call stack): the group goes to
    // polyclip-ts in chunks, each merged into what the previous ones gave.
    let acc: PcRing[][] = [geoms[group[0]!]!];
    for (let k = 1; k < group.length; k += UNION_CHUNK) {
      const chunk: PcRing[][] = [];
      for (let i = k; i < Math.min(group.length, k + UNION_CHUNK); i++) chunk.push(geoms[group[i]!]!);
      acc = union(acc, ...chunk) as PcRing[][];
    }
    for (const p of acc) {
      out.push(p);
      mergedKm2 += polygonKm2(p);
    }
  }
  if (out.length === 0) return empty;
  return {
    merged: { type: 'MultiPolygon', coordinates: out },
    inputPolygons: polygons.length,
    outputPolygons: out.length,
    inputKm2,
    mergedKm2,
    // Rounding can leave a few square millimetres of either sign when nothing overlaps.
    overlapRemovedKm2: Math.max(0, inputKm2 - mergedKm2),
  };
}

/**
 * Groups of polygons whose outer rings' bounding boxes overlap, directly or through others (a sweep
 * along longitude with union-find). Groups are listed by their first polygon, members in input order.
 */
function overlappingGroups(geoms: PcRing[][]): number[][] {
  const n = geoms.length;
  const box = geoms.map((rings) => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    // Every polygon kept has an outer ring (unionPolygons skips those without rings).
    for (const [x, y] of rings[0]!) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    return { x0, y0, x1, y1 };
  });
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => box[a]!.x0 - box[b]!.x0);
  let active: number[] = [];
  for (const i of order) {
    const b = box[i]!;
    active = active.filter((j) => box[j]!.x1 >= b.x0);
    for (const j of active) {
      if (box[j]!.y1 >= b.y0 && box[j]!.y0 <= b.y1) parent[find(i)] = find(j);
    }
    active.push(i);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
