/** The map's view of an option: every island (or part of one) tagged with the side it goes to. */
import type { Feature, FeatureCollection, LineString, MultiPolygon } from 'geojson';
import type { OptionResult, ShareContext } from '../geo/shares.ts';

export type Side = 'japan' | 'russia';

/** The first view, no option chosen: the four islands as they are, disputed, with no partition. */
export function disputedFeatures(ctx: ShareContext): {
  areas: FeatureCollection<MultiPolygon>;
  line: FeatureCollection<LineString>;
} {
  const areas: Feature<MultiPolygon>[] = [...ctx.islands.values()].map((i) => ({
    type: 'Feature',
    properties: { island: i.id, side: 'disputed' },
    geometry: i.feature.geometry,
  }));
  return { areas: { type: 'FeatureCollection', features: areas }, line: { type: 'FeatureCollection', features: [] } };
}

export function optionFeatures(
  ctx: ShareContext,
  r: OptionResult,
): { areas: FeatureCollection<MultiPolygon>; line: FeatureCollection<LineString> } {
  const areas: Feature<MultiPolygon>[] = [];
  for (const i of r.perIsland) {
    const island = ctx.islands.get(i.id)!;
    if (r.cut && r.cut.island === i.id && r.cut.partition.japanSide && r.cut.partition.otherSide) {
      areas.push({
        type: 'Feature',
        properties: { island: i.id, side: 'japan' as Side },
        geometry: r.cut.partition.japanSide,
      });
      areas.push({
        type: 'Feature',
        properties: { island: i.id, side: 'russia' as Side },
        geometry: r.cut.partition.otherSide,
      });
    } else {
      areas.push({
        type: 'Feature',
        properties: { island: i.id, side: (i.fractionToJapan >= 0.5 ? 'japan' : 'russia') as Side },
        geometry: island.feature.geometry,
      });
    }
  }
  const line: Feature<LineString>[] = r.cut?.line
    ? [{ type: 'Feature', properties: { label: `${+r.cut.requestedBearingDeg.toFixed(2)}°` }, geometry: r.cut.line }]
    : [];
  return { areas: { type: 'FeatureCollection', features: areas }, line: { type: 'FeatureCollection', features: line } };
}
