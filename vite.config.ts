import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// maplibre-gl must not be pre-bundled: its worker fails to load otherwise (engineering notes).
export default defineConfig({
  plugins: [react()],
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
