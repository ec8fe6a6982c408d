/**
 * The problems found in data files and imports, in Russian (see problems.en.ts). GeoJSON member names,
 * type names and values quoted from the file stay as written. Counts are written "label: n" (no plural
 * forms needed).
 */
import type { ProblemResources } from './problems.en.ts';

export const problemsRu: ProblemResources = {
  _feature: 'объект {{feature}}',
  _or: ' или ',
  file: {
    notText: 'ожидался текст файла, получено {{value}}',
    notJson: 'недопустимый JSON: {{error}}',
    unvalidatable: 'не удалось проверить: {{error}}',
    notObject: 'ожидался объект GeoJSON FeatureCollection, найдено {{value}}',
    typeMissing: 'нет "type": ожидается "FeatureCollection"',
    typeWrong: '"type" равен {{value}}; ожидается "FeatureCollection"',
    typeMissingLenient: 'нет "type": ожидается "FeatureCollection", "Feature" или тип геометрии',
    typeWrongLenient: '"type" равен {{value}}; ожидается "FeatureCollection", "Feature" или тип геометрии',
    featuresMissing: 'нет массива "features"',
    featuresNotArray: '"features" должен быть массивом, найдено {{value}}',
    count: 'ожидаемое число объектов: {{n}}, найдено: {{found}}',
    count_one: 'ожидаемое число объектов: {{n}}, найдено: {{found}}',
    moreProblems: '… и ещё проблем: {{n}}',
    moreProblems_one: '… и ещё проблем: {{n}}',
    moreNotices: '… и ещё уведомлений: {{n}}',
    moreNotices_one: '… и ещё уведомлений: {{n}}',
    httpError: 'не удалось загрузить (HTTP {{status}})',
    loadFailed: 'не удалось загрузить ({{error}})',
  },
  geojson: {
    invalid: 'недопустимый GeoJSON: {{detail}}',
  },
  feature: {
    notObject: 'объект (feature) должен быть объектом JSON, найдено {{value}}',
    typeMissing: 'нет "type": ожидается "Feature"',
    typeWrong: '"type" равен {{value}}; ожидается "Feature"',
    noProperties: 'у объекта нет члена "properties"',
    propertiesNotObject: '"properties" должен быть объектом или null, найдено {{value}}',
  },
  geometry: {
    missing: 'у объекта нет члена "geometry"; ожидается {{types}}',
    null: 'геометрия равна null; ожидается {{types}}',
    nullSkipped: 'геометрия равна null; объект пропущен',
    notObject: 'геометрия должна быть объектом, найдено {{value}}',
    typeMissing: 'у геометрии нет "type"; ожидается {{types}}',
    typeUnknown: 'неизвестный тип геометрии {{value}}; ожидается {{types}}',
    typeNotAllowed: 'тип геометрии "{{type}}" недопустим в этом слое; ожидается {{types}}',
    typeSkipped: '{{type}} пропущен: импортируются только геометрии {{accepted}}',
    noGeometries: 'у GeometryCollection нет массива "geometries"',
    geometriesNotArray: '"geometries" должен быть массивом, найдено {{value}}',
    tooDeep: 'вложенность GeometryCollection больше {{n}} уровней',
    collectionEmpty: 'GeometryCollection пуст; из него ничего не взято',
    noCoordinates: 'у {{type}} нет "coordinates"',
    lineTooShort: 'число позиций в LineString: {{n}}; нужно не меньше 2',
    lineTooShort_one: 'число позиций в LineString: {{n}}; нужно не меньше 2',
    positionsNotArray: 'ожидался массив позиций, найдено {{value}}',
    multiPolygonNotArray: 'координаты MultiPolygon должны быть массивом полигонов, найдено {{value}}',
    multiPolygonEmpty: 'в MultiPolygon нет полигонов',
  },
  polygon: {
    notArray: 'координаты Polygon должны быть массивом колец, найдено {{value}}',
    noRings: 'в Polygon нет колец',
    partNotArray: 'координаты полигона должны быть массивом колец, найдено {{value}}',
    partNoRings: 'в полигоне нет колец',
    selfIntersects:
      'полигон самопересекается в точке {{point}}: отрезок {{startA}}–{{endA}} кольца {{ringA}} встречается ' +
      'с отрезком {{startB}}–{{endB}} кольца {{ringB}}',
  },
  position: {
    notArray: 'позиция должна быть массивом из 2 или 3 чисел, найдено {{value}}',
    arity: 'число значений в позиции: {{n}}; ожидается 2 (долгота, широта) или 3 (с высотой)',
    arity_one: 'число значений в позиции: {{n}}; ожидается 2 (долгота, широта) или 3 (с высотой)',
    longitudeNotNumber: 'долгота должна быть числом, найдено {{value}}',
    latitudeNotNumber: 'широта должна быть числом, найдено {{value}}',
    elevationNotNumber: 'высота должна быть числом, найдено {{value}}',
    longitudeNotFinite: 'долгота {{value}} не является конечным числом',
    latitudeNotFinite: 'широта {{value}} не является конечным числом',
    elevationNotFinite: 'высота {{value}} не является конечным числом',
    longitudeRange: 'долгота {{value}} вне диапазона -180..180',
    latitudeRange: 'широта {{value}} вне диапазона -90..90',
  },
  ring: {
    tooShort: 'число позиций в кольце: {{n}}; линейному кольцу нужно не меньше 4',
    tooShort_one: 'число позиций в кольце: {{n}}; линейному кольцу нужно не меньше 4',
    notClosed: 'кольцо не замкнуто: первая позиция {{first}} отличается от последней {{last}}',
    outerAntimeridian:
      'внешнее кольцо пересекает антимеридиан: на ребре от {{from}} до {{to}} долгота меняется на {{jump}}° ' +
      '(больше 180°); разделите полигон по ±180° на MultiPolygon (RFC 7946 §3.1.9)',
    holeAntimeridian:
      'дыра (кольцо {{ring}}) пересекает антимеридиан: на ребре от {{from}} до {{to}} долгота меняется на ' +
      '{{jump}}° (больше 180°); разделите полигон по ±180° на MultiPolygon (RFC 7946 §3.1.9)',
    outerZeroArea: 'площадь внешнего кольца равна нулю',
    holeZeroArea: 'площадь дыры (кольцо {{ring}}) равна нулю',
    outerClockwise: 'внешнее кольцо направлено по часовой стрелке; RFC 7946 требует против часовой',
    outerClockwiseRewound:
      'внешнее кольцо было направлено по часовой стрелке; направление изменено (RFC 7946 просит против часовой)',
    holeCounterClockwise: 'дыра (кольцо {{ring}}) направлена против часовой стрелки; RFC 7946 требует по часовой',
    holeCounterClockwiseRewound:
      'дыра (кольцо {{ring}}) была направлена против часовой стрелки; направление изменено ' +
      '(RFC 7946 просит по часовой)',
  },
  property: {
    missing: 'нет обязательного свойства {{key}}',
    null: 'нет обязательного свойства {{key}} (оно равно null)',
    empty: 'нет обязательного свойства {{key}} (это пустая строка)',
    idNotString: 'свойство "id" должно быть непустой строкой, найдено {{value}}',
    duplicateId: 'повторяющийся id {{id}} (уже использован объектом #{{first}})',
    unknownId: 'неизвестный id {{id}}; ожидается один из: {{list}}',
  },
  import: {
    sizeUnreadable: 'не удалось определить размер файла',
    tooBig: 'размер файла {{mb}} МБ; импортировать можно файлы до 50 МБ',
    empty: 'файл пуст',
    notText: 'файл не является текстовым',
    unreadable: 'не удалось прочитать файл',
    readFailed: 'не удалось прочитать файл: {{error}}',
    tooManyFeatures: 'число объектов в файле: {{n}}; импортировать можно не больше {{max}}',
    tooManyVertices: 'число вершин в файле: {{n}}; импортировать можно не больше {{max}}',
    noFeatures: 'в файле нет объектов',
    nothingToImport: 'в файле нет точек или полигонов для импорта',
    mergeFailed: 'не удалось объединить полигоны: {{error}}',
    noArea: 'у полигонов нет площади',
    unsplittable: 'полигоны нельзя разделить: {{reason}}',
  },
  anchor: {
    format: 'ожидается «долгота, широта» в градусах, например "145.817, 43.385"; введено "{{text}}"',
    notFinite: 'долгота и широта должны быть конечными числами',
    longitudeRange: 'долгота {{value}} вне диапазона -180..180',
    latitudeRange: 'широта {{value}} вне диапазона -90..90',
  },
};
