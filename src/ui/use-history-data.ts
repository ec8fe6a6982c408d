/**
 * The history and precedents layers for the page: geo/history.geojson and geo/precedents.geojson are
 * loaded when first asked for, as chunks of their own (not preloaded with the map's layers: the map's
 * first frame does not wait for them), and checked like every data file; data/precedents.json too.
 */
import { useEffect, useState } from 'react';
import precedentsJson from '../../data/precedents.json' with { type: 'json' };
import { validateHistory, HISTORY_FILE, type HistoryData } from '../data/history.ts';
import {
  checkPrecedentsTable,
  validatePrecedentFeatures,
  PRECEDENTS_GEO_FILE,
  type PrecedentsTable,
} from '../data/precedents.ts';
import type { ValidationProblem } from '../data/validate.ts';
import { precedentFigures, type PrecedentFeature, type PrecedentFigures } from '../geo/precedents.ts';
import { errorMessage } from '../data/error-message.ts';

export interface HistoryLayers {
  status: 'idle' | 'loading' | 'ok' | 'error';
  history: HistoryData | null;
  precedents: { figures: PrecedentFigures[]; features: PrecedentFeature[]; table: PrecedentsTable } | null;
  problems: ValidationProblem[];
}

async function parseJson(
  load: () => Promise<{ default: string }>,
  file: string,
): Promise<{ ok: true; obj: unknown } | { ok: false; problem: ValidationProblem }> {
  const problem = (message: string) => ({
    ok: false as const,
    problem: { file, featureIndex: null, featureId: null, path: '', message },
  });
  let text: string;
  try {
    text = (await load()).default;
  } catch (e) {
    return problem(`could not be loaded (${errorMessage(e)})`);
  }
  try {
    return { ok: true, obj: JSON.parse(text) };
  } catch (e) {
    return problem(`not valid JSON: ${errorMessage(e)}`);
  }
}

let started: Promise<HistoryLayers> | null = null;

async function load(): Promise<HistoryLayers> {
  const problems: ValidationProblem[] = [];
  let history: HistoryData | null = null;
  let precedents: HistoryLayers['precedents'] = null;
  const [h, p] = await Promise.all([
    parseJson(() => import('../../geo/history.geojson?raw'), HISTORY_FILE),
    parseJson(() => import('../../geo/precedents.geojson?raw'), PRECEDENTS_GEO_FILE),
  ]);
  if (!h.ok) problems.push(h.problem);
  else {
    const r = validateHistory(h.obj);
    if (r.ok) history = r.history;
    else problems.push(...r.problems);
  }
  const table = precedentsJson as unknown as PrecedentsTable;
  const tableProblems = checkPrecedentsTable(table);
  if (tableProblems.length) problems.push(...tableProblems);
  else if (!p.ok) problems.push(p.problem);
  else {
    const r = validatePrecedentFeatures(
      p.obj,
      table.cases.map((c) => c.id),
    );
    if (r.ok) precedents = { figures: precedentFigures(table.cases, r.features), features: r.features, table };
    else problems.push(...r.problems);
  }
  return { status: problems.length ? 'error' : 'ok', history, precedents, problems: problems.slice(0, 20) };
}

/** Loads both layers once `wanted` turns true; later calls share the same result. */
export function useHistoryLayers(wanted: boolean): HistoryLayers {
  const [state, setState] = useState<HistoryLayers>({ status: 'idle', history: null, precedents: null, problems: [] });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    started ??= load();
    started.then((r) => {
      if (live) setState(r);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  // Asked for and not yet in: loading.
  return wanted && state.status === 'idle' ? { ...state, status: 'loading' } : state;
}
