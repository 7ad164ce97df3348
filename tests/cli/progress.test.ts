import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inputSize, progressLine, progressText } from '../../src/cli/progress.js';

describe('progress line', () => {
  it('shows rows, megabytes and the rate', () => {
    // 130,000,000 bytes in 2 s: 130 MB at 65.0 MB/s
    expect(progressText(1_000_000, 130_000_000, 2)).toBe('read 1,000,000 rows, 130 MB (65.0 MB/s)');
  });

  it('with the size of the input: the percentage done and the time left at the rate so far', () => {
    // 50 of 200 MB in 2 s: 25 MB/s, 150 MB left: 6 s
    expect(progressText(250_000, 50_000_000, 2, 200_000_000)).toBe('read 250,000 rows, 50 of 200 MB, 25% (25.0 MB/s, about 6 s left)');
    // 10 of 1,000 MB in 4 s: 2.5 MB/s, 990 MB left: 396 s
    expect(progressText(1, 10_000_000, 4, 1_000_000_000)).toBe('read 1 row, 10 of 1000 MB, 1% (2.5 MB/s, about 6 min 36 s left)');
    // A size that the reading outgrew (a file that grows) is not shown as over 100%.
    expect(progressText(2, 3_000_000, 1, 2_000_000)).toBe('read 2 rows, 3 MB (3.0 MB/s)');
  });

  it('knows the size of plain files, not of gzip-compressed ones, standard input or a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'x\n1\n');
    writeFileSync(b, 'x\n22\n');
    expect(inputSize([a, b])).toBe(9);
    writeFileSync(join(dir, 'c.csv.gz'), gzipSync('x\n1\n'));
    expect(inputSize([a, join(dir, 'c.csv.gz')])).toBeNull();
    expect(inputSize([a, '-'])).toBeNull();
    expect(inputSize([dir])).toBeNull();
    expect(inputSize([join(dir, 'missing.csv')])).toBeNull();
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
