import type { Prevalence } from '../codebook/codebook.js';

/**
 * Counts behind the prevalence estimates, built in one pass over the coded rows.
 *
 * A *domain* is a set of respondents a proportion is estimated for: domain 0 is everyone,
 * and each distinct non-missing value of each group column is one more domain. For every
 * domain × prevalence entry the accumulator keeps the positive and the non-missing answers
 * (outcome 1 and outcomes 0 or 1; -1 is a missing answer, left out of the denominator).
 *
 * With a cluster column, the same two counts are also kept per cluster (only for the
 * domain × cluster pairs that occur), which is all a one-stage, equal-weight cluster design
 * needs for the linearisation variance. A row whose cluster cell is missing is left out of
 * every prevalence figure (counted in `clusterMissing`, reported as a warning): it cannot be
 * placed in the design, and keeping it in the counts would make them disagree with the
 * intervals. Sampling weights are not supported: every respondent counts once.
 *
 * Memory grows with domains × prevalence entries (and, with clusters, with the domain ×
 * cluster pairs that occur), never with the rows. `add` allocates only when it meets a new
 * group value, cluster or domain × cluster pair.
 */
export class PrevalenceAccumulator {
  readonly prevalences: Prevalence[];
  readonly groupColumns: string[];
  readonly clusterColumn: string | null;
  /** Rows passed to `add`. */
  rows = 0;
  /** Rows left out because their cluster cell was missing (only with a cluster column). */
  clusterMissing = 0;
  /** Per group column: rows used whose group cell was missing (counted overall only). */
  readonly groupMissing: Float64Array;
  /** Per domain: its group column index (-1 for everyone) and value (null for everyone). */
  readonly domainColumn: number[] = [-1];
  readonly domainValue: (string | null)[] = [null];
  /** Names of the clusters met, in the order met; their number is the design's clusters. */
  readonly clusterNames: string[] = [];

  private readonly entries: number;
  private readonly domainOf: Map<string, number>[];
  /** [(domain · P + p) · 2] positives, [+ 1] answered. */
  private counts: Float64Array;
  private readonly clusterOf = new Map<string, number>();
  /** Per cluster: domain → slot. */
  private readonly slotsOfCluster: Map<number, number>[] = [];
  private slotDomain: Int32Array;
  /** [(slot · P + p) · 2] positives, [+ 1] answered. */
  private slotCounts: Float64Array;
  private slots = 0;
  /** The current row's domains (scratch, reused by every `add`). */
  private readonly rowDomains: Int32Array;
  /** Slots of each domain, built on the first `clusterCounts` after a change. */
  private domainSlots: number[][] | null = null;

  constructor(prevalences: Prevalence[], groupColumns: string[], clusterColumn: string | null) {
    this.prevalences = prevalences;
    this.groupColumns = groupColumns;
    this.clusterColumn = clusterColumn;
    this.entries = prevalences.length;
    this.groupMissing = new Float64Array(groupColumns.length);
    this.domainOf = groupColumns.map(() => new Map<string, number>());
    this.counts = new Float64Array(8 * Math.max(1, this.entries) * 2);
    this.rowDomains = new Int32Array(1 + groupColumns.length);
    const slotCapacity = clusterColumn === null ? 0 : 64;
    this.slotDomain = new Int32Array(slotCapacity);
    this.slotCounts = new Float64Array(slotCapacity * this.entries * 2);
  }

  /**
   * One coded row: `outcomes[p]` is 1, 0 or -1 (missing) for prevalence entry p,
   * `groupValues[g]` the row's value of group column g (null when missing), `cluster` its
   * cluster value (ignored without a cluster column). The arguments are not kept.
   */
  add(outcomes: Int8Array, groupValues: (string | null)[], cluster: string | null): void {
    this.rows++;
    let c = -1;
    if (this.clusterColumn !== null) {
      if (cluster === null) {
        this.clusterMissing++;
        return;
      }
      c = this.clusterOf.get(cluster) ?? this.newCluster(cluster);
    }
    const domains = this.rowDomains;
    let nd = 0;
    domains[nd++] = 0;
    for (let g = 0; g < this.groupColumns.length; g++) {
      const value = groupValues[g];
      if (value === null) this.groupMissing[g]++;
      else domains[nd++] = this.domainOf[g].get(value) ?? this.newDomain(g, value);
    }
    const P = this.entries;
    for (let k = 0; k < nd; k++) tally(this.counts, domains[k] * P * 2, outcomes, P);
    if (c >= 0) {
      const slots = this.slotsOfCluster[c];
      for (let k = 0; k < nd; k++) {
        const slot = slots.get(domains[k]) ?? this.newSlot(domains[k], c);
        tally(this.slotCounts, slot * P * 2, outcomes, P);
      }
    }
  }

  /** The domain of value `value` of group column g, made (as `add` makes it) if it is new. */
  domain(g: number, value: string): number {
    return this.domainOf[g].get(value) ?? this.newDomain(g, value);
  }

  /**
   * Counts made elsewhere of `rows` more rows, in this accumulator's layout and domains: per
   * domain d and entry p, positives at [2 (d P + p)] and answered rows after it (at most this
   * accumulator's domains), and per group column the rows without a value. Only without a
   * cluster column (the cluster slots are not counted this way).
   */
  addTallies(counts: Float64Array, rows: number, groupMissing: Float64Array): void {
    if (this.clusterColumn !== null || counts.length > 2 * this.domains * this.entries || groupMissing.length !== this.groupColumns.length) {
      throw new Error('PrevalenceAccumulator.addTallies: with a cluster column, or counts beyond the domains, or other group columns');
    }
    this.rows += rows;
    addRange(this.counts, 0, counts, 0, counts.length);
    addRange(this.groupMissing, 0, groupMissing, 0, groupMissing.length);
  }

  /** Number of domains (1 + the distinct group values met). */
  get domains(): number {
    return this.domainColumn.length;
  }

  /** Positive answers to prevalence entry p in domain d. */
  positives(d: number, p: number): number {
    return this.counts[(d * this.entries + p) * 2];
  }

  /** Non-missing answers to prevalence entry p in domain d. */
  answered(d: number, p: number): number {
    return this.counts[(d * this.entries + p) * 2 + 1];
  }

  /**
   * Per-cluster counts of prevalence entry p in domain d, for the clusters with at least one
   * answer there (other clusters contribute zeros). Empty without a cluster column.
   */
  clusterCounts(d: number, p: number): { positives: Float64Array; answered: Float64Array } {
    const P = this.entries;
    if (this.domainSlots === null) {
      const bySlot: number[][] = this.domainColumn.map(() => []);
      for (let s = 0; s < this.slots; s++) bySlot[this.slotDomain[s]].push(s);
      this.domainSlots = bySlot;
    }
    const slots = this.domainSlots[d].filter((s) => this.slotCounts[(s * P + p) * 2 + 1] > 0);
    const positives = new Float64Array(slots.length);
    const answered = new Float64Array(slots.length);
    slots.forEach((s, k) => {
      positives[k] = this.slotCounts[(s * P + p) * 2];
      answered[k] = this.slotCounts[(s * P + p) * 2 + 1];
    });
    return { positives, answered };
  }

  /**
   * Adds the counts of `other`, accumulated over the rows that follow this side's (the next
   * byte range of the same input), so that every figure, and the order of the domains, clusters
   * and cluster slots, is the one a single pass over this side's rows and then other's would
   * give. `other` must have the same prevalence entries, group columns and cluster column.
   *
   * Reads only the FIELDS of `other`, never its methods or getters: it accepts a structured
   * clone of a PrevalenceAccumulator (posted by a worker thread), cast to this type.
   * Other's domains, clusters and domain × cluster slots are mapped to this side's of the same
   * (group column, value), name and pair; those this side lacks are created in other's order,
   * which is the order one pass would first meet them in.
   */
  merge(other: PrevalenceAccumulator): void {
    if (other.entries !== this.entries || other.clusterColumn !== this.clusterColumn ||
      other.groupColumns.length !== this.groupColumns.length || other.groupColumns.some((g, i) => g !== this.groupColumns[i])) {
      throw new Error('PrevalenceAccumulator.merge: the two sides count different entries, group columns or cluster column');
    }
    const P = this.entries;
    const width = P * 2;
    this.rows += other.rows;
    this.clusterMissing += other.clusterMissing;
    for (let g = 0; g < this.groupColumns.length; g++) this.groupMissing[g] += other.groupMissing[g];
    const domains = other.domainColumn.length;
    const domainMap = new Int32Array(domains);
    for (let d = 1; d < domains; d++) {
      const g = other.domainColumn[d];
      const value = other.domainValue[d] as string;
      domainMap[d] = this.domainOf[g].get(value) ?? this.newDomain(g, value);
    }
    for (let d = 0; d < domains; d++) addRange(this.counts, domainMap[d] * width, other.counts, d * width, width);
    const clusterMap = other.clusterNames.map((name) => this.clusterOf.get(name) ?? this.newCluster(name));
    const slotCluster = new Int32Array(other.slots);
    other.slotsOfCluster.forEach((slots, c) => slots.forEach((s) => { slotCluster[s] = c; }));
    for (let s = 0; s < other.slots; s++) {
      const d = domainMap[other.slotDomain[s]];
      const c = clusterMap[slotCluster[s]];
      const slot = this.slotsOfCluster[c].get(d) ?? this.newSlot(d, c);
      addRange(this.slotCounts, slot * width, other.slotCounts, s * width, width);
    }
    this.domainSlots = null;
  }

  private newDomain(g: number, value: string): number {
    this.domainSlots = null;
    const d = this.domainColumn.length;
    this.domainOf[g].set(value, d);
    this.domainColumn.push(g);
    this.domainValue.push(value);
    const needed = (d + 1) * this.entries * 2;
    if (needed > this.counts.length) this.counts = grow(this.counts, needed);
    return d;
  }

  private newCluster(name: string): number {
    const c = this.clusterNames.length;
    this.clusterOf.set(name, c);
    this.clusterNames.push(name);
    this.slotsOfCluster.push(new Map<number, number>());
    return c;
  }

  private newSlot(d: number, c: number): number {
    this.domainSlots = null;
    const s = this.slots++;
    if (s >= this.slotDomain.length) {
      const capacity = Math.max(64, this.slotDomain.length * 2);
      this.slotDomain = growInt(this.slotDomain, capacity);
      this.slotCounts = grow(this.slotCounts, capacity * this.entries * 2);
    }
    this.slotDomain[s] = d;
    this.slotsOfCluster[c].set(d, s);
    return s;
  }
}

/** Adds one row's outcomes to the (positives, answered) pairs starting at `base`. */
function tally(counts: Float64Array, base: number, outcomes: Int8Array, entries: number): void {
  for (let p = 0; p < entries; p++) {
    const o = outcomes[p];
    if (o >= 0) {
      counts[base + 2 * p] += o;
      counts[base + 2 * p + 1] += 1;
    }
  }
}

/** `into[at + k] += from[start + k]` for k < length. */
function addRange(into: Float64Array, at: number, from: Float64Array, start: number, length: number): void {
  for (let k = 0; k < length; k++) into[at + k] += from[start + k];
}

function grow(a: Float64Array, needed: number): Float64Array {
  const b = new Float64Array(Math.max(needed, a.length * 2));
  b.set(a);
  return b;
}

function growInt(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
