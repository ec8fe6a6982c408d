/**
 * `npm run split`: its core as functions (argument parsing, JSON shape, known answers). The spawned
 * process (exit code and stderr of a broken file) is tested in tests/integration/split-cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as geographiclib from 'geographiclib-geodesic';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Position } from 'geojson';
import {
  DEFAULT_BEARING_RULE,
  parseSplitArgs,
  runSplit,
  splitJson,
  splitReport,
  splitText,
  UsageError,
} from '../../scripts/lib/split-core.ts';
import { parseLonLat } from '../../src/data/anchor.ts';

// GeographicLib directly: the parts are measured independently of the solver.
const lib = ((geographiclib as unknown as { default?: typeof geographiclib }).default ??
  geographiclib) as typeof geographiclib;
function ringKm2(ring: Position[]): number {
  const poly = lib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) poly.AddPoint(lat!, lon!);
  return Math.abs(poly.Compute(false, true).area!) / 1e6;
}
function multiKm2(g: MultiPolygon): number {
  let a = 0;
  for (const p of g.coordinates) {
    a += ringKm2(p[0]!);
    for (const h of p.slice(1)) a -= ringKm2(h);
  }
  return a;
}

// A 0.4° × 0.1° rectangle (about 32 km × 11 km) east of Kunashiri: symmetric about 146.2° E.
const RECT: Position[] = [
  [146, 44],
  [146.4, 44],
  [146.4, 44.1],
  [146, 44.1],
  [146, 44],
];
const rectText = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'rectangle' }, geometry: { type: 'Polygon', coordinates: [RECT] } },
  ],
});
const rectKm2 = ringKm2(RECT);

/** Smallest difference between two line bearings (modulo 180°). */
const bearingDiff = (a: number, b: number) => {
  const d = (((a - b) % 180) + 180) % 180;
  return Math.min(d, 180 - d);
};

const io = (files: Record<string, string>) => {
  const readFile = (p: string) => {
    const text = files[p];
    if (text === undefined) throw new Error(`ENOENT: ${p}`);
    return text;
  };
  return { readFile, fileSize: (p: string) => readFile(p).length };
};
function runJson(argv: string[], files: Record<string, string> = { 'rect.geojson': rectText }) {
  const r = runSplit(argv, io(files));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('split CLI: arguments', () => {
  it('reads a file, --share, --bearing (both spellings, negative, large, "shortest"), --anchor and --json', () => {
    expect(parseSplitArgs(['a.geojson'])).toEqual({
      file: 'a.geojson',
      share: 0.5,
      bearing: undefined,
      anchor: null,
      json: false,
    });
    expect(parseSplitArgs(['a.geojson', '--bearing', '-90'])).toMatchObject({ bearing: -90 });
    expect(parseSplitArgs(['a.geojson', '--bearing=-90'])).toMatchObject({ bearing: -90 });
    expect(parseSplitArgs(['--bearing', '725', 'a.geojson', '--json'])).toMatchObject({
      file: 'a.geojson',
      bearing: 725,
      json: true,
    });
    expect(parseSplitArgs(['a.geojson', '--bearing', 'shortest'])).toMatchObject({ bearing: 'shortest' });
    expect(parseSplitArgs(['a.geojson', '--share', '0.25', '--anchor', '-170.5,50'])).toMatchObject({
      share: 0.25,
      anchor: [-170.5, 50],
    });
    expect(parseSplitArgs(['a.geojson', '--anchor=147, 44.1'])).toMatchObject({ anchor: [147, 44.1] });
    expect(parseSplitArgs(['--help'])).toBe('help');
  });

  it('refuses bad arguments with a sentence (exit 2 and the usage)', () => {
    const bad = (argv: string[]) => {
      try {
        parseSplitArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad([])).toBe('give one GeoJSON file');
    expect(bad(['a', 'b'])).toBe('give one GeoJSON file, got 2: a b');
    expect(bad(['a', '--share', '1.5'])).toBe(
      "--share must be within 0 and 1 (a fraction of the territory's area), got 1.5",
    );
    expect(bad(['a', '--bearing', 'north'])).toBe('--bearing must be a number, got "north"');
    expect(bad(['a', '--anchor', '200,10'])).toBe('--anchor: longitude 200 is outside -180..180');
    expect(bad(['a', '--anchor', '145'])).toMatch(/^--anchor: expected "longitude, latitude"/);
    expect(bad(['a', '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    const r = runSplit(['a', '--share', 'x'], io({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^split: --share must be a number, got "x"\nusage: npm run --silent split -- FILE.geojson/,
    );
    expect(runSplit(['missing.geojson'], io({}))).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'missing.geojson: could not be read (ENOENT: missing.geojson)\n',
    });
  });

  it('parses the anchor as the page does', () => {
    expect(parseLonLat('145.817, 43.385')).toEqual({ ok: true, lonlat: [145.817, 43.385] });
    expect(parseLonLat(' 145.817 43.385 ')).toEqual({ ok: true, lonlat: [145.817, 43.385] });
    expect(parseLonLat('1,95')).toEqual({ ok: false, message: 'latitude 95 is outside -90..90' });
    expect(parseLonLat('a,b').ok).toBe(false);
  });
});

describe('split CLI: known answers', () => {
  it('JSON shape: area, anchor, share, bearings, border, line and the two parts', () => {
    const j = runJson(['rect.geojson', '--bearing', '0', '--json']);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['area_km2', 'anchor', 'share', 'bearing', 'border_length_km', 'line', 'parts']),
    );
    expect(Math.abs(j.area_km2 - rectKm2) / rectKm2).toBeLessThan(1e-6);
    expect(j.share).toBe(0.5);
    expect(j.anchor).toEqual([146, 44]); // the corner nearest Cape Nosappu
    expect(j.bearing.requested).toBe(0);
    expect(j.bearing.rule).toBe('given');
    expect(bearingDiff(j.bearing.measured, 0)).toBeLessThan(1e-6);
    expect(j.line.type).toBe('LineString');
    expect(j.parts.type).toBe('FeatureCollection');
    expect(j.parts.features.map((f: { properties: { side: string } }) => f.properties.side)).toEqual([
      'anchor',
      'other',
    ]);
    for (const f of j.parts.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(Object.keys(f.properties)).toEqual(expect.arrayContaining(['side', 'km2']));
    }
  });

  it(
    'a north–south half split of the rectangle runs along 146.2° E, the border is its height, ' +
      'the halves are equal',
    () => {
      const j = runJson(['rect.geojson', '--bearing', '180', '--json']);
      const line = j.line.coordinates as Position[];
      for (const p of line) expect(Math.abs(p[0]! - 146.2)).toBeLessThan(1e-6);
      const height = lib.Geodesic.WGS84.Inverse(44, 146.2, 44.1, 146.2).s12! / 1000;
      expect(Math.abs(j.border_length_km - height)).toBeLessThan(0.005);
      const [a, o] = j.parts.features;
      expect(Math.abs(multiKm2(a.geometry) - rectKm2 / 2) / rectKm2).toBeLessThan(1e-6);
      expect(Math.abs(multiKm2(o.geometry) - rectKm2 / 2) / rectKm2).toBeLessThan(1e-6);
      // Default anchor (Cape Nosappu, to the south-west): the anchor part is the western half.
      expect(booleanPointInPolygon([146.1, 44.05], a.geometry)).toBe(true);
      expect(booleanPointInPolygon([146.3, 44.05], o.geometry)).toBe(true);
    },
  );

  it('an anchor at the other end flips which part is "anchor"', () => {
    const j = runJson(['rect.geojson', '--bearing', '0', '--anchor', '147,44.1', '--json']);
    expect(j.anchor).toEqual([146.4, 44.1]);
    expect(j.anchor_target).toEqual([147, 44.1]);
    const anchorPart = j.parts.features.find((f: { properties: { side: string } }) => f.properties.side === 'anchor');
    expect(booleanPointInPolygon([146.3, 44.05], anchorPart.geometry)).toBe(true);
    expect(booleanPointInPolygon([146.1, 44.05], anchorPart.geometry)).toBe(false);
  });

  it(
    'share 0.25: the anchor part holds 25 % of the area (GeographicLib area of the returned part), ' + 'at any bearing',
    () => {
      for (const [bearing, anchor] of [
        ['0', '145,44'],
        ['-90', '146.2,43'],
        ['407.5', '147,45'],
        ['shortest', '146.4,44'],
      ] as const) {
        const j = runJson(['rect.geojson', '--share', '0.25', `--bearing=${bearing}`, '--anchor', anchor, '--json']);
        expect(j.anchor_holds_share).toBe(true);
        const anchorPart = j.parts.features.find(
          (f: { properties: { side: string } }) => f.properties.side === 'anchor',
        );
        const other = j.parts.features.find((f: { properties: { side: string } }) => f.properties.side === 'other');
        expect(Math.abs(multiKm2(anchorPart.geometry) / rectKm2 - 0.25)).toBeLessThan(1e-6);
        expect(Math.abs(multiKm2(other.geometry) / rectKm2 - 0.75)).toBeLessThan(1e-6);
        expect(Math.abs(anchorPart.properties.km2 - 0.25 * j.area_km2)).toBeLessThan(1e-5);
        if (bearing !== 'shortest') expect(j.bearing.requested).toBe(Number(bearing));
        // The measured bearing (geodesic azimuth at the line's midpoint) is close to the request.
        expect(bearingDiff(j.bearing.measured, j.bearing.requested)).toBeLessThan(0.5);
      }
    },
  );

  it('"shortest" and the default bearing: across the rectangle (north–south), so the border is its short side', () => {
    const j = runJson(['rect.geojson', '--bearing', 'shortest', '--json']);
    expect(j.bearing.rule).toBe('shortest-border');
    expect(bearingDiff(j.bearing.requested, 0)).toBeLessThan(0.1);
    const d = runJson(['rect.geojson', '--json']);
    expect(d.bearing.rule).toBe(DEFAULT_BEARING_RULE === 'shortest' ? 'shortest-border' : 'across-long-axis');
    expect(bearingDiff(d.bearing.requested, 0)).toBeLessThan(0.1);
  });

  it('merges the file as the page does: two overlapping squares are split as their union', () => {
    const sq = (x: number, y: number) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.1, y],
            [x + 0.1, y + 0.1],
            [x, y + 0.1],
            [x, y],
          ],
        ],
      },
    });
    const text = JSON.stringify({ type: 'FeatureCollection', features: [sq(146, 44), sq(146.05, 44.05)] });
    const r = splitText('sq.geojson', text, { share: 0.5, bearing: 45, anchor: null });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const union: Position[] = [
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
    expect(Math.abs(r.outcome.result.totalKm2 - ringKm2(union)) / ringKm2(union)).toBeLessThan(1e-6);
    expect(splitJson(r.outcome).merge).toMatchObject({ input_polygons: 2, output_polygons: 1 });
    const report = splitReport(r.outcome);
    expect(report.split('\n')[0]).toBe(
      'sq.geojson: 155.76 km² (WGS84 ellipsoid); 2 polygons merged into 1 polygon; 22.25 km² of overlap removed',
    );
    expect(report).toMatch(/\nline: bearing requested 45° \(as given\), measured 4[45]\.\d\d°/);
    expect(report).toMatch(/\nanchor part: 77\.88 km² \(50\.0000 %\)\nother part: 77\.88 km² \(50\.0000 %\)\n$/);
  });

  it("a file without polygons, or a broken one, is refused with the page's lines (exit 2)", () => {
    const points = JSON.stringify({ type: 'Point', coordinates: [146, 44] });
    expect(runSplit(['p.geojson'], io({ 'p.geojson': points }))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'p.geojson: the file has no polygons to split\n',
    });
  });
});
