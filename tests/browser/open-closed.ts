/**
 * Pages for a test file that are closed after each test, passed or failed: `open` is the harness's
 * openPage, and each page's browser context is closed in the file's afterEach.
 */
import { afterEach } from 'vitest';
import { openPage, type OpenedPage } from './harness.ts';

export function pagesClosedAfterEach(): (...args: Parameters<typeof openPage>) => Promise<OpenedPage> {
  const opened: OpenedPage[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.page.context().close();
  });
  return async (...args) => {
    const o = await openPage(...args);
    opened.push(o);
    return o;
  };
}
