/**
 * Progress of work in the import worker, shown only when it takes longer than half a second (quick
 * imports and splits do not flash a bar).
 */
import { useEffect, useState } from 'react';
import type { ServiceProgress } from './import-service.ts';

export const PROGRESS_DELAY_MS = 500;

const STEP_TEXT: Record<ServiceProgress['step'], string> = {
  parsing: 'Reading the file…',
  checking: 'Checking the file…',
  merging: 'Merging the polygons and measuring them…',
  preparing: 'Preparing the territory for splitting…',
  splitting: 'Splitting the territory…',
};

/** `progress`: null when nothing runs. */
export function ImportProgress({ progress, testId = 'import-progress' }: { progress: ServiceProgress | null; testId?: string }) {
  const running = progress !== null;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!running) { setShown(false); return; }
    const t = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(t);
  }, [running]);
  if (!running || !shown) return null;
  const pct = Math.round(progress.done * 100);
  return (
    <p className="fine import-progress" role="status" data-testid={testId}>
      {STEP_TEXT[progress.step] ?? 'Working…'}{' '}
      <progress max={100} value={progress.step === 'splitting' ? undefined : pct} aria-label={STEP_TEXT[progress.step]} />
    </p>
  );
}
