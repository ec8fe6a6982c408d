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

  it("moves names to cover the fewest of the user's clusters, and never hides one for them", () => {
    const at = (c: Candidate, [dx, dy]: readonly [number, number]) => ({
      x: c.box.x + dx,
      y: c.box.y + dy,
      w: c.box.w,
      h: c.box.h,
    });
    fc.assert(
      fc.property(candidates, fc.array(box, { maxLength: 30 }), (cs, soft) => {
        const { shown, hidden } = declutter(cs, soft);
        expect(shown.size + hidden.size).toBe(cs.length);
        // In placement order (priority, then as given), each box against those placed before it.
        const order = [...cs].sort((a, b) => a.priority - b.priority || Number(a.id) - Number(b.id));
        const before: ReturnType<typeof at>[] = [];
        for (const c of order) {
          const tried = [[0, 0] as const, ...(c.shifts ?? [])];
          const free = (o: readonly [number, number]) => !before.some((p) => overlaps(p, at(c, o)));
          const covered = (o: readonly [number, number]) => soft.filter((q) => overlaps(q, at(c, o), 0)).length;
          if (hidden.has(c.id)) {
            // Given way only to what was placed, never to a cluster.
            expect(tried.some(free)).toBe(false);
            continue;
          }
          const o = shown.get(c.id)!;
          expect(free(o)).toBe(true);
          // A box that may move covers as few clusters as any free position tried; a fixed one stays put.
          if (c.shifts) expect(covered(o)).toBe(Math.min(...tried.filter(free).map(covered)));
          else expect(o).toEqual([0, 0]);
          before.push(at(c, o));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an island name moves off a cluster it covers', () => {
    const name = {
      id: 'name',
      priority: 1,
      box: { x: 0, y: 0, w: 100, h: 20 },
      shifts: [[0, -22] as [number, number]],
    };
    const cluster = { x: 40, y: 5, w: 26, h: 26 };
    expect(declutter([name], [cluster]).shown.get('name')).toEqual([0, -22]);
    // Where every position covers a cluster, it takes the one that covers fewest, and stays shown.
    expect(declutter([name], [cluster, { x: 40, y: -15, w: 20, h: 10 }]).shown.get('name')).toEqual([0, 0]);
    expect(
      declutter([name], [cluster, { x: 0, y: 2, w: 10, h: 10 }, { x: 40, y: -15, w: 20, h: 10 }]).shown.get('name'),
    ).toEqual([0, -22]);
  });
});
