/**
 * The map's first 'idle' (everything in view drawn), as a promise: work the first view does not need
 * waits for it rather than competing with the map for the processor while the page starts. The map
 * (AtlasMap.tsx) resolves it; a page whose map never settles (no WebGL) goes on after a few seconds.
 */
let resolveIdle: () => void = () => undefined;
const idle = new Promise<void>((resolve) => {
  resolveIdle = resolve;
});

/** Called by the map at each 'idle': only the first counts. */
export function markMapIdle(): void {
  resolveIdle();
}

/** Resolves at the map's first 'idle', or after `fallbackMs` if the map has not settled by then. */
export function afterFirstMapIdle(fallbackMs = 5000): Promise<void> {
  return Promise.race([idle, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}
