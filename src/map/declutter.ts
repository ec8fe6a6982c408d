/**
 * Labels and site symbols drawn as HTML over the map must not cover each other. After the map settles,
 * every candidate's box is measured and placed greedily, in this order: sites at their own published
 * position (they cannot move), island names, settlement names (shown from zoom 8), the sites known only
 * to a town or an island (fanned out around their shared point), the 1945 villages. A box that would
 * overlap one already placed is tried at a few offsets where it may move, and otherwise gives way
 * (hidden until the map is zoomed in). Hidden sites stay in the side panel's sites list, so nothing
 * becomes unreachable.
 */
import { useEffect } from 'react';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { LAYERS, userPointReach } from './style.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Candidate {
  id: string;
  priority: number;
  box: Box;
  /** Offsets (px) to try before giving way. */ shifts?: [number, number][];
}
export interface Placement {
  shown: Map<string, [number, number]>;
  hidden: Set<string>;
}

/** Boxes touch only if they share area; a 1 px gap is kept between placed boxes. */
export function overlaps(a: Box, b: Box, gap = 1): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/**
 * Greedy placement: by priority (lower first), then by the order given. Pure, for tests in Node.
 * `soft` boxes are drawn by the map itself (the counts of the user's imported points' clusters): a box that
 * may move takes, of the positions clear of what was placed before it, the first that covers the fewest of
 * them; none is hidden because of them, so the islands' names stay on the map however many points the
 * user imported.
 */
export function declutter(candidates: readonly Candidate[], soft: readonly Box[] = []): Placement {
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  const placed: Box[] = [];
  const shown = new Map<string, [number, number]>();
  const hidden = new Set<string>();
  const covering = soft.length ? softCounter(soft) : () => 0;
  for (const { c } of order) {
    const offsets: [number, number][] = [[0, 0], ...(c.shifts ?? [])];
    // Of the positions clear of what was placed, the first that covers the fewest of the map's own boxes.
    let chosen: Box | undefined;
    let chosenOffset: [number, number] | undefined;
    let least = Infinity;
    for (const o of offsets) {
      const b = { x: c.box.x + o[0], y: c.box.y + o[1], w: c.box.w, h: c.box.h };
      if (placed.some((p) => overlaps(p, b))) continue;
      const covered = covering(b, least);
      if (covered < least) [chosen, chosenOffset, least] = [b, o, covered];
      if (!covered) break;
    }
    if (!chosen || !chosenOffset) {
      hidden.add(c.id);
      continue;
    }
    placed.push(chosen);
    shown.set(c.id, chosenOffset);
  }
  return { shown, hidden };
}

/** Side (px) of the grid's cells in softCounter: about a cluster's disc. */
const SOFT_CELL = 64;

/**
 * How many of the soft boxes a box covers (touching edges do not count), counting only up to `enough`
 * (a position that covers that many cannot win). The boxes are filed by the grid cells they touch, so a
 * position looks only at boxes near it: with 3,000 clusters' counts in view and twenty positions per site,
 * counting every box at every position took 17 ms of the page's thread (web benchmark's profile).
 */
function softCounter(soft: readonly Box[]): (b: Box, enough: number) => number {
  const cells = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
  const span = (b: Box) => [
    Math.floor(b.x / SOFT_CELL),
    Math.floor((b.x + b.w) / SOFT_CELL),
    Math.floor(b.y / SOFT_CELL),
    Math.floor((b.y + b.h) / SOFT_CELL),
  ];
  soft.forEach((b, i) => {
    const [x0, x1, y0, y1] = span(b);
    for (let cx = x0!; cx <= x1!; cx++)
      for (let cy = y0!; cy <= y1!; cy++) {
        const k = cellKey(cx, cy);
        const list = cells.get(k);
        if (list) list.push(i);
        else cells.set(k, [i]);
      }
  });
  // A box spanning several cells is met once per cell: each count marks the boxes it has seen.
  const seen = new Uint32Array(soft.length);
  let round = 0;
  return (b, enough) => {
    round++;
    let n = 0;
    const [x0, x1, y0, y1] = span(b);
    for (let cx = x0!; cx <= x1!; cx++)
      for (let cy = y0!; cy <= y1!; cy++)
        for (const i of cells.get(cellKey(cx, cy)) ?? []) {
          if (seen[i] === round) continue;
          seen[i] = round;
          if (overlaps(soft[i]!, b, 0) && ++n >= enough) return n;
        }
    return n;
  };
}

/**
 * Where a name may move (px) when its place is taken; the exported figure (src/ui/export-figure.ts) tries
 * these first, then farther ones. The diagonals matter on a phone, where a two-line name is as wide as an
 * island group and the clusters of imported points leave no room straight above, below or beside it
 * (300 spread points at 390×844: names over cluster counts 4 → 1).
 */
export const NAME_SHIFTS: [number, number][] = [
  [0, -22],
  [0, 22],
  [0, -40],
  [0, 40],
  [-50, 0],
  [50, 0],
  [-50, -22],
  [50, -22],
  [-50, 22],
  [50, 22],
];
/**
 * Sites known only to a town or an island share one placed point (several at Yuzhno-Kurilsk): they are
 * fanned out around it, as their position is approximate anyway. A site at its own published position
 * is never moved.
 */
export const SITE_FAN: [number, number][] = [0, 1, 2, 3, 4, 5, 6, 7]
  .flatMap((k) => {
    const a = (k * Math.PI) / 4;
    return [[Math.round(24 * Math.cos(a)), Math.round(24 * Math.sin(a))] as [number, number]];
  })
  .concat(
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => {
      const a = (k * Math.PI) / 6 + Math.PI / 12;
      return [Math.round(46 * Math.cos(a)), Math.round(46 * Math.sin(a))] as [number, number];
    }),
  );
/** What is placed, in priority order: CSS selector, priority, and whether it may move a little. */
interface Kind {
  selector: string;
  priority: number;
  shifts: [number, number][] | undefined;
}
const KINDS: Kind[] = [
  // Sites at their own published position cannot move, so they are placed first; names then find room.
  { selector: '.site-symbol.handed.exact', priority: 0, shifts: undefined },
  { selector: '.site-symbol.exact', priority: 0, shifts: undefined },
  { selector: '.map-label', priority: 1, shifts: NAME_SHIFTS },
  // Once zoomed in (names shown from zoom 8), a town's name comes before the sites fanned around it.
  {
    selector: '[data-near="true"] .settlement-name',
    priority: 2,
    shifts: [
      [0, -14],
      [0, 14],
    ],
  },
  { selector: '.site-symbol.handed', priority: 3, shifts: SITE_FAN },
  { selector: '.site-symbol', priority: 3, shifts: SITE_FAN },
  { selector: '.village-1945', priority: 4, shifts: undefined },
];

/**
 * The boxes (page px) of the counts of the user's clusters (and of the points alone) that the map draws in
 * view, which the HTML over it would otherwise cover. Beyond a few thousand, the map is full of them
 * anyway and no position would be clear: none are returned, and names stay where they are.
 */
function userPointBoxes(map: MaplibreMap, view: DOMRect): Box[] {
  const layers = [LAYERS.userClusters.id, LAYERS.userPoints.id].filter((id) => map.getLayer(id));
  if (!layers.length) return [];
  const features = map.queryRenderedFeatures({ layers });
  if (features.length > MAX_SOFT_BOXES) return [];
  return features.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const { x, y } = map.project(f.geometry.coordinates as [number, number]);
    const count = f.properties?.point_count;
    // The disc's middle, where a cluster's count is: a name may graze a disc's edge, not hide its count.
    const r = 0.7 * userPointReach(typeof count === 'number' ? count : null);
    return [{ x: view.left + x - r, y: view.top + y - r, w: 2 * r, h: 2 * r }];
  });
}
const MAX_SOFT_BOXES = 3000;

/** Measures the page's labels and symbols and applies a placement (data-declutter="hidden", a shift). */
function declutterMap(map: MaplibreMap): Placement {
  const container = map.getContainer();
  const els = new Map<string, HTMLElement>();
  const candidates: Candidate[] = [];
  const seen = new Set<Element>();
  const found: [HTMLElement, Kind][] = [];
  for (const k of KINDS)
    container.querySelectorAll<HTMLElement>(k.selector).forEach((el) => {
      if (seen.has(el)) return;
      seen.add(el);
      found.push([el, k]);
      // Measured where it would be with no shift, whatever an earlier pass did.
      el.style.translate = '';
      el.removeAttribute('data-declutter');
    });
  // Every reset written before any box is read: one layout for the pass, not one per element (a read after
  // each write made the browser lay the page out again for every label: 35–45 ms in the web benchmark).
  const view = container.getBoundingClientRect();
  for (const [el, k] of found) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right < view.left || r.left > view.right || r.bottom < view.top || r.top > view.bottom)
      continue;
    const id = String(els.size);
    els.set(id, el);
    candidates.push({
      id,
      priority: k.priority,
      box: { x: r.left, y: r.top, w: r.width, h: r.height },
      shifts: k.shifts,
    });
  }
  const placement = declutter(candidates, userPointBoxes(map, map.getCanvas().getBoundingClientRect()));
  for (const [id, [dx, dy]] of placement.shown) if (dx || dy) els.get(id)!.style.translate = `${dx}px ${dy}px`;
  for (const id of placement.hidden) els.get(id)!.setAttribute('data-declutter', 'hidden');
  return placement;
}

/** Runs the placement whenever the map settles (after a move, a zoom or new data) and when `deps` change. */
export function useDeclutter(getMap: () => MaplibreMap | undefined, deps: readonly unknown[]): void {
  useEffect(() => {
    const map = getMap();
    if (!map) return;
    let frame = 0;
    // Two frames: a marker added or changed by React is positioned by the map in the next frame.
    const run = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          declutterMap(map);
          document.body.dataset.decluttered = String(Date.now());
        });
      });
    };
    map.on('idle', run);
    map.on('zoomend', run);
    // Markers added, removed or restyled (a site handed over, names shown from a zoom on) without the
    // map moving: place again. Positions changing while the map moves are left to 'idle'.
    const observer = new MutationObserver(run);
    observer.observe(map.getContainer(), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class', 'data-near'],
    });
    run();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      map.off('idle', run);
      map.off('zoomend', run);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
