/**
 * Imports that add up, on the page: overlapping polygons are merged and the page says by how much;
 * notices (a clockwise ring rewound, a line skipped) are shown without refusing the file; the anchor
 * point of an imported territory can be chosen, with a validation message.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { screenshot, useHarness, waitForIdleMap } from './harness.ts';

const h = useHarness();

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const square = (x: number, y: number, d = 0.1) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const file = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(146, 44)] } },
    // clockwise: rewound with a notice
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[...square(146.05, 44.05)].reverse()] },
    },
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [146, 44],
          [146.2, 44.2],
        ],
      },
    },
  ],
});

describe('imports that add up', () => {
  it('shows the merge, the notices and lets the user choose the anchor point', async () => {
    // bypassCSP only to inject axe-core below (as in a11y-export.test.ts).
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(h.origin + '/');
    await waitForIdleMap(page);
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'squares.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(file) });
    await expect(page.getByTestId('imports').innerText()).resolves.toContain(
      'squares.geojson: 0 point(s), 1 polygon(s)',
    );
    await expect(page.getByTestId('import-merge').innerText()).resolves.toBe(
      '2 polygons merged into 1 polygon; 22.25 km² of overlap removed.',
    );
    const notices = await page.getByTestId('import-notices').innerText();
    expect(notices).toContain(
      'squares.geojson: feature #1 (features[1].geometry.coordinates[0]): outer ring is clockwise; it was rewound',
    );
    expect(notices).toContain('squares.geojson: feature #2 (features[2].geometry.type): LineString skipped');
    await expect(page.getByTestId('territory-merge').innerText()).resolves.toContain(
      'the territory is 155.76 km² on the WGS84 ellipsoid',
    );
    await expect(page.getByTestId('territory-result').innerText()).resolves.toContain('155.76 km²');
    // The anchor: the corner nearest Cape Nosappu by default; a point the user types otherwise.
    await expect(page.getByTestId('territory-anchor').innerText()).resolves.toBe('146, 44');
    const input = page.getByTestId('territory-anchor-input');
    await input.fill('147, 95');
    await input.press('Enter');
    await expect(page.getByTestId('territory-anchor-error').innerText()).resolves.toBe(
      'latitude 95 is outside -90..90',
    );
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('territory-anchor').innerText()).resolves.toBe('146, 44');
    await input.fill('147, 45');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(page.getByTestId('territory-anchor').innerText()).resolves.toBe('146.15, 44.15');
    await expect(page.getByTestId('territory-anchor-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('territory-share').innerText()).resolves.toBe('50.00 %');
    await screenshot(page, 'import-merge');
    await page.getByRole('button', { name: 'Cape Nosappu', exact: true }).click();
    await expect(page.getByTestId('territory-anchor').innerText()).resolves.toBe('146, 44');

    await page.addScriptTag({ content: AXE });
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document.querySelector('.import')!.parentElement, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(serious).toEqual([]);
    // Clean up this browser's stored import for the other tests.
    await page.getByRole('button', { name: 'Remove squares.geojson' }).click();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
