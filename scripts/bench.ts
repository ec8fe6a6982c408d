/**
 * Benchmark of the partition solver on the full-resolution Etorofu (geo/islands.geojson), side by
 * side with the baseline a typical Turf user would write.
 *   npm run bench                 human-readable figures
 *   npm run --silent bench -- --json   one JSON line
 * Options: --cases N (default 200), --seed S (default 20240611).
 *
 * For each case (a seeded random bearing in [0, 180) and target fraction in [0.02, 0.98]):
 *  - ours: solvePartition(prep, bearing, { fraction }) with prep = prepareTerritory(etorofu) made once;
 *  - baseline: bisection on the offset of a straight line at the same bearing: a huge half-plane
 *    rectangle in lon/lat (rotated to the bearing about the island's bbox centre with a local flat
 *    approximation), @turf/intersect with the island, @turf/area of the result, until
 *    |area − target| ≤ 1e-6 × island area (the same tolerance as ours) or 100 iterations.
 * The two are timed alternately, case by case, after a warm-up. Accuracy is measured outside the
 * timed sections with GeographicLib: achieved = area(Japan side) / area(island).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import intersect from '@turf/intersect';
import turfArea from '@turf/area';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { prepareTerritory, solveOffset, solvePartition } from '../src/geo/partition.ts';
import { geometryAreaKm2 } from '../src/geo/geodesic.ts';
import { prng } from './lib/prng.ts';

const ROOT = join(import.meta.dirname, '..');
const TOLERANCE = 1e-6; // of the island's area, for both methods
const WARMUP = 10;
const TARGETS = { maxAbsErrorFraction: 1e-6, speedup: 10, solveMsMedian: 1 };

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run --silent bench -- [--json] [--cases N] [--seed S]\n`);
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { json: { type: 'boolean' }, cases: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  const cases = values.cases === undefined ? 200 : Number(values.cases);
  const seed = values.seed === undefined ? 20240611 : Number(values.seed);
  if (!Number.isInteger(cases) || cases < 1) usage(`--cases must be a positive integer, got "${values.cases}"`);
  if (!Number.isInteger(seed)) usage(`--seed must be an integer, got "${values.seed}"`);
  return { json: !!values.json, cases, seed };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i),
    hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const median = (xs: number[]) => quantile(xs, 0.5);

// ---------------------------------------------------------------------------------------------
// The Turf baseline

interface Baseline {
  (
    bearingDeg: number,
    fraction: number,
  ): { result: Feature<Polygon | MultiPolygon> | null; iterations: number; converged: boolean };
}

function turfBaseline(island: Feature<MultiPolygon>): Baseline {
  const coords = island.geometry.coordinates.flat(2);
  const lons = coords.map((p) => p[0]),
    lats = coords.map((p) => p[1]);
  const c = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  // Local flat approximation: km per degree at the centre.
  const kx = 111.32 * Math.cos((c[1] * Math.PI) / 180),
    ky = 110.57;
  const toLonLat = (e: number, n: number): Position => [c[0] + e / kx, c[1] + n / ky];
  const islandArea = turfArea(island);
  const BIG = 500; // km: the island is ~200 km long

  return (bearingDeg, fraction) => {
    const th = (bearingDeg * Math.PI) / 180;
    const d = [Math.sin(th), Math.cos(th)]; // along the line (east, north)
    const nrm = [Math.cos(th), -Math.sin(th)]; // across it
    let lo = Infinity,
      hi = -Infinity;
    for (const p of coords) {
      const u = nrm[0] * (p[0] - c[0]) * kx + nrm[1] * (p[1] - c[1]) * ky;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    const target = fraction * islandArea,
      tol = TOLERANCE * islandArea;
    const halfPlane = (t: number) => {
      const at = (u: number, v: number) => toLonLat(u * nrm[0] + v * d[0], u * nrm[1] + v * d[1]);
      const ring = [at(t, -BIG), at(t, BIG), at(t - BIG, BIG), at(t - BIG, -BIG)];
      ring.push(ring[0]);
      return turfPolygon([ring]);
    };
    let result: Feature<Polygon | MultiPolygon> | null = null;
    let iterations = 0,
      converged = false;
    while (iterations < 100) {
      iterations++;
      const t = (lo + hi) / 2;
      result = intersect(featureCollection<Polygon | MultiPolygon>([island, halfPlane(t)]));
      const a = result ? turfArea(result) : 0;
      if (Math.abs(a - target) <= tol) {
        converged = true;
        break;
      }
      if (a < target) lo = t;
      else hi = t;
    }
    return { result, iterations, converged };
  };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const args = parse();
  const islands = JSON.parse(
    readFileSync(join(ROOT, 'geo/islands.geojson'), 'utf8'),
  ) as FeatureCollection<MultiPolygon>;
  const etorofu = islands.features.find((f) => f.properties?.id === 'etorofu');
  if (!etorofu) throw new Error('geo/islands.geojson has no etorofu feature');
  const vertices = etorofu.geometry.coordinates.reduce((s, poly) => s + poly.reduce((t, r) => t + r.length - 1, 0), 0);
  const islandKm2 = geometryAreaKm2(etorofu.geometry);

  const t0 = performance.now();
  const prep = prepareTerritory(etorofu.geometry);
  const prepareMs = performance.now() - t0;
  const baseline = turfBaseline(etorofu);

  const rand = prng(args.seed);
  const cases = Array.from({ length: WARMUP + args.cases }, () => ({
    bearing: rand() * 180,
    fraction: 0.02 + rand() * 0.96,
  }));

  const solveMs: number[] = [],
    offsetMs: number[] = [],
    baseMs: number[] = [],
    baseIter: number[] = [],
    ourIter: number[] = [];
  let baseUnconverged = 0;
  let maxErr = 0,
    maxBaseErr = 0,
    maxBaseTurfErr = 0,
    maxPlanarErr = 0;
  const islandTurfM2 = turfArea(etorofu);
  const started = performance.now();
  cases.forEach(({ bearing, fraction }, i) => {
    const warm = i < WARMUP;
    // Alternate which method runs first, so neither always gets a warm or a cold cache.
    let ours!: ReturnType<typeof solvePartition>,
      base!: ReturnType<Baseline>,
      dOurs = 0,
      dBase = 0;
    const runOurs = () => {
      const s = performance.now();
      ours = solvePartition(prep, bearing, { fraction });
      dOurs = performance.now() - s;
    };
    const runBase = () => {
      const s = performance.now();
      base = baseline(bearing, fraction);
      dBase = performance.now() - s;
    };
    if (i % 2 === 0) {
      runOurs();
      runBase();
    } else {
      runBase();
      runOurs();
    }
    // The root-finding alone (no clipping, unprojection or line), for the breakdown.
    const s = performance.now();
    solveOffset(prep, bearing, fraction);
    const dOffset = performance.now() - s;
    if (warm) return;
    solveMs.push(dOurs);
    baseMs.push(dBase);
    offsetMs.push(dOffset);
    ourIter.push(ours.iterations);
    baseIter.push(base.iterations);
    if (!base.converged) baseUnconverged++;
    // Accuracy, outside the timed sections, with GeographicLib.
    const achieved = geometryAreaKm2(ours.japanSide!) / islandKm2;
    maxErr = Math.max(maxErr, Math.abs(achieved - fraction));
    maxPlanarErr = Math.max(maxPlanarErr, Math.abs(ours.fraction - fraction));
    const baseAchieved = base.result ? geometryAreaKm2(base.result.geometry) / islandKm2 : 0;
    maxBaseErr = Math.max(maxBaseErr, Math.abs(baseAchieved - fraction));
    maxBaseTurfErr = Math.max(
      maxBaseTurfErr,
      Math.abs((base.result ? turfArea(base.result) : 0) / islandTurfM2 - fraction),
    );
  });
  const totalS = (performance.now() - started) / 1000;

  const solveMedian = median(solveMs),
    baseMedian = median(baseMs);
  const speedup = baseMedian / solveMedian;
  const met = {
    error: maxErr <= TARGETS.maxAbsErrorFraction,
    speedup: speedup >= TARGETS.speedup,
    solve_median: solveMedian < TARGETS.solveMsMedian,
  };
  const out = {
    solve_ms_median: +solveMedian.toFixed(4),
    baseline_ms_median: +baseMedian.toFixed(3),
    speedup: +speedup.toFixed(1),
    max_abs_error_fraction: maxErr,
    cases: args.cases,
    prepare_ms: +prepareMs.toFixed(3),
    solve_ms_p90: +quantile(solveMs, 0.9).toFixed(4),
    solve_ms_max: +Math.max(...solveMs).toFixed(4),
    offset_only_ms_median: +median(offsetMs).toFixed(4),
    baseline_ms_p90: +quantile(baseMs, 0.9).toFixed(3),
    baseline_max_abs_error_fraction: maxBaseErr,
    baseline_max_abs_error_fraction_turf_area: maxBaseTurfErr,
    baseline_iterations_max: Math.max(...baseIter),
    baseline_unconverged: baseUnconverged,
    planar_max_abs_error_fraction: maxPlanarErr,
    solve_iterations_median: median(ourIter),
    baseline_iterations_median: median(baseIter),
    vertices,
    island_km2: +islandKm2.toFixed(4),
    seed: args.seed,
    warmup: WARMUP,
    targets_met: met,
    runtime_s: +totalS.toFixed(1),
  };
  if (args.json) {
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const yes = (b: boolean) => (b ? 'met' : 'NOT MET');
  const e = (x: number) => x.toExponential(1);
  process.stdout.write(
    [
      `Etorofu, full resolution: ${vertices} vertices, ${islandKm2.toFixed(2)} km² (GeographicLib); ${args.cases} cases (seed ${args.seed}) after ${WARMUP} warm-up cases; ${totalS.toFixed(1)} s`,
      `prepare (once): ${prepareMs.toFixed(2)} ms`,
      `solve median ${solveMedian.toFixed(3)} ms (p90 ${out.solve_ms_p90} ms, max ${out.solve_ms_max} ms; offset search alone ${out.offset_only_ms_median} ms; ${out.solve_iterations_median} iterations)`,
      `Turf baseline median ${baseMedian.toFixed(2)} ms (p90 ${out.baseline_ms_p90} ms; ${out.baseline_iterations_median} bisection steps of intersect + area; ${baseUnconverged} case${baseUnconverged === 1 ? '' : 's'} not within tolerance after 100 steps)`,
      `speedup ${speedup.toFixed(1)}×`,
      `max |achieved−target| ${e(maxErr)} of the island (GeographicLib; planar ${e(maxPlanarErr)})`,
      `  Turf baseline: ${e(maxBaseTurfErr)} by @turf/area, but ${e(maxBaseErr)} by GeographicLib (its cut is one straight lon/lat edge, up to ~200 km long)`,
      '',
      `targets: error ≤ ${e(TARGETS.maxAbsErrorFraction)}: ${yes(met.error)}; speedup ≥ ${TARGETS.speedup}×: ${yes(met.speedup)}; median solve < ${TARGETS.solveMsMedian} ms: ${yes(met.solve_median)}`,
    ].join('\n') + '\n',
  );
}

main();
