/**
 * What each settlement option gives each side.
 *   npm run --silent shares -- [--json] [--basis geodesic|official] [--bearing DEG|shortest] [--share F]
 * --bearing sets the cut line's bearing for options that cut an island (any number of degrees, negative
 * ones too: --bearing=-90 or --bearing -90; "shortest" for the shortest land border at each option's
 * share; default: across the island's long axis);
 * --share adds a custom option giving Japan that share (0-1) of the disputed total.
 */
import { parseArgs } from 'node:util';
import {
  AREA_BASES,
  computeOption,
  customOption,
  ISLAND_ORDER,
  areaOn,
  totalOn,
  type AreaBasis,
  type OptionResult,
  type OptionSpec,
  type ShareContext,
} from '../src/geo/shares.ts';
import { loadShareContext, loadSites, OPTIONS } from './lib/load-node.ts';
import { sitesUnderOption, type SitesUnderOption } from '../src/geo/sites.ts';
import { standingIn } from '../src/data/deployments.ts';
import { joinNegativeValues } from './lib/args.ts';
import type { BearingChoice } from '../src/geo/shares.ts';
import { computeSea, type SeaResult } from '../src/geo/maritime/compute.ts';
import { seaOwnership } from '../src/geo/maritime/option.ts';
import { loadPreparedSea, loadStraits } from './lib/sea-node.ts';

const USAGE =
  'usage: npm run --silent shares -- [--json] [--basis geodesic|official] [--bearing DEG|shortest] [--share F]';

function fail(message: string): never {
  process.stderr.write(`shares: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(process.argv.slice(2), ['--bearing', '--share']),
      options: {
        json: { type: 'boolean' },
        basis: { type: 'string' },
        bearing: { type: 'string' },
        share: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const basis = (values.basis ?? 'geodesic') as AreaBasis;
  if (!AREA_BASES.includes(basis)) fail(`--basis must be one of ${AREA_BASES.join(', ')}, got "${values.basis}"`);
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) fail(`--${name} must be a number, got "${v}"`);
    return x;
  };
  const bearing: BearingChoice = values.bearing === 'shortest' ? 'shortest' : num('bearing', values.bearing);
  const share = num('share', values.share);
  if (share !== undefined && (share < 0 || share > 1))
    fail(`--share must be within 0 and 1 (a fraction of the disputed total), got ${share}`);
  return { json: !!values.json, basis, bearing, share };
}

/** The sea by the equidistance method (src/geo/maritime): km² to 1 decimal, the boundary as GeoJSON. */
function seaJson(sea: SeaResult, statusQuo: SeaResult) {
  const names = new Map(loadStraits().straits.map((s) => [s.id, s]));
  return {
    method: 'equidistance (median line) from normal baselines, WGS84 ellipsoid; not an agreed boundary',
    region_km2: round(sea.regionM2 / 1e6, 1),
    japan_km2: round(sea.japanM2 / 1e6, 1),
    russia_km2: round(sea.russiaM2 / 1e6, 1),
    japan_share: round(sea.japanShare, 6),
    territorial_sea: {
      japan_km2: round(sea.territorialSea.japanM2 / 1e6, 1),
      russia_km2: round(sea.territorialSea.russiaM2 / 1e6, 1),
    },
    change_vs_status_quo_km2: {
      japan: round((sea.japanM2 - statusQuo.japanM2) / 1e6, 1),
      russia: round((sea.russiaM2 - statusQuo.russiaM2) / 1e6, 1),
    },
    boundary: sea.boundary,
    straits: sea.straits.map((s) => {
      const n = names.get(s.id)!;
      return {
        id: s.id,
        name_en: n.name_en,
        name_ja: n.name_ja,
        name_ru: n.name_ru,
        width_km: round(s.widthM / 1000, 2),
        sides: s.sides,
        closed_by_territorial_seas: s.closedByTerritorialSeas,
      };
    }),
  };
}

/**
 * The 1945 villages on each side under an option: a whole island's villages go with the island; on a cut
 * island each village is on the side of its seat (the approximation by village seat of src/geo/villages.ts),
 * or not located when its seat is unknown or straddles the line.
 */
function villagesBySide(ctx: ShareContext, r: OptionResult) {
  const cutSides = new Map(r.people.cutVillages1945.map((v) => [v.id, v.side]));
  const toJapan = new Set(r.perIsland.filter((i) => i.fractionToJapan >= 1).map((i) => i.id));
  const out: Record<
    'japan' | 'russia' | 'not_located',
    { id: string; island: string; name_en: string; population: number }[]
  > = { japan: [], russia: [], not_located: [] };
  for (const v of ctx.villages1945) {
    const cutSide = cutSides.get(v.id);
    const side =
      cutSide === undefined
        ? toJapan.has(v.island)
          ? 'japan'
          : 'russia'
        : cutSide === 'not-located'
          ? 'not_located'
          : cutSide;
    out[side].push({ id: v.id, island: v.island, name_en: v.name_en, population: v.population });
  }
  return out;
}

function toJson(
  r: OptionResult,
  sites: SitesUnderOption,
  villages: ReturnType<typeof villagesBySide>,
  sea?: ReturnType<typeof seaJson>,
) {
  return {
    id: r.id,
    name: r.name,
    japan_km2: round(r.japanKm2, 4),
    russia_km2: round(r.russiaKm2, 4),
    japan_share: round(r.japanShare, 8),
    islands_to_japan: r.islandsToJapan,
    per_island: r.perIsland.map((i) => ({
      id: i.id,
      to_japan_km2: round(i.toJapanKm2, 4),
      to_russia_km2: round(i.toRussiaKm2, 4),
      fraction_to_japan: round(i.fractionToJapan, 8),
    })),
    cut: r.cut && {
      island: r.cut.island,
      bearing: {
        requested: round(r.cut.requestedBearingDeg, 4),
        rule: r.cut.bearingRule,
        measured: r.cut.measuredBearingDeg === null ? null : round(r.cut.measuredBearingDeg, 4),
      },
      island_fraction_to_japan: round(r.cut.islandFractionToJapan, 8),
      anchor_on_japan_side: r.cut.anchorOnJapanSide,
      border_length_km: round(r.cut.borderLengthKm, 3),
      ...(r.cut.defaultBorderLengthKm !== null
        ? { default_border_length_km: round(r.cut.defaultBorderLengthKm, 3) }
        : {}),
      line_length_km: round(r.cut.lineLengthKm, 3),
      line: r.cut.line,
    },
    sites_to_japan: sites.toJapan,
    sites_to_japan_by_kind: sites.byKind,
    sites_ambiguous: sites.ambiguous,
    people: {
      japanese_1945: r.people.japanese1945,
      russian_residents: r.people.russianNow,
      cut_settlements: r.people.cutSettlements,
      villages_1945: villages,
    },
    ...(sea ? { sea } : {}),
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
/** Degrees as typed when whole (45°), else to two decimals (44.93°). */
const fmtDeg = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(2)}°`;

function main() {
  const args = parse();
  const ctx = loadShareContext();
  const specs: OptionSpec[] = [...OPTIONS];
  if (args.share !== undefined) specs.push(customOption(ctx, args.share, args.basis));
  const results = specs.map((s) => computeOption(ctx, s, args.basis, args.bearing));
  // Sites that stand this year: a system withdrawn earlier is not handed over by anyone.
  const year = new Date().getFullYear();
  const standing = standingIn(loadSites(), year);
  const sites = results.map((r) => sitesUnderOption(ctx, r, standing));
  // The sea under each option (equidistance method), against the status quo (all four islands Russia's).
  const seaPrep = loadPreparedSea();
  const seaStatusQuo = computeSea(seaPrep, {
    whole: { habomai: 'russia', shikotan: 'russia', kunashiri: 'russia', etorofu: 'russia' },
    cut: null,
  });
  const seas = results.map((r) => computeSea(seaPrep, seaOwnership(ctx, r)));
  if (args.json) {
    const out = {
      basis: args.basis,
      total_km2: round(totalOn(ctx, args.basis), 4),
      sites_year: year,
      islands: Object.fromEntries(ISLAND_ORDER.map((id) => [id, round(areaOn(ctx, id, args.basis), 4)])),
      options: results.map((r, i) => toJson(r, sites[i]!, villagesBySide(ctx, r), seaJson(seas[i]!, seaStatusQuo))),
    };
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const basisText =
    args.basis === 'official'
      ? 'official (GSI 2025 figures of the four groups; their sum 4,998.40 km²; ' +
        "GSI's 5,003.05 also counts unassigned islets)"
      : 'geodesic (WGS84 ellipsoid, computed from geo/islands.geojson)';
  const lines = [
    `Basis: ${basisText}`,
    `Disputed total: ${totalOn(ctx, args.basis).toFixed(2)} km²  ` +
      `(${ISLAND_ORDER.map((id) => `${id} ${areaOn(ctx, id, args.basis).toFixed(2)}`).join(', ')})`,
    '',
  ];
  const head = [
    'option',
    'Japan km²',
    'Russia km²',
    'Japan %',
    'sea: Japan %',
    'islands to Japan',
    `sites to Japan ${year} (ambiguous)`,
    'cut',
  ];
  const rows = results.map((r, i) => [
    r.id,
    r.japanKm2.toFixed(2),
    r.russiaKm2.toFixed(2),
    (r.japanShare * 100).toFixed(2),
    (seas[i]!.japanShare * 100).toFixed(2),
    r.islandsToJapan.join(', ') || '-',
    `${sites[i]!.toJapan.length}${sites[i]!.ambiguous.length ? ` (+${sites[i]!.ambiguous.length})` : ''}`,
    r.cut
      ? `${r.cut.island} ${(r.cut.islandFractionToJapan * 100).toFixed(2)} %, ` +
        `requested ${fmtDeg(r.cut.requestedBearingDeg)}` +
        ` (measured ${r.cut.measuredBearingDeg === null ? '-' : fmtDeg(r.cut.measuredBearingDeg)}), ` +
        `border ${r.cut.borderLengthKm.toFixed(1)} km` +
        (r.cut.defaultBorderLengthKm !== null
          ? ` (across the long axis: ${r.cut.defaultBorderLengthKm.toFixed(1)} km)`
          : '') +
        (r.cut.anchorOnJapanSide ? '' : ' [no line at this bearing keeps the side facing Hokkaido]')
      : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  lines.push(
    '',
    `Sea: Japan's share of the ${Math.round(seaStatusQuo.regionM2 / 1e6).toLocaleString('en-US')} km² of sea ` +
      'within 200 nm of the four islands, each point to the side whose coast is nearer (equidistance from ' +
      'normal baselines, WGS84; not an agreed boundary; straight baselines not used).',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
