/** The page: loads and validates the data, keeps the user's choices, lays out map and side panel. */
import { useEffect, useMemo, useState } from 'react';
import type { Feature, MultiPolygon } from 'geojson';
import { AtlasMap } from '../map/AtlasMap.tsx';
import { loadLayer, type LayerState } from '../data/load-layers.ts';
import type { LayerName } from '../data/schemas.ts';
import type { LabelLanguage } from '../geo/names.ts';
import { labelText } from '../geo/names.ts';
import { IslandPanel } from './IslandPanel.tsx';
import { LanguageControl } from './LanguageControl.tsx';
import { DataProblems } from './DataProblems.tsx';

const LAYER_NAMES: LayerName[] = ['islands', 'hokkaido', 'context'];

export function App() {
  const [layers, setLayers] = useState<Record<LayerName, LayerState>>({
    islands: { status: 'loading' }, hokkaido: { status: 'loading' }, context: { status: 'loading' },
  });
  const [language, setLanguage] = useState<LabelLanguage>('both');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    for (const name of LAYER_NAMES) {
      loadLayer(name).then((state) => live && setLayers((prev) => ({ ...prev, [name]: state })));
    }
    return () => { live = false; };
  }, []);

  const data = (n: LayerName) => { const s = layers[n]; return s.status === 'ok' ? s.data : null; };
  const islands = data('islands');
  const problems = LAYER_NAMES.flatMap((n) => { const s = layers[n]; return s.status === 'error' ? s.problems : []; });
  const selected = useMemo(
    () => (islands?.features.find((f) => f.properties?.id === selectedId) as Feature<MultiPolygon> | undefined) ?? null,
    [islands, selectedId],
  );

  return (
    <div className="app">
      <aside className="side" aria-label="Controls and details">
        <header>
          <h1>Disputed islands atlas</h1>
          <p className="sub">
            Etorofu/Iturup, Kunashiri/Kunashir, Shikotan and the Habomai group: administered by Russia, claimed by Japan (disputed).
          </p>
        </header>
        <DataProblems problems={problems} />
        <LanguageControl value={language} onChange={setLanguage} />
        {islands && (
          <nav aria-label="Islands">
            <ul className="island-list">
              {islands.features.map((f) => (
                <li key={String(f.properties?.id)}>
                  <button type="button" aria-pressed={f.properties?.id === selectedId}
                    onClick={() => setSelectedId(String(f.properties?.id))} data-island={String(f.properties?.id)}>
                    {labelText(f.properties ?? {}, language).replace('\n', ' · ')}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {selected ? (
          <IslandPanel feature={selected} onClose={() => setSelectedId(null)} />
        ) : (
          <p className="hint">Click an island on the map, or choose it above, to see its areas and population.</p>
        )}
      </aside>
      <main className="map-wrap">
        <AtlasMap islands={islands} hokkaido={data('hokkaido')} context={data('context')}
          language={language} selectedId={selectedId} onSelect={setSelectedId} />
      </main>
    </div>
  );
}
