/** Builds the sea module's coast input from the project's three land layers (plain GeoJSON, no data-module imports). */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { SEA_ISLANDS, type CoastInput, type SeaIslandId } from './prepare.ts';

/**
 * Which coast is whose: Hokkaido and every context polygon tagged JP (its islets, northern Honshu) are
 * Japan's; every context polygon tagged RU (the Kurils north of Etorofu, Sakhalin, Kamchatka, the mainland)
 * Russia's; the four islands follow the option.
 */
export function coastInput(
  islands: FeatureCollection<Geometry>,
  hokkaido: FeatureCollection<Geometry>,
  context: FeatureCollection<Geometry>,
): CoastInput {
  const byId = new Map(islands.features.map((f) => [String(f.properties?.id), f.geometry as Polygon | MultiPolygon]));
  const isl = {} as Record<SeaIslandId, Polygon | MultiPolygon>;
  for (const id of SEA_ISLANDS) {
    const g = byId.get(id);
    if (!g) throw new Error(`sea: island "${id}" is missing`);
    isl[id] = g;
  }
  const polys = (fc: FeatureCollection<Geometry>, admin?: string) =>
    fc.features
      .filter(
        (f) =>
          (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') &&
          (admin === undefined || f.properties?.admin === admin),
      )
      .map((f) => f.geometry as Polygon | MultiPolygon);
  return { islands: isl, japan: [...polys(hokkaido), ...polys(context, 'JP')], russia: polys(context, 'RU') };
}
