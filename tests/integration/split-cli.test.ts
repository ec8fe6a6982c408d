/** The split CLI as a process: exit code and stderr for a broken file. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

describe('split CLI: the process', () => {
  it('exits 2 with one problem per line on stderr for a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-cli-'));
    const file = join(dir, 'broken.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'a' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [146, 44],
                  [146.1, 44],
                  [146.1, 44.1],
                  [146, 44.1],
                ],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [146, 200] } },
        ],
      }),
    );
    const r = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'split.ts'), file, '--bearing', '-90'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file}: feature a (features[0].geometry.coordinates[0]): ring is not closed: ` +
        'first position [146, 44] differs from last position [146, 44.1]\n' +
        `${file}: feature #1 (features[1].geometry.coordinates[1]): latitude 200 is outside -90..90\n`,
    );
  }, 60_000);
});
