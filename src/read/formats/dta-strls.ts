import { dtaText } from './dta-bytes.js';
import type { DtaHeader } from './dta-header.js';

/**
 * Stata's long strings, strL (Stata's "help dta", 5.11). A strL cell in the data holds 8
 * bytes, a reference (v, o): the variable and observation numbers of the cell the text was
 * first stored for, in the file's byte order, v first — 4 + 4 bytes in 117, 2 + 6 in 118,
 * 3 + 5 in 119; (0, 0) is the empty string. The texts are in the <strls> section, after the
 * data, as GSO entries:
 *
 *     "GSO" v(4) o(4 in 117, 8 in 118/119) t(1: 129 binary, 130 text ending in NUL) len(4) contents(len)
 *
 * Memory: the section is scanned once and only an index is held — a (v, o) key and the
 * position and length of its contents, some 100 bytes per strL — and each text is read from
 * the file when a cell refers to it. (ReadStat, and so R's haven, writes 119 files with the
 * 118 split of (v, o); a reference that does not resolve with the 3 + 5 split is tried as 2 + 6.)
 */
export class DtaStrls {
  private constructor(
    private readonly header: DtaHeader,
    private readonly index: Map<string, { position: number; length: number }>,
  ) {}

  static read(header: DtaHeader): DtaStrls {
    const { bytes, layout, map } = header;
    const what = 'long strings (strLs)';
    const index = new Map<string, { position: number; length: number }>();
    const entryHead = 3 + 4 + layout.gsoOBytes + 1 + 4;
    const scan = new WindowedReader(header, what);
    let at = bytes.expectTag(map.strls, '<strls>', what);
    while (scan.take(at, 3).toString('latin1') === 'GSO') {
      const head = scan.take(at, entryHead);
      const v = bytes.uint(head, 3, 4);
      const o = bytes.uint(head, 7, layout.gsoOBytes);
      const length = bytes.uint(head, 7 + layout.gsoOBytes + 1, 4);
      index.set(`${v}:${o}`, { position: at + entryHead, length });
      at += entryHead + length;
    }
    bytes.expectTag(at, '</strls>', what);
    return new DtaStrls(header, index);
  }

  /** The text a strL cell (its 8 bytes at `offset` of `record`) refers to. */
  text(record: Buffer, offset: number, observation: number): string {
    const { bytes, layout } = this.header;
    const split = (vBytes: number) => `${bytes.uint(record, offset, vBytes)}:${bytes.uint(record, offset + vBytes, 8 - vBytes)}`;
    const key = split(layout.strlVBytes);
    if (key === '0:0') return '';
    const entry = this.index.get(key) ?? (layout.release === 119 ? this.index.get(split(2)) : undefined);
    if (entry === undefined) throw bytes.garbled(`observation ${observation} refers to a long string (strL ${key.replace(':', ',')}) that the file does not hold`);
    return dtaText(bytes.exact(entry.position, entry.length, 'long strings (strLs)'));
  }
}

/** Sequential reads through a window of about 1 MiB, so that scanning many small entries is not a read each. */
class WindowedReader {
  private start = 0;
  private window: Buffer = Buffer.alloc(0);

  constructor(
    private readonly header: DtaHeader,
    private readonly what: string,
  ) {}

  take(position: number, length: number): Buffer {
    const from = position - this.start;
    if (from < 0 || from + length > this.window.length) {
      this.start = position;
      this.window = this.header.bytes.source.read(position, Math.max(length, 1 << 20));
      if (this.window.length < length) throw this.header.bytes.truncated(this.what);
      return this.window.subarray(0, length);
    }
    return this.window.subarray(from, from + length);
  }
}
