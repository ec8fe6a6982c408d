// Bare MapLibre page for `npm run bench:web`: the disputed islands as one fill layer on a
// background-only style (no glyphs, sprites or remote sources), framed like the app's home view.
// The server replaces the __BENCH_*__ placeholders with values from src/map/style.ts.
/* global __BENCH_HOME_BOUNDS__, __BENCH_COLORS__ -- placeholders the bench server replaces */
import * as maplibregl from '/maplibre-gl.mjs';

const HOME_BOUNDS = __BENCH_HOME_BOUNDS__;
const COLORS = __BENCH_COLORS__;

maplibregl.setWorkerUrl(new URL('/maplibre-gl-worker.mjs', location.href).href);

const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: { islands: { type: 'geojson', data: new URL('/islands.geojson', location.href).href } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'islands-fill',
        type: 'fill',
        source: 'islands',
        paint: { 'fill-color': COLORS.island, 'fill-opacity': 0.95 },
      },
    ],
  },
  bounds: HOME_BOUNDS,
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
});
// Marked exactly like the app (src/map/AtlasMap.tsx): window.__atlas on load, body[data-map-idle] on idle.
map.on('load', () => {
  window.__atlas = { map };
  document.body.dataset.mapLoaded = 'true';
});
map.on('idle', () => {
  document.body.dataset.mapIdle = 'true';
});
