/**
 * The version of the data the page was built with: "<package version>+data.<12 hex digits of the data
 * files' hash>" (scripts/lib/data-version.ts; the build defines it). Outside a build (unit tests) it says so.
 */
declare const __ATLAS_DATA_VERSION__: string | undefined;

export const DATA_VERSION: string = typeof __ATLAS_DATA_VERSION__ === 'string' ? __ATLAS_DATA_VERSION__ : 'unbuilt';
