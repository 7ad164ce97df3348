/**
 * The names of the storages and streams in an OLE2 compound file ([MS-CFB] §2): the header
 * gives the sector size (2^uSectorShift, 512 or 4096 bytes), the sectors of the FAT (the first
 * 109 in the header's DIFAT, the rest in a chain of DIFAT sectors) and the first sector of the
 * directory; the directory is a FAT chain of 128-byte entries, each a UTF-16LE name of up to
 * 31 characters, its length in bytes (with the terminator) and its type (1 storage, 2 stream,
 * 5 root). An .xls holds a "Workbook" (or "Book") stream; an encrypted .xlsx holds
 * "EncryptionInfo" and "EncryptedPackage" ([MS-OFFCRYPTO] §2.3.4).
 */

const FREE_OR_END = 0xfffffffa; // ids at or above this mark free, end-of-chain, FAT and DIFAT sectors
const HEADER_DIFAT_ENTRIES = 109;

/** The names of the file's directory entries, or null when its header or directory is damaged. */
export function compoundFileNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (id: number): number | null => {
    const at = (id + 1) * sectorSize;
    return id < FREE_OR_END && at + sectorSize <= bytes.length ? at : null;
  };
  const fatSectors = fatSectorIds(bytes, sectorSize, sectorAt, sectorCount);
  if (fatSectors === null) return null;
  const perSector = sectorSize / 4;
  const next = (id: number): number | null => {
    const fatSector = fatSectors[Math.floor(id / perSector)];
    const at = fatSector === undefined ? null : sectorAt(fatSector);
    return at === null ? null : bytes.readUInt32LE(at + (id % perSector) * 4);
  };
  const names: string[] = [];
  let id = bytes.readUInt32LE(0x30);
  for (let visited = 0; id < FREE_OR_END; visited++) {
    const at = sectorAt(id);
    if (at === null || visited > sectorCount) return null;
    for (let entry = at; entry + 128 <= Math.min(at + sectorSize, bytes.length); entry += 128) {
      const length = bytes.readUInt16LE(entry + 64);
      const type = bytes[entry + 66];
      if ((type === 1 || type === 2 || type === 5) && length >= 2 && length <= 64) names.push(bytes.toString('utf16le', entry, entry + length - 2));
    }
    const following = next(id);
    if (following === null) return null;
    id = following;
  }
  return names;
}

function fatSectorIds(bytes: Buffer, sectorSize: number, sectorAt: (id: number) => number | null, sectorCount: number): number[] | null {
  const ids: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const id = bytes.readUInt32LE(0x4c + i * 4);
    if (id < FREE_OR_END) ids.push(id);
  }
  let difat = bytes.readUInt32LE(0x44);
  for (let visited = 0; difat < FREE_OR_END; visited++) {
    const at = sectorAt(difat);
    if (at === null || visited > sectorCount) return null;
    const last = sectorSize / 4 - 1;
    for (let i = 0; i < last; i++) {
      const id = bytes.readUInt32LE(at + i * 4);
      if (id < FREE_OR_END) ids.push(id);
    }
    difat = bytes.readUInt32LE(at + last * 4);
  }
  return ids;
}
