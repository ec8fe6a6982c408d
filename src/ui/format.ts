/** Number formatting shared by the page and the CLI. */
export const fmtKm2 = (x: number, digits = 2) =>
  `${x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} km²`;
export const fmtInt = (x: number) => x.toLocaleString('en-US');
export const fmtPct = (x: number, digits = 2, signed = false) =>
  `${signed && x > 0 ? '+' : ''}${x.toFixed(digits)} %`;
/** A line's bearing in [0, 180) to one decimal: 179.96° shows as 0.0°, the same line. */
export const fmtBearing = (b: number) => `${((Math.round(b * 10) / 10) % 180).toFixed(1)}°`;
