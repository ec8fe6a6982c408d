import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Position } from 'geojson';
import { importGeoJsonText } from '../../src/data/import.ts';
import { validateLayerObject } from '../../src/data/validate.ts';
import { prepareTerritory, solvePartition, PartitionInputError } from '../../src/geo/partition.ts';
import { polygonAreaM2 } from '../../src/geo/geodesic.ts';
import { runSplit } from '../../scripts/lib/split-core.ts';
import { ANTIMERIDIAN_BLOCK } from '../fixtures/shapes.ts';

const { west, east } = ANTIMERIDIAN_BLOCK;
const rfc = {
  type: 'Feature',
  properties: { name: 'across' },
  geometry: { type: 'MultiPolygon', coordinates: [[west], [east]] },
};
// The same block as one ring with longitudes past 180° (its vertices on 180° kept): GeographicLib measures it directly.
const unwrappedKm2 =
  polygonAreaM2([
    [
      [179.5, 51],
      [180, 51],
      [180.5, 51],
      [180.5, 51.5],
      [180, 51.5],
      [179.5, 51.5],
      [179.5, 51],
    ],
  ]) / 1e6;
// Drawn straight across: an edge from 179.5 to -179.5.
const straight = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [179.5, 51],
        [-179.5, 51],
        [-179.5, 51.5],
        [179.5, 51.5],
        [179.5, 51],
      ],
    ],
  },
};

const km2 = (mp: MultiPolygon | null) => (mp ? mp.coordinates.reduce((a, p) => a + polygonAreaM2(p), 0) / 1e6 : 0);
const lons = (mp: MultiPolygon | null): number[] => (mp ? mp.coordinates.flat(2).map((p: Position) => p[0]!) : []);

describe('territories across the antimeridian', () => {
  it('accepts the RFC 7946 form and measures it as one territory', () => {
    const r = importGeoJsonText('across.geojson', JSON.stringify(rfc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.data.merge!.mergedKm2 / unwrappedKm2 - 1)).toBeLessThan(1e-7);
    const prep = prepareTerritory(r.data.territory!);
    expect(prep.unwrapped).toBe(true);
    expect(Math.abs(prep.areaM2 / 1e6 / unwrappedKm2 - 1)).toBeLessThan(1e-7);
    expect(Math.abs(prep.anchorLonLat[0]!)).toBeLessThanOrEqual(180);
  });

  for (const bearing of [0, 90, 37]) {
    it(`splits it at bearing ${bearing}°: parts within ±180°, valid RFC 7946, GeographicLib areas`, () => {
      const prep = prepareTerritory(rfc.geometry as MultiPolygon);
      for (const share of [0.3, 0.5, 0.8]) {
        const res = solvePartition(prep, bearing, { fraction: share });
        expect(res.fraction).toBeCloseTo(share, 9);
        for (const part of [res.japanSide, res.otherSide]) {
          for (const lon of lons(part)) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
          // Valid on the strict rules of the built-in data: closed rings, RFC winding, no crossing, no jump over ±180°.
          const v = validateLayerObject(
            'part',
            { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: part }] },
            { geometryTypes: ['MultiPolygon'], requiredProperties: [] },
          );
          expect(v.ok ? [] : v.problems.map((p) => p.message)).toEqual([]);
        }
        // An independent measure (GeographicLib, geodesic edges) of the returned parts.
        expect(Math.abs(km2(res.japanSide) - res.japanSideKm2) / res.totalKm2).toBeLessThan(1e-6);
        expect(Math.abs(km2(res.otherSide) - res.otherSideKm2) / res.totalKm2).toBeLessThan(1e-6);
        expect(Math.abs(km2(res.japanSide) - share * unwrappedKm2) / unwrappedKm2).toBeLessThan(1e-6);
        // The line is one LineString with continuous longitudes (it may run past 180°).
        const c = res.line!.coordinates;
        for (let i = 1; i < c.length; i++) expect(Math.abs(c[i]![0]! - c[i - 1]![0]!)).toBeLessThan(1);
      }
    });
  }

  it('splits it with `npm run split` too', () => {
    const r = runSplit(['across.geojson', '--share', '0.4', '--json'], {
      readFile: () => JSON.stringify(rfc),
      fileSize: () => 1000,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.area_km2 / unwrappedKm2 - 1)).toBeLessThan(1e-7);
    for (const f of out.parts.features)
      for (const lon of lons(f.geometry)) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
  });

  it('says exactly what is wrong with a polygon drawn straight across', () => {
    const r = importGeoJsonText('straight.geojson', JSON.stringify(straight));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      'outer ring crosses the antimeridian: the edge from [179.5, 51] to [-179.5, 51] jumps 359° in longitude ' +
        '(more than 180°); split the polygon at ±180° into a MultiPolygon (RFC 7946 §3.1.9)',
    ]);
    expect(r.problems[0]?.path).toBe('geometry.coordinates[0][0]');
    expect(() => prepareTerritory(straight.geometry as never)).toThrow(PartitionInputError);
    expect(() => prepareTerritory(straight.geometry as never)).toThrow(/crosses the antimeridian/);
  });

  it('leaves territories away from the antimeridian as they were', () => {
    const prep = prepareTerritory({
      type: 'Polygon',
      coordinates: [
        [
          [146, 44],
          [146.5, 44],
          [146.5, 44.5],
          [146, 44.5],
          [146, 44],
        ],
      ],
    });
    expect(prep.unwrapped).toBe(false);
    // Still refused when too large, with the same message.
    expect(() =>
      prepareTerritory({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [170, 50],
              [171, 50],
              [171, 51],
              [170, 51],
              [170, 50],
            ],
          ],
          [
            [
              [-170, 50],
              [-169, 50],
              [-169, 51],
              [-170, 51],
              [-170, 50],
            ],
          ],
        ],
      }),
    ).toThrow(/spans more than 20°/);
  });
});
