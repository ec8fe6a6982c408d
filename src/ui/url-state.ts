/** The link state lives in src/state (pure, tested in Node); the page and its tests read it from here too. */
export * from '../state/url-state.ts';
