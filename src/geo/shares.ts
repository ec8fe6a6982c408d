/**
 * What each settlement option gives each side: areas on the chosen basis, Japan's share of the
 * disputed total, the per-island breakdown, the cut (if any) and the people on each side.
 * Pure: the page, the CLI, the benchmark and the tests all call this.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Position } from 'geojson';
import { geometryAreaKm2 } from './geodesic.ts';
import {
  prepareTerritory,
  sideOfPoint,
  solvePartition,
  type PartitionResult,
  type PreparedTerritory,
} from './partition.ts';
import { acrossLongAxis, shortestBorderBearing } from './border.ts';
import { villageSide, type Village1945, type VillageSide } from './villages.ts';

export type AreaBasis = 'geodesic' | 'official';
export const AREA_BASES: AreaBasis[] = ['geodesic', 'official'];
export const ISLAND_ORDER = ['habomai', 'shikotan', 'kunashiri', 'etorofu'] as const;

export type CutSpec = { island: string; island_fraction: number } | { island: string; total_share: number };

export interface OptionSpec {
  id: string;
  name: string;
  islands_whole: string[];
  cut: CutSpec | null;
}

/** A settlement's residents in the year of the island totals; null where no figure of that year was found. */
export interface Settlement {
  id: string;
  name_en: string;
  island: string;
  lon: number;
  lat: number;
  population: number | null;
  population_year: number;
}
export interface IslandPeople {
  japanese_1945: number;
  russian_2023: number;
}

export interface ShareIsland {
  id: string;
  feature: Feature<MultiPolygon>;
  geodesicKm2: number;
  officialKm2: number;
  prepared: PreparedTerritory;
}

export interface ShareContext {
  islands: Map<string, ShareIsland>;
  people: Map<string, IslandPeople>;
  settlements: Settlement[];
  /** The 1945 villages (data/villages-1945.json): the cut island's 1945 residents are counted by village seat. */
  villages1945: Village1945[];
}

export function createShareContext(
  islands: FeatureCollection<Geometry>,
  officialKm2: Record<string, number>,
  people: Record<string, IslandPeople> = {},
  settlements: Settlement[] = [],
  villages1945: Village1945[] = [],
): ShareContext {
  const map = new Map<string, ShareIsland>();
  for (const f of islands.features) {
    const id = String(f.properties?.id);
    const geometry = f.geometry as MultiPolygon;
    // Prepared for the solver only when first needed: most options cut one island, or none.
    let prepared: PreparedTerritory | null = null;
    map.set(id, {
      id,
      feature: f as Feature<MultiPolygon>,
      geodesicKm2: geometryAreaKm2(geometry),
      // An island without an official figure has none to compare (NaN on that basis).
      officialKm2: officialKm2[id] ?? NaN,
      get prepared() {
        return (prepared ??= prepareTerritory(geometry));
      },
    });
  }
  for (const id of ISLAND_ORDER) if (!map.has(id)) throw new Error(`island "${id}" is missing`);
  return { islands: map, people: new Map(Object.entries(people)), settlements, villages1945 };
}

export function areaOn(ctx: ShareContext, id: string, basis: AreaBasis): number {
  const i = ctx.islands.get(id)!;
  return basis === 'official' ? i.officialKm2 : i.geodesicKm2;
}

export function totalOn(ctx: ShareContext, basis: AreaBasis): number {
  return ISLAND_ORDER.reduce((s, id) => s + areaOn(ctx, id, basis), 0);
}

export interface IslandShare {
  id: string;
  areaKm2: number;
  toJapanKm2: number;
  toRussiaKm2: number;
  fractionToJapan: number;
}

export interface PeopleShare {
  /**
   * 1945 residents per side. On a cut island they are counted by village, on the side of the village's seat
   * (an approximation by village seat); `unsplit` holds those not located: villages whose seat is unknown,
   * and any residents of the island that the listed villages leave out.
   */
  japanese1945: { japan: number; russia: number; unsplit: number };
  /** The cut island's 1945 villages, with the side each is counted on. */
  cutVillages1945: { id: string; name_en: string; population: number; side: VillageSide }[];
  russianNow: { japan: number; russia: number; notLocated: number; year: number };
  /** Settlements of the cut island, with the side each falls on (population null: no figure of that year). */
  cutSettlements: { id: string; name_en: string; population: number | null; side: 'japan' | 'russia' }[];
}

export interface CutResult {
  island: string;
  /** The bearing asked for (the link's, the CLI's or the default), normalised to [0, 180). */
  requestedBearingDeg: number;
  /** How it was chosen: given by the user, across the island's long axis, or the shortest border. */
  bearingRule: BearingRule;
  /** The line's geodesic azimuth at its midpoint, in [0, 180). */
  measuredBearingDeg: number | null;
  islandFractionToJapan: number;
  line: LineString | null;
  lineLengthKm: number;
  /** Length of the land border (the line inside the island). */
  borderLengthKm: number;
  /** For the shortest-border rule: the border across the long axis (the default), for comparison. */
  defaultBorderLengthKm: number | null;
  /** False when no line at this bearing can give Japan's share on the side facing Cape Nosappu. */
  anchorOnJapanSide: boolean;
  lineEnds: [Position, Position] | null;
  partition: PartitionResult;
}

export interface OptionResult {
  id: string;
  name: string;
  basis: AreaBasis;
  totalKm2: number;
  japanKm2: number;
  russiaKm2: number;
  japanShare: number;
  islandsToJapan: string[];
  perIsland: IslandShare[];
  cut: CutResult | null;
  people: PeopleShare;
}

/** The island fraction a cut gives Japan, on the basis in use. */
export function cutFraction(ctx: ShareContext, spec: OptionSpec, basis: AreaBasis): number {
  if (!spec.cut) return 0;
  if ('island_fraction' in spec.cut) return spec.cut.island_fraction;
  const whole = spec.islands_whole.reduce((s, id) => s + areaOn(ctx, id, basis), 0);
  return (spec.cut.total_share * totalOn(ctx, basis) - whole) / areaOn(ctx, spec.cut.island, basis);
}

/** Default bearing of a cut: across the island's long axis. */
export function defaultBearing(ctx: ShareContext, island: string): number {
  return acrossLongAxis(ctx.islands.get(island)!.prepared);
}

/**
 * The bearing of a cut: a number of degrees (any finite value, normalised), 'shortest' for the
 * shortest land border at the option's share, or undefined for the default across the long axis.
 */
export type BearingChoice = number | 'shortest' | undefined;
export type BearingRule = 'given' | 'across-long-axis' | 'shortest-border';

export function computeOption(
  ctx: ShareContext,
  spec: OptionSpec,
  basis: AreaBasis,
  bearingChoice?: BearingChoice,
): OptionResult {
  const perIsland: IslandShare[] = [];
  let cut: CutResult | null = null;
  for (const id of ISLAND_ORDER) {
    const areaKm2 = areaOn(ctx, id, basis);
    let f = spec.islands_whole.includes(id) ? 1 : 0;
    if (spec.cut?.island === id) {
      const want = cutFraction(ctx, spec, basis);
      if (!(want >= -1e-12 && want <= 1 + 1e-12))
        throw new RangeError(`option ${spec.id}: cut needs ${(want * 100).toFixed(2)} % of ${id}`);
      const island = ctx.islands.get(id)!;
      const fraction = Math.min(1, Math.max(0, want));
      const [bearing, bearingRule]: [number, BearingRule] =
        typeof bearingChoice === 'number'
          ? [bearingChoice, 'given']
          : bearingChoice === 'shortest'
            ? [shortestBorderBearing(island.prepared, fraction).bearingDeg, 'shortest-border']
            : [defaultBearing(ctx, id), 'across-long-axis'];
      const partition = solvePartition(island.prepared, bearing, { fraction });
      f = partition.fraction;
      const coords = partition.line?.coordinates;
      cut = {
        island: id,
        requestedBearingDeg: partition.bearingDeg,
        bearingRule,
        measuredBearingDeg: partition.measuredBearingDeg,
        islandFractionToJapan: f,
        line: partition.line,
        lineLengthKm: partition.lineLengthKm,
        borderLengthKm: partition.borderLengthKm,
        anchorOnJapanSide: partition.anchorOnJapanSide,
        defaultBorderLengthKm:
          bearingRule === 'shortest-border'
            ? solvePartition(island.prepared, defaultBearing(ctx, id), { fraction }).borderLengthKm
            : null,
        lineEnds: coords ? [coords[0]!, coords[coords.length - 1]!] : null,
        partition,
      };
    }
    perIsland.push({ id, areaKm2, toJapanKm2: f * areaKm2, toRussiaKm2: (1 - f) * areaKm2, fractionToJapan: f });
  }
  const totalKm2 = perIsland.reduce((s, i) => s + i.areaKm2, 0);
  const japanKm2 = perIsland.reduce((s, i) => s + i.toJapanKm2, 0);
  return {
    id: spec.id,
    name: spec.name,
    basis,
    totalKm2,
    japanKm2,
    russiaKm2: totalKm2 - japanKm2,
    japanShare: japanKm2 / totalKm2,
    islandsToJapan: perIsland.filter((i) => i.fractionToJapan > 0).map((i) => i.id),
    perIsland,
    cut,
    people: peopleShare(ctx, perIsland, cut),
  };
}

/**
 * The side a point on an island falls on under an option: the island's when it goes whole or stays,
 * else the point's side of the cut (partition.ts sideOfPoint, the solver's own half-plane test). Every
 * count of points by side (settlements, sites, the user's points) goes through here.
 */
export function sideUnderOption(
  ctx: ShareContext,
  option: Pick<OptionResult, 'perIsland' | 'cut'>,
  island: string,
  lonlat: Position,
): 'japan' | 'russia' {
  const rule = sideRuleUnderOption(ctx, option, island);
  return typeof rule === 'string' ? rule : rule(lonlat[0]!, lonlat[1]!);
}

/**
 * The same rule, made once for an island: its side when the whole island goes one way, else the test a
 * point's longitude and latitude take (for counting 100,000 points: nothing looked up or allocated per
 * point but the projected position).
 */
export function sideRuleUnderOption(
  ctx: ShareContext,
  option: Pick<OptionResult, 'perIsland' | 'cut'>,
  island: string,
): 'japan' | 'russia' | ((lon: number, lat: number) => 'japan' | 'russia') {
  const f = option.perIsland.find((i) => i.id === island)?.fractionToJapan ?? 0;
  if (f >= 1) return 'japan';
  const cut = option.cut;
  if (f <= 0 || !cut || cut.island !== island) return 'russia';
  const prepared = ctx.islands.get(island)!.prepared;
  return (lon, lat) => (sideOfPoint(prepared, cut.partition, [lon, lat]) === 'japan' ? 'japan' : 'russia');
}

function peopleShare(ctx: ShareContext, perIsland: IslandShare[], cut: CutResult | null): PeopleShare {
  const out: PeopleShare = {
    japanese1945: { japan: 0, russia: 0, unsplit: 0 },
    cutVillages1945: [],
    russianNow: { japan: 0, russia: 0, notLocated: 0, year: 2023 },
    cutSettlements: [],
  };
  for (const i of perIsland) {
    const p = ctx.people.get(i.id);
    if (!p) continue;
    if (cut && cut.island === i.id && i.fractionToJapan > 0 && i.fractionToJapan < 1) {
      const island = ctx.islands.get(i.id)!;
      // 1945 residents by village, on the side of the village's seat; the rest stay "not located" (unsplit).
      let located = 0;
      for (const v of ctx.villages1945.filter((v) => v.island === i.id)) {
        const side = villageSide(island.prepared, cut.partition, v);
        if (side !== 'not-located') {
          out.japanese1945[side] += v.population;
          located += v.population;
        }
        out.cutVillages1945.push({ id: v.id, name_en: v.name_en, population: v.population, side });
      }
      out.japanese1945.unsplit += p.japanese_1945 - located;
      let listed = 0;
      for (const s of ctx.settlements.filter((s) => s.island === i.id)) {
        const side = sideUnderOption(ctx, { perIsland, cut }, i.id, [s.lon, s.lat]);
        // Residents of a place without a figure of the totals' year stay in "not located".
        if (s.population !== null && s.population_year === out.russianNow.year) {
          out.russianNow[side] += s.population;
          listed += s.population;
        }
        out.cutSettlements.push({ id: s.id, name_en: s.name_en, population: s.population, side });
      }
      out.russianNow.notLocated += Math.max(0, p.russian_2023 - listed);
    } else {
      const side = i.fractionToJapan >= 1 ? 'japan' : 'russia';
      out.japanese1945[side] += p.japanese_1945;
      out.russianNow[side] += p.russian_2023;
    }
  }
  return out;
}

/**
 * A custom option: a share of the disputed total to Japan; islands go whole in the order
 * Habomai, Shikotan, Kunashiri, Etorofu, and the next one is cut.
 */
export function customOption(ctx: ShareContext, share: number, basis: AreaBasis): OptionSpec {
  if (!Number.isFinite(share) || share < 0 || share > 1)
    throw new RangeError(`share must be within 0..1, got ${share}`);
  const total = totalOn(ctx, basis);
  let remaining = share * total;
  const whole: string[] = [];
  for (const id of ISLAND_ORDER) {
    const a = areaOn(ctx, id, basis);
    if (remaining >= a * (1 - 1e-12)) {
      whole.push(id);
      remaining -= a;
      continue;
    }
    const spec: OptionSpec = {
      id: 'custom',
      name: `Custom: ${(share * 100).toFixed(2)} % to Japan`,
      islands_whole: whole,
      cut: null,
    };
    if (remaining > 1e-12 * total) spec.cut = { island: id, total_share: share };
    return spec;
  }
  return { id: 'custom', name: `Custom: ${(share * 100).toFixed(2)} % to Japan`, islands_whole: whole, cut: null };
}
