/**
 * River islands outlined from lines (scripts/lib/island-faces.ts): on constructed banks and channels whose
 * ends stop short of each other, the island's face has the area of the rectangle they draw, computed
 * independently from its corners; the loose ends are joined only within the snapping distance; a line
 * extended to the shores cuts the island at the right place.
 */
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import {
  cutAlong,
  extendLine,
  faceHolding,
  facesOf,
  nearestOnLine,
  snapLineEnds,
} from '../../scripts/lib/island-faces.ts';
import { polygonAreaM2 } from '../../src/geo/geodesic.ts';
import { prng } from '../../scripts/lib/prng.ts';

const BOX: [number, number, number, number] = [134.3, 48.2, 134.9, 48.45];
const rect = (x0: number, y0: number, x1: number, y1: number): Position[][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
/** Metres to degrees of latitude (the gaps are small: the local scale is enough). */
const mLat = (m: number) => m / 111_195;

/**
 * An island [x0, x1] × [y0, y1] drawn as a river's two banks (long horizontal lines) and two channels
 * (vertical lines) that stop gapM short of the south bank.
 */
function islandLines(x0: number, y0: number, x1: number, y1: number, gapM: number): Position[][] {
  return [
    [
      [134.32, y1],
      [134.88, y1],
    ],
    [
      [134.32, y0],
      [134.88, y0],
    ],
    [
      [x0, y1],
      [x0, y0 + mLat(gapM)],
    ],
    [
      [x1, y1],
      [x1, y0 + mLat(gapM)],
    ],
  ];
}

describe('island faces', () => {
  it('nearestOnLine finds the foot of the perpendicular', () => {
    const n = nearestOnLine(
      [134.5, 48.3 + mLat(100)],
      [
        [134.4, 48.3],
        [134.6, 48.3],
      ],
    );
    expect(n.distanceM).toBeCloseTo(100, 6);
    expect(n.point[0]).toBeCloseTo(134.5, 12);
    expect(n.point[1]).toBeCloseTo(48.3, 12);
  });

  it('channels stopping short of a bank close the island once joined; the area is the rectangle drawn', () => {
    const lines = islandLines(134.5, 48.3, 134.62, 48.33, 120);
    const { lines: snapped, joins } = snapLineEnds(lines, 500);
    // The two channels' southern ends, and only those, were joined (the banks' ends are far from anything).
    expect(joins.map((j) => [j.line, j.end])).toEqual([
      [2, 'end'],
      [3, 'end'],
    ]);
    for (const j of joins) expect(j.gapM).toBeCloseTo(120, 3);
    const face = faceHolding(facesOf(snapped, BOX), [134.56, 48.315]);
    expect(face).not.toBeNull();
    const exact = polygonAreaM2(rect(134.5, 48.3, 134.62, 48.33));
    // The strips take about a metre along the edges (perimeter about 25 km): well under 0.3 %.
    const area = polygonAreaM2(face!);
    expect(area).toBeLessThan(exact);
    expect(1 - area / exact).toBeLessThan(0.003);
  });

  it('gaps wider than the snapping distance leave the face open to the box', () => {
    const lines = islandLines(134.5, 48.3, 134.62, 48.33, 700);
    const { lines: snapped, joins } = snapLineEnds(lines, 500);
    expect(joins).toEqual([]);
    const face = faceHolding(facesOf(snapped, BOX), [134.56, 48.315])!;
    // The island's face runs into the rest of the box between the banks.
    expect(face[0]!.some(([x]) => x === BOX[0] || x === BOX[2])).toBe(true);
  });

  it('random islands and gaps: the outlined area matches the rectangle', () => {
    const rnd = prng(20261202);
    for (let k = 0; k < 12; k++) {
      const x0 = 134.35 + rnd() * 0.2,
        x1 = x0 + 0.05 + rnd() * 0.25;
      const y0 = 48.22 + rnd() * 0.1,
        y1 = y0 + 0.01 + rnd() * 0.08;
      const gap = 1 + rnd() * 450;
      const { lines } = snapLineEnds(islandLines(x0, y0, x1, y1, gap), 500);
      const face = faceHolding(facesOf(lines, BOX), [(x0 + x1) / 2, (y0 + y1) / 2]);
      expect(face, `island ${k}`).not.toBeNull();
      const exact = polygonAreaM2(rect(x0, y0, x1, y1));
      expect(Math.abs(1 - polygonAreaM2(face!) / exact), `island ${k}`).toBeLessThan(0.003);
    }
  });

  it('a border stopping short of both shores, extended, cuts the island where it runs', () => {
    const island = rect(134.5, 48.3, 134.62, 48.33);
    // A meridian at 134.53 from 200 m inside the south shore to 200 m inside the north shore.
    const border: Position[] = [
      [134.53, 48.3 + mLat(200)],
      [134.53, 48.33 - mLat(200)],
    ];
    expect(cutAlong([island], border)).toHaveLength(1);
    const pieces = cutAlong([island], extendLine(border, 2000));
    expect(pieces).toHaveLength(2);
    const areas = pieces.map((p) => polygonAreaM2(p)).sort((a, b) => a - b);
    const west = polygonAreaM2(rect(134.5, 48.3, 134.53, 48.33)),
      east = polygonAreaM2(rect(134.53, 48.3, 134.62, 48.33));
    expect(Math.abs(1 - areas[0]! / west)).toBeLessThan(0.003);
    expect(Math.abs(1 - areas[1]! / east)).toBeLessThan(0.003);
  });

  it('extendLine lengthens a line along its end segments', () => {
    const ext = extendLine(
      [
        [134.5, 48.3],
        [134.5, 48.31],
      ],
      2000,
    );
    expect(ext).toHaveLength(4);
    expect(ext[0]![0]).toBeCloseTo(134.5, 12);
    expect((48.3 - ext[0]![1]!) * 111_195).toBeCloseTo(2000, 6);
    expect((ext[3]![1]! - 48.31) * 111_195).toBeCloseTo(2000, 6);
  });
});
