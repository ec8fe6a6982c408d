/**
 * A problem found in a data file or an import: where (file, feature, JSON path), what (a stable `code`
 * with its `params`), and the English sentence (`message`, for the CLI, the tests and as the fallback).
 * The page renders `code` and `params` in the interface language (src/ui/DataProblems.tsx); the English
 * `message` is filled from the same template (src/i18n/problems.en.ts), so both always agree.
 *
 * To give a new problem a code: add its English template under a group in problems.en.ts (and its
 * ja and ru texts, which the compiler and tests/unit/problems-i18n.test.ts require), then build it with
 * `problem('group.key', params)` and spread the result into the problem: `{ file, ..., ...problem(...) }`.
 */
import { problemsEn } from '../i18n/problems.en.ts';

/**
 * A parameter: a number is formatted per language (counts, degrees); a string is shown as it is (quoted
 * values from the file, positions, indices, identifiers); a list is joined with the language's "or".
 */
export type ProblemParam = string | number | readonly string[];
export type ProblemParams = Readonly<Record<string, ProblemParam>>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every problem code: the dotted keys of the English templates, without the `_one` twins and the `_` words. */
export type ProblemCode = Exclude<Leaves<typeof problemsEn>, `${string}_one` | `_${string}`>;

/** What a problem says, apart from where it is. */
export interface ProblemText {
  code: ProblemCode;
  params: ProblemParams;
  /** The English sentence. */
  message: string;
}

export interface ValidationProblem {
  file: string; // the file name given by the caller, e.g. 'geo/islands.geojson'
  featureIndex: number | null; // index in features[], null for file-level problems
  featureId: string | null; // properties.id when present (as string), else null
  path: string; // JSON path to the offending value; '' for file-level problems
  message: string; // English sentence, e.g. 'latitude 200 is outside -90..90'
  /** Absent for a problem not yet given a code: the page then shows `message`. */
  code?: ProblemCode;
  params?: ProblemParams;
}

/** The template of `code` in a language's resources (the `_one` twin when `n` is 1), or null. */
export function problemTemplate(resources: object, code: string, params: ProblemParams): string | null {
  let node: unknown = resources;
  const keys = code.split('.');
  const last = keys.pop() ?? '';
  for (const k of keys) node = isRecord(node) ? node[k] : undefined;
  if (!isRecord(node)) return null;
  const one = params.n === 1 ? node[`${last}_one`] : undefined;
  const t = typeof one === 'string' ? one : node[last];
  return typeof t === 'string' ? t : null;
}

/** Fills {{name}} in `template`; `show` turns each parameter into text. A missing parameter stays visible. */
function fillTemplate(template: string, params: ProblemParams, show: (v: ProblemParam) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : show(v);
  });
}

/**
 * A parameter in the English sentence: numbers as JavaScript writes them (the CLI's and the tests' messages
 * are unchanged: "… and 999980 more problems"), lists joined with " or ". A caller whose English message
 * groups digits ("1,000,001") passes that text as a string.
 */
function showEnglish(v: ProblemParam): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return v.join(problemsEn._or);
}

/** The code, the params and the English sentence of a problem. */
export function problem(code: ProblemCode, params: ProblemParams = {}): ProblemText {
  const template = problemTemplate(problemsEn, code, params);
  return { code, params, message: template === null ? code : fillTemplate(template, params, showEnglish) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
