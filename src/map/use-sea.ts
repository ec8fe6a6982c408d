/**
 * The sea on the page: starts the sea's Web Worker when first asked for (the Sea layer), sends it each
 * option's coast owners as the share or bearing moves, and keeps its latest answer. Answers to older
 * requests are dropped; while the worker is busy only the newest request waits.
 */
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import type { OptionResult, ShareContext } from '../geo/shares.ts';
import type { SeaOwnership, SeaResult } from '../geo/maritime/compute.ts';
import { seaOwnership } from '../geo/maritime/option.ts';
import type { SeaSummary, SeaWorkerIn, SeaWorkerOut } from './sea-worker.ts';
import straitsJson from '../../data/straits.json' with { type: 'json' };

export interface StraitInfo {
  id: string;
  name_en: string;
  name_ja: string;
  name_ru: string;
  coasts: string[];
  widths: { km: number; what: string; source: string }[];
  width_note?: string;
  crossing_note?: string;
}
export const STRAITS = straitsJson as unknown as {
  sources: Record<string, { title: string; url: string }>;
  straits: (StraitInfo & { crossing_line: [Position, Position] })[];
};

export interface SeaState {
  status: 'off' | 'preparing' | 'ready' | 'error';
  prepareMs: number | null;
  envelope: Position[] | null;
  tsLimit: MultiLineString | null;
  current: SeaResult | null;
  /** The option `current` was computed for: a reply can lag the option on the page by one change. */
  currentFor: OptionResult | null;
  /** Japan's share of the sea under each listed option (the table and chart). */
  others: Record<string, SeaSummary>;
  computeMs: number | null;
  image: { url: string; bounds: [number, number, number, number] } | null;
  error: string | null;
}

const OFF: SeaState = {
  status: 'off',
  prepareMs: null,
  envelope: null,
  tsLimit: null,
  current: null,
  currentFor: null,
  others: {},
  computeMs: null,
  image: null,
  error: null,
};

export function useSea(
  enabled: boolean,
  land: {
    islands: FeatureCollection<Geometry> | null;
    hokkaido: FeatureCollection<Geometry> | null;
    context: FeatureCollection<Geometry> | null;
  },
  ctx: ShareContext | null,
  current: OptionResult | null,
  results: OptionResult[],
): SeaState {
  const [state, setState] = useState<SeaState>(OFF);
  const worker = useRef<Worker | null>(null);
  const ready = useRef(false);
  const busy = useRef(false);
  const pending = useRef<SeaWorkerIn | null>(null);
  const seq = useRef(0);
  /** The option each compute request was sent for, by its sequence number. */
  const requestedFor = useRef(new Map<number, OptionResult>());

  const send = (m: SeaWorkerIn) => {
    if (!worker.current || !ready.current) {
      pending.current = m;
      return;
    }
    if (busy.current) {
      pending.current = m;
      return;
    }
    busy.current = true;
    worker.current.postMessage(m);
  };

  useEffect(() => {
    if (!enabled || worker.current || !land.islands || !land.hokkaido || !land.context) return;
    const w = new Worker(new URL('./sea-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState((s) => ({ ...s, status: 'preparing' }));
    w.onmessage = (ev: MessageEvent<SeaWorkerOut>) => {
      const m = ev.data;
      if (m.type === 'error') {
        busy.current = false;
        setState((s) => ({ ...s, status: 'error', error: m.message }));
        return;
      }
      if (m.type === 'ready') {
        ready.current = true;
        setState((s) => ({ ...s, status: 'ready', prepareMs: m.prepareMs, envelope: m.envelope, tsLimit: m.tsLimit }));
      } else {
        busy.current = false;
        const url = m.image ? URL.createObjectURL(m.image) : null;
        const currentFor = requestedFor.current.get(m.seq) ?? null;
        for (const k of requestedFor.current.keys()) if (k <= m.seq) requestedFor.current.delete(k);
        setState((s) => {
          if (s.image) setTimeout(() => URL.revokeObjectURL(s.image!.url), 2000);
          return {
            ...s,
            current: m.current,
            currentFor,
            others: { ...s.others, ...m.others },
            computeMs: m.computeMs,
            image: url ? { url, bounds: m.bounds } : null,
          };
        });
      }
      const next = pending.current;
      pending.current = null;
      if (next) send(next);
    };
    w.onerror = (e) => setState((s) => ({ ...s, status: 'error', error: e.message || 'the sea worker failed' }));
    const straits = STRAITS.straits.map((s) => ({ id: s.id, crossing: s.crossing_line }));
    w.postMessage({
      type: 'prepare',
      islands: land.islands,
      hokkaido: land.hokkaido,
      context: land.context,
      straits,
    } satisfies SeaWorkerIn);
  }, [enabled, land.islands, land.hokkaido, land.context]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!enabled || !ctx || !current) return;
    let own: SeaOwnership;
    let others: { id: string; own: SeaOwnership }[];
    try {
      own = seaOwnership(ctx, current);
      others = results.map((r) => ({ id: r.id, own: seaOwnership(ctx, r) }));
    } catch {
      return;
    }
    requestedFor.current.set(++seq.current, current);
    send({ type: 'compute', seq: seq.current, current: own, others });
  }, [enabled, ctx, current, results, state.status]);

  return enabled ? state : { ...OFF, others: state.others };
}
