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
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
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
