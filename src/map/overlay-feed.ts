/**
 * The map's 'overlay' source as groups of features, sent to MapLibre as changes.
 *
 * The overlay holds what the user's choices compute: option shading, cut line, an imported territory,
 * history, sea lines. MapLibre copies a source's data to its worker by walking every coordinate in
 * script on the page's thread (its `serialize`), then cloning it: for an imported territory of about
 * 10,000 vertices that is 30–50 ms, and with setData it was paid again at every option change. Each
 * group (one kind of feature, one input collection) keeps the feature ids it was sent with, so a change
 * sends only the groups that changed (`updateData`: remove their old ids, add their new features), and
 * MapLibre reloads only the tiles those features touch.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_KIND } from './style.ts';

/** The overlay's groups, in drawing order: the kind each group's features are tagged with, its input. */
export type OverlayGroups = readonly (readonly [kind: string, input: FeatureCollection | null | undefined])[];

/** What MapLibre's `GeoJSONSource.updateData` takes, the part of it used here. */
export interface OverlayDiff {
  remove: number[];
  add: Feature[];
}

interface SentGroup {
  input: FeatureCollection | null | undefined;
  features: Feature[];
}

/** What has been sent: each group's input and its tagged features (with their ids). */
export interface OverlaySent {
  groups: ReadonlyMap<string, SentGroup>;
  nextId: number;
}

/**
 * The overlay after `groups`, from what was sent before (`null`: nothing yet). Groups whose input is the
 * same object as before keep their features and ids; the others get new ids. `diff` is null when no group
 * changed.
 */
export function overlayChange(
  sent: OverlaySent | null,
  groups: OverlayGroups,
): { sent: OverlaySent; diff: OverlayDiff | null } {
  let nextId = sent?.nextId ?? 1;
  const next = new Map<string, SentGroup>();
  const remove: number[] = [];
  const add: Feature[] = [];
  for (const [kind, input] of groups) {
    if (next.has(kind)) throw new Error(`overlay group "${kind}" is given twice`);
    const before = sent?.groups.get(kind);
    if (before && before.input === input) {
      next.set(kind, before);
      continue;
    }
    for (const f of before?.features ?? []) remove.push(f.id as number);
    const features = (input?.features ?? []).map((f): Feature => ({
      ...f,
      id: nextId++,
      properties: { ...f.properties, [LAYER_KIND]: kind },
    }));
    add.push(...features);
    next.set(kind, { input, features });
  }
  // A group no longer given at all is removed too.
  for (const [kind, before] of sent?.groups ?? []) {
    if (!next.has(kind)) for (const f of before.features) remove.push(f.id as number);
  }
  const changed = remove.length > 0 || add.length > 0 || !sent;
  return { sent: { groups: next, nextId }, diff: changed ? { remove, add } : null };
}

/** Every feature sent, as one collection, in the groups' order: the source's whole data. */
export function overlayData(sent: OverlaySent): FeatureCollection {
  return { type: 'FeatureCollection', features: [...sent.groups.values()].flatMap((g) => g.features) };
}
