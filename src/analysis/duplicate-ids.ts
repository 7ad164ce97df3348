import type { Warning } from '../report/report.js';
import { quoteValue } from '../quote-value.js';

/**
 * Respondent ids seen more than once (when the codebook names an `id` column): a respondent
 * exported twice, or a longitudinal export with one row per event, would be counted twice.
 * Holds every id (memory grows with the respondents, only when the codebook names an id).
 *
 * Each distinct id is kept with the place of its first row (file, line), so that the ids of a
 * later range of rows, accumulated apart (in a worker thread), can be merged exactly (`merge`).
 * The places are kept as plain, fast-to-clone fields: the ids in first-met order (a string
 * array), their lines in a Float64Array, and their files as runs (a range has one file in
 * practice). The lookup set is a `#` private field, which a structured clone leaves out: a
 * clone of a Set or Map of a million strings costs about four times a clone of the same
 * strings as an array, and `merge` does not need other's set.
 */
export class DuplicateIds {
  /** Every id met (lookup only; not part of a structured clone, and not read by `merge`). */
  readonly #seen = new Set<string>();
  /** The distinct ids, in the order first met. */
  private readonly ids: string[] = [];
  /** Per id (parallel to `ids`, with spare capacity): the line of its first row. */
  private lines = new Float64Array(256);
  /** Files of the ids' first rows, as runs: ids from position `fileStarts[k]` on were first met in `files[k]`. */
  private readonly files: string[] = [];
  private readonly fileStarts: number[] = [];
  private duplicates = 0;
  private first: { id: string; file: string; line: number } | null = null;
  /** Distinct ids met before the first duplicate's row: its place in the row order, for `merge`. */
  private firstAfter = 0;

  add(id: string, file: string, line: number): void {
    if (id === '') return;
    if (!this.#seen.has(id)) {
      this.#seen.add(id);
      this.push(id, file, line);
      return;
    }
    this.duplicates++;
    if (this.first === null) {
      this.first = { id, file, line };
      this.firstAfter = this.ids.length;
    }
  }

  /**
   * Adds the ids of `other`, met in the rows that follow this side's (the next byte range), so
   * that the count and the first duplicate are those of one pass over this side's rows, then
   * other's: each of other's ids this side also met adds one duplicate (its first row in other
   * repeats it), and the first duplicate is this side's if it has one, else the earliest in
   * other's row order of other's own first duplicate and the first row of other whose id this
   * side met.
   *
   * Reads only the FIELDS of `other`, never its methods: it accepts a structured clone of a
   * DuplicateIds (posted by a worker thread), cast to this type; other's `#` lookup set, absent
   * from a clone, is not used.
   */
  merge(other: DuplicateIds): void {
    const before = this.ids.length;
    const count = other.ids.length;
    const otherFirstAt = other.first === null ? -1 : other.firstAfter;
    let shared = 0;
    let firstShared = -1;
    let newAtShared = 0;
    let newAtOtherFirst = -1;
    let added = 0;
    let run = -1;
    let nextRun = 0;
    for (let i = 0; i < count; i++) {
      if (i === otherFirstAt) newAtOtherFirst = added;
      while (nextRun < other.fileStarts.length && other.fileStarts[nextRun] <= i) run = nextRun++;
      const file = other.files[run];
      const id = other.ids[i];
      if (this.#seen.has(id)) {
        if (firstShared < 0) {
          firstShared = i;
          newAtShared = added;
        }
        shared++;
      } else {
        this.#seen.add(id);
        this.push(id, file, other.lines[i]);
        added++;
      }
    }
    if (newAtOtherFirst < 0) newAtOtherFirst = added;
    this.duplicates += other.duplicates + shared;
    if (this.first !== null) return;
    if (firstShared >= 0 && (other.first === null || firstShared < otherFirstAt)) {
      this.first = { id: other.ids[firstShared], file: other.files[runOf(other.fileStarts, firstShared)], line: other.lines[firstShared] };
      this.firstAfter = before + newAtShared;
    } else if (other.first !== null) {
      this.first = { id: other.first.id, file: other.first.file, line: other.first.line };
      this.firstAfter = before + newAtOtherFirst;
    }
  }

  warnings(column: string): Warning[] {
    if (this.first === null) return [];
    const { id, file, line } = this.first;
    return [{
      code: 'duplicate-ids',
      column,
      count: this.duplicates,
      message: `${this.duplicates} row${this.duplicates === 1 ? ' repeats' : 's repeat'} a respondent id of column "${column}" ` +
        `(the first, ${quoteValue(id)}, at ${file}:${line}); each row was analysed as a respondent: ` +
        'drop repeated exports, or keep one row per respondent with the codebook\'s include/exclude',
    }];
  }

  /** A new distinct id and the place of its first row. */
  private push(id: string, file: string, line: number): void {
    const n = this.ids.length;
    this.ids.push(id);
    if (n === this.lines.length) {
      const lines = new Float64Array(n * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.lines[n] = line;
    const runs = this.files.length;
    if (runs === 0 || this.files[runs - 1] !== file) {
      this.files.push(file);
      this.fileStarts.push(n);
    }
  }
}

/** The run (index into `files`) holding position i: the last start at or before i. */
function runOf(starts: number[], i: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
