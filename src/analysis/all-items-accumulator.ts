import type { Codebook } from '../codebook/codebook.js';
import type { MissingMethod } from '../report/report.js';
import { CoMoments } from '../stats/co-moments.js';
import { cov2cor } from '../stats/cov2cor.js';
import { PairwiseCoMoments } from '../stats/pairwise-co-moments.js';
import { UNIVARIATE_STRIDE } from '../stats/univariate-moments.js';

/** One item of the all-items matrix: where RowCoder.values holds it (its first scale). */
export interface AllItemsSlot {
  id: string;
  /** The scale it is taken from (its first in the codebook) and its place there. */
  scale: number;
  index: number;
  /** Every scale that lists the item, in codebook order (ids). */
  scales: string[];
}

/** What the factor analysis of all the items is computed from (AllItemsAccumulator.moments). */
export interface AllItemsMoments {
  /** Rows given to `add`. */
  rows: number;
  /** psych fa's n.obs: the complete rows (listwise), or every row (pairwise, nrow(x)). */
  n: number;
  /** k × k correlations: cor(x[complete.cases(x), ]) or cor(x, use = "pairwise"); NaN where undefined. */
  correlation: Float64Array;
  /** k × k counts behind each cell (psych pairwiseCount; all n when listwise). */
  counts: Float64Array;
  itemN: Float64Array;
  itemMean: Float64Array;
  itemSd: Float64Array;
}

/**
 * The items of every scale of a codebook, each once (an item in two scales is taken, coded as its
 * first scale codes it, once), in codebook order.
 */
export function allItemSlots(codebook: Codebook): AllItemsSlot[] {
  const slots = new Map<string, AllItemsSlot>();
  codebook.scales.forEach((scale, s) =>
    scale.items.forEach((item, i) => {
      const slot = slots.get(item);
      if (slot === undefined) slots.set(item, { id: item, scale: s, index: i, scales: [scale.id] });
      else if (!slot.scales.includes(scale.id)) slot.scales.push(scale.id);
    }),
  );
  return [...slots.values()];
}

/**
 * Streaming co-moments of all the codebook's items together, sized by the k items and never by
 * the rows: listwise, the complete rows update one co-moment matrix (co-moments.ts); pairwise,
 * every row updates each item's and each pair's moments (pairwise-co-moments.ts). Each row
 * arrives as RowCoder.values (per scale, after key scoring and reverse keying; NaN missing).
 * Values are shifted by each item's first observed value, as ScaleAccumulator does, so large
 * codes lose no precision. Used by the `factors` command only.
 */
export class AllItemsAccumulator {
  readonly slots: AllItemsSlot[];
  readonly k: number;
  rows = 0;
  private readonly listwise: CoMoments | null;
  private readonly pairwise: PairwiseCoMoments | null;
  private readonly shift: Float64Array;
  private readonly y: Float64Array;
  private readonly from: Int32Array;
  private readonly at: Int32Array;

  constructor(codebook: Codebook, readonly missing: MissingMethod) {
    this.slots = allItemSlots(codebook);
    const k = this.slots.length;
    this.k = k;
    this.listwise = missing === 'listwise' ? new CoMoments(k) : null;
    this.pairwise = missing === 'pairwise' ? new PairwiseCoMoments(k) : null;
    this.shift = new Float64Array(k).fill(Number.NaN);
    // The row the co-moments read, written in place (no copy per row).
    this.y = this.listwise?.row ?? this.pairwise!.row;
    this.from = Int32Array.from(this.slots, (s) => s.scale);
    this.at = Int32Array.from(this.slots, (s) => s.index);
  }

  /** One coded row: RowCoder.values. */
  add(values: readonly Float64Array[]): void {
    const k = this.k;
    const y = this.y;
    this.rows++;
    let complete = true;
    for (let i = 0; i < k; i++) {
      const v = values[this.from[i]][this.at[i]];
      if (v !== v) {
        complete = false;
        y[i] = v;
        continue;
      }
      if (this.shift[i] !== this.shift[i]) this.shift[i] = v;
      y[i] = v - this.shift[i];
    }
    if (this.listwise !== null) {
      if (complete) this.listwise.add(y);
    } else this.pairwise!.add(y);
  }

  moments(): AllItemsMoments {
    const k = this.k;
    const itemN = new Float64Array(k);
    const itemMean = new Float64Array(k);
    const itemSd = new Float64Array(k);
    const counts = new Float64Array(k * k);
    let correlation: Float64Array;
    let n: number;
    if (this.listwise !== null) {
      const lw = this.listwise;
      n = lw.n;
      const covariance = lw.covariance();
      correlation = cov2cor(covariance, k);
      counts.fill(n);
      for (let i = 0; i < k; i++) {
        itemN[i] = n;
        itemMean[i] = n > 0 ? lw.mean[i] + this.shift[i] : Number.NaN;
        itemSd[i] = Math.sqrt(covariance[i * k + i]);
      }
    } else {
      const pw = this.pairwise!;
      n = this.rows;
      correlation = pw.correlation();
      const covariance = pw.covariance();
      for (let i = 0; i < k; i++) {
        const o = i * UNIVARIATE_STRIDE;
        itemN[i] = pw.single[o];
        itemMean[i] = pw.single[o] > 0 ? pw.single[o + 1] + this.shift[i] : Number.NaN;
        itemSd[i] = Math.sqrt(covariance[i * k + i]);
        counts[i * k + i] = pw.single[o];
        for (let j = i + 1; j < k; j++) counts[i * k + j] = counts[j * k + i] = pw.pairs[pw.pairOffset(i, j)];
      }
    }
    return { rows: this.rows, n, correlation, counts, itemN, itemMean, itemSd };
  }
}
