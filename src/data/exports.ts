/** Export builders: GeoJSON of an option's parts and line, CSV of the options table. Pure. */
import type { Feature, FeatureCollection } from 'geojson';
import type { OptionResult } from '../geo/shares.ts';

export interface ExportSource { title: string; url: string | null }

export function optionGeoJson(r: OptionResult, sources: ExportSource[], generated: string): FeatureCollection {
  const common = { option: r.id, option_name: r.name, basis: r.basis, generated, sources: sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)) };
  const features: Feature[] = [];
  if (r.cut) {
    const p = r.cut.partition;
    const island = r.perIsland.find((i) => i.id === r.cut!.island)!;
    if (p.japanSide) features.push({ type: 'Feature', properties: { ...common, part: 'japan-side', island: island.id, area_km2: island.toJapanKm2, island_fraction: r.cut.islandFractionToJapan }, geometry: p.japanSide });
    if (p.otherSide) features.push({ type: 'Feature', properties: { ...common, part: 'russia-side', island: island.id, area_km2: island.toRussiaKm2, island_fraction: 1 - r.cut.islandFractionToJapan }, geometry: p.otherSide });
    if (r.cut.line) features.push({ type: 'Feature', properties: { ...common, part: 'cut-line', island: island.id, bearing_deg: r.cut.bearingDeg, length_km: r.cut.lineLengthKm, japan_share_of_total: r.japanShare, japan_km2: r.japanKm2, russia_km2: r.russiaKm2 }, geometry: r.cut.line });
  }
  return { type: 'FeatureCollection', features };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote every text cell; neutralise spreadsheet formulas in text (=, +, -, @ at the start).
  return typeof v === 'number' ? s : `"${(/^[=+\-@]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"`;
};

export function optionsCsv(results: OptionResult[], proposedBy: Record<string, string>): string {
  const head = ['option', 'name', 'basis', 'japan_km2', 'russia_km2', 'japan_share_percent', 'islands_to_japan', 'cut_island', 'cut_island_fraction_percent', 'cut_bearing_deg', 'proposed_by'];
  const rows = results.map((r) => [
    r.id, r.name, r.basis, +r.japanKm2.toFixed(4), +r.russiaKm2.toFixed(4), +(r.japanShare * 100).toFixed(4), r.islandsToJapan.join(' '),
    r.cut?.island ?? '', r.cut ? +(r.cut.islandFractionToJapan * 100).toFixed(4) : '', r.cut ? +r.cut.bearingDeg.toFixed(2) : '', proposedBy[r.id] ?? '',
  ]);
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
