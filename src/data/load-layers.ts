/**
 * Fetches and validates the built-in GeoJSON layers. Each layer loads on its own: a missing or
 * broken file yields a list of problems for that file and the other layers are still drawn.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { validateLayerText, type ValidationProblem } from './validate.ts';
import { LAYER_FILES, LAYER_SCHEMAS, type LayerName } from './schemas.ts';
import islandsUrl from '../../geo/islands.geojson?url';
import hokkaidoUrl from '../../geo/hokkaido.geojson?url';
import contextUrl from '../../geo/context-land.geojson?url';
import deploymentsUrl from '../../geo/deployments.geojson?url';
import { TABLES } from './tables.ts';
import { checkDeployments } from './deployments.ts';
import { errorMessage } from './error-message.ts';
import { problem, type ProblemText } from './problem.ts';

export type LayerState =
  | { status: 'loading' }
  | { status: 'ok'; data: FeatureCollection<Geometry> }
  | { status: 'error'; problems: ValidationProblem[] };

const LAYER_URLS: Record<LayerName, string> = {
  islands: islandsUrl,
  hokkaido: hokkaidoUrl,
  context: contextUrl,
  deployments: deploymentsUrl,
};
const SYSTEM_IDS = (TABLES.systems?.systems ?? []).map((s) => s.id);

async function loadLayer(name: LayerName, fetchImpl: typeof fetch = fetch): Promise<LayerState> {
  const file = LAYER_FILES[name];
  let text: string;
  try {
    const res = await fetchImpl(LAYER_URLS[name]);
    if (!res.ok) return fileProblem(file, problem('file.httpError', { status: String(res.status) }));
    text = await res.text();
  } catch (e) {
    return fileProblem(file, problem('file.loadFailed', { error: errorMessage(e) }));
  }
  const result = validateLayerText(file, text, LAYER_SCHEMAS[name]);
  if (!result.ok) return { status: 'error', problems: result.problems };
  if (name === 'deployments') {
    const problems = checkDeployments(file, result.data, SYSTEM_IDS);
    if (problems.length) return { status: 'error', problems: problems.slice(0, 20) };
  }
  return { status: 'ok', data: result.data };
}

function fileProblem(file: string, what: ProblemText): LayerState {
  return { status: 'error', problems: [{ file, featureIndex: null, featureId: null, path: '', ...what }] };
}

let started: Promise<Record<LayerName, LayerState>> | null = null;

/**
 * All built-in layers, fetched and validated once. Called as the page starts (before React renders)
 * so that the downloads overlap with rendering; later calls get the same promise.
 */
export function loadAllLayers(
  names: LayerName[] = ['islands', 'hokkaido', 'context', 'deployments'],
): Promise<Record<LayerName, LayerState>> {
  started ??= Promise.all(names.map((n) => loadLayer(n))).then(
    (states) => Object.fromEntries(names.map((n, i) => [n, states[i]])) as Record<LayerName, LayerState>,
  );
  return started;
}
