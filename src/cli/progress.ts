import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { count } from './options.js';
import { isTerminal, writeStderr } from './std-streams.js';

/**
 * A progress line on stderr for inputs that take more than a moment: rows and megabytes
 * read and the rate, and, when the size of the input is known (`size`, e.g. inputSize), the
 * percentage done and the time left; redrawn in place at most twice a second. Only when
 * stderr is a terminal.
 */
export function progressLine(enabled: boolean, size: () => number | null = () => null): { update: (rows: number, bytes: number) => void; done: () => void } {
  if (!enabled || !isTerminal(2)) return { update: () => {}, done: () => {} };
  const total = size();
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    update(rows, bytes) {
      const now = Date.now();
      if (now - last < 500 || now - start < 1000) return;
      last = now;
      shown = true;
      writeStderr(`\r${progressText(rows, bytes, (now - start) / 1000, total)}\x1b[K`);
    },
    done() {
      if (shown) writeStderr('\r\x1b[K');
    },
  };
}

/**
 * `read 1,000 rows, 5 MB (2.5 MB/s)` (megabytes of 10⁶ bytes); with the input's size,
 * `read 1,000 rows, 5 of 20 MB, 25% (2.5 MB/s, about 6 s left)`.
 */
export function progressText(rows: number, bytes: number, seconds: number, total: number | null = null): string {
  const mb = bytes / 1e6;
  const rate = mb / seconds;
  const read = `read ${count(rows, 'row')}`;
  if (total === null || total <= 0 || bytes > total) return `${read}, ${mb.toFixed(0)} MB (${rate.toFixed(1)} MB/s)`;
  const percent = Math.floor((100 * bytes) / total);
  const left = rate > 0 ? `, about ${duration((total - bytes) / 1e6 / rate)} left` : '';
  return `${read}, ${mb.toFixed(0)} of ${(total / 1e6).toFixed(0)} MB, ${percent}% (${rate.toFixed(1)} MB/s${left})`;
}

/** `6 s`, `2 min 5 s`, `1 h 3 min`. */
function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * The bytes the readers will report in all (the `bytes` of RowSink.rows), when that is known
 * before reading: every input a regular file, none gzip-compressed (its unpacked size is not
 * known) and none standard input. Otherwise null.
 */
export function inputSize(files: string[]): number | null {
  let total = 0;
  for (const file of files) {
    const size = file === '-' ? null : plainFileSize(file);
    if (size === null) return null;
    total += size;
  }
  return total;
}

function plainFileSize(file: string): number | null {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(2);
      const n = readSync(fd, head, 0, 2, 0);
      return n === 2 && head[0] === 0x1f && head[1] === 0x8b ? null : stat.size;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
