import type { Scale } from '../codebook/codebook.js';
import type { CorrelationMethod } from '../report/report.js';
import { pairCorrelation } from '../stats/paired-moments.js';
import { PairwiseCoMoments } from '../stats/pairwise-co-moments.js';
import { type MomentKernels, momentSlice } from '../stats/moment-kernels.js';
import { spearmanFromTable } from '../stats/spearman-from-table.js';
import { UNIVARIATE_STRIDE, mergeUnivariate, univariateSd, updateUnivariate } from '../stats/univariate-moments.js';
import { type HistogramLayout, histogramBin, scoreHistogramLayout } from './score-histogram.js';

/**
 * The most scales whose scores are correlated. The correlation matrix has s² cells and every
 * respondent updates s²/2 pairs, so beyond this the correlations are left out (with a
 * warning) and memory and time stay linear in the number of scales.
 */
export const MAX_CORRELATED_SCALES = 200;

/** Key of a (value index a, value index b) cell in a pair's joint table. */
const KEY_STRIDE = 2 ** 26;

/**
 * Streaming summaries of the respondents' scale scores (one score per scale, NaN = none),
 * in memory that depends on the number of scales and, for Spearman, on the number of
 * distinct score values, never on the number of respondents:
 * - per scale: n, mean and M2 (Welford), min, max and histogram counts;
 * - every pair of scales: paired moments over the respondents with both scores, the
 *   pairwise-complete moments of PairwiseCoMoments (Pearson: R `cor(x, use = "pairwise")`);
 * - Spearman: for every pair a joint frequency table of (score a, score b) over the
 *   respondents with both scores. Scores take few distinct values (means of a few coded
 *   answers), and the table gives the mid-ranks exactly (spearman-from-table.ts), as R
 *   `cor(x, use = "pairwise", method = "spearman")` ranks each pair's complete rows.
 * Moments are kept relative to each scale's first score. `merge` combines an accumulator that
 * read other rows (another byte range, in a worker) as if its rows had come after these.
 */
export class ScoreAccumulator {
  readonly p: number;
  readonly correlation: CorrelationMethod;
  /** Whether the pairs of scales are accumulated (at most MAX_CORRELATED_SCALES scales). */
  readonly correlated: boolean;
  readonly layouts: HistogramLayout[];
  private readonly shift: Float64Array;
  /** The scores relative to `shift`, for `moments`. */
  private readonly y: Float64Array;
  private readonly moments: PairwiseCoMoments;
  /** Each scale's n, mean and M2: the moments' own, or (without pairs) kept here. */
  private readonly single: Float64Array;
  private readonly minimum: Float64Array;
  private readonly maximum: Float64Array;
  private readonly counts: Float64Array[];
  /** Spearman only: distinct values of each scale (value → index) and each pair's joint table. */
  private readonly values: Map<number, number>[];
  private readonly valueList: number[][];
  private readonly tables: Map<number, number>[];
  /**
   * `addRows`' kernel (moment-kernels.wat scoreRowsAdd; Pearson, correlated): its memory's byte
   * offsets of the block of rows, shift, minimum, maximum and layouts, and the block's room in
   * rows. Private: a structured clone leaves it out with the kernels.
   */
  readonly #rowsKernel: { add: MomentKernels['scoreRowsAdd']; block: Float64Array; at: number[]; rows: number } | null;

  /** `blockRows`: the most rows `addRows` is given at once (default 0: only `add` is used). */
  constructor(scales: Scale[], correlation: CorrelationMethod, blockRows = 0) {
    const p = scales.length;
    this.p = p;
    this.correlation = correlation;
    this.layouts = scales.map(scoreHistogramLayout);
    this.correlated = p <= MAX_CORRELATED_SCALES;
    // One slice of the kernels' memory: the pairs' moments, then shift, minimum, maximum, the
    // layouts (from, width, bins, counts' address per scale), every scale's counts, the block.
    const moments = PairwiseCoMoments.doubles(this.correlated ? p : 0);
    const bins = this.layouts.reduce((n, layout) => n + layout.bins, 0);
    const kernel = this.correlated && correlation === 'pearson' && blockRows > 0;
    const slice = momentSlice(moments + 7 * p + bins + (kernel ? blockRows * p : 0));
    const byteAt = (doubles: number): number => slice.byteOffset + 8 * (moments + doubles);
    const view = (from: number, length: number): Float64Array => new Float64Array(slice.buffer, byteAt(from), length);
    this.moments = new PairwiseCoMoments(this.correlated ? p : 0, slice);
    // Correlated, the row the pairs' moments read, written in place (no copy per row).
    this.y = this.correlated ? this.moments.row : new Float64Array(p);
    this.single = this.correlated ? this.moments.single : new Float64Array(p * UNIVARIATE_STRIDE);
    this.shift = view(0, p).fill(Number.NaN);
    this.minimum = view(p, p).fill(Number.POSITIVE_INFINITY);
    this.maximum = view(2 * p, p).fill(Number.NEGATIVE_INFINITY);
    const layouts = view(3 * p, 4 * p);
    let binsAt = 7 * p;
    this.counts = this.layouts.map((layout, i) => {
      layouts.set([layout.from, layout.width, layout.bins, byteAt(binsAt)], 4 * i);
      binsAt += layout.bins;
      return view(binsAt - layout.bins, layout.bins);
    });
    this.#rowsKernel = kernel ? { add: slice.kernels.scoreRowsAdd, block: view(binsAt, blockRows * p), at: [byteAt(binsAt), byteAt(0), byteAt(p), byteAt(2 * p), byteAt(3 * p)], rows: blockRows } : null;
    const pairCount = (p * (p - 1)) / 2;
    const spearman = correlation === 'spearman' && this.correlated;
    this.values = spearman ? scales.map(() => new Map()) : [];
    this.valueList = spearman ? scales.map(() => []) : [];
    this.tables = spearman ? Array.from({ length: pairCount }, () => new Map()) : [];
  }

  /** Add one respondent's scores, one per scale (NaN = no score), from scores[at] on. */
  add(scores: Float64Array, at = 0): void {
    for (let i = 0; i < this.p; i++) {
      const s = scores[at + i];
      if (s === s) {
        if (this.shift[i] !== this.shift[i]) this.shift[i] = s;
        if (s < this.minimum[i]) this.minimum[i] = s;
        if (s > this.maximum[i]) this.maximum[i] = s;
        this.counts[i][histogramBin(this.layouts[i], s)]++;
      }
      this.y[i] = s - this.shift[i];
    }
    if (!this.correlated) {
      for (let i = 0; i < this.p; i++) if (this.y[i] === this.y[i]) updateUnivariate(this.single, i * UNIVARIATE_STRIDE, this.y[i]);
      return;
    }
    this.moments.add(this.y);
    if (this.correlation === 'spearman') this.addToTables(at === 0 ? scores : scores.subarray(at, at + this.p));
  }

  /**
   * Add `count` respondents' scores, respondent r's at scores[r p, (r + 1) p): as `add` of each
   * in turn, done by one kernel call for the block (copied into the kernel's memory) when the
   * constructor made room for it.
   */
  addRows(scores: Float64Array, count: number): void {
    const kernel = this.#rowsKernel;
    if (kernel === null || count > kernel.rows) {
      for (let r = 0; r < count; r++) this.add(scores, r * this.p);
      return;
    }
    kernel.block.set(scores.subarray(0, count * this.p));
    const at = this.moments.pointers();
    kernel.add(this.p, kernel.at[0], count, kernel.at[1], kernel.at[2], kernel.at[3], kernel.at[4], at[0], at[1], at[2]);
  }

  /**
   * Merge another accumulator of the same scales and method, as if its rows had been added
   * after these: min, max and histogram counts exactly; n, mean, M2 and the pairs' co-moments by
   * Chan, Golub & LeVeque (1979) / Pébay (2008) (univariate-moments.ts, paired-moments.ts),
   * each scale's means first moved to this side's origin (mean + other.shift − this.shift; this
   * side takes other's origin for a scale it has no score of yet). `other` may be a
   * ScoreAccumulator or its structured clone (postMessage from a worker): only its fields are
   * read, never a method or getter. Spearman's joint tables are merged cell by cell (mergeTables).
   */
  merge(other: ScoreAccumulator): void {
    const p = this.p;
    if (
      other.p !== p ||
      other.correlation !== this.correlation ||
      other.correlated !== this.correlated ||
      other.counts.some((c, i) => c.length !== this.counts[i].length)
    ) {
      throw new Error('ScoreAccumulator.merge: the accumulators hold different scales or correlation methods');
    }
    const d = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      if (this.shift[i] !== this.shift[i]) this.shift[i] = other.shift[i];
      d[i] = other.shift[i] === other.shift[i] ? other.shift[i] - this.shift[i] : 0;
      if (other.minimum[i] < this.minimum[i]) this.minimum[i] = other.minimum[i];
      if (other.maximum[i] > this.maximum[i]) this.maximum[i] = other.maximum[i];
      const counts = this.counts[i];
      const from = other.counts[i];
      for (let b = 0; b < counts.length; b++) counts[b] += from[b];
    }
    // Correlated, `single` is the moments' own (merged with the pairs); otherwise kept here.
    if (this.correlated) this.moments.merge(other.moments, d);
    else for (let i = 0; i < p; i++) mergeUnivariate(this.single, i * UNIVARIATE_STRIDE, other.single, i * UNIVARIATE_STRIDE, d[i]);
    if (this.correlation === 'spearman' && this.correlated) this.mergeTables(other);
  }

  /**
   * Spearman: other's distinct scores get this side's indices (new ones appended in other's
   * order, as one pass would have met them) and its joint tables' cells are added under the
   * re-indexed keys; new cells come after this side's, in other's order. The tables are then
   * those of one pass, cell for cell and in the same order.
   */
  private mergeTables(other: ScoreAccumulator): void {
    const index = other.valueList.map((values, s) => values.map((value) => this.valueIndex(s, value)));
    for (let i = 0; i < this.p; i++) {
      for (let j = i + 1; j < this.p; j++) {
        const pair = this.moments.pairIndex(i, j);
        const table = this.tables[pair];
        for (const [key, count] of other.tables[pair]) {
          const merged = index[i][Math.floor(key / KEY_STRIDE)] * KEY_STRIDE + index[j][key % KEY_STRIDE];
          table.set(merged, (table.get(merged) ?? 0) + count);
        }
      }
    }
  }

  /** n, mean, sd, min and max of scale i's scores (NaN where undefined) and its histogram counts. */
  summary(i: number): { n: number; mean: number; sd: number; min: number; max: number; counts: Float64Array } {
    const single = this.single;
    const o = i * UNIVARIATE_STRIDE;
    const n = single[o];
    return {
      n,
      mean: n > 0 ? single[o + 1] + this.shift[i] : Number.NaN,
      sd: univariateSd(single, o),
      min: n > 0 ? this.minimum[i] : Number.NaN,
      max: n > 0 ? this.maximum[i] : Number.NaN,
      counts: this.counts[i],
    };
  }

  /** Correlation of scales i and j (i != j) by the accumulator's method, with the pairwise n. */
  pairCorrelation(i: number, j: number): { r: number; n: number } {
    if (i > j) return this.pairCorrelation(j, i);
    const offset = this.moments.pairOffset(i, j);
    const n = this.moments.pairs[offset];
    if (this.correlation === 'pearson') return { r: pairCorrelation(this.moments.pairs, offset), n };
    const cells: [number, number, number][] = [];
    for (const [key, count] of this.tables[this.moments.pairIndex(i, j)]) {
      cells.push([this.valueList[i][Math.floor(key / KEY_STRIDE)], this.valueList[j][key % KEY_STRIDE], count]);
    }
    return spearmanFromTable(cells);
  }

  /** Spearman: each pair's joint table of (score i, score j) over the respondents with both. */
  private addToTables(scores: Float64Array): void {
    for (let i = 0; i < this.p; i++) {
      const si = scores[i];
      if (si !== si) continue;
      for (let j = i + 1; j < this.p; j++) {
        const sj = scores[j];
        if (sj !== sj) continue;
        const key = this.valueIndex(i, si) * KEY_STRIDE + this.valueIndex(j, sj);
        const table = this.tables[this.moments.pairIndex(i, j)];
        table.set(key, (table.get(key) ?? 0) + 1);
      }
    }
  }

  private valueIndex(scale: number, value: number): number {
    const values = this.values[scale];
    let index = values.get(value);
    if (index === undefined) {
      index = this.valueList[scale].length;
      if (index >= KEY_STRIDE) throw new Error('ScoreAccumulator: more than 2^26 distinct scores in one scale');
      values.set(value, index);
      this.valueList[scale].push(value);
    }
    return index;
  }
}
