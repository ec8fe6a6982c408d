/**
 * The page's state, in one reducer. Its sources of truth are the link (what the user chose, url-state.ts),
 * the loaded data and the user's imports; the rest is what the user is doing right now (an import under
 * way, a point whose details are open, a section opened). Everything drawn is derived from this state by
 * the pure functions of derive-view.ts. Pure: runs and is tested in Node.
 */
import type { LayerState } from '../data/load-layers.ts';
import type { LayerName } from '../data/schemas.ts';
import type { LoadedImport } from '../data/import.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { toSites } from '../data/deployments.ts';
import { boundsAroundPoint, type UserPoint } from '../geo/user-points.ts';
import { CERTAINTIES, COUNTRIES, KINDS, type Certainty, type Country, type Kind } from '../geo/military.ts';
import type { ParsedUrlState, UrlState, View } from './url-state.ts';
import { FIRST_YEAR, HISTORY_FIRST_YEAR, THIS_YEAR } from './years.ts';

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

/** A request for the map to show a view (null: the home view), numbered so the same view can be asked again. */
export interface ViewRequest {
  view: View | null;
  seq: number;
}

/** The site filters the link does not keep (the year is the link's). */
export interface SiteChoice {
  countries: Country[];
  kinds: Kind[];
  certainties: Certainty[];
}

/** How the newest imported territory is split (not in the link: it belongs to a file in this browser). */
export interface TerritoryChoice {
  share: number;
  /** null: across the territory's long axis. */
  bearing: number | null;
  /** The point whose nearest territory vertex is the anchor (side A holds it); null: Cape Nosappu. */
  anchor: [number, number] | null;
}

/** A notice about the link: worded when the link was read, or a site the data does not have (worded when shown). */
export type LinkNotice = { text: string } | { siteNotInData: string };

export const LAYER_NAMES: readonly LayerName[] = ['islands', 'hokkaido', 'context', 'deployments'];

export interface AppState {
  link: UrlState;
  notices: LinkNotice[];
  viewRequest: ViewRequest;
  layers: Record<LayerName, LayerState>;
  /**
   * The options are computed in a task of their own, after the one that brought the data has started the
   * map: the map's start-up (WebGL, its worker taking the land) then overlaps the computation.
   */
  computeStarted: boolean;
  imports: LoadedImport[];
  importProblems: ValidationProblem[];
  importBusy: boolean;
  territory: TerritoryChoice;
  userPointId: string | null;
  /** Bounds the map is asked to show (the history's region, an imported territory). */
  focus: Bounds | null;
  /** A territory the user has just imported, kept in view until the next option change. */
  importedView: Bounds | null;
  /** After the user changes the option, the new cut line must be on screen; the link's own view is left alone. */
  followChanges: boolean;
  siteChoice: SiteChoice;
  playing: boolean;
  historyOpen: boolean;
  historyOnMap: boolean;
}

export type Action =
  /** The user changed some of the link's choices. */
  | { type: 'link'; patch: Partial<UrlState> }
  /** The user changed the option, share or bearing: the new cut is brought into view. */
  | { type: 'option'; patch: Partial<UrlState> }
  /** A link changed from outside (address bar, back, forward), applied like a fresh load. */
  | { type: 'linkApplied'; parsed: ParsedUrlState }
  | { type: 'noticesDismissed' }
  | { type: 'layersLoaded'; layers: Record<LayerName, LayerState> }
  | { type: 'computeStarted' }
  | { type: 'importStarted' }
  | { type: 'importEnded' }
  | { type: 'importRefused'; problems: ValidationProblem[] }
  | { type: 'imported'; data: LoadedImport; view: Bounds | null }
  | { type: 'importsRestored'; data: LoadedImport[] }
  | { type: 'importRemoved'; name: string }
  | { type: 'territory'; patch: Partial<TerritoryChoice> }
  | { type: 'userPoint'; id: string | null }
  /** A point found by its id (not clicked on the map): its details open and the map goes to it. */
  | { type: 'showUserPoint'; point: UserPoint }
  | { type: 'focus'; bounds: Bounds }
  | { type: 'sites'; choice: SiteChoice; year: number }
  | { type: 'playing'; playing: boolean }
  | { type: 'historyOpen'; open: boolean }
  | { type: 'historyOnMap'; onMap: boolean }
  /** The history's year; from FIRST_YEAR on it moves the sites' year with it while the sites are shown. */
  | { type: 'historyYear'; year: number };

const DEFAULT_TERRITORY: TerritoryChoice = { share: 0.5, bearing: null, anchor: null };

export function initialState(parsed: ParsedUrlState): AppState {
  return {
    link: parsed.state,
    notices: parsed.problems.map((text) => ({ text })),
    viewRequest: { view: parsed.state.view, seq: 0 },
    layers: {
      islands: { status: 'loading' },
      hokkaido: { status: 'loading' },
      context: { status: 'loading' },
      deployments: { status: 'loading' },
    },
    computeStarted: false,
    imports: [],
    importProblems: [],
    importBusy: false,
    territory: DEFAULT_TERRITORY,
    userPointId: null,
    focus: null,
    importedView: null,
    followChanges: false,
    siteChoice: { countries: [...COUNTRIES], kinds: [...KINDS], certainties: [...CERTAINTIES] },
    playing: false,
    historyOpen: false,
    historyOnMap: false,
  };
}

const sameView = (a: View | null, b: View | null) =>
  a === null || b === null ? a === b : a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom;

/**
 * A site named by the link but not in the loaded data: the link's site is closed and a notice says so.
 * Applied wherever the link or the data arrive, so the state never holds such a site.
 */
function checkSite(s: AppState): AppState {
  const site = s.link.site;
  const deployments = s.layers.deployments;
  if (!site || deployments.status !== 'ok' || toSites(deployments.data).some((x) => x.id === site)) return s;
  return { ...s, link: { ...s.link, site: null }, notices: [...s.notices, { siteNotInData: site.slice(0, 40) }] };
}

export function reduce(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'link':
      return { ...s, link: { ...s.link, ...a.patch } };
    case 'option':
      return { ...s, link: { ...s.link, ...a.patch }, followChanges: true, importedView: null };
    case 'linkApplied': {
      const next = a.parsed.state;
      const viewRequest = sameView(s.link.view, next.view)
        ? s.viewRequest
        : { view: next.view, seq: s.viewRequest.seq + 1 };
      return checkSite({ ...s, link: next, notices: a.parsed.problems.map((text) => ({ text })), viewRequest });
    }
    case 'noticesDismissed':
      return { ...s, notices: [] };
    case 'layersLoaded':
      return checkSite({ ...s, layers: a.layers });
    case 'computeStarted':
      return { ...s, computeStarted: true };
    case 'importStarted':
      return { ...s, importBusy: true };
    case 'importEnded':
      return { ...s, importBusy: false };
    case 'importRefused':
      return { ...s, importProblems: a.problems };
    case 'imported':
      return {
        ...s,
        importProblems: [],
        imports: [...s.imports.filter((d) => d.name !== a.data.name), a.data],
        importedView: a.view ?? s.importedView,
      };
    case 'importsRestored':
      // Restored files go before those imported during this visit; a name imported meanwhile wins.
      return { ...s, imports: [...a.data.filter((d) => !s.imports.some((p) => p.name === d.name)), ...s.imports] };
    case 'importRemoved':
      return { ...s, imports: s.imports.filter((d) => d.name !== a.name) };
    case 'territory':
      return { ...s, territory: { ...s.territory, ...a.patch } };
    case 'userPoint':
      return { ...s, userPointId: a.id };
    case 'showUserPoint':
      return { ...s, userPointId: a.point.id, focus: boundsAroundPoint(a.point.lonlat) };
    case 'focus':
      return { ...s, focus: a.bounds };
    case 'sites':
      return { ...s, siteChoice: a.choice, link: { ...s.link, year: a.year === THIS_YEAR ? null : a.year } };
    case 'playing':
      return { ...s, playing: a.playing };
    case 'historyOpen':
      return { ...s, historyOpen: a.open };
    case 'historyOnMap':
      return { ...s, historyOnMap: a.onMap };
    case 'historyYear': {
      const link = { ...s.link, history: a.year === HISTORY_FIRST_YEAR ? null : a.year };
      const movesSites = s.link.layers.includes('deployments') && a.year >= FIRST_YEAR && a.year <= THIS_YEAR;
      if (movesSites) link.year = a.year === THIS_YEAR ? null : a.year;
      return { ...s, link };
    }
  }
}
