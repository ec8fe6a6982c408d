/** Loads and validates the built-in data from disk for Node (CLI, benchmark, tests): the same checks as the page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { validateLayerText, formatProblem } from '../../src/data/validate.ts';
import { LAYER_FILES, LAYER_SCHEMAS, type LayerName } from '../../src/data/schemas.ts';
import { createShareContext, type OptionSpec, type ShareContext } from '../../src/geo/shares.ts';
import { requireTables } from '../../src/data/tables.ts';
import { checkDeployments, toSites, type Site } from '../../src/data/deployments.ts';
import { requireVillages, villagesForShares } from '../../src/data/villages.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The checked tables (src/data/tables.ts); a broken table stops the CLI with a TableError naming file,
 * entry and field.
 */
const TABLES = requireTables();

export function loadLayerFromDisk(name: LayerName): FeatureCollection<Geometry> {
  const file = LAYER_FILES[name];
  const result = validateLayerText(file, readFileSync(join(ROOT, file), 'utf8'), LAYER_SCHEMAS[name]);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.data;
}

export function loadSites(): Site[] {
  const fc = loadLayerFromDisk('deployments');
  const problems = checkDeployments(
    LAYER_FILES.deployments,
    fc,
    TABLES.systems.systems.map((s) => s.id),
  );
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return toSites(fc);
}

export function loadShareContext(): ShareContext {
  const official = Object.fromEntries(TABLES.officialAreas.areas.map((a) => [a.id, a.area_km2]));
  const people = Object.fromEntries(TABLES.populations.islands.map((p) => [p.id, p]));
  return createShareContext(
    loadLayerFromDisk('islands'),
    official,
    people,
    TABLES.settlements.settlements,
    villagesForShares(requireVillages()),
  );
}

export const OPTIONS: (OptionSpec & { proposed_by: string; when: string; summary: string; sources: string[] })[] =
  TABLES.options.options;
