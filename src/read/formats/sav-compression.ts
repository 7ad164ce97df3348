import { inflateSync } from 'node:zlib';
import { dataError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';
import { chunkedStream, int32, int64, sourceStream, type ByteStream, type Endian } from './sav-bytes.js';
import type { SavDictionary } from './sav-dictionary.js';

/**
 * The data of a system file, case by case, as 8 bytes per element (GNU PSPP developers' guide,
 * "Data Record"):
 *
 * - Uncompressed: each case is its elements as stored, one after another.
 * - Bytecode ("byte") compression: 8 one-byte commands, then the 8-byte values the commands
 *   call for, then the next 8 commands. 0 is padding (skipped), 1-251 the number code − bias,
 *   252 the end of the data, 253 an 8-byte value follows, 254 eight spaces, 255 system-missing.
 *   A file may end its last command block with padding (0) or 252: no case starts there.
 * - ZLIB (.zsav): the bytecode stream, cut into blocks each compressed with zlib. After the
 *   dictionary a zheader (int64 its own offset, int64 ztrailer offset, int64 ztrailer length);
 *   the ztrailer: int64 −bias, int64 0, int32 block size, int32 block count, then per block
 *   int64 uncompressed offset, int64 compressed offset, int32 uncompressed size, int32
 *   compressed size.
 */
export interface CaseDecoder {
  /**
   * Fill `bytes` with the next case (8 bytes per element) and `sysmis` with 1 for elements
   * given as system-missing or blanks by a command. "end": no case started; "partial": the
   * data ended inside the case.
   */
  next(bytes: Buffer, sysmis: Uint8Array): 'case' | 'end' | 'partial';
}

/** Where a problem lies, for messages: the file's display name and the case being read. */
export interface DataPlace {
  file: string;
  what: string;
  caseNumber: () => number;
}

export function caseDecoder(source: ByteSource, dictionary: SavDictionary, place: DataPlace): CaseDecoder {
  const { compression, bias } = dictionary.header;
  if (compression === 0) return uncompressedDecoder(sourceStream(source, dictionary.dataOffset));
  const stream = compression === 2 ? zlibStream(source, dictionary, place) : sourceStream(source, dictionary.dataOffset);
  return bytecodeDecoder(stream, bias, dictionary.header);
}

function uncompressedDecoder(stream: ByteStream): CaseDecoder {
  return {
    next(bytes, sysmis) {
      const data = stream.take(bytes.length);
      if (data.length === 0) return 'end';
      if (data.length < bytes.length) return 'partial';
      data.copy(bytes);
      sysmis.fill(0);
      return 'case';
    },
  };
}

function bytecodeDecoder(stream: ByteStream, bias: number, order: Endian): CaseDecoder {
  let commands: Buffer = Buffer.alloc(0);
  let at = 0;
  let ended = false;
  /** The next command that is not padding, or -1 where the data end. */
  const nextCommand = (): number => {
    for (;;) {
      if (ended) return -1;
      if (at >= commands.length) {
        commands = stream.take(8);
        at = 0;
        if (commands.length < 8) {
          ended = true;
          return -1;
        }
      }
      const code = commands[at++];
      if (code !== 0) return code;
    }
  };
  return {
    next(bytes, sysmis) {
      const elements = sysmis.length;
      for (let e = 0; e < elements; e++) {
        const code = nextCommand();
        if (code === -1 || code === 252) {
          ended = true;
          return e === 0 ? 'end' : 'partial';
        }
        const at8 = e * 8;
        sysmis[e] = 0;
        if (code === 253) {
          const raw = stream.take(8);
          if (raw.length < 8) {
            ended = true;
            return 'partial';
          }
          raw.copy(bytes, at8);
        } else if (code === 254 || code === 255) {
          for (let k = at8; k < at8 + 8; k++) bytes[k] = 0x20;
          sysmis[e] = 1;
        } else if (order.littleEndian) bytes.writeDoubleLE(code - bias, at8);
        else bytes.writeDoubleBE(code - bias, at8);
      }
      return 'case';
    },
  };
}

interface ZBlock {
  uncompressedSize: number;
  compressedOffset: number;
  compressedSize: number;
}

/** The inflated bytecode stream of a .zsav file, one block at a time. */
function zlibStream(source: ByteSource, dictionary: SavDictionary, place: DataPlace): ByteStream {
  const blocks = zlibBlocks(source, dictionary, place);
  let next = 0;
  return chunkedStream(() => {
    if (next >= blocks.length) return null;
    const block = blocks[next++];
    const corrupt = (why: string) =>
      dataError(`the ${place.what} file has a corrupt zlib block (block ${next} of ${blocks.length}, case ${place.caseNumber()}): ${why}`, { file: place.file });
    const compressed = source.read(block.compressedOffset, block.compressedSize);
    if (compressed.length < block.compressedSize) {
      throw dataError(`the ${place.what} file ends inside zlib block ${next} of ${blocks.length} (case ${place.caseNumber()}; truncated?)`, { file: place.file });
    }
    let inflated: Buffer;
    try {
      inflated = inflateSync(compressed);
    } catch (error) {
      throw corrupt((error as Error).message.slice(0, 60));
    }
    if (inflated.length !== block.uncompressedSize) throw corrupt(`${inflated.length} bytes where ${block.uncompressedSize} were expected`);
    return inflated;
  });
}

function zlibBlocks(source: ByteSource, dictionary: SavDictionary, place: DataPlace): ZBlock[] {
  const order = dictionary.header;
  const truncated = (what: string) => dataError(`the ${place.what} file ends before ${what} (truncated?)`, { file: place.file });
  const corrupt = (what: string) => dataError(`the ${place.what} file is corrupt: ${what}`, { file: place.file });
  const zheader = source.read(dictionary.dataOffset, 24);
  if (zheader.length < 24) throw truncated('its zlib data header');
  const trailerOffset = int64(zheader, 8, order);
  const trailerLength = int64(zheader, 16, order);
  if (int64(zheader, 0, order) !== dictionary.dataOffset || trailerLength < 24 || trailerOffset < dictionary.dataOffset + 24) {
    throw corrupt('its zlib data header does not point to its block index');
  }
  if (trailerOffset + trailerLength > source.size) throw truncated(`the index of its zlib blocks at byte ${trailerOffset}`);
  const trailer = source.read(trailerOffset, trailerLength);
  const count = int32(trailer, 20, order);
  if (count < 0 || 24 + 24 * count !== trailerLength) throw corrupt(`its zlib block index lists ${count} blocks in ${trailerLength} bytes`);
  const blocks: ZBlock[] = [];
  let expected = dictionary.dataOffset + 24;
  for (let k = 0; k < count; k++) {
    const at = 24 + 24 * k;
    const block = { compressedOffset: int64(trailer, at + 8, order), uncompressedSize: int32(trailer, at + 16, order), compressedSize: int32(trailer, at + 20, order) };
    if (block.compressedOffset !== expected || block.compressedSize < 0 || block.uncompressedSize < 0 || block.compressedOffset + block.compressedSize > trailerOffset) {
      throw corrupt(`zlib block ${k + 1} of ${count} lies outside the compressed data`);
    }
    expected += block.compressedSize;
    blocks.push(block);
  }
  return blocks;
}
