import { describe, expect, it } from 'vitest';
import { outerRingsBox } from '../../src/geo/rings.ts';

describe("the box of polygons' outer rings", () => {
  it('spans every outer ring of a MultiPolygon and reads no hole', () => {
    const square = (x: number, y: number, d: number) => [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ];
    // A malformed "hole" outside its outer ring shows that holes are not read (they lie inside when valid).
    expect(outerRingsBox([[square(145, 43, 1), square(150, 40, 1)], [square(147.5, 44.5, 0.25)]])).toEqual([
      145, 43, 147.75, 44.75,
    ]);
  });

  it('is empty (Infinity to -Infinity) without positions', () => {
    expect(outerRingsBox([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
