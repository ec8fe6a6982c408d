/** What each built-in data file must contain; checked on every load (page, CLI, tests). */
import type { LayerSchema } from './validate.ts';

const ISLAND_IDS = ['habomai', 'shikotan', 'kunashiri', 'etorofu'] as const;

const NAME_PROPS = ['id', 'name_en', 'name_ja', 'name_ja_latn', 'name_ru', 'name_ru_latn'];

export const LAYER_SCHEMAS = {
  islands: {
    geometryTypes: ['MultiPolygon'],
    requiredProperties: NAME_PROPS,
    allowedIds: [...ISLAND_IDS],
    exactCount: 4,
  },
  hokkaido: {
    geometryTypes: ['Polygon', 'MultiPolygon'],
    requiredProperties: NAME_PROPS,
    allowedIds: ['hokkaido'],
    exactCount: 1,
  },
  context: { geometryTypes: ['Polygon', 'MultiPolygon'], requiredProperties: ['id'] },
  deployments: {
    geometryTypes: ['Point'],
    requiredProperties: ['id', 'name_en', 'country', 'operator', 'kind', 'certainty', 'island', 'sources'],
    checkSelfIntersections: false,
  },
} satisfies Record<string, LayerSchema>;

export type LayerName = keyof typeof LAYER_SCHEMAS;

export const LAYER_FILES: Record<LayerName, string> = {
  islands: 'geo/islands.geojson',
  hokkaido: 'geo/hokkaido.geojson',
  context: 'geo/context-land.geojson',
  deployments: 'geo/deployments.geojson',
};
