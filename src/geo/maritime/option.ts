/** From a settlement option (shares.ts) to the owners of the island coasts (compute.ts). */
import type { OptionResult, ShareContext } from '../shares.ts';
import { SEA_ISLANDS, type SeaIslandId } from './ids.ts';
import type { SeaOwnership, SeaSide } from './compute.ts';

/**
 * Whole islands go to the side the option gives them; a cut island's coast is split by the same
 * half-plane test as partition.ts sideOfPoint (its frame and offset in the island's projection).
 */
export function seaOwnership(ctx: ShareContext, r: OptionResult): SeaOwnership {
  const whole = {} as Record<SeaIslandId, SeaSide>;
  for (const id of SEA_ISLANDS) {
    const i = r.perIsland.find((p) => p.id === id);
    whole[id] = i && i.fractionToJapan >= 0.5 ? 'japan' : 'russia';
  }
  const part = r.cut?.partition;
  if (r.cut && part?.frame) {
    const island = r.cut.island as SeaIslandId;
    const center = ctx.islands.get(island)!.prepared.projection.center;
    return {
      whole,
      cut: { island, center: [center[0]!, center[1]!], nx: part.frame.nx, ny: part.frame.ny, offsetM: part.offsetM },
    };
  }
  return { whole, cut: null };
}
