/**
 * The sea (src/geo/maritime): preparation time, and the recomputation per change of the share slider or
 * the bearing (random custom options), median over many changes. Part of `npm run bench`.
 *   npx tsx scripts/bench-sea.ts [--json] [--cases N] [--seed S]
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { prepareSea } from '../src/geo/maritime/prepare.ts';
import { computeSea } from '../src/geo/maritime/compute.ts';
import { coastInput } from '../src/geo/maritime/load-coasts.ts';
import { seaOwnership } from '../src/geo/maritime/option.ts';
import { computeOption, customOption } from '../src/geo/shares.ts';
import { loadShareContext } from './lib/load-node.ts';
import { loadStraits } from './lib/sea-node.ts';
import { prng } from './lib/prng.ts';

const TARGET_MS = 5;
const { values } = parseArgs({
  options: { json: { type: 'boolean' }, cases: { type: 'string' }, seed: { type: 'string' } },
});
const cases = Number(values.cases ?? 300),
  seed = Number(values.seed ?? 1);
const ROOT = join(import.meta.dirname, '..');
const rd = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as FeatureCollection<Geometry>;

const t0 = performance.now();
const prep = prepareSea(
  coastInput(rd('geo/islands.geojson'), rd('geo/hokkaido.geojson'), rd('geo/context-land.geojson')),
  loadStraits().straits.map((s) => ({ id: s.id, crossing: s.crossing_line })),
);
const prepareMs = performance.now() - t0;

const ctx = loadShareContext();
const rnd = prng(seed);
// A drag: the share or the bearing moves a little at each step, as on the slider.
let share = 0.3,
  bearing = 90;
const sea: number[] = [],
  whole: number[] = [];
for (let k = 0; k < cases + 20; k++) {
  if (k % 2) share = Math.min(1, Math.max(0, share + (rnd() - 0.5) * 0.02));
  else bearing = (bearing + (rnd() - 0.5) * 4 + 180) % 180;
  if (k % 50 === 0) share = rnd();
  const a = performance.now();
  const r = computeOption(ctx, customOption(ctx, share, 'geodesic'), 'geodesic', bearing);
  const b = performance.now();
  computeSea(prep, seaOwnership(ctx, r));
  const c = performance.now();
  if (k >= 20) {
    sea.push(c - b);
    whole.push(c - a);
  }
}
const med = (x: number[]) => {
  const s = [...x].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const p90 = (x: number[]) => {
  const s = [...x].sort((p, q) => p - q);
  return s[Math.floor(s.length * 0.9)] ?? NaN;
};
const out = {
  prepare_ms: Math.round(prepareMs),
  prepare_stages_ms: prep.stats.timings,
  sites: prep.stats.sites,
  pieces: prep.stats.pieces,
  sea_change_ms_median: +med(sea).toFixed(3),
  sea_change_ms_p90: +p90(sea).toFixed(3),
  option_and_sea_change_ms_median: +med(whole).toFixed(3),
  cases,
  seed,
  target_ms: TARGET_MS,
  target_met: med(sea) <= TARGET_MS,
};
const stages = Object.entries(prep.stats.timings)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
if (values.json) process.stdout.write(JSON.stringify(out) + '\n');
else
  process.stdout.write(
    [
      '',
      `Sea (equidistance, ${prep.stats.sites} coast sites, ${prep.stats.pieces} candidate boundary pieces): ` +
        `preparation ${(prepareMs / 1000).toFixed(1)} s (${stages})`,
      `recomputation per change (share or bearing, ${cases} steps of a drag, seed ${seed}): ` +
        `sea median ${out.sea_change_ms_median} ms (p90 ${out.sea_change_ms_p90} ms); ` +
        `with the option's partition ${out.option_and_sea_change_ms_median} ms`,
      `target: sea median ≤ ${TARGET_MS} ms: ${out.target_met ? 'met' : 'NOT MET'}`,
    ].join('\n') + '\n',
  );
