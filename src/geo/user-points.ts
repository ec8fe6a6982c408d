/** The user's imported points: which island each lies on, and which side it falls on under an option. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { OptionResult, ShareContext } from './shares.ts';
import { sideOfPoint } from './partition.ts';
/** One of the user's imported points: its id, position and properties (shown as text, never run). */
export interface UserPoint {
  id: string;
  lonlat: [number, number];
  properties: Record<string, unknown>;
}

export function islandOfPoint(ctx: ShareContext, p: UserPoint): string | null {
  for (const [id, island] of ctx.islands) if (booleanPointInPolygon(p.lonlat, island.feature.geometry)) return id;
  return null;
}

export function userPointsUnderOption(
  ctx: ShareContext,
  r: OptionResult,
  points: UserPoint[],
): { toJapan: string[]; onIslands: number } {
  const toJapan: string[] = [];
  let onIslands = 0;
  for (const p of points) {
    const id = islandOfPoint(ctx, p);
    if (!id) continue;
    onIslands++;
    const share = r.perIsland.find((i) => i.id === id)!;
    if (
      share.fractionToJapan >= 1 ||
      (share.fractionToJapan > 0 &&
        r.cut &&
        sideOfPoint(ctx.islands.get(id)!.prepared, r.cut.partition, p.lonlat) === 'japan')
    )
      toJapan.push(p.id);
  }
  return { toJapan, onIslands };
}
