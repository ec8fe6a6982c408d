import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataVersion } from './scripts/lib/data-version.ts';

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
        const order = (name: string) =>
          ['islands', 'hokkaido', 'context-land', 'deployments'].findIndex((n) => name.startsWith(`assets/${n}-`));
        const assets = Object.values(ctx.bundle ?? {})
          .filter((f) => f.type === 'asset' && /\.geojson$/.test(f.fileName))
          .sort((a, b) => order(a.fileName) - order(b.fileName));
        return assets.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./${f.fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The fonts' licence, shipped beside them in the build (dist/fonts/OFL.txt); src/fonts/OFL.txt is made by
 * `npm run fonts:build`.
 */
function fontLicence(): Plugin {
  return {
    name: 'atlas-font-licence',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'fonts/OFL.txt',
        source: readFileSync(join(import.meta.dirname, 'src', 'fonts', 'OFL.txt'), 'utf8'),
      });
    },
  };
}

/**
 * The installable, offline app: a service worker (Workbox, generated at build) precaches every file of the
 * build (pages, scripts, styles, the GeoJSON data, the fonts, the icons), so after one visit the page opens
 * and works with no network. It registers relative to the page (./sw.js, scope ./): the build runs under
 * any base path. The online basemap's tiles are not cached (their servers' terms; online.html says when
 * they cannot be reached).
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
  // One manifest for the three interface languages: its name and description in all three (each language's
  // neutral wording, as in src/i18n), "mul" (several languages) as its language.
  manifest: {
    name: 'Disputed islands atlas · 係争中の島々アトラス · Атлас спорных островов',
    short_name: 'Atlas · アトラス · Атлас',
    description:
      'Reference map and exact area-based partition calculator for Etorofu / Iturup, Kunashiri / Kunashir, ' +
      'Shikotan and Habomai. · 択捉島（イトゥルプ）、国後島（クナシル）、色丹島、歯舞群島の地図と面積分割の計算。 · ' +
      'Карта и точный расчёт раздела по площади: Итуруп (Эторофу), Кунашир (Кунасири), Шикотан, Хабомаи.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#c9dde8',
    lang: 'mul',
    dir: 'ltr',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,mjs,css,geojson,json,woff2,png,txt,webmanifest}'],
    // MapLibre's chunk is over Workbox's 2 MiB default.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

// maplibre-gl must not be pre-bundled: its worker fails to load otherwise (engineering notes).
export default defineConfig({
  plugins: [react(), preloadGeoData(), fontLicence(), pwa],
  // The data version exports carry (src/data/data-version.ts).
  define: { __ATLAS_DATA_VERSION__: JSON.stringify(dataVersion(import.meta.dirname)) },
  base: './',
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Font slices stay files (never inlined into the CSS): the browser fetches only the slices a page's text
    // needs.
    assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
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
