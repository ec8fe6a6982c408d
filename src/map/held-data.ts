/**
 * GeoJSON that MapLibre asks for before the app has computed it.
 *
 * The map is created as soon as the data files are in, while the options are still being computed.
 * Its 'overlay' source (option shading, cut line) begins with a URL of the `atlas-held:` protocol,
 * which MapLibre requests at once and which is answered only when the app releases the overlay.
 * Until then the source is loading, so the map cannot report itself idle without it: the first idle
 * frame is the complete one, and the map's start-up (WebGL, its worker tiling the land) overlaps the
 * computation. Later changes go to the source directly (setData).
 *
 * Entries are never dropped: there is one per map created, and a request still waiting must find its
 * entry even across React's development-mode remount.
 */
import { addProtocol } from 'maplibre-gl';

const HELD_PROTOCOL = 'atlas-held';

interface Held {
  released: Promise<void>;
  release: () => void;
  value: object | null;
}

const held = new Map<string, Held>();
let counter = 0;
let registered = false;

function entry(url: string): Held {
  let e = held.get(url);
  if (!e) {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    e = { released, release, value: null };
    held.set(url, e);
  }
  return e;
}

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(HELD_PROTOCOL, (params, abort) => {
    const e = held.get(params.url);
    if (!e) return Promise.reject(new Error(`no data is held for ${params.url}`));
    return new Promise((resolve, reject) => {
      abort.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      // The latest release: the data may have changed again before the request was answered.
      void e.released.then(() => resolve({ data: e.value! }));
    });
  });
}

/** A new URL whose GeoJSON MapLibre will receive once {@link releaseHeld} is called for it. */
export function heldUrl(name: string): string {
  register();
  const url = `${HELD_PROTOCOL}://${++counter}/${encodeURIComponent(name)}`;
  entry(url);
  return url;
}

/** Answers MapLibre's waiting request for `url`, and any later one, with `data`. */
export function releaseHeld(url: string, data: object): void {
  const e = entry(url);
  e.value = data;
  e.release();
}
