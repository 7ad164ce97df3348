/**
 * The contingency table of every item pair of one scale, accumulated in the single pass over
 * the rows: memory depends on the items and their categories, never on the respondents
 * (Σ_{i>j} C_i C_j counts, 8 bytes each, plus one count per item and category: for 10 items
 * with 5 categories, 45 × 25 + 50 = 1,175 doubles, 9.4 kB).
 *
 * Each item has a code map: its codes in category order (as they arrive in `add`, i.e. after
 * reverse keying; e.g. the scale's range lo, lo + 1, …, hi). A row adds 1 to the cell
 * (category of i, category of j) of every pair i > j that it answers both items of (pairwise
 * deletion, as psych), and 1 to each answered item's marginal count (the thresholds use every
 * answer of the item). NaN is a missing answer. A value that is not one of the item's codes
 * counts against the item (`unmapped`) and is otherwise treated as missing; an item with more
 * codes than `maxCategories` (default 10) has no tables at all, so a scale of free numbers
 * cannot blow the memory up. The polychoric of such items is not computed (see
 * polychoric-matrix.ts, which gives the reason).
 */
export class PairTables {
  readonly k: number;
  readonly maxCategories: number;
  /** Each item's codes, in category order. */
  readonly codes: readonly (readonly number[])[];
  /** Categories per item (0 for an item over the bound: not tabulated). */
  readonly categories: Int32Array;
  /** Rows given to `add`. */
  rows = 0;
  /** Pair (i, j), i > j, at pairOffset[i(i−1)/2 + j]: C_i × C_j counts, row-major (rows: item i). */
  private readonly pairOffset: Int32Array;
  private readonly counts: Float64Array;
  private readonly marginalOffset: Int32Array;
  private readonly marginals: Float64Array;
  private readonly unmappedCounts: Float64Array;
  private readonly firstUnmapped: Float64Array;
  /** Whole-number codes over a short span: dense[denseStart[i] + v − denseLo[i]] = category or −1. */
  private readonly dense: Int32Array;
  private readonly denseStart: Int32Array;
  private readonly denseLength: Int32Array;
  private readonly denseLo: Float64Array;
  /** Other codes: a Map (denseStart[i] = −1). */
  private readonly maps: (Map<number, number> | null)[];
  private readonly cat: Int32Array;

  constructor(codes: readonly (readonly number[])[], options: { maxCategories?: number } = {}) {
    const k = codes.length;
    this.k = k;
    this.maxCategories = options.maxCategories ?? 10;
    this.codes = codes.map((c) => c.slice());
    this.categories = Int32Array.from(codes, (c) => (c.length <= this.maxCategories ? c.length : 0));
    for (const c of codes) {
      if (new Set(c).size !== c.length || c.some((v) => !Number.isFinite(v))) {
        throw new RangeError('PairTables: an item\'s codes must be distinct finite numbers');
      }
    }
    this.pairOffset = new Int32Array((k * (k - 1)) / 2);
    let size = 0;
    for (let i = 1; i < k; i++) {
      for (let j = 0; j < i; j++) {
        this.pairOffset[(i * (i - 1)) / 2 + j] = size;
        size += this.categories[i] * this.categories[j];
      }
    }
    this.counts = new Float64Array(size);
    this.marginalOffset = new Int32Array(k + 1);
    for (let i = 0; i < k; i++) this.marginalOffset[i + 1] = this.marginalOffset[i] + this.categories[i];
    this.marginals = new Float64Array(this.marginalOffset[k]);
    this.unmappedCounts = new Float64Array(k);
    this.firstUnmapped = new Float64Array(k).fill(Number.NaN);
    // Code maps: one flat dense table for whole-number codes over a short span (the usual
    // case, no hashing in the pass), a Map for any other item.
    this.denseStart = new Int32Array(k);
    this.denseLength = new Int32Array(k);
    this.denseLo = new Float64Array(k);
    this.maps = [];
    let dense = 0;
    for (let i = 0; i < k; i++) {
      const c = this.categories[i] > 0 ? this.codes[i] : [];
      const lo = c.length > 0 ? Math.min(...c) : 0;
      const span = c.length > 0 ? Math.max(...c) - lo + 1 : 0;
      const denseOk = c.every(Number.isInteger) && span <= 4096;
      this.denseStart[i] = denseOk ? dense : -1;
      this.denseLength[i] = denseOk ? span : 0;
      this.denseLo[i] = lo;
      this.maps.push(denseOk ? null : new Map(c.map((v, j) => [v, j])));
      if (denseOk) dense += span;
    }
    this.dense = new Int32Array(dense).fill(-1);
    for (let i = 0; i < k; i++) {
      if (this.denseLength[i] > 0) this.codes[i].forEach((v, j) => (this.dense[this.denseStart[i] + v - this.denseLo[i]] = j));
    }
    this.cat = new Int32Array(k);
  }

  /** Add one respondent's k values (NaN = missing), the same values the scale's other accumulators get. */
  add(values: ArrayLike<number>): void {
    const k = this.k;
    const cat = this.cat;
    const denseLo = this.denseLo;
    const denseStart = this.denseStart;
    const denseLength = this.denseLength;
    const dense = this.dense;
    this.rows++;
    for (let i = 0; i < k; i++) {
      const v = values[i];
      let c = -1;
      if (v === v && this.categories[i] !== 0) {
        const start = denseStart[i];
        if (start >= 0) {
          const d = v - denseLo[i];
          if (d >= 0 && d < denseLength[i] && Math.floor(d) === d) c = dense[start + d];
        } else c = this.maps[i]!.get(v) ?? -1;
        if (c < 0) {
          if (this.unmappedCounts[i]++ === 0) this.firstUnmapped[i] = v;
        } else this.marginals[this.marginalOffset[i] + c]++;
      }
      cat[i] = c;
    }
    const counts = this.counts;
    const categories = this.categories;
    const pairOffset = this.pairOffset;
    for (let i = 1, base = 0; i < k; base += i, i++) {
      const ci = cat[i];
      if (ci < 0) continue;
      for (let j = 0; j < i; j++) {
        const cj = cat[j];
        if (cj >= 0) counts[pairOffset[base + j] + ci * categories[j] + cj]++;
      }
    }
  }

  /**
   * Add another accumulator's counts (same items and codes), e.g. one that read another part of
   * the input, as if its rows had been added after these: exact, the counts are integers (the
   * first unmapped value stays this side's when it has one). `other` may be a PairTables or its
   * structured clone (from a worker): only its fields are read, never a method or getter.
   */
  merge(other: PairTables): void {
    if (other.k !== this.k || other.maxCategories !== this.maxCategories || other.codes.some((c, i) => !sameCodes(c, this.codes[i]))) {
      throw new RangeError('PairTables.merge: the accumulators have different items or codes');
    }
    this.rows += other.rows;
    for (let c = 0; c < this.counts.length; c++) this.counts[c] += other.counts[c];
    for (let c = 0; c < this.marginals.length; c++) this.marginals[c] += other.marginals[c];
    for (let i = 0; i < this.k; i++) {
      if (this.unmappedCounts[i] === 0 && other.unmappedCounts[i] > 0) this.firstUnmapped[i] = other.firstUnmapped[i];
      this.unmappedCounts[i] += other.unmappedCounts[i];
    }
  }

  /** Item i's answers per category (every row answering it), a copy. */
  marginal(i: number): Float64Array {
    return this.marginals.slice(this.marginalOffset[i], this.marginalOffset[i + 1]);
  }

  /** The table of items i and j (i ≠ j): rows the categories of i, columns those of j, a copy. */
  table(i: number, j: number): { counts: Float64Array; rows: number; cols: number } {
    if (i === j || i < 0 || j < 0 || i >= this.k || j >= this.k) throw new RangeError('PairTables.table: need two different items');
    const hi = Math.max(i, j);
    const lo = Math.min(i, j);
    const r = this.categories[hi];
    const c = this.categories[lo];
    const o = this.pairOffset[(hi * (hi - 1)) / 2 + lo];
    const stored = this.counts.subarray(o, o + r * c);
    if (i === hi) return { counts: stored.slice(), rows: r, cols: c };
    const t = new Float64Array(r * c);
    for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) t[b * r + a] = stored[a * c + b];
    return { counts: t, rows: c, cols: r };
  }

  /** Answers of item i that are not among its codes, and the first such value (NaN if none). */
  unmapped(i: number): { count: number; first: number } {
    return { count: this.unmappedCounts[i], first: this.firstUnmapped[i] };
  }

  /** Whether item i has more codes than maxCategories (and so no tables). */
  overBound(i: number): boolean {
    return this.categories[i] === 0 && this.codes[i].length > 0;
  }

  /** Doubles held for the counts (tables and marginals). */
  get size(): number {
    return this.counts.length + this.marginals.length;
  }
}

function sameCodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
