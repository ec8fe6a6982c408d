/**
 * Progress of work in the import worker, shown only when it takes longer than half a second (quick
 * imports and splits do not flash a bar).
 */
import { useEffect, useState } from 'react';
import type { ServiceProgress } from './import-service.ts';
import { useT } from '../i18n/index.ts';

const PROGRESS_DELAY_MS = 500;

/** The steps' words: src/i18n (progress.*). */
const STEPS = ['parsing', 'checking', 'merging', 'preparing', 'splitting'] as const;

/** `progress`: null when nothing runs. */
export function ImportProgress({
  progress,
  testId = 'import-progress',
}: {
  progress: ServiceProgress | null;
  testId?: string;
}) {
  const { t } = useT();
  const running = progress !== null;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    // The next run waits its own half second again.
    return () => {
      clearTimeout(t);
      setShown(false);
    };
  }, [running]);
  if (!running || !shown) return null;
  const pct = Math.round(progress.done * 100);
  const step = (STEPS as readonly string[]).includes(progress.step)
    ? t(`progress.${progress.step as (typeof STEPS)[number]}`)
    : t('progress.working');
  return (
    <p className="fine import-progress" role="status" data-testid={testId}>
      {step} <progress max={100} value={progress.step === 'splitting' ? undefined : pct} aria-label={step} />
    </p>
  );
}
