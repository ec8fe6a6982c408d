/**
 * Precedents measured with the atlas's own code (data/precedents.json, geo/precedents.geojson).
 *   npm run --silent precedents            readable summary
 *   npm run --silent precedents -- --json  [{ id, name, parties, real_share, area_km2, published,
 *                                             exact_half_line_offset_km, ... }]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/data/validate.ts';
import {
  checkPrecedentsTable,
  validatePrecedentFeatures,
  PRECEDENTS_FILE,
  PRECEDENTS_GEO_FILE,
  type PrecedentsTable,
} from '../src/data/precedents.ts';
import { precedentFigures, type PrecedentFigures } from '../src/geo/precedents.ts';

const ROOT = join(import.meta.dirname, '..');
const USAGE = 'usage: npm run --silent precedents -- [--json]';

function fail(message: string, code = 2): never {
  process.stderr.write(`precedents: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

/** Loads and checks both files; throws with every problem listed. */
export function loadPrecedents(root = ROOT): PrecedentFigures[] {
  const table = JSON.parse(readFileSync(join(root, PRECEDENTS_FILE), 'utf8')) as PrecedentsTable;
  const tableProblems = checkPrecedentsTable(table);
  if (tableProblems.length) throw new Error(tableProblems.map(formatProblem).join('\n'));
  const geo = validatePrecedentFeatures(
    JSON.parse(readFileSync(join(root, PRECEDENTS_GEO_FILE), 'utf8')),
    table.cases.map((c) => c.id),
  );
  if (!geo.ok) throw new Error(geo.problems.map(formatProblem).join('\n'));
  return precedentFigures(table.cases, geo.features);
}

const pct = (x: number | null) => (x === null ? 'not measured' : `${(x * 100).toFixed(1)} %`);

function text(figures: PrecedentFigures[]): string {
  const out: string[] = [];
  for (const f of figures) {
    out.push(`${f.name}`);
    out.push(`  parties: ${f.parties.join(' / ')}`);
    out.push(
      `  measured here: ${f.parties.map((p) => `${p} ${pct(f.real_share[p] ?? null)}`).join(', ')}` +
        (f.area_km2 === null ? '' : ` of ${f.area_km2} km²`),
    );
    if (f.published_implied_share)
      for (const [p, [lo, hi]] of Object.entries(f.published_implied_share))
        out.push(`  implied by the published figures: ${p} ${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)} %`);
    out.push(`  published: ${JSON.stringify(f.published)}`);
    if (f.real_line)
      out.push(`  real line: ${f.real_line.length_km} km at ${f.real_line.bearing_deg}° (${f.real_line.drawn})`);
    out.push(
      '  exact half line at the same bearing: ' +
        (f.exact_half_line_offset_km === null
          ? 'not computed'
          : `${f.exact_half_line_offset_km} km from the real line`),
    );
    out.push(`  source: ${f.source_check}`);
    out.push('');
  }
  return out.join('\n');
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { json: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let figures: PrecedentFigures[];
  try {
    figures = loadPrecedents();
  } catch (e) {
    fail((e as Error).message, 1);
  }
  process.stdout.write(values.json ? JSON.stringify(figures, null, 2) + '\n' : text(figures));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
