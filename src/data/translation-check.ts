/**
 * The one check of a translation made in this project against its English: it keeps every number.
 * Each run of digits of the English has to appear among the translation's own runs, so a year, a count
 * or a coordinate cannot change or drop out in translation, while a date may be reordered
 * (19 May 1978 → 1978年5月19日) and a thousands separator changed (3,500 → 3 500): the runs stay.
 */
function numbersLost(english: string, translation: string): string[] {
  const have = new Set(translation.match(/\d+/g) ?? []);
  return [...new Set(english.match(/\d+/g) ?? [])].filter((d) => !have.has(d));
}

/** What is wrong with a translation of `english`, or null: missing, empty, or a number lost. */
export function translationProblem(english: string, translation: unknown): string | null {
  if (typeof translation !== 'string' || !translation.trim()) return 'is missing: the text needs its translation';
  const lost = numbersLost(english, translation);
  return lost.length ? `lacks the number${lost.length > 1 ? 's' : ''} ${lost.join(', ')} of the English` : null;
}
