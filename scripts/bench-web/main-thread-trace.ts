/**
 * Where the page's main thread spends a window of time, from a Chromium trace (CDP Tracing through
 * playwright-core): its tasks longer than 50 ms, each with what ran in it (the trace's own events:
 * script entry points with their function and file, message and timer handlers, garbage collection,
 * style and layout, paint), and the JavaScript functions that took the most time inside them (the V8
 * sampling profiler's samples, one every 100 µs, in the same trace).
 */
import type { Browser, Page } from 'playwright-core';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface TaskPart {
  what: string;
  ms: number;
}
export interface LongTask {
  /** Start, ms from the start of the window. */
  atMs: number;
  ms: number;
  /** The largest events directly inside the task, named (largest first). */
  parts: TaskPart[];
  /** JavaScript functions by self time in the task, from the sampling profiler (largest first). */
  functions: TaskPart[];
}
export interface MainThreadProfile {
  windowMs: number;
  longTasks: LongTask[];
  longestMs: number;
  /** Self time of JavaScript functions over all long tasks. */
  functions: TaskPart[];
  /** What the long tasks' time went to, summed over all of them by kind. */
  parts: TaskPart[];
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

/**
 * Stops the trace and analyses the page's main thread: between the page's performance marks named
 * `from` and `to` when given (performance.mark), else over the whole trace.
 */
export async function stopTrace(
  browser: Browser,
  marks: { from?: string; to?: string } = {},
): Promise<MainThreadProfile> {
  const buf = await browser.stopTracing();
  const json = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return analyse(Array.isArray(json) ? json : json.traceEvents, marks);
}

const short = (url: unknown): string => {
  if (typeof url !== 'string' || !url) return '';
  const m = /([^/]+?)(?:-[\w-]{8})?\.m?js/.exec(url);
  return m ? m[1]! : url.slice(-40);
};

function describe(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  switch (e.name) {
    case 'FunctionCall':
      return `script ${String(d.functionName || '(anonymous)')} (${short(d.url)})`;
    case 'EventDispatch':
      return `event ${String(d.type)}`;
    case 'TimerFire':
      return 'timer';
    case 'FireAnimationFrame':
      return 'animation frame callback';
    case 'v8.run':
    case 'v8.compile':
    case 'v8.compileModule':
    case 'EvaluateScript':
      return `${e.name} ${short(d.url ?? (e.args as Record<string, unknown>)?.fileName)}`;
    case 'MinorGC':
    case 'MajorGC':
    case 'V8.GCScavenger':
    case 'V8.GCFinalizeMC':
    case 'V8.GC_MC_FULL':
    case 'BlinkGC.AtomicPhase':
      return 'garbage collection';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'UpdateLayer':
      return 'paint';
    default:
      return e.name;
  }
}

const WRAPPERS = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'Receive mojo message',
  'SimpleWatcher::OnHandleReady',
  'v8.callFunction',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
]);

/** Events of `within` (sorted by start, longest first) directly inside `parent`. */
function directChildren(within: TraceEvent[], parent: TraceEvent): TraceEvent[] {
  const end = parent.ts + parent.dur!;
  const out: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of within) {
    if (e === parent || e.ts < parent.ts || e.ts + e.dur! > end || e.ts < until) continue;
    if (e.ts === parent.ts && e.dur === parent.dur && e.name === parent.name) continue;
    until = e.ts + e.dur!;
    out.push(e);
  }
  return out;
}

function add(into: Map<string, number>, k: string, ms: number) {
  into.set(k, (into.get(k) ?? 0) + ms);
}
const top = (m: Map<string, number>, n: number): TaskPart[] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([what, ms]) => ({ what, ms: Math.round(ms * 10) / 10 }));

function analyse(events: TraceEvent[], marks: { from?: string; to?: string } = {}): MainThreadProfile {
  // The page's renderer: the process of the main frame named when tracing started.
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = (started?.args?.data?.frames ?? []) as { processId?: number; url?: string; parent?: string }[];
  const pid = frames.find((f) => !f.parent && f.url?.startsWith('http'))?.processId;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pid || e.pid === pid),
  );
  if (!main) throw new Error('the trace has no renderer main thread');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const complete = onMain.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const markTs = (name: string | undefined): number | undefined =>
    name === undefined ? undefined : events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const e of complete) {
    t0 = Math.min(t0, e.ts);
    t1 = Math.max(t1, e.ts + e.dur!);
  }
  t0 = markTs(marks.from) ?? t0;
  t1 = markTs(marks.to) ?? t1;
  // Top-level tasks only (the scheduler nests RunTask events).
  const tasks = complete
    .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of tasks) {
    if (e.ts < until) continue;
    until = e.ts + e.dur!;
    outer.push(e);
  }
  // Tasks that end inside the window (a task under way when it opens counts: the page was blocked then).
  const long = outer.filter((e) => e.dur! > 50_000 && e.ts + e.dur! >= t0 && e.ts <= t1);

  // Samples of the V8 profiler on the main thread: [time µs, node id], with the nodes' call frames.
  const nodes = new Map<number, { fn: string; parent?: number }>();
  const samples: [number, number][] = [];
  const profileEvents = events.filter((e) => e.pid === main.pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const profileIds = new Set(profileEvents.filter((e) => e.name === 'Profile' && e.tid === main.tid).map((e) => e.id));
  let clock = 0;
  for (const e of profileEvents) {
    if (!profileIds.has(e.id)) continue;
    const d = e.args?.data as
      | {
          startTime?: number;
          cpuProfile?: {
            nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string } }[];
            samples?: number[];
          };
          timeDeltas?: number[];
        }
      | undefined;
    if (!d) continue;
    if (e.name === 'Profile') {
      clock = d.startTime ?? clock;
      continue;
    }
    for (const n of d.cpuProfile?.nodes ?? [])
      nodes.set(n.id, {
        fn: `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` (${short(n.callFrame.url)})` : ''}`,
        parent: n.parent,
      });
    const s = d.cpuProfile?.samples ?? [];
    const dt = d.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) {
      clock += dt[i] ?? 0;
      samples.push([clock, s[i]!]);
    }
  }
  samples.sort((a, b) => a[0] - b[0]);

  const allFunctions = new Map<string, number>();
  const allParts = new Map<string, number>();
  const longTasks: LongTask[] = long.map((task) => {
    const end = task.ts + task.dur!;
    const inside = complete
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // What ran, named by the deepest event that holds most of its parent's time (the scheduler's
    // wrappers, such as RunTask and mojo message dispatch, say nothing about the page).
    const parts = new Map<string, number>();
    const named = (e: TraceEvent): string => {
      const kids = directChildren(inside, e);
      const big = kids.reduce<TraceEvent | null>((m, k) => (!m || k.dur! > m.dur! ? k : m), null);
      const here = describe(e);
      if (big && big.dur! >= 0.6 * e.dur!) {
        const below = named(big);
        return WRAPPERS.has(e.name) ? below : `${here} > ${below}`;
      }
      return here;
    };
    for (const e of directChildren(inside, task)) {
      add(parts, named(e), e.dur! / 1000);
      add(allParts, named(e), e.dur! / 1000);
    }
    // Self time by function: each sample counts its interval to the next one.
    const fns = new Map<string, number>();
    let i = lowerBound(samples, task.ts);
    for (; i < samples.length && samples[i]![0] < end; i++) {
      const next = samples[i + 1]?.[0] ?? end;
      const ms = (Math.min(next, end) - samples[i]![0]) / 1000;
      const fn = nodes.get(samples[i]![1])?.fn ?? '?';
      add(fns, fn, ms);
      add(allFunctions, fn, ms);
    }
    return {
      atMs: Math.round((task.ts - t0) / 100) / 10,
      ms: Math.round(task.dur! / 100) / 10,
      parts: top(parts, 6),
      functions: top(fns, 8),
    };
  });
  return {
    windowMs: Math.round((t1 - t0) / 1000),
    longTasks,
    longestMs: longTasks.reduce((m, t) => Math.max(m, t.ms), 0),
    functions: top(allFunctions, 15),
    parts: top(allParts, 12),
  };
}

function lowerBound(xs: [number, number][], t: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]![0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The profile as lines of text for the report. */
export function profileLines(p: MainThreadProfile, indent = '    '): string[] {
  const fmt = (xs: TaskPart[]) => xs.map((x) => `${x.what} ${x.ms.toFixed(0)} ms`).join('; ');
  return [
    `${indent}${p.longTasks.length} main-thread tasks over 50 ms in ${(p.windowMs / 1000).toFixed(1)} s` +
      (p.longTasks.length ? `; longest ${p.longestMs.toFixed(0)} ms` : ''),
    ...(p.longTasks.length
      ? [
          `${indent}their time by kind: ${fmt(p.parts)}`,
          frameSplit(p.longTasks, indent),
          `${indent}JavaScript in them by self time: ${fmt(p.functions)}`,
        ]
      : []),
    ...p.longTasks.map(
      (t) =>
        `${indent}  at ${(t.atMs / 1000).toFixed(2)} s, ${t.ms.toFixed(0)} ms: ${fmt(t.parts)}` +
        (t.functions.length ? `\n${indent}    functions: ${fmt(t.functions.slice(0, 5))}` : ''),
    ),
  ];
}

/**
 * The long tasks that are frames (mostly "Commit": the main thread waiting while the frame is drawn, here
 * by software WebGL on a machine without a GPU) apart from the others (the page's and MapLibre's scripts).
 */
function frameSplit(tasks: LongTask[], indent: string): string {
  const isFrame = (t: LongTask) => (t.parts[0]?.what ?? '').startsWith('Commit');
  const frames = tasks.filter(isFrame),
    others = tasks.filter((t) => !isFrame(t));
  const longest = (ts: LongTask[]) => (ts.length ? `, longest ${Math.max(...ts.map((t) => t.ms)).toFixed(0)} ms` : '');
  return (
    `${indent}frames drawn (Commit, software WebGL): ${frames.length}${longest(frames)}; ` +
    `other tasks (scripts): ${others.length}${longest(others)}`
  );
}
