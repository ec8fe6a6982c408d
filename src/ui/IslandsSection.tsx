/** The islands section: place names' convention, the map's layers, the basemap, the list of islands. */
import type { Dispatch } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { labelText } from '../map/names.ts';
import { BASEMAPS, pageFor, type BasemapId } from '../map/basemap.ts';
import { DEFAULT_STATE, LAYER_IDS, serializeUrlState, type UrlState } from '../state/url-state.ts';
import type { Action } from '../state/store.ts';
import { useT } from '../i18n/index.ts';
import { LanguageControl } from './LanguageControl.tsx';
import { PartBoundary } from './ErrorBoundary.tsx';

export function IslandsSection({
  link,
  islands,
  basemap,
  dispatch,
}: {
  link: UrlState;
  islands: FeatureCollection<Geometry> | null;
  /** The basemap shown (online.html only), or null. */
  basemap: BasemapId | null;
  dispatch: Dispatch<Action>;
}) {
  const { t } = useT();
  const update = (patch: Partial<UrlState>) => dispatch({ type: 'link', patch });
  // The basemap is fixed for the life of a page: switching loads the other page, with the same link.
  const switchBasemap = (b: BasemapId | null) =>
    location.assign(pageFor(b, serializeUrlState({ ...link, basemap: b })));
  return (
    <PartBoundary
      part="islands"
      title={t('parts.islands')}
      onReset={() => update({ island: null, lang: DEFAULT_STATE.lang, layers: [...DEFAULT_STATE.layers] })}
    >
      <section aria-labelledby="islands-title">
        <h2 id="islands-title">{t('app.islandsTitle')}</h2>
        <LanguageControl value={link.lang} onChange={(lang) => update({ lang })} />
        <fieldset className="segmented" data-testid="layer-control">
          <legend>{t('app.mapLayers')}</legend>
          {LAYER_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={link.layers.includes(id)}
                onChange={(e) =>
                  update({ layers: e.target.checked ? [...link.layers, id] : link.layers.filter((l) => l !== id) })
                }
              />
              {t(`layers.${id}`)}
            </label>
          ))}
        </fieldset>
        <label className="basemap-control">
          {t('app.basemap')}{' '}
          <select
            value={basemap ?? 'off'}
            data-testid="basemap-select"
            onChange={(e) => switchBasemap(e.target.value === 'off' ? null : (e.target.value as BasemapId))}
          >
            <option value="off">{t('app.basemapOff')}</option>
            {(Object.keys(BASEMAPS) as BasemapId[]).map((b) => (
              <option key={b} value={b}>
                {BASEMAPS[b].label}
              </option>
            ))}
          </select>
        </label>
        <p className="fine" data-testid="basemap-note">
          {basemap ? t('app.basemapOn', { host: BASEMAPS[basemap].host }) : t('app.basemapNote')}
        </p>
        {islands && (
          <ul className="island-list">
            {islands.features.map((f) => (
              <li key={String(f.properties?.id)}>
                <button
                  type="button"
                  aria-pressed={f.properties?.id === link.island}
                  onClick={() => update({ island: String(f.properties?.id) })}
                  data-island={String(f.properties?.id)}
                >
                  {labelText(f.properties ?? {}, link.lang).replace('\n', ' · ')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {!link.island && <p className="hint">{t('app.islandHint')}</p>}
      </section>
    </PartBoundary>
  );
}
