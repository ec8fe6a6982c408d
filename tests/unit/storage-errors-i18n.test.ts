// Storage errors in the interface languages: the English sentence the page shows is the store's own
// message (built separately in user-store.ts), and Japanese and Russian give their own sentence with the
// same values.
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/index.ts';
import { StorageError } from '../../src/ui/user-store.ts';
import { storageErrorSentence } from '../../src/ui/storage-error-text.ts';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });
const thrown: [string, unknown][] = [
  ['quota', named('QuotaExceededError')],
  ['newer version', named('VersionError')],
  ['unknown layout', named('NotFoundError')],
  ['blocked', named('SecurityError')],
  ['failed, with detail', named('AbortError', 'the transaction was aborted')],
  ['no IndexedDB', new StorageError('unavailable', 'this browser has no IndexedDB', undefined, { key: 'noIndexedDb' })],
];

describe('storage errors in three languages', () => {
  afterAll(() => void i18n.changeLanguage('en'));
  for (const [what, e] of thrown) {
    it(what, async () => {
      await i18n.changeLanguage('en');
      const en = storageErrorSentence(e);
      // The English sentence is the message the store itself wrote.
      const { storageErrorText } = await import('../../src/ui/user-store.ts');
      expect(en).toBe(storageErrorText(e));
      for (const lang of ['ja', 'ru'] as const) {
        await i18n.changeLanguage(lang);
        const s = storageErrorSentence(e);
        expect(s).not.toBe(en);
        expect(s).not.toMatch(/\{\{|storageErrors\./);
        // Values (an error's name and detail) are carried into the translation.
        for (const v of en.match(/\(([^)]*Error[^)]*)\)/)?.slice(1) ?? []) expect(s).toContain(v);
      }
    });
  }
});
