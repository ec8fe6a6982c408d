/**
 * The anchor point typed by the user (page and CLI): "lon, lat" in degrees. The territory's vertex
 * nearest it decides which side of the line is the share's (see prepareTerritory's anchorTarget).
 */
import { problem, type ProblemText } from './problem.ts';

export type LonLatParse = { ok: true; lonlat: [number, number] } | { ok: false; message: string };
/** The same, the refusal with its code for the page's languages (see problem.ts). */
export type LonLatCheck = { ok: true; lonlat: [number, number] } | { ok: false; problem: ProblemText };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const LONLAT = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:,\s*|\s+)(${NUMBER})\s*$`);

/** Parses "145.817, 43.385" (a comma, spaces or both between the two numbers). */
export function checkLonLat(text: string): LonLatCheck {
  const m = LONLAT.exec(String(text));
  if (!m) return { ok: false, problem: problem('anchor.format', { text: String(text).slice(0, 40) }) };
  const lon = Number(m[1]),
    lat = Number(m[2]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, problem: problem('anchor.notFinite') };
  if (lon < -180 || lon > 180) return { ok: false, problem: problem('anchor.longitudeRange', { value: lon }) };
  if (lat < -90 || lat > 90) return { ok: false, problem: problem('anchor.latitudeRange', { value: lat }) };
  return { ok: true, lonlat: [lon, lat] };
}

/** checkLonLat with the refusal in English (the CLI). */
export function parseLonLat(text: string): LonLatParse {
  const r = checkLonLat(text);
  return r.ok ? r : { ok: false, message: r.problem.message };
}

/** "145.817, 43.385": a point as the input shows it. */
export function formatLonLat(p: readonly number[], digits = 6): string {
  return `${Number(p[0]!.toFixed(digits))}, ${Number(p[1]!.toFixed(digits))}`;
}
