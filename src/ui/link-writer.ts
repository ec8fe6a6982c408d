/**
 * Writes the page's state into the link (history.replaceState) without ever hurting the page.
 *
 * - At most one write per `intervalMs` (300 ms, as MapLibre's own hash): while the user drags a slider
 *   the first state is written at once, then the latest every 300 ms, and the last state always.
 * - A budget below Safari's limit (100 writes per 30 s, SecurityError after that): at most `budget`
 *   writes in any `windowMs`; a write over budget waits until it fits.
 * - A write the browser refuses is logged and ignored, and retried later (a refused write does not count
 *   against Safari's limit), so the link catches up with the page once the browser allows it again.
 */
export interface LinkWriterOptions {
  /** Performs the write; throws if the browser refuses. Default: history.replaceState with the hash. */
  write?: (hash: string) => void;
  /** The link as it is now, to skip writes that would change nothing. Default: location.hash. */
  current?: () => string;
  intervalMs?: number;
  budget?: number;
  windowMs?: number;
  /** Wait before retrying a refused write. */
  retryMs?: number;
  now?: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface LinkWriter {
  /** Asks for the link to become `hash` (with its '#'); written now or within the throttle interval. */
  request(hash: string): void;
  /** Forgets a pending write (the link was changed from outside and is about to be applied). */
  cancel(): void;
  /** The write waiting for its turn, or null. */
  pending(): string | null;
  /** Counts for tests and diagnostics. */
  stats(): { written: number; refused: number; skipped: number };
  dispose(): void;
}

export function createLinkWriter(opts: LinkWriterOptions = {}): LinkWriter {
  const write = opts.write ?? ((hash: string) => history.replaceState(history.state, '', hash));
  const current = opts.current ?? (() => location.hash);
  const intervalMs = opts.intervalMs ?? 300;
  const budget = opts.budget ?? 90;
  const windowMs = opts.windowMs ?? 30_000;
  const retryMs = opts.retryMs ?? 2_000;
  const now = opts.now ?? (() => Date.now());
  const log = opts.log ?? ((message: string, error: unknown) => console.warn(message, error));

  let want: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const times: number[] = [];
  const counts = { written: 0, refused: 0, skipped: 0 };

  const schedule = (delay: number) => {
    if (timer !== null) return;
    timer = setTimeout(
      () => {
        timer = null;
        flush();
      },
      Math.max(0, delay),
    );
  };

  /** How long until a write is allowed: the throttle interval and the budget. */
  const wait = (t: number) => {
    while (times.length && t - times[0]! >= windowMs) times.shift();
    const byInterval = last + intervalMs - t;
    const byBudget = times.length >= budget ? times[0]! + windowMs - t : 0;
    return Math.max(byInterval, byBudget, 0);
  };

  function flush() {
    if (want === null) return;
    const hash = want;
    let here: string | null = null;
    try {
      here = current();
    } catch {
      /* unknown: write anyway */
    }
    if (here === hash) {
      want = null;
      counts.skipped++;
      return;
    }
    const t = now();
    const w = wait(t);
    if (w > 0) {
      schedule(w);
      return;
    }
    last = t;
    try {
      write(hash);
      times.push(t);
      counts.written++;
      if (want === hash) want = null;
    } catch (e) {
      counts.refused++;
      log('The link could not be updated (the browser refused the history write); it will be retried.', e);
      schedule(retryMs);
    }
  }

  return {
    request(hash) {
      want = hash;
      if (timer === null) flush();
    },
    cancel() {
      want = null;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
    pending: () => want,
    stats: () => ({ ...counts }),
    dispose() {
      this.cancel();
    },
  };
}
