/**
 * On online.html: says on the map when the basemap's tiles cannot be reached (offline, blocked, server
 * down). The land, the option and every figure come from this computer's data and stay drawn; only the
 * raster background is missing, and the land fills the basemap replaces (Hokkaido, the other land) are put
 * back. Clears itself when tiles load again. A child of the map (react-map-gl).
 */

import { useEffect, useState } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import type { LayerSpecification, Map as MaplibreMap, MapSourceDataEvent, MapStyleDataEvent } from 'maplibre-gl';
import { KIND, LAYERS, ofKind } from './style.ts';
import { useT } from '../i18n/index.ts';

/** The land fills of the offline style, under Hokkaido's outline: drawn again when the basemap is missing. */
function restoreLand(map: MaplibreMap): void {
  const before = map.getLayer(LAYERS.hokkaidoLine.id) ? LAYERS.hokkaidoLine.id : undefined;
  for (const [layer, kind] of [
    [LAYERS.contextFill, KIND.context],
    [LAYERS.contextLine, KIND.context],
    [LAYERS.hokkaidoFill, KIND.hokkaido],
  ] as const) {
    if (!map.getLayer(layer.id) && map.getSource('land'))
      map.addLayer({ ...ofKind(layer, kind), source: 'land' } as LayerSpecification, before);
  }
}

export const BASEMAP_STATUS_STRINGS = {
  unreachable: (host: string) =>
    `The basemap's tiles cannot be reached (${host}): no network, or the server is blocked or down. ` +
    'The land, the options and every figure are drawn from the data on this computer.',
};

const STYLE: React.CSSProperties = {
  position: 'absolute',
  left: '50%',
  bottom: 40,
  transform: 'translateX(-50%)',
  zIndex: 3,
  maxWidth: 'min(90%, 520px)',
  background: '#fff8c5',
  border: '1px solid #bf8700',
  borderRadius: 8,
  padding: '6px 10px',
  fontSize: 13,
  lineHeight: 1.35,
  color: '#1f2328',
};

/**
 * `strings`: by default in the interface language (src/i18n, key basemapStatus); BASEMAP_STATUS_STRINGS is
 * the English.
 */
export function BasemapStatus({
  host,
  sourceId = 'basemap',
  strings: given,
}: {
  host: string;
  sourceId?: string;
  strings?: typeof BASEMAP_STATUS_STRINGS;
}) {
  const { t } = useT();
  const strings = given ?? { unreachable: (h: string) => t('basemapStatus.unreachable', { host: h }) };
  const { current } = useMap();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    const onError = (e: { sourceId?: string; error?: unknown }) => {
      if (e.sourceId === sourceId) {
        setFailed(true);
        restoreLand(map);
      }
    };
    // A tile of the basemap that did load: the server is reachable (again).
    const onData = (e: MapSourceDataEvent | MapStyleDataEvent) => {
      if (
        e.dataType === 'source' &&
        e.sourceId === sourceId &&
        e.tile &&
        (e.tile as { state?: string }).state === 'loaded'
      )
        setFailed(false);
    };
    map.on('error', onError);
    map.on('data', onData);
    return () => {
      map.off('error', onError);
      map.off('data', onData);
    };
  }, [current, sourceId]);
  if (!failed) return null;
  return (
    <div className="basemap-status" role="status" data-testid="basemap-status" style={STYLE}>
      {strings.unreachable(host)}
    </div>
  );
}
