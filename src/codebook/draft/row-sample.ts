/**
 * The first rows of a file, kept for the draft's reverse-key check: a draft reads its input
 * once (standard input cannot be read twice), and only knows which columns are items after the
 * last row, so it keeps the cell texts of the first rows, up to `cellBudget` cells (by default
 * a million: 10,000 rows of 100 columns), and counts the rest.
 */
export class RowSample {
  readonly rows: string[][] = [];
  /** Rows seen, kept or not. */
  seen = 0;
  private readonly maxRows: number;

  constructor(columns: number, cellBudget = 1_000_000) {
    this.maxRows = Math.max(100, Math.floor(cellBudget / Math.max(1, columns)));
  }

  add(row: string[]): void {
    this.seen++;
    if (this.rows.length < this.maxRows) this.rows.push(row);
  }

  /** Whether rows were left out. */
  get truncated(): boolean {
    return this.seen > this.rows.length;
  }
}
