/**
 * Which military sites change hands under an option. A site on an island going to Japan whole is
 * handed over; on a cut island, its side of the line decides, except that a site whose position is
 * known only to the island cannot be placed and is listed as ambiguous.
 */
import type { OptionResult, ShareContext } from './shares.ts';
import { sideOfPoint } from './partition.ts';
import type { Site } from './military.ts';

export interface SitesUnderOption {
  toJapan: string[];
  ambiguous: string[];
  byKind: Record<string, number>;
}

export function sitesUnderOption(ctx: ShareContext, r: OptionResult, sites: Site[]): SitesUnderOption {
  const toJapan: string[] = [],
    ambiguous: string[] = [];
  const byKind: Record<string, number> = {};
  for (const s of sites) {
    const share = r.perIsland.find((i) => i.id === s.props.island);
    if (!share || share.fractionToJapan <= 0) continue;
    let japan = share.fractionToJapan >= 1;
    if (!japan) {
      if (s.props.certainty === 'island') {
        ambiguous.push(s.id);
        continue;
      }
      const island = ctx.islands.get(share.id)!;
      japan = sideOfPoint(island.prepared, r.cut!.partition, s.lonlat) === 'japan';
    }
    if (japan) {
      toJapan.push(s.id);
      byKind[s.props.kind] = (byKind[s.props.kind] ?? 0) + 1;
    }
  }
  return { toJapan, ambiguous, byKind };
}
