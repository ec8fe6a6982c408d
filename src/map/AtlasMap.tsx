/** The map: draws what the core computed; holds no geometry logic of its own. */
import { useEffect, useMemo, useRef } from 'react';
import Map, { AttributionControl, Layer, NavigationControl, ScaleControl, Source, type MapRef, type MapLayerMouseEvent } from 'react-map-gl/maplibre';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { BASE_STYLE, HOME_BOUNDS, LAYERS } from './style.ts';
import { BASEMAPS, type BasemapId } from './basemap.ts';
import { labelPoint } from '../geo/label-point.ts';
import { labelText, type LabelLanguage } from '../geo/names.ts';
// MapLibre 6 starts its worker from a separate module; Vite must emit it and tell MapLibre where it is.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

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
  const labels = useMemo<FeatureCollection | null>(() => {
    const polys = [...(hokkaido?.features ?? []), ...(islands?.features ?? [])];
    if (!polys.length) return null;
    return {
      type: 'FeatureCollection',
      features: polys.map((f) => ({
        type: 'Feature',
        properties: { id: f.properties?.id, label: labelText(f.properties ?? {}, language) },
        geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
      })),
    };
  }, [islands, hokkaido, language]);

  useEffect(() => { if (focusBounds) ref.current?.fitBounds(focusBounds, { padding: 40, duration: 0 }); }, [focusBounds]);

  const onClick = (e: MapLayerMouseEvent) => {
    const user = e.features?.find((f) => f.layer.id === LAYERS.userPoints.id);
    if (user && user.properties?.id != null) { onSelectUserPoint?.(String(user.properties.id)); return; }
    // Sites are drawn above islands: a click on a site opens the site, otherwise the island.
    const site = e.features?.find((f) => f.layer.id === LAYERS.sites.id);
    if (site && typeof site.properties?.id === 'string') { onSelectSite?.(site.properties.id); return; }
    const id = e.features?.find((f) => f.layer.id === LAYERS.islandsFill.id)?.properties?.id;
    onSelect(typeof id === 'string' ? id : null);
  };

  return (
    <Map
      ref={ref}
      mapStyle={BASE_STYLE}
      workerUrl={maplibreWorkerUrl}
      initialViewState={initialView ? { longitude: initialView.lon, latitude: initialView.lat, zoom: initialView.zoom } : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: 20 } }}
      attributionControl={false}
      interactiveLayerIds={[...(islands ? [LAYERS.islandsFill.id] : []), ...(sites ? [LAYERS.sites.id] : []), ...(userPoints ? [LAYERS.userPoints.id] : [])]}
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
      {context && !basemap && (
        <Source id="context" type="geojson" data={context} attribution="© OpenStreetMap contributors (ODbL)">
          <Layer {...LAYERS.contextFill} />
          <Layer {...LAYERS.contextLine} />
        </Source>
      )}
      {hokkaido && (
        <Source id="hokkaido" type="geojson" data={hokkaido}>
          {!basemap && <Layer {...LAYERS.hokkaidoFill} />}
          <Layer {...LAYERS.hokkaidoLine} />
        </Source>
      )}
      {islands && (
        <Source id="islands" type="geojson" data={islands}>
          <Layer {...LAYERS.islandsFill} />
          <Layer {...LAYERS.islandsLine} />
          <Layer {...LAYERS.islandsSelected} filter={['==', ['get', 'id'], selectedId ?? '']} />
        </Source>
      )}
      {optionAreas && (
        <Source id="option-areas" type="geojson" data={optionAreas}>
          <Layer {...LAYERS.optionFill} beforeId={islands ? LAYERS.islandsLine.id : undefined} />
        </Source>
      )}
      {cutLine && (
        <Source id="cut-line" type="geojson" data={cutLine}>
          <Layer {...LAYERS.cutLine} />
        </Source>
      )}
      {settlements && (
        <Source id="settlements" type="geojson" data={settlements}>
          <Layer {...LAYERS.settlements} />
          <Layer {...LAYERS.settlementLabels} />
        </Source>
      )}
      {rings && (
        <Source id="range-rings" type="geojson" data={rings}>
          <Layer {...LAYERS.rings} />
          <Layer {...LAYERS.ringsMax} />
          <Layer {...LAYERS.ringLabels} />
        </Source>
      )}
      {sites && (
        <Source id="sites" type="geojson" data={sites}>
          <Layer {...LAYERS.siteUncertainty} />
          <Layer {...LAYERS.siteHandedOver} />
          <Layer {...LAYERS.sites} />
          <Layer {...LAYERS.siteMarks} />
        </Source>
      )}
      {territory && (
        <Source id="territory" type="geojson" data={territory}>
          <Layer {...LAYERS.territoryFill} />
        </Source>
      )}
      {territoryLine && (
        <Source id="territory-line" type="geojson" data={territoryLine}>
          <Layer {...LAYERS.territoryLine} />
        </Source>
      )}
      {userPoints && (
        <Source id="user-points" type="geojson" data={userPoints}>
          <Layer {...LAYERS.userPoints} />
        </Source>
      )}
      {labels && showLabels && (
        <Source id="labels" type="geojson" data={labels}>
          <Layer {...LAYERS.labels} />
        </Source>
      )}
      <NavigationControl position="top-right" showCompass={false} />
      <ScaleControl position="bottom-left" unit="metric" />
      <AttributionControl position="bottom-right" compact={false} customAttribution={ATTRIBUTION} />
    </Map>
  );
}
