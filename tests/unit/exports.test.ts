import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point, Position } from 'geojson';
import { optionGeoJson, optionIslandsCsv, userPointsCsv } from '../../src/data/exports.ts';
import { userPointSides, userPointsUnderOptionCached } from '../../src/geo/point-islands.ts';
import { pointSetOf } from '../../src/geo/user-points.ts';
import { computeOption, type OptionResult } from '../../src/geo/shares.ts';
import { optionFeatures } from '../../src/map/option-features.ts';
import {
  buildFigure,
  figureSites,
  FIGURE_SIZES,
  FIXED_SIZES,
  roughMeasure,
  wrap,
  type FigureInput,
  type Item,
} from '../../src/ui/export-figure.ts';
import { figureToSvg } from '../../src/ui/svg-export.ts';
import { EXPORT_STRINGS } from '../../src/ui/export-strings.ts';
import { KIND_MARKS } from '../../src/data/deployments.ts';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';
import { dataHash, dataVersion } from '../../scripts/lib/data-version.ts';
import { loadPreparedSea } from '../../scripts/lib/sea-node.ts';
import { computeSea } from '../../src/geo/maritime/compute.ts';
import { seaOwnership } from '../../src/geo/maritime/option.ts';
import { prng } from '../../scripts/lib/prng.ts';
import { COLORS } from '../../src/map/style.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ctx = loadShareContext();
const meta = {
  generated: '2026-12-01',
  dataVersion: 'test+data.000000000000',
  sources: [{ title: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' }],
};
const island = (id: string) => ctx.islands.get(id)?.feature;

describe('GeoJSON of an option', () => {
  for (const basis of ['geodesic', 'official'] as const) {
    it(`every option, cut or not, has each island's part on each side (${basis})`, () => {
      for (const o of OPTIONS) {
        const r = computeOption(ctx, o, basis);
        const fc = optionGeoJson(r, island, meta);
        expect(fc.properties).toMatchObject({
          option: o.id,
          basis,
          data_version: meta.dataVersion,
          generated: '2026-12-01',
        });
        expect((fc.properties.sources as string[])[0]).toContain('OpenStreetMap');
        const parts = fc.features.filter((f) => f.properties?.side);
        expect(new Set(parts.map((f) => f.properties!.island))).toEqual(
          new Set(['habomai', 'shikotan', 'kunashiri', 'etorofu']),
        );
        expect(parts).toHaveLength(r.cut ? 5 : 4);
        const km2 = (side: string) =>
          parts.filter((f) => f.properties!.side === side).reduce((s, f) => s + (f.properties!.km2 as number), 0);
        expect(km2('japan')).toBeCloseTo(r.japanKm2, 3);
        expect(km2('russia')).toBeCloseTo(r.russiaKm2, 3);
        for (const f of parts) {
          expect(f.properties).toHaveProperty('name_ja');
          expect(f.properties).toHaveProperty('name_ru');
          expect(['whole', 'cut']).toContain(f.properties!.status);
        }
        const line = fc.features.filter((f) => f.properties?.part === 'partition-line');
        expect(line).toHaveLength(r.cut?.line ? 1 : 0);
        JSON.parse(JSON.stringify(fc));
      }
    });
  }
});

describe('CSV of the options by island', () => {
  it('one row per option and island, with km² and shares on each side, basis, data version and sources', () => {
    const results = OPTIONS.map((o) => computeOption(ctx, o, 'official'));
    const csv = optionIslandsCsv(results, {
      ...meta,
      sources: () => meta.sources,
      proposedBy: { 'two-islands': '=HYPERLINK("x")' },
    });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(OPTIONS.length * 4 + 1);
    const head = (lines[0] ?? '').split(',').map((h) => h.replace(/"/g, ''));
    expect(head).toEqual(
      expect.arrayContaining([
        'option',
        'basis',
        'island',
        'status',
        'japan_km2',
        'russia_km2',
        'japan_share_of_island_percent',
        'russia_share_of_island_percent',
        'data_version',
        'sources',
      ]),
    );
    const col = (row: string[], name: string) => row[head.indexOf(name)] ?? '';
    // Simple split: no cell of these rows holds a comma inside quotes but the proposers' and the sources'.
    for (const l of lines.slice(1)) {
      const row = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      const total = +col(row, 'island_km2'),
        j = +col(row, 'japan_km2'),
        r = +col(row, 'russia_km2');
      expect(j + r).toBeCloseTo(total, 3);
      expect(+col(row, 'japan_share_of_island_percent') + +col(row, 'russia_share_of_island_percent')).toBeCloseTo(
        100,
        3,
      );
    }
    expect(lines.find((l) => l.startsWith('"aso-25"') && l.includes('"etorofu","cut"'))).toBeTruthy();
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"test+data.000000000000"');
  });
});

describe("CSV of the user's points by side", () => {
  it('one row per point in order: island and side under the option, empty off the islands, no formulas', () => {
    const r = computeOption(
      ctx,
      OPTIONS.find((o) => o.id === 'equal-area')!,
      'geodesic',
    );
    const points = pointSetOf([
      { id: 'p-kunashiri', lonlat: [145.856, 44.031], properties: {} },
      { id: 'p-etorofu-ne', lonlat: [147.886, 45.227], properties: {} },
      { id: '=HYPERLINK("x")', lonlat: [146.5, 43.2], properties: {} },
    ]);
    const csv = userPointsCsv(points, userPointSides(ctx, r, points), r, {
      ...meta,
      sources: [{ title: 'OSM', url: 'https://www.openstreetmap.org/copyright' }],
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"id","lon","lat","island","side_under_option","option","option_name","basis",' +
        '"option_japan_share_percent","cut_island","cut_bearing_requested_deg","data_version","generated","sources"',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^"p-kunashiri",145\.856,44\.031,"kunashiri","japan","equal-area",".*","geodesic",50,"etorofu",/,
    );
    expect(lines[2]).toMatch(/^"p-etorofu-ne",147\.886,45\.227,"etorofu","russia","equal-area",/);
    expect(lines[3]).toMatch(/^"'=HYPERLINK\(""x""\)",146\.5,43\.2,"","","equal-area",/);
    expect(lines[1]).toContain('"test+data.000000000000"');
    expect(lines[1]).toMatch(/"OSM <https:\/\/www\.openstreetmap\.org\/copyright>"$/);
    // The counts under the option agree with the rows.
    expect(userPointsUnderOptionCached(ctx, r, points)).toEqual({ toJapan: ['p-kunashiri'], onIslands: 2 });
  });
});

/** The marks (HQ, M, …) of the site symbols placed on the map. */
const placedMarks = (items: Item[]): string[] =>
  items.flatMap((i) =>
    i.t === 'group' && i.role === 'placed site-symbol'
      ? texts(i.items).map((x) => x.text)
      : i.t === 'clip' || i.t === 'group'
        ? placedMarks(i.items)
        : [],
  );
const texts = (items: Item[]): { text: string; x: number; y: number; size: number }[] =>
  items.flatMap((i) => (i.t === 'clip' || i.t === 'group' ? texts(i.items) : i.t === 'text' ? [i] : []));

describe('map figure', () => {
  const r: OptionResult = computeOption(
    ctx,
    OPTIONS.find((o) => o.id === 'equal-area')!,
    'geodesic',
  );
  const layers = optionFeatures(ctx, r);
  const islands: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...ctx.islands.values()].map((i) => i.feature),
  };
  const sites: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [147.9, 45.2] },
        properties: { mark: 'HQ', country: 'RU', color: '#CC79A7', certainty: 'exact', to_japan: false },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [145.8, 43.9] },
        properties: { mark: 'M', country: 'RU', color: '#CC79A7', certainty: 'settlement', to_japan: true },
      },
    ],
  };
  const input = (view: FigureInput['view']): FigureInput => ({
    view,
    lang: 'both',
    land: { context: null, hokkaido: null, islands },
    option: r,
    optionAreas: layers.areas,
    cutLine: layers.line,
    settlements: [{ lonlat: [145.86, 44.03], population: 7000, label: 'Южно-Курильск' }],
    sites: figureSites(sites),
    rings: null,
    userPoints: null,
    selectedUserPoint: null,
    territory: null,
    showLabels: true,
    basisSource: null,
    date: '2026-12-01',
    dataVersion: 'test+data.000000000000',
  });

  for (const size of ['current', '1200x800', '1920x1080', 'a4'] as const) {
    const what = 'title with the figures, dispute line, legend of the sites shown, scale, north, sources, version';
    it(`${size}: ${what}`, () => {
      const fig = buildFigure(input({ center: [146.3, 44.3], zoom: 6.2, width: 900, height: 700 }), size, roughMeasure);
      if (size !== 'current') expect([fig.width, fig.height]).toEqual(FIXED_SIZES[size]);
      const t = texts(fig.items);
      const all = t.map((x) => x.text).join('\n');
      expect(all).toMatch(/Exact equal-area split: Japan 50\.00 % \(.* km²\), Russia 50\.00 %/);
      expect(all).toContain(EXPORT_STRINGS.disputed);
      // The legend names the kinds and placements of the sites given (HQ exact, M by settlement), no others.
      for (const k of Object.values(KIND_MARKS))
        if (k === 'HQ' || k === 'M') expect(all).toMatch(new RegExp(`^${k}: `, 'm'));
        else expect(all).not.toMatch(new RegExp(`^${k}: `, 'm'));
      const legend = EXPORT_STRINGS.legend.certainty;
      expect(all).toContain(legend.exact);
      expect(all).toContain(legend.settlement);
      expect(all).not.toContain(legend.island);
      expect(all).toMatch(/^\d+ km$/m);
      expect(all).toContain('OpenStreetMap contributors (ODbL)');
      expect(all).toContain('GSI');
      expect(all).toContain('test+data.000000000000');
      expect(all).toContain('択捉島');
      for (const x of t) {
        expect(x.y).toBeLessThanOrEqual(fig.height);
        expect(x.y - x.size).toBeGreaterThanOrEqual(0);
      }
      const svg = figureToSvg(fig, { a4: size === 'a4' });
      expect(svg).toContain('<text');
      expect(svg).toContain('Exact equal-area split');
    });
  }

  it('lists only the symbols of the sites inside the frame, and every symbol drawn, whatever the view', () => {
    // A third site far north-east of the islands (Kamchatka's south): in some frames, not in others.
    const far: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: [
        ...sites.features,
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [156.5, 51.0] },
          properties: { mark: 'AD', country: 'RU', color: '#CC79A7', certainty: 'island', to_japan: false },
        },
      ],
    };
    const withFar = (view: FigureInput['view']) => ({ ...input(view), sites: figureSites(far) });
    const legendOf = (fig: ReturnType<typeof buildFigure>) => texts(fig.items).map((x) => x.text);
    // The islands' view: the far site is outside, so neither its kind nor its placement is in the legend.
    const view = { width: 900, height: 700 };
    const near = legendOf(buildFigure(withFar({ center: [146.3, 44.3], zoom: 6.2, ...view }), '1200x800'));
    expect(near.some((t) => /^HQ: /.test(t))).toBe(true);
    expect(near.some((t) => /^AD: /.test(t))).toBe(false);
    expect(near).not.toContain(EXPORT_STRINGS.legend.certainty.island);
    // Zoomed out over both: it is drawn, and listed.
    const wide = legendOf(buildFigure(withFar({ center: [151, 47.5], zoom: 4.3, ...view }), '1200x800'));
    expect(wide.some((t) => /^AD: /.test(t))).toBe(true);
    expect(wide).toContain(EXPORT_STRINGS.legend.certainty.island);
    // Any view and size: each mark drawn on the map has its line in the legend.
    fc.assert(
      fc.property(
        fc.double({ min: 143, max: 158, noNaN: true }),
        fc.double({ min: 42, max: 52, noNaN: true }),
        fc.double({ min: 3.5, max: 8, noNaN: true }),
        fc.constantFrom('current', '1200x800', '1920x1080', 'a4'),
        (lon, lat, zoom, size) => {
          const fig = buildFigure(withFar({ center: [lon, lat], zoom, width: 900, height: 700 }), size);
          const drawn = placedMarks(fig.items);
          const legend = legendOf(fig);
          for (const m of drawn) expect(legend.some((t) => t.startsWith(`${m}: `))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("draws an imported territory's two sides and line, with each side's share and area in the legend", () => {
    const box = (w: number, e: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [w, 43.9],
          [e, 43.9],
          [e, 44.2],
          [w, 44.2],
          [w, 43.9],
        ],
      ],
    });
    const territory: FigureInput['territory'] = {
      parts: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { side: 'japan' }, geometry: box(145.2, 145.5) },
          { type: 'Feature', properties: { side: 'russia' }, geometry: box(145.5, 146.0) },
        ],
      },
      line: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [145.5, 43.9],
                [145.5, 44.2],
              ],
            },
          },
        ],
      },
      fraction: 0.3,
      sideAKm2: 88.99,
      sideBKm2: 207.65,
    };
    const view = { center: [146.3, 44.3] as [number, number], zoom: 6.2, width: 900, height: 700 };
    const fig = buildFigure({ ...input(view), territory }, '1200x800', roughMeasure);
    const all = texts(fig.items)
      .map((x) => x.text)
      .join('\n');
    expect(all).toContain('Your territory: Side A: 30.00 % (88.99 km²)');
    expect(all).toContain('Your territory: Side B: 70.00 % (207.65 km²)');
    expect(all).toContain('Your territory: Line');
    const roles = (items: Item[]): string[] =>
      items.flatMap((i) => [
        ...('role' in i && i.role ? [i.role] : []),
        ...(i.t === 'clip' || i.t === 'group' ? roles(i.items) : []),
      ]);
    expect(roles(fig.items)).toEqual(expect.arrayContaining(['territory-a', 'territory-b', 'territory-line']));
    // Without a territory, none of it.
    const plain = buildFigure(input(view), '1200x800', roughMeasure);
    expect(roles(plain.items).filter((r) => r.startsWith('territory'))).toEqual([]);
  });

  it("gathers the user's points into discs with counts, as the map does, that add up to the points in view", () => {
    const view = { center: [146.3, 44.3] as [number, number], zoom: 6.2, width: 900, height: 700 };
    const random = prng(7);
    // 900 points in a square of 0.2° (about 20 px here), three far apart, and 100 out of view.
    const tight = Array.from({ length: 900 }, () => [146 + 0.2 * random(), 44.4 + 0.2 * random()] as Position);
    const apart: Position[] = [
      [145.0, 43.6],
      [147.5, 44.9],
      [146.9, 43.7],
    ];
    const away = Array.from({ length: 100 }, (_, i) => [150 + i * 0.01, 30] as Position);
    const fig = buildFigure({ ...input(view), userPoints: [...tight, ...apart, ...away] }, '1200x800', roughMeasure);
    const marks: { count: number }[] = [];
    const walk = (items: Item[]) =>
      items.forEach((i) => {
        if (i.t === 'group' && i.role === 'user-cluster') {
          const count = i.items.find((x) => x.t === 'text');
          marks.push({ count: Number(count?.t === 'text' ? count.text : NaN) });
        } else if (i.t === 'clip' || i.t === 'group') walk(i.items);
        else if (i.t === 'circle' && i.fill === '#222222' && i.fillOpacity === undefined) marks.push({ count: 1 });
      });
    // The legend's two symbols are outside the map's clip: only the map's marks are counted.
    walk(fig.items.filter((i) => i.t === 'clip'));
    expect(marks.reduce((a, m) => a + m.count, 0)).toBe(903);
    expect(marks.filter((m) => m.count === 1)).toHaveLength(3);
    expect(marks.length).toBeLessThan(10);
    const all = texts(fig.items)
      .map((x) => x.text)
      .join('\n');
    expect(all).toContain('Your imported points');
    expect(all).toContain('A disc with a number: that many of your points close together');
    // The point opened in the side panel is ringed, over its cluster, and named in the legend.
    const ringed = buildFigure(
      { ...input(view), userPoints: [...tight, ...apart], selectedUserPoint: { id: 'p-42', lonlat: tight[42]! } },
      '1200x800',
      roughMeasure,
    );
    const ring = ringed.items
      .filter((i) => i.t === 'clip')
      .flatMap((i) => i.items)
      .find((i) => i.t === 'group' && i.role === 'selected-user-point');
    expect(ring?.t === 'group' && ring.items[0]?.t === 'circle' && ring.items[0].stroke).toBe(COLORS.selectedLine);
    expect(texts(ringed.items).map((x) => x.text)).toContain('Ringed: your point p-42');
    expect(all).not.toContain('Ringed');
    // One point: no disc, and no legend row for discs.
    const one = buildFigure({ ...input(view), userPoints: [apart[0]!] }, '1200x800', roughMeasure);
    const oneText = texts(one.items)
      .map((x) => x.text)
      .join('\n');
    expect(oneText).toContain('Your imported points');
    expect(oneText).not.toContain('A disc with a number');
  });

  it('a phone-sized view grows the figure rather than cutting the title or overlapping the footer', () => {
    const fig = buildFigure(
      input({ center: [146.3, 44.3], zoom: 5.5, width: 390, height: 420 }),
      'current',
      roughMeasure,
    );
    expect(fig.width).toBe(390);
    const t = texts(fig.items);
    const title = t.filter((x) => 'role' in x && (x as { role?: string }).role === 'title');
    expect(title.length).toBeGreaterThan(1);
    for (const x of t) expect(roughMeasure(x.text, x.size, 400)).toBeLessThanOrEqual(390 - 20 + 40);
    const clip = fig.items.find((i) => i.t === 'clip')!;
    expect(clip.t === 'clip' && clip.h).toBe(420);
  });
});

describe('data version and fonts', () => {
  it('the data version is a stable hash of the data files', () => {
    expect(dataHash(ROOT)).toMatch(/^[0-9a-f]{12}$/);
    expect(dataHash(ROOT)).toBe(dataHash(ROOT));
    expect(dataVersion(ROOT)).toMatch(/^\d+\.\d+\.\d+\+data\.[0-9a-f]{12}$/);
  });

  it('the shipped fonts cover every character of the place names, with their licence, small', () => {
    const dir = join(ROOT, 'src', 'fonts');
    const info = JSON.parse(readFileSync(join(dir, 'fonts.json'), 'utf8')) as {
      total_bytes: number;
      files: { file: string; bytes: number }[];
    };
    const woff2 = readdirSync(dir)
      .filter((f) => f.endsWith('.woff2'))
      .sort();
    expect(woff2).toEqual(info.files.map((f) => f.file).sort());
    const total = woff2.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    expect(total).toBe(info.total_bytes);
    expect(total).toBeLessThan(250 * 1024);
    expect(readFileSync(join(dir, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License, Version 1.1');
    const css = readFileSync(join(dir, 'fonts.css'), 'utf8');
    const spans = [...css.matchAll(/font-weight: 400;[^}]*unicode-range: ([^;]+);/g)].flatMap((m) =>
      (m[1] ?? '').split(',').map((p) =>
        p
          .replace('U+', '')
          .split('-')
          .map((h) => parseInt(h, 16)),
      ),
    );
    const covered = (cp: number) => spans.some(([a = NaN, b]) => cp >= a && cp <= (b ?? a));
    const names = ['geo/islands.geojson', 'geo/hokkaido.geojson', 'data/settlements.json']
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('');
    const wanted = [...new Set(names.match(/"name_(ja|ru|ja_latn|ru_latn|en)"\s*:\s*"[^"]*"/g)!.join(''))].map((c) =>
      c.codePointAt(0)!,
    );
    expect(wanted.filter((c) => !covered(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
  });
});

describe('the sea in the exports', () => {
  const sea = computeSea(
    loadPreparedSea(),
    seaOwnership(
      ctx,
      computeOption(
        ctx,
        OPTIONS.find((o) => o.id === 'two-islands')!,
        'geodesic',
      ),
    ),
  );

  it("the GeoJSON carries the option's sea figures and its maritime boundary, labelled as computed", () => {
    const r = computeOption(
      ctx,
      OPTIONS.find((o) => o.id === 'two-islands')!,
      'geodesic',
    );
    const limits = {
      limit200nm: [
        [145, 40],
        [150, 40],
        [150, 48],
      ],
      limit12nm: {
        type: 'MultiLineString' as const,
        coordinates: [
          [
            [146, 43],
            [146.2, 43.1],
          ],
        ],
      },
    };
    const fc = optionGeoJson(r, island, { ...meta, sea, seaLimits: limits });
    expect(fc.features.filter((f) => f.properties?.part === 'limit-200nm').map((f) => f.geometry)).toEqual([
      { type: 'LineString', coordinates: limits.limit200nm },
    ]);
    expect(fc.features.filter((f) => f.properties?.part === 'limit-12nm').map((f) => f.geometry)).toEqual([
      limits.limit12nm,
    ]);
    const p = fc.properties.sea as {
      japan_km2: number;
      russia_km2: number;
      region_km2: number;
      japan_share: number;
      method: string;
    };
    expect(p.japan_km2 + p.russia_km2).toBeCloseTo(p.region_km2, 3);
    expect(p.japan_share).toBeCloseTo(sea.japanShare, 6);
    expect(p.method).toMatch(/not an agreed boundary/);
    const b = fc.features.filter((f) => f.properties?.part === 'maritime-boundary');
    expect(b).toHaveLength(1);
    expect(b[0]?.geometry).toEqual(sea.boundary);
    // Without a computed sea, nothing about the sea is claimed.
    expect(optionGeoJson(r, island, meta).properties.sea).toBeUndefined();
  });

  it("the CSV gives each option's sea share where computed, empty cells elsewhere", () => {
    const results = OPTIONS.map((o) => computeOption(ctx, o, 'geodesic'));
    const csv = optionIslandsCsv(results, {
      ...meta,
      sources: () => meta.sources,
      seaJapanShare: { 'two-islands': sea.japanShare },
    });
    const lines = csv.trim().split('\r\n');
    const head = (lines[0] ?? '').split(',').map((h) => h.replace(/"/g, ''));
    const col = head.indexOf('option_sea_japan_share_percent');
    expect(col).toBeGreaterThan(0);
    // Cells: numbers bare, text quoted (quotes doubled inside).
    const cellsOf = (line: string) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, head.length);
    for (const line of lines.slice(1)) {
      const cells = cellsOf(line);
      if (cells[0] === '"two-islands"') expect(Number(cells[col])).toBeCloseTo(sea.japanShare * 100, 3);
      else expect(cells[col]).toBe('""');
    }
  });
});

describe('map figure: names and symbols keep apart', () => {
  const r = computeOption(
    ctx,
    OPTIONS.find((o) => o.id === 'three-islands')!,
    'geodesic',
  );
  const layers = optionFeatures(ctx, r);
  const islands: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...ctx.islands.values()].map((i) => i.feature),
  };
  // A crowded corner: a town with eight sites known only to it, three sites at their own position beside
  // it, and nine more towns within a few kilometres.
  const town: [number, number] = [145.861, 44.028];
  const site = (lonlat: [number, number], certainty: string, mark: string) => ({
    lonlat,
    mark,
    country: 'RU',
    color: '#CC79A7',
    certainty,
    toJapan: false,
  });
  const input: FigureInput = {
    view: { center: [146.6, 44.6], zoom: 6.4, width: 900, height: 640 },
    lang: 'both',
    land: { context: null, hokkaido: null, islands },
    option: r,
    optionAreas: layers.areas,
    cutLine: layers.line,
    settlements: Array.from({ length: 10 }, (_, k) => ({
      lonlat: [town[0] + 0.03 * (k % 4), town[1] + 0.025 * Math.floor(k / 4)],
      population: 8000 - 700 * k,
      label: k === 0 ? 'Южно-Курильск' : `Посёлок ${k}`,
    })),
    sites: [
      ...['HQ', 'G', 'M', 'AD', 'R', 'N', 'B', 'T'].map((m) => site(town, 'settlement', m)),
      site([145.9, 44.05], 'exact', 'A'),
      site([145.95, 44.0], 'exact', 'AD'),
      site([147.9, 45.2], 'exact', 'HQ'),
    ],
    rings: null,
    userPoints: null,
    selectedUserPoint: null,
    territory: null,
    showLabels: true,
    basisSource: null,
    date: '2026-12-01',
    dataVersion: 'test+data.000000000000',
  };
  type Rect = { x0: number; y0: number; x1: number; y1: number; what: string };
  const ASCENT = 1.16,
    DESCENT = 0.29;
  /** Boxes of the map's names and symbols, recomputed from the drawing items (rough text widths). */
  const boxes = (items: Item[], out: Rect[] = []): Rect[] => {
    for (const i of items) {
      if (i.t === 'clip') boxes(i.items, out);
      const role = 'role' in i ? (i.role ?? '') : '';
      if (!role.startsWith('placed ')) continue;
      const parts = i.t === 'group' ? i.items : [i];
      const rs = parts.flatMap((p): Rect[] => {
        if (p.t === 'circle') return [{ x0: p.cx - p.r, y0: p.cy - p.r, x1: p.cx + p.r, y1: p.cy + p.r, what: role }];
        if (p.t !== 'text') return [];
        const w = roughMeasure(p.text, p.size, p.weight ?? 400);
        const x0 = p.anchor === 'middle' ? p.x - w / 2 : p.x;
        return [{ x0, y0: p.y - ASCENT * p.size, x1: x0 + w, y1: p.y + DESCENT * p.size, what: `${role} ${p.text}` }];
      });
      out.push({
        x0: Math.min(...rs.map((b) => b.x0)),
        y0: Math.min(...rs.map((b) => b.y0)),
        x1: Math.max(...rs.map((b) => b.x1)),
        y1: Math.max(...rs.map((b) => b.y1)),
        what: rs.map((b) => b.what).join(' / '),
      });
    }
    return out;
  };
  const overlapping = (bs: Rect[]) =>
    bs.flatMap((a, i) =>
      bs
        .slice(i + 1)
        .filter((b) => a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01)
        .map((b) => `${a.what} × ${b.what}`),
    );

  for (const size of FIGURE_SIZES) {
    it(`${size}: no two names or symbols overlap; what gives way is counted in the footer`, () => {
      const fig = buildFigure(input, size, roughMeasure);
      const bs = boxes(fig.items);
      expect(overlapping(bs)).toEqual([]);
      const sites = bs.filter((b) => b.what.startsWith('placed site-symbol'));
      // The three sites at their own position are placed first and are apart: all drawn.
      expect(sites.length).toBeGreaterThanOrEqual(3);
      expect(bs.filter((b) => b.what.startsWith('placed island-name')).length).toBeGreaterThanOrEqual(3);
      expect(bs.some((b) => b.what.includes('Южно-Курильск'))).toBe(true);
      const note = texts(fig.items).find((t) => t.text.startsWith('Sites drawn: '));
      if (sites.length < 11) expect(note?.text).toContain(`Sites drawn: ${sites.length} of 11;`);
      else expect(note).toBeUndefined();
    });
  }
});

describe('line wrap', () => {
  const measure: typeof roughMeasure = (t) => [...t].length; // one unit a character
  // "院2025年" stays whole: no break between a CJK character and a number; "（" stays with what follows it.
  it('breaks English at spaces and Japanese between characters, never inside "院2025年" or before "、"', () => {
    expect(wrap('one two three four', 9, 1, 400, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrap('出典：国土地理院2025年（国土交通省）、集落', 10, 1, 400, measure)).toEqual([
      '出典：国土地理',
      '院2025年（国土交',
      '通省）、集落',
    ]);
    for (const line of wrap('あいうえお、かきくけこ。さしすせそ', 5, 1, 400, measure))
      expect(line).not.toMatch(/^[、。]/);
  });
});
