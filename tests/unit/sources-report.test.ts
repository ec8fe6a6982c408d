import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectSources, formatReport, sourcesReport } from '../../scripts/sources-report.ts';
import { RAW_TABLES } from '../../src/data/tables.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const deployments = JSON.parse(readFileSync(join(ROOT, 'geo/deployments.geojson'), 'utf8'));

describe('sources report', () => {
  it(
    'the data: every source is a link to its publication or a bibliographic reference, ' +
      'none points into the repository',
    () => {
      const r = sourcesReport(collectSources(RAW_TABLES, deployments));
      expect(r.repositoryPointers).toEqual([]);
      expect(r.malformed).toEqual([]);
      expect(r.conflicts).toEqual([]);
      expect(r.urls + r.bibliographic).toBe(r.distinct);
      expect(r.distinct).toBeGreaterThan(100);
      expect(r.bibliographic).toBeGreaterThan(0);
      expect(r.ok).toBe(true);
      expect(formatReport(r)).toMatch(/pointing into this repository or to unpublished notes: 0/);
    },
  );

  it(
    'fails on a source pointing into the repository, on one that is neither kind, ' +
      'and on an id given to two publications',
    () => {
      const options = structuredClone(RAW_TABLES.options) as { sources: Record<string, unknown>[] };
      options.sources.push({
        id: 'notes',
        title: 'Settlement options (project research notes)',
        publisher: 'this project: shared/reference/mission-context.md',
        date: '2026',
        url: null,
      });
      options.sources.push({ id: 'vague', title: 'Some report', publisher: 'Some paper', date: null, url: null });
      options.sources.push({
        id: 'joint-declaration-1956',
        title: 'Another text',
        publisher: 'P',
        date: '2001',
        url: 'https://example.org/other',
      });
      const r = sourcesReport(collectSources({ ...RAW_TABLES, options }, deployments));
      expect(r.ok).toBe(false);
      expect(r.repositoryPointers.map((c) => c.source.id)).toEqual(['notes']);
      expect(r.malformed.map((m) => m.cited.source.id)).toEqual(['vague']);
      expect(r.malformed[0]?.problems[0]).toMatch(/neither a link to the publication/);
      expect(r.conflicts.map((c) => c.id)).toEqual(['joint-declaration-1956']);
      expect(formatReport(r)).toMatch(/FAILED$/);
    },
  );

  it('counts a publication cited in several files once', () => {
    const cited = collectSources(RAW_TABLES, deployments);
    const r = sourcesReport([...cited, ...cited]);
    expect(r.cited).toBe(2 * cited.length);
    expect(r.distinct).toBe(sourcesReport(cited).distinct);
  });
});
