/** Details of one island: names in both conventions, geodesic and official areas, populations. */
import type { Feature, MultiPolygon } from 'geojson';
import { useMemo } from 'react';
import { islandAreaStats } from '../geo/island-stats.ts';
import { officialAreaKm2, officialAreaSource, populationOf, populationSource } from '../data/tables.ts';
import { islandName, useT } from '../i18n/index.ts';
import { SourceLink } from './SourceLink.tsx';

export function IslandPanel({ feature, onClose }: { feature: Feature<MultiPolygon>; onClose: () => void }) {
  const { t, lang, f } = useT();
  const p = feature.properties ?? {};
  const id = String(p.id);
  const stats = useMemo(() => islandAreaStats(feature, officialAreaKm2(id)), [feature, id]);
  const pop = populationOf(id);
  const isletKm2 = stats.totalKm2 - stats.countedKm2;
  // English keeps the data's own name ("Habomai Islands"); Japanese and Russian name the island in their
  // convention, the other in brackets.
  const title = lang === 'en' ? String(p.name_en) : (islandName(t, id) ?? String(p.name_en));
  const status =
    typeof p.status === 'string'
      ? /^disputed: administered by Russia, claimed by Japan$/i.test(p.status) && lang !== 'en'
        ? t('status.disputed')
        : p.status
      : null;
  return (
    <section className="panel" aria-labelledby="island-panel-title" data-testid="island-panel">
      <header className="panel-head">
        <h2 id="island-panel-title">{title}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('island.close')}>
          ×
        </button>
      </header>
      <dl className="names">
        <dt>{t('common.japanese')}</dt>
        <dd lang="ja">
          {String(p.name_ja)} <span className="latn">{String(p.name_ja_latn)}</span>
        </dd>
        <dt>{t('common.russian')}</dt>
        <dd lang="ru">
          {String(p.name_ru)} <span className="latn">{String(p.name_ru_latn)}</span>
        </dd>
        {status !== null && (
          <>
            <dt>{t('island.status')}</dt>
            <dd>{status}</dd>
          </>
        )}
      </dl>
      <h3>{t('island.area')}</h3>
      <dl className="figures">
        <dt>{t('island.computed')}</dt>
        <dd data-testid="geodesic-area">{f.km2(stats.totalKm2)}</dd>
        <dt>{t('island.official')}</dt>
        <dd data-testid="official-area">
          {stats.officialKm2 != null ? f.km2(stats.officialKm2) : '—'} <SourceLink source={officialAreaSource(id)} />
        </dd>
        <dt>{isletKm2 > 0 ? t('island.differenceSameLand') : t('island.difference')}</dt>
        <dd data-testid="area-diff">{stats.diffPercent != null ? f.pct(stats.diffPercent, 2, true) : '—'}</dd>
      </dl>
      {isletKm2 > 0 && (
        <p className="fine" data-testid="islets-note">
          {t('island.isletsNote', {
            n: f.int(stats.partCount - stats.countedPartCount),
            km2: f.km2(isletKm2),
            without: f.km2(stats.countedKm2),
          })}
        </p>
      )}
      <p className="fine">{t('island.method')}</p>
      {pop && (
        <>
          <h3>{t('island.population')}</h3>
          <dl className="figures">
            <dt>{t('island.japanese1945')}</dt>
            <dd>
              {f.int(pop.japanese_1945)} <SourceLink source={populationSource('japanese_1945')} />
            </dd>
            <dt>{t('island.russian2023')}</dt>
            <dd>
              {f.int(pop.russian_2023)} <SourceLink source={populationSource('russian_2023')} />
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
