import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type CodedBuffers, type InvalidTally } from '../codebook/row-coder.js';
import type { TableHeader } from '../read/table-header.js';
import type { AnalysisSettings } from './analyze.js';
import { ScaleAccumulator } from './scale-accumulator.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { PrevalenceAccumulator } from './prevalence-accumulator.js';
import { RowFilter } from './row-filter.js';
import { UnmatchedPositive } from './unmatched-positive.js';
import { DuplicateIds } from './duplicate-ids.js';

/** Whether the pass keeps each scale's coded rows: for the bootstraps (alpha's, and omega's with --reliability full). */
export function keepsRows(settings: AnalysisSettings): boolean {
  return settings.alphaCi === 'bootstrap' || settings.reliability === 'full';
}

/** Everything one pass over the rows accumulates; its size depends on the items, not the rows. */
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

/**
 * One pass over the rows: the coder, the accumulators, and what a file's header binds. The
 * readers of the pass (accumulate.ts, accumulate-plain.ts) code each kept row with `coder`
 * (or give its buffers the same values) and hand it to `add`.
 */
export class RowPass {
  readonly coder: RowCoder;
  readonly acc: Accumulators;
  /** Per prevalence entry, its column in the file (-1 before a header). */
  outcomeColumns: number[] = [];
  /** The id column's index in the file, -1 when there is none. */
  idAt = -1;
  /** Set by a reader that adds the rows' prevalence counts itself (accumulate-plain.ts): `add` leaves them. */
  prevalenceCounted = false;

  /** `blockRows`: the most rows a reader gives `addRows` at once (0: it uses `add` only). */
  constructor(
    private readonly codebook: Codebook,
    settings: AnalysisSettings,
    buffers?: CodedBuffers,
    blockRows = 0,
  ) {
    const invalid = new Map<string, InvalidTally>();
    const coder = new RowCoder(codebook, { groups: settings.groups, cluster: settings.cluster, lenient: settings.lenient }, invalid, buffers);
    this.coder = coder;
    this.acc = {
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
        blockRows,
      })),
      scores: new ScoreAccumulator(codebook.scales, settings.correlation, blockRows),
      prevalence: new PrevalenceAccumulator(codebook.prevalence, settings.groups, settings.cluster),
      invalid,
      header: '',
    };
  }

  /** A file's header: the filter's and the coder's columns, the file's labels, the id column. */
  header(header: TableHeader): void {
    const acc = this.acc;
    acc.filter.bind(header);
    this.coder.bind(header);
    header.columns.forEach((column, c) => {
      const label = header.meta[c].label;
      if (label !== null && !acc.fileLabels.has(column)) acc.fileLabels.set(column, label);
      const values = header.meta[c].valueLabels;
      if (values !== null && values.size > 0 && !acc.fileValueLabels.has(column)) acc.fileValueLabels.set(column, values);
    });
    this.outcomeColumns = this.codebook.prevalence.map((entry) => header.columns.indexOf(entry.column));
    acc.idColumn = this.codebook.id ?? header.idColumn;
    if (acc.header === '') acc.header = JSON.stringify([header.layout, header.headerRows, header.columns, header.idColumn]);
    this.idAt = acc.idColumn === null ? -1 : header.columns.indexOf(acc.idColumn);
  }

  /**
   * The coded row in the coder's buffers into every accumulator; `cellOf(p)` is the row's cell
   * of prevalence entry p, `id` its trimmed id cell (ignored without an id column).
   */
  add(cellOf: (p: number) => string, id: string, file: string, line: number): void {
    const acc = this.acc;
    const row = this.coder;
    for (let s = 0; s < acc.scales.length; s++) acc.scales[s].add(row.values[s]);
    acc.scores.add(row.scores);
    if (!this.prevalenceCounted) acc.prevalence.add(row.outcomes, row.groups, row.cluster);
    acc.unmatched.add(row.outcomes, cellOf);
    if (this.idAt >= 0) acc.ids.add(id, file, line);
    acc.rows++;
  }

  /**
   * `count` coded rows at once, as `add` of each in turn, from a reader that counts their
   * prevalence itself and gives the unmatched positives their cells apart
   * (UnmatchedPositive.addDistinct): scale s's values in values[s], k per row, the rows' scores
   * one per scale per row, row r's trimmed id cell `idOf(r)` (not asked without an id column)
   * and its line lines[r].
   */
  addRows(values: Float64Array[], scores: Float64Array, count: number, idOf: (r: number) => string, file: string, lines: Int32Array): void {
    const acc = this.acc;
    if (!this.prevalenceCounted) throw new Error('RowPass.addRows: the reader must count the prevalence itself');
    for (let s = 0; s < acc.scales.length; s++) acc.scales[s].addRows(values[s], count);
    acc.scores.addRows(scores, count);
    if (this.idAt >= 0) for (let r = 0; r < count; r++) acc.ids.add(idOf(r), file, lines[r]);
    acc.rows += count;
  }
}
