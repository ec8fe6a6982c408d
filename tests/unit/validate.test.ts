import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import kinks from '@turf/kinks';
import type { Polygon } from 'geojson';
import { prng as rng } from '../../scripts/lib/prng.ts';
import {
  MAX_PROBLEMS,
  formatProblem,
  validateLayerObject,
  validateLayerText,
  type LayerSchema,
  type ValidationProblem,
  type ValidationResult,
} from '../../src/data/validate';

const ISLANDS: LayerSchema = {
  geometryTypes: ['Polygon', 'MultiPolygon'],
  requiredProperties: ['id', 'name_en'],
  allowedIds: ['etorofu', 'kunashiri', 'shikotan', 'habomai'],
};

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/broken/${name}`, import.meta.url)), 'utf8');
}

function problemsOf(r: ValidationResult): ValidationProblem[] {
  if (r.ok) throw new Error('expected the validation to fail, but it passed');
  return r.problems;
}

type Pos = number[];
/** Counter-clockwise square ring. */
function square(x: number, y: number, d = 0.1): Pos[] {
  return [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
}
function polygonFeature(id: unknown, coordinates: unknown, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: { id, name_en: `Island ${String(id)}`, ...extra },
    geometry: { type: 'Polygon', coordinates },
  };
}
function collection(features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

describe('validateLayerText: broken fixtures', () => {
  it('reports text that is not JSON with the JSON.parse message', () => {
    const text = fixture('not-json.geojson');
    let parseMessage = '';
    try {
      JSON.parse(text);
    } catch (e) {
      parseMessage = (e as Error).message;
    }
    expect(parseMessage).not.toBe('');
    const problems = problemsOf(validateLayerText('geo/islands.geojson', text, ISLANDS));
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: null,
        featureId: null,
        path: '',
        message: `not valid JSON: ${parseMessage}`,
        code: 'file.notJson',
        params: { error: parseMessage },
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(`geo/islands.geojson: not valid JSON: ${parseMessage}`);
  });

  it('reports an unclosed ring and skips the remaining geometry checks of that feature', () => {
    const problems = problemsOf(validateLayerText('geo/islands.geojson', fixture('unclosed-ring.geojson'), ISLANDS));
    expect(problems).toHaveLength(1);
    expect(problems[0]!).toMatchObject({
      featureIndex: 1,
      featureId: 'kunashiri',
      path: 'features[1].geometry.coordinates[0]',
    });
    expect(problems[0]!.message).toBe(
      'ring is not closed: first position [145.8, 43.9] differs from last position [145.8, 44]',
    );
  });

  it('reports a bow-tie polygon with its crossing point rounded to 5 decimals', () => {
    const text = fixture('bowtie.geojson');
    const problems = problemsOf(validateLayerText('geo/islands.geojson', text, ISLANDS));
    expect(problems).toHaveLength(1);
    expect(problems[0]!).toMatchObject({
      featureIndex: 0,
      featureId: 'shikotan',
      path: 'features[0].geometry.coordinates[0][1]',
    });
    expect(problems[0]!.message).toBe(
      'polygon self-intersects at [146.66667, 43.66667]: ring 0 segment 1–2 meets ring 0 segment 3–4',
    );
    // the same point as @turf/kinks
    const geometry = (JSON.parse(text) as { features: Array<{ geometry: Polygon }> }).features[0]!.geometry;
    const k = kinks(geometry).features[0]!.geometry.coordinates;
    expect(problems[0]!.message).toContain(`[${Number(k[0]!.toFixed(5))}, ${Number(k[1]!.toFixed(5))}]`);
    // and the check can be switched off
    expect(validateLayerText('geo/islands.geojson', text, { ...ISLANDS, checkSelfIntersections: false }).ok).toBe(true);
  });

  it('reports a latitude of 200 at the exact coordinate path', () => {
    const problems = problemsOf(validateLayerText('geo/islands.geojson', fixture('latitude-200.geojson'), ISLANDS));
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: 0,
        featureId: 'habomai',
        path: 'features[0].geometry.coordinates[0][2][1]',
        message: 'latitude 200 is outside -90..90',
        code: 'position.latitudeRange',
        params: { value: 200 },
      },
    ]);
  });

  it('reports a clockwise outer ring', () => {
    const problems = problemsOf(validateLayerText('geo/islands.geojson', fixture('clockwise-outer.geojson'), ISLANDS));
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: 0,
        featureId: 'shikotan',
        path: 'features[0].geometry.coordinates[0]',
        message: 'outer ring is clockwise; RFC 7946 requires counter-clockwise',
        code: 'ring.outerClockwise',
        params: { ring: '0' },
      },
    ]);
  });

  it('reports a missing id', () => {
    const problems = problemsOf(validateLayerText('geo/islands.geojson', fixture('missing-id.geojson'), ISLANDS));
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: 2,
        featureId: null,
        path: 'features[2].properties.id',
        message: 'missing required property "id"',
        code: 'property.missing',
        params: { key: '"id"' },
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      'geo/islands.geojson: feature #2 (features[2].properties.id): missing required property "id"',
    );
  });

  it('reports a duplicate id at its second occurrence', () => {
    const problems = problemsOf(validateLayerText('geo/islands.geojson', fixture('duplicate-id.geojson'), ISLANDS));
    expect(problems).toHaveLength(1);
    expect(problems[0]!).toMatchObject({ featureIndex: 2, featureId: 'etorofu', path: 'features[2].properties.id' });
    expect(problems[0]!.message).toContain('duplicate id "etorofu"');
    expect(problems[0]!.message).toBe('duplicate id "etorofu" (already used by feature #0)');
  });

  it('reports a geometry type the layer does not allow', () => {
    const problems = problemsOf(
      validateLayerText('geo/islands.geojson', fixture('wrong-geometry-type.geojson'), ISLANDS),
    );
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: 0,
        featureId: 'kunashiri',
        path: 'features[0].geometry.type',
        message: 'geometry type "Point" is not allowed in this layer; expected Polygon or MultiPolygon',
        code: 'geometry.typeNotAllowed',
        params: { type: 'Point', types: ['Polygon', 'MultiPolygon'] },
      },
    ]);
    // the same file is fine for a point layer
    expect(
      validateLayerText('x', fixture('wrong-geometry-type.geojson'), {
        geometryTypes: ['Point'],
        requiredProperties: ['id'],
      }).ok,
    ).toBe(true);
  });

  it('reports a feature count mismatch as a file-level problem', () => {
    const text = fixture('count-mismatch.geojson');
    const problems = problemsOf(validateLayerText('geo/islands.geojson', text, { ...ISLANDS, exactCount: 4 }));
    expect(problems).toEqual([
      {
        file: 'geo/islands.geojson',
        featureIndex: null,
        featureId: null,
        path: '',
        message: 'expected 4 features, found 3',
        code: 'file.count',
        params: { n: 4, found: 3 },
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe('geo/islands.geojson: expected 4 features, found 3');
    expect(validateLayerText('geo/islands.geojson', text, { ...ISLANDS, exactCount: 3 }).ok).toBe(true);
  });
});

describe('validateLayerObject: inline cases', () => {
  it('accepts a valid small FeatureCollection and returns it', () => {
    const hole = [
      [147.02, 45.02],
      [147.02, 45.05],
      [147.05, 45.05],
      [147.05, 45.02],
      [147.02, 45.02],
    ]; // clockwise
    const obj = collection([
      polygonFeature('etorofu', [square(147, 45), hole]),
      {
        type: 'Feature',
        properties: { id: 'habomai', name_en: 'Habomai Islands', note: null },
        geometry: { type: 'MultiPolygon', coordinates: [[square(146, 43.4, 0.05)], [square(146.2, 43.5, 0.05)]] },
      },
      polygonFeature('shikotan', [
        [
          [146.6, 43.7, 0],
          [146.9, 43.7, 5],
          [146.9, 43.9, 10],
          [146.6, 43.9, 3],
          [146.6, 43.7, 0],
        ],
      ]),
    ]);
    const r = validateLayerObject('geo/islands.geojson', obj, ISLANDS);
    expect(r).toEqual({ ok: true, data: obj });
    if (r.ok) expect(r.data).toBe(obj);

    const viaText = validateLayerText('geo/islands.geojson', `\uFEFF${JSON.stringify(obj, null, 2)}`, ISLANDS);
    expect(viaText.ok).toBe(true);
    if (viaText.ok) {
      expect(viaText.data).toEqual(obj);
      expect(viaText.data.features[1]!.geometry.type).toBe('MultiPolygon');
    }
  });

  it('reports NaN, Infinity and strings in coordinates with exact paths', () => {
    const obj = collection([
      polygonFeature('etorofu', [
        [
          [147, 45],
          [NaN, 45],
          [147.1, Infinity],
          [147, '45.1'],
          [147, 45],
        ],
      ]),
      polygonFeature('kunashiri', [
        [
          [145.8, 43.9],
          [145.9, -Infinity],
          [145.9, 44],
          [145.8, 44],
          [145.8, 43.9],
        ],
      ]),
    ]);
    const problems = problemsOf(validateLayerObject('geo/islands.geojson', obj, ISLANDS));
    expect(problems.map((p) => [p.featureId, p.path, p.message])).toEqual([
      ['etorofu', 'features[0].geometry.coordinates[0][1][0]', 'longitude NaN is not a finite number'],
      ['etorofu', 'features[0].geometry.coordinates[0][2][1]', 'latitude Infinity is not a finite number'],
      ['etorofu', 'features[0].geometry.coordinates[0][3][1]', 'latitude must be a number, found "45.1"'],
      ['kunashiri', 'features[1].geometry.coordinates[0][1][1]', 'latitude -Infinity is not a finite number'],
    ]);
  });

  it('reports malformed positions and rings', () => {
    const obj = collection([
      polygonFeature('etorofu', [[[147, 45], [147.1], [147.1, 45.1, 0, 7], 'x', [147, 45]]]),
      polygonFeature('kunashiri', [
        [
          [145.8, 43.9],
          [145.9, 43.9],
          [145.8, 43.9],
        ],
      ]),
      polygonFeature('shikotan', []),
      polygonFeature('habomai', [[]]),
    ]);
    const problems = problemsOf(validateLayerObject('f', obj, { ...ISLANDS, allowedIds: undefined }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'features[0].geometry.coordinates[0][1]',
        'position has 1 value; expected 2 (longitude, latitude) or 3 (with elevation)',
      ],
      [
        'features[0].geometry.coordinates[0][2]',
        'position has 4 values; expected 2 (longitude, latitude) or 3 (with elevation)',
      ],
      ['features[0].geometry.coordinates[0][3]', 'position must be an array of 2 or 3 numbers, found "x"'],
      ['features[1].geometry.coordinates[0]', 'ring has 3 positions; a linear ring needs at least 4'],
      ['features[2].geometry.coordinates', 'Polygon has no rings'],
      ['features[3].geometry.coordinates[0]', 'ring has 0 positions; a linear ring needs at least 4'],
    ]);
  });

  it('reports out-of-range longitudes and counter-clockwise holes', () => {
    const ccwHole = square(147.02, 45.02, 0.03);
    const obj = collection([
      polygonFeature('etorofu', [
        [
          [-181, 45],
          [147.1, 45],
          [147.1, 45.1],
          [147, 45.1],
          [-181, 45],
        ],
      ]),
      polygonFeature('kunashiri', [square(147, 45), ccwHole]),
    ]);
    const problems = problemsOf(validateLayerObject('f', obj, { ...ISLANDS, checkSelfIntersections: false }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['features[0].geometry.coordinates[0][0][0]', 'longitude -181 is outside -180..180'],
      ['features[0].geometry.coordinates[0][4][0]', 'longitude -181 is outside -180..180'],
      ['features[1].geometry.coordinates[1]', 'hole (ring 1) is counter-clockwise; RFC 7946 requires clockwise'],
    ]);
  });

  it('reports a hole crossing the outer ring and a self-intersection in a MultiPolygon part', () => {
    const crossingHole = [
      [147.05, 45.05],
      [147.05, 45.2],
      [147.2, 45.2],
      [147.2, 45.05],
      [147.05, 45.05],
    ]; // clockwise
    const bowtie = [
      [146, 43],
      [146, 44],
      [148, 43],
      [148, 45],
      [146, 43],
    ];
    const obj = collection([
      polygonFeature('etorofu', [square(147, 45), crossingHole]),
      {
        type: 'Feature',
        properties: { id: 'habomai', name_en: 'H' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(140, 40)], [bowtie]] },
      },
    ]);
    const problems = problemsOf(validateLayerObject('f', obj, ISLANDS));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'features[0].geometry.coordinates[0][1]',
        'polygon self-intersects at [147.1, 45.05]: ring 0 segment 1–2 meets ring 1 segment 3–4',
      ],
      [
        'features[1].geometry.coordinates[1][0][1]',
        'polygon self-intersects at [146.66667, 43.66667]: ring 0 segment 1–2 meets ring 0 segment 3–4',
      ],
    ]);
  });

  it('reports a loop that comes back onto an edge (like kinks) but ignores repeated positions (unlike kinks)', () => {
    // the ring returns to the bottom edge at [1, 0] and runs along it (segments 0–1 and 4–5 overlap)
    const loop = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
      [3, 0],
      [3, 2],
      [0, 2],
      [0, 0],
    ];
    const overlap = problemsOf(
      validateLayerObject('f', collection([polygonFeature('a', [loop])]), { ...ISLANDS, allowedIds: undefined }),
    );
    expect(overlap.map((p) => p.message)).toEqual([
      'polygon self-intersects at [1, 0]: ring 0 segment 0–1 meets ring 0 segment 3–4',
    ]);
    expect(kinksFirst([loop])).toBe('[1, 0]');

    const repeated = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 1],
      [0, 0],
    ];
    expect(kinks({ type: 'Polygon', coordinates: [repeated] }).features.length).toBeGreaterThan(0);
    expect(
      validateLayerObject('f', collection([polygonFeature('a', [repeated])]), { ...ISLANDS, allowedIds: undefined }).ok,
    ).toBe(true);
  });

  it('reports null, empty and non-string required properties, and unknown ids', () => {
    const obj = collection([
      polygonFeature('etorofu', [square(147, 45)], { name_en: null }),
      polygonFeature('', [square(147, 45)]),
      polygonFeature(42, [square(147, 45)]),
      polygonFeature('x', [square(147, 45)]),
      { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [square(147, 45)] } },
    ]);
    const problems = problemsOf(validateLayerObject('geo/islands.geojson', obj, ISLANDS));
    expect(problems.map((p) => [p.featureId, p.path, p.message])).toEqual([
      ['etorofu', 'features[0].properties.name_en', 'missing required property "name_en" (it is null)'],
      [null, 'features[1].properties.id', 'missing required property "id" (it is an empty string)'],
      ['42', 'features[2].properties.id', 'property "id" must be a non-empty string, found 42'],
      [
        'x',
        'features[3].properties.id',
        'unknown id "x"; expected one of "etorofu", "kunashiri", "shikotan", "habomai"',
      ],
      [null, 'features[4].properties.id', 'missing required property "id"'],
      [null, 'features[4].properties.name_en', 'missing required property "name_en"'],
    ]);
  });

  it('reports what geojson-validation finds beyond our own checks (bbox members)', () => {
    const feature = { ...polygonFeature('etorofu', [square(147, 45)]), bbox: 'nope' };
    const problems = problemsOf(validateLayerObject('f', { ...collection([feature]), bbox: [1, 2, 3] }, ISLANDS));
    expect(problems.map((p) => [p.featureIndex, p.path, p.message])).toEqual([
      [null, '', 'invalid GeoJSON: bbox, must be a 2*n array'],
      [0, 'features[0]', 'invalid GeoJSON: bbox must be an array'],
    ]);
  });

  it('reports file-level structure problems', () => {
    const msg = (v: unknown) => problemsOf(validateLayerObject('f', v, ISLANDS)).map((p) => p.message);
    expect(msg(null)).toEqual(['expected a GeoJSON FeatureCollection object, found null']);
    expect(msg(42)).toEqual(['expected a GeoJSON FeatureCollection object, found 42']);
    expect(msg([])).toEqual(['expected a GeoJSON FeatureCollection object, found an array']);
    expect(msg({ type: 'Feature' })).toEqual([
      '"type" is "Feature"; expected "FeatureCollection"',
      'missing "features" array',
    ]);
    expect(msg({ type: 'FeatureCollection', features: {} })).toEqual(['"features" must be an array, found an object']);
    expect(msg({ type: 'FeatureCollection', features: [null] })).toEqual(['feature must be an object, found null']);
    expect(msg(collection([{ type: 'Feature', properties: { id: 'etorofu', name_en: 'I' }, geometry: null }]))).toEqual(
      ['geometry is null; expected Polygon or MultiPolygon'],
    );
    expect(
      msg(
        collection([
          { type: 'Feature', properties: { id: 'etorofu', name_en: 'I' }, geometry: { type: 'Blob', coordinates: [] } },
        ]),
      ),
    ).toEqual(['unknown geometry type "Blob"; expected Polygon or MultiPolygon']);
    expect(
      msg(collection([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(147, 45)] } }])),
    ).toEqual([
      'feature has no "properties" member',
      'missing required property "id"',
      'missing required property "name_en"',
    ]);
  });

  it('collects at most MAX_PROBLEMS problems for a file with 100 broken features', () => {
    expect(MAX_PROBLEMS).toBe(20);
    const features = Array.from({ length: 100 }, (_, i) =>
      polygonFeature(`f${i}`, [
        [
          [10, 10],
          [11, 10],
          [11, 200 + i],
          [10, 11],
          [10, 10],
        ],
      ]),
    );
    const problems = problemsOf(
      validateLayerText('geo/broken.geojson', JSON.stringify(collection(features)), {
        ...ISLANDS,
        allowedIds: undefined,
        exactCount: 4,
      }),
    );
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.map((p) => p.featureIndex)).toEqual(Array.from({ length: MAX_PROBLEMS }, (_, i) => i));
    expect(problems[19]!.message).toBe('latitude 219 is outside -90..90');
    expect(problems.some((p) => p.featureIndex === null)).toBe(false); // the count check comes after the cap
  });

  it('formats problems on one line', () => {
    expect(
      formatProblem({
        file: 'geo/islands.geojson',
        featureIndex: 3,
        featureId: 'etorofu',
        path: 'features[3].geometry.coordinates[0][5][1]',
        message: 'latitude 200 is outside -90..90',
      }),
    ).toBe(
      'geo/islands.geojson: feature etorofu (features[3].geometry.coordinates[0][5][1]): ' +
        'latitude 200 is outside -90..90',
    );
    expect(
      formatProblem({
        file: 'a.geojson',
        featureIndex: 7,
        featureId: null,
        path: 'features[7].properties.id',
        message: 'missing required property "id"',
      }),
    ).toBe('a.geojson: feature #7 (features[7].properties.id): missing required property "id"');
    expect(
      formatProblem({
        file: 'a.geojson',
        featureIndex: null,
        featureId: null,
        path: '',
        message: 'expected 4 features, found 3',
      }),
    ).toBe('a.geojson: expected 4 features, found 3');
  });
});

describe('robustness', () => {
  const SCHEMA: LayerSchema = {
    geometryTypes: ['Polygon', 'MultiPolygon', 'Point', 'LineString'],
    requiredProperties: ['id'],
  };

  function checkShape(r: ValidationResult, file: string, input: unknown): void {
    if (r.ok) {
      // only a real collection may pass
      expect(r.data).toMatchObject({ type: 'FeatureCollection' });
      expect(Array.isArray(r.data.features)).toBe(true);
      if (typeof input !== 'string') expect(r.data).toBe(input);
      return;
    }
    expect(r.problems.length).toBeGreaterThanOrEqual(1);
    expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    for (const p of r.problems) {
      expect(p.file).toBe(file);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(typeof p.path).toBe('string');
      expect(p.featureIndex === null || Number.isInteger(p.featureIndex)).toBe(true);
      expect(formatProblem(p).length).toBeGreaterThan(0);
    }
  }

  it('never throws for arbitrary values (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (v) => {
          checkShape(validateLayerObject('any', v, SCHEMA), 'any', v);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws for arbitrary JSON texts and strings (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v) ?? 'undefined';
        checkShape(validateLayerText('json', text, SCHEMA), 'json', text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        checkShape(validateLayerText('str', s, SCHEMA), 'str', s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for collections of arbitrary features, and passes exactly the valid ones (fast-check)', () => {
    const good = [
      { geometry: { type: 'Polygon', coordinates: [square(147, 45)] }, valid: true },
      { geometry: { type: 'MultiPolygon', coordinates: [[square(1, 1)], [square(3, 3)]] }, valid: true },
      { geometry: { type: 'Point', coordinates: [145, 44] }, valid: true },
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [145, 44],
            [146, 45],
          ],
        },
        valid: true,
      },
    ];
    const bad = [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        ],
      }, // clockwise
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      }, // bow-tie
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }, // not closed
      { type: 'Point', coordinates: [0, 95] },
      { type: 'Point', coordinates: [0] },
      { type: 'MultiPoint', coordinates: [[0, 0]] },
      { type: 'LineString', coordinates: [[0, 0]] },
      null,
    ].map((geometry) => ({ geometry, valid: false }));
    const geometryArb = fc.oneof(
      fc.constantFrom(...good, ...bad),
      fc
        .record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString'), coordinates: fc.anything() })
        .map((geometry) => ({ geometry, valid: undefined as boolean | undefined })),
    );
    const featureArb = fc.record({
      g: geometryArb,
      id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), fc.constantFrom('', null, 3)),
    });
    fc.assert(
      fc.property(fc.array(featureArb, { maxLength: 8 }), (items) => {
        const obj = collection(
          items.map((it) => ({ type: 'Feature', properties: { id: it.id }, geometry: it.g.geometry })),
        );
        const r = validateLayerObject('gen', obj, SCHEMA);
        checkShape(r, 'gen', obj);
        if (items.some((it) => it.g.valid === undefined)) return; // arbitrary coordinates: only no-throw
        const ids = items.map((it) => it.id);
        const expectOk =
          items.every((it) => it.g.valid && typeof it.id === 'string' && it.id !== '') &&
          new Set(ids).size === ids.length;
        expect(r.ok).toBe(expectOk);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws for mutilated valid files (fast-check)', () => {
    const text = JSON.stringify(
      collection([polygonFeature('etorofu', [square(147, 45)]), polygonFeature('kunashiri', [square(145.8, 43.9)])]),
    );
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(5), fc.string({ maxLength: 3 }), (at, del, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + del);
        checkShape(validateLayerText('mut', mutated, SCHEMA), 'mut', mutated);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for hostile inputs', () => {
    const one = (v: unknown) => {
      const r = validateLayerObject('h', v, SCHEMA);
      checkShape(r, 'h', v);
      return r;
    };
    // deeply nested JSON text and objects
    checkShape(validateLayerText('h', '['.repeat(200_000) + ']'.repeat(200_000), SCHEMA), 'h', '');
    let deep: unknown = { type: 'Point', coordinates: [0, 0] };
    for (let i = 0; i < 100_000; i++) deep = { type: 'GeometryCollection', geometries: [deep] };
    expect(
      problemsOf(one(collection([{ type: 'Feature', properties: { id: 'a' }, geometry: deep }])))[0]!.message,
    ).toBe(
      'geometry type "GeometryCollection" is not allowed in this layer; ' +
        'expected Polygon or MultiPolygon or Point or LineString',
    );
    // cycles
    const cyclic: Record<string, unknown> = { type: 'GeometryCollection' };
    cyclic.geometries = [cyclic];
    one(collection([{ type: 'Feature', properties: { id: 'a' }, geometry: cyclic }]));
    // throwing getters and proxies
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(problemsOf(one(trap))[0]!.message).toBe('could not be validated: boom');
    one(collection([trap]));
    // huge text
    checkShape(validateLayerText('h', ' '.repeat(5_000_000) + '{', SCHEMA), 'h', '');
    // wrong argument types at runtime
    checkShape(validateLayerText('h', undefined as unknown as string, SCHEMA), 'h', '');
    // an empty collection is valid unless a count is required
    expect(one(collection([])).ok).toBe(true);
    expect(problemsOf(validateLayerObject('h', collection([]), { ...SCHEMA, exactCount: 1 }))[0]!.message).toBe(
      'expected 1 feature, found 0',
    );
  });
});

/** Star-shaped ring around (cx, cy): simple unless `jitter` displaces vertices along the ring. */
function starRing(random: () => number, n: number, cx: number, cy: number, r: number, spikes = 0.5, jitter = 0): Pos[] {
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const t = ((i + (random() - 0.5) * jitter) / n) * 2 * Math.PI;
    const radius = r * (1 - spikes * random());
    ring.push([cx + radius * Math.cos(t), cy + radius * Math.sin(t)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

function selfIntersection(rings: Pos[][]): ValidationProblem | undefined {
  const r = validateLayerObject('k', collection([polygonFeature('a', rings)]), {
    geometryTypes: ['Polygon'],
    requiredProperties: [],
  });
  return r.ok ? undefined : r.problems.find((p) => p.message.includes('self-intersect'));
}

function kinksFirst(rings: Pos[][]): string | undefined {
  const k = kinks({ type: 'Polygon', coordinates: rings }).features;
  if (k.length === 0) return undefined;
  const [x, y] = k[0]!.geometry.coordinates;
  return `[${Number(x!.toFixed(5))}, ${Number(y!.toFixed(5))}]`;
}

describe('self-intersection check agrees with @turf/kinks', () => {
  it('on random single rings (same verdict and same first crossing point)', () => {
    const random = rng(20240601);
    let crossing = 0;
    let simple = 0;
    for (let trial = 0; trial < 600; trial++) {
      const n = 4 + Math.floor(random() * (trial % 3 === 0 ? 400 : 40));
      const ring =
        trial % 2 === 0
          ? starRing(random, n, 146, 44, 1, 0.6, trial % 4 === 0 ? 3 : 0) // mostly simple; jitter makes some cross
          : // random walk: crosses
            [...Array.from({ length: n }, () => [140 + 10 * random(), 40 + 10 * random()]), [0, 0]];
      if (trial % 2 === 1) ring[ring.length - 1] = [...ring[0]!];
      const expected = kinksFirst([ring]);
      const problem = selfIntersection([ring]);
      if (expected === undefined) {
        expect(problem).toBeUndefined();
        simple++;
      } else {
        expect(problem?.message).toContain(`self-intersects at ${expected}:`);
        crossing++;
      }
    }
    // both verdicts were exercised
    expect(crossing).toBeGreaterThan(100);
    expect(simple).toBeGreaterThan(100);
  });

  it('on random polygons with holes (same verdict)', () => {
    const random = rng(7);
    let crossing = 0;
    for (let trial = 0; trial < 200; trial++) {
      const outer = starRing(random, 20 + Math.floor(random() * 200), 146, 44, 1, 0.3);
      const hole = starRing(
        random,
        10 + Math.floor(random() * 50),
        146 + (random() - 0.5) * 1.6,
        44,
        0.3 + random() * 0.5,
        0.3,
      ).reverse();
      const verdict = kinksFirst([outer, hole]) !== undefined;
      expect(selfIntersection([outer, hole]) !== undefined).toBe(verdict);
      if (verdict) crossing++;
    }
    expect(crossing).toBeGreaterThan(20);
    expect(crossing).toBeLessThan(180);
  });
});

// Times are printed, not asserted: this machine's load varies too much for a limit in a unit test.
describe('performance', () => {
  /** Smooth island outline with multi-scale noise, counter-clockwise. */
  function coastline(n: number, cx: number, cy: number, scale: number): Pos[] {
    const ring: Pos[] = [];
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      let r = 0.6 + 0.2 * Math.sin(3 * t) + 0.1 * Math.sin(11 * t + 1);
      for (let k = 1; k < 8; k++) r += (0.02 / k) * Math.sin(37 * k * t + k);
      ring.push([cx + scale * 0.8 * r * Math.cos(t), cy + scale * 1.5 * r * Math.sin(t)]);
    }
    ring.push([...ring[0]!]);
    return ring;
  }

  it("validates a 2,000-vertex ring (time printed beside kinks' for the same ring)", () => {
    const ring = coastline(2000, 146, 44, 1);
    const obj = collection([polygonFeature('etorofu', [ring])]);
    expect(validateLayerObject('p', obj, ISLANDS).ok).toBe(true); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) validateLayerObject('p', obj, ISLANDS);
    const ours = (performance.now() - t0) / 10;
    const t1 = performance.now();
    expect(kinks({ type: 'Polygon', coordinates: [ring] }).features).toHaveLength(0);
    const theirs = performance.now() - t1;
    console.log(
      `2,000-vertex ring: validateLayerObject ${ours.toFixed(1)} ms, @turf/kinks alone ${theirs.toFixed(1)} ms`,
    );
  });

  it('validates a ~2 MB file with ~30k coordinates (time printed)', () => {
    const features = [
      polygonFeature('etorofu', [coastline(12_000, 147.9, 45.0, 0.6)]),
      polygonFeature('kunashiri', [coastline(9_000, 145.9, 44.1, 0.4)]),
      polygonFeature('shikotan', [coastline(5_000, 146.7, 43.8, 0.1)]),
      {
        type: 'Feature',
        properties: { id: 'habomai', name_en: 'Habomai Islands' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: Array.from({ length: 8 }, (_, i) => [coastline(500, 145.6 + 0.1 * i, 43.4, 0.03)]),
        },
      },
    ];
    const text = JSON.stringify(collection(features), null, 2);
    expect(text.length).toBeGreaterThan(1_800_000);
    validateLayerText('geo/islands.geojson', text, ISLANDS); // warm-up
    const t0 = performance.now();
    const r = validateLayerText('geo/islands.geojson', text, { ...ISLANDS, exactCount: 4 });
    const ms = performance.now() - t0;
    console.log(`${(text.length / 1e6).toFixed(1)} MB, 30,000 positions: ${ms.toFixed(0)} ms`);
    expect(r.ok).toBe(true);
  });

  it('finds a crossing in a 30,000-vertex ring', () => {
    const ring = coastline(30_000, 146, 44, 1);
    [ring[20_000], ring[20_001]] = [ring[20_001]!, ring[20_000]!]; // swap two vertices: a tiny bow-tie
    const problem = selfIntersection([ring]);
    expect(problem?.path).toBe('features[0].geometry.coordinates[0][19999]');
    expect(problem?.message).toMatch(
      /^polygon self-intersects at \[[\d.]+, [\d.]+\]: ring 0 segment 19999–20000 meets ring 0 segment 20001–20002$/,
    );
  });
});
