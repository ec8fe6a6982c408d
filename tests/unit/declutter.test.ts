/** The label placement (src/map/declutter.ts), checked on random boxes by brute force. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { declutter, overlaps, type Candidate } from '../../src/map/declutter.ts';

const box = fc.record({
  x: fc.integer({ min: 0, max: 300 }),
  y: fc.integer({ min: 0, max: 300 }),
  w: fc.integer({ min: 4, max: 80 }),
  h: fc.integer({ min: 4, max: 30 }),
});
const candidates = fc
  .array(fc.record({ priority: fc.integer({ min: 0, max: 3 }), box, movable: fc.boolean() }), { maxLength: 60 })
  .map((xs) =>
    xs.map((c, i): Candidate => ({
      id: String(i),
      priority: c.priority,
      box: c.box,
      shifts: c.movable
        ? [
            [0, -20],
            [0, 20],
          ]
        : undefined,
    })),
  );

describe('declutter', () => {
  it('places no two boxes over each other; every box given way would overlap one placed before it', () => {
    fc.assert(
      fc.property(candidates, (cs) => {
        const { shown, hidden } = declutter(cs);
        expect(shown.size + hidden.size).toBe(cs.length);
        const placed = cs
          .filter((c) => shown.has(c.id))
          .map((c) => {
            const [dx, dy] = shown.get(c.id)!;
            return { c, b: { x: c.box.x + dx, y: c.box.y + dy, w: c.box.w, h: c.box.h } };
          });
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.b, placed[j]!.b, 0)).toBe(false);
        for (const c of cs.filter((x) => hidden.has(x.id))) {
          for (const [dx, dy] of [[0, 0] as const, ...(c.shifts ?? [])]) {
            const b = { x: c.box.x + dx, y: c.box.y + dy, w: c.box.w, h: c.box.h };
            // Something of the same or a higher priority (a lower number) is in the way at every position
            // tried.
            expect(placed.some((p) => p.c.priority <= c.priority && overlaps(p.b, b))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a higher-priority name stays; a lower one gives way or moves', () => {
    const r = declutter([
      { id: 'site', priority: 2, box: { x: 10, y: 10, w: 20, h: 20 } },
      { id: 'island', priority: 0, box: { x: 0, y: 0, w: 100, h: 20 }, shifts: [[0, 30]] },
    ]);
    expect(r.shown.get('island')).toEqual([0, 0]);
    expect(r.hidden.has('site')).toBe(true);
    const moved = declutter([
      { id: 'site', priority: 0, box: { x: 10, y: 10, w: 20, h: 20 } },
      {
        id: 'island',
        priority: 1,
        box: { x: 0, y: 0, w: 100, h: 20 },
        shifts: [
          [0, 15],
          [0, 40],
        ],
      },
    ]);
    expect(moved.shown.get('island')).toEqual([0, 40]);
  });
});
