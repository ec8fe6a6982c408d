/**
 * A part of the page (the map, a panel) behind a boundary: if it fails, it shows what failed and the
 * ways out, and the rest of the page keeps working. The page as a whole has one too (main.tsx), so
 * the page is never blank.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../data/error-message.ts';
import { importStore } from './user-store.ts';
import { storageErrorSentence } from './storage-error-text.ts';
import { i18n } from '../i18n/index.ts';

declare global {
  /** Test hook: the parts named here fail on render (tests/browser/hostile.test.ts). */
  interface Window {
    __atlasFail?: string[];
  }
}

/** Reloads the page without its link, so every choice is back at its default. */
function reloadWithDefaults(): void {
  try {
    location.replace(location.pathname + location.search);
  } catch {
    location.reload();
  }
}

/** Removes the imports kept in this browser; returns a sentence saying what happened. */
async function removeStoredData(): Promise<string> {
  try {
    await importStore.clear();
    return i18n.t('boundary.removed');
  } catch (e) {
    return i18n.t('boundary.removeFailed', { error: storageErrorSentence(e) });
  }
}

function FaultProbe({ part }: { part: string }) {
  if (typeof window !== 'undefined' && window.__atlasFail?.includes(part))
    throw new Error(`test fault in the ${part} part`);
  return null;
}

export interface PartBoundaryProps {
  /** Short id, for tests and logs: map, options, sites, … */
  part: string;
  /** What the user calls it: "The map", "Settlement options", … */
  title: string;
  children: ReactNode;
  /** Puts the part's own state back to its defaults before it is drawn again. */
  onReset?: () => void;
  className?: string;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
  storeNote: string | null;
}

export class PartBoundary extends Component<PartBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false, storeNote: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.title} failed and was replaced by a message:`, error, info.componentStack);
  }

  private reset = () => {
    try {
      this.props.onReset?.();
    } catch (e) {
      console.error(e);
    }
    this.setState({ error: null, failed: false, storeNote: null });
  };

  private removeStored = async () => {
    const note = await removeStoredData();
    this.setState({ storeNote: note });
  };

  override render(): ReactNode {
    if (!this.state.failed)
      return (
        <>
          <FaultProbe part={this.props.part} />
          {this.props.children}
        </>
      );
    // In the interface language (a class: i18n.t, not the hook). The page's own boundary (main.tsx) is named here.
    const t = i18n.t.bind(i18n);
    const title = this.props.part === 'page' ? t('parts.page') : this.props.title;
    return (
      <section
        className={`problems part-failed ${this.props.className ?? ''}`}
        role="alert"
        data-testid="part-failed"
        data-part={this.props.part}
      >
        <strong>{t('boundary.failed', { title })}</strong>
        <p className="fine">{t('boundary.rest', { message: errorMessage(this.state.error).slice(0, 300) })}</p>
        <div className="part-failed-actions">
          <button type="button" onClick={this.reset}>
            {t('boundary.reset')}
          </button>{' '}
          <button type="button" onClick={() => void this.removeStored()}>
            {t('boundary.removeStored')}
          </button>{' '}
          <button type="button" onClick={reloadWithDefaults}>
            {t('boundary.reload')}
          </button>
        </div>
        {this.state.storeNote && (
          <p className="fine" role="status">
            {this.state.storeNote}
          </p>
        )}
      </section>
    );
  }
}
