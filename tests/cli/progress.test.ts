import { describe, expect, it } from 'vitest';
import { progressLine, progressText } from '../../src/cli/progress.js';

describe('progress line', () => {
  it('shows rows, megabytes and the rate', () => {
    // 130,000,000 bytes in 2 s: 130 MB at 65.0 MB/s
    expect(progressText(1_000_000, 130_000_000, 2)).toBe('read 1,000,000 rows, 130 MB (65.0 MB/s)');
  });

  it('writes nothing when disabled (--quiet) or when stderr is not a terminal', () => {
    const write = process.stderr.write;
    let written = '';
    process.stderr.write = ((text: string) => ((written += text), true)) as typeof process.stderr.write;
    try {
      for (const enabled of [false, true]) {
        const line = progressLine(enabled);
        line.update(10, 100);
        line.done();
      }
    } finally {
      process.stderr.write = write;
    }
    expect(written).toBe('');
  });
});
