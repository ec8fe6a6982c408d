/**
 * On online.html: says on the map when the basemap's tiles cannot be reached (offline, blocked, server
 * down). The land, the option and every figure come from this computer's data and stay drawn; only the
 * raster background is missing, and the land fills the basemap replaces (Hokkaido, the other land) are put
 * back. Clears itself when tiles load again. A child of the map (react-map-gl); AtlasMap tracks the state.
 */

import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { KIND, LAYERS, ofKind } from './style.ts';
import { useT } from '../i18n/index.ts';

/** The land fills of the offline style, under Hokkaido's outline: drawn again when the basemap is missing. */
export function restoreLand(map: MaplibreMap): void {
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

/**
 * Whether a map event says the basemap's tiles failed (an `error` of its source) or came back (a `sourcedata`
 * event with a loaded tile). AtlasMap passes these through the Map's own event props, which react-map-gl
 * attaches when the map is created: an effect in a child subscribes later and can miss the first errors.
 */
export function basemapTileFailed(e: { sourceId?: string }, sourceId = 'basemap'): boolean {
  return e.sourceId === sourceId;
}
export function basemapTileLoaded(e: { sourceId?: string; tile?: unknown }, sourceId = 'basemap'): boolean {
  return e.sourceId === sourceId && (e.tile as { state?: string } | undefined)?.state === 'loaded';
}

/**
 * `strings`: by default in the interface language (src/i18n, key basemapStatus); BASEMAP_STATUS_STRINGS is
 * the English.
 */
export function BasemapStatus({
  host,
  failed,
  strings: given,
}: {
  host: string;
  failed: boolean;
  strings?: typeof BASEMAP_STATUS_STRINGS;
}) {
  const { t } = useT();
  const strings = given ?? { unreachable: (h: string) => t('basemapStatus.unreachable', { host: h }) };
  if (!failed) return null;
  return (
    <div className="map-status" role="status" data-testid="basemap-status">
      {strings.unreachable(host)}
    </div>
  );
}
