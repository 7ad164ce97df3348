import type { Warning } from '../report/report.js';
import { quoteValue } from '../quote-value.js';

/**
 * Respondent ids seen more than once (when the codebook names an `id` column): a respondent
 * exported twice, or a longitudinal export with one row per event, would be counted twice.
 * Holds every id (memory grows with the respondents, only when the codebook names an id).
 */
export class DuplicateIds {
  private readonly seen = new Set<string>();
  private duplicates = 0;
  private first: { id: string; file: string; line: number } | null = null;

  add(id: string, file: string, line: number): void {
    if (id === '') return;
    if (!this.seen.has(id)) {
      this.seen.add(id);
      return;
    }
    this.duplicates++;
    if (this.first === null) this.first = { id, file, line };
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
}
