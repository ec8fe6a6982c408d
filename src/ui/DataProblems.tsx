import { formatProblem, type ValidationProblem } from '../data/validate.ts';

/** Lists what is wrong with a data file; shown instead of that layer, never instead of the page. */
export function DataProblems({ problems }: { problems: ValidationProblem[] }) {
  if (!problems.length) return null;
  return (
    <div className="problems" role="alert" data-testid="data-problems">
      <strong>Some data could not be shown:</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ul>
    </div>
  );
}
