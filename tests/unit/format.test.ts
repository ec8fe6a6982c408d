import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtInt, fmtKm2, fmtNumber } from '../../src/ui/format.ts';

describe('number formatting without Intl', () => {
  it('gives known answers', () => {
    expect(fmtKm2(3175.5712)).toBe('3,175.57 km²');
    expect(fmtKm2(77702.505, 1)).toBe('77,702.5 km²');
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtInt(999)).toBe('999');
    expect(fmtInt(-1000)).toBe('-1,000');
    expect(fmtNumber(-0.001, 2)).toBe('0.00');
    expect(fmtNumber(0)).toBe('0');
    expect(fmtNumber(Number.NaN)).toBe('NaN');
  });

  it('groups and signs exactly as en-US Intl does, for any value once rounded', () => {
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
      // Rounding itself is toFixed's; compare the grouping of the rounded value.
      const rounded = Number(Math.abs(x).toFixed(d)) * Math.sign(x);
      const intl = (rounded === 0 ? 0 : rounded).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true });
      expect(fmtNumber(x, d)).toBe(intl);
    }), { numRuns: 5000 });
  });
});
