import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
import { readSources } from '../read/read-sources.js';
import type { ReadOptions } from '../read/read-csv.js';
import { sourceName } from '../read/read-csv.js';
import {
  SCHEMA_VERSION,
  type AlphaCiMethod,
  type CiMethod,
  type CorrelationMethod,
  type MissingMethod,
  type Report,
  type Warning,
} from '../report/report.js';
import { ScaleAccumulator } from './scale-accumulator.js';
import { scaleReport } from './scale-report.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { correlationsReport, scoreReports } from './score-report.js';
import { PrevalenceAccumulator } from './prevalence-accumulator.js';
import { prevalenceReport } from './prevalence-report.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export interface AnalysisSettings {
  ciMethod: CiMethod;
  alphaCi: AlphaCiMethod;
  confLevel: number;
  missing: MissingMethod;
  correlation: CorrelationMethod;
  /** Group columns for prevalence (the codebook's, or those given with --by). */
  groups: string[];
  cluster: string | null;
  bootstrap: { resamples: number; seed: number };
  lenient: boolean;
  read: ReadOptions;
}

/** Everything one pass over the rows accumulates; its size depends on the items, not the rows. */
interface Accumulators {
  rows: number;
  scales: ScaleAccumulator[];
  scores: ScoreAccumulator;
  prevalence: PrevalenceAccumulator;
  invalid: Map<string, InvalidTally>;
}

function createAccumulators(codebook: Codebook, settings: AnalysisSettings): Accumulators {
  return {
    rows: 0,
    scales: codebook.scales.map((scale) => new ScaleAccumulator(scale, { missing: settings.missing, keepData: settings.alphaCi === 'bootstrap' })),
    scores: new ScoreAccumulator(codebook.scales, settings.correlation),
    prevalence: new PrevalenceAccumulator(codebook.prevalence, settings.groups, settings.cluster),
    invalid: new Map(),
  };
}

/**
 * One streaming pass: rows → coded items → accumulators. Rows are never all held.
 * `onProgress` is called after each batch with the rows and bytes read so far.
 */
async function accumulate(
  sources: string[],
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Accumulators> {
  const acc = createAccumulators(codebook, settings);
  const coder = new RowCoder(codebook, { groups: settings.groups, cluster: settings.cluster, lenient: settings.lenient }, acc.invalid);
  await readSources(sources, settings.read, {
    header: (header) => coder.bind(header),
    rows: (rows, lineOf, _file, bytes) => {
      for (let r = 0; r < rows.length; r++) {
        coder.code(rows[r], lineOf(r));
        addCodedRow(acc, coder);
      }
      acc.rows += rows.length;
      onProgress?.(acc.rows, bytes);
    },
  });
  return acc;
}

/** One coded row (RowCoder's buffers) into every accumulator. */
function addCodedRow(acc: Accumulators, row: RowCoder): void {
  for (let s = 0; s < acc.scales.length; s++) acc.scales[s].add(row.values[s]);
  acc.scores.add(row.scores);
  acc.prevalence.add(row.outcomes, row.groups, row.cluster);
}

/** The Report (contract §3) from the accumulators: every statistic is computed here, once. */
function buildReport(acc: Accumulators, codebook: Codebook, sources: string[], settings: AnalysisSettings): Report {
  const warnings: Warning[] = invalidWarnings(acc.invalid);
  if (acc.rows === 0) warnings.push({ code: 'no-rows', message: 'the input has a header but no data rows' });
  const scores = scoreReports(acc.scores, codebook.scales);
  const scales = codebook.scales.map((scale, s) =>
    scaleReport(acc.scales[s], scale, scores[s], { alphaCi: settings.alphaCi, confLevel: settings.confLevel, bootstrap: settings.bootstrap }, warnings),
  );
  const correlations = correlationsReport(acc.scores, codebook.scales, settings.confLevel, warnings);
  const prevalence = prevalenceReport(acc.prevalence, { ciMethod: settings.ciMethod, confLevel: settings.confLevel }, warnings);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    input: { files: sources.map(sourceName), rows: acc.rows, codebook: codebook.title },
    settings: {
      ciMethod: settings.ciMethod,
      alphaCi: settings.alphaCi,
      confLevel: settings.confLevel,
      missing: settings.missing,
      correlation: settings.correlation,
      groups: settings.groups,
      cluster: settings.cluster,
      bootstrap: settings.alphaCi === 'bootstrap' ? settings.bootstrap : null,
    },
    scales,
    correlations,
    prevalence: prevalence.prevalence,
    groupComparisons: prevalence.groupComparisons,
    groupMissing: prevalence.groupMissing,
    warnings,
  };
}

export async function analyze(sources: string[], codebook: Codebook, settings: AnalysisSettings, onProgress?: (rows: number, bytes: number) => void): Promise<Report> {
  const acc = await accumulate(sources, codebook, settings, onProgress);
  return buildReport(acc, codebook, sources, settings);
}

/** One warning per column whose invalid values --lenient counted as missing. */
export function invalidWarnings(tally: Map<string, InvalidTally>): Warning[] {
  return [...tally.values()].map((t) => ({
    code: 'invalid-values',
    column: t.column,
    count: t.count,
    message: `column "${t.column}": ${t.count} value${t.count === 1 ? '' : 's'} out of range or unknown counted as missing (--lenient); the first, "${t.first.value}", at ${t.first.file}:${t.first.line}`,
  }));
}
