/**
 * The problems found in data files and imports, in English: the i18next namespace "problems" and the source
 * of every problem's English `message` (src/data/problem.ts fills these same templates), so the CLI, the
 * tests and the page's English read the same sentence. ja and ru are typed to this shape.
 *
 * A problem's code is its dotted key ("ring.notClosed"). Variables: {{name}}. A key with a `_one` twin
 * takes the twin when its `n` is 1 (English singulars; ja and ru write "label: n" where they would need
 * plural forms, and give the same text to both). A list parameter is joined with `_or`; `_feature` names
 * the feature in a problem's line ("feature etorofu", "feature #3"). Quoted values,
 * positions, JSON paths and indices are passed as they are in the file; other numbers are formatted per
 * language.
 */
export const problemsEn = {
  _feature: 'feature {{feature}}',
  _or: ' or ',
  file: {
    notText: "expected the file's text, got {{value}}",
    notJson: 'not valid JSON: {{error}}',
    unvalidatable: 'could not be validated: {{error}}',
    notObject: 'expected a GeoJSON FeatureCollection object, found {{value}}',
    typeMissing: 'missing "type": expected "FeatureCollection"',
    typeWrong: '"type" is {{value}}; expected "FeatureCollection"',
    typeMissingLenient: 'missing "type": expected "FeatureCollection", "Feature" or a geometry type',
    typeWrongLenient: '"type" is {{value}}; expected "FeatureCollection", "Feature" or a geometry type',
    featuresMissing: 'missing "features" array',
    featuresNotArray: '"features" must be an array, found {{value}}',
    count: 'expected {{n}} features, found {{found}}',
    count_one: 'expected {{n}} feature, found {{found}}',
    moreProblems: '… and {{n}} more problems',
    moreProblems_one: '… and {{n}} more problem',
    moreNotices: '… and {{n}} more notices',
    moreNotices_one: '… and {{n}} more notice',
    httpError: 'could not be loaded (HTTP {{status}})',
    loadFailed: 'could not be loaded ({{error}})',
  },
  geojson: {
    invalid: 'invalid GeoJSON: {{detail}}',
  },
  feature: {
    notObject: 'feature must be an object, found {{value}}',
    typeMissing: 'missing "type": expected "Feature"',
    typeWrong: '"type" is {{value}}; expected "Feature"',
    noProperties: 'feature has no "properties" member',
    propertiesNotObject: '"properties" must be an object or null, found {{value}}',
  },
  geometry: {
    missing: 'feature has no "geometry" member; expected {{types}}',
    null: 'geometry is null; expected {{types}}',
    nullSkipped: 'geometry is null; the feature is skipped',
    notObject: 'geometry must be an object, found {{value}}',
    typeMissing: 'geometry has no "type"; expected {{types}}',
    typeUnknown: 'unknown geometry type {{value}}; expected {{types}}',
    typeNotAllowed: 'geometry type "{{type}}" is not allowed in this layer; expected {{types}}',
    typeSkipped: '{{type}} skipped: only {{accepted}} geometries are imported',
    noGeometries: 'GeometryCollection has no "geometries" array',
    geometriesNotArray: '"geometries" must be an array, found {{value}}',
    tooDeep: 'GeometryCollections are nested more than {{n}} deep',
    collectionEmpty: 'GeometryCollection is empty; nothing is taken from it',
    noCoordinates: '{{type}} has no "coordinates"',
    lineTooShort: 'LineString has {{n}} positions; it needs at least 2',
    lineTooShort_one: 'LineString has {{n}} position; it needs at least 2',
    positionsNotArray: 'expected an array of positions, found {{value}}',
    multiPolygonNotArray: 'MultiPolygon coordinates must be an array of polygons, found {{value}}',
    multiPolygonEmpty: 'MultiPolygon has no polygons',
  },
  polygon: {
    notArray: 'Polygon coordinates must be an array of rings, found {{value}}',
    noRings: 'Polygon has no rings',
    partNotArray: 'polygon coordinates must be an array of rings, found {{value}}',
    partNoRings: 'polygon has no rings',
    selfIntersects:
      'polygon self-intersects at {{point}}: ring {{ringA}} segment {{startA}}–{{endA}} meets ring {{ringB}} ' +
      'segment {{startB}}–{{endB}}',
  },
  position: {
    notArray: 'position must be an array of 2 or 3 numbers, found {{value}}',
    arity: 'position has {{n}} values; expected 2 (longitude, latitude) or 3 (with elevation)',
    arity_one: 'position has {{n}} value; expected 2 (longitude, latitude) or 3 (with elevation)',
    longitudeNotNumber: 'longitude must be a number, found {{value}}',
    latitudeNotNumber: 'latitude must be a number, found {{value}}',
    elevationNotNumber: 'elevation must be a number, found {{value}}',
    longitudeNotFinite: 'longitude {{value}} is not a finite number',
    latitudeNotFinite: 'latitude {{value}} is not a finite number',
    elevationNotFinite: 'elevation {{value}} is not a finite number',
    longitudeRange: 'longitude {{value}} is outside -180..180',
    latitudeRange: 'latitude {{value}} is outside -90..90',
  },
  ring: {
    tooShort: 'ring has {{n}} positions; a linear ring needs at least 4',
    tooShort_one: 'ring has {{n}} position; a linear ring needs at least 4',
    notClosed: 'ring is not closed: first position {{first}} differs from last position {{last}}',
    outerAntimeridian:
      'outer ring crosses the antimeridian: the edge from {{from}} to {{to}} jumps {{jump}}° in longitude ' +
      '(more than 180°); split the polygon at ±180° into a MultiPolygon (RFC 7946 §3.1.9)',
    holeAntimeridian:
      'hole (ring {{ring}}) crosses the antimeridian: the edge from {{from}} to {{to}} jumps {{jump}}° in ' +
      'longitude (more than 180°); split the polygon at ±180° into a MultiPolygon (RFC 7946 §3.1.9)',
    outerZeroArea: 'outer ring has zero area',
    holeZeroArea: 'hole (ring {{ring}}) has zero area',
    outerClockwise: 'outer ring is clockwise; RFC 7946 requires counter-clockwise',
    outerClockwiseRewound: 'outer ring is clockwise; it was rewound (RFC 7946 asks for counter-clockwise)',
    holeCounterClockwise: 'hole (ring {{ring}}) is counter-clockwise; RFC 7946 requires clockwise',
    holeCounterClockwiseRewound:
      'hole (ring {{ring}}) is counter-clockwise; it was rewound (RFC 7946 asks for clockwise)',
  },
  property: {
    missing: 'missing required property {{key}}',
    null: 'missing required property {{key}} (it is null)',
    empty: 'missing required property {{key}} (it is an empty string)',
    idNotString: 'property "id" must be a non-empty string, found {{value}}',
    duplicateId: 'duplicate id {{id}} (already used by feature #{{first}})',
    unknownId: 'unknown id {{id}}; expected one of {{list}}',
  },
  import: {
    sizeUnreadable: 'the file size could not be read',
    tooBig: 'the file is {{mb}} MB; files up to 50 MB can be imported',
    empty: 'the file is empty',
    notText: 'the file is not text',
    unreadable: 'the file could not be read',
    readFailed: 'the file could not be read: {{error}}',
    tooManyFeatures: 'the file has {{n}} features; at most {{max}} can be imported',
    tooManyVertices: 'the file has {{n}} vertices; at most {{max}} can be imported',
    noFeatures: 'the file has no features',
    nothingToImport: 'the file has no points or polygons to import',
    mergeFailed: 'the polygons could not be merged: {{error}}',
    noArea: 'the polygons have no area',
    unsplittable: 'the polygons cannot be split: {{reason}}',
  },
  anchor: {
    format: 'expected "longitude, latitude" in degrees, e.g. "145.817, 43.385"; got "{{text}}"',
    notFinite: 'longitude and latitude must be finite numbers',
    longitudeRange: 'longitude {{value}} is outside -180..180',
    latitudeRange: 'latitude {{value}} is outside -90..90',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language's problem texts must have. */
export type ProblemResources = Widen<typeof problemsEn>;
