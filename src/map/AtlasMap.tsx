/** The map: draws what the core computed; holds no geometry logic of its own. */
import { useEffect, useMemo, useRef } from 'react';
import Map, { AttributionControl, Layer, Marker, NavigationControl, ScaleControl, Source, type MapRef, type MapLayerMouseEvent } from 'react-map-gl/maplibre';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { BASE_STYLE, HOME_BOUNDS, LAYERS, KIND, ofKind } from './style.ts';
import { BASEMAPS, type BasemapId } from './basemap.ts';
import { labelPoint } from '../geo/label-point.ts';
import { labelText, type LabelLanguage } from '../geo/names.ts';
// MapLibre 6 starts its worker from a separate module; Vite must emit it and tell MapLibre where it is.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// Imported statically (a chunk of its own, loaded by the HTML beside the app) so that it downloads in
// parallel with the app, and its workers start while the data loads.
import * as maplibregl from 'maplibre-gl';

maplibregl.setWorkerUrl(maplibreWorkerUrl);
maplibregl.prewarm();

export const ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · Official areas: GSI / MLIT';

export interface AtlasMapProps {
  islands: FeatureCollection<Geometry> | null;
  hokkaido: FeatureCollection<Geometry> | null;
  context: FeatureCollection<Geometry> | null;
  language: LabelLanguage;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  optionAreas?: FeatureCollection | null;
  cutLine?: FeatureCollection | null;
  settlements?: FeatureCollection | null;
  showLabels?: boolean;
  sites?: FeatureCollection | null;
  rings?: FeatureCollection | null;
  onSelectSite?: (id: string) => void;
  userPoints?: FeatureCollection | null;
  onSelectUserPoint?: (id: string) => void;
  territory?: FeatureCollection | null;
  territoryLine?: FeatureCollection | null;
  focusBounds?: [[number, number], [number, number]] | null;
  basemap?: BasemapId | null;
  initialView?: { lon: number; lat: number; zoom: number } | null;
  onViewChange?: (v: { lon: number; lat: number; zoom: number }) => void;
}

declare global {
  interface Window { __atlas?: { map: MaplibreMap } }
}

export function AtlasMap({ islands, hokkaido, context, language, selectedId, onSelect, optionAreas, cutLine, settlements, showLabels = true, initialView, onViewChange, sites, rings, onSelectSite, userPoints, onSelectUserPoint, territory, territoryLine, focusBounds, basemap }: AtlasMapProps) {
  const ref = useRef<MapRef>(null);

  // Two GeoJSON sources instead of one per layer: every source finishes its tiles at its own moment and
  // each costs the map another frame, so the static land and the changing overlays travel together.
  const land = useMemo<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: [...tagged(context, KIND.context), ...tagged(hokkaido, KIND.hokkaido), ...tagged(islands, KIND.island)],
  }), [context, hokkaido, islands]);

  // Names and site marks are HTML over the map rather than WebGL text: the browser's own fonts
  // (kanji, Cyrillic), text that assistive technology can read, and no glyph work before the first frame.
  const labels = useMemo(() => [...(hokkaido?.features ?? []), ...(islands?.features ?? [])].map((f) => ({
    id: String(f.properties?.id), text: labelText(f.properties ?? {}, language), at: labelPoint(f.geometry as Polygon | MultiPolygon),
  })), [islands, hokkaido, language]);

  const overlay = useMemo<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: [
      ...tagged(optionAreas, KIND.optionArea), ...tagged(territory, KIND.territory), ...tagged(rings, KIND.ring),
      ...tagged(cutLine, KIND.cutLine), ...tagged(territoryLine, KIND.territoryLine), ...tagged(userPoints, KIND.userPoint),
    ],
  }), [optionAreas, territory, rings, cutLine, territoryLine, userPoints]);

  useEffect(() => { if (focusBounds) ref.current?.fitBounds(focusBounds, { padding: 40, duration: 0 }); }, [focusBounds]);

  const onClick = (e: MapLayerMouseEvent) => {
    // Site buttons are HTML over the map and handle their own clicks.
    if ((e.originalEvent?.target as Element | null)?.closest?.('.site-symbol')) return;
    const user = e.features?.find((f) => f.layer.id === LAYERS.userPoints.id);
    if (user && user.properties?.id != null) { onSelectUserPoint?.(String(user.properties.id)); return; }
    const id = e.features?.find((f) => f.layer.id === LAYERS.islandsFill.id)?.properties?.id;
    onSelect(typeof id === 'string' ? id : null);
  };

  return (
    <Map
      ref={ref}
      mapLib={maplibregl}
      mapStyle={BASE_STYLE}
      fadeDuration={0}
      initialViewState={initialView ? { longitude: initialView.lon, latitude: initialView.lat, zoom: initialView.zoom } : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: 20 } }}
      attributionControl={false}
      interactiveLayerIds={[LAYERS.islandsFill.id, ...(userPoints ? [LAYERS.userPoints.id] : [])]}
      onClick={onClick}
      onLoad={(e) => { window.__atlas = { map: e.target }; document.body.dataset.mapLoaded = 'true'; }}
      onIdle={() => { document.body.dataset.mapIdle = 'true'; }}
      onMoveStart={() => { document.body.dataset.mapIdle = 'false'; }}
      onMoveEnd={(e) => { if (e.originalEvent) { const c = e.target.getCenter(); onViewChange?.({ lon: c.lng, lat: c.lat, zoom: e.target.getZoom() }); } }}
      cursor="auto"
      style={{ position: 'absolute', inset: 0 }}
      aria-label="Map of Hokkaido and the disputed islands"
    >
      {basemap && (
        <Source id="basemap" type="raster" tiles={[...BASEMAPS[basemap].tiles]} tileSize={256} maxzoom={BASEMAPS[basemap].maxzoom} attribution={BASEMAPS[basemap].attribution}>
          <Layer id="basemap" type="raster" paint={{ 'raster-opacity': 0.85 }} />
        </Source>
      )}
      <Source id="land" type="geojson" data={land} attribution="© OpenStreetMap contributors (ODbL)">
        {!basemap && <Layer {...ofKind(LAYERS.contextFill, KIND.context)} />}
        {!basemap && <Layer {...ofKind(LAYERS.contextLine, KIND.context)} />}
        {!basemap && <Layer {...ofKind(LAYERS.hokkaidoFill, KIND.hokkaido)} />}
        <Layer {...ofKind(LAYERS.hokkaidoLine, KIND.hokkaido)} />
        <Layer {...ofKind(LAYERS.islandsFill, KIND.island)} />
      </Source>
      <Source id="overlay" type="geojson" data={overlay}>
        <Layer {...ofKind(LAYERS.optionFill, KIND.optionArea)} />
        <Layer {...ofKind(LAYERS.optionFillRussia, KIND.optionArea)} />
        <Layer {...ofKind(LAYERS.territoryFill, KIND.territory)} />
        <Layer {...ofKind(LAYERS.territoryFillOther, KIND.territory)} />
        <Layer {...ofKind(LAYERS.rings, KIND.ring)} />
        <Layer {...ofKind(LAYERS.ringsMax, KIND.ring)} />
      </Source>
      {/* Island outlines above the option shading, below the lines and symbols. */}
      <Layer source="land" {...ofKind(LAYERS.islandsLine, KIND.island)} />
      <Layer source="land" {...ofKind(LAYERS.islandsSelected, KIND.island, ['==', ['get', 'id'], selectedId ?? ''])} />
      <Layer source="overlay" {...ofKind(LAYERS.cutLine, KIND.cutLine)} />
      <Layer source="overlay" {...ofKind(LAYERS.territoryLine, KIND.territoryLine)} />
      <Layer source="overlay" {...ofKind(LAYERS.ringLabels, KIND.ring)} />
      <Layer source="overlay" {...ofKind(LAYERS.userPoints, KIND.userPoint)} />
      {settlements?.features.map((f) => (
        <Marker key={`settlement-${f.properties?.id}`} longitude={(f.geometry as Point).coordinates[0]} latitude={(f.geometry as Point).coordinates[1]} anchor="center" style={{ pointerEvents: 'none' }}>
          <span className="settlement-dot" title={String(f.properties?.label ?? '')}
            style={{ width: dotSize(f.properties?.population), height: dotSize(f.properties?.population) }} />
        </Marker>
      ))}
      {/* Sites are buttons: focusable, announced by name, kind, country and how well the position is known. */}
      {sites?.features.map((f) => {
        const p = f.properties ?? {};
        return (
          <Marker key={`site-${p.id}`} longitude={(f.geometry as Point).coordinates[0]} latitude={(f.geometry as Point).coordinates[1]} anchor="center">
            <button type="button" className={`site-symbol ${p.certainty}${p.to_japan ? ' handed' : ''}`} data-site-id={String(p.id)}
              style={{ '--site-color': String(p.color) } as React.CSSProperties} aria-label={String(p.name)} title={String(p.name)}
              onClick={() => onSelectSite?.(String(p.id))}>{String(p.mark ?? '')}</button>
          </Marker>
        );
      })}
      {showLabels && labels.map((l) => (
        <Marker key={`label-${l.id}`} longitude={l.at[0]} latitude={l.at[1]} anchor="center" style={{ pointerEvents: 'none' }}>
          <span className="map-label" data-label-island={l.id}>{l.text}</span>
        </Marker>
      ))}
      <NavigationControl position="top-right" showCompass={false} />
      <ScaleControl position="bottom-left" unit="metric" />
      <AttributionControl position="bottom-right" compact={false} customAttribution={ATTRIBUTION} />
    </Map>
  );
}

/** Settlement dot diameter in px, by population (3-8 px radius). */
const dotSize = (population: unknown) => `${2 * (3 + Math.min(1, (Number(population) || 0) / 8000) * 4)}px`;

/** The features of a collection, each tagged with the kind of layer that draws it. */
function tagged(fc: FeatureCollection | null | undefined, kind: string): Feature[] {
  return (fc?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, layer_kind: kind } }));
}
