import type { TFunction } from 'i18next';
import { formatProblem } from '../data/validate.ts';
import type { ProblemParam, ValidationProblem } from '../data/problem.ts';
import { useT, type UiLanguage } from '../i18n/index.ts';
import { fmtNumber } from './format.ts';

/** A number as JavaScript writes it, with the language's separators (200.5 → ru "200,5"). */
function showNumber(v: number, lang: UiLanguage): string {
  const s = String(v);
  if (!Number.isFinite(v) || s.includes('e')) return s;
  return fmtNumber(v, s.split('.')[1]?.length ?? 0, lang);
}

/** Looser than the typed t(): problem codes are dynamic keys of the "problems" namespace. */
type ProblemsT = (keys: string | string[], options: Record<string, unknown>) => string;

/**
 * A problem's sentence in the interface language: its code's template (src/i18n/problems.*.ts) with the
 * language's numbers; the English `message` when the problem has no code or no language has its template.
 */
export function problemSentence(t: TFunction, lang: UiLanguage, p: ValidationProblem): string {
  if (!p.code) return p.message;
  const tp = t as unknown as ProblemsT;
  const or = tp('_or', { ns: 'problems' });
  const values: Record<string, string> = {};
  const params = p.params ?? {};
  for (const [k, v] of Object.entries(params) as [string, ProblemParam][])
    values[k] = typeof v === 'number' ? showNumber(v, lang) : typeof v === 'string' ? v : v.join(or);
  const keys = params.n === 1 ? [`${p.code}_one`, p.code] : [p.code];
  return tp(keys, { ns: 'problems', ...values, defaultValue: p.message });
}

/** One line as formatProblem writes it (file, feature, JSON path), in the interface language. */
export function problemLine(t: TFunction, lang: UiLanguage, p: ValidationProblem): string {
  if (!p.code) return formatProblem(p);
  const sentence = problemSentence(t, lang, p);
  if (p.featureIndex === null) return `${p.file}: ${sentence}`;
  const feature = (t as unknown as ProblemsT)('_feature', {
    ns: 'problems',
    feature: p.featureId ?? `#${p.featureIndex}`,
  });
  return `${p.file}: ${feature} (${p.path}): ${sentence}`;
}

/** Lists what is wrong with a data file; shown instead of that layer, never instead of the page. */
export function DataProblems({ problems }: { problems: ValidationProblem[] }) {
  const { t, lang } = useT();
  if (!problems.length) return null;
  return (
    <div className="problems" role="alert" data-testid="data-problems">
      <strong>{t('dataProblems.title')}</strong>
      {/* A problem without a code (not yet translated) is in English: it says so with its own lang. */}
      <ul>
        {problems.map((p, i) => (
          <li key={i} lang={p.code ? undefined : 'en'}>
            {problemLine(t, lang, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
