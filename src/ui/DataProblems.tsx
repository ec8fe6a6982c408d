import { formatProblem, type ValidationProblem } from '../data/validate.ts';
import { useT } from '../i18n/index.ts';

/** Lists what is wrong with a data file; shown instead of that layer, never instead of the page. */
export function DataProblems({ problems }: { problems: ValidationProblem[] }) {
  const { t } = useT();
  if (!problems.length) return null;
  return (
    <div className="problems" role="alert" data-testid="data-problems">
      <strong>{t('dataProblems.title')}</strong>
      {/* The problems themselves name files, features and fields, in English (src/data/validate.ts). */}
      <ul lang="en">
        {problems.map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
