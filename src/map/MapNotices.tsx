/**
 * Notices on the map (BasemapStatus.tsx, PointsStatus.tsx), in the attribution's corner and above it. The
 * corner stacks its contents, so a notice never covers the attribution or another notice however many
 * lines each wraps to (a fixed offset from the map's edge did, at phone width with the basemap's credits).
 */
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-map-gl/maplibre';

export function MapNotices({ children }: { children: ReactNode }) {
  const { current } = useMap();
  const corner = current?.getContainer().querySelector('.maplibregl-ctrl-bottom-right');
  return corner ? createPortal(<div className="map-statuses">{children}</div>, corner) : null;
}
