import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// maplibre-gl must not be pre-bundled: its worker fails to load otherwise (engineering notes).
export default defineConfig({
  plugins: [react()],
  base: './',
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
