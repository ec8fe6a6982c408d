/** The bundled tables (official areas, populations) with their sources, typed for the page and CLI. */
import officialAreas from '../../data/official-areas.json';
import populations from '../../data/populations.json';

export interface SourceRef { id: string; title: string; publisher: string | null; date: string | null; url: string | null; used_for?: string[] }

export const OFFICIAL_AREAS = officialAreas;
export const POPULATIONS = populations;

export function officialAreaKm2(id: string): number | null {
  return officialAreas.areas.find((a) => a.id === id)?.area_km2 ?? null;
}

export function officialAreaSource(id: string): SourceRef | null {
  return (officialAreas.sources as SourceRef[]).find((s) => s.used_for?.includes(id)) ?? null;
}

export function populationOf(id: string): { japanese_1945: number; russian_2023: number } | null {
  return populations.islands.find((p) => p.id === id) ?? null;
}

export function populationSource(field: 'japanese_1945' | 'russian_2023'): SourceRef | null {
  return (populations.sources as SourceRef[]).find((s) => s.used_for?.includes(field)) ?? null;
}
