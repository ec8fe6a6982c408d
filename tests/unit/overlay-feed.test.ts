import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import {
  overlayChange,
  overlayData,
  type OverlayDiff,
  type OverlayGroups,
  type OverlaySent,
} from '../../src/map/overlay-feed.ts';
import { LAYER_KIND } from '../../src/map/style.ts';

const KINDS = ['option-area', 'territory', 'cut-line', 'sea-line'] as const;

const point = (x: number): Feature => ({
  type: 'Feature',
  properties: { x },
  geometry: { type: 'Point', coordinates: [x, 0] },
});
const collection = (n: number, from: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => point(from + i)),
});

/** What MapLibre does with a diff on its side (remove the ids, then add the features by id). */
function applyLikeMapLibre(source: Map<number, Feature>, diff: OverlayDiff): void {
  for (const id of diff.remove) source.delete(id);
  for (const f of diff.add) source.set(f.id as number, f);
}

/** Each kind's features on the source, in the order they were added, as the input features' x. */
function byKind(source: Map<number, Feature>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of source.values()) (out[f.properties![LAYER_KIND] as string] ??= []).push(f.properties!.x as number);
  return out;
}
function expected(groups: OverlayGroups): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [kind, input] of groups)
    if (input?.features.length) out[kind] = input.features.map((f) => f.properties!.x as number);
  return out;
}

describe('the overlay sent as changes (overlay-feed.ts)', () => {
  it('sends the first collection whole, tagged by kind, with ids that differ', () => {
    const options = collection(2, 0);
    const cut = collection(1, 10);
    const { sent, diff } = overlayChange(null, [
      ['option-area', options],
      ['cut-line', cut],
      ['territory', null],
    ]);
    expect(diff!.remove).toEqual([]);
    expect(diff!.add.map((f) => [f.properties![LAYER_KIND], f.properties!.x])).toEqual([
      ['option-area', 0],
      ['option-area', 1],
      ['cut-line', 10],
    ]);
    expect(new Set(diff!.add.map((f) => f.id)).size).toBe(3);
    expect(overlayData(sent).features).toEqual(diff!.add);
    // The input is not changed by the tagging.
    expect(options.features[0]!.properties).toEqual({ x: 0 });
    expect(options.features[0]!.id).toBeUndefined();
  });

  it('sends only the groups whose input changed, and nothing when none did', () => {
    const territory = collection(3, 100);
    const first = overlayChange(null, [
      ['option-area', collection(2, 0)],
      ['territory', territory],
    ]);
    const territoryIds = first.diff!.add.filter((f) => f.properties![LAYER_KIND] === 'territory').map((f) => f.id);
    const newOptions = collection(1, 50);
    const second = overlayChange(first.sent, [
      ['option-area', newOptions],
      ['territory', territory],
    ]);
    expect(second.diff!.add.map((f) => f.properties!.x)).toEqual([50]);
    expect(second.diff!.remove).toHaveLength(2);
    for (const id of territoryIds) expect(second.diff!.remove).not.toContain(id);
    expect(
      overlayChange(second.sent, [
        ['option-area', newOptions],
        ['territory', territory],
      ]).diff,
    ).toBeNull();
  });

  it('refuses a kind given twice', () => {
    expect(() =>
      overlayChange(null, [
        ['territory', null],
        ['territory', null],
      ]),
    ).toThrow(/twice/);
  });

  it('keeps a source that applies every diff equal to the groups given last, over random sequences', () => {
    // A pool of inputs per kind, so that steps reuse the same object (unchanged) or give another one.
    const pool = KINDS.map((_, k) => [null, collection(0, 0), collection(1, 1000 * k), collection(4, 1000 * k + 10)]);
    const step = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 4 })), {
      minLength: KINDS.length,
      maxLength: KINDS.length,
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let sent: OverlaySent | null = null;
        let before: OverlayGroups | null = null;
        const source = new Map<number, Feature>();
        for (const choice of steps) {
          const groups: OverlayGroups = KINDS.flatMap((kind, k) => {
            const [given, pick] = choice[k]!;
            if (!given) return [];
            // 4: a new object with the same features as pool entry 3 (a recomputed, equal result).
            const input = pick === 4 ? collection(4, 1000 * k + 10) : pool[k]![pick]!;
            return [[kind, input] as const];
          });
          const change = overlayChange(sent, groups);
          const changed =
            !before ||
            groups.length !== before.length ||
            groups.some(([kind, input]) => before!.find(([k]) => k === kind)?.[1] !== input);
          if (change.diff) applyLikeMapLibre(source, change.diff);
          const ids = [...source.keys()];
          expect(new Set(ids).size).toBe(ids.length);
          expect(byKind(source)).toEqual(expected(groups));
          expect(
            Object.fromEntries(
              Object.entries(byKind(new Map(overlayData(change.sent).features.map((f) => [f.id as number, f])))),
            ),
          ).toEqual(expected(groups));
          // Nothing is sent for a step where no group's input changed.
          if (!changed) expect(change.diff).toBeNull();
          // A group whose input stayed the same keeps its ids (nothing of it is removed or added).
          if (before && change.diff)
            for (const [kind, input] of groups)
              if (before.find(([k]) => k === kind)?.[1] === input)
                expect(change.diff.add.some((f) => f.properties![LAYER_KIND] === kind)).toBe(false);
          sent = change.sent;
          before = groups;
        }
      }),
      { numRuns: 300 },
    );
  });
});
