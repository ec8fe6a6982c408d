/**
 * The start of the error a split or export gets for a territory the import service does not hold (the page
 * then hands it the territory, and asks again). Apart from import-service.ts, so that the page can recognise
 * it without loading the service, which runs in the worker.
 */
export const NOT_KEPT = 'no territory of that name is kept';
