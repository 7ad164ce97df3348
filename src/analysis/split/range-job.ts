import type { Codebook } from '../../codebook/codebook.js';
import type { InvalidTally } from '../../codebook/row-coder.js';
import { readCsvRange, sourceName, type CsvRange } from '../../read/read-csv.js';
import { countFileLineBreaks } from '../../read/line-offsets.js';
import { accumulate, type Accumulators } from '../accumulate.js';
import type { AnalysisSettings } from '../analyze.js';
import type { DuplicateIds } from '../duplicate-ids.js';
import type { PrevalenceAccumulator } from '../prevalence-accumulator.js';
import type { RowFilterCounts } from '../row-filter.js';
import type { ScaleAccumulator } from '../scale-accumulator.js';
import type { ScoreAccumulator } from '../score-accumulator.js';
import type { TableInput } from '../table-input.js';
import type { UnmatchedPositive } from '../unmatched-positive.js';

/** The second range of a split file, as a worker thread gets it (plain data: it is posted). */
export interface RangeJob {
  source: string;
  codebook: Codebook;
  /** The analysis settings, read with the delimiter and layout of the file's start. */
  settings: AnalysisSettings;
  range: Omit<CsvRange, 'startLine'>;
}

/**
 * What a range's pass adds to the first range's accumulators (merge-accumulators.ts): plain
 * data, posted by the worker as a structured clone. What only the header decides (labels,
 * label conflicts, the id column) is the first range's alone.
 */
export interface RangeResult {
  rows: number;
  header: string;
  filter: RowFilterCounts;
  unmatched: UnmatchedPositive;
  ids: DuplicateIds;
  scales: ScaleAccumulator[];
  scores: ScoreAccumulator;
  prevalence: PrevalenceAccumulator;
  invalid: Map<string, InvalidTally>;
}

/** One range of a CSV file as the rows of an analysis. */
export function rangeInput(source: string, settings: AnalysisSettings, range: CsvRange): TableInput {
  return { names: [sourceName(source)], read: (sink) => readCsvRange(source, settings.read, range, sink) };
}

/** The pass over a job's range; its first line is counted from the file (line breaks before it). */
export async function accumulateRange(job: RangeJob, onProgress?: (rows: number, bytes: number) => void): Promise<RangeResult> {
  const startLine = 1 + countFileLineBreaks(job.source, job.range.start);
  const acc = await accumulate(rangeInput(job.source, job.settings, { ...job.range, startLine }), job.codebook, job.settings, onProgress);
  return rangeResult(acc);
}

function rangeResult(acc: Accumulators): RangeResult {
  return {
    rows: acc.rows,
    header: acc.header,
    filter: acc.filter.counted(),
    unmatched: acc.unmatched,
    ids: acc.ids,
    scales: acc.scales,
    scores: acc.scores,
    prevalence: acc.prevalence,
    invalid: acc.invalid,
  };
}
