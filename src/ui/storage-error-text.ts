/**
 * A storage error as a sentence in the interface language. user-store.ts (which also runs in the import
 * worker) keeps the English sentence and its key; the page translates the key here, so the worker bundle
 * carries no translations.
 */
import { i18n } from '../i18n/index.ts';
import { asStorageError } from './user-store.ts';

export function storageErrorSentence(e: unknown): string {
  const se = asStorageError(e);
  if (!se.text) return se.message;
  return i18n.t(`storageErrors.${se.text.key}`, { ...se.text.params, defaultValue: se.message });
}
