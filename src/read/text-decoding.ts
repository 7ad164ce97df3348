import { TextDecoder } from 'node:util';
import { dataError } from '../errors.js';

export type Encoding = 'utf-8' | 'latin1' | 'windows-1252';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'latin1', 'windows-1252'];

/**
 * Bytes → text, by the rules every reader shares (a stream's chunks, or a small file at once).
 * UTF-8 is decoded strictly: an invalid byte is an error with the line it is on, never a
 * silent U+FFFD. A leading UTF-8 byte-order mark is dropped, also when the file is read as
 * windows-1252 or latin1 (where it would become "ï»¿" before the first column's name). A NUL
 * byte means the input is not text.
 *
 * Two guards for the CSV parser downstream (papaparse guesses the line ending from its first
 * chunk, and misreads a closing quote followed by a chunk that ends on the CR of a CRLF,
 * papaparse issues #1103 and #1134):
 * - nothing is emitted until the text holds its first line break (or ends), so the first
 *   piece always shows the line ending and the whole header line;
 * - a piece never ends with a CR: a trailing CR is held back and starts the next piece.
 */
export class TextDecoding {
  private decoder: TextDecoder;
  /** UTF-16 text, known from its byte-order mark (Qualtrics' and Excel's "Unicode text" exports). */
  private utf16: 'utf-16le' | 'utf-16be' | null = null;
  /** The line that the next emitted text starts on. */
  private line = 1;
  /** Whether a chunk has been decoded already (a byte-order mark can only be at the start). */
  private started = false;
  /** Decoded text not emitted yet: the start before its first line break, or a trailing CR. */
  private held = '';
  private sawLineBreak = false;
  /** Whether any emitted text contained a double quote (fields may then span lines). */
  sawQuote = false;
  /** Bytes decoded so far. */
  bytes = 0;

  constructor(
    private readonly file: string,
    private readonly encoding: Encoding,
    private readonly emit: (text: string) => void,
  ) {
    // latin1 is decoded as windows-1252, its superset, as the WHATWG Encoding Standard does.
    this.decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-1252', { fatal: true });
  }

  /** Decode the next chunk of bytes; throws a located error for bytes that are not text. */
  write(bytes: Uint8Array): void {
    if (!this.started) this.utf16 = utf16ByteOrderMark(bytes);
    if (this.utf16 !== null && !this.started) this.decoder = new TextDecoder(this.utf16, { fatal: true });
    const nul = this.utf16 === null ? bytes.indexOf(0) : -1;
    if (nul !== -1) throw this.notText(bytes, nul);
    // TextDecoder drops a UTF-8 byte-order mark only when decoding UTF-8.
    const chunk = !this.started && this.utf16 === null && this.encoding !== 'utf-8' && startsWithUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    this.started = true;
    this.bytes += chunk.length;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.invalidText(chunk);
    }
    this.pass(text);
  }

  /** The end of the bytes: emits what was held back; throws if they end inside a character. */
  end(): void {
    let rest: string;
    try {
      rest = this.decoder.decode();
    } catch {
      throw this.invalidText(new Uint8Array(0));
    }
    const text = this.held + rest;
    this.held = '';
    if (text.length > 0) this.send(text);
  }

  /** Passes decoded text on, holding back what the parser must not see yet (see the class comment). */
  private pass(decoded: string): void {
    let text = this.held.length > 0 ? this.held + decoded : decoded;
    this.held = '';
    if (text.charCodeAt(text.length - 1) === 13 /* \r */) {
      this.held = '\r';
      text = text.slice(0, -1);
    }
    if (!this.sawLineBreak) {
      if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) {
        this.held = text + this.held;
        return;
      }
      this.sawLineBreak = true;
    }
    if (text.length > 0) this.send(text);
  }

  private send(text: string): void {
    if (!this.sawQuote && text.indexOf('"') !== -1) this.sawQuote = true;
    this.line += countLineBreaks(text, text.length);
    this.emit(text);
  }

  /** The error for a NUL byte at `at`: UTF-8 and windows-1252 text never has one. */
  private notText(chunk: Uint8Array, at: number): Error {
    return dataError(
      'the file contains a NUL byte: it is binary data, not CSV text',
      { file: this.file, line: this.line + countLineBreaks(chunk, at) },
      'if it is a spreadsheet (.xlsx, .ods), save it as CSV first',
    );
  }

  private invalidText(chunk: Uint8Array): Error {
    if (this.utf16 !== null) {
      return dataError(`the file is not valid ${this.utf16.toUpperCase()} text (it starts with a UTF-16 byte-order mark)`, { file: this.file, line: this.line }, 'save it again as "CSV UTF-8"');
    }
    const at = firstInvalidUtf8(chunk);
    return dataError(
      `the file is not valid ${this.encoding === 'utf-8' ? 'UTF-8' : this.encoding} text`,
      { file: this.file, line: this.line + countLineBreaks(chunk, at) },
      'if it was exported from a spreadsheet, try --encoding windows-1252 (or latin1)',
    );
  }
}

/** A whole small file's bytes as text, by the same rules and with the same errors as a stream. */
export function decodeWhole(bytes: Uint8Array, file: string, encoding: Encoding): { text: string; sawQuote: boolean; bytes: number } {
  const pieces: string[] = [];
  const decoding = new TextDecoding(file, encoding, (text) => pieces.push(text));
  decoding.write(bytes);
  decoding.end();
  return { text: pieces.join(''), sawQuote: decoding.sawQuote, bytes: decoding.bytes };
}

/** UTF-16 from its byte-order mark (FF FE little-endian, FE FF big-endian), else null. */
function utf16ByteOrderMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Line breaks before `end`: LF, CRLF (counted once) and a lone CR (old Mac files). */
export function countLineBreaks(data: Uint8Array | string, end: number): number {
  const find =
    typeof data === 'string'
      ? (code: number, from: number) => data.indexOf(String.fromCharCode(code), from)
      : (code: number, from: number) => data.indexOf(code, from);
  const codeAt = typeof data === 'string' ? (i: number) => data.charCodeAt(i) : (i: number) => data[i];
  let count = 0;
  for (let i = find(10, 0); i !== -1 && i < end; i = find(10, i + 1)) count++;
  for (let i = find(13, 0); i !== -1 && i < end; i = find(13, i + 1)) if (codeAt(i + 1) !== 10) count++;
  return count;
}

/**
 * Offset of the first byte that cannot be part of valid UTF-8 (or the length): the bytes are
 * fed one at a time to a strict decoder, which also rejects overlong forms and surrogates.
 * Only on the error path.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  return bytes.length;
}
