/** The user's imported points: which island each lies on, and which side it falls on under an option. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sideUnderOption, type OptionResult, type ShareContext } from './shares.ts';

/** One of the user's imported points: its id, position and properties (shown as text, never run). */
export interface UserPoint {
  id: string;
  lonlat: [number, number];
  properties: Record<string, unknown>;
}

function islandOfPoint(ctx: ShareContext, p: UserPoint): string | null {
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
    if (sideUnderOption(ctx, r, id, p.lonlat) === 'japan') toJapan.push(p.id);
  }
  return { toJapan, onIslands };
}
