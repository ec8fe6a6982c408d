/**
 * The preset options' results, each computed once per share context, basis and bearing, when first asked
 * for: the map needs only the current option before its first frame, the table's other options come with
 * the side panel, and dragging the share slider recomputes only the custom option. One generation is
 * kept: a new basis, bearing or context starts a new one (a dragged bearing would otherwise fill it).
 */
import { computeOption, type AreaBasis, type OptionResult, type OptionSpec, type ShareContext } from '../geo/shares.ts';

export type PresetResult = (
  ctx: ShareContext,
  spec: OptionSpec,
  basis: AreaBasis,
  bearing: number | 'shortest' | null,
) => OptionResult;

export function createPresetCache(compute: typeof computeOption = computeOption): PresetResult {
  let generation: { ctx: ShareContext; basis: AreaBasis; bearing: number | 'shortest' | null } | null = null;
  let results = new Map<string, OptionResult>();
  return (ctx, spec, basis, bearing) => {
    if (!generation || generation.ctx !== ctx || generation.basis !== basis || generation.bearing !== bearing) {
      generation = { ctx, basis, bearing };
      results = new Map();
    }
    let r = results.get(spec.id);
    if (!r) {
      r = compute(ctx, spec, basis, bearing ?? undefined);
      results.set(spec.id, r);
    }
    return r;
  };
}
