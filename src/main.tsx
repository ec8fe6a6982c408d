import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { App } from './ui/App.tsx';
import { PartBoundary } from './ui/ErrorBoundary.tsx';
import { loadAllLayers } from './data/load-layers.ts';

// Start the data downloads now, in parallel with React's first render.
void loadAllLayers();

// A part that fails while rendering in the background is drawn again at once by React, and its boundary
// (ErrorBoundary.tsx) shows the failure: that is logged, not reported as an uncaught error of the page.
createRoot(document.getElementById('root')!, {
  onRecoverableError: (error, info) =>
    console.warn('A part of the page failed and was drawn again:', error, info.componentStack ?? ''),
}).render(
  <StrictMode>
    {/* The page is never blank: if the page itself fails, this says so and offers the ways out. */}
    <PartBoundary part="page" title="The page">
      <App />
    </PartBoundary>
  </StrictMode>,
);
