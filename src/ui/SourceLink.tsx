import type { SourceRef } from '../data/tables.ts';

/**
 * A cited source: a link to the publication when it has a URL; otherwise its bibliographic reference
 * (author or publisher, date, title, pages), with a link to the copy consulted when there is one. Text only, never HTML.
 */
export function SourceLink({ source }: { source: SourceRef | null }) {
  if (!source) return <span className="source missing">source not recorded</span>;
  const label = [source.publisher, source.date].filter(Boolean).join(', ');
  if (source.url) {
    return (
      <a className="source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
        {label || source.title}
      </a>
    );
  }
  const reference = [source.author, source.publisher, source.date].filter(Boolean).join(', ');
  return (
    <span className="source">
      {reference ? `${reference}: ` : ''}{source.title}{source.pages ? `, p. ${source.pages}` : ''}
      {source.copy_consulted && <> (<a href={source.copy_consulted} target="_blank" rel="noopener noreferrer">copy consulted</a>)</>}
    </span>
  );
}
