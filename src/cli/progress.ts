/**
 * A progress line on stderr for inputs that take more than a moment: rows read and
 * their rate, redrawn in place at most twice a second. Only when stderr is a terminal.
 */
export function progressLine(enabled: boolean): { update: (rows: number) => void; done: () => void } {
  if (!enabled || process.stderr.isTTY !== true) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    update(rows) {
      const now = Date.now();
      if (now - last < 500 || now - start < 1000) return;
      last = now;
      shown = true;
      const rate = rows / ((now - start) / 1000);
      process.stderr.write(`\rread ${rows.toLocaleString('en')} rows (${Math.round(rate).toLocaleString('en')} rows/s)`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
