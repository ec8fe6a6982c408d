/**
 * What the page needs of an import before any is made: the size check on a File (a 2 GB file is refused
 * without touching its bytes) and a property shown as text. Apart from import.ts, which the import worker
 * runs, so that the page's first load does not carry the validator's and the union's code for imports.
 */
import type { ValidationProblem } from './validate.ts';
import { problem, type ProblemCode, type ProblemParams } from './problem.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A refusal: what every failed import gives. */
export interface ImportRefusal {
  ok: false;
  problems: ValidationProblem[];
}

/** A refusal of the whole file, with its code for the page's languages (problem.ts). */
export const refuse = (file: string, code: ProblemCode, params: ProblemParams = {}): ImportRefusal => ({
  ok: false,
  problems: [{ file, featureIndex: null, featureId: null, path: '', ...problem(code, params) }],
});

/** Size check before reading a File. */
export function checkImportSize(file: string, bytes: number): ImportRefusal | null {
  if (!(bytes >= 0)) return refuse(file, 'import.sizeUnreadable');
  if (bytes > MAX_IMPORT_BYTES) return refuse(file, 'import.tooBig', { mb: (bytes / 1024 / 1024).toFixed(1) });
  if (bytes === 0) return refuse(file, 'import.empty');
  return null;
}

/** A property value as display text (never HTML): nested values as JSON, long ones shortened. */
export function propertyText(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 500 ? s.slice(0, 500) + '…' : s;
}
