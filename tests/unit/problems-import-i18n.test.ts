import { describe, expect, it } from 'vitest';
import { problemsImportEn } from '../../src/i18n/problems-import.en.ts';
import { problemsImportJa } from '../../src/i18n/problems-import.ja.ts';
import { problemsImportRu } from '../../src/i18n/problems-import.ru.ts';

const leaves = (o: object, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`),
  );
const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the import and storage problems' texts", () => {
  it('every code has a non-empty Japanese and Russian text with the same variables as the English', () => {
    const en = new Map(leaves(problemsImportEn));
    for (const [name, other] of [
      ['ja', problemsImportJa],
      ['ru', problemsImportRu],
    ] as const) {
      const texts = new Map(leaves(other));
      expect([...texts.keys()].sort(), name).toEqual([...en.keys()].sort());
      for (const [code, english] of en) {
        const text = texts.get(code) ?? '';
        expect(text.trim(), `${name} ${code}`).not.toBe('');
        expect(variables(text), `${name} ${code}`).toEqual(variables(english));
      }
    }
  });
});
