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

/**
 * The user's points whose id matches what was typed, for finding one without the mouse: an exact id first,
 * then ids that start with the text, then ids that contain it (letter case ignored after the exact match),
 * each group in the order imported. At most `limit` are returned; `total` counts every match.
 */
export function findUserPoints(
  points: readonly UserPoint[],
  query: string,
  limit: number,
): { matches: UserPoint[]; total: number } {
  const q = query.trim();
  if (!q) return { matches: [], total: 0 };
  const lower = q.toLowerCase();
  const exact: UserPoint[] = [];
  const prefix: UserPoint[] = [];
  const inside: UserPoint[] = [];
  let total = 0;
  for (const p of points) {
    if (p.id === q) exact.push(p);
    else {
      const at = p.id.toLowerCase().indexOf(lower);
      if (at < 0) continue;
      // Only as many as could still be shown are kept; the rest are counted.
      if (at === 0) {
        if (prefix.length < limit) prefix.push(p);
      } else if (inside.length < limit) inside.push(p);
    }
    total++;
  }
  return { matches: [...exact, ...prefix, ...inside].slice(0, limit), total };
}

/** A view box around one point (degrees), close enough that it is drawn alone, out of any cluster. */
export function boundsAroundPoint([lon, lat]: [number, number]): [[number, number], [number, number]] {
  const dLat = 0.004;
  const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  return [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat + dLat],
  ];
}
