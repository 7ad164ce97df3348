import type { Scale } from '../codebook/codebook.js';
import type { MissingMethod } from '../report/report.js';
import { CoMoments } from '../stats/co-moments.js';
import { cov2cor } from '../stats/cov2cor.js';
import { PAIR_STRIDE, mergePair, pairCorrelation, updatePair } from '../stats/paired-moments.js';
import { PairwiseCoMoments } from '../stats/pairwise-co-moments.js';
import { UNIVARIATE_STRIDE } from '../stats/univariate-moments.js';
import { denseLength, ItemFrequencies } from './scale-item-frequencies.js';
import { momentSlice, type MomentKernels } from '../stats/moment-kernels.js';
import { itemTotalFromCovariance } from '../stats/item-total-correlation.js';
import { PairTables } from '../stats/polychoric/pair-tables.js';

/** Most answer categories an item may have for its pair tables (PairTables' bound). */
export const MAX_ORDINAL_CATEGORIES = 10;

/**
 * The codes of a scale's items in category order, for its pair tables: the whole numbers of
 * its range (after reverse keying the values stay in the range), or null when the range is not
 * whole numbers or spans more than MAX_ORDINAL_CATEGORIES values (no ordinal correlations).
 */
export function ordinalCodes(scale: Scale): number[] | null {
  const [lo, hi] = scale.range;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi - lo + 1 > MAX_ORDINAL_CATEGORIES || hi < lo) return null;
  return Array.from({ length: hi - lo + 1 }, (_, c) => lo + c);
}

/** What the reliability figures of one scale are computed from (see ScaleAccumulator.moments). */
export interface ScaleMoments {
  /** Rows given to `add`. */
  rows: number;
  /**
   * Respondents behind alpha and its intervals: the complete cases (listwise), or every row
   * given to `add`, answered or not (pairwise, as psych::alpha's `nsub = nrow(x)`).
   */
  n: number;
  itemN: Float64Array;
  itemMean: Float64Array;
  itemSd: Float64Array;
  /** Item covariances: `cov(x)` of the complete cases, or `cov(x, use = "pairwise")`. */
  covariance: Float64Array;
  /** `cov2cor(covariance)`, the R of psych::alpha. */
  correlation: Float64Array;
  /** `cor(x, use = "pairwise")` (equal to `correlation` under listwise deletion), for omega. */
  pairwiseCorrelation: Float64Array;
  /** psych raw.r: `cor(total, x_i, use = "pairwise")`, total = mean of the row's answered items. */
  itemTotalR: Float64Array;
}

/**
 * Streaming sufficient statistics of one scale, sized by its k items and never by the rows.
 *
 * Each row arrives as k values after answer-key scoring and reverse keying (NaN = missing).
 * - Listwise (default): complete rows update one co-moment matrix (co-moments.ts).
 * - Pairwise: every row updates each item's own moments and each pair's moments over the
 *   rows answering both (pairwise-co-moments.ts), i.e. R `cov(x, use = "pairwise")`.
 * - Pairwise, item i is also paired with the row's total t = mean of the row's answered
 *   items over the rows answering i, which gives psych's raw.r; listwise, raw.r follows
 *   from the covariance matrix.
 * - Every row counts each item's answered codes (before reverse keying: min + max - x) and
 *   missing answers.
 * Moments are kept relative to the first observed value, so adding a constant to every
 * answer changes nothing but the means. With `keepData`, the rows behind alpha (listwise:
 * complete rows; pairwise: all rows) are also stored, for the bootstrap. With `pairTables`
 * (--item-correlations polychoric), the same rows also update the contingency table of every
 * item pair (pair-tables.ts), for the polychoric correlations; memory stays flat.
 *
 * `merge` combines an accumulator that read other rows (e.g. another byte range, in a worker)
 * as if its rows had come after these: counts exactly, moments by Chan et al. Not with
 * `keepData`: the stored rows are not merged.
 */
export class ScaleAccumulator {
  readonly k: number;
  readonly missingMethod: MissingMethod;
  readonly keepData: boolean;
  rows = 0;
  /** [0]: the origin subtracted from every value; NaN until a value is seen. */
  private readonly origin: Float64Array;
  private readonly reversed: Uint8Array;
  private readonly reverseSum: number;
  private readonly missingCounts: Float64Array;
  private readonly frequencies: ItemFrequencies[];
  private readonly listwise: CoMoments | null;
  private readonly pairwise: PairwiseCoMoments | null;
  /** Paired moments (x_i, row total) per item. */
  private readonly itemTotal: Float64Array;
  private readonly y: Float64Array;
  private data: Float64Array;
  private dataRows = 0;
  /** Every item pair's contingency table (null unless asked for, or when the codes do not allow it). */
  readonly pairTables: PairTables | null;
  /**
   * The arguments of `add`'s kernel (moment-kernels.wat scaleRowAdd) after k and before n: null
   * when it does not apply (pairwise, keepData, pair tables). Private: a structured clone leaves
   * it out with the kernels.
   */
  readonly #rowKernel: { add: MomentKernels['scaleRowAdd']; addRows: MomentKernels['scaleRowsAdd']; at: number[]; span: number; min: number } | null;
  /** Where `addRows` copies a block of rows for the kernel (blockRows × k values in its memory); empty without one. */
  readonly #block: { rows: Float64Array; at: number };

  /** `blockRows`: the most rows `addRows` is given at once (default 0: only `add` is used). */
  constructor(scale: Scale, options: { missing: MissingMethod; keepData: boolean; pairTables?: boolean; blockRows?: number }) {
    const k = scale.items.length;
    this.k = k;
    this.missingMethod = options.missing;
    this.keepData = options.keepData;
    this.reversed = Uint8Array.from(scale.items, (item) => (scale.reverse.includes(item) ? 1 : 0));
    this.reverseSum = scale.range[0] + scale.range[1];
    // One slice of the kernels' memory: the listwise co-moments, then the missing counts, the
    // reversed flags (as 0 and 1), the dense code counts (span per item) and the origin.
    const span = denseLength(scale.range);
    const coMoments = options.missing === 'listwise' ? CoMoments.doubles(k) : 0;
    const blockRows = options.blockRows ?? 0;
    if (!(blockRows >= 0 && blockRows < 65536)) throw new Error('ScaleAccumulator: blockRows must be below 65536');
    const own = coMoments + 2 * k + k * span + 1;
    const slice = momentSlice(own + blockRows * k);
    const view = (from: number, length: number): Float64Array => new Float64Array(slice.buffer, slice.byteOffset + 8 * (coMoments + from), length);
    this.missingCounts = view(0, k);
    const reversedFlags = view(k, k);
    reversedFlags.set(this.reversed);
    const dense = view(2 * k, k * span);
    this.frequencies = scale.items.map((_, i) => new ItemFrequencies(scale.range, dense.subarray(i * span, (i + 1) * span)));
    this.origin = view(2 * k + k * span, 1);
    this.origin[0] = Number.NaN;
    this.listwise = options.missing === 'listwise' ? new CoMoments(k, slice) : null;
    this.pairwise = options.missing === 'pairwise' ? new PairwiseCoMoments(k) : null;
    this.itemTotal = new Float64Array(k * PAIR_STRIDE);
    // The row the co-moments read, written in place (no copy per row).
    this.y = this.listwise?.row ?? this.pairwise!.row;
    this.data = new Float64Array(options.keepData ? 64 * k : 0);
    const codes = options.pairTables === true ? ordinalCodes(scale) : null;
    this.pairTables = codes === null ? null : new PairTables(scale.items.map(() => codes), { maxCategories: MAX_ORDINAL_CATEGORIES });
    const byteAt = (doubles: number): number => slice.byteOffset + 8 * (coMoments + doubles);
    this.#rowKernel =
      this.listwise !== null && !this.keepData && this.pairTables === null && k > 0
        ? { add: slice.kernels.scaleRowAdd, addRows: slice.kernels.scaleRowsAdd, at: [byteAt(0), byteAt(k), byteAt(2 * k), byteAt(2 * k + k * span)], span, min: scale.range[0] }
        : null;
    this.#block = { rows: view(own - coMoments, blockRows * k), at: byteAt(own - coMoments) };
  }

  /** Add one respondent's k values (NaN = missing). */
  add(values: Float64Array): void {
    this.rows++;
    const kernel = this.#rowKernel;
    if (kernel !== null) {
      // The whole update in one call; what it leaves is a code the dense counts do not hold.
      const lw = this.listwise!;
      const co = lw.pointers();
      lw.row.set(values);
      const { at } = kernel;
      const result = kernel.add(this.k, co[0], at[0], at[1], at[2], kernel.span, kernel.min, this.reverseSum, at[3], lw.n + 1, co[1], co[2], co[3]);
      if ((result & 1) === 1) lw.n++;
      if (result > 1) this.countUncounted(values);
      return;
    }
    this.addInJavaScript(values);
  }

  /**
   * Add `count` rows, row r's k values at rows[r k, (r + 1) k): as `add` of each in turn, done by
   * one kernel call for the block (copied into the kernel's memory) where `add` would use the kernel.
   */
  addRows(rows: Float64Array, count: number): void {
    const kernel = this.#rowKernel;
    const k = this.k;
    if (kernel === null || count > this.#block.rows.length / k) {
      for (let r = 0; r < count; r++) this.addInJavaScript(rows.subarray(r * k, (r + 1) * k));
      this.rows += count;
      return;
    }
    this.#block.rows.set(rows.subarray(0, count * k));
    const lw = this.listwise!;
    const co = lw.pointers();
    const { at } = kernel;
    for (let done = 0; done < count; ) {
      const result = kernel.addRows(k, this.#block.at + 8 * k * done, count - done, at[0], at[1], at[2], kernel.span, kernel.min, this.reverseSum, at[3], lw.n, co[1], co[2], co[3]);
      lw.n += result >>> 16;
      done += result & 0xffff;
      // The kernel stops after a row with codes it did not count, or at the end: that last row's
      // are counted here (countUncounted leaves the codes the kernel counted).
      this.countUncounted(rows.subarray((done - 1) * k, done * k));
    }
    this.rows += count;
  }

  /** The answered codes of a row that the kernel left uncounted (not whole numbers of the range). */
  private countUncounted(values: Float64Array): void {
    for (let i = 0; i < this.k; i++) {
      const v = values[i];
      if (v === v) this.frequencies[i].addUncounted(this.reversed[i] === 1 ? this.reverseSum - v : v);
    }
  }

  /** `add` without the kernel: pairwise deletion, the rows kept for the bootstrap, pair tables. */
  private addInJavaScript(values: Float64Array): void {
    const k = this.k;
    let answered = 0;
    for (let i = 0; i < k; i++) {
      const v = values[i];
      if (v !== v) {
        this.missingCounts[i]++;
        continue;
      }
      answered++;
      this.frequencies[i].add(this.reversed[i] === 1 ? this.reverseSum - v : v);
      if (this.origin[0] !== this.origin[0]) this.origin[0] = v;
    }
    if (this.listwise !== null && answered < k) return;
    // The rows behind alpha: complete rows listwise (psych polychoric(na.omit(x))), every row pairwise.
    if (this.pairTables !== null) this.pairTables.add(values);
    const y = this.y;
    let total = 0;
    for (let i = 0; i < k; i++) {
      y[i] = values[i] - this.origin[0];
      if (y[i] === y[i]) total += y[i];
    }
    if (this.keepData) this.store(y);
    if (answered === 0) return;
    total /= answered;
    if (this.listwise !== null) this.listwise.add(y);
    else this.pairwise!.add(y);
    // Listwise, item-total r follows from the covariance matrix (see moments()).
    if (this.pairwise !== null) {
      for (let i = 0; i < k; i++) if (y[i] === y[i]) updatePair(this.itemTotal, i * PAIR_STRIDE, y[i], total);
    }
  }

  /**
   * Merge another accumulator of the same scale and options, as if its rows had been added
   * after these: counts and frequencies exactly, moments by Chan, Golub & LeVeque (1979) /
   * Pébay (2008) (co-moments.ts, pairwise-co-moments.ts, paired-moments.ts), the other's means
   * first moved to this side's origin (mean + other's origin − this one's). `other` may be a
   * ScaleAccumulator or its structured clone (postMessage from a worker): only its fields are
   * read, never a method or getter. Throws when either side keeps its rows (keepData).
   */
  merge(other: ScaleAccumulator): void {
    if (this.keepData || other.keepData) {
      throw new Error('ScaleAccumulator.merge: an accumulator with keepData (rows stored for the bootstrap) is not mergeable');
    }
    const k = this.k;
    if (
      other.k !== k ||
      other.missingMethod !== this.missingMethod ||
      other.reverseSum !== this.reverseSum ||
      (other.pairTables === null) !== (this.pairTables === null) ||
      other.reversed.some((r, i) => r !== this.reversed[i])
    ) {
      throw new Error('ScaleAccumulator.merge: the accumulators belong to different scales or options');
    }
    // Other's origin, moved to this side's; this side takes other's when it saw no value.
    const shift = other.origin[0];
    if (this.origin[0] !== this.origin[0]) this.origin[0] = shift;
    const d = shift === shift ? shift - this.origin[0] : 0;
    this.rows += other.rows;
    for (let i = 0; i < k; i++) {
      this.missingCounts[i] += other.missingCounts[i];
      this.frequencies[i].merge(other.frequencies[i]);
    }
    if (this.listwise !== null) this.listwise.merge(other.listwise!, d);
    else {
      this.pairwise!.merge(other.pairwise!, d);
      // Item i and the row total are both relative to the origin, so both move by d.
      for (let i = 0; i < k; i++) mergePair(this.itemTotal, i * PAIR_STRIDE, other.itemTotal, i * PAIR_STRIDE, d, d);
    }
    if (this.pairTables !== null) this.pairTables.merge(other.pairTables!);
  }

  /** Missing answers of item i over all rows. */
  missing(i: number): number {
    return this.missingCounts[i];
  }

  /** Observed codes of item i (before reverse keying) with their counts, ascending. */
  itemFrequencies(i: number): [code: number, count: number][] {
    return this.frequencies[i].entries();
  }

  /** The stored rows behind alpha, relative to a common origin (requires `keepData`). */
  storedRows(): { rows: Float64Array; n: number } {
    if (!this.keepData) throw new Error('ScaleAccumulator: rows were not kept (keepData is false)');
    return { rows: this.data.subarray(0, this.dataRows * this.k), n: this.dataRows };
  }

  /** Means, sds, covariances and correlations of the items, as psych::alpha forms them. */
  moments(): ScaleMoments {
    const k = this.k;
    const itemN = new Float64Array(k);
    const itemMean = new Float64Array(k);
    const itemSd = new Float64Array(k);
    let covariance: Float64Array;
    let correlation: Float64Array;
    let pairwiseCorrelation: Float64Array;
    let n: number;
    if (this.listwise !== null) {
      const lw = this.listwise;
      n = lw.n;
      covariance = lw.covariance();
      correlation = cov2cor(covariance, k);
      pairwiseCorrelation = correlation;
      for (let i = 0; i < k; i++) {
        itemN[i] = n;
        itemMean[i] = n > 0 ? lw.mean[i] + this.origin[0] : Number.NaN;
        itemSd[i] = Math.sqrt(covariance[i * k + i]);
      }
    } else {
      const pw = this.pairwise!;
      n = this.rows;
      covariance = pw.covariance();
      correlation = cov2cor(covariance, k);
      pairwiseCorrelation = pw.correlation();
      for (let i = 0; i < k; i++) {
        const o = i * UNIVARIATE_STRIDE;
        itemN[i] = pw.single[o];
        itemMean[i] = pw.single[o] > 0 ? pw.single[o + 1] + this.origin[0] : Number.NaN;
        itemSd[i] = Math.sqrt(covariance[i * k + i]);
      }
    }
    const itemTotalR = this.listwise !== null ? itemTotalFromCovariance(covariance, k) : new Float64Array(k);
    if (this.pairwise !== null) for (let i = 0; i < k; i++) itemTotalR[i] = pairCorrelation(this.itemTotal, i * PAIR_STRIDE);
    return { rows: this.rows, n, itemN, itemMean, itemSd, covariance, correlation, pairwiseCorrelation, itemTotalR };
  }

  private store(y: Float64Array): void {
    const k = this.k;
    if ((this.dataRows + 1) * k > this.data.length) {
      const grown = new Float64Array(Math.max(2 * this.data.length, 64 * k));
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(y, this.dataRows * k);
    this.dataRows++;
  }
}
