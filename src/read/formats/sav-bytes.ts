import type { ByteSource } from './byte-source.js';

/**
 * A forward-only view of a byte stream read in chunks (1 MiB), so a file is never held whole.
 * `take(n)` gives exactly `n` bytes, or fewer (possibly none) where the stream ends; the
 * caller decides what an early end means. SPSS system files store their integers and floats
 * in the writer's byte order, which `littleEndian` selects.
 */
export interface ByteStream {
  /** Bytes consumed so far, from the stream's start. */
  readonly consumed: number;
  take(length: number): Buffer;
}

export const CHUNK_BYTES = 1 << 20;

/** The bytes of `source` from `start` to its end, as a ByteStream. */
export function sourceStream(source: ByteSource, start: number): ByteStream {
  let position = start;
  return chunkedStream(() => {
    const chunk = source.read(position, CHUNK_BYTES);
    position += chunk.length;
    return chunk.length > 0 ? chunk : null;
  });
}

/** A ByteStream over the buffers `nextChunk` gives in turn (null at the end). */
export function chunkedStream(nextChunk: () => Buffer | null): ByteStream {
  let chunk: Buffer = Buffer.alloc(0);
  let offset = 0;
  let consumed = 0;
  let ended = false;
  return {
    get consumed() {
      return consumed;
    },
    take(length) {
      if (offset + length <= chunk.length) {
        const out = chunk.subarray(offset, offset + length);
        offset += length;
        consumed += length;
        return out;
      }
      const parts: Buffer[] = [chunk.subarray(offset)];
      let have = parts[0].length;
      while (have < length && !ended) {
        const next = nextChunk();
        if (next === null) ended = true;
        else {
          parts.push(next);
          have += next.length;
        }
      }
      const joined = Buffer.concat(parts);
      const out = joined.subarray(0, Math.min(length, joined.length));
      chunk = joined;
      offset = out.length;
      consumed += out.length;
      return out;
    },
  };
}

/** Reading a system file's numbers in its byte order. */
export interface Endian {
  littleEndian: boolean;
}

export function int32(bytes: Buffer, at: number, order: Endian): number {
  return order.littleEndian ? bytes.readInt32LE(at) : bytes.readInt32BE(at);
}

export function float64(bytes: Buffer, at: number, order: Endian): number {
  return order.littleEndian ? bytes.readDoubleLE(at) : bytes.readDoubleBE(at);
}

/** An int64 as a number (file offsets and sizes; exact below 2^53). */
export function int64(bytes: Buffer, at: number, order: Endian): number {
  return Number(order.littleEndian ? bytes.readBigInt64LE(at) : bytes.readBigInt64BE(at));
}
