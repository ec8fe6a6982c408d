/** Details of one island: names in both conventions, geodesic and official areas, populations. */
import type { Feature, MultiPolygon } from 'geojson';
import { useMemo } from 'react';
import { islandAreaStats } from '../geo/island-stats.ts';
import { officialAreaKm2, officialAreaSource, populationOf, populationSource } from '../data/tables.ts';
import { fmtInt, fmtKm2, fmtPct } from './format.ts';
import { SourceLink } from './SourceLink.tsx';

export function IslandPanel({ feature, onClose }: { feature: Feature<MultiPolygon>; onClose: () => void }) {
  const p = feature.properties ?? {};
  const id = String(p.id);
  const stats = useMemo(() => islandAreaStats(feature, officialAreaKm2(id)), [feature, id]);
  const pop = populationOf(id);
  const isletKm2 = stats.totalKm2 - stats.countedKm2;
  return (
    <section className="panel" aria-labelledby="island-panel-title" data-testid="island-panel">
      <header className="panel-head">
        <h2 id="island-panel-title">{String(p.name_en)}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close island details">×</button>
      </header>
      <dl className="names">
        <dt>Japanese</dt><dd lang="ja">{String(p.name_ja)} <span className="latn">{String(p.name_ja_latn)}</span></dd>
        <dt>Russian</dt><dd lang="ru">{String(p.name_ru)} <span className="latn">{String(p.name_ru_latn)}</span></dd>
        {typeof p.status === 'string' && (<><dt>Status</dt><dd>{p.status}</dd></>)}
      </dl>
      <h3>Area</h3>
      <dl className="figures">
        <dt>Computed (WGS84 ellipsoid)</dt>
        <dd data-testid="geodesic-area">{fmtKm2(stats.totalKm2)}</dd>
        <dt>Official (GSI 2025)</dt>
        <dd data-testid="official-area">
          {stats.officialKm2 != null ? fmtKm2(stats.officialKm2) : '—'} <SourceLink source={officialAreaSource(id)} />
        </dd>
        <dt>Difference{isletKm2 > 0 ? ' (same land as GSI)' : ''}</dt>
        <dd data-testid="area-diff">{stats.diffPercent != null ? fmtPct(stats.diffPercent, 2, true) : '—'}</dd>
      </dl>
      {isletKm2 > 0 && (
        <p className="fine" data-testid="islets-note">
          The computed figure, used for every share on this page, includes {stats.partCount - stats.countedPartCount} small
          islet(s) of {fmtKm2(isletKm2)} that GSI counts outside its figure for this island. Without them:{' '}
          {fmtKm2(stats.countedKm2)}, the land compared with GSI's figure above.
        </p>
      )}
      <p className="fine">
        Computed from OpenStreetMap-derived coastlines (generalised) with lakes filled; the official figure is a satellite survey.
      </p>
      {pop && (
        <>
          <h3>Population</h3>
          <dl className="figures">
            <dt>Japanese residents, 15 Aug 1945</dt>
            <dd>{fmtInt(pop.japanese_1945)} <SourceLink source={populationSource('japanese_1945')} /></dd>
            <dt>Russian residents, 1 Jan 2023</dt>
            <dd>{fmtInt(pop.russian_2023)} <SourceLink source={populationSource('russian_2023')} /></dd>
          </dl>
        </>
      )}
    </section>
  );
}
