import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { App } from './ui/App.tsx';
import { loadAllLayers } from './data/load-layers.ts';

// Start the data downloads now, in parallel with React's first render.
void loadAllLayers();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
