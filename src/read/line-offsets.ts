import { closeSync, openSync, readSync } from 'node:fs';
import { countLineBreaks } from './text-decoding.js';

/** Bytes read at a time by countFileLineBreaks. */
const SCAN_BYTES = 1 << 20;
const LF = 10;
const CR = 13;

/**
 * Line breaks (LF, CRLF once, a lone CR) in bytes [0, end) of a file, by the rule of
 * csv-records.ts and countLineBreaks: the line at byte `end` is this + 1. Each chunk is read
 * with one byte more, so that a CR at its end sees whether an LF follows.
 */
export function countFileLineBreaks(path: string, end: number): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(SCAN_BYTES + 1);
  let count = 0;
  try {
    for (let at = 0; at < end; at += SCAN_BYTES) {
      const want = Math.min(SCAN_BYTES, end - at);
      const got = readSync(fd, buffer, 0, want + 1, at);
      count += countLineBreaks(buffer.subarray(0, got), Math.min(got, want));
      if (got < want) break;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

/**
 * The byte offset where line `line` (1-based) starts in `bytes`: just after the (line - 1)th
 * line break; -1 when the bytes hold fewer line breaks, or the break is a CR whose LF may
 * follow beyond them.
 */
export function lineStart(bytes: Uint8Array, line: number): number {
  let breaks = 0;
  if (line === 1) return 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || b === CR) {
      if (b === CR) {
        if (i + 1 >= bytes.length) return -1;
        if (bytes[i + 1] === LF) i++;
      }
      if (++breaks === line - 1) return i + 1;
    }
  }
  return -1;
}
