/** Export builders: GeoJSON of an option's islands by side and its line, CSV of the options by island. Pure. */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import type { OptionResult } from '../geo/shares.ts';
import { pointIdAt, type PointSet } from '../geo/user-points.ts';
import type { PartitionResult } from '../geo/partition.ts';
import type { SeaResult } from '../geo/maritime/compute.ts';

export interface ExportSource {
  title: string;
  url: string | null;
}

/**
 * The two parts of a partition and its line as GeoJSON features. `sides` names the parts and gives
 * each part's area (an option reports areas on its basis; a user's territory its own areas).
 */
export function partitionFeatures(
  p: PartitionResult,
  common: Record<string, unknown>,
  sides: {
    first: { part: string; areaKm2: number; fraction: number };
    second: { part: string; areaKm2: number; fraction: number };
  },
  lineProps: Record<string, unknown> = {},
): Feature[] {
  const out: Feature[] = [];
  if (p.japanSide)
    out.push({
      type: 'Feature',
      properties: { ...common, part: sides.first.part, area_km2: sides.first.areaKm2, fraction: sides.first.fraction },
      geometry: p.japanSide,
    });
  if (p.otherSide)
    out.push({
      type: 'Feature',
      properties: {
        ...common,
        part: sides.second.part,
        area_km2: sides.second.areaKm2,
        fraction: sides.second.fraction,
      },
      geometry: p.otherSide,
    });
  if (p.line)
    out.push({
      type: 'Feature',
      properties: {
        ...common,
        part: 'cut-line',
        requested_bearing_deg: p.bearingDeg,
        measured_bearing_deg: p.measuredBearingDeg,
        length_km: p.lineLengthKm,
        border_length_km: p.borderLengthKm,
        ...lineProps,
      },
      geometry: p.line,
    });
  return out;
}

/** What every option export carries: where the figures come from and which data made them. */
export interface ExportMeta {
  sources: ExportSource[];
  generated: string;
  dataVersion: string;
  /** The option's sea by the equidistance method, when it has been computed (the Sea layer); else left out. */
  sea?: SeaResult | null;
  /** The zones' outer limits, the same for every option: 200 nm from the four islands, 12 nm from every coast. */
  seaLimits?: { limit200nm: Position[] | null; limit12nm: MultiLineString | null } | null;
}

/** The sea figures of an option as export properties (km², shares; computed, not an agreed boundary). */
function seaProperties(sea: SeaResult): Record<string, unknown> {
  return {
    method: 'equidistance on WGS84 from normal baselines (computed, not an agreed boundary)',
    region_km2: r6(sea.regionM2 / 1e6),
    japan_km2: r6(sea.japanM2 / 1e6),
    russia_km2: r6(sea.russiaM2 / 1e6),
    japan_share: r6(sea.japanShare),
    territorial_sea: {
      japan_km2: r6(sea.territorialSea.japanM2 / 1e6),
      russia_km2: r6(sea.territorialSea.russiaM2 / 1e6),
    },
    straits: sea.straits,
  };
}

const sourceText = (s: ExportSource) => (s.url ? `${s.title} <${s.url}>` : s.title);
const NAME_KEYS = ['name_en', 'name_ja', 'name_ja_latn', 'name_ru', 'name_ru_latn'] as const;
const r6 = (v: number) => +v.toFixed(6);

/**
 * An option as GeoJSON, for every option (also those that cut nothing): each island's part on each side
 * as a feature (`side`, `island`, `status` whole or cut, `km2` on the option's basis, `share_of_island`,
 * the island's names), the partition line where there is one, and the option, basis, figures, data
 * version and sources in the collection's properties (a foreign member, RFC 7946 section 6.1).
 */
export function optionGeoJson(
  r: OptionResult,
  islandFeature: (id: string) => Feature<MultiPolygon> | undefined,
  meta: ExportMeta,
): FeatureCollection & { properties: Record<string, unknown> } {
  const features: Feature[] = [];
  for (const i of r.perIsland) {
    const f = islandFeature(i.id);
    if (!f) continue;
    const names = Object.fromEntries(NAME_KEYS.map((k) => [k, f.properties?.[k] ?? null]));
    const common = { option: r.id, basis: r.basis, island: i.id, ...names };
    const cut = r.cut && r.cut.island === i.id && r.cut.partition.japanSide && r.cut.partition.otherSide ? r.cut : null;
    if (cut) {
      features.push({
        type: 'Feature',
        properties: {
          ...common,
          side: 'japan',
          status: 'cut',
          km2: r6(i.toJapanKm2),
          share_of_island: r6(i.fractionToJapan),
        },
        geometry: cut.partition.japanSide!,
      });
      features.push({
        type: 'Feature',
        properties: {
          ...common,
          side: 'russia',
          status: 'cut',
          km2: r6(i.toRussiaKm2),
          share_of_island: r6(1 - i.fractionToJapan),
        },
        geometry: cut.partition.otherSide!,
      });
    } else {
      const side = i.fractionToJapan >= 0.5 ? 'japan' : 'russia';
      features.push({
        type: 'Feature',
        properties: { ...common, side, status: 'whole', km2: r6(i.areaKm2), share_of_island: 1 },
        geometry: f.geometry,
      });
    }
  }
  if (r.cut?.line) {
    features.push({
      type: 'Feature',
      properties: {
        option: r.id,
        basis: r.basis,
        island: r.cut.island,
        part: 'partition-line',
        requested_bearing_deg: r.cut.requestedBearingDeg,
        bearing_rule: r.cut.bearingRule,
        measured_bearing_deg: r.cut.measuredBearingDeg,
        length_km: r.cut.lineLengthKm,
        border_length_km: r.cut.borderLengthKm,
      },
      geometry: r.cut.line,
    });
  }
  if (meta.sea) {
    features.push({
      type: 'Feature',
      properties: {
        option: r.id,
        part: 'maritime-boundary',
        method: 'equidistance (computed, not an agreed boundary)',
      },
      geometry: meta.sea.boundary,
    });
    // With the boundary, the limits delineate the zones: each side's waters within 200 nm, territorial seas within
    // 12 nm.
    const lim = meta.seaLimits;
    if (lim?.limit200nm)
      features.push({
        type: 'Feature',
        properties: {
          option: r.id,
          part: 'limit-200nm',
          method: "370.4 km from the four islands' coasts (normal baselines)",
        },
        geometry: { type: 'LineString', coordinates: lim.limit200nm },
      });
    if (lim?.limit12nm)
      features.push({
        type: 'Feature',
        properties: { option: r.id, part: 'limit-12nm', method: '22.224 km from every coast (normal baselines)' },
        geometry: lim.limit12nm,
      });
  }
  return {
    type: 'FeatureCollection',
    properties: {
      ...(meta.sea ? { sea: seaProperties(meta.sea) } : {}),
      option: r.id,
      option_name: r.name,
      basis: r.basis,
      total_km2: r6(r.totalKm2),
      japan_km2: r6(r.japanKm2),
      russia_km2: r6(r.russiaKm2),
      japan_share: r6(r.japanShare),
      islands_to_japan: r.islandsToJapan,
      cut_island: r.cut?.island ?? null,
      status: 'Disputed: administered by Russia, claimed by Japan',
      data_version: meta.dataVersion,
      generated: meta.generated,
      sources: meta.sources.map(sourceText),
    },
    features,
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote every text cell; neutralise spreadsheet formulas in text (=, +, -, @ at the start).
  return typeof v === 'number' ? s : `"${(/^[=+\-@]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"`;
};

/** One row per option (its totals): the table as shown on the page. The download is optionIslandsCsv. */
export function optionsCsv(results: OptionResult[], proposedBy: Record<string, string>): string {
  const head = [
    'option',
    'name',
    'basis',
    'japan_km2',
    'russia_km2',
    'japan_share_percent',
    'islands_to_japan',
    'cut_island',
    'cut_island_fraction_percent',
    'cut_bearing_requested_deg',
    'cut_bearing_measured_deg',
    'cut_border_km',
    'proposed_by',
  ];
  const rows = results.map((r) => [
    r.id,
    r.name,
    r.basis,
    +r.japanKm2.toFixed(4),
    +r.russiaKm2.toFixed(4),
    +(r.japanShare * 100).toFixed(4),
    r.islandsToJapan.join(' '),
    r.cut?.island ?? '',
    r.cut ? +(r.cut.islandFractionToJapan * 100).toFixed(4) : '',
    r.cut ? +r.cut.requestedBearingDeg.toFixed(2) : '',
    r.cut?.measuredBearingDeg != null ? +r.cut.measuredBearingDeg.toFixed(2) : '',
    r.cut ? +r.cut.borderLengthKm.toFixed(3) : '',
    proposedBy[r.id] ?? '',
  ]);
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The options table with one row per option and island: whole or cut, km² and share on each side (on
 * the option's basis), the line's bearings and border for a cut island, the option's total share, the
 * data version and the sources.
 */
export function optionIslandsCsv(
  results: OptionResult[],
  meta: {
    dataVersion: string;
    generated: string;
    sources: (r: OptionResult) => ExportSource[];
    proposedBy?: Record<string, string>;
    /** Japan's share of the sea per option id, where computed (the Sea layer); empty cells otherwise. */
    seaJapanShare?: Record<string, number>;
  },
): string {
  const head = [
    'option',
    'option_name',
    'basis',
    'island',
    'status',
    'island_km2',
    'japan_km2',
    'russia_km2',
    'japan_share_of_island_percent',
    'russia_share_of_island_percent',
    'cut_bearing_requested_deg',
    'cut_bearing_measured_deg',
    'cut_border_km',
    'option_japan_share_percent',
    'option_sea_japan_share_percent',
    'proposed_by',
    'data_version',
    'generated',
    'sources',
  ];
  const seaShare = (id: string) => {
    const share = meta.seaJapanShare?.[id];
    return share !== undefined ? +(share * 100).toFixed(4) : '';
  };
  const rows = results.flatMap((r) =>
    r.perIsland.map((i) => {
      const cut = r.cut?.island === i.id ? r.cut : null;
      return [
        r.id,
        r.name,
        r.basis,
        i.id,
        cut ? 'cut' : 'whole',
        +i.areaKm2.toFixed(4),
        +i.toJapanKm2.toFixed(4),
        +i.toRussiaKm2.toFixed(4),
        +(i.fractionToJapan * 100).toFixed(4),
        +((1 - i.fractionToJapan) * 100).toFixed(4),
        cut ? +cut.requestedBearingDeg.toFixed(2) : '',
        cut?.measuredBearingDeg != null ? +cut.measuredBearingDeg.toFixed(2) : '',
        cut ? +cut.borderLengthKm.toFixed(3) : '',
        +(r.japanShare * 100).toFixed(4),
        seaShare(r.id),
        meta.proposedBy?.[r.id] ?? '',
        meta.dataVersion,
        meta.generated,
        meta.sources(r).map(sourceText).join('; '),
      ];
    }),
  );
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The user's imported points under one option, one row each in the order imported: position, the island it
 * lies on (empty off the four islands) and the side it would fall on under this option (empty off them),
 * with the option, its basis and share, the data version, the date and the sources.
 */
export function userPointsCsv(
  points: PointSet,
  where: { island: (string | null)[]; side: ('japan' | 'russia' | null)[] },
  r: OptionResult,
  meta: { dataVersion: string; generated: string; sources: ExportSource[] },
): string {
  const head = [
    'id',
    'lon',
    'lat',
    'island',
    'side_under_option',
    'option',
    'option_name',
    'basis',
    'option_japan_share_percent',
    'cut_island',
    'cut_bearing_requested_deg',
    'data_version',
    'generated',
    'sources',
  ];
  const fixed = [
    r.id,
    r.name,
    r.basis,
    +(r.japanShare * 100).toFixed(4),
    r.cut?.island ?? '',
    r.cut ? +r.cut.requestedBearingDeg.toFixed(2) : '',
    meta.dataVersion,
    meta.generated,
    meta.sources.map(sourceText).join('; '),
  ].map(csvCell);
  const lines = [head.map(csvCell).join(',')];
  for (let i = 0; i < points.n; i++)
    lines.push(
      [
        csvCell(pointIdAt(points, i)),
        points.lonlat[2 * i]!,
        points.lonlat[2 * i + 1]!,
        csvCell(where.island[i] ?? ''),
        csvCell(where.side[i] ?? ''),
        ...fixed,
      ].join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
