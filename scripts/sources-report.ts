/**
 * Every cited source of the data, counted: distinct sources, links to the publication (https URLs),
 * bibliographic references, and any that point into this repository or are neither (then exit code 1).
 *   npm run --silent sources
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RAW_TABLES, TABLE_FILES, type TableName } from '../src/data/tables.ts';
import { checkSource, isRepositoryPointer, sourceKind, type Source } from '../src/data/sources.ts';

export interface CitedSource {
  file: string;
  where: string;
  source: Source;
}
export interface SourcesReport {
  cited: number;
  distinct: number;
  urls: number;
  bibliographic: number;
  /** Sources that point into the repository or to notes a reader cannot see. */
  repositoryPointers: CitedSource[];
  /** Sources that are neither a link to the publication nor a full bibliographic reference, or are malformed. */
  malformed: { cited: CitedSource; problems: string[] }[];
  /** One id given to different publications. */
  conflicts: { id: string; places: string[] }[];
  ok: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every source cited by the tables and the military sites, with where it is cited. */
export function collectSources(
  raw: { [K in TableName]: unknown },
  deployments: unknown,
  deploymentsFile = 'geo/deployments.geojson',
): CitedSource[] {
  const out: CitedSource[] = [];
  const push = (file: string, where: string, s: unknown) =>
    out.push({ file, where, source: (isObj(s) ? s : { value: s }) as unknown as Source });
  for (const name of ['options', 'officialAreas', 'populations', 'settlements'] as const) {
    const t = raw[name];
    if (isObj(t)) list(t.sources).forEach((s, i) => push(TABLE_FILES[name], `sources[${i}]`, s));
  }
  for (const [name, key] of [
    ['systems', 'systems'],
    ['exercises', 'exercises'],
  ] as const) {
    const t = raw[name];
    if (isObj(t))
      list(t[key]).forEach((e, i) => {
        if (isObj(e)) list(e.sources).forEach((s, k) => push(TABLE_FILES[name], `${key}[${i}].sources[${k}]`, s));
      });
  }
  if (isObj(deployments)) {
    list(deployments.features).forEach((f, i) => {
      const p = isObj(f) && isObj(f.properties) ? f.properties : null;
      if (p) list(p.sources).forEach((s, k) => push(deploymentsFile, `features[${i}].properties.sources[${k}]`, s));
    });
  }
  return out;
}

/** The publication a source stands for: its URL, or its bibliographic reference. */
const publicationKey = (s: Source) =>
  typeof s.url === 'string' && s.url
    ? `url:${s.url}`
    : `ref:${[s.author, s.publisher, s.title, s.date].map((x) => x ?? '').join('|')}`;

export function sourcesReport(cited: CitedSource[]): SourcesReport {
  const distinct = new Map<string, Source>();
  const repositoryPointers: CitedSource[] = [];
  const malformed: SourcesReport['malformed'] = [];
  const byId = new Map<string, Map<string, string[]>>();
  for (const c of cited) {
    const s = c.source;
    const problems = checkSource(s)
      .filter((p) => !/points into this repository/.test(p.message))
      .map((p) => `${p.field ? `${p.field} ` : ''}${p.message}`);
    if (isRepositoryPointer(s)) repositoryPointers.push(c);
    if (problems.length) malformed.push({ cited: c, problems });
    distinct.set(publicationKey(s), s);
    if (typeof s.id === 'string') {
      const m = byId.get(s.id) ?? new Map<string, string[]>();
      const key = publicationKey(s);
      m.set(key, [...(m.get(key) ?? []), `${c.file} ${c.where}`]);
      byId.set(s.id, m);
    }
  }
  const conflicts = [...byId]
    .filter(([, m]) => m.size > 1)
    // Each key's list starts with the place that added it.
    .map(([id, m]) => ({ id, places: [...m.values()].map((p) => p[0]!) }));
  const kinds = [...distinct.values()].map((s) => sourceKind(s));
  const urls = kinds.filter((k) => k === 'url').length;
  const bibliographic = kinds.filter((k) => k === 'bibliographic').length;
  return {
    cited: cited.length,
    distinct: distinct.size,
    urls,
    bibliographic,
    repositoryPointers,
    malformed,
    conflicts,
    ok:
      repositoryPointers.length === 0 &&
      malformed.length === 0 &&
      conflicts.length === 0 &&
      urls + bibliographic === distinct.size,
  };
}

export function formatReport(r: SourcesReport): string {
  const lines = [
    `Sources cited: ${r.cited} citations of ${r.distinct} distinct sources`,
    `  links to the publication (https URL): ${r.urls}`,
    `  bibliographic references (author or publisher, title, date; no link): ${r.bibliographic}`,
    `  pointing into this repository or to unpublished notes: ${r.repositoryPointers.length}`,
    `  neither a link nor a bibliographic reference, or malformed: ${r.malformed.length}`,
    `  one id used for different publications: ${r.conflicts.length}`,
  ];
  for (const c of r.repositoryPointers)
    lines.push(`REPOSITORY POINTER ${c.file} ${c.where} ("${c.source.id}"): ${c.source.title ?? ''}`);
  for (const m of r.malformed)
    lines.push(`MALFORMED ${m.cited.file} ${m.cited.where} ("${m.cited.source.id}"): ${m.problems.join('; ')}`);
  for (const c of r.conflicts) lines.push(`ID CONFLICT "${c.id}": ${c.places.join(', ')}`);
  lines.push(
    r.ok
      ? 'OK: every source is a link to its publication or a bibliographic reference, ' +
          'and none points into the repository.'
      : 'FAILED',
  );
  return lines.join('\n');
}

function main() {
  const root = join(import.meta.dirname, '..');
  const deployments = JSON.parse(readFileSync(join(root, 'geo/deployments.geojson'), 'utf8')) as unknown;
  const report = sourcesReport(collectSources(RAW_TABLES, deployments));
  process.stdout.write(formatReport(report) + '\n');
  process.exitCode = report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
