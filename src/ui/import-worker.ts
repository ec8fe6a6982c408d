/**
 * The import worker: runs ImportService (import-service.ts) off the page's thread. Started by
 * import-client.ts with `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`;
 * Vite bundles it as a file of its own, which the pages' Content-Security-Policy allows (worker-src 'self').
 */
import { ImportService, type ServiceRequest, type ServiceResponse } from './import-service.ts';

const scope = self as unknown as {
  postMessage(m: ServiceResponse, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ServiceRequest>) => void) | null;
};
const service = new ImportService((r, transfer) => scope.postMessage(r, transfer ?? []));
scope.onmessage = (e) => service.handle(e.data);
