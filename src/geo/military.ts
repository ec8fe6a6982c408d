/**
 * Military sites as the computation sees them: the vocabulary of geo/deployments.geojson, the site and
 * system types, and which sites stood in a year. Loading and checking the file is src/data/deployments.ts.
 */
import type { Source } from './citation.ts';

export const COUNTRIES = ['RU', 'JP', 'US'] as const;
export const OPERATORS = [
  'Army',
  'Navy',
  'Aerospace Forces',
  'FSB Border Service',
  'GSDF',
  'MSDF',
  'ASDF',
  'USMC',
  'JCG',
  'civil',
] as const;
export const KINDS = [
  'headquarters',
  'garrison',
  'coastal-missile',
  'air-defence',
  'airfield',
  'radar',
  'naval',
  'border-post',
  'training-area',
] as const;
export const CERTAINTIES = ['exact', 'settlement', 'island'] as const;
export const SITE_ISLANDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu', 'hokkaido', 'other'] as const;

export type Country = (typeof COUNTRIES)[number];
export type Kind = (typeof KINDS)[number];
export type Certainty = (typeof CERTAINTIES)[number];

/** A site's cited source: the one source format of all data files. */
export type SiteSource = Source;
export interface SiteProps {
  id: string;
  name_en: string;
  name_ja: string | null;
  name_ru: string | null;
  country: Country;
  operator: string;
  kind: Kind;
  systems: string[];
  personnel: number | null;
  since: number | null;
  until: number | null;
  certainty: Certainty;
  island: (typeof SITE_ISLANDS)[number];
  sources: SiteSource[];
  note: string | null;
  /** The note in Japanese and Russian, translated from the English (null when there is no note). */
  note_ja: string | null;
  note_ru: string | null;
}
export type Site = { id: string; lonlat: [number, number]; props: SiteProps };

/** A weapon system (data/systems.json, checked by src/data/tables.ts validateSystems). */
export interface SystemInfo {
  id: string;
  name: string;
  type: string;
  /** The type in Japanese and Russian (translated from the English here; checked to keep its numbers). */
  type_ja: string;
  type_ru: string;
  range_km_min: number | null;
  range_km_max: number | null;
  range_note: string;
  range_variants: { km: number; label: string; label_ja: string; label_ru: string }[];
  sources: SiteSource[];
}

/** Sites that stood in a given year (a site with an unknown start is shown throughout). */
export function standingIn(sites: Site[], year: number): Site[] {
  return sites.filter(
    (s) => (s.props.since === null || s.props.since <= year) && (s.props.until === null || s.props.until >= year),
  );
}
