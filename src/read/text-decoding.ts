import { isAscii } from 'node:buffer';
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
 * The text passed on, and the errors, do not depend on how the bytes were cut into chunks:
 * - the first 3 bytes are gathered before anything is decided (a byte-order mark split over
 *   two chunks of a pipe is still one);
 * - before an error is thrown, the valid text in front of the bad byte is passed on, so the
 *   reader downstream finds any earlier problem first, whether the file was read whole or
 *   streamed;
 * - the line of an error is asked of the consumer (`lineOfNext`: the line its next character
 *   is on), which counts the line breaks of the text anyway.
 */
export class TextDecoding {
  /** Made on first use (`textDecoder`): an ASCII text never needs one, and the first costs about 0.15 ms. */
  private decoder: TextDecoder | null = null;
  /** Whether that decoder must keep a byte-order mark (text went by before it, see asciiAtBoundary). */
  private keepByteOrderMark = false;
  /** UTF-16 text, known from its byte-order mark (Qualtrics' and Excel's "Unicode text" exports). */
  private utf16: 'utf-16le' | 'utf-16be' | null = null;
  /** Whether decoding has begun (a byte-order mark can only be at the start). */
  private started = false;
  /** The first bytes, until there are 3 of them. */
  private head: Uint8Array | null = null;
  /** UTF-8: the bytes of an incomplete character at the end of the last chunk (to locate an error after it). */
  private tail: Uint8Array = new Uint8Array(0);
  /** Whether any text has been decoded: a byte-order mark can only be at the start. */
  private decoderUsed = false;
  /** Bytes decoded so far. */
  bytes = 0;

  constructor(
    private readonly file: string,
    private readonly encoding: Encoding,
    private readonly emit: (text: string) => void,
    private readonly lineOfNext: () => number,
  ) {}

  private textDecoder(): TextDecoder {
    // latin1 is decoded as windows-1252, its superset, as the WHATWG Encoding Standard does.
    this.decoder ??= new TextDecoder(this.encoding === 'utf-8' ? 'utf-8' : 'windows-1252', { fatal: true, ignoreBOM: this.keepByteOrderMark });
    return this.decoder;
  }

  /** Decode the next chunk of bytes; throws a located error for bytes that are not text. */
  write(bytes: Uint8Array): void {
    if (!this.started) {
      const head = this.head === null ? bytes : concat(this.head, bytes);
      if (head.length < 3) {
        this.head = head.slice();
        return;
      }
      this.head = null;
      this.begin(head);
      return;
    }
    this.decodeChunk(bytes);
  }

  /** Whether every byte so far was decoded and passed on: none is held back as part of a character. */
  get atCharacterBoundary(): boolean {
    return this.started && this.utf16 === null && this.tail.length === 0;
  }

  /** The end of the bytes: emits what was held back; throws if they end inside a character. */
  end(): void {
    if (!this.started) {
      const head = this.head ?? new Uint8Array(0);
      this.head = null;
      this.begin(head);
    }
    let rest: string;
    try {
      // No decoder yet: nothing was held back.
      rest = this.decoder === null ? '' : this.decoder.decode();
    } catch {
      throw this.invalidText();
    }
    if (rest.length > 0) this.emit(rest);
  }

  private begin(bytes: Uint8Array): void {
    this.started = true;
    this.utf16 = utf16ByteOrderMark(bytes);
    if (this.utf16 !== null) this.decoder = new TextDecoder(this.utf16, { fatal: true });
    // TextDecoder drops a UTF-8 byte-order mark only when decoding UTF-8.
    const chunk = this.utf16 === null && this.encoding !== 'utf-8' && startsWithUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    this.decodeChunk(chunk, true);
  }

  private decodeChunk(chunk: Uint8Array, first = false): void {
    const nul = this.utf16 === null ? chunk.indexOf(0) : -1;
    const upTo = nul === -1 ? chunk : chunk.subarray(0, nul);
    this.bytes += upTo.length;
    let text: string;
    if (this.asciiAtBoundary(upTo)) text = Buffer.from(upTo.buffer, upTo.byteOffset, upTo.byteLength).toString('latin1');
    else {
      try {
        text = this.textDecoder().decode(upTo, { stream: true });
        this.decoderUsed = true;
      } catch {
        if (this.utf16 !== null) throw this.invalidText();
        this.throwInvalidUtf8(upTo, first);
      }
    }
    if (this.encoding === 'utf-8' && this.utf16 === null) this.tail = incompleteTail(this.tail, upTo);
    if (text.length > 0) this.emit(text);
    if (nul !== -1) throw this.notText();
  }

  /**
   * Whether `bytes` are ASCII and no character is open from the chunk before: then they are
   * their own text, in UTF-8 and windows-1252 alike (bytes 0-127 are U+0000-U+007F), and are
   * decoded without the TextDecoder, whose first use costs about a millisecond (a small file's
   * start-up). A decoder not yet used for the text before them would take a byte-order mark at
   * the start of a later chunk for the file's own and drop it: the one made later keeps it.
   */
  private asciiAtBoundary(bytes: Uint8Array): boolean {
    if (this.utf16 !== null || this.tail.length > 0 || !isAscii(bytes)) return false;
    if (!this.decoderUsed && bytes.length > 0) {
      this.keepByteOrderMark = true;
      this.decoderUsed = true;
    }
    return true;
  }

  /** Passes on the valid text before the first invalid byte (from the last complete character on), then throws. */
  private throwInvalidUtf8(chunk: Uint8Array, first: boolean): never {
    const bytes = this.tail.length > 0 ? concat(this.tail, chunk) : chunk;
    const at = firstInvalidUtf8(bytes);
    const valid = new TextDecoder('utf-8', { fatal: true, ignoreBOM: !first }).decode(bytes.subarray(0, at), { stream: true });
    this.tail = new Uint8Array(0);
    if (valid.length > 0) this.emit(valid);
    throw this.invalidText();
  }

  /** The error for a NUL byte (after the text before it was passed on): UTF-8 and windows-1252 text never has one. */
  private notText(): Error {
    return dataError(
      'the file contains a NUL byte: it is binary data, not CSV text',
      { file: this.file, line: this.lineOfNext() },
      'if it is a spreadsheet (.xlsx, .ods), save it as CSV first',
    );
  }

  /** The error for bytes that are not text in the encoding, after the valid text before them was passed on. */
  private invalidText(): Error {
    if (this.utf16 !== null) {
      return dataError(`the file is not valid ${this.utf16.toUpperCase()} text (it starts with a UTF-16 byte-order mark)`, { file: this.file, line: this.lineOfNext() }, 'save it again as "CSV UTF-8"');
    }
    return dataError(
      `the file is not valid ${this.encoding === 'utf-8' ? 'UTF-8' : this.encoding} text`,
      { file: this.file, line: this.lineOfNext() },
      'if it was exported from a spreadsheet, try --encoding windows-1252 (or latin1)',
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The bytes of an incomplete UTF-8 character at the end of `previous` + `chunk` (at most 3):
 * where the decoder's next chunk continues. Only the last 3 bytes are looked at.
 */
function incompleteTail(previous: Uint8Array, chunk: Uint8Array): Uint8Array {
  const bytes = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : concat(previous, chunk).subarray(-3);
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return bytes.length - i < need ? bytes.slice(i) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** UTF-16 from its byte-order mark (FF FE little-endian, FE FF big-endian), else null. */
export function utf16ByteOrderMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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
