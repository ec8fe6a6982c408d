/**
 * The page's state and the link (URL hash) kept in step, both ways:
 * - the state is written to the link through a throttled writer that cannot hurt the page (link-writer.ts);
 * - a link changed from outside (the address bar edited in place, back, forward) is applied like a fresh
 *   load: the new state, and the notices of what was not understood.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createLinkWriter, type LinkWriter } from './link-writer.ts';
import { serializeUrlState, type ParsedUrlState, type UrlState, type View } from './url-state.ts';

/** A request for the map to show a view (null: the home view), numbered so the same view can be asked again. */
export interface ViewRequest {
  view: View | null;
  seq: number;
}

const sameView = (a: View | null, b: View | null) =>
  a === null || b === null ? a === b : a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom;

/** The link as this page would write it, or the link itself if it has problems (so it gets rewritten). */
function canonical(parse: (hash: string) => ParsedUrlState, hash: string): string {
  const p = parse(hash);
  return p.problems.length ? hash : serializeUrlState(p.state);
}

/**
 * `onApplied`: called after a link changed from outside was applied (e.g. a basemap, which is fixed for the
 * life of the page, needs a reload to follow).
 */
export function useLinkState(
  parse: (hash: string) => ParsedUrlState,
  onApplied?: (next: UrlState, prev: UrlState) => void,
) {
  const [initial] = useState(() => parse(typeof location !== 'undefined' ? location.hash : ''));
  const [state, setState] = useState<UrlState>(initial.state);
  const [notices, setNotices] = useState<string[]>(initial.problems);
  const [viewRequest, setViewRequest] = useState<ViewRequest>({ view: initial.state.view, seq: 0 });
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const appliedRef = useRef(onApplied);
  appliedRef.current = onApplied;

  const [writer] = useState<LinkWriter | null>(() =>
    typeof location === 'undefined'
      ? null
      : createLinkWriter({
          // A link that already says the same (in another order, say) is left as the user wrote it.
          current: () => canonical(parseRef.current, location.hash),
        }),
  );

  const update = useCallback((patch: Partial<UrlState>) => setState((s) => ({ ...s, ...patch })), []);

  // Keep the link in step with the state, so a copied link restores this view.
  useEffect(() => {
    writer?.request(serializeUrlState(state));
  }, [writer, state]);

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
        parsed = parseRef.current(new URL(ev.newURL).hash);
      } catch (e) {
        console.error(e);
        return;
      }
      // The link now says what the user wants: a write still waiting must not overwrite it.
      writer?.cancel();
      const prev = stateRef.current;
      stateRef.current = parsed.state;
      setState(parsed.state);
      setNotices(parsed.problems);
      if (!sameView(prev.view, parsed.state.view)) setViewRequest((r) => ({ view: parsed.state.view, seq: r.seq + 1 }));
      try {
        appliedRef.current?.(parsed.state, prev);
      } catch (e) {
        console.error(e);
      }
    };
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [writer]);

  useEffect(() => () => writer?.cancel(), [writer]);

  return { state, setState, update, notices, setNotices, viewRequest, writer };
}
