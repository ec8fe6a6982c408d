/**
 * The problems of the user's imports and of the browser's store of them (src/data/import.ts,
 * src/ui/user-store.ts), in English: a group for the i18next namespace "problems", in the scheme of
 * problems.en.ts (dotted codes, {{variables}}, `_one` twins). Counts and sizes are passed as the text the
 * English message has always shown ("100,001", "51.0"), so that the English sentences stay as they were.
 */
export const problemsImportEn = {
  importFile: {
    sizeUnknown: 'the file size could not be read',
    tooLarge: 'the file is {{mb}} MB; files up to 50 MB can be imported',
    empty: 'the file is empty',
    notText: 'the file is not text',
    unreadable: 'the file could not be read',
    unreadableBecause: 'the file could not be read: {{error}}',
    tooManyFeatures: 'the file has {{n}} features; at most {{max}} can be imported',
    tooManyVertices: 'the file has {{n}} vertices; at most {{max}} can be imported',
    noFeatures: 'the file has no features',
    nothingToImport: 'the file has no points or polygons to import',
    notMerged: 'the polygons could not be merged: {{error}}',
    noArea: 'the polygons have no area',
    unsplittable: 'the polygons cannot be split: {{reason}}',
  },
  storage: {
    quota: 'this browser has no room left for them (storage quota exceeded)',
    newerVersion: 'they were stored by a newer version of this page',
    unknownLayout: 'the stored data has a layout this page does not know ({{name}})',
    noImportsStore: 'the stored data has a layout this page does not know (no imports store)',
    blocked: 'this browser does not allow this page to store data (private mode or a blocking setting)',
    failed: "the browser's storage failed ({{detail}})",
    noIndexedDb: 'this browser has no IndexedDB',
    notOpened: 'the browser did not open its storage (it may be disabled)',
    olderTabOpen: 'another tab of this page holds an older version of the storage open; close it and reload',
    recordNotImport: 'the record is {{kind}}, not an import',
    nameNotText: 'its name is {{kind}}, not text',
    nameLength: 'its name has {{n}} characters (1 to {{max}} allowed)',
    contentNotText: 'its content is {{kind}}, not text',
    cleared:
      'Data stored by an older version of this page (storage version {{version}}) could not be read and was ' +
      'cleared; import your files again.',
    migrated: '{{n}} import(s) stored by an older version of this page were brought up to date.',
    removed: 'The data stored by this page was removed.',
  },
  /** What a stored value turned out to be ({{kind}} above). */
  storedKind: {
    nothing: 'nothing',
    date: 'a date',
    binary: 'binary data',
    list: 'a list',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    object: 'an object',
    other: 'a value of another type',
  },
};

/** The shape the Japanese and Russian texts must have: every key, each a string. */
export type ProblemsImportResources = {
  [G in keyof typeof problemsImportEn]: { [K in keyof (typeof problemsImportEn)[G]]: string };
};
