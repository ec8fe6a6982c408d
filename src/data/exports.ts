/** Export builders: GeoJSON of an option's parts and line, CSV of the options table. Pure. */
import type { Feature, FeatureCollection } from 'geojson';
import type { OptionResult } from '../geo/shares.ts';
import type { PartitionResult } from '../geo/partition.ts';

export interface ExportSource { title: string; url: string | null }

/**
 * The two parts of a partition and its line as GeoJSON features. `sides` names the parts and gives
 * each part's area (an option reports areas on its basis; a user's territory its own areas).
 */
export function partitionFeatures(
  p: PartitionResult, common: Record<string, unknown>,
  sides: { first: { part: string; areaKm2: number; fraction: number }; second: { part: string; areaKm2: number; fraction: number } },
  lineProps: Record<string, unknown> = {},
): Feature[] {
  const out: Feature[] = [];
  if (p.japanSide) out.push({ type: 'Feature', properties: { ...common, part: sides.first.part, area_km2: sides.first.areaKm2, fraction: sides.first.fraction }, geometry: p.japanSide });
  if (p.otherSide) out.push({ type: 'Feature', properties: { ...common, part: sides.second.part, area_km2: sides.second.areaKm2, fraction: sides.second.fraction }, geometry: p.otherSide });
  if (p.line) out.push({ type: 'Feature', properties: { ...common, part: 'cut-line', requested_bearing_deg: p.bearingDeg, measured_bearing_deg: p.measuredBearingDeg, length_km: p.lineLengthKm, border_length_km: p.borderLengthKm, ...lineProps }, geometry: p.line });
  return out;
}

export function optionGeoJson(r: OptionResult, sources: ExportSource[], generated: string): FeatureCollection {
  if (!r.cut) return { type: 'FeatureCollection', features: [] };
  const island = r.perIsland.find((i) => i.id === r.cut!.island)!;
  const common = { option: r.id, option_name: r.name, basis: r.basis, island: island.id, generated, sources: sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)) };
  return {
    type: 'FeatureCollection',
    features: partitionFeatures(r.cut.partition, common, {
      first: { part: 'japan-side', areaKm2: island.toJapanKm2, fraction: r.cut.islandFractionToJapan },
      second: { part: 'russia-side', areaKm2: island.toRussiaKm2, fraction: 1 - r.cut.islandFractionToJapan },
    }, { japan_share_of_total: r.japanShare, japan_km2: r.japanKm2, russia_km2: r.russiaKm2 }),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote every text cell; neutralise spreadsheet formulas in text (=, +, -, @ at the start).
  return typeof v === 'number' ? s : `"${(/^[=+\-@]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"`;
};

export function optionsCsv(results: OptionResult[], proposedBy: Record<string, string>): string {
  const head = ['option', 'name', 'basis', 'japan_km2', 'russia_km2', 'japan_share_percent', 'islands_to_japan', 'cut_island', 'cut_island_fraction_percent', 'cut_bearing_requested_deg', 'cut_bearing_measured_deg', 'cut_border_km', 'proposed_by'];
  const rows = results.map((r) => [
    r.id, r.name, r.basis, +r.japanKm2.toFixed(4), +r.russiaKm2.toFixed(4), +(r.japanShare * 100).toFixed(4), r.islandsToJapan.join(' '),
    r.cut?.island ?? '', r.cut ? +(r.cut.islandFractionToJapan * 100).toFixed(4) : '', r.cut ? +r.cut.requestedBearingDeg.toFixed(2) : '', r.cut?.measuredBearingDeg != null ? +r.cut.measuredBearingDeg.toFixed(2) : '',
    r.cut ? +r.cut.borderLengthKm.toFixed(3) : '', proposedBy[r.id] ?? '',
  ]);
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
