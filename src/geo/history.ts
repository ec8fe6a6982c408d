/**
 * What applied in a given year: the boundary lines in force and the status of each area, from the dated
 * events of geo/history.geojson. Pure: no data imported here (src/data/history.ts checks the file).
 */
import type { LineString, MultiPolygon } from 'geojson';

export const HISTORY_REGIONS = ['four-islands', 'kurils-north', 'sakhalin-south', 'sakhalin-north'] as const;
export type HistoryRegion = (typeof HISTORY_REGIONS)[number];
export const HISTORY_STATUSES = [
  'japan',
  'russia',
  'undivided',
  'occupied-ussr',
  'administered-ussr',
  'administered-ussr-claimed-japan',
] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export interface HistoryQuote {
  lang: string;
  article: string;
  text: string;
  source: string;
  description?: boolean;
}
export interface HistoryLineSpec {
  id: string;
  kind: string;
  between: string[];
  in_force: [number, number];
  drawn: string;
}
export interface HistoryEvent {
  id: string;
  date: string;
  date_note?: string;
  names: { en: string; ja: string; ru: string };
  kind: string;
  quotes: HistoryQuote[];
  line: HistoryLineSpec | null;
  line_note?: string;
  extra_lines?: HistoryLineSpec[];
  island_dates?: { island: string; date: string; note: string; source: string }[];
  readings?: { japan: string; russia: string };
  reading_sources?: { japan: string[]; russia: string[] };
  areas: Record<HistoryRegion, HistoryStatus>;
  area_notes?: Partial<Record<HistoryRegion, string>>;
  sources: string[];
}

export interface HistoryLineFeature {
  properties: { id: string; kind: 'line'; event: string; from: number; to: number; drawn: string };
  geometry: LineString;
}
export interface HistoryRegionFeature {
  properties: { id: string; kind: 'region'; region: HistoryRegion };
  geometry: MultiPolygon;
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** The first and last years the timeline covers: the first event's year to `now`. */
export function historyRange(events: readonly HistoryEvent[], now: number): [number, number] {
  return [Math.min(...events.map((e) => yearOf(e.date))), now];
}

export interface HistoryState {
  year: number;
  /** The latest event dated in or before the year (null before the first). */
  current: HistoryEvent | null;
  /** Events dated in that very year. */
  thisYear: HistoryEvent[];
  /** Ids of the lines in force in that year (a line's last year is the year it was replaced). */
  lines: string[];
  /** Each area's status after the latest event in or before the year. */
  areas: Partial<Record<HistoryRegion, HistoryStatus>>;
}

/** What applied in `year`: the latest event dated up to it sets the areas; lines by their years in force. */
export function historyAt(events: readonly HistoryEvent[], year: number): HistoryState {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const upTo = sorted.filter((e) => yearOf(e.date) <= year);
  const current = upTo[upTo.length - 1] ?? null;
  const lines: string[] = [];
  for (const e of sorted) {
    for (const l of [e.line, ...(e.extra_lines ?? [])]) {
      if (l && year >= l.in_force[0] && year < l.in_force[1]) lines.push(l.id);
    }
  }
  return {
    year,
    current,
    thisYear: sorted.filter((e) => yearOf(e.date) === year),
    lines,
    areas: current ? { ...current.areas } : {},
  };
}
