/**
 * The user's view lives in the URL hash, so a copied link restores it. Parsing never throws: anything
 * malformed falls back to its default and is reported as a notice. Parsing is strict: one value per key,
 * plain decimal numbers, known keys only; everything else is named in a notice.
 */
import type { AreaBasis } from '../geo/shares.ts';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/languages.ts';
import { normalizeBearing } from '../geo/partition.ts';
import { HISTORY_FIRST_YEAR, THIS_YEAR } from './years.ts';

/** How places are named on the map: Japanese, Russian or both (src/map/names.ts draws them). */
export const LABEL_LANGUAGE_IDS = ['ja', 'ru', 'both'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGE_IDS)[number];

/** The link's option before the user chooses one: the islands as they are, no partition drawn. */
export const NO_OPTION = 'none';

export const LAYER_IDS = ['partition', 'settlements', 'labels', 'deployments', 'sea'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  option: string;
  /** Japan's share of the disputed total for the custom option, 0-1. */
  share: number;
  /**
   * Bearing of the cut in degrees [0, 180) as the user gave it, 'shortest' for the shortest land border,
   * or null for the default (across the long axis).
   */
  bearing: number | 'shortest' | null;
  basis: AreaBasis;
  lang: LabelLanguage;
  layers: LayerId[];
  island: string | null;
  view: View | null;
  /** Online basemap, only honoured on online.html (see src/map/basemap.ts). */
  basemap: 'osm' | 'gsi' | null;
  /** Year of the sites shown and counted, or null for this year. */
  year: number | null;
  /** Reported ranges drawn: none, of the selected site, of all shown sites. */
  rings: RingMode;
  /** The military site whose details are open. */
  site: string | null;
  /** Year of the history panel's timeline, or null for its first year (HISTORY_FIRST_YEAR). */
  history: number | null;
  /**
   * Interface language (en, ja, ru); absent when the link names none: the browser's choice (src/i18n).
   * Separate from `lang`, the place names.
   */
  ui?: UiLanguage;
}

export const RING_MODES = ['none', 'selected', 'all'] as const;
export type RingMode = (typeof RING_MODES)[number];

export const DEFAULT_STATE: UrlState = {
  // No option until the user picks one: a first view that shows no partition takes no side.
  option: NO_OPTION,
  share: 0.5,
  bearing: null,
  basis: 'geodesic',
  lang: 'both',
  layers: ['partition', 'settlements', 'labels', 'deployments'],
  island: null,
  view: null,
  basemap: null,
  year: null,
  rings: 'selected',
  site: null,
  history: null,
};

export interface ParsedUrlState {
  state: UrlState;
  problems: string[];
}

/**
 * The words of the notices, so that the page can give them in the interface language (src/i18n
 * linkMessages); English by default.
 */
export interface LinkMessages {
  unreadable: string;
  /** `used`, `ignored`: "key=value" as shown. */
  repeated: (key: string, used: string, ignored: string) => string;
  /** `list`: the keys, quoted and joined; `more`: how many more were not listed. */
  unknownKeys: (list: string, count: number, more: number) => string;
  /** `value`: "key=value" as shown; `why`: one of the reasons below. */
  bad: (value: string, why: string) => string;
  option: string;
  share: string;
  bearing: string;
  island: string;
  view: string;
  site: string;
  oneOf: (allowed: readonly string[]) => string;
  layers: (ids: readonly string[]) => string;
  year: (from: number, to: number) => string;
}

const LINK_MESSAGES_EN: LinkMessages = {
  unreadable: 'the link could not be read; showing the defaults',
  repeated: (key, used, ignored) => `"${key}" is given more than once: "${used}" is used and "${ignored}" is ignored`,
  unknownKeys: (list, count, more) => {
    const one = count === 1;
    const andMore = more > 0 ? ` and ${more} more` : '';
    return (
      `${one ? 'the key' : 'the keys'} ${list}${andMore} ${one ? 'is' : 'are'} not part of this page's links ` +
      `and ${one ? 'was' : 'were'} ignored`
    );
  },
  bad: (value, why) => `"${value}" ${why}; using the default`,
  option: 'is not a known option',
  share: 'must be a percentage from 0 to 100, as a plain number such as 42.5',
  bearing: 'must be a number of degrees, as a plain number such as 37.5, or "shortest"',
  island: 'is not an island of this map',
  view: 'must be lon,lat,zoom as plain numbers',
  site: 'is not a site identifier',
  oneOf: (allowed) => `must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`,
  layers: (ids) => `must list some of ${ids.join(', ')}`,
  year: (from, to) => `must be a year from ${from} to ${to}`,
};

const ID_RE = /^[a-z0-9-]{1,40}$/;
/** Plain decimal numbers only: no sign, exponent, hex, spaces or invisible characters. */
const UNSIGNED_DECIMAL = /^\d{1,6}(\.\d{1,12})?$/;
const DECIMAL = /^-?\d{1,6}(\.\d{1,12})?$/;

const URL_KEYS = [
  'option',
  'share',
  'bearing',
  'basis',
  'lang',
  'layers',
  'island',
  'view',
  'basemap',
  'year',
  'rings',
  'site',
  'ui',
  'history',
] as const;

/**
 * A value as it can be shown in a notice: invisible and control characters (U+200B, U+00A0, tabs, …)
 * are written as <U+200B>, so a notice never quotes a value that looks valid; long values are cut.
 */
function visibleText(v: string, max = 40): string {
  const shown = v.replace(/[\p{C}\p{Z}]/gu, (c) =>
    c === ' ' ? c : `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
  return shown.length > max ? shown.slice(0, max) + '…' : shown;
}

/** `years`: the range of the year slider; a year outside it falls back to this year. `msg`: the notices' words. */
export function parseUrlState(
  hash: string,
  optionIds: readonly string[],
  islandIds: readonly string[] = [],
  years: readonly [number, number] = [1900, 2100],
  msg: LinkMessages = LINK_MESSAGES_EN,
): ParsedUrlState {
  const state: UrlState = { ...DEFAULT_STATE, layers: [...DEFAULT_STATE.layers] };
  const problems: string[] = [];
  let entries: [string, string][];
  try {
    entries = [...new URLSearchParams(String(hash ?? '').replace(/^#/, ''))];
  } catch {
    return { state, problems: [msg.unreadable] };
  }
  // One value per key: the first is used, every further one is named in a notice. Unknown keys are listed.
  const values = new Map<string, string>();
  const unknown: string[] = [];
  for (const [k, v] of entries) {
    if (!(URL_KEYS as readonly string[]).includes(k)) {
      if (!unknown.includes(k)) unknown.push(k);
      continue;
    }
    const first = values.get(k);
    if (first === undefined) values.set(k, v);
    else problems.push(msg.repeated(k, `${k}=${visibleText(first)}`, `${k}=${visibleText(v)}`));
  }
  if (unknown.length) {
    const list = unknown
      .slice(0, 10)
      .map((k) => `"${visibleText(k)}"`)
      .join(', ');
    problems.push(msg.unknownKeys(list, unknown.length, Math.max(0, unknown.length - 10)));
  }
  const get = (k: string) => values.get(k) ?? null;
  const bad = (k: string, v: string, why: string) => problems.push(msg.bad(`${k}=${visibleText(v)}`, why));

  const option = get('option');
  if (option !== null) {
    if (ID_RE.test(option) && (optionIds.includes(option) || option === 'custom' || option === NO_OPTION))
      state.option = option;
    else bad('option', option, msg.option);
  }
  const share = get('share');
  if (share !== null) {
    const x = Number(share);
    if (UNSIGNED_DECIMAL.test(share) && x >= 0 && x <= 100) state.share = x / 100;
    else bad('share', share, msg.share);
  }
  const bearing = get('bearing');
  if (bearing === 'shortest') state.bearing = 'shortest';
  else if (bearing !== null && bearing !== 'auto') {
    const x = Number(bearing);
    if (DECIMAL.test(bearing) && x >= -360 && x <= 360) state.bearing = normalizeBearing(x);
    else bad('bearing', bearing, msg.bearing);
  }
  /** A parameter that takes one of a few words. */
  const oneOf = <T extends string>(k: string, allowed: readonly T[], set: (v: T) => void) => {
    const v = get(k);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) set(v as T);
    else bad(k, v, msg.oneOf(allowed));
  };
  oneOf('basis', ['geodesic', 'official'] as const, (v) => {
    state.basis = v;
  });
  oneOf('lang', LABEL_LANGUAGE_IDS, (v) => {
    state.lang = v;
  });
  const layers = get('layers');
  if (layers !== null) {
    const list = layers === '' ? [] : layers.split(',');
    if (list.every((l) => (LAYER_IDS as readonly string[]).includes(l))) state.layers = [...new Set(list)] as LayerId[];
    else bad('layers', layers, msg.layers(LAYER_IDS));
  }
  const island = get('island');
  if (island !== null) {
    if (islandIds.includes(island)) state.island = island;
    else bad('island', island, msg.island);
  }
  const view = get('view');
  if (view !== null) {
    const parts = view.split(',').map((s) => (DECIMAL.test(s) ? Number(s) : NaN));
    const [lon, lat, zoom] = parts;
    if (
      parts.length === 3 &&
      lon !== undefined &&
      lat !== undefined &&
      zoom !== undefined &&
      parts.every(Number.isFinite) &&
      Math.abs(lon) <= 180 &&
      Math.abs(lat) <= 85 &&
      zoom >= 0 &&
      zoom <= 22
    ) {
      state.view = { lon, lat, zoom };
    } else bad('view', view, msg.view);
  }
  oneOf('basemap', ['osm', 'gsi'] as const, (v) => {
    state.basemap = v;
  });
  /** A four-digit year within `range`, else a notice. */
  const yearIn = (k: string, [from, to]: readonly [number, number], set: (y: number) => void) => {
    const v = get(k);
    if (v === null) return;
    const x = Number(v);
    if (/^\d{4}$/.test(v) && x >= from && x <= to) set(x);
    else bad(k, v, msg.year(from, to));
  };
  yearIn('year', years, (y) => {
    state.year = y;
  });
  yearIn('history', [HISTORY_FIRST_YEAR, THIS_YEAR], (y) => {
    state.history = y === HISTORY_FIRST_YEAR ? null : y;
  });
  oneOf('rings', RING_MODES, (v) => {
    state.rings = v;
  });
  oneOf('ui', UI_LANGUAGES, (v) => {
    state.ui = v;
  });
  // Whether the site exists is known only once the data has loaded (the page checks it then).
  const site = get('site');
  if (site !== null) {
    if (ID_RE.test(site)) state.site = site;
    else bad('site', site, msg.site);
  }
  return { state, problems };
}

/** x.toFixed(d) without the sign of a value that rounds to zero ("-0.0000" would not read back the same). */
const fixed = (x: number, d: number) => {
  const t = x.toFixed(d);
  return /^-0(\.0*)?$/.test(t) ? t.slice(1) : t;
};

export function serializeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  p.set('option', s.option);
  if (s.option === 'custom') p.set('share', (s.share * 100).toFixed(2).replace(/\.?0+$/, ''));
  p.set(
    'bearing',
    s.bearing === null ? 'auto' : s.bearing === 'shortest' ? 'shortest' : fixed(s.bearing, 2).replace(/\.?0+$/, ''),
  );
  p.set('basis', s.basis);
  p.set('lang', s.lang);
  p.set('layers', s.layers.join(','));
  if (s.island) p.set('island', s.island);
  if (s.basemap) p.set('basemap', s.basemap);
  if (s.year !== null) p.set('year', String(s.year));
  if (s.rings !== DEFAULT_STATE.rings) p.set('rings', s.rings);
  if (s.site) p.set('site', s.site);
  if (s.history !== null) p.set('history', String(s.history));
  if (s.ui) p.set('ui', s.ui);
  if (s.view) p.set('view', `${fixed(s.view.lon, 4)},${fixed(s.view.lat, 4)},${fixed(s.view.zoom, 2)}`);
  return '#' + p.toString().replace(/%2C/g, ',');
}
