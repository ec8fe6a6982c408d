/**
 * Static server for the bare MapLibre baseline page of `npm run bench:web`, on 127.0.0.1 and a free port.
 * Serves only the files the baseline needs (index.html, main.js, MapLibre's ES module, worker and CSS,
 * geo/islands.geojson); everything else is a 404. Like `vite preview`, it gzips compressible responses
 * of 1 kB or more on the fly (zlib default level) when the browser accepts gzip, so both pages are
 * served the same way.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { COLORS, HOME_BOUNDS } from '../../src/map/style.ts';

const gzipAsync = promisify(gzip);

export interface BaselineServer {
  origin: string;
  server: Server;
  requests: string[];
  close(): Promise<void>;
}

export async function startBaselineServer(root: string): Promise<BaselineServer> {
  const here = join(root, 'scripts', 'bench-web', 'baseline');
  const maplibre = join(root, 'node_modules', 'maplibre-gl', 'dist');
  const mainJs = readFileSync(join(here, 'main.js'), 'utf8')
    .replaceAll('__BENCH_HOME_BOUNDS__', JSON.stringify(HOME_BOUNDS))
    .replaceAll('__BENCH_COLORS__', JSON.stringify({ sea: COLORS.sea, island: COLORS.island }));
  const files: Record<string, { body: Buffer; type: string }> = {
    '/': { body: readFileSync(join(here, 'index.html')), type: 'text/html; charset=utf-8' },
    '/index.html': { body: readFileSync(join(here, 'index.html')), type: 'text/html; charset=utf-8' },
    '/main.js': { body: Buffer.from(mainJs), type: 'text/javascript; charset=utf-8' },
    '/maplibre-gl.mjs': {
      body: readFileSync(join(maplibre, 'maplibre-gl.mjs')),
      type: 'text/javascript; charset=utf-8',
    },
    '/maplibre-gl-worker.mjs': {
      body: readFileSync(join(maplibre, 'maplibre-gl-worker.mjs')),
      type: 'text/javascript; charset=utf-8',
    },
    '/maplibre-gl.css': { body: readFileSync(join(maplibre, 'maplibre-gl.css')), type: 'text/css; charset=utf-8' },
    '/islands.geojson': { body: readFileSync(join(root, 'geo', 'islands.geojson')), type: 'application/geo+json' },
  };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const file = files[path];
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': 'no-cache' };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && file.body.length >= 1024) {
      gzipAsync(file.body).then(
        (gz) => {
          res.writeHead(200, {
            ...headers,
            'content-encoding': 'gzip',
            vary: 'Accept-Encoding',
            'content-length': String(gz.length),
          });
          res.end(req.method === 'HEAD' ? undefined : gz);
        },
        (e: unknown) => {
          res.writeHead(500).end(String(e));
        },
      );
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(file.body.length) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('baseline server has no port');
  return {
    origin: `http://127.0.0.1:${addr.port}`,
    server,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
