import * as zlib from 'node:zlib';

/**
 * The table of contents of a ZIP archive (PKWARE APPNOTE.TXT 6.3.10, §4.3): the end of central
 * directory record (signature PK\5\6, found in the last 64 KB + 22 bytes, or its ZIP64 form),
 * then one central directory header (PK\1\2) per entry. xlsx, ods and docx files are ZIP
 * archives; which one a file is shows in the names of its entries.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  /** Where the entry's local header (PK\3\4) starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's entries, or null when its table of contents is missing, cut short or corrupt. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const end = findEndRecord(bytes);
  if (end < 0) return null;
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let size = bytes.readUInt32LE(end + 12);
  if (offset === 0xffffffff || size === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) return null;
    count = Number(bytes.readBigUInt64LE(record + 32));
    size = Number(bytes.readBigUInt64LE(record + 40));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  if (offset + size > end) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > offset + size) return null;
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      crc32: bytes.readUInt32LE(at + 16),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/**
 * The first entry whose data does not unpack to the size and CRC-32 its central directory
 * header records (APPNOTE §4.4.7-4.4.9), or null when every entry is intact. ZIP readers that
 * skip this check (SheetJS among them) can read a corrupt part as an empty one.
 */
export function firstDamagedEntry(bytes: Buffer, entries: ZipEntry[]): string | null {
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = zipEntryBytes(bytes, entry, Infinity);
    if (data === null || data.length !== entry.uncompressedSize) return entry.name;
    if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== entry.crc32) return entry.name;
  }
  return null;
}

/** The bytes of a small stored or deflated entry (e.g. an ODF "mimetype"), or null if unreadable. */
export function zipEntryBytes(bytes: Buffer, entry: ZipEntry, maxBytes = 4096): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length || entry.compressedSize > maxBytes) return null;
  const data = bytes.subarray(start, end);
  try {
    if (entry.method === 0) return data;
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: Math.min(entry.uncompressedSize + 1, maxBytes * 16, 0x7fffffff) });
  } catch {
    return null;
  }
  return null;
}
