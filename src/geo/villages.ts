/**
 * The 1945 Japanese villages of the four islands, located by their seat, and the side of a cut each
 * falls on. Pure: no data imported here (src/data/villages.ts checks and loads data/villages-1945.json).
 *
 * Side rule: the same as everything else (sideOfPoint in partition.ts). A village is counted on the side
 * of its seat; this is an approximation by village seat, since a village's land may lie on both sides.
 *  - seat { kind: 'point' }: the side of that point;
 *  - seat { kind: 'disc' }: only known to lie on the island within radius_km of a published point: the
 *    village gets a side when every vertex of the island inside that disc lies on the same side, and is
 *    'not-located' otherwise;
 *  - seat null: 'not-located'.
 */
import type { Position } from 'geojson';
import { distanceM } from './geodesic.ts';
import { sideOfPoint, type PartitionResult, type PreparedTerritory } from './partition.ts';

export type VillageSeat =
  { kind: 'point'; lon: number; lat: number } | { kind: 'disc'; lon: number; lat: number; radius_km: number };

export interface Village1945 {
  id: string;
  island: string;
  name_en: string;
  households: number;
  population: number;
  seat: VillageSeat | null;
}

export type VillageSide = 'japan' | 'russia' | 'not-located';

/** The side of a cut a village is counted on (see the rule above). */
export function villageSide(prep: PreparedTerritory, result: PartitionResult, village: Village1945): VillageSide {
  const seat = village.seat;
  if (!seat) return 'not-located';
  const side = (p: Position): 'japan' | 'russia' => (sideOfPoint(prep, result, p) === 'japan' ? 'japan' : 'russia');
  if (seat.kind === 'point') return side([seat.lon, seat.lat]);
  const centre: Position = [seat.lon, seat.lat];
  const limit = seat.radius_km * 1000;
  let found: 'japan' | 'russia' | null = null;
  for (const polygon of prep.polygons) {
    for (const ring of polygon) {
      for (const p of ring.lonlat) {
        if (distanceM(centre, p) > limit) continue;
        const s = side(p);
        if (found && s !== found) return 'not-located';
        found = s;
      }
    }
  }
  return found ?? 'not-located';
}
