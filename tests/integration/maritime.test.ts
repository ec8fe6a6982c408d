/**
 * The sea by the equidistance method, checked independently of its construction:
 *  - a known answer: two mirror-image coasts across the equator, whose median line is the equator itself;
 *  - a property test on the real coasts: the presets and 12 random options and bearings; at every vertex of the
 *    published boundary, exhaustive GeographicLib distances to the nearest Japanese and Russian coast (every coast
 *    densified to 20 m, all scanned) differ by at most 50 m; the 200 nm and 12 nm limits lie within 50 m
 *    of their distance; the sides' areas add up to the region's (GeographicLib area of its limit) within 1e-6.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import {
  EEZ_M,
  TERRITORIAL_SEA_M,
  prepareSea,
  SEA_ISLANDS,
  type PreparedSea,
  type SeaIslandId,
} from '../../src/geo/maritime/prepare.ts';
import { computeSea, siteOwners, type SeaOwnership } from '../../src/geo/maritime/compute.ts';
import { coastInput } from '../../src/geo/maritime/load-coasts.ts';
import { seaOwnership } from '../../src/geo/maritime/option.ts';
import { WGS84, ringAreaM2 } from '../../src/geo/geodesic.ts';
import { laea } from '../../src/geo/laea.ts';
import { computeOption, customOption } from '../../src/geo/shares.ts';
import { loadShareContext, OPTIONS } from '../../scripts/lib/load-node.ts';
import { prng } from '../../scripts/lib/prng.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rd = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as FeatureCollection<Geometry>;

const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('known answer: mirror-image coasts across the equator', () => {
  // Japan: a rectangle south of the equator and a small island far south-east; Russia: their mirror images.
  const input = {
    islands: {
      habomai: rect(-0.5, -0.3, 0.5, -0.05),
      kunashiri: rect(-0.5, 0.05, 0.5, 0.3),
      shikotan: rect(2, -1.05, 2.05, -1),
      etorofu: rect(2, 1, 2.05, 1.05),
    } as Record<SeaIslandId, Polygon>,
    japan: [],
    russia: [],
  };
  const own: SeaOwnership = {
    whole: { habomai: 'japan', shikotan: 'japan', kunashiri: 'russia', etorofu: 'russia' },
    cut: null,
  };
  let prep: PreparedSea;
  beforeAll(() => {
    prep = prepareSea(input, [
      {
        id: 'gap',
        crossing: [
          [0, -0.05],
          [0, 0.05],
        ],
      },
    ]);
  }, 120_000);

  it('puts the boundary on the equator between the two coasts', () => {
    const r = computeSea(prep, own);
    let checked = 0,
      worst = 0;
    for (const line of r.boundary.coordinates)
      for (const [lon, lat] of line) {
        if (Math.abs(lon!) > 0.4) continue;
        checked++;
        worst = Math.max(worst, Math.abs(lat!) * 110_574);
      }
    expect(checked).toBeGreaterThan(20);
    expect(worst).toBeLessThan(1); // metres
  });

  it('gives both sides the same sea, and the strait to both', () => {
    const r = computeSea(prep, own);
    expect(Math.abs(r.japanShare - 0.5)).toBeLessThan(1e-5);
    expect(Math.abs(r.territorialSea.japanM2 / r.territorialSea.russiaM2 - 1)).toBeLessThan(1e-5);
    const gap = r.straits[0]!;
    expect(gap.sides).toEqual(['japan', 'russia']);
    expect(gap.closedByTerritorialSeas).toBe(true);
    expect(Math.abs(gap.widthM - 11_057.4)).toBeLessThan(5);
  });

  it("measures a lone island's territorial sea as its 12 nm buffer", () => {
    // The small island's 12 nm sea, 5.5 km by 5.5 km: 4·a·r + π r² on the plane, within 0.2 %.
    const r = computeSea(prep, own);
    const a = 0.05 * 111_000;
    const expected = 4 * a * TERRITORIAL_SEA_M + Math.PI * TERRITORIAL_SEA_M ** 2;
    const j = r.territorialSea.japanM2;
    // Japan's territorial sea: the rectangle's (cut by the median line) plus the small island's.
    expect(j).toBeGreaterThan(expected);
    expect(prep.cellTsM2.length).toBe(prep.nSites);
  });
});

describe('property: the real coasts, random options and bearings', () => {
  let prep: PreparedSea;
  let coast: {
    x: Float64Array;
    y: Float64Array;
    lon: Float64Array;
    lat: Float64Array;
    island: Int8Array;
    fixed: Uint8Array;
  };
  const proj = laea([147.2, 44.4]);
  const ctx = loadShareContext();

  beforeAll(() => {
    const islands = rd('geo/islands.geojson'),
      hokkaido = rd('geo/hokkaido.geojson'),
      context = rd('geo/context-land.geojson');
    const straits = (
      JSON.parse(readFileSync(join(ROOT, 'data/straits.json'), 'utf8')).straits as {
        id: string;
        crossing_line: [Position, Position];
      }[]
    ).map((s) => ({ id: s.id, crossing: s.crossing_line }));
    prep = prepareSea(coastInput(islands, hokkaido, context), straits);
    // Every coast of the data (not the construction's cleaned, densified copy), every 20 m along its geodesic edges.
    const x: number[] = [],
      y: number[] = [],
      lon: number[] = [],
      lat: number[] = [],
      island: number[] = [],
      fixed: number[] = [];
    const add = (g: Polygon | MultiPolygon, isl: number, fix: number) => {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const p of polys) {
        const r = p[0]!;
        for (let i = 0; i + 1 < r.length; i++) {
          const line = WGS84.InverseLine(r[i]![1]!, r[i]![0]!, r[i + 1]![1]!, r[i + 1]![0]!);
          const L = line.s13 ?? 0;
          const k = Math.max(1, Math.ceil(L / 20));
          for (let q = 0; q < k; q++) {
            const pos = line.Position((L * q) / k);
            const [px, py] = proj.forward(pos.lon2!, pos.lat2!);
            x.push(px);
            y.push(py);
            lon.push(pos.lon2!);
            lat.push(pos.lat2!);
            island.push(isl);
            fixed.push(fix);
          }
        }
      }
    };
    for (const f of islands.features) add(f.geometry as MultiPolygon, SEA_ISLANDS.indexOf(f.properties!.id), 2);
    for (const f of hokkaido.features) add(f.geometry as MultiPolygon, -1, 0);
    for (const f of context.features) add(f.geometry as Polygon, -1, f.properties!.admin === 'JP' ? 0 : 1);
    coast = {
      x: Float64Array.from(x),
      y: Float64Array.from(y),
      lon: Float64Array.from(lon),
      lat: Float64Array.from(lat),
      island: Int8Array.from(island),
      fixed: Uint8Array.from(fixed),
    };
  }, 300_000);

  /** Owner (0 Japan, 1 Russia) of each brute-force coast point under an ownership: the same side rule. */
  function coastOwners(own: SeaOwnership): Uint8Array {
    const out = new Uint8Array(coast.x.length);
    const cut = own.cut;
    const cp = cut ? laea(cut.center) : null;
    for (let k = 0; k < out.length; k++) {
      const isl = coast.island[k]!;
      if (isl < 0) {
        out[k] = coast.fixed[k]!;
        continue;
      }
      const id = SEA_ISLANDS[isl]!;
      if (cut && cut.island === id) {
        const [px, py] = cp!.forward(coast.lon[k]!, coast.lat[k]!);
        out[k] = cut.nx * px + cut.ny * py < cut.offsetM ? 0 : 1;
      } else out[k] = own.whole[id] === 'japan' ? 0 : 1;
    }
    return out;
  }

  /**
   * Exhaustive nearest search: every coast point is in a 5 km grid; rings of cells are scanned outwards until
   * no unscanned cell can hold a point within the planar candidate radius of either side, then every point
   * within that radius gets its GeographicLib distance (the plane's scale differs from the ellipsoid's by < 0.3 %).
   */
  const G = 5000;
  let grid: { x0: number; y0: number; nx: number; ny: number; start: Int32Array; idx: Int32Array } | null = null;
  function buildGrid() {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let k = 0; k < coast.x.length; k++) {
      x0 = Math.min(x0, coast.x[k]!);
      y0 = Math.min(y0, coast.y[k]!);
      x1 = Math.max(x1, coast.x[k]!);
      y1 = Math.max(y1, coast.y[k]!);
    }
    const nx = Math.ceil((x1 - x0) / G) + 1,
      ny = Math.ceil((y1 - y0) / G) + 1;
    const cellOf = (k: number) => Math.floor((coast.y[k]! - y0) / G) * nx + Math.floor((coast.x[k]! - x0) / G);
    const count = new Int32Array(nx * ny + 1);
    for (let k = 0; k < coast.x.length; k++) count[cellOf(k) + 1]!++;
    for (let c = 0; c < nx * ny; c++) count[c + 1]! += count[c]!;
    const fill = count.slice(0, nx * ny),
      idx = new Int32Array(coast.x.length);
    for (let k = 0; k < coast.x.length; k++) idx[fill[cellOf(k)]!++] = k;
    grid = { x0, y0, nx, ny, start: count, idx };
  }
  function nearest(
    lon: number,
    lat: number,
    owners: Uint8Array,
    only?: (k: number) => boolean,
    need: [boolean, boolean] = [true, true],
  ): [number, number] {
    if (!grid) buildGrid();
    const g = grid!;
    const [px, py] = proj.forward(lon, lat);
    const cx = Math.floor((px - g.x0) / G),
      cy = Math.floor((py - g.y0) / G);
    const best = [Infinity, Infinity];
    const seen: number[] = [];
    const radius = (side: number) => Math.sqrt(best[side]!) * 1.005 + 50;
    for (let ring = 0; ; ring++) {
      for (let dy = -ring; dy <= ring; dy++)
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          const x = cx + dx,
            y = cy + dy;
          if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) continue;
          const c = y * g.nx + x;
          for (let q = g.start[c]!; q < g.start[c + 1]!; q++) {
            const k = g.idx[q]!;
            if (only && !only(k)) continue;
            seen.push(k);
            const d = (coast.x[k]! - px) ** 2 + (coast.y[k]! - py) ** 2;
            if (d < best[owners[k]!]!) best[owners[k]!] = d;
          }
        }
      // Cells beyond this ring are at least ring·G away.
      const reach = ring * G;
      const done = [0, 1].every(
        (side) => !need[side] || (Number.isFinite(best[side]) ? radius(side) <= reach : ring > Math.max(g.nx, g.ny)),
      );
      if (done) break;
    }
    const out: [number, number] = [Infinity, Infinity];
    for (const k of seen) {
      const side = owners[k]!;
      if (!Number.isFinite(best[side]) || (coast.x[k]! - px) ** 2 + (coast.y[k]! - py) ** 2 > radius(side) ** 2)
        continue;
      const d = WGS84.Inverse(lat, lon, coast.lat[k]!, coast.lon[k]!).s12!;
      if (d < out[side]!) out[side] = d;
    }
    return out;
  }

  it('keeps every boundary vertex equidistant (±50 m) and the areas consistent, for presets and random cuts', () => {
    const rnd = prng(20261201);
    const cases: { name: string; own: SeaOwnership }[] = OPTIONS.map((o) => ({
      name: o.id,
      own: seaOwnership(ctx, computeOption(ctx, o, 'geodesic')),
    }));
    for (let k = 0; k < 12; k++) {
      const share = rnd(),
        bearing = rnd() * 360 - 90;
      cases.push({
        name: `custom ${share.toFixed(3)} @ ${bearing.toFixed(1)}°`,
        own: seaOwnership(ctx, computeOption(ctx, customOption(ctx, share, 'geodesic'), 'geodesic', bearing)),
      });
    }
    const envelopeArea = ringAreaM2(prep.envelope);
    let worst = 0,
      worstAt = '';
    for (const c of cases) {
      const r = computeSea(prep, c.own);
      const owners = coastOwners(c.own);
      // Areas: the sides add up to the region; the region (with its land) is the GeographicLib area of its limit.
      expect(Math.abs(r.japanM2 + r.russiaM2 - r.regionM2) / r.regionM2).toBeLessThan(1e-9);
      expect(Math.abs(r.japanM2 + r.russiaM2 + prep.regionLandM2 - envelopeArea) / envelopeArea).toBeLessThan(1e-6);
      expect(r.boundary.coordinates.length).toBeGreaterThan(0);
      for (const line of r.boundary.coordinates)
        for (const p of line) {
          const lon = p[0]!,
            lat = p[1]!;
          const [dj, dr] = nearest(lon, lat, owners);
          const err = Math.abs(dj - dr);
          if (err > worst) {
            worst = err;
            worstAt = `${c.name} at ${lon}, ${lat} (Japan ${dj.toFixed(1)} m, Russia ${dr.toFixed(1)} m)`;
          }
          if (err > 50)
            throw new Error(`${c.name}: vertex ${lon},${lat}: Japan ${dj.toFixed(1)} m, Russia ${dr.toFixed(1)} m`);
        }
      // The construction's own owners agree with the brute force's side rule at the straits' ends.
      const so = siteOwners(prep, c.own);
      expect(so.length).toBe(prep.nSites);
    }
    console.log(`sea: largest equidistance error ${worst.toFixed(2)} m over ${cases.length} options: ${worstAt}`);
    expect(worst).toBeLessThan(50);
  }, 600_000);

  it('places the 200 nm and 12 nm limits within 50 m of their distance', () => {
    const owners = new Uint8Array(coast.x.length);
    let worst200 = 0;
    for (const [lon, lat] of prep.envelope) {
      const d = nearest(lon!, lat!, owners, (k) => coast.island[k]! >= 0, [true, false])[0];
      worst200 = Math.max(worst200, Math.abs(d - EEZ_M));
    }
    let worst12 = 0,
      n12 = 0;
    for (const line of prep.tsLimit)
      for (const p of line) {
        n12++;
        const d = nearest(p[0]!, p[1]!, owners, undefined, [true, false])[0];
        worst12 = Math.max(worst12, Math.abs(d - TERRITORIAL_SEA_M));
      }
    console.log(
      `sea: 200 nm limit off by at most ${worst200.toFixed(2)} m (${prep.envelope.length} vertices); ` +
        `12 nm limit off by at most ${worst12.toFixed(2)} m (${n12} vertices)`,
    );
    expect(worst200).toBeLessThan(50);
    expect(n12).toBeGreaterThan(100);
    expect(worst12).toBeLessThan(50);
  }, 600_000);
});
