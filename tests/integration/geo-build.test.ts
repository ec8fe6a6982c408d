/** The pipeline rebuilds geo/ byte for byte from its source (slow: it parses a 168 MB file). */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run geo:build', () => {
  it('regenerates geo/ byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'geo-build-'));
    execFileSync('npx', ['tsx', 'scripts/geo-build.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    for (const f of [
      'islands.geojson',
      'hokkaido.geojson',
      'context-land.geojson',
      'history.geojson',
      'precedents.geojson',
      'PROVENANCE.json',
    ]) {
      expect(readFileSync(join(out, 'geo', f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'geo', f), 'utf8'));
    }
  }, 600_000);
});
