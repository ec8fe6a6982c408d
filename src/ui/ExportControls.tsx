/** The map image controls: a size and the two formats. The figure is made by map-export.ts. */
import { useMemo, useState } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import { FIGURE_SIZES, type FigureInput, type FigureSize } from './export-figure.ts';
import { ATLAS_MAP_ID } from '../map/AtlasMap.tsx';
import { downloadBlob, makeMapFigure, mapView } from './map-export.ts';
import { exportStrings, type ExportStrings } from './export-strings.ts';
import { useT } from '../i18n/index.ts';
import { errorMessage } from '../data/error-message.ts';

/**
 * `input`: the figure's data for the map's current view; the map is the page's (react-map-gl's MapProvider).
 * `strings`: the exports' words; by default those of the interface language.
 */
export function ExportControls({
  input,
  fileBase,
  strings: given,
}: {
  input: (view: FigureInput['view']) => FigureInput;
  fileBase: string;
  strings?: ExportStrings;
}) {
  const { lang } = useT();
  const map = useMap()[ATLAS_MAP_ID];
  const ownStrings = useMemo(() => exportStrings(lang), [lang]);
  const strings = given ?? ownStrings;
  const [size, setSize] = useState<FigureSize>('current');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async (format: 'png' | 'svg') => {
    const m = map?.getMap();
    if (!m) return;
    const i = input(mapView(m));
    setBusy(true);
    try {
      const f = await makeMapFigure(format, size, i, fileBase, strings);
      setError(null);
      downloadBlob(f.blob, f.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="exports map-export" data-testid="map-export" aria-busy={busy}>
      <legend>{strings.controls.legend}</legend>
      <label>
        {strings.controls.size}{' '}
        <select value={size} data-testid="figure-size" onChange={(e) => setSize(e.target.value as FigureSize)}>
          {FIGURE_SIZES.map((s) => (
            <option key={s} value={s}>
              {strings.controls.sizes[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="export-png" onClick={() => void go('png')} disabled={busy}>
        {strings.controls.png}
      </button>
      <button type="button" data-testid="export-svg" onClick={() => void go('svg')} disabled={busy}>
        {strings.controls.svg}
      </button>
      {busy && (
        <span className="fine" role="status">
          {strings.controls.busy}
        </span>
      )}
      {error && (
        <div className="problems" role="alert">
          {strings.controls.failed(error)}
        </div>
      )}
    </fieldset>
  );
}
