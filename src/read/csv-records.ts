/**
 * CSV text → records, fed in pieces of any size. The records, their lines and the errors
 * depend only on the text, never on where it was cut into pieces: reading a file whole, in
 * 64 KiB chunks, from a pipe or through gunzip gives the same result (a property test cuts
 * random texts at random places). Each character is looked at a bounded number of times, so
 * time is linear in the input, and no field or record may grow beyond the limits below, so
 * memory is bounded too.
 *
 * The dialect (RFC 4180, as read by papaparse before): a field that starts with `"` is quoted,
 * `""` inside it is one quote, and it may hold delimiters and line breaks; after its closing
 * quote only spaces may come before the delimiter or the line end. A `"` inside an unquoted
 * field is an ordinary character. A line ends with LF, CRLF or CR, in any mix (the same rule
 * as the line numbers of decoding errors). Empty lines are skipped here; lines of spaces come
 * through as one blank field (the caller skips them).
 */
import { dataError, type Place } from '../errors.js';

/** The longest field, in characters (UTF-16 code units): 8 MiB. */
export const MAX_FIELD_CHARS = 8 * 1024 * 1024;
/** The longest record (a line, or several when quoted fields hold line breaks), in characters: 16 MiB. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;
/** The most fields in one record. */
export const MAX_FIELDS = 100_000;

/** Records are handed on in batches of at most this many (also inside one long piece of text), unless the constructor is given another size. */
export const BATCH_RECORDS = 256;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;

const enum State {
  /** At the start of a field (or of a record, when `row` is empty and no field is open). */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: an escaped quote when another follows, else the closing one. */
  QuoteSeen,
  /** After a closing quote: spaces, then a delimiter or a line end. */
  AfterClose,
}

/** The records of one write (or of the end), with the line each starts on. */
export type RecordBatch = (rows: string[][], lines: number[]) => void;

export class CsvRecords {
  private state = State.FieldStart;
  private readonly delimiter: number;
  private row: string[] = [];
  /** Pieces of the open field (it spans pieces of text, or holds escaped quotes). */
  private parts: string[] = [];
  private fieldChars = 0;
  /** Characters of the open record before the open field (fields and delimiters). */
  private recordChars = 0;
  /** The line of the next character. */
  private line = 1;
  private recordLine = 1;
  /** The last character was a CR: an LF right after it belongs to the same line break. */
  private afterCR = false;
  private rows: string[][] = [];
  private lines: number[] = [];

  /**
   * `columnOf(i)` names field i (0-based) in errors, once the header is known; `batch` gets
   * the complete records after each write and at the end, and before any error is thrown, so
   * that an earlier problem of the data is found before a later one of the text. Batches hold
   * at most `batchRecords` records (the records and their lines do not depend on it).
   */
  constructor(
    delimiter: string,
    private readonly file: string,
    private readonly columnOf: (index: number) => string | undefined,
    private readonly batch: RecordBatch,
    private readonly batchRecords = BATCH_RECORDS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The line of the next character. */
  get nextLine(): number {
    return this.line;
  }

  write(s: string): void {
    const n = s.length;
    const d = this.delimiter;
    const delimiter = String.fromCharCode(d);
    // Next positions of the delimiter, LF, CR and quote at or after the cursor (n: none), each
    // searched again only once the cursor has passed it: every character is scanned O(1) times.
    let nd = -1;
    let nlf = -1;
    let ncr = -1;
    let nq = -1;
    const next = (ch: string, from: number): number => {
      const at = s.indexOf(ch, from);
      return at < 0 ? n : at;
    };
    // Text without quotes: whole lines at once, by the engine's split (the common case, and
    // several times faster before the JIT has warmed up: start-up time).
    // Tried once per piece, at the first record start (a piece mostly starts inside a record).
    let plain = s.indexOf('"') === -1;
    let i = 0;
    if (plain && this.state === State.FieldStart && this.row.length === 0) {
      plain = false;
      i = this.plainLines(s, delimiter, 0);
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = s.charCodeAt(i);
          if (this.afterCR) {
            this.afterCR = false;
            if (c === LF) {
              i++;
              continue;
            }
          }
          const atRecordStart = this.row.length === 0;
          if (c === LF || c === CR) {
            // An empty line is skipped; after a delimiter, the line ends with an empty field.
            if (!atRecordStart) {
              this.pushField('');
              this.endRecord();
            }
            this.line++;
            this.afterCR = c === CR;
            i++;
            continue;
          }
          if (atRecordStart) {
            if (plain) {
              plain = false;
              i = this.plainLines(s, delimiter, i);
              continue;
            }
            this.recordLine = this.line;
            this.recordChars = 0;
          }
          this.fieldChars = 0;
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
            continue;
          }
          this.state = State.Unquoted;
          continue;
        }
        case State.Unquoted: {
          // The common case stays in this loop: field after field of one record.
          for (;;) {
            if (nd < i) nd = next(delimiter, i);
            if (nlf < i) nlf = next('\n', i);
            if (ncr < i) ncr = next('\r', i);
            let end = nd < nlf ? nd : nlf;
            if (ncr < end) end = ncr;
            const chars = this.fieldChars + (end - i);
            if (end === n) {
              this.fieldChars = chars;
              this.parts.push(s.slice(i));
              this.checkLength();
              i = n;
              break;
            }
            let value = s.slice(i, end);
            if (this.parts.length > 0) value = this.takeParts(value);
            if (chars > MAX_FIELD_CHARS || this.recordChars + chars > MAX_RECORD_CHARS) {
              this.fieldChars = chars;
              this.checkLength();
            }
            this.fieldChars = chars;
            this.pushField(value);
            i = end + 1;
            if (end !== nd) {
              this.endRecord();
              this.line++;
              this.afterCR = end === ncr;
              break;
            }
            // The next field of the record: unquoted too, unless it starts with a quote or the line ends.
            if (i < n) {
              const c = s.charCodeAt(i);
              if (c !== QUOTE && c !== LF && c !== CR) continue;
            }
            this.state = State.FieldStart;
            break;
          }
          continue;
        }
        case State.Quoted: {
          if (nq < i) nq = next('"', i);
          const end = nq;
          // Line breaks inside the quotes, counted with the same cached positions.
          if (nlf < i) nlf = next('\n', i);
          if (ncr < i) ncr = next('\r', i);
          while (ncr < end) {
            this.line++;
            ncr = next('\r', ncr + 1);
          }
          while (nlf < end) {
            if (!(nlf === i ? this.afterCR : s.charCodeAt(nlf - 1) === CR)) this.line++;
            nlf = next('\n', nlf + 1);
          }
          if (end > i) this.afterCR = s.charCodeAt(end - 1) === CR;
          this.fieldChars += end - i;
          if (end > i) this.parts.push(s.slice(i, end));
          this.checkLength();
          i = end;
          if (end < n) {
            this.state = State.QuoteSeen;
            this.afterCR = false;
            i++;
          }
          continue;
        }
        case State.QuoteSeen: {
          if (s.charCodeAt(i) === QUOTE) {
            this.parts.push('"');
            this.fieldChars++;
            this.checkLength();
            this.state = State.Quoted;
            i++;
            continue;
          }
          this.pushField(this.takeParts(''));
          this.state = State.AfterClose;
          continue;
        }
        case State.AfterClose: {
          const c = s.charCodeAt(i);
          if (c === d) {
            this.state = State.FieldStart;
            i++;
          } else if (c === LF || c === CR) {
            this.endRecord();
            this.line++;
            this.afterCR = c === CR;
            this.state = State.FieldStart;
            i++;
          } else if (c === SPACE) {
            i++;
          } else {
            this.fail('a closing quote is followed by other characters', this.row.length - 1);
          }
          continue;
        }
      }
    }
    this.flush();
  }

  /**
   * The complete lines of a text without quotes, at the start of a record: split at LF (a CR
   * before it dropped), then at the delimiter, when every CR is part of a CRLF. Returns where the character loop
   * goes on: after the last line end, or at a line it leaves to the loop (too long, too many
   * fields: the loop reports it), or at once for other line ends.
   */
  private plainLines(s: string, delimiter: string, start: number): number {
    let from = start;
    if (this.afterCR) {
      this.afterCR = false;
      if (s.charCodeAt(from) === LF) from++;
    }
    const cr = s.indexOf('\r', from);
    if (cr !== -1) {
      // Every CR must be the first half of a CRLF (one at the very end is left to the loop).
      for (let j = cr; j !== -1; j = s.indexOf('\r', j + 1)) if (j + 1 < s.length && s.charCodeAt(j + 1) !== LF) return from;
    }
    const end = s.lastIndexOf('\n');
    if (end < from) return from;
    const lines = s.slice(from, end).split('\n');
    for (let k = 0; k < lines.length; k++) {
      const raw = lines[k];
      const text = cr !== -1 && raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
      if (text.length === 0) {
        this.line++;
        from += raw.length + 1;
        continue;
      }
      if (text.length > MAX_FIELD_CHARS) return from;
      const fields = text.split(delimiter);
      if (fields.length > MAX_FIELDS) return from;
      this.recordLine = this.line;
      this.rows.push(fields);
      this.lines.push(this.line);
      this.line++;
      from += raw.length + 1;
      if (this.rows.length >= this.batchRecords) this.flush();
    }
    return end + 1;
  }

  /**
   * Whether the text so far ends at a record boundary (no field or record open): where a
   * byte range of the file may be joined on (read-csv.ts readCsvRange).
   */
  get atRecordStart(): boolean {
    return this.state === State.FieldStart && this.row.length === 0 && this.parts.length === 0;
  }

  /**
   * The next text is line `line` of the file: the text after this one was cut out (the rest of
   * the file after its header lines, read from a byte offset). Only at a record boundary.
   */
  jumpToLine(line: number): void {
    if (!this.atRecordStart) throw new Error('CsvRecords.jumpToLine: a record is open');
    this.flush();
    this.line = line;
    this.recordLine = line;
    this.afterCR = false;
  }

  /** The end of the text: the last record, which needs no line end. */
  end(): void {
    switch (this.state) {
      case State.FieldStart:
        if (this.row.length > 0) this.pushField('');
        break;
      case State.Unquoted:
        this.pushField(this.takeParts(''));
        break;
      case State.Quoted:
        this.fail('a quoted field is never closed', this.row.length);
        break;
      case State.QuoteSeen:
        this.pushField(this.takeParts(''));
        break;
      case State.AfterClose:
        break;
    }
    if (this.row.length > 0) this.endRecord();
    this.state = State.FieldStart;
    this.flush();
  }

  private takeParts(last: string): string {
    const parts = this.parts;
    if (last.length > 0) parts.push(last);
    this.parts = [];
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  private pushField(value: string): void {
    if (this.row.length >= MAX_FIELDS) {
      this.fail(`this line has more than ${MAX_FIELDS.toLocaleString('en-US')} fields, the limit`, undefined);
    }
    this.row.push(value);
    this.recordChars += this.fieldChars + 1;
    this.fieldChars = 0;
  }

  /**
   * The open field and record within their limits. When both are exceeded the one exceeded at
   * the earlier character is reported: the same error however the text was cut.
   */
  private checkLength(): void {
    const field = this.fieldChars > MAX_FIELD_CHARS;
    const record = this.recordChars + this.fieldChars > MAX_RECORD_CHARS;
    if (!field && !record) return;
    const fieldFirst = field && (!record || this.recordChars + MAX_FIELD_CHARS < MAX_RECORD_CHARS);
    if (fieldFirst) this.fail(`a field is longer than the limit of ${size(MAX_FIELD_CHARS)}`, this.row.length, 'is a closing quote missing? Otherwise split the text, or shorten it');
    this.fail(`this line is longer than the limit of ${size(MAX_RECORD_CHARS)}`, this.row.length, 'is a closing quote missing, or the line ends not what they seem?');
  }

  private endRecord(): void {
    this.rows.push(this.row);
    this.lines.push(this.recordLine);
    this.row = [];
    this.recordChars = 0;
    this.state = State.FieldStart;
    if (this.rows.length >= this.batchRecords) this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const lines = this.lines;
    this.rows = [];
    this.lines = [];
    this.batch(rows, lines);
  }

  /** Hands on the complete records, then throws the error of field `index` of the open record. */
  private fail(message: string, index: number | undefined, hint?: string): never {
    const line = this.recordLine;
    this.parts = [];
    this.row = [];
    this.flush();
    const place: Place = { file: this.file, line };
    const column = index === undefined ? undefined : this.columnOf(index);
    if (column !== undefined) place.column = column;
    throw dataError(index === undefined || column !== undefined ? message : `${message} (in field ${index + 1})`, place, hint ?? (message.includes('quote') ? 'a value that contains a double quote must be written as "" inside quotes' : undefined));
  }
}

/** `n` characters in words: "8 MiB (8,388,608 characters)". */
function size(n: number): string {
  return `${n / (1024 * 1024)} MiB (${n.toLocaleString('en-US')} characters)`;
}
