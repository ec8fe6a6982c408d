/** Debian's Chromium as the browser tests and the web benchmark drive it (no browser is downloaded). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The build under test: dist/ by default; ATLAS_DIST names another (so parallel work can build apart). */
export const DIST = process.env.ATLAS_DIST ?? 'dist';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/**
 * The same browser with its compositor on the GPU, SwiftShader standing in for one (ANGLE): frames are
 * then drawn off the page's main thread, as on a machine with a graphics card. Under CHROMIUM_ARGS
 * (software compositing) the main thread reads each WebGL frame back (glReadPixels) when it commits it,
 * and so waits for the software GPU to finish drawing: those waits are the machine's, not the page's.
 */
export const CHROMIUM_GPU_COMPOSITING_ARGS = [
  ...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'),
  '--use-gl=angle',
  '--use-angle=swiftshader',
];
