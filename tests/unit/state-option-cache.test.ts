/** The preset options' cache (src/state/option-cache.ts): one computation per option, basis and bearing. */
import { describe, expect, it } from 'vitest';
import { computeOption, type ShareContext } from '../../src/geo/shares.ts';
import { createPresetCache } from '../../src/state/option-cache.ts';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';

const ctx = loadShareContext();
const [first, second] = OPTIONS;

function counted() {
  const calls: string[] = [];
  const preset = createPresetCache((c, spec, basis, bearing) => {
    calls.push(`${spec.id}|${basis}|${bearing}`);
    return computeOption(c, spec, basis, bearing);
  });
  return { preset, calls };
}

describe('preset cache', () => {
  it("computes each preset once for the same basis and bearing, and returns the solver's result", () => {
    const { preset, calls } = counted();
    const a = preset(ctx, first!, 'official', 30);
    expect(preset(ctx, first!, 'official', 30)).toBe(a);
    preset(ctx, second!, 'official', 30);
    expect(calls).toEqual([`${first!.id}|official|30`, `${second!.id}|official|30`]);
    expect(a).toEqual(computeOption(ctx, first!, 'official', 30));
  });

  it('starts again for another basis, bearing or context, and keeps only the latest', () => {
    const { preset, calls } = counted();
    preset(ctx, first!, 'official', null);
    preset(ctx, first!, 'geodesic', null);
    preset(ctx, first!, 'geodesic', 'shortest');
    preset(ctx, first!, 'official', null);
    const other: ShareContext = { ...ctx };
    preset(other, first!, 'official', null);
    expect(calls).toEqual([
      `${first!.id}|official|undefined`,
      `${first!.id}|geodesic|undefined`,
      `${first!.id}|geodesic|shortest`,
      `${first!.id}|official|undefined`,
      `${first!.id}|official|undefined`,
    ]);
  });
});
