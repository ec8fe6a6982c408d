/**
 * The page's state (src/state/store.ts) in one reducer, and the link (URL hash) kept in step with it:
 * - the link state is written to the link through a throttled writer that cannot hurt the page (link-writer.ts);
 * - a link changed from outside (the address bar edited in place, back, forward) is applied like a fresh
 *   load: the new state, and the notices of what was not understood.
 */
import { useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { createLinkWriter, type LinkWriter } from './link-writer.ts';
import { serializeUrlState, type ParsedUrlState, type UrlState } from '../state/url-state.ts';
import { initialState, reduce, type Action, type AppState } from '../state/store.ts';

/** The link as this page would write it, or the link itself if it has problems (so it gets rewritten). */
function canonical(parse: (hash: string) => ParsedUrlState, hash: string): string {
  const p = parse(hash);
  return p.problems.length ? hash : serializeUrlState(p.state);
}

/**
 * `parse`: reads a link (with its notices in the interface language of the moment). `onApplied`: called
 * after a link changed from outside was applied (a basemap, fixed for the life of the page, needs a reload).
 * Both are taken once, when the page starts: pass functions that do not change.
 */
export function useAtlasState(
  parse: (hash: string) => ParsedUrlState,
  onApplied?: (next: UrlState, prev: UrlState) => void,
): [AppState, Dispatch<Action>] {
  const [state, dispatch] = useReducer(reduce, typeof location !== 'undefined' ? location.hash : '', (hash) =>
    initialState(parse(hash)),
  );
  const [{ read, applied }] = useState({ read: parse, applied: onApplied });
  // The link the state holds, for the handler of a link changed from outside.
  const link = useRef(state.link);
  useEffect(() => {
    link.current = state.link;
  }, [state.link]);

  const [writer] = useState<LinkWriter | null>(() =>
    typeof location === 'undefined'
      ? null
      : createLinkWriter({
          // A link that already says the same (in another order, say) is left as the user wrote it.
          current: () => canonical(read, location.hash),
        }),
  );

  // Keep the link in step with the state, so a copied link restores this view.
  useEffect(() => {
    writer?.request(serializeUrlState(state.link));
  }, [writer, state.link]);

  // A link changed from outside is applied, with the same notices as a fresh load.
  useEffect(() => {
    if (typeof window === 'undefined') return;
    // hashchange, not popstate: this page never pushes history entries, so every entry differs from the
    // next by its hash, and an edit in place, back and forward all fire hashchange (popstate comes too,
    // for the same navigation: applying both would apply the link twice). The link may have been rewritten
    // (replaceState, the canonical form) since: the event's own URL is what the user navigated to.
    const apply = (ev: HashChangeEvent) => {
      let parsed: ParsedUrlState;
      try {
        parsed = read(new URL(ev.newURL).hash);
      } catch (e) {
        console.error(e);
        return;
      }
      // The link now says what the user wants: a write still waiting must not overwrite it.
      writer?.cancel();
      const prev = link.current;
      link.current = parsed.state;
      dispatch({ type: 'linkApplied', parsed });
      try {
        applied?.(parsed.state, prev);
      } catch (e) {
        console.error(e);
      }
    };
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [writer, read, applied]);

  useEffect(() => () => writer?.cancel(), [writer]);

  return [state, dispatch];
}
