/**
 * River islands outlined from lines: a river island is the face that a set of water lines (a river's
 * double-line banks, channels drawn as centre lines, a border drawn along a channel) encloses around a
 * published position. Used for the China–Russia precedents, whose land source does not cut rivers out
 * of land (data/precedents-sources/README.md); pure, tested on synthetic lines in tests/unit.
 *
 * How: each line's loose ends are joined to the nearest other line when it lies within snapM (the
 * source's lines stop short of each other by tens to hundreds of metres); every segment becomes a strip
 * of half-width halfWidthDeg (about a metre), and a box minus all strips leaves the faces. The face
 * holding the point is the island; the strips take away about a metre along its edges (about 0.15 km²
 * around the Amur islands' 344.7 km²; under 0.3 % of the small islands in tests/unit/island-faces.test.ts).
 */
import type { Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { difference } from 'polyclip-ts';

type Ring = Position[];
type PolygonRings = Ring[];

const M_PER_DEG = 111_195;

/** The nearest point of a polyline to p, and its distance in metres (local equirectangular plane). */
export function nearestOnLine(p: Position, line: readonly Position[]): { distanceM: number; point: Position } {
  const cl = Math.cos((p[1]! * Math.PI) / 180);
  let best = { distanceM: Infinity, point: p };
  for (let k = 1; k < line.length; k++) {
    const [ax, ay] = line[k - 1]!,
      [bx, by] = line[k]!;
    const dx = (bx! - ax!) * cl,
      dy = by! - ay!,
      px = (p[0]! - ax!) * cl,
      py = p[1]! - ay!;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
    const d = Math.hypot(px - t * dx, py - t * dy) * M_PER_DEG;
    if (d < best.distanceM) best = { distanceM: d, point: [ax! + t * (bx! - ax!), ay! + t * (by! - ay!)] };
  }
  return best;
}

export interface SnapRecord {
  line: number;
  end: 'start' | 'end';
  gapM: number;
}

/** Each line with its loose ends joined straight to the nearest other line within snapM; the joins made. */
export function snapLineEnds(
  lines: readonly (readonly Position[])[],
  snapM: number,
): { lines: Position[][]; joins: SnapRecord[] } {
  const joins: SnapRecord[] = [];
  const out = lines.map((line, i) => {
    const snapped = line.slice();
    for (const end of ['start', 'end'] as const) {
      const p = end === 'start' ? line[0]! : line[line.length - 1]!;
      let best = { distanceM: Infinity, point: p };
      lines.forEach((other, j) => {
        if (j === i) return;
        const n = nearestOnLine(p, other);
        if (n.distanceM < best.distanceM) best = n;
      });
      // Already touching (within a millimetre) or too far to be the same junction: left as it is.
      if (best.distanceM <= 1e-3 || best.distanceM > snapM) continue;
      joins.push({ line: i, end, gapM: best.distanceM });
      if (end === 'start') snapped.unshift(best.point);
      else snapped.push(best.point);
    }
    return snapped;
  });
  return { lines: out, joins };
}

/** One thin rectangle per segment, lengthened by its half-width at both ends so that joints stay closed. */
function strips(lines: readonly (readonly Position[])[], halfWidthDeg: number): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) {
      const [ax, ay] = line[k - 1]!,
        [bx, by] = line[k]!;
      const cl = Math.cos((ay! * Math.PI) / 180);
      let dx = (bx! - ax!) * cl,
        dy = by! - ay!;
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      dx /= len;
      dy /= len;
      const ex = (dx * halfWidthDeg) / cl,
        ey = dy * halfWidthDeg,
        nx = (-dy * halfWidthDeg) / cl,
        ny = dx * halfWidthDeg;
      const a = [ax! - ex, ay! - ey],
        b = [bx! + ex, by! + ey];
      out.push([
        [
          [a[0]! + nx, a[1]! + ny],
          [b[0]! + nx, b[1]! + ny],
          [b[0]! - nx, b[1]! - ny],
          [a[0]! - nx, a[1]! - ny],
          [a[0]! + nx, a[1]! + ny],
        ],
      ]);
    }
  }
  return out;
}

/** The faces a box is cut into by the lines (already snapped), as polygons. */
export function facesOf(
  lines: readonly (readonly Position[])[],
  box: readonly [number, number, number, number],
  halfWidthDeg = 1e-5,
): PolygonRings[] {
  const [x0, y0, x1, y1] = box;
  const boxPolygon: PolygonRings = [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  return difference(boxPolygon as never, ...(strips(lines, halfWidthDeg) as never[])) as unknown as PolygonRings[];
}

/** The face holding the point, or null when the point lies on a line or outside the box. */
export function faceHolding(faces: readonly PolygonRings[], p: Position): PolygonRings | null {
  return faces.find((f) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: f })) ?? null;
}

/** The polygons cut along a line (a strip of half-width halfWidthDeg taken out): the pieces either side. */
export function cutAlong(
  polygons: readonly PolygonRings[],
  line: readonly Position[],
  halfWidthDeg = 1e-5,
): PolygonRings[] {
  return difference(polygons as never, ...(strips([line], halfWidthDeg) as never[])) as unknown as PolygonRings[];
}

/** The line lengthened straight by metres at both ends, along its end segments (local plane; for short lengths). */
export function extendLine(line: readonly Position[], metres: number): Position[] {
  const stretch = (from: Position, to: Position): Position => {
    const cl = Math.cos((to[1]! * Math.PI) / 180);
    const dx = (to[0]! - from[0]!) * cl,
      dy = to[1]! - from[1]!;
    const len = Math.hypot(dx, dy);
    const k = metres / M_PER_DEG / len;
    return [to[0]! + (dx * k) / cl, to[1]! + dy * k];
  };
  const n = line.length;
  return [stretch(line[1]!, line[0]!), ...line, stretch(line[n - 2]!, line[n - 1]!)];
}
