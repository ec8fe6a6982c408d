/**
 * The one format of a cited source, used by every data file (options, official areas, populations,
 * settlements, systems, exercises, military sites), and its check. Pure; no data imported here.
 *
 *   { "id", "title", "author"?, "publisher", "date", "url": "https://…" | null, "pages"?, "copy_consulted"?, "used_for"? }
 *
 * Rule: either `url` is an https URL of the publication, or the source is a bibliographic reference
 * (author or publisher, title and date all present). `copy_consulted` is the https URL of a copy
 * (mirror, translation, quotation) that was read where the original could not be found online.
 * No source may point into this repository or to notes a reader cannot see.
 */

export type { Source } from '../geo/citation.ts';
import type { Source } from '../geo/citation.ts';

/** A problem found in one field of one source; `field` is relative to the source ("url", "date"…). */
export interface SourceIssue {
  field: string;
  message: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const HTTPS = /^https:\/\/[^\s/$.?#][^\s]*$/i;
/** Text that points into this repository or to unpublished notes instead of a publication. */
const REPOSITORY_POINTER = new RegExp(
  [
    String.raw`shared\/reference|mission-context|research notes|this project|\bseed reference\b`,
    String.raw`file:\/\/|localhost|127\.0\.0\.1`,
    String.raw`(^|[\s(:'"\x60])\.{0,2}\/?(data|geo|src|scripts|tests|docs)\/[\w./-]+`,
    String.raw`\b[\w-]+\.(md|geojson|json|tsx?)\b`,
  ].join('|'),
  'i',
);

/** True when any text of the source points into the repository or to notes a reader cannot see. */
export function isRepositoryPointer(s: Partial<Record<keyof Source, unknown>>): boolean {
  return (['title', 'author', 'publisher', 'url', 'copy_consulted', 'pages'] as const).some((k) => {
    const v = s[k];
    if (typeof v !== 'string') return false;
    // A web address may well end in .json or contain /data/: only the non-URL texts are checked for file names.
    if ((k === 'url' || k === 'copy_consulted') && HTTPS.test(v))
      return /shared\/reference|localhost|127\.0\.0\.1|file:\/\//i.test(v);
    return REPOSITORY_POINTER.test(v);
  });
}

/** "url" when the source links to its publication, "bibliographic" when it is a full reference, else null. */
export function sourceKind(s: Source): 'url' | 'bibliographic' | null {
  if (typeof s.url === 'string' && HTTPS.test(s.url)) return 'url';
  if (s.url == null && (nonEmpty(s.author) || nonEmpty(s.publisher)) && nonEmpty(s.title) && nonEmpty(s.date))
    return 'bibliographic';
  return null;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Everything wrong with one source (empty when it is well formed). */
export function checkSource(raw: unknown, allowedUsedFor?: readonly string[]): SourceIssue[] {
  const issues: SourceIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return [{ field: '', message: 'a source must be an object' }];
  const s = raw as Record<string, unknown>;
  if (!nonEmpty(s.id)) add('id', 'is missing');
  if (!nonEmpty(s.title)) add('title', 'is missing');
  for (const k of ['publisher', 'date', 'url'] as const) {
    if (!(k in s)) add(k, 'is missing (null when unknown)');
    else if (s[k] !== null && typeof s[k] !== 'string') add(k, 'must be a string or null');
  }
  for (const k of ['author', 'pages', 'copy_consulted'] as const)
    if (k in s && !nonEmpty(s[k])) add(k, 'must be a non-empty string when present');
  if (typeof s.date === 'string' && !DATE.test(s.date)) add('date', `"${s.date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (typeof s.url === 'string' && !HTTPS.test(s.url)) add('url', `must be an https URL, got "${s.url.slice(0, 60)}"`);
  if (typeof s.copy_consulted === 'string' && !HTTPS.test(s.copy_consulted))
    add('copy_consulted', `must be an https URL, got "${s.copy_consulted.slice(0, 60)}"`);
  if ('used_for' in s) {
    if (!Array.isArray(s.used_for) || !s.used_for.every((u) => typeof u === 'string'))
      add('used_for', 'must be a list of strings');
    else if (allowedUsedFor)
      s.used_for.forEach((u, i) => {
        if (!allowedUsedFor.includes(u as string))
          add(`used_for[${i}]`, `"${u}" is not one of ${allowedUsedFor.join(', ')}`);
      });
  }
  if (
    !issues.some((i) => ['url', 'date', 'title', 'publisher'].includes(i.field)) &&
    sourceKind(s as unknown as Source) === null
  ) {
    add(
      '',
      'is neither a link to the publication (an https url) nor a bibliographic reference ' +
        '(author or publisher, title and date)',
    );
  }
  if (isRepositoryPointer(s))
    add('', 'points into this repository or to notes a reader cannot see: cite the publication itself');
  return issues;
}
