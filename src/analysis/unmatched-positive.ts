import type { Prevalence } from '../codebook/codebook.js';
import type { Warning } from '../report/report.js';
import { quoteList } from '../quote-value.js';

const SAMPLE = 8;

/**
 * Watches for a prevalence whose `positive` values never occur although its column has
 * answers: most often a label against a code ("Yes" where the file holds 1). Until a first
 * positive answer is seen it keeps the first few distinct answers, to show what the column
 * does hold; after that it costs one comparison a row.
 */
export class UnmatchedPositive {
  private readonly seenPositive: Uint8Array;
  private readonly samples: Set<string>[];

  constructor(private readonly prevalences: Prevalence[]) {
    this.seenPositive = new Uint8Array(prevalences.length);
    this.samples = prevalences.map(() => new Set());
  }

  /** The outcomes of one coded row and its cells (only read for entries without a positive yet). */
  add(outcomes: Int8Array, cellOf: (p: number) => string): void {
    for (let p = 0; p < outcomes.length; p++) {
      if (this.seenPositive[p] === 0) this.see(p, outcomes[p], cellOf);
    }
  }

  /**
   * Entry p's distinct cells, each with its outcome, in the order the rows first hold them: the
   * same as `add` of those rows, since a cell met again changes nothing (its trimmed value is
   * already a sample, or a positive already ended the samples).
   */
  addDistinct(p: number, cells: { cell: string; outcome: number }[]): void {
    for (const { cell, outcome } of cells) {
      if (this.seenPositive[p] === 1) return;
      this.see(p, outcome, () => cell);
    }
  }

  private see(p: number, outcome: number, cellOf: (p: number) => string): void {
    if (outcome === 1) {
      this.seenPositive[p] = 1;
      this.samples[p].clear();
    } else if (outcome === 0 && this.samples[p].size < SAMPLE) this.samples[p].add(cellOf(p).trim());
  }

  /**
   * Adds what `other` saw over the rows that follow this side's, as one pass over both would:
   * an entry with a positive answer on either side has one (and no sample); otherwise the
   * samples are this side's, then other's values this side lacks, in other's order, up to the
   * cap (other kept its first distinct values, which are enough to fill the cap in order).
   *
   * Reads only the FIELDS of `other`, never its methods: it accepts a structured clone of an
   * UnmatchedPositive (posted by a worker thread), cast to this type. Same prevalence entries.
   */
  merge(other: UnmatchedPositive): void {
    if (other.seenPositive.length !== this.seenPositive.length) {
      throw new Error('UnmatchedPositive.merge: the two sides watch different prevalence entries');
    }
    for (let p = 0; p < this.seenPositive.length; p++) {
      if (this.seenPositive[p] === 1) continue;
      const samples = this.samples[p];
      if (other.seenPositive[p] === 1) {
        this.seenPositive[p] = 1;
        samples.clear();
        continue;
      }
      for (const value of other.samples[p]) {
        if (samples.size >= SAMPLE) break;
        samples.add(value);
      }
    }
  }

  warnings(): Warning[] {
    const out: Warning[] = [];
    this.prevalences.forEach((entry, p) => {
      const held = [...this.samples[p]];
      if (this.seenPositive[p] === 1 || held.length === 0) return;
      out.push({
        code: 'positive-never-occurs',
        prevalence: entry.id,
        column: entry.column,
        message: `prevalence "${entry.id}": no answer in column "${entry.column}" matches its positive values (${quoteList(entry.positiveText)}), ` +
          `so its prevalence is 0; the column holds ${quoteList(held)}${held.length === SAMPLE ? ', ...' : ''}: check "positive" in the codebook`,
      });
    });
    return out;
  }
}
