import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Random access to a file's bytes without holding them all: binary readers (.sav, .dta) read
 * what they need, where they need it. A file is read through its descriptor; standard input,
 * which cannot seek, is held as one buffer.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer only at the end of the data). */
  read(position: number, length: number): Buffer;
  close(): void;
}

export function bufferByteSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (position, length) => bytes.subarray(Math.min(position, bytes.length), Math.min(position + length, bytes.length)),
    close: () => {},
  };
}

export function fileByteSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(position, length) {
      const end = Math.min(position + length, size);
      if (end <= position) return Buffer.alloc(0);
      const out = Buffer.allocUnsafe(end - position);
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done === out.length ? out : out.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}
