/**
 * The side rule (src/geo/partition.ts, japanSideFrame): Japan's part is the side of the line that holds
 * the territory's point nearest Cape Nosappu, whenever a line at that bearing can give that side the
 * share; when none can, the result says so. Checked on the returned parts, independently of the solver:
 * the anchor is found again by GeographicLib distances, its side by Turf's point-in-polygon test, and
 * "no line can" by clipping the island with polyclip-ts at the line through the anchor and measuring
 * both sides with GeographicLib.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import * as polyclip from 'polyclip-ts';
import type { FeatureCollection, LineString, MultiPolygon, Position } from 'geojson';
import { CAPE_NOSAPPU, prepareTerritory, solvePartition, type PreparedTerritory } from '../../src/geo/partition.ts';
import { geometryAreaKm2, WGS84 } from '../../src/geo/geodesic.ts';
import { computeOption, createShareContext, customOption, cutFraction, type OptionSpec } from '../../src/geo/shares.ts';
import { prng } from '../../scripts/lib/prng.ts';
import splitOptions from '../../data/split-options.json' with { type: 'json' };
import officialAreas from '../../data/official-areas.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..', '..');
const islands = JSON.parse(readFileSync(join(ROOT, 'geo/islands.geojson'), 'utf8')) as FeatureCollection<MultiPolygon>;
const OFFICIAL = Object.fromEntries(officialAreas.areas.map((a) => [a.id, a.area_km2]));
const ctx = createShareContext(islands, OFFICIAL);
const OPTIONS = splitOptions.options as OptionSpec[];

/** The vertex nearest Cape Nosappu, found again by brute force with GeographicLib. */
function nearestVertex(g: MultiPolygon, target: Position): Position {
  let best: Position = target,
    bestD = Infinity;
  for (const poly of g.coordinates)
    for (const p of poly[0]!) {
      const d = WGS84.Inverse(target[1]!, target[0]!, p[1]!, p[0]!).s12!;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
  return best;
}

/**
 * The share of the island on each side of the line through `anchor` parallel to the returned cut line:
 * the direction is read off the line's own end points in the territory's equal-area plane (the plane in
 * which "a straight line at a bearing" is defined), the half-plane is built there, densified to 1 km and
 * taken back to longitude/latitude, the island is clipped with polyclip-ts and both sides are measured
 * with GeographicLib.
 */
function sharesBeside(
  island: MultiPolygon,
  prep: PreparedTerritory,
  line: LineString,
  anchor: Position,
): [number, number] {
  const pr = prep.projection;
  const c = line.coordinates;
  const [first, last] = [c[0]!, c[c.length - 1]!];
  const [x0, y0] = pr.forward(first[0]!, first[1]!),
    [x1, y1] = pr.forward(last[0]!, last[1]!);
  const l = Math.hypot(x1 - x0, y1 - y0),
    dx = (x1 - x0) / l,
    dy = (y1 - y0) / l;
  const [ax, ay] = pr.forward(anchor[0]!, anchor[1]!);
  const ring: Position[] = [];
  // Only the edge along the line crosses the island: it is densified to 1 km, the far edges are not.
  const R = 300_000,
    step = 1000;
  const corners: [number, number][] = [
    [-R, 0],
    [R, 0],
    [R, R],
    [-R, R],
  ];
  for (let k = 0; k < 4; k++) {
    const [a0, b0] = corners[k]!,
      [a1, b1] = corners[(k + 1) % 4]!;
    const n = k === 0 ? Math.ceil(Math.hypot(a1 - a0, b1 - b0) / step) : 1;
    for (let i = 0; i < n; i++) {
      const a = a0 + ((a1 - a0) * i) / n,
        b = b0 + ((b1 - b0) * i) / n;
      ring.push(pr.inverse(ax + a * dx - b * dy, ay + a * dy + b * dx));
    }
  }
  ring.push(ring[0]!);
  const half = polyclip.intersection(island.coordinates as never, [ring] as never) as Position[][][];
  const total = geometryAreaKm2(island);
  const a = half.length ? geometryAreaKm2({ type: 'MultiPolygon', coordinates: half }) : 0;
  return [a / total, 1 - a / total];
}

interface Tally {
  cases: number;
  anchorHeld: number;
  noLineCan: number;
  failures: string[];
}

function check(
  id: string,
  prep: PreparedTerritory,
  geometry: MultiPolygon,
  anchor: Position,
  bearing: number,
  fraction: number,
  t: Tally,
) {
  const r = solvePartition(prep, bearing, { fraction });
  t.cases++;
  const where = `${id} at ${bearing}° with ${fraction}`;
  if (r.anchorOnJapanSide) {
    t.anchorHeld++;
    const inJapan = booleanPointInPolygon(anchor, r.japanSide!);
    const insideOther = r.otherSide ? booleanPointInPolygon(anchor, r.otherSide, { ignoreBoundary: true }) : false;
    if (!inJapan || insideOther) t.failures.push(`${where}: the point nearest Cape Nosappu is not in Japan's part`);
  } else {
    t.noLineCan++;
    // No line at this bearing can put `fraction` on the anchor's side: both sides of the line through
    // the anchor hold more than that (to 1e-6: the half-plane's edges are densified geodesics).
    const [a, b] = sharesBeside(geometry, prep, r.line!, anchor);
    if (!(Math.min(a, b) > fraction - 1e-6))
      t.failures.push(`${where}: flagged, but ${(Math.min(a, b) * 100).toFixed(2)} % lies beyond the anchor`);
  }
}

describe('the side rule', () => {
  it("holds for every island at every whole bearing, for the presets' shares and random ones", () => {
    const rand = prng(20261201);
    const t: Tally = { cases: 0, anchorHeld: 0, noLineCan: 0, failures: [] };
    for (const f of islands.features) {
      const id = String(f.properties!.id);
      const prep = ctx.islands.get(id)!.prepared;
      const anchor = nearestVertex(f.geometry, CAPE_NOSAPPU);
      expect(prep.anchorLonLat).toEqual(anchor);
      // The shares the presets cut this island at, on both bases, and three more.
      const shares = new Set([0.1, 0.5, 0.9]);
      for (const o of OPTIONS)
        if (o.cut?.island === id) for (const b of ['geodesic', 'official'] as const) shares.add(cutFraction(ctx, o, b));
      for (let bearing = 0; bearing < 180; bearing++)
        for (const s of shares) check(id, prep, f.geometry, anchor, bearing, s, t);
      for (let k = 0; k < 150; k++)
        check(id, prep, f.geometry, anchor, Math.round(rand() * 3600) / 10 - 180, 0.001 + rand() * 0.998, t);
    }
    console.log(
      `side rule: ${t.cases} cases, ${t.anchorHeld} with the anchor in Japan's part, ` +
        `${t.noLineCan} where no line at that bearing can (flagged), ${t.failures.length} failed`,
    );
    expect(t.failures).toEqual([]);
    expect(t.cases).toBeGreaterThan(3000);
  }, 120_000);

  it("Japan's part only grows with the share: it never jumps to the other end", () => {
    const prep = ctx.islands.get('etorofu')!.prepared;
    for (let bearing = 0; bearing < 180; bearing += 5) {
      let before = 0;
      for (const s of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]) {
        const r = solvePartition(prep, bearing, { fraction: s });
        // Nested parts: the smaller share's part lies inside the larger one's, so their union adds nothing.
        if (before) expect(r.offsetM).toBeGreaterThan(before);
        before = r.offsetM;
      }
    }
  });

  describe('regressions: the commands that gave Japan the far end', () => {
    const etorofu = islands.features.find((f) => f.properties!.id === 'etorofu')!.geometry;
    const kunashiri = islands.features.find((f) => f.properties!.id === 'kunashiri')!.geometry;

    it('`shares --bearing 50`: the equal-area cut of Etorofu lengthwise is flagged, not given the far end', () => {
      const r = computeOption(
        ctx,
        OPTIONS.find((o) => o.id === 'equal-area')!,
        'geodesic',
        50,
      );
      const cut = r.cut!;
      expect(cut.anchorOnJapanSide).toBe(false);
      const anchor = nearestVertex(etorofu, CAPE_NOSAPPU);
      const [a, b] = sharesBeside(etorofu, ctx.islands.get('etorofu')!.prepared, cut.line!, anchor);
      expect(Math.min(a, b)).toBeGreaterThan(cut.islandFractionToJapan);
      // Across the island at its south-western end, the same share holds the anchor.
      const across = computeOption(
        ctx,
        OPTIONS.find((o) => o.id === 'equal-area')!,
        'geodesic',
        140,
      );
      expect(across.cut!.anchorOnJapanSide).toBe(true);
      expect(booleanPointInPolygon(anchor, across.cut!.partition.japanSide!)).toBe(true);
    });

    it("`shares --share 0.2 --bearing 27..33`: Kunashiri's part holds its southern tip, or no line can", () => {
      const anchor = nearestVertex(kunashiri, CAPE_NOSAPPU);
      const prep = ctx.islands.get('kunashiri')!.prepared;
      const held: number[] = [];
      for (let bearing = 27; bearing <= 33; bearing++) {
        const cut = computeOption(ctx, customOption(ctx, 0.2, 'geodesic'), 'geodesic', bearing).cut!;
        expect(cut.island).toBe('kunashiri');
        if (cut.anchorOnJapanSide) {
          held.push(bearing);
          expect(booleanPointInPolygon(anchor, cut.partition.japanSide!)).toBe(true);
        } else
          expect(Math.min(...sharesBeside(kunashiri, prep, cut.line!, anchor))).toBeGreaterThan(
            cut.islandFractionToJapan,
          );
      }
      console.log(
        `Kunashiri, share 0.2: the tip is in Japan's part at ${held.join(', ') || 'none'} of 27-33°; ` +
          'no line can at the others',
      );
    });

    it('Shikotan and Habomai near 65°, and Habomai at very small shares', () => {
      for (const id of ['shikotan', 'habomai']) {
        const f = islands.features.find((x) => x.properties!.id === id)!.geometry;
        const prep = prepareTerritory(f);
        const anchor = nearestVertex(f, CAPE_NOSAPPU);
        for (let bearing = 60; bearing <= 70; bearing++)
          for (const s of [0.001, 0.01, 0.05, 0.2, 0.5]) {
            const r = solvePartition(prep, bearing, { fraction: s });
            if (r.anchorOnJapanSide) expect(booleanPointInPolygon(anchor, r.japanSide!)).toBe(true);
            else expect(Math.min(...sharesBeside(f, prep, r.line!, anchor))).toBeGreaterThan(s - 1e-6);
          }
      }
    });

    it('`shares --share 0.0683`: a sliver of Kunashiri at the default bearing: flagged if no line can', () => {
      const r = computeOption(ctx, customOption(ctx, 0.0683, 'geodesic'), 'geodesic');
      const cut = r.cut!;
      expect(cut.island).toBe('kunashiri');
      const anchor = nearestVertex(kunashiri, CAPE_NOSAPPU);
      if (cut.anchorOnJapanSide) expect(booleanPointInPolygon(anchor, cut.partition.japanSide!)).toBe(true);
      else
        expect(
          Math.min(...sharesBeside(kunashiri, ctx.islands.get('kunashiri')!.prepared, cut.line!, anchor)),
        ).toBeGreaterThan(cut.islandFractionToJapan);
    });
  });

  it('an imported territory uses the anchor the user chooses', () => {
    // A 2° × 1° rectangle: with the anchor at the west end Japan's quarter is the west end, and vice versa.
    const rect: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [140, 40],
            [142, 40],
            [142, 41],
            [140, 41],
            [140, 40],
          ],
        ],
      ],
    };
    for (const [target, inJapan, notInJapan] of [
      [
        [139, 40.5],
        [140.1, 40.5],
        [141.9, 40.5],
      ],
      [
        [143, 40.5],
        [141.9, 40.5],
        [140.1, 40.5],
      ],
    ] as [Position, Position, Position][]) {
      const r = solvePartition(prepareTerritory(rect, { anchorTarget: target }), 0, { fraction: 0.25 });
      expect(booleanPointInPolygon(inJapan, r.japanSide!)).toBe(true);
      expect(booleanPointInPolygon(notInJapan, r.japanSide!)).toBe(false);
      expect(Math.abs(geometryAreaKm2(r.japanSide!) / geometryAreaKm2(rect) - 0.25)).toBeLessThan(1e-6);
    }
  });
});
