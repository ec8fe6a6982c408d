/**
 * Choosing a cut's bearing: across the territory's long axis (the default), or the bearing whose line
 * at the given share is shortest inside the territory (the shortest land border).
 */
import { normalizeBearing, solveOffset, type PreparedTerritory } from './partition.ts';

/** Across the long axis (principal axis of the area): the cut a reader expects from the island's shape. */
export function acrossLongAxis(prep: PreparedTerritory): number {
  return normalizeBearing(prep.longAxisBearingDeg + 90);
}

/** Border length (plane metres; the equal-area plane keeps lengths within ~1e-4 here) at a bearing. */
function borderAt(prep: PreparedTerritory, bearingDeg: number, fraction: number): number {
  return solveOffset(prep, bearingDeg, fraction).chord;
}

const SCAN_STEP_DEG = 1;
const REFINE_TO_DEG = 0.005;
const CANDIDATES = 3;

/**
 * The bearing in [0, 180) at which the line that gives Japan's side `fraction` of the territory is
 * shortest inside it. The border length is continuous but not convex in the bearing (an isthmus makes a
 * narrow well), so every whole degree is solved, and the three best local minima are refined by golden
 * section to 0.005° (reported to 0.01°). For 0 or 1 there is no line: the long-axis default is returned.
 */
export function shortestBorderBearing(
  prep: PreparedTerritory,
  fraction: number,
): { bearingDeg: number; lengthM: number } {
  if (!(fraction > 0 && fraction < 1)) return { bearingDeg: acrossLongAxis(prep), lengthM: 0 };
  const n = Math.round(180 / SCAN_STEP_DEG);
  const lengths = new Float64Array(n);
  for (let i = 0; i < n; i++) lengths[i] = borderAt(prep, i * SCAN_STEP_DEG, fraction);
  const minima: number[] = [];
  for (let i = 0; i < n; i++) {
    const here = lengths[i]!,
      before = lengths[(i + n - 1) % n]!,
      after = lengths[(i + 1) % n]!;
    if (here <= before && here <= after) minima.push(i);
  }
  minima.sort((a, b) => lengths[a]! - lengths[b]!);
  let best = { bearingDeg: 0, lengthM: Infinity };
  for (const i of minima.slice(0, CANDIDATES)) {
    const r = goldenMin((b) => borderAt(prep, b, fraction), (i - 1) * SCAN_STEP_DEG, (i + 1) * SCAN_STEP_DEG);
    if (r.value < best.lengthM) best = { bearingDeg: r.x, lengthM: r.value };
  }
  const rounded = normalizeBearing(Math.round(best.bearingDeg * 100) / 100);
  return { bearingDeg: rounded, lengthM: borderAt(prep, rounded, fraction) };
}

function goldenMin(f: (x: number) => number, a: number, b: number): { x: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a),
    d = a + g * (b - a);
  let fc = f(c),
    fd = f(d);
  while (b - a > REFINE_TO_DEG) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, value: f(x) };
}
