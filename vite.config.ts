import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Asks the browser for the GeoJSON layers from the HTML, beside the scripts, rather than when the app's
 * script has run (src/data/load-layers.ts fetches the same URLs and gets the preloaded responses): the
 * map needs them before anything can be drawn. `as="fetch"` with `crossorigin` matches fetch()'s
 * default same-origin request, so the preloaded response is reused, not fetched twice.
 */
function preloadGeoData(): Plugin {
  return {
    name: 'atlas-preload-geo-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The islands first: they are what the map is about.
        const order = (name: string) => ['islands', 'hokkaido', 'context-land', 'deployments'].findIndex((n) => name.startsWith(`assets/${n}-`));
        const assets = Object.values(ctx.bundle ?? {}).filter((f) => f.type === 'asset' && /\.geojson$/.test(f.fileName))
          .sort((a, b) => order(a.fileName) - order(b.fileName));
        return assets.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./${f.fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// maplibre-gl must not be pre-bundled: its worker fails to load otherwise (engineering notes).
export default defineConfig({
  plugins: [react(), preloadGeoData()],
  base: './',
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500,
    // index.html: offline, its Content-Security-Policy allows no remote origin. online.html: the same app
    // with the optional basemap, whose policy allows exactly the two tile servers.
    rollupOptions: {
      input: { index: 'index.html', online: 'online.html' },
      // MapLibre in a chunk of its own: cached apart from the app, and named for the web benchmark.
      output: { manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl/') ? 'maplibre-gl' : undefined) },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
