/**
 * The optional online basemap. Off by default; on, the page is online.html, whose policy allows
 * exactly these tile servers. Switching navigates between the two pages, keeping the state in the hash.
 */
export const BASEMAPS = {
  osm: {
    label: 'OpenStreetMap',
    host: 'tile.openstreetmap.org',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    maxzoom: 19,
    attribution: '© OpenStreetMap contributors (tiles: openstreetmap.org)',
  },
  gsi: {
    label: 'GSI (地理院タイル)',
    host: 'cyberjapandata.gsi.go.jp',
    tiles: ['https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png'],
    maxzoom: 18,
    attribution: '地理院タイル (GSI tiles)',
  },
} as const;
export type BasemapId = keyof typeof BASEMAPS;

export function isOnlinePage(pathname: string): boolean {
  return /\/online\.html$/.test(pathname);
}

/** The page to load for a basemap choice (relative, so it works under any base path). */
export function pageFor(basemap: BasemapId | null, hash: string): string {
  return (basemap ? 'online.html' : 'index.html') + hash;
}
