import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkImportSize, importGeoJsonText, propertyText, MAX_IMPORT_BYTES } from '../../src/data/import.ts';
import { importAndPrepare } from '../../src/ui/import-service.ts';

const square = (x: number, y: number, d = 0.1) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

describe("importing the user's GeoJSON", () => {
  it('takes points as a site layer and polygons as a territory', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'a', name: '<b>x</b>' },
          geometry: { type: 'Point', coordinates: [147.6, 44.9] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [147.7, 44.9] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(134.5, 48.3) } },
      ],
    });
    const r = importGeoJsonText('mine.geojson', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.points.map((p) => p.id)).toEqual(['a', 'feature-1']);
    const dup = importGeoJsonText('dup.geojson', text.replace('"properties":{}', '"properties":{"id":"a"}'));
    expect(!dup.ok && dup.problems[0]!.message).toMatch(/duplicate id "a"/);
    expect(r.data.territory!.coordinates).toHaveLength(1);
  });

  it('lists problems with the feature index and property path', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [147.6, 200] } },
        // (A LineString here is now skipped with a notice, not refused: an unclosed ring instead.)
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [1, 2],
                [3, 4],
                [3, 2],
                [1, 3],
              ],
            ],
          },
        },
      ],
    });
    const r = importGeoJsonText('bad.geojson', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.featureIndex, p.path])).toEqual(
      expect.arrayContaining([
        [0, 'features[0].geometry.coordinates[1]'],
        [1, expect.stringContaining('features[1].geometry')],
      ]),
    );
  });

  it('refuses files over 50 MB before reading them', () => {
    const r = checkImportSize('big.geojson', MAX_IMPORT_BYTES + 1);
    expect(r && !r.ok && r.problems[0]!.message).toMatch(/50\.0 MB; files up to 50 MB/);
    expect(checkImportSize('ok.geojson', 1000)).toBeNull();
  });

  it('refuses polygons the solver cannot split, with a reason', () => {
    const huge = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(0, 0, 60) } }],
    };
    // Merged fine; the solver's check runs where the territory is kept for splitting (the import worker).
    expect(importGeoJsonText('continent.geojson', JSON.stringify(huge)).ok).toBe(true);
    const { result: r, prepared } = importAndPrepare('continent.geojson', JSON.stringify(huge));
    expect(prepared).toBeNull();
    expect(!r.ok && r.problems[0]!.message).toBe(
      'the polygons cannot be split: territory spans more than 20° : too large for a straight-line partition',
    );
  });

  it('shows property values as text', () => {
    expect(propertyText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(propertyText({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(propertyText('x'.repeat(600))).toHaveLength(501);
  });
});

describe('fuzz: malformed documents never escape as exceptions', () => {
  // Mutations of a valid document, plus arbitrary JSON and text: 10,000 documents in all.
  const valid = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 's1', name: 'site' },
        geometry: { type: 'Point', coordinates: [147.6, 44.9] },
      },
      { type: 'Feature', properties: { id: 't1' }, geometry: { type: 'Polygon', coordinates: square(146, 44) } },
    ],
  };
  const weird = fc.oneof(
    fc.constant(NaN),
    fc.constant(Infinity),
    fc.constant(-Infinity),
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.object(),
    fc.array(fc.anything(), { maxLength: 5 }),
    fc.constant('<script>alert(1)</script>'),
  );
  const paths: (string | number)[][] = [
    ['type'],
    ['features'],
    ['features', 0],
    ['features', 0, 'type'],
    ['features', 0, 'geometry'],
    ['features', 0, 'geometry', 'type'],
    ['features', 0, 'geometry', 'coordinates'],
    ['features', 0, 'geometry', 'coordinates', 0],
    ['features', 0, 'geometry', 'coordinates', 1],
    ['features', 0, 'properties'],
    ['features', 0, 'properties', 'id'],
    ['features', 1, 'geometry', 'coordinates'],
    ['features', 1, 'geometry', 'coordinates', 0],
    ['features', 1, 'geometry', 'coordinates', 0, 2],
    ['features', 1, 'geometry', 'coordinates', 0, 2, 0],
  ];
  const mutated = fc.tuple(fc.constantFrom(...paths), weird).map(([path, value]) => {
    const doc = structuredClone(valid) as Record<string, unknown>;
    let o = doc as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) {
      if (o[k] === null || typeof o[k] !== 'object') return doc;
      o = o[k] as Record<string | number, unknown>;
    }
    o[path[path.length - 1]!] = value;
    return doc;
  });
  const deep = fc.integer({ min: 1000, max: 20000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
  const huge = fc.constant(
    JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 300 }, (_, i) => ({
        type: 'Feature',
        properties: { id: i },
        geometry: { type: 'Point', coordinates: [NaN, 999] },
      })),
    }).replace(/null/g, '1e999'),
  );

  it('10,000 documents: every failure has a message', () => {
    let failures = 0,
      runs = 0;
    const check = (text: string) => {
      runs++;
      const r = importGeoJsonText('fuzz.geojson', text);
      if (!r.ok) {
        failures++;
        expect(r.problems.length).toBeGreaterThan(0);
        expect(r.problems.length).toBeLessThanOrEqual(21); // 20 listed, then "… and N more problems"
        for (const p of r.problems) expect(p.message.length).toBeGreaterThan(5);
      }
    };
    fc.assert(
      fc.property(mutated, (d) => check(JSON.stringify(d))),
      { numRuns: 6000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (d) => check(JSON.stringify(d) ?? '')),
      { numRuns: 2500 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => check(s)),
      { numRuns: 1400 },
    );
    fc.assert(
      fc.property(fc.oneof(deep, huge), (s) => check(s)),
      { numRuns: 100 },
    );
    expect(runs).toBe(10_000);
    expect(failures).toBeGreaterThan(5000);
    console.log(`import fuzz: ${runs} documents, ${failures} refused with messages, ${runs - failures} accepted`);
  }, 120_000);
});
