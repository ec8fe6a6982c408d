/**
 * The data version: the package version and a hash of the data files' contents (data/*.json, data/*.md,
 * geo/*.geojson, geo/PROVENANCE.json), independent of git. The build puts it in the page (vite.config.ts
 * defines __ATLAS_DATA_VERSION__); exports carry it, so a figure can be traced to the data it came from.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function dataFiles(root: string): string[] {
  const list = (dir: string, re: RegExp) =>
    readdirSync(join(root, dir))
      .filter((f) => re.test(f))
      .map((f) => `${dir}/${f}`);
  return [...list('data', /\.(json|md)$/), ...list('geo', /\.(geojson|json)$/)].sort();
}

/** sha256 over "path sha256(content)" lines of the data files, sorted by path; the first 12 hex digits. */
export function dataHash(root: string): string {
  const lines = dataFiles(root).map(
    (f) =>
      `${f} ${createHash('sha256')
        .update(readFileSync(join(root, f)))
        .digest('hex')}\n`,
  );
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 12);
}

export function dataVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return `${pkg.version}+data.${dataHash(root)}`;
}
