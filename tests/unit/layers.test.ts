/**
 * Layers, one way: src/geo is pure computation (runs in Node, imports no UI, map or data-loading code);
 * src/data loads and checks files and imports nothing from the page; scripts/ import nothing from tests/.
 * Read from the source text, so a new file is covered as soon as it exists.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** Every module a file imports (static and dynamic), resolved to a path from the root where relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const staticImport = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/.source;
  const dynamicImport = /import\(\s*['"]([^'"]+)['"]\s*\)/.source;
  const workerUrl = /new URL\(\s*['"]([^'"]+)['"]/.source;
  const specs = [...text.matchAll(new RegExp(`${staticImport}|${dynamicImport}|${workerUrl}`, 'g'))].flatMap((m) => {
    const spec = m[1] ?? m[2] ?? m[3];
    return spec === undefined ? [] : [spec];
  });
  return specs.map((s) => (s.startsWith('.') ? relative(ROOT, join(ROOT, file, '..', s)) : s));
}

function violations(dir: string, forbidden: RegExp): string[] {
  return files(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${f} imports ${i}`),
  );
}

describe('layers', () => {
  it('src/geo imports nothing from React, MapLibre, src/data, src/map or src/ui', () => {
    expect(files('src/geo').length).toBeGreaterThan(10);
    expect(violations('src/geo', /^(react|react-dom|react-map-gl|maplibre-gl)(\/|$)|^src\/(data|map|ui)\//)).toEqual(
      [],
    );
  });

  it('src/data imports nothing from src/map or src/ui', () => {
    expect(violations('src/data', /^src\/(map|ui)\//)).toEqual([]);
  });

  it('src/state imports nothing from React, MapLibre, src/map or src/ui, directly or through other modules', () => {
    expect(files('src/state').length).toBeGreaterThan(3);
    const forbidden = /^(react|react-dom|react-map-gl|maplibre-gl|i18next|react-i18next)(\/|$)|^src\/(map|ui)\//;
    // Every source module src/state reaches, through relative imports (a query such as ?url is a file).
    const reached = new Set<string>();
    const visit = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const i of importsOf(f)) if (/^src\/.*\.tsx?$/.test(i)) visit(i);
    };
    files('src/state').forEach(visit);
    expect(reached.has('src/data/tables.ts')).toBe(true);
    const bad = [...reached].flatMap((f) =>
      [f, ...importsOf(f)].filter((i) => forbidden.test(i)).map((i) => `${f} reaches ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/data does not call the partition solver (its types may be named)', () => {
    const solver = [
      'prepareTerritory',
      'withAnchorTarget',
      'solveOffset',
      'solvePartition',
      'japanSideFrame',
      'sideOfPoint',
    ];
    const calls = files('src/data').flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return [...text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"][^'"]*geo\/partition\.ts['"]/g)]
        .filter((m) => !m[1])
        .flatMap((m) =>
          (m[2] ?? '').split(',').map(
            (n) =>
              n
                .trim()
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)[0],
          ),
        )
        .filter((n) => n !== undefined && solver.includes(n))
        .map((n) => `${f} imports ${n}`);
    });
    expect(calls).toEqual([]);
  });

  it('scripts/ import nothing from tests/', () => {
    expect(violations('scripts', /^tests\//)).toEqual([]);
  });

  it('the check itself sees imports of every form', () => {
    // A file of this test's own folder: it must find its imports, relative and bare.
    expect(importsOf('tests/unit/layers.test.ts')).toEqual(expect.arrayContaining(['vitest', 'node:fs']));
    expect(importsOf('src/map/AtlasMap.tsx')).toEqual(
      expect.arrayContaining(['react-map-gl/maplibre', 'src/map/style.ts']),
    );
  });
});
