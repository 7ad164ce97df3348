/**
 * Issue point 7: time linear in the input, and a field or line too long for any survey is
 * refused at once, with its line and column, in bounded memory:
 * - a 200 MB field on standard input and a gzip file that unpacks to a 3 GB line are refused
 *   within seconds, the CLI held to a 256 MB heap (before: past 60 s, memory rising);
 * - 300 MB of blank lines (gzip) is read at a normal speed (before: 2.6 MB/s);
 * - a field just under the limit, read in 1 KiB chunks, is read in linear time;
 * - the line and field-count limits.
 * The deadlines are generous (a loaded machine); the old code missed each by far.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SurveyError } from '../../src/errors.js';
import { MAX_FIELD_CHARS, MAX_FIELDS, MAX_RECORD_CHARS } from '../../src/read/csv-records.js';
import { readCsv } from '../../src/read/read-csv.js';
import { ROOT } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hardening-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,discipline,site,prior_training,contact,pk1,pk2,pk3,pk4,pk5,pk6,pk7,pk8,pk9,ak1,ak2,ak3,ak4,ak5,ak6,ak7,ak8,ak9,conf1,conf2,conf3,conf4,conf5,conf6';

interface Run {
  status: number | null;
  stderr: string;
  seconds: number;
  /** Bytes written to its stdin before it ended. */
  fed: number;
}

/**
 * The built CLI with a 256 MB heap; `feed` writes its stdin piece by piece (until it is
 * refused). Killed after `deadline` seconds: a run that needs that long fails the test.
 */
function run(args: string[], deadline: number, feed?: (write: (chunk: string | Buffer) => Promise<boolean>) => Promise<void>): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--max-old-space-size=256', join(ROOT, 'bin/survey-analyze.js'), ...args], { cwd: ROOT });
  let stderr = '';
  let fed = 0;
  let open = true;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  child.stdin.on('error', () => (open = false));
  const timer = setTimeout(() => child.kill('SIGKILL'), deadline * 1000);
  const write = (chunk: string | Buffer): Promise<boolean> =>
    new Promise((resolve) => {
      if (!open || child.exitCode !== null) return resolve(false);
      fed += chunk.length;
      if (child.stdin.write(chunk)) resolve(true);
      else child.stdin.once('drain', () => resolve(open));
      child.once('close', () => resolve(false));
    });
  if (feed) {
    void feed(write).then(() => open && child.stdin.end());
  } else {
    child.stdin.end();
  }
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      open = false;
      resolve({ status, stderr, seconds: (Date.now() - started) / 1000, fed });
    }),
  );
}

describe('a bomb is refused quickly, in bounded memory', () => {
  it('a 200 MB field on standard input: refused after reading little more than the limit', async () => {
    const piece = 'x'.repeat(1 << 20);
    const result = await run(['-', '--quiet'], 30, async (write) => {
      if (!(await write(`${HEADER}\nR1,"`))) return;
      for (let i = 0; i < 200; i++) if (!(await write(piece))) return;
      await write('",Site 01\n');
    });
    expect(result.stderr).toBe(
      `survey-analyze: <stdin>:2: column "discipline": a field is longer than the limit of 8 MiB (${MAX_FIELD_CHARS.toLocaleString('en-US')} characters)\n` +
        '  hint: is a closing quote missing? Otherwise split the text, or shorten it\n',
    );
    expect(result.status).toBe(1);
    expect(result.fed).toBeLessThan(64 << 20);
  });

  it('a gzip file that unpacks to a 3 GB line: refused in seconds', async () => {
    // 192 gzip members of 16 MiB of "a" each (concatenated members are one gzip stream).
    const member = gzipSync(Buffer.alloc(16 << 20, 'a'));
    const path = join(dir, 'bomb.csv.gz');
    writeFileSync(path, Buffer.concat([gzipSync(`${HEADER}\n`), ...Array.from({ length: 192 }, () => member)]));
    const result = await run([path, '--quiet'], 30);
    expect(result.stderr).toContain(`bomb.csv.gz:2: column "id": a field is longer than the limit of 8 MiB`);
    expect(result.status).toBe(1);
  });

  it('a line longer than 16 MiB of short fields, and a line of more than 100,000 fields', async () => {
    const many = join(dir, 'many-fields.csv');
    writeFileSync(many, `a,b\n${','.repeat(MAX_FIELDS)}\n`);
    const fields = await run([many, '--quiet'], 30);
    expect(fields.stderr).toContain(`many-fields.csv:2: this line has more than 100,000 fields, the limit`);
    const long = join(dir, 'long-line.csv');
    const cell = 'y'.repeat(1000);
    writeFileSync(long, `a,b\n${Array.from({ length: Math.ceil(MAX_RECORD_CHARS / 1001) + 1 }, () => cell).join(',')}\n`);
    const line = await run([long, '--quiet'], 30);
    expect(line.stderr).toMatch(/long-line\.csv:2: this line is longer than the limit of 16 MiB \(16,777,216 characters\) \(in field \d+\)/);
    expect(line.status).toBe(1);
  });
});

describe('time linear in the input', () => {
  it('300 MB of blank lines (gzip) is read at more than 15 MB/s', async () => {
    const path = join(dir, 'blank.csv.gz');
    const blank = gzipSync(Buffer.alloc(100 << 20, '\n'));
    writeFileSync(path, Buffer.concat([gzipSync(`${HEADER}\nR1,Other,Site 01,No,No,,,,,,,,,,,,,,,,,,,,,,,,\n`), blank, blank, blank]));
    const result = await run([path, '--quiet', '-f', 'json'], 20);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.seconds).toBeLessThan(20);
  });

  it('a field just under the limit, streamed in 1 KiB chunks, in about the time of one pass', async () => {
    const path = join(dir, 'long-field.csv');
    writeFileSync(path, `a,b\n"${'z'.repeat(MAX_FIELD_CHARS - 10)}",1\n2,3\n`);
    const started = Date.now();
    const rows: string[][] = [];
    await readCsv(path, { delimiter: null, encoding: 'utf-8', wholeFileBytes: 0, chunkBytes: 1024 }, { header: () => {}, rows: (batch) => rows.push(...batch) });
    // 8 MiB in 8192 chunks: a reader that parses the open line again for each chunk does ~34 G steps.
    expect((Date.now() - started) / 1000).toBeLessThan(15);
    expect(rows.map((row) => row[0].length)).toEqual([MAX_FIELD_CHARS - 10, 1]);
  });

  it('one character over the field limit is an error naming the line and the column', async () => {
    const path = join(dir, 'over.csv');
    writeFileSync(path, `a,b\n1,2\n3,${'w'.repeat(MAX_FIELD_CHARS + 1)}\n`);
    for (const options of [{}, { wholeFileBytes: 0 }, { wholeFileBytes: 0, chunkBytes: 4096 }]) {
      const error = await readCsv(path, { delimiter: null, encoding: 'utf-8', ...options }, { header: () => {}, rows: () => {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SurveyError);
      expect((error as SurveyError).place).toEqual({ file: path, line: 3, column: 'b' });
    }
  });
});
