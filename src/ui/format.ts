/** Number formatting shared by the page and the CLI. */

/**
 * `x` to `digits` decimals (rounded as toFixed rounds, like the percentages) with en-US thousands
 * separators. Not Intl.NumberFormat: its first use costs the page about 20 ms of start-up.
 */
export function fmtNumber(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}
export const fmtKm2 = (x: number, digits = 2) => `${fmtNumber(x, digits)} km²`;
export const fmtInt = (x: number) => fmtNumber(x, 0);
export const fmtPct = (x: number, digits = 2, signed = false) =>
  `${signed && x > 0 ? '+' : ''}${x.toFixed(digits)} %`;
/** A line's bearing in [0, 180) to one decimal: 179.96° shows as 0.0°, the same line. */
/** A bearing to 0.1° with no trailing zero: 45 → "45°", 44.93 → "44.9°", 179.96 → "0°". */
export const fmtBearing = (b: number) => `${+((Math.round(b * 10) / 10) % 180).toFixed(1)}°`;
