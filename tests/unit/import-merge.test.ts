/**
 * Imports that add up: the user's polygons are merged (union) before any area is computed, and what
 * RFC 7946 allows is accepted with a notice (clockwise rings, a single Feature, a bare geometry,
 * GeometryCollection, MultiPoint), lines are skipped with a notice naming them.
 */
import { describe, expect, it } from 'vitest';
import * as geographiclib from 'geographiclib-geodesic';
import turfArea from '@turf/area';
import type { Position } from 'geojson';
import { importGeoJsonText, mergeText } from '../../src/data/import.ts';
import { formatProblem, validateLayerText } from '../../src/data/validate.ts';
import { unionPolygons } from '../../src/geo/union.ts';
import { prepareTerritory } from '../../src/geo/partition.ts';
import { signedPlanarArea } from '../../src/geo/rings.ts';

// GeographicLib directly (not through src/geo/geodesic.ts): an independent WGS84 area.
const lib = ((geographiclib as unknown as { default?: typeof geographiclib }).default ??
  geographiclib) as typeof geographiclib;
function geodesicKm2(ring: Position[]): number {
  const poly = lib.Geodesic.WGS84.Polygon(false);
  const n = ring.length - 1; // closed ring: skip the closing vertex
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(poly.Compute(false, true).area!) / 1e6;
}

const squareRing = (x: number, y: number, d = 0.1): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const clockwise = (x: number, y: number, d = 0.1): Position[] => [...squareRing(x, y, d)].reverse();
const polygonFeature = (ring: Position[], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function imported(name: string, text: string) {
  const r = importGeoJsonText(name, text);
  if (!r.ok) throw new Error(`expected ${name} to be imported, got:\n${r.problems.map(formatProblem).join('\n')}`);
  return r.data;
}

describe('imported polygons are merged, not summed', () => {
  // Two 0.1° squares near Etorofu's latitude, the second shifted by half a side both ways: they
  // overlap by a quarter of a square.
  const a = squareRing(146, 44);
  const b = squareRing(146.05, 44.05);
  // The union, built by hand (an L-shaped octagon), and the overlap.
  const unionRing: Position[] = [
    [146, 44],
    [146.1, 44],
    [146.1, 44.05],
    [146.15, 44.05],
    [146.15, 44.15],
    [146.05, 44.15],
    [146.05, 44.1],
    [146, 44.1],
    [146, 44],
  ];
  const overlapRing = squareRing(146.05, 44.05, 0.05);

  it('two squares overlapping by a quarter: the merged area is their union (GeographicLib), not their sum', () => {
    const d = imported('squares.geojson', collection([polygonFeature(a), polygonFeature(b)]));
    const trueUnion = geodesicKm2(unionRing);
    const sum = geodesicKm2(a) + geodesicKm2(b);
    expect(sum).toBeCloseTo(178, 0); // what summing used to give
    expect(trueUnion).toBeCloseTo(156, 0);
    expect(d.territory!.coordinates).toHaveLength(1);
    expect(d.merge).toMatchObject({ inputPolygons: 2, outputPolygons: 1 });
    expect(Math.abs(d.merge!.mergedKm2 - trueUnion) / trueUnion).toBeLessThan(1e-9);
    // A + B − union vs the overlap square: a few m² apart, because a geodesic along a parallel bows
    // poleward and so does not pass exactly through the union's new vertices.
    expect(Math.abs(d.merge!.overlapRemovedKm2 - geodesicKm2(overlapRing))).toBeLessThan(1e-5);
    // The solver measures the same territory (its long edges are split along geodesics).
    const solverKm2 = prepareTerritory(d.territory!).areaM2 / 1e6;
    expect(Math.abs(solverKm2 - trueUnion) / trueUnion).toBeLessThan(1e-6);
    // A rough cross-check on the sphere (@turf/area is ~0.2 % off the ellipsoid here).
    const turf = turfArea({ type: 'Polygon', coordinates: [unionRing] }) / 1e6;
    expect(Math.abs(turf - trueUnion) / trueUnion).toBeLessThan(0.005);
    expect(mergeText(d.merge!)).toBe(
      `2 polygons merged into 1 polygon; ${d.merge!.overlapRemovedKm2.toFixed(2)} km² of overlap removed`,
    );
    expect(d.merge!.overlapRemovedKm2.toFixed(2)).toBe(geodesicKm2(overlapRing).toFixed(2));
    console.log(
      `two squares: merged ${d.merge!.mergedKm2.toFixed(6)} km² (solver ${solverKm2.toFixed(6)}), true union ` +
        `${trueUnion.toFixed(6)} km², sum ${sum.toFixed(6)} km²`,
    );
  });

  it('a repeated feature counts once', () => {
    const d = imported(
      'twice.geojson',
      collection([polygonFeature(a, { name: 'x' }), polygonFeature(a, { name: 'x' })]),
    );
    expect(d.merge).toMatchObject({ inputPolygons: 2, outputPolygons: 1 });
    expect(Math.abs(d.merge!.mergedKm2 - geodesicKm2(a))).toBeLessThan(1e-9);
    expect(Math.abs(d.merge!.overlapRemovedKm2 - geodesicKm2(a))).toBeLessThan(1e-9);
  });

  it('disjoint polygons stay separate parts and nothing is removed', () => {
    const u = unionPolygons([[squareRing(146, 44)], [squareRing(147, 44)]]);
    expect(u.outputPolygons).toBe(2);
    expect(u.overlapRemovedKm2).toBeLessThan(1e-9);
    expect(mergeText({ ...u })).toBe('2 polygons merged into 2 polygons; no overlap');
  });

  it('groups: overlapping polygons are merged, a separate one with a (wrongly wound) hole is kept and rewound', () => {
    const holed = [squareRing(147, 44, 0.2), squareRing(147.05, 44.05, 0.05)]; // the hole is counter-clockwise
    const u = unionPolygons([[squareRing(146, 44)], holed, [squareRing(146.05, 44.05)]]);
    expect(u.outputPolygons).toBe(2);
    expect(u.merged!.coordinates[1]).toHaveLength(2);
    expect(signedPlanarArea(u.merged!.coordinates[1]![0]!)).toBeGreaterThan(0);
    expect(signedPlanarArea(u.merged!.coordinates[1]![1]!)).toBeLessThan(0);
    const expected = geodesicKm2(unionRing) + geodesicKm2(holed[0]!) - geodesicKm2(holed[1]!);
    expect(Math.abs(u.mergedKm2 - expected) / expected).toBeLessThan(1e-9);
  });
});

describe('what RFC 7946 allows is accepted, with a notice', () => {
  it('a clockwise outer ring is rewound, with a notice; the built-in data stays strict', () => {
    const text = collection([polygonFeature(clockwise(146, 44))]);
    const d = imported('cw.geojson', text);
    expect(d.notices.map(formatProblem)).toEqual([
      'cw.geojson: feature #0 (features[0].geometry.coordinates[0]): outer ring is clockwise; it was rewound ' +
        '(RFC 7946 asks for counter-clockwise)',
    ]);
    expect(signedPlanarArea(d.territory!.coordinates[0]![0]!)).toBeGreaterThan(0);
    expect(Math.abs(d.merge!.mergedKm2 - geodesicKm2(squareRing(146, 44)))).toBeLessThan(1e-9);
    // Without the lenient option (the data files), the same file is refused as before.
    const strict = validateLayerText('geo/x.geojson', text, { geometryTypes: ['Polygon'], requiredProperties: [] });
    expect(!strict.ok && strict.problems.map((p) => p.message)).toEqual([
      'outer ring is clockwise; RFC 7946 requires counter-clockwise',
    ]);
  });

  it("a bare geometry is taken as one feature (paths are the file's own)", () => {
    const d = imported('bare.geojson', JSON.stringify({ type: 'Polygon', coordinates: [squareRing(146, 44)] }));
    expect(d.territory!.coordinates).toHaveLength(1);
    expect(d.featureCount).toBe(1);
    expect(imported('pt.geojson', JSON.stringify({ type: 'Point', coordinates: [147.6, 44.9] })).points).toEqual([
      { id: 'feature-0', lonlat: [147.6, 44.9], properties: {} },
    ]);
    const bad = importGeoJsonText('bad.geojson', JSON.stringify({ type: 'Point', coordinates: [147.6, 200] }));
    expect(!bad.ok && bad.problems.map(formatProblem)).toEqual([
      'bad.geojson: feature #0 (coordinates[1]): latitude 200 is outside -90..90',
    ]);
  });

  it('a single Feature is taken as a collection of one', () => {
    const d = imported(
      'one.geojson',
      JSON.stringify({
        type: 'Feature',
        properties: { id: 'hq', name: 'HQ' },
        geometry: { type: 'Point', coordinates: [145.85, 44.03] },
      }),
    );
    expect(d.points).toEqual([{ id: 'hq', lonlat: [145.85, 44.03], properties: { id: 'hq', name: 'HQ' } }]);
    expect(d.territory).toBeNull();
    expect(d.merge).toBeNull();
    const bad = importGeoJsonText(
      'bad.geojson',
      JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [200, 44] } }),
    );
    expect(!bad.ok && bad.problems.map(formatProblem)).toEqual([
      'bad.geojson: feature #0 (geometry.coordinates[0]): longitude 200 is outside -180..180',
    ]);
    const other = importGeoJsonText('x.geojson', JSON.stringify({ type: 'Topology' }));
    expect(!other.ok && other.problems[0]!.message).toBe(
      '"type" is "Topology"; expected "FeatureCollection", "Feature" or a geometry type',
    );
  });

  it(
    'a GeometryCollection gives its points and polygons; its lines are skipped with a notice; ' +
      'MultiPoint gives points',
    () => {
      const gc = {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [146.02, 44.02] },
          { type: 'Polygon', coordinates: [squareRing(146, 44)] },
          {
            type: 'LineString',
            coordinates: [
              [146, 44],
              [146.2, 44.2],
            ],
          },
          { type: 'Polygon', coordinates: [squareRing(146.05, 44.05)] },
        ],
      };
      const d = imported(
        'gc.geojson',
        collection([
          { type: 'Feature', properties: { id: 'g' }, geometry: gc },
          {
            type: 'Feature',
            properties: { id: 'mp' },
            geometry: {
              type: 'MultiPoint',
              coordinates: [
                [146.1, 44.1],
                [146.12, 44.12],
              ],
            },
          },
        ]),
      );
      expect(d.points.map((p) => p.id)).toEqual(['g', 'mp-1', 'mp-2']);
      expect(d.merge).toMatchObject({ inputPolygons: 2, outputPolygons: 1 });
      expect(d.notices.map(formatProblem)).toEqual([
        'gc.geojson: feature g (features[0].geometry.geometries[2].type): LineString skipped: only Point, ' +
          'MultiPoint, Polygon, MultiPolygon, GeometryCollection geometries are imported',
      ]);
      // A bare GeometryCollection too; a broken member is refused at its own path.
      expect(imported('bare-gc.geojson', JSON.stringify(gc)).merge).toMatchObject({ inputPolygons: 2 });
      const bad = importGeoJsonText(
        'bad.geojson',
        JSON.stringify({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [146, 95] }] }),
      );
      expect(!bad.ok && bad.problems.map(formatProblem)).toEqual([
        'bad.geojson: feature #0 (geometries[0].coordinates[1]): latitude 95 is outside -90..90',
      ]);
    },
  );

  it(
    'LineString, MultiLineString and null geometries are skipped with notices naming index and ' + 'type, not refused',
    () => {
      const d = imported(
        'mixed.geojson',
        collection([
          polygonFeature(squareRing(146, 44)),
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
          {
            type: 'Feature',
            properties: { id: 'road' },
            geometry: {
              type: 'MultiLineString',
              coordinates: [
                [
                  [146, 44],
                  [146.2, 44.2],
                ],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: null },
        ]),
      );
      expect(d.territory!.coordinates).toHaveLength(1);
      expect(d.notices.map(formatProblem)).toEqual([
        'mixed.geojson: feature #1 (features[1].geometry.type): LineString skipped: only Point, MultiPoint, ' +
          'Polygon, MultiPolygon, GeometryCollection geometries are imported',
        'mixed.geojson: feature road (features[2].geometry.type): MultiLineString skipped: only Point, MultiPoint, ' +
          'Polygon, MultiPolygon, GeometryCollection geometries are imported',
        'mixed.geojson: feature #3 (features[3].geometry): geometry is null; the feature is skipped',
      ]);
      // A file of lines only has nothing to import: refused, with the notices saying why.
      const lines = importGeoJsonText(
        'lines.geojson',
        collection([
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
        ]),
      );
      expect(!lines.ok && lines.problems.map((p) => p.message)).toEqual([
        'the file has no points or polygons to import',
        'LineString skipped: only Point, MultiPoint, Polygon, MultiPolygon, GeometryCollection geometries are imported',
      ]);
    },
  );

  it('more than 20 problems: the first 20 are listed, then how many more', () => {
    const features = Array.from({ length: 57 }, (_, i) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [146, 100 + i] },
    }));
    const r = importGeoJsonText('many.geojson', collection(features));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(21);
    expect(r.problems[19]!.message).toBe('latitude 119 is outside -90..90');
    expect(formatProblem(r.problems[20]!)).toBe('many.geojson: … and 37 more problems');
    // Exactly 20: no such line; 21: "1 more problem".
    const twenty = importGeoJsonText('20.geojson', collection(features.slice(0, 20)));
    expect(!twenty.ok && twenty.problems).toHaveLength(20);
    const one = importGeoJsonText('21.geojson', collection(features.slice(0, 21)));
    expect(!one.ok && one.problems[20]!.message).toBe('… and 1 more problem');
  });
});
