/**
 * The prepared sea (src/geo/maritime) for Node: built from geo/ and data/straits.json, cached in
 * .cache/sea/ under a hash of its inputs and of the maritime code (a rebuild takes ~10 s, a cached load ~0.2 s).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { prepareSea, DEFAULT_SEA_PARAMS, type PreparedSea } from '../../src/geo/maritime/prepare.ts';
import { coastInput } from '../../src/geo/maritime/load-coasts.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface StraitRecord {
  id: string;
  name_en: string;
  name_ja: string;
  name_ru: string;
  coasts: [string, string];
  widths: { km: number; what: string; source: string }[];
  width_note?: string;
  crossing_line: [Position, Position];
  crossing_note?: string;
}
export interface StraitsFile {
  note: string;
  sources: Record<string, { title: string; url: string }>;
  straits: StraitRecord[];
}

export function loadStraits(): StraitsFile {
  return JSON.parse(readFileSync(join(ROOT, 'data/straits.json'), 'utf8')) as StraitsFile;
}

const INPUTS = [
  'geo/islands.geojson',
  'geo/hokkaido.geojson',
  'geo/context-land.geojson',
  'data/straits.json',
  'src/geo/maritime/prepare.ts',
  'src/geo/maritime/planar.ts',
  'src/geo/maritime/load-coasts.ts',
  'src/geo/laea.ts',
];

const TYPED: Record<string, new (b: ArrayBuffer) => ArrayBufferView> = {
  F64: Float64Array as never,
  I32: Int32Array as never,
  U8: Uint8Array as never,
  I8: Int8Array as never,
};

function encode(v: unknown): unknown {
  if (v instanceof Float64Array)
    return { $t: 'F64', b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Int32Array)
    return { $t: 'I32', b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Uint8Array)
    return { $t: 'U8', b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Int8Array)
    return { $t: 'I8', b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as { $t?: string; b?: string };
    if (o.$t && o.b !== undefined) {
      const buf = Buffer.from(o.b, 'base64');
      const copy = new ArrayBuffer(buf.length);
      new Uint8Array(copy).set(buf);
      const Typed = TYPED[o.$t];
      // A cache written by another version: loadPreparedSea catches this and rebuilds.
      if (!Typed) throw new Error(`sea cache: unknown typed array "${o.$t}"`);
      return new Typed(copy);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

export function loadPreparedSea(options: { cache?: boolean } = {}): PreparedSea {
  const h = createHash('sha256');
  for (const f of INPUTS) h.update(readFileSync(join(ROOT, f)));
  h.update(JSON.stringify(DEFAULT_SEA_PARAMS));
  const key = h.digest('hex').slice(0, 24);
  const dir = join(ROOT, '.cache', 'sea');
  const file = join(dir, `${key}.json`);
  if (options.cache !== false && existsSync(file)) {
    try {
      return decode(JSON.parse(readFileSync(file, 'utf8'))) as PreparedSea;
    } catch {
      /* rebuild */
    }
  }
  const rd = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as FeatureCollection<Geometry>;
  const straits = loadStraits().straits.map((s) => ({ id: s.id, crossing: s.crossing_line }));
  const prep = prepareSea(
    coastInput(rd('geo/islands.geojson'), rd('geo/hokkaido.geojson'), rd('geo/context-land.geojson')),
    straits,
  );
  if (options.cache !== false) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(encode(prep)));
    renameSync(tmp, file);
    // Older preparations (other inputs or code) are left behind by every change: keep only this one.
    for (const f of readdirSync(dir))
      if (f.endsWith('.json') && f !== `${key}.json`) {
        try {
          unlinkSync(join(dir, f));
        } catch {
          /* another run's */
        }
      }
  }
  return prep;
}
