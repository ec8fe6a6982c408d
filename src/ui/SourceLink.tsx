import type { SourceRef } from '../data/tables.ts';
import { useT } from '../i18n/index.ts';

/**
 * A cited source: a link to the publication when it has a URL; otherwise its bibliographic reference
 * (author or publisher, date, title, pages), with a link to the copy consulted when there is one. Text only,
 * never HTML.
 * Titles and publishers stay as the source gives them; dates are written in the interface language.
 */
export function SourceLink({ source }: { source: SourceRef | null }) {
  const { t, f } = useT();
  if (!source) return <span className="source missing">{t('source.notRecorded')}</span>;
  const date = source.date ? f.date(String(source.date)) : null;
  const label = [source.publisher, date].filter(Boolean).join(', ');
  if (source.url) {
    return (
      <a className="source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
        {label || source.title}
      </a>
    );
  }
  const reference = [source.author, source.publisher, date].filter(Boolean).join(', ');
  return (
    <span className="source">
      {reference ? `${reference}: ` : ''}
      {source.title}
      {source.pages ? t('source.pages', { pages: source.pages }) : ''}
      {source.copy_consulted && (
        <>
          {' '}
          (
          <a href={source.copy_consulted} target="_blank" rel="noopener noreferrer">
            {t('source.copyConsulted')}
          </a>
          )
        </>
      )}
    </span>
  );
}
