/**
 * Which military sites change hands under an option. A site on an island going to Japan whole is
 * handed over; on a cut island, its side of the line decides, except that a site whose position is
 * known only to the island cannot be placed and is listed as ambiguous.
 */
import { sideUnderOption, type OptionResult, type ShareContext } from './shares.ts';
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
    // On a cut island, a site known only to the island cannot be placed on either side.
    if (share.fractionToJapan < 1 && s.props.certainty === 'island') {
      ambiguous.push(s.id);
      continue;
    }
    if (sideUnderOption(ctx, r, share.id, s.lonlat) === 'japan') {
      toJapan.push(s.id);
      byKind[s.props.kind] = (byKind[s.props.kind] ?? 0) + 1;
    }
  }
  return { toJapan, ambiguous, byKind };
}
