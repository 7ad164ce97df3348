/**
 * What a draft knows of a column's cells after one pass: its distinct non-missing trimmed
 * values (the first KEPT_VALUES of them), whether there were more, how many cells were
 * answered, and whether the answers so far run 1, 2, 3, ... row by row (a row number or
 * record id, never a rated item).
 */

export interface ColumnProfile {
  name: string;
  /** Distinct non-missing trimmed values, in order of first appearance (at most KEPT_VALUES). */
  values: string[];
  /** More distinct values were seen than were kept. */
  overflow: boolean;
  /** Non-missing cells. */
  answered: number;
  /** Every answered cell so far was the previous one plus 1 (integers). */
  sequential: boolean;
}

export const KEPT_VALUES = 40;

/** Cells a draft treats as unanswered while profiling, besides the file's user-missing codes. */
export const DRAFT_MISSING = ['', 'NA'];

/** Profiles of a table's columns, updated row by row in memory bounded by KEPT_VALUES per column. */
export class ColumnProfiler {
  readonly profiles: ColumnProfile[];
  private readonly seen: Set<string>[];
  private readonly last: number[];
  private readonly missing: Set<string>[];

  /** `missing[c]`: further cell texts of column c that are unanswered (its user-missing codes). */
  constructor(columns: string[], missing: string[][] = []) {
    this.profiles = columns.map((name) => ({ name, values: [], overflow: false, answered: 0, sequential: true }));
    this.seen = columns.map(() => new Set());
    this.last = columns.map(() => Number.NaN);
    this.missing = columns.map((_, c) => new Set([...DRAFT_MISSING, ...(missing[c] ?? [])]));
  }

  add(row: string[]): void {
    for (let c = 0; c < this.profiles.length; c++) {
      const value = (row[c] ?? '').trim();
      if (this.missing[c].has(value)) continue;
      const profile = this.profiles[c];
      profile.answered++;
      if (profile.sequential) {
        const n = Number(value);
        profile.sequential = Number.isInteger(n) && (Number.isNaN(this.last[c]) || n === this.last[c] + 1);
        this.last[c] = n;
      }
      const seen = this.seen[c];
      if (seen.has(value)) continue;
      if (seen.size >= KEPT_VALUES) profile.overflow = true;
      else {
        seen.add(value);
        profile.values.push(value);
      }
    }
  }
}
