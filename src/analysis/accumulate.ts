import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
import type { TableInput } from './table-input.js';
import type { AnalysisSettings } from './analyze.js';
import { ScaleAccumulator } from './scale-accumulator.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { PrevalenceAccumulator } from './prevalence-accumulator.js';
import { RowFilter } from './row-filter.js';
import { UnmatchedPositive } from './unmatched-positive.js';
import { DuplicateIds } from './duplicate-ids.js';

/** Everything one pass over the rows accumulates; its size depends on the items, not the rows. */
/** Whether the pass keeps each scale's coded rows: for the bootstraps (alpha's, and omega's with --reliability full). */
export function keepsRows(settings: AnalysisSettings): boolean {
  return settings.alphaCi === 'bootstrap' || settings.reliability === 'full';
}

export interface Accumulators {
  rows: number;
  filter: RowFilter;
  unmatched: UnmatchedPositive;
  /** Repeated respondent ids, in the codebook's id column or else the platform's (ResponseId, record_id). */
  ids: DuplicateIds;
  idColumn: string | null;
  labelConflicts: RowCoder['labelConflicts'];
  /** Each column's wording from the files' headers or variable labels (the first file that has one). */
  fileLabels: Map<string, string>;
  /** Each column's value labels from the files (a .sav/.dta), for frequencies the codebook does not label. */
  fileValueLabels: Map<string, Map<string, string>>;
  scales: ScaleAccumulator[];
  scores: ScoreAccumulator;
  prevalence: PrevalenceAccumulator;
  invalid: Map<string, InvalidTally>;
  /** The first file's layout, header rows and columns, as text (split-analysis checks that both ranges read the same header). */
  header: string;
}

function createAccumulators(codebook: Codebook, settings: AnalysisSettings, coder: RowCoder): Accumulators {
  return {
    rows: 0,
    filter: new RowFilter(codebook, settings.keepPreviews, (column) => coder.responseCodeOf(column)),
    unmatched: new UnmatchedPositive(codebook.prevalence),
    ids: new DuplicateIds(),
    idColumn: null,
    labelConflicts: coder.labelConflicts,
    fileLabels: new Map(),
    fileValueLabels: new Map(),
    // The rows are kept for the bootstraps (alpha's, and omega's with --reliability full); pair
    // tables only for --item-correlations polychoric: the default pass does no more than before.
    scales: codebook.scales.map((scale) => new ScaleAccumulator(scale, {
      missing: settings.missing,
      keepData: keepsRows(settings),
      pairTables: settings.itemCorrelations === 'polychoric',
    })),
    scores: new ScoreAccumulator(codebook.scales, settings.correlation),
    prevalence: new PrevalenceAccumulator(codebook.prevalence, settings.groups, settings.cluster),
    invalid: new Map(),
    header: '',
  };
}

/**
 * One streaming pass: rows → coded items → accumulators. Rows are never all held.
 * `onProgress` is called after each batch with the rows and bytes read so far.
 */
export async function accumulate(
  sources: TableInput,
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Accumulators> {
  const invalid = new Map<string, InvalidTally>();
  const coder = new RowCoder(codebook, { groups: settings.groups, cluster: settings.cluster, lenient: settings.lenient }, invalid);
  const acc = createAccumulators(codebook, settings, coder);
  acc.invalid = invalid;
  let outcomeColumns: number[] = [];
  let idAt = -1;
  await sources.read({
    header: (header) => {
      acc.filter.bind(header);
      coder.bind(header);
      header.columns.forEach((column, c) => {
        const label = header.meta[c].label;
        if (label !== null && !acc.fileLabels.has(column)) acc.fileLabels.set(column, label);
        const values = header.meta[c].valueLabels;
        if (values !== null && values.size > 0 && !acc.fileValueLabels.has(column)) acc.fileValueLabels.set(column, values);
      });
      outcomeColumns = codebook.prevalence.map((entry) => header.columns.indexOf(entry.column));
      acc.idColumn = codebook.id ?? header.idColumn;
      if (acc.header === '') acc.header = JSON.stringify([header.layout, header.headerRows, header.columns, header.idColumn]);
      idAt = acc.idColumn === null ? -1 : header.columns.indexOf(acc.idColumn);
    },
    rows: (rows, lineOf, file, bytes) => {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!acc.filter.keep(row)) continue;
        coder.code(row, lineOf(r));
        addCodedRow(acc, coder);
        acc.unmatched.add(coder.outcomes, (p) => row[outcomeColumns[p]]);
        if (idAt >= 0) acc.ids.add(row[idAt].trim(), file, lineOf(r));
        acc.rows++;
      }
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

