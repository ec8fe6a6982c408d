/**
 * The core of `npm run split` (scripts/split.ts), as functions the tests call directly: split any
 * territory given as GeoJSON so that the side holding the anchor (the territory's vertex nearest a
 * point, Cape Nosappu unless told otherwise) gets a share of its area.
 *
 * The file goes through exactly the page's import: the same validation, messages and merging
 * (src/data/import.ts), so a file the page refuses is refused here with the same lines.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Position } from 'geojson';
import {
  checkImportSize,
  importGeoJsonText,
  unsplittableProblem,
  mergeText,
  type ImportProgress,
  type MergeSummary,
} from '../../src/data/import.ts';
import { formatProblem, type ValidationProblem } from '../../src/data/validate.ts';
import { parseLonLat, formatLonLat } from '../../src/data/anchor.ts';
import {
  CAPE_NOSAPPU,
  PartitionInputError,
  prepareTerritory,
  solvePartition,
  type PartitionResult,
  type PreparedTerritory,
} from '../../src/geo/partition.ts';
import { acrossLongAxis, shortestBorderBearing } from '../../src/geo/border.ts';
import { errorMessage } from '../../src/data/error-message.ts';
import { joinNegativeValues } from './args.ts';

const SPLIT_USAGE =
  'usage: npm run --silent split -- FILE.geojson [--share F] [--bearing DEG|shortest] [--anchor LON,LAT] [--json]';

export type BearingArg = number | 'shortest' | undefined;
export interface SplitArgs {
  file: string;
  share: number;
  bearing: BearingArg;
  anchor: [number, number] | null;
  json: boolean;
}
export type BearingRule = 'given' | 'shortest-border' | 'across-long-axis';

/**
 * The bearing used when none is given. The single place to choose: 'shortest' (the shortest land
 * border at the share, src/geo/border.ts) or 'across-long-axis' ((longAxisBearingDeg + 90) % 180).
 */
export const DEFAULT_BEARING_RULE: 'shortest' | 'across-long-axis' = 'across-long-axis';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Command-line arguments (without node and the script). Throws UsageError with a sentence. */
export function parseSplitArgs(argv: string[]): SplitArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      // "--bearing -90" would otherwise be read as an unknown option "-9…".
      args: joinNegativeValues(argv, ['--bearing', '--share', '--anchor']),
      options: {
        json: { type: 'boolean' },
        share: { type: 'string' },
        bearing: { type: 'string' },
        anchor: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'give one GeoJSON file'
        : `give one GeoJSON file, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  const num = (name: string, v: string): number => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got "${v}"`);
    return x;
  };
  const share = values.share === undefined ? 0.5 : num('share', values.share);
  if (share < 0 || share > 1)
    throw new UsageError(`--share must be within 0 and 1 (a fraction of the territory's area), got ${share}`);
  const bearing: BearingArg =
    values.bearing === undefined
      ? undefined
      : values.bearing.trim() === 'shortest'
        ? 'shortest'
        : num('bearing', values.bearing);
  let anchor: [number, number] | null = null;
  if (values.anchor !== undefined) {
    const a = parseLonLat(values.anchor);
    if (!a.ok) throw new UsageError(`--anchor: ${a.message}`);
    anchor = a.lonlat;
  }
  // Exactly one positional (checked above).
  return { file: positionals[0]!, share, bearing, anchor, json: !!values.json };
}

/** What a split gives, before it is printed. */
export interface SplitOutcome {
  file: string;
  prep: PreparedTerritory;
  result: PartitionResult;
  anchorTarget: Position;
  share: number;
  requestedBearingDeg: number;
  bearingRule: BearingRule;
  merge: MergeSummary;
  notices: ValidationProblem[];
  pointCount: number;
}

export type SplitResult = { ok: true; outcome: SplitOutcome } | { ok: false; problems: ValidationProblem[] };

/** Validates, merges and splits a file's text, exactly as the page imports it. */
export function splitText(
  file: string,
  text: string,
  args: Pick<SplitArgs, 'share' | 'bearing' | 'anchor'>,
  onProgress?: (p: ImportProgress | { step: 'splitting'; done: number }) => void,
): SplitResult {
  const imp = importGeoJsonText(file, text, { onProgress });
  if (!imp.ok) return imp;
  const d = imp.data;
  if (!d.territory || !d.merge) {
    return {
      ok: false,
      problems: [
        ...d.notices,
        { file, featureIndex: null, featureId: null, path: '', message: 'the file has no polygons to split' },
      ],
    };
  }
  const anchorTarget = args.anchor ?? CAPE_NOSAPPU;
  onProgress?.({ step: 'preparing', done: 0.75 });
  let prep: PreparedTerritory;
  try {
    prep = prepareTerritory(d.territory, { anchorTarget });
  } catch (e) {
    // A territory the solver cannot take (no area, degenerate): a problem of the file, exit 2.
    if (e instanceof PartitionInputError) return unsplittableProblem(file, e.message);
    throw e;
  }
  onProgress?.({ step: 'splitting', done: 0.9 });
  const [requestedBearingDeg, bearingRule] = chooseBearing(prep, args.share, args.bearing);
  const result = solvePartition(prep, requestedBearingDeg, { fraction: args.share });
  return {
    ok: true,
    outcome: {
      file,
      prep,
      result,
      anchorTarget,
      share: args.share,
      requestedBearingDeg,
      bearingRule,
      merge: d.merge,
      notices: d.notices,
      pointCount: d.points.length,
    },
  };
}

function chooseBearing(prep: PreparedTerritory, share: number, bearing: BearingArg): [number, BearingRule] {
  if (typeof bearing === 'number') return [bearing, 'given'];
  const rule = bearing ?? DEFAULT_BEARING_RULE;
  if (rule === 'shortest') return [shortestBorderBearing(prep, share).bearingDeg, 'shortest-border'];
  return [acrossLongAxis(prep), 'across-long-axis'];
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** Which part holds the anchor: the share's part, unless no line at this bearing can give it the share. */
function partSides(o: SplitOutcome): { share: 'anchor' | 'other'; rest: 'anchor' | 'other' } {
  return o.result.anchorOnJapanSide ? { share: 'anchor', rest: 'other' } : { share: 'other', rest: 'anchor' };
}

/** The --json object. */
export function splitJson(o: SplitOutcome) {
  const r = o.result;
  const sides = partSides(o);
  const part = (side: 'anchor' | 'other', geometry: MultiPolygon | null, km2: number): Feature<MultiPolygon>[] =>
    geometry
      ? [{ type: 'Feature', properties: { side, km2: round(km2, 6), share: round(km2 / r.totalKm2, 9) }, geometry }]
      : [];
  const features = part(sides.share, r.japanSide, r.japanSideKm2).concat(part(sides.rest, r.otherSide, r.otherSideKm2));
  features.sort((a, b) => (a.properties!.side === 'anchor' ? 0 : 1) - (b.properties!.side === 'anchor' ? 0 : 1));
  const parts: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features };
  return {
    file: o.file,
    area_km2: round(r.totalKm2, 6),
    anchor: o.prep.anchorLonLat.slice(0, 2),
    anchor_target: o.anchorTarget.slice(0, 2),
    /** Whether the part holding the anchor is the one with `share` (false only when no line at this bearing can be). */
    anchor_holds_share: r.anchorOnJapanSide,
    share: o.share,
    bearing: {
      requested: o.requestedBearingDeg,
      rule: o.bearingRule,
      measured: r.measuredBearingDeg === null ? null : round(r.measuredBearingDeg, 6),
    },
    border_length_km: round(r.borderLengthKm, 6),
    line_length_km: round(r.lineLengthKm, 6),
    line: r.line as LineString | null,
    parts,
    merge: {
      input_polygons: o.merge.inputPolygons,
      output_polygons: o.merge.outputPolygons,
      input_km2: round(o.merge.inputKm2, 6),
      overlap_removed_km2: round(o.merge.overlapRemovedKm2, 6),
    },
    notices: o.notices.map(formatProblem),
  };
}

const deg = (x: number): string => `${Number.isInteger(x) ? x : x.toFixed(2)}°`;
const km2 = (x: number): string =>
  `${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} km²`;

/** The readable report. */
export function splitReport(o: SplitOutcome): string {
  const r = o.result;
  const sides = partSides(o);
  const target =
    o.anchorTarget === CAPE_NOSAPPU ? `Cape Nosappu, ${formatLonLat(CAPE_NOSAPPU, 3)}` : formatLonLat(o.anchorTarget);
  const rule = {
    given: 'as given',
    'shortest-border': 'the shortest border',
    'across-long-axis': 'across the long axis',
  }[o.bearingRule];
  const lines = [
    `${o.file}: ${km2(r.totalKm2)} (WGS84 ellipsoid); ${mergeText(o.merge)}` +
      (o.pointCount ? `; its ${o.pointCount} point(s) are not used here` : ''),
    `anchor: ${formatLonLat(o.prep.anchorLonLat)} (the territory's vertex nearest ${target})`,
  ];
  if (r.line) {
    // A line has two ends at least.
    const c = r.line.coordinates,
      a = c[0]!,
      b = c[c.length - 1]!;
    const measured = r.measuredBearingDeg === null ? '-' : deg(r.measuredBearingDeg);
    lines.push(
      `line: bearing requested ${deg(o.requestedBearingDeg)} (${rule}), measured ${measured} ` +
        '(geodesic azimuth at its midpoint)',
      `      from ${formatLonLat(a)} to ${formatLonLat(b)}, ${r.lineLengthKm.toFixed(3)} km ` +
        `(500 m beyond the territory at each end); border inside the territory ${r.borderLengthKm.toFixed(3)} km`,
    );
  } else {
    lines.push(`line: none (a share of ${o.share} leaves the territory whole)`);
  }
  const shareLine = `${sides.share} part: ${km2(r.japanSideKm2)} (${(r.fraction * 100).toFixed(4)} %)`;
  const restLine = `${sides.rest} part: ${km2(r.otherSideKm2)} (${((1 - r.fraction) * 100).toFixed(4)} %)`;
  lines.push(...(sides.share === 'anchor' ? [shareLine, restLine] : [restLine, shareLine]));
  if (!r.anchorOnJapanSide && r.line)
    lines.push(
      `note: no line at this bearing gives the anchor's side ${(o.share * 100).toFixed(2)} %; ` +
        'the anchor is in the other part',
    );
  return lines.join('\n') + '\n';
}

export interface CliIo {
  readFile: (path: string) => string;
  fileSize: (path: string) => number;
  /** Where to say what a long split is doing (a line per step, from half a second on); none by default in tests. */
  progress?: (line: string) => void;
}
const nodeIo: CliIo = {
  readFile: (p) => readFileSync(p, 'utf8'),
  fileSize: (p) => statSync(p).size,
  // Only to a terminal: a script reading stderr gets the problems and notices alone.
  progress: process.stderr.isTTY
    ? (line) => {
        process.stderr.write(line + '\n');
      }
    : undefined,
};

const STEP_TEXT = {
  parsing: 'reading the file',
  checking: 'checking the file',
  merging: 'merging and measuring the polygons',
  preparing: 'preparing the territory',
  splitting: 'splitting',
} as const;

/** Progress lines for a long split: nothing for the first half second, then each step as it starts. */
function progressPrinter(print: ((line: string) => void) | undefined, file: string) {
  if (!print) return undefined;
  const t0 = Date.now();
  let pending: string | null = null;
  return (p: { step: keyof typeof STEP_TEXT; done: number }) => {
    const line = `${file}: ${STEP_TEXT[p.step]}… (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
    if (Date.now() - t0 < 500) {
      pending = line;
      return;
    }
    if (pending) {
      print(pending);
      pending = null;
    }
    print(line);
  };
}

/** The whole command: exit code and what goes to stdout and stderr. Never throws. */
export function runSplit(argv: string[], io: CliIo = nodeIo): { code: number; stdout: string; stderr: string } {
  let args: SplitArgs | 'help';
  try {
    args = parseSplitArgs(argv);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `split: ${errorMessage(e)}\n${SPLIT_USAGE}\n` };
  }
  if (args === 'help') return { code: 0, stdout: SPLIT_USAGE + '\n', stderr: '' };
  const lines = (ps: ValidationProblem[]): string => ps.map((p) => formatProblem(p) + '\n').join('');
  let text: string;
  try {
    const tooBig = checkImportSize(args.file, io.fileSize(args.file));
    if (tooBig && !tooBig.ok) return { code: 2, stdout: '', stderr: lines(tooBig.problems) };
    text = io.readFile(args.file);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${args.file}: could not be read (${errorMessage(e)})\n` };
  }
  let r: SplitResult;
  try {
    r = splitText(args.file, text, args, progressPrinter(io.progress, args.file));
  } catch (e) {
    return { code: 1, stdout: '', stderr: `${args.file}: the split failed: ${errorMessage(e)}\n` };
  }
  if (!r.ok) return { code: 2, stdout: '', stderr: lines(r.problems) };
  const o = r.outcome;
  // Notices (accepted with a change) go to stderr in both modes, one per line like problems.
  const stderr = lines(o.notices);
  return { code: 0, stdout: args.json ? JSON.stringify(splitJson(o)) + '\n' : splitReport(o), stderr };
}
