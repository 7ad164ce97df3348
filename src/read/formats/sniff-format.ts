/**
 * The format of a file, from its first bytes (its signature), never from its name.
 *
 * - SPSS system file: "$FL2" (.sav), "$FL3" (.zsav, zlib-compressed).
 * - Stata 117-119: "<stata_dta>"; Stata 102-116 start with a version byte 102..116
 *   followed by a byte order byte 1 or 2.
 * - xlsx, ods: a ZIP archive ("PK\x03\x04"); told apart by their contents (formats/xlsx.ts).
 * - .xls and an encrypted (password-protected) xlsx: an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1).
 * - SAS: the 32-byte SAS7BDAT magic; SAS transport (XPORT): "HEADER RECORD*******LIBRARY".
 * - SPSS portable (.por): 200 bytes of splash strings, then "SPSSPORT" at offset 456... (the
 *   signature is searched in the first 512 bytes).
 * - gzip: 1F 8B (a compressed CSV; unpacked by the CSV reader).
 * Anything else is taken as text (CSV/TSV).
 */
export type SniffedFormat = 'sav' | 'zsav' | 'dta' | 'old-dta' | 'zip' | 'ole2' | 'sas7bdat' | 'sas-xport' | 'spss-portable' | 'gzip' | 'text';

/** How many leading bytes sniffFormat wants to see. */
export const SNIFF_BYTES = 512;

const SAS7BDAT_MAGIC = Buffer.from([
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc2, 0xea, 0x81, 0x60,
  0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11,
]);

export function sniffFormat(head: Uint8Array): SniffedFormat {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (from: number, to: number): string => b.subarray(from, to).toString('latin1');
  if (ascii(0, 4) === '$FL2') return 'sav';
  if (ascii(0, 4) === '$FL3') return 'zsav';
  if (ascii(0, 11) === '<stata_dta>') return 'dta';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1) return 'ole2';
  if (b.length >= 32 && b.subarray(0, 32).equals(SAS7BDAT_MAGIC)) return 'sas7bdat';
  if (ascii(0, 27) === 'HEADER RECORD*******LIBRARY') return 'sas-xport';
  if (ascii(0, SNIFF_BYTES).includes('SPSSPORT')) return 'spss-portable';
  // Old Stata (.dta 102-116): a version byte, then a byte-order byte (1 = MSF, 2 = LSF), then 1, then 0.
  if (b.length >= 4 && b[0] >= 102 && b[0] <= 116 && (b[1] === 1 || b[1] === 2) && b[2] === 1 && b[3] === 0) return 'old-dta';
  return 'text';
}
