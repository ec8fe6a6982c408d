import { describe, expect, it } from 'vitest';
import {
  checkImportLimits,
  countFeaturesAndVertices,
  importGeoJsonText,
  MAX_IMPORT_FEATURES,
  MAX_IMPORT_VERTICES,
  type ImportProgress,
} from '../../src/data/import.ts';
import {
  ImportService,
  importAndPrepare,
  type PackedFileImport,
  type ServiceResponse,
} from '../../src/ui/import-service.ts';
import type { StoredImport } from '../../src/ui/user-store.ts';
import { createImportClient, SupersededError } from '../../src/ui/import-client.ts';
import { simplifyForDisplay } from '../../src/geo/simplify.ts';
import { concatPointSets, pointAt, pointById, pointSetOf } from '../../src/geo/user-points.ts';

const square = (x: number, y: number, d = 0.1) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });

describe('stated limits, checked before any other work', () => {
  it("counts features and vertices (a ring's closing position is not a vertex), without recursion", () => {
    expect(
      countFeaturesAndVertices(
        fc([
          feature({ type: 'Point', coordinates: [1, 2] }),
          feature({ type: 'Polygon', coordinates: square(146, 44) }),
          feature({ type: 'MultiPolygon', coordinates: [square(146, 44), square(147, 44)] }),
          feature({
            type: 'GeometryCollection',
            geometries: [
              {
                type: 'MultiPoint',
                coordinates: [
                  [1, 2],
                  [3, 4],
                ],
              },
              {
                type: 'LineString',
                coordinates: [
                  [1, 2],
                  [3, 4],
                  [5, 6],
                ],
              },
            ],
          }),
          feature(null),
        ]),
      ),
    ).toEqual({ features: 5, vertices: 1 + 4 + 8 + 2 + 3 });
    expect(countFeaturesAndVertices(feature({ type: 'Polygon', coordinates: square(146, 44) }))).toEqual({
      features: 1,
      vertices: 4,
    });
    expect(countFeaturesAndVertices({ type: 'Polygon', coordinates: square(146, 44) })).toEqual({
      features: 1,
      vertices: 4,
    });
    // Malformed parts are left to the validator, never thrown on.
    for (const bad of [
      null,
      3,
      'x',
      [],
      { type: 'FeatureCollection', features: 'x' },
      { type: 'FeatureCollection', features: [null, 1, { geometry: { type: 'Polygon', coordinates: 5 } }] },
    ]) {
      expect(() => countFeaturesAndVertices(bad)).not.toThrow();
    }
    // GeometryCollections nested 100,000 deep: counted with an explicit stack.
    let g: unknown = { type: 'Point', coordinates: [1, 2] };
    for (let i = 0; i < 100_000; i++) g = { type: 'GeometryCollection', geometries: [g] };
    expect(countFeaturesAndVertices(feature(g)).vertices).toBe(1);
  });

  it('refuses too many vertices with its own message, before validating', () => {
    // 1,000,001 points in one MultiPoint: also proves no push(...) of the input's size in the import.
    const n = MAX_IMPORT_VERTICES + 1;
    const coords = Array.from({ length: n }, (_, i) => [146 + (i % 1000) * 1e-3, 44 + Math.floor(i / 1000) * 1e-4]);
    const steps: string[] = [];
    const r = importGeoJsonText('many.geojson', JSON.stringify(feature({ type: 'MultiPoint', coordinates: coords })), {
      onProgress: (p) => steps.push(p.step),
    });
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'the file has 1,000,001 vertices; at most 1,000,000 can be imported',
    ]);
    // Refused after parsing, before the validator's step ('checking') began.
    expect(steps).toEqual(['parsing']);
    // A polygon of exactly 1,000,000 vertices passes the limit (its closing position is not counted).
    const ring = Array.from({ length: MAX_IMPORT_VERTICES }, (_, i) => [Math.cos(i), Math.sin(i)]);
    ring.push(ring[0]!);
    expect(checkImportLimits('f', fc([feature({ type: 'Polygon', coordinates: [ring] })]))).toBeNull();
  });

  it('refuses too many features with its own message', () => {
    const features = Array.from({ length: MAX_IMPORT_FEATURES + 1 }, () => ({
      type: 'Feature',
      properties: {},
      geometry: null,
    }));
    const r = importGeoJsonText('features.geojson', JSON.stringify(fc(features)));
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'the file has 100,001 features; at most 100,000 can be imported',
    ]);
  });

  it("keeps the validator's wording for text that is not JSON, and the size message", () => {
    const r = importGeoJsonText('x.geojson', '{"type": ');
    expect(!r.ok && r.problems[0]!.message).toMatch(/^not valid JSON: /);
    const big = importGeoJsonText('big.geojson', ' '.repeat(50 * 1024 * 1024 + 1));
    expect(!big.ok && big.problems[0]!.message).toBe('the file is 50.0 MB; files up to 50 MB can be imported');
  });

  it("reports its steps to a progress callback (the solver's preparation in the worker's service)", () => {
    const text = JSON.stringify(fc([feature({ type: 'Polygon', coordinates: square(146, 44) })]));
    const steps: ImportProgress[] = [];
    expect(importGeoJsonText('p.geojson', text, { onProgress: (p) => steps.push(p) }).ok).toBe(true);
    expect(steps.map((s) => s.step)).toEqual(['parsing', 'checking', 'merging']);
    const withSolver: ImportProgress[] = [];
    const { result, prepared } = importAndPrepare('p.geojson', text, (p) => withSolver.push(p));
    expect(result.ok).toBe(true);
    expect(prepared).not.toBeNull();
    expect(withSolver.map((s) => s.step)).toEqual(['parsing', 'checking', 'merging', 'preparing']);
  });
});

describe("the import service (the worker's code, run inline)", () => {
  it(
    'imports, keeps the full territory, gives the page a copy for drawing, and splits and ' +
      'exports from the full one',
    () => {
      const out: ServiceResponse[] = [];
      const s = new ImportService((r) => out.push(r));
      // A 100,000-vertex wiggly circle: simplified for drawing.
      const n = 100_000;
      const ring = Array.from({ length: n }, (_, i) => {
        const th = (2 * Math.PI * i) / n,
          r = 0.5 * (1 + 0.05 * Math.sin(301 * th));
        return [146 + (r * Math.cos(th)) / Math.cos((44 * Math.PI) / 180), 44 + r * Math.sin(th)];
      });
      ring.push(ring[0]!);
      s.handle({
        kind: 'import',
        id: 1,
        name: 'big.geojson',
        text: JSON.stringify(feature({ type: 'Polygon', coordinates: [ring] })),
      });
      const done = out.find((r) => r.id === 1 && r.kind === 'ok')!;
      expect(out.filter((r) => r.id === 1 && r.kind === 'progress').length).toBeGreaterThanOrEqual(3);
      const imp = (
        done as {
          value: {
            ok: true;
            data: {
              territory: { coordinates: number[][][][] };
              territoryInfo: { vertices: number; simplifiedForDisplay: boolean };
            };
          };
        }
      ).value;
      expect(imp.ok).toBe(true);
      expect(imp.data.territoryInfo.vertices).toBe(n + 1);
      expect(imp.data.territoryInfo.simplifiedForDisplay).toBe(true);
      const shown = imp.data.territory.coordinates.flat(2).length;
      expect(shown).toBeLessThanOrEqual(20_000);
      expect(shown).toBeGreaterThan(1000);

      s.handle({ kind: 'split', id: 2, name: 'big.geojson', params: { anchor: null, bearing: 30, share: 0.25 } });
      const split = out.find((r) => r.id === 2 && r.kind === 'ok') as {
        value: { result: { fraction: number; japanSideKm2: number; totalKm2: number } };
      };
      expect(Math.abs(split.value.result.fraction - 0.25)).toBeLessThan(1e-8);
      s.handle({ kind: 'export', id: 3, name: 'big.geojson', params: { anchor: null, bearing: 30, share: 0.25 } });
      const text = (out.find((r) => r.id === 3 && r.kind === 'ok') as { value: string }).value;
      const exported = JSON.parse(text);
      expect(exported.features.map((f: { properties: { part: string } }) => f.properties.part)).toEqual([
        'side-a',
        'side-b',
        'cut-line',
      ]);
      // The export has the full geometry (more vertices than the page's copy).
      expect(
        exported.features[0].geometry.coordinates.flat(2).length +
          exported.features[1].geometry.coordinates.flat(2).length,
      ).toBeGreaterThan(n);

      s.handle({ kind: 'split', id: 4, name: 'nothing.geojson', params: { anchor: null, bearing: null, share: 0.5 } });
      expect(out.find((r) => r.id === 4 && r.kind !== 'progress')).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('no territory'),
      });
    },
  );

  it('the client: promises, progress, and coalesced splits (inline where there is no Worker)', async () => {
    const client = createImportClient({ inline: true });
    expect(client.mode).toBe('inline');
    const steps: string[] = [];
    const r = await client.importText(
      't.geojson',
      JSON.stringify(feature({ type: 'Polygon', coordinates: square(146, 44) })),
      (p) => steps.push(p.step),
    );
    expect(r.ok).toBe(true);
    expect(steps).toContain('checking');
    const a = client.split('t.geojson', { anchor: null, bearing: 0, share: 0.1 });
    const b = client.split('t.geojson', { anchor: null, bearing: 0, share: 0.2 });
    const c = client.split('t.geojson', { anchor: null, bearing: 0, share: 0.3 });
    await expect(b).rejects.toBeInstanceOf(SupersededError);
    expect((await a).result.fraction).toBeCloseTo(0.1, 9);
    expect((await c).result.fraction).toBeCloseTo(0.3, 9);
    client.dispose();
  });

  it('packs points for the page into a few values, gives each back as it was, and joins sets in order', () => {
    const shared = { kind: 'mast', note: 'двойной "кавычки" 引用 🛰️ é' };
    const points = [
      { id: 'a', lonlat: [146.123456789012, 43.987654321098] as [number, number], properties: { n: 1 } },
      { id: 'точка-2', lonlat: [-179.5, -89.25] as [number, number], properties: shared },
      { id: '', lonlat: [0, 0] as [number, number], properties: {} },
      { id: 'm-1', lonlat: [147, 44] as [number, number], properties: shared },
    ];
    const packed = pointSetOf(points);
    expect(packed.n).toBe(4);
    expect(packed.ids).toBe('aточка-2m-1');
    expect([...packed.idEnds]).toEqual([1, 8, 8, 11]);
    const back = (s: typeof packed) => Array.from({ length: s.n }, (_, i) => pointAt(s, i));
    expect(back(packed)).toEqual(points);
    expect(pointSetOf([]).n).toBe(0);
    // Two imports' points as one set: in order, each as it was.
    const more = [{ id: 'z', lonlat: [145, 43] as [number, number], properties: { k: [1, 2] } }];
    expect(back(concatPointSets([packed, pointSetOf(more)]))).toEqual([...points, ...more]);
    expect(back(concatPointSets([pointSetOf([]), pointSetOf(more), pointSetOf([])]))).toEqual(more);
    expect(concatPointSets([]).n).toBe(0);
    // By id: the first with it, an empty id too, none for a prefix of an id.
    expect(pointById(packed, 'точка-2')).toEqual(points[1]);
    expect(pointById(packed, '')).toEqual(points[2]);
    expect(pointById(packed, 'm')).toBeNull();
  });

  it('imports a File read in the service, stores it when asked, and says why when it cannot', async () => {
    const text = JSON.stringify(
      fc([
        feature({ type: 'Point', coordinates: [147.6, 44.9] }, { id: 'x', name: 'a site' }),
        feature({ type: 'Polygon', coordinates: square(146, 44) }),
      ]),
    );
    const saved: StoredImport[] = [];
    const store = {
      load: () => Promise.resolve({ records: [], bad: [], notices: [] }),
      save: (r: StoredImport) => {
        saved.push(r);
        return Promise.resolve();
      },
      remove: () => Promise.resolve(),
      clear: () => Promise.resolve(),
    };
    const responses: ServiceResponse[] = [];
    const settled = () =>
      new Promise<ServiceResponse>((resolve) => {
        // What the page receives: the message as the worker posts it, its buffers moved (as postMessage would).
        const s = new ImportService((r, transfer) => {
          const received = structuredClone(r, { transfer: transfer ?? [] });
          responses.push(received);
          if (received.kind !== 'progress') resolve(received);
        }, store);
        s.handle({ kind: 'importFile', id: 7, name: 'f.geojson', file: new Blob([text]), keep: true });
      });
    const r = await settled();
    expect(r.kind).toBe('ok');
    const value = (r as { value: PackedFileImport }).value;
    expect(value.storageError).toBeNull();
    expect(value.result.ok && value.result.data.points.ids).toBe('x');
    expect(value.result.ok && pointAt(value.result.data.points, 0).properties).toEqual({ id: 'x', name: 'a site' });
    expect(saved.map((x) => [x.name, x.text])).toEqual([['f.geojson', text]]);
    expect(responses.some((x) => x.kind === 'progress')).toBe(true);

    // Through the client, with the default store (no IndexedDB in Node): imported, and not kept, with the reason.
    const client = createImportClient({ inline: true });
    const file = Object.assign(new Blob([text]), { name: 'g.geojson' });
    const got = await client.importFile(file, undefined, { keep: true });
    expect(got.result.ok && pointAt(got.result.data.points, 0)).toEqual({
      id: 'x',
      lonlat: [147.6, 44.9],
      properties: { id: 'x', name: 'a site' },
    });
    expect(got.result.ok && got.result.data.points.n).toBe(1);
    expect(got.storageError?.kind).toBe('unavailable');
    expect(got.storageError?.message).toBe('this browser has no IndexedDB');
    const notKept = await client.importFile(file);
    expect(notKept.storageError).toBeNull();
    client.dispose();
  });

  it('simplifies for drawing only when large, keeping every polygon', () => {
    const small = { type: 'MultiPolygon' as const, coordinates: [square(146, 44)] };
    expect(simplifyForDisplay(small).geometry).toBe(small);
    const many = {
      type: 'MultiPolygon' as const,
      coordinates: Array.from({ length: 20_000 }, (_, i) =>
        square(140 + (i % 100) * 0.1, 40 + Math.floor(i / 100) * 0.1, 0.05),
      ),
    };
    const s = simplifyForDisplay(many, 60_000);
    expect(s.geometry!.coordinates).toHaveLength(20_000);
    for (const p of s.geometry!.coordinates) expect(p[0]!.length).toBeGreaterThanOrEqual(4);
  });
});

describe('no quadratic work on broken files', () => {
  it('refuses a polygon with 999,999 broken positions in linear time (geojson-validation never sees it)', () => {
    const n = 999_999;
    const ring: unknown[] = Array.from({ length: n }, (_, i) => [146 + i * 1e-7, 'x']);
    ring.push(ring[0]!);
    // Linear: a quadratic search over 999,999 positions would not finish within the test's time limit.
    const r = importGeoJsonText(
      'broken.geojson',
      JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }),
    );
    expect(!r.ok && r.problems.at(-1)!.message).toBe('… and 999980 more problems');
  }, 60_000);
});
