/**
 * Military sites: the vocabulary of geo/deployments.geojson and the checks beyond GeoJSON structure
 * (vocabularies, years, known systems, sources). Used on load by the page, the CLI and the tests.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { ValidationProblem } from './validate.ts';
import { checkSource, type Source } from './sources.ts';
import { translationProblem } from './translation-check.ts';
import { en } from '../i18n/en.ts';

export {
  COUNTRIES,
  KINDS,
  OPERATORS,
  CERTAINTIES,
  standingIn,
  type Kind,
  type SiteProps,
  type Site,
  type SystemInfo,
} from '../geo/military.ts';
import {
  COUNTRIES,
  OPERATORS,
  KINDS,
  CERTAINTIES,
  SITE_ISLANDS,
  type Kind,
  type Site,
  type SiteProps,
} from '../geo/military.ts';

/** The kinds' English names: the interface's own (src/i18n/en.ts), for the CLI and English text. */
export const KIND_LABELS: Record<Kind, string> = en.deployments.kinds;
/** One- or two-letter marks drawn on the symbols (text, so no sprite is needed). */
export const KIND_MARKS: Record<Kind, string> = {
  headquarters: 'HQ',
  garrison: 'G',
  'coastal-missile': 'M',
  'air-defence': 'AD',
  airfield: 'A',
  radar: 'R',
  naval: 'N',
  'border-post': 'B',
  'training-area': 'T',
};

const isYear = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) >= 1800 && (v as number) <= 2100);

/** Checks what GeoJSON validation cannot: vocabularies, years, systems, sources. */
export function checkDeployments(
  file: string,
  fc: FeatureCollection<Geometry>,
  systemIds: readonly string[],
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  fc.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.id === 'string' ? p.id : null;
    const add = (path: string, message: string) =>
      problems.push({ file, featureIndex: i, featureId: id, path: `features[${i}].properties.${path}`, message });
    const vocab = (k: string, allowed: readonly string[]) => {
      if (!allowed.includes(p[k] as string)) add(k, `${k} "${String(p[k])}" is not one of ${allowed.join(', ')}`);
    };
    vocab('country', COUNTRIES);
    vocab('operator', OPERATORS);
    vocab('kind', KINDS);
    vocab('certainty', CERTAINTIES);
    vocab('island', SITE_ISLANDS);
    if (typeof p.name_en !== 'string' || !p.name_en) add('name_en', 'missing name_en');
    if (!isYear(p.since)) add('since', `since must be a year or null, got ${JSON.stringify(p.since)}`);
    if (!isYear(p.until)) add('until', `until must be a year or null, got ${JSON.stringify(p.until)}`);
    if (typeof p.since === 'number' && typeof p.until === 'number' && p.since > p.until)
      add('until', `until ${p.until} is before since ${p.since}`);
    if (
      p.personnel !== null &&
      p.personnel !== undefined &&
      !(Number.isFinite(p.personnel) && (p.personnel as number) >= 0)
    )
      add('personnel', 'personnel must be a number or null');
    if (!Array.isArray(p.systems)) add('systems', 'systems must be a list');
    else
      p.systems.forEach((s, k) => {
        if (!systemIds.includes(s as string)) add(`systems[${k}]`, `unknown system "${String(s)}"`);
      });
    for (const [key, message] of checkNoteTranslations(p)) add(key, message);
    if (!Array.isArray(p.sources) || p.sources.length === 0) add('sources', 'needs at least one source');
    else {
      const ids = new Set<string>();
      p.sources.forEach((s, k) => {
        for (const issue of checkSource(s)) add(`sources[${k}]${issue.field ? `.${issue.field}` : ''}`, issue.message);
        const id = (s as Partial<Source> | null)?.id;
        if (typeof id === 'string') {
          if (ids.has(id)) add(`sources[${k}].id`, `"${id}" is used by two sources`);
          ids.add(id);
        }
      });
    }
  });
  return problems;
}

/** A note's translations (note_ja, note_ru): present exactly when the note is, and keeping its numbers. */
function checkNoteTranslations(p: Record<string, unknown>): [key: string, message: string][] {
  const problems: [string, string][] = [];
  const note = typeof p.note === 'string' && p.note ? p.note : null;
  if (p.note !== null && p.note !== undefined && !note) problems.push(['note', 'note must be a text or null']);
  for (const key of ['note_ja', 'note_ru'] as const) {
    if (!note) {
      if (p[key] !== null && p[key] !== undefined)
        problems.push([key, `${key} translates a note the site does not have`]);
      continue;
    }
    const problem = translationProblem(note, p[key]);
    if (problem) problems.push([key, `${key} ${problem}`]);
  }
  return problems;
}

export function toSites(fc: FeatureCollection<Geometry>): Site[] {
  return fc.features
    .filter((f) => f.geometry?.type === 'Point')
    .map((f) => {
      const props = f.properties as SiteProps;
      const c = (f.geometry as Point).coordinates;
      return { id: props.id, lonlat: [c[0]!, c[1]!], props }; // a validated Point has both
    });
}
