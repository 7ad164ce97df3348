/**
 * A progress line on stderr for inputs that take more than a moment: rows and megabytes
 * read and the rate, redrawn in place at most twice a second. Only when stderr is a terminal.
 */
export function progressLine(enabled: boolean): { update: (rows: number, bytes: number) => void; done: () => void } {
  if (!enabled || process.stderr.isTTY !== true) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    update(rows, bytes) {
      const now = Date.now();
      if (now - last < 500 || now - start < 1000) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${progressText(rows, bytes, (now - start) / 1000)}\x1b[K`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** `read 1,000 rows, 5 MB (2.5 MB/s)` (megabytes of 10⁶ bytes). */
export function progressText(rows: number, bytes: number, seconds: number): string {
  const mb = bytes / 1e6;
  return `read ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB (${(mb / seconds).toFixed(1)} MB/s)`;
}
