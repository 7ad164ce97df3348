import { checkHeader } from '../check-header.js';
import type { RowSink } from '../read-csv.js';
import { emptyMeta, type InputFormat, type InputLayout, type RecordUnit } from '../table-header.js';
import { detectLayout } from './detect-layout.js';
import { LOOKAHEAD_RECORDS } from './layout.js';

/**
 * Between a reader of records (CSV text, a sheet) and the row sink: holds the first records until
 * the layout is known (detect-layout.ts), hands on the header it implies (column names, question
 * wording, platform metadata, default row rules), skips the extra header rows, and passes every
 * later record through with its own line.
 */
export class LayoutStage {
  private pending: { row: string[]; line: number }[] = [];
  private decided = false;

  constructor(
    private readonly file: string,
    private readonly format: InputFormat,
    private readonly unit: RecordUnit,
    private readonly forced: InputLayout | null,
    private readonly sink: RowSink,
  ) {}

  /** A batch of records, the header row first in the first batch; `lineOf(i)` is record i's line or row. */
  records(rows: string[][], lineOf: (i: number) => number, bytes: number): void {
    if (this.decided) {
      if (rows.length > 0) this.sink.rows(rows, lineOf, this.file, bytes);
      return;
    }
    for (let i = 0; i < rows.length; i++) this.pending.push({ row: rows[i], line: lineOf(i) });
    if (this.pending.length >= LOOKAHEAD_RECORDS) this.decide(bytes);
  }

  /** The end of the records: a short table is decided now. */
  end(bytes: number): void {
    if (!this.decided && this.pending.length > 0) this.decide(bytes);
  }

  /** Whether a header row has been seen at all. */
  get sawHeader(): boolean {
    return this.decided || this.pending.length > 0;
  }

  private decide(bytes: number): void {
    this.decided = true;
    const pending = this.pending;
    this.pending = [];
    const first = pending[0];
    const found = detectLayout(pending.slice(0, LOOKAHEAD_RECORDS).map((p) => p.row), { file: this.file, firstLine: first.line }, this.forced);
    const columns = checkHeader(found.columns, this.file, first.line);
    const meta = columns.map((_, c) => ({ ...emptyMeta(), label: oneLine(found.labels[c] ?? null) }));
    this.sink.header({
      file: this.file,
      format: this.format,
      layout: found.layout,
      columns,
      meta,
      headerRows: found.headerRows,
      unit: this.unit,
      idColumn: found.idColumn,
      metadataColumns: found.metadataColumns,
      rules: found.rules,
    });
    const data = pending.slice(Math.min(found.headerRows, pending.length));
    if (data.length > 0) this.sink.rows(data.map((p) => p.row), (i) => data[i].line, this.file, bytes);
  }
}

/**
 * A header cell's wording on one line: Qualtrics and SurveyMonkey keep the line breaks typed
 * into a question (CRLF inside the quoted cell), which would otherwise reach the codebook
 * draft and the report as raw control characters.
 */
function oneLine(label: string | null): string | null {
  if (label === null) return null;
  const text = label.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
