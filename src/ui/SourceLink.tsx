import type { SourceRef } from '../data/tables.ts';

/** A cited source: a link when it has a URL, its title otherwise. Text only, never HTML. */
export function SourceLink({ source }: { source: SourceRef | null }) {
  if (!source) return <span className="source missing">source not recorded</span>;
  const label = [source.publisher, source.date].filter(Boolean).join(', ');
  return source.url ? (
    <a className="source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {label || source.title}
    </a>
  ) : (
    <span className="source">{source.title}</span>
  );
}
