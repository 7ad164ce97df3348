import { TextDecoder } from 'node:util';
import { dataError, type SurveyError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';

/**
 * Reading a .dta file's bytes: integers in the file's byte order (the header's `<byteorder>`:
 * MSF most significant first, LSF least significant first), NUL-terminated text fields, and
 * sections at the offsets the map gives, with a located error when the file ends early or a
 * section's tag is not where the map says.
 */
export class DtaBytes {
  constructor(
    readonly source: ByteSource,
    readonly file: string,
    readonly littleEndian: boolean,
  ) {}

  /** Exactly `length` bytes at `position`; `what` names the part for the truncation message. */
  exact(position: number, length: number, what: string): Buffer {
    const bytes = this.source.read(position, length);
    if (bytes.length < length) throw this.truncated(what);
    return bytes;
  }

  /** The tag `tag` at `position` (else the file is not what the map says it is); returns the position after it. */
  expectTag(position: number, tag: string, what: string): number {
    const found = this.source.read(position, tag.length);
    if (found.length < tag.length && Buffer.from(tag, 'latin1').subarray(0, found.length).equals(found)) throw this.truncated(what);
    if (found.toString('latin1') !== tag) throw this.garbled(`expected "${tag}" at byte ${position}, found ${quoteBytes(found)}`);
    return position + tag.length;
  }

  uint(bytes: Buffer, offset: number, width: number): number {
    if (width === 8) {
      const value = this.littleEndian ? bytes.readBigUInt64LE(offset) : bytes.readBigUInt64BE(offset);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw this.garbled(`a count or offset of ${value} bytes is out of range`);
      return Number(value);
    }
    return this.littleEndian ? bytes.readUIntLE(offset, width) : bytes.readUIntBE(offset, width);
  }

  truncated(what: string): SurveyError {
    return dataError(`the Stata file is truncated: it ends inside the ${what} (the file has ${this.source.size} bytes)`, { file: this.file });
  }

  garbled(detail: string): SurveyError {
    return dataError(`not a readable Stata .dta file: ${detail}`, { file: this.file });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * A text field: the bytes up to the first NUL. UTF-8 (Stata 14 and later, and what ReadStat
 * writes into 117 files); bytes that are not UTF-8 are read as windows-1252, the code page
 * Stata 13 on Windows wrote.
 */
export function dtaText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const field = nul === -1 ? bytes : bytes.subarray(0, nul);
  try {
    return utf8.decode(field);
  } catch {
    return windows1252.decode(field);
  }
}

/** Bytes as a short quoted text for a message: printable ASCII kept, at most 40 characters. */
export function quoteBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the end of the file';
  const text = Buffer.from(bytes.subarray(0, 40)).toString('latin1').replace(/[^\x20-\x7e]/g, '?');
  return `"${text}${bytes.length > 40 ? '…' : ''}"`;
}
