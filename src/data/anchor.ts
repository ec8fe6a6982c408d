/**
 * The anchor point typed by the user (page and CLI): "lon, lat" in degrees. The territory's vertex
 * nearest it decides which side of the line is the share's (see prepareTerritory's anchorTarget).
 */
export type LonLatParse = { ok: true; lonlat: [number, number] } | { ok: false; message: string };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const LONLAT = new RegExp(String.raw`^\s*(${NUMBER})\s*(?:,\s*|\s+)(${NUMBER})\s*$`);

/** Parses "145.817, 43.385" (a comma, spaces or both between the two numbers). */
export function parseLonLat(text: string): LonLatParse {
  const m = LONLAT.exec(String(text));
  if (!m)
    return {
      ok: false,
      message: `expected "longitude, latitude" in degrees, e.g. "145.817, 43.385"; got "${String(text).slice(0, 40)}"`,
    };
  const lon = Number(m[1]),
    lat = Number(m[2]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    return { ok: false, message: 'longitude and latitude must be finite numbers' };
  if (lon < -180 || lon > 180) return { ok: false, message: `longitude ${lon} is outside -180..180` };
  if (lat < -90 || lat > 90) return { ok: false, message: `latitude ${lat} is outside -90..90` };
  return { ok: true, lonlat: [lon, lat] };
}

/** "145.817, 43.385": a point as the input shows it. */
export function formatLonLat(p: readonly number[], digits = 6): string {
  return `${Number(p[0].toFixed(digits))}, ${Number(p[1].toFixed(digits))}`;
}
