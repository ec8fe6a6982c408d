/** The map: draws what the core computed; holds no geometry logic of its own. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Map, {
  AttributionControl,
  Marker,
  NavigationControl,
  ScaleControl,
  type MapRef,
  type MapLayerMouseEvent,
} from 'react-map-gl/maplibre';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap, VectorTileSource } from 'maplibre-gl';
import {
  atlasStyle,
  HOME_BOUNDS,
  LAYERS,
  KIND,
  LAYER_KIND,
  selectedIslandFilter,
  selectedUserPointFilter,
} from './style.ts';
import { BASEMAPS, type BasemapId } from './basemap.ts';
import { BasemapStatus, basemapTileFailed, basemapTileLoaded, restoreLand } from './BasemapStatus.tsx';
import { PointsStatus } from './PointsStatus.tsx';
import { MapNotices } from './MapNotices.tsx';
import { labelPoint } from '../geo/label-point.ts';
import { labelText, type LabelLanguage } from './names.ts';
import { heldUrl, releaseHeld } from './held-data.ts';
import { overlayChange, overlayData, type OverlayGroups, type OverlaySent } from './overlay-feed.ts';
import { useDeclutter } from './declutter.ts';
import { clusterExpansionZoom, pointTilesFailure, pointTilesUrl, sendPointsForTiles } from './point-tile-source.ts';
import { markMapIdle } from './first-idle.ts';
import type { PointSet } from '../geo/user-points.ts';
import { useT } from '../i18n/index.ts';
// MapLibre 6 starts its worker from a separate module; Vite must emit it and tell MapLibre where it is.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// Imported statically (a chunk of its own, loaded by the HTML beside the app) so that it downloads in
// parallel with the app, and its workers start while the data loads.
import * as maplibregl from 'maplibre-gl';

maplibregl.setWorkerUrl(maplibreWorkerUrl);
maplibregl.prewarm();

export interface AtlasMapProps {
  /**
   * The overlays (option shading, cut line, …) have been computed. Until then the map's overlay
   * source is loading (held-data.ts), so the map does not report itself idle without them.
   */
  overlayReady: boolean;
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
  /** The user's imported points (drawn from clustered vector tiles made in a worker, point-tile-source.ts). */
  userPoints?: PointSet | null;
  onSelectUserPoint?: (id: string) => void;
  /** The imported point whose details are open (ringed on the map when drawn alone). */
  selectedUserPointId?: string | null;
  territory?: FeatureCollection | null;
  territoryLine?: FeatureCollection | null;
  focusBounds?: [[number, number], [number, number]] | null;
  /** What must be on screen after a change (the cut line, an imported territory): fitted to only when it is not. */
  keepInView?: [[number, number], [number, number]] | null;
  basemap?: BasemapId | null;
  initialView?: { lon: number; lat: number; zoom: number } | null;
  onViewChange?: (v: { lon: number; lat: number; zoom: number }) => void;
  /**
   * History (HistoryPanel): the areas of the chosen year (property side: japan | russia | undivided) and the
   * lines in force.
   */
  historyAreas?: FeatureCollection | null;
  historyLines?: FeatureCollection | null;
  /** The 1945 village seats with a published position (HistoryPanel), drawn as labelled dots. */
  villages1945?:
    { id: string; name: string; population: number; households: number; lon: number; lat: number }[] | null;
  /** The sea (SeaPanel): its lines (property line: boundary | eez | ts) and each side's waters as an image. */
  seaLines?: FeatureCollection | null;
  seaImage?: { url: string; bounds: [number, number, number, number] } | null;
  /** A view asked for after the start (a link changed in place): null is the home view; `seq` numbers the requests. */
  viewRequest?: { view: { lon: number; lat: number; zoom: number } | null; seq: number };
}

/** The map's id for react-map-gl's useMap (the map export reaches it that way, inside MapProvider). */
export const ATLAS_MAP_ID = 'atlas';

declare global {
  interface Window {
    /** For the browser tests only (tests/browser): the page's own code reaches the map through useMap. */
    __atlas?: { map: MaplibreMap };
  }
}

export function AtlasMap({
  overlayReady,
  islands,
  hokkaido,
  context,
  language,
  selectedId,
  onSelect,
  optionAreas,
  cutLine,
  settlements,
  showLabels = true,
  initialView,
  onViewChange,
  viewRequest,
  sites,
  rings,
  onSelectSite,
  userPoints,
  onSelectUserPoint,
  selectedUserPointId = null,
  territory,
  territoryLine,
  focusBounds,
  keepInView,
  basemap,
  historyAreas,
  historyLines,
  villages1945,
  seaLines,
  seaImage,
}: AtlasMapProps) {
  const { t, f: fm } = useT();
  const ref = useRef<MapRef>(null);
  const [mapLoaded, setMapLoaded] = useState(false);
  // Whether the online basemap's tiles cannot be reached (online.html): told on the map, land drawn again.
  const [basemapFailed, setBasemapFailed] = useState(false);
  /** Why the tiles of the points behind `url` could not be drawn (PointsStatus.tsx). */
  const [pointsFailure, setPointsFailure] = useState<{ url: string; reason: string } | null>(null);

  // Two GeoJSON sources (see atlasStyle): the static land and the overlays the user's choices compute.
  const land = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: [...tagged(context, KIND.context), ...tagged(hokkaido, KIND.hokkaido), ...tagged(islands, KIND.island)],
    }),
    [context, hokkaido, islands],
  );

  // Names and site marks are HTML over the map rather than WebGL text: the browser's own fonts
  // (kanji, Cyrillic), text that assistive technology can read, and no glyph work before the first frame.
  const labels = useMemo(
    () =>
      [...(hokkaido?.features ?? []), ...(islands?.features ?? [])].map((f) => ({
        id: String(f.properties?.id),
        text: labelText(f.properties ?? {}, language),
        at: labelPoint(f.geometry as Polygon | MultiPolygon),
      })),
    [islands, hokkaido, language],
  );

  // The overlay in groups, one per kind, sent as changes (overlay-feed.ts): an option change does not
  // send an imported territory again.
  const overlayGroups = useMemo<OverlayGroups>(
    () => [
      [KIND.optionArea, optionAreas],
      [KIND.territory, territory],
      [KIND.ring, rings],
      [KIND.cutLine, cutLine],
      [KIND.territoryLine, territoryLine],
      [KIND.historyArea, historyAreas],
      [KIND.historyLine, historyLines],
      [KIND.seaLine, seaLines],
    ],
    [optionAreas, territory, rings, cutLine, territoryLine, historyAreas, historyLines, seaLines],
  );
  // The user's points as tiles of their own, made in a worker; the map gets a new URL when they change.
  const userTiles = pointTilesUrl(userPoints ?? null);
  const [userTilesInStyle] = useState(userTiles);
  useSeaImage(ref, seaImage ?? null);

  // The style, with the land in it, is made once, when the map is created; the overlay follows when
  // computed (held-data.ts). Later changes go to the sources (setData) and to the selection's layer
  // (setFilter) directly. The basemap is fixed for the life of the page (switching loads the other page).
  const [overlayUrl] = useState(() => heldUrl('overlay'));
  const [mapStyle] = useState(() =>
    atlasStyle(
      { land, overlay: overlayUrl, userTiles: userTilesInStyle },
      { basemap: basemap ? BASEMAPS[basemap] : null, selectedId, selectedUserPointId },
    ),
  );
  const landSource = useLandSource(ref, land);
  const overlaySource = useOverlaySource(ref, overlayGroups, overlayReady, overlayUrl);
  const drawnUserTiles = useRef(userTilesInStyle);
  const applyUserTiles = (map: MaplibreMap | undefined) => {
    const source = map?.getSource<VectorTileSource>('user');
    if (drawnUserTiles.current === userTiles || !source) return;
    source.setTiles([userTiles]);
    drawnUserTiles.current = userTiles;
  };
  // The points (their first part), then their URL on the map, in the same task as the render's other
  // effects: a frame drawn in between (a camera moved by one of them) would ask for tiles of the URL before,
  // and MapLibre can keep such a tile, still loading when the URL changes, empty.
  useEffect(() => {
    sendPointsForTiles(userPoints ?? null);
    applyUserTiles(ref.current?.getMap());
  });
  // Only a real change of selection touches a layer: even an unchanged filter costs the map a frame.
  const selectedRef = useRef({ island: selectedId, point: selectedUserPointId });
  const drawnSelection = useRef({ island: selectedId, point: selectedUserPointId });
  const applySelection = (map: MaplibreMap | undefined) => {
    if (!map?.getLayer(LAYERS.islandsSelected.id)) return;
    const want = selectedRef.current;
    const drawn = drawnSelection.current;
    if (drawn.island !== want.island) map.setFilter(LAYERS.islandsSelected.id, selectedIslandFilter(want.island));
    if (drawn.point !== want.point && map.getLayer(LAYERS.userPointSelected.id))
      map.setFilter(LAYERS.userPointSelected.id, selectedUserPointFilter(want.point));
    drawnSelection.current = want;
  };
  useEffect(() => {
    selectedRef.current = { island: selectedId, point: selectedUserPointId };
    applySelection(ref.current?.getMap());
  }, [selectedId, selectedUserPointId]);

  useEffect(() => {
    if (focusBounds) ref.current?.fitBounds(focusBounds, { padding: 40, duration: 0 });
  }, [focusBounds]);

  // Names and symbols never cover each other: lower-priority ones give way (declutter.ts).
  useDeclutter(
    () => (mapLoaded ? ref.current?.getMap() : undefined),
    [mapLoaded, settlements, sites, villages1945, showLabels, language, islands, hokkaido],
  );

  // A newly chosen cut or imported territory is brought into view when it lies outside the map.
  useEffect(() => {
    const map = ref.current;
    if (!keepInView || !map) return;
    const b = map.getBounds();
    const [[w, s], [e, n]] = keepInView;
    if (b.contains([w, s]) && b.contains([e, n])) return;
    map.fitBounds(
      [
        [Math.min(w, b.getWest()), Math.min(s, b.getSouth())],
        [Math.max(e, b.getEast()), Math.max(n, b.getNorth())],
      ],
      { padding: 30, duration: 0 },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keepInView?.[0][0], keepInView?.[0][1], keepInView?.[1][0], keepInView?.[1][1]]);

  // A view asked for by the link (edited in place, back, forward); the first one is initialViewState.
  useEffect(() => {
    const map = ref.current;
    if (!viewRequest || viewRequest.seq === 0 || !map) return;
    const v = viewRequest.view;
    if (v) map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
    else map.fitBounds(HOME_BOUNDS, { padding: 20, duration: 0 });
  }, [viewRequest]);

  const onClick = (e: MapLayerMouseEvent) => {
    // Site buttons are HTML over the map and handle their own clicks.
    if ((e.originalEvent?.target as Element | null)?.closest?.('.site-symbol')) return;
    // A cluster of the user's points opens to the zoom at which it splits.
    const cluster = e.features?.find((f) => f.layer.id === LAYERS.userClusters.id);
    const clusterId = cluster?.properties?.cluster_id;
    if (cluster && typeof clusterId === 'number') {
      const map = e.target;
      const at = (cluster.geometry as Point).coordinates as [number, number];
      // Without an answer from the worker (points replaced meanwhile, or it failed), two zoom steps in.
      const open = (zoom: number | null) =>
        map.easeTo({ center: at, zoom: Math.min(zoom ?? map.getZoom() + 2, map.getMaxZoom()) });
      void clusterExpansionZoom(userTiles, clusterId).then(open, () => open(null));
      return;
    }
    const user = e.features?.find((f) => f.layer.id === LAYERS.userPoints.id);
    if (user && user.properties?.id != null) {
      onSelectUserPoint?.(String(user.properties.id));
      return;
    }
    const id = e.features?.find((f) => f.layer.id === LAYERS.islandsFill.id)?.properties?.id;
    onSelect(typeof id === 'string' ? id : null);
  };

  return (
    <Map
      id={ATLAS_MAP_ID}
      ref={ref}
      mapLib={maplibregl}
      mapStyle={mapStyle}
      fadeDuration={0}
      initialViewState={
        initialView
          ? { longitude: initialView.lon, latitude: initialView.lat, zoom: initialView.zoom }
          : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: 20 } }
      }
      attributionControl={false}
      interactiveLayerIds={[
        LAYERS.islandsFill.id,
        ...(userPoints ? [LAYERS.userClusters.id, LAYERS.userPoints.id] : []),
      ]}
      onClick={onClick}
      onZoom={(e) => markNear(e.target)}
      onLoad={(e) => {
        setMapLoaded(true);
        markNear(e.target);
        landSource.sync(e.target);
        overlaySource.sync(e.target);
        applyUserTiles(e.target);
        applySelection(e.target);
        // A hook for the browser tests; nothing in the page reads it.
        window.__atlas = { map: e.target };
        document.body.dataset.mapLoaded = 'true';
      }}
      onIdle={() => {
        document.body.dataset.mapIdle = 'true';
        markMapIdle();
      }}
      onError={(e) => {
        // The imported points' tiles failed: said on the map while these points are shown.
        if ((e as { sourceId?: string }).sourceId === 'user') {
          const reason = pointTilesFailure(e.error);
          setPointsFailure((was) =>
            was?.url === drawnUserTiles.current ? was : { url: drawnUserTiles.current, reason },
          );
        }
        if (basemap && basemapTileFailed(e as { sourceId?: string })) {
          setBasemapFailed(true);
          restoreLand(e.target);
        }
      }}
      onSourceData={(e) => {
        if (basemap && basemapTileLoaded(e)) setBasemapFailed(false);
      }}
      onMoveStart={() => {
        document.body.dataset.mapIdle = 'false';
      }}
      onMoveEnd={(e) => {
        if (e.originalEvent) {
          const c = e.target.getCenter();
          onViewChange?.({ lon: c.lng, lat: c.lat, zoom: e.target.getZoom() });
        }
      }}
      cursor="auto"
      style={{ position: 'absolute', inset: 0 }}
      aria-label={t('app.mapLabel')}
    >
      {settlements?.features.map((f) => (
        <Marker
          key={`settlement-${f.properties?.id}`}
          longitude={lonOf(f)}
          latitude={latOf(f)}
          anchor="center"
          style={{ pointerEvents: 'none' }}
        >
          <span
            className="settlement-dot"
            style={{ width: dotSize(f.properties?.population), height: dotSize(f.properties?.population) }}
          />
          {/* Shown from zoom NAME_ZOOM on (the container's data-near), where they no longer crowd the
              islands' names. */}
          <span className="settlement-name" data-settlement={String(f.properties?.id)}>
            {String(f.properties?.label ?? '')}
          </span>
        </Marker>
      ))}
      {/* Sites are buttons: focusable, announced by name, kind, country and how well the position is known. */}
      {sites?.features.map((f) => {
        const p = f.properties ?? {};
        return (
          <Marker key={`site-${p.id}`} longitude={lonOf(f)} latitude={latOf(f)} anchor="center">
            <button
              type="button"
              className={`site-symbol ${p.certainty}${p.to_japan ? ' handed' : ''}`}
              data-site-id={String(p.id)}
              style={{ '--site-color': String(p.color) } as React.CSSProperties}
              aria-label={String(p.name)}
              title={String(p.name)}
              onClick={() => onSelectSite?.(String(p.id))}
            >
              {String(p.mark ?? '')}
            </button>
          </Marker>
        );
      })}
      {villages1945?.map((v) => (
        <Marker
          key={`village-${v.id}`}
          longitude={v.lon}
          latitude={v.lat}
          anchor="center"
          style={{ pointerEvents: 'none' }}
        >
          <span
            className="village-1945"
            data-village={v.id}
            title={t('history.villageTitle', {
              name: v.name,
              persons: fm.int(v.population),
              households: fm.int(v.households),
            })}
          >
            <span
              className="village-dot"
              aria-hidden="true"
              style={{
                display: 'inline-block',
                width: 8,
                height: 8,
                borderRadius: 1,
                background: '#1a1a1a',
                border: '1px solid #fff',
                verticalAlign: 'middle',
              }}
            />
            <span
              className="village-name"
              style={{ marginLeft: 3, fontSize: 11, background: 'rgba(255,255,255,0.8)', padding: '0 2px' }}
            >
              {v.name}, 1945: {fm.int(v.population)}
            </span>
          </span>
        </Marker>
      ))}
      {showLabels &&
        labels.map((l) => (
          <Marker
            key={`label-${l.id}`}
            longitude={l.at[0]!}
            latitude={l.at[1]!}
            anchor="center"
            style={{ pointerEvents: 'none' }}
          >
            <span className="map-label" data-label-island={l.id}>
              {l.text}
            </span>
          </Marker>
        ))}
      <NavigationControl position="top-right" showCompass={false} />
      <ScaleControl position="bottom-left" unit="metric" />
      {/* Keyed by language: the control reads its text once, when it is made. */}
      <AttributionControl
        key={t('export.attribution')}
        position="bottom-right"
        compact={false}
        customAttribution={t('export.attribution')}
      />
      <MapNotices>
        {basemap && <BasemapStatus host={BASEMAPS[basemap].host} failed={basemapFailed} />}
        <PointsStatus reason={userPoints && pointsFailure?.url === userTiles ? pointsFailure.reason : null} />
      </MapNotices>
    </Map>
  );
}

/**
 * Keeps the 'land' source in step with its collection: its first one is in the style, each later one
 * (the data loaded again) goes by setData. A change that comes before the map is there is passed on
 * at 'load' (sync).
 */
function useLandSource(
  ref: React.RefObject<MapRef | null>,
  land: FeatureCollection,
): { sync(map: MaplibreMap | undefined): void } {
  const latest = useRef(land);
  const sent = useRef(land);
  const sync = useCallback((map: MaplibreMap | undefined) => {
    const source = map?.getSource<GeoJSONSource>('land');
    if (sent.current === latest.current || !source) return;
    source.setData(latest.current);
    sent.current = latest.current;
  }, []);
  useLayoutEffect(() => {
    latest.current = land;
    sync(ref.current?.getMap());
  });
  return { sync };
}

/**
 * Keeps the 'overlay' source in step with its groups, once they are ready: the first collection answers
 * the held URL (held-data.ts), each later change goes as updateData with only the groups that changed
 * (overlay-feed.ts). A change that comes before the map is there is passed on at 'load' (sync).
 */
function useOverlaySource(
  ref: React.RefObject<MapRef | null>,
  groups: OverlayGroups,
  ready: boolean,
  url: string,
): { sync(map: MaplibreMap | undefined): void } {
  const latest = useRef({ groups, ready });
  const sent = useRef<OverlaySent | null>(null);
  const sync = useCallback(
    (map: MaplibreMap | undefined) => {
      const { groups, ready } = latest.current;
      if (!ready) return;
      if (!sent.current) {
        sent.current = overlayChange(null, groups).sent;
        releaseHeld(url, overlayData(sent.current));
        return;
      }
      const source = map?.getSource<GeoJSONSource>('overlay');
      if (!source) return;
      const change = overlayChange(sent.current, groups);
      if (change.diff) source.updateData(change.diff);
      sent.current = change.sent;
    },
    [url],
  );
  // A layout effect: it runs as React commits, whereas a passive effect can wait behind the map's next
  // frame (about 100 ms in software WebGL) before the data reaches MapLibre's worker.
  // After every render: with nothing changed, the comparison is one identity check per group.
  useLayoutEffect(() => {
    latest.current = { groups, ready };
    sync(ref.current?.getMap());
  });
  return { sync };
}

/** A point feature's position (every point has both: GeoJSON positions have at least two numbers). */
const lonOf = (f: Feature) => (f.geometry as Point).coordinates[0]!;
const latOf = (f: Feature) => (f.geometry as Point).coordinates[1]!;

/** Zoom from which settlement names are shown. */
const NAME_ZOOM = 8;
/** Marks the map's container when zoomed in far enough for settlement names (CSS shows them). */
const markNear = (map: MaplibreMap) => {
  map.getContainer().dataset.near = String(map.getZoom() >= NAME_ZOOM);
};

/** Settlement dot diameter in px, by population (3-8 px radius). */
const dotSize = (population: unknown) => `${2 * (3 + Math.min(1, (Number(population) || 0) / 8000) * 4)}px`;

/**
 * Each side's waters (the sea worker's image), drawn under the land: an image source added when first
 * given, updated in place while the share or the bearing moves, removed when the Sea layer is off.
 */
function useSeaImage(
  ref: React.RefObject<MapRef | null>,
  image: { url: string; bounds: [number, number, number, number] } | null,
) {
  useEffect(() => {
    const map = ref.current?.getMap();
    if (!map) return;
    const apply = () => {
      const src = map.getSource('sea-image') as maplibregl.ImageSource | undefined;
      if (!image) {
        if (map.getLayer('sea-image')) map.removeLayer('sea-image');
        if (src) map.removeSource('sea-image');
        return;
      }
      const [w, s, e, n] = image.bounds;
      const coordinates: [[number, number], [number, number], [number, number], [number, number]] = [
        [w, n],
        [e, n],
        [e, s],
        [w, s],
      ];
      if (src) {
        src.updateImage({ url: image.url, coordinates });
        return;
      }
      map.addSource('sea-image', { type: 'image', url: image.url, coordinates });
      const below = map.getLayer(LAYERS.contextFill.id) ? LAYERS.contextFill.id : LAYERS.hokkaidoLine.id;
      map.addLayer(
        {
          id: 'sea-image',
          type: 'raster',
          source: 'sea-image',
          paint: { 'raster-opacity': 1, 'raster-fade-duration': 0, 'raster-resampling': 'linear' },
        },
        below,
      );
    };
    // The style itself is in from the start; its sources may still be loading, which does not matter here.
    try {
      apply();
    } catch {
      map.once('idle', () => {
        try {
          apply();
        } catch {
          /* the next image retries */
        }
      });
    }
  }, [ref, image]);
}

/** The features of a collection, each tagged with the kind of layer that draws it. */
function tagged(fc: FeatureCollection | null | undefined, kind: string): Feature[] {
  return (fc?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, [LAYER_KIND]: kind } }));
}
