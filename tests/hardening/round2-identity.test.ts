/**
 * Issue point 5: the same bytes give the same result whatever way they are read. A small file
 * is read whole, a large one and standard input in chunks, a gzip file through gunzip: the
 * rows, their lines and the first error (message, line, column) must be identical.
 * - the two reproducers through the CLI (a file against the same bytes on stdin);
 * - the CSV-bytes fuzzer: random texts (quotes, CR/LF/CRLF in any mix, blank lines, BOM,
 *   `sep=` lines, invalid UTF-8, NUL, values that the sink refuses) read whole, streamed in
 *   random chunk sizes (down to 1 byte) and gzipped, in process; a few also through the CLI.
 * Seed and counts: tests/hardening/fuzz-config.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dataError, SurveyError } from '../../src/errors.js';
import { readCsv, type ReadOptions } from '../../src/read/read-csv.js';
import { FIXTURE, ROOT, runCli } from '../cli/run-cli.js';
import { FUZZ_SEED, fuzzRuns } from './fuzz-config.js';

const dir = mkdtempSync(join(tmpdir(), 'hardening-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
function temp(content: Buffer | string, ext = 'csv'): string {
  const path = join(dir, `f${serial++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

interface Outcome {
  columns: string[] | null;
  rows: string[][];
  lines: number[];
  error: { message: string; place: unknown; hint: string | undefined; exitCode: number } | string | null;
}

/** What the reader hands on: the header, every row with its line, and how it ended. A cell "BAD" is refused as the coder would. */
async function outcome(path: string, options: Partial<ReadOptions>): Promise<Outcome> {
  const out: Outcome = { columns: null, rows: [], lines: [], error: null };
  try {
    await readCsv(path, { delimiter: null, encoding: 'utf-8', ...options }, {
      header: (header) => (out.columns = header.columns),
      rows: (rows, lineOf, file) => {
        rows.forEach((row, i) => {
          if (row.includes('BAD')) throw dataError('the value "BAD" is not a code', { file, line: lineOf(i) });
          out.rows.push(row);
          out.lines.push(lineOf(i));
        });
      },
    });
  } catch (error) {
    out.error = error instanceof SurveyError ? { message: error.message, place: error.place, hint: error.hint, exitCode: error.exitCode } : `not a SurveyError: ${String(error)}`;
  }
  return out;
}

/** The same bytes read whole, streamed in `chunk`-byte pieces, and gzipped: all equal, and returned. */
async function sameEveryWay(bytes: Buffer, chunk: number): Promise<Outcome> {
  const plain = temp(bytes);
  const whole = await outcome(plain, { wholeFileBytes: 1 << 30 });
  // The file name differs for the gzip copy; compare it under the plain one.
  const gz = temp(gzipSync(bytes), 'csv.gz');
  const rename = (o: Outcome): Outcome => JSON.parse(JSON.stringify(o).split(JSON.stringify(gz).slice(1, -1)).join(JSON.stringify(plain).slice(1, -1)));
  expect(await outcome(plain, { wholeFileBytes: 0 }), 'streamed in 64 KiB chunks').toEqual(whole);
  expect(await outcome(plain, { wholeFileBytes: 0, chunkBytes: chunk }), `streamed in ${chunk}-byte chunks`).toEqual(whole);
  expect(rename(await outcome(gz, { chunkBytes: chunk })), `gzip, ${chunk}-byte chunks`).toEqual(whole);
  return whole;
}

describe('the issue\'s reproducers: a file and the same bytes on standard input', () => {
  const fixture = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');

  it('a bad value before a ragged last row: both report the bad value', () => {
    const lines = [...fixture];
    const cells = lines[300].split(',');
    cells[5] = 'Agreeable'; // pk1
    lines[300] = cells.join(',');
    lines[lines.length - 1] += ',extra';
    const bytes = `${lines.join('\n')}\n`;
    expect(bytes).toContain('Agreeable');
    const path = temp(bytes);
    const file = runCli([path, '-f', 'json', '--quiet']);
    const stdin = runCli(['-', '-f', 'json', '--quiet'], { input: bytes });
    expect(file.status).toBe(1);
    expect(file.stderr).toContain(':301:');
    expect(file.stderr).toContain('Agreeable');
    expect(stdin.status).toBe(1);
    expect(stdin.stderr.replace('<stdin>', path)).toBe(file.stderr);
  });

  it('301 CR line ends, then CRLF: the same 782 rows from the file and from stdin', () => {
    const bytes = `${fixture.slice(0, 301).join('\r')}\r${fixture.slice(301).join('\r\n')}\r\n`;
    const path = temp(bytes);
    const file = runCli([path, '-f', 'json', '--quiet']);
    const stdin = runCli(['-', '-f', 'json', '--quiet'], { input: bytes });
    expect(file.stderr).toBe('');
    expect(file.status).toBe(0);
    expect(JSON.parse(file.stdout).input.rows).toBe(782);
    expect(stdin.status).toBe(0);
    expect(stdin.stdout.split(JSON.stringify('<stdin>')).join(JSON.stringify(path))).toBe(file.stdout);
  });
});

describe('texts where the chunk boundaries matter', () => {
  it('a header line longer than the delimiter sample (64 Ki characters) is split the same way', async () => {
    const header = Array.from({ length: 9000 }, (_, i) => `question_${i}`).join(';');
    const row = Array.from({ length: 9000 }, (_, i) => String(i % 5)).join(';');
    for (const chunk of [1000, 4096, 70_000]) {
      const got = await sameEveryWay(Buffer.from(`${header}\n${row}\n${row}\r\n`), chunk);
      expect(got.error).toBeNull();
      expect(got.columns).toHaveLength(9000);
      expect(got.lines).toEqual([2, 3]);
    }
  });

  it('a CRLF, a byte-order mark, a UTF-8 character and a quote cut at every byte', async () => {
    const text = Buffer.from('\uFEFFa,"b\r\nc",é\r\n1,"x""y",€\r2,3,😀\n');
    for (let chunk = 1; chunk <= 7; chunk++) {
      const got = await sameEveryWay(text, chunk);
      expect(got.error).toBeNull();
      expect(got.columns).toEqual(['a', 'b\r\nc', 'é']);
      expect(got.rows).toEqual([['1', 'x"y', '€'], ['2', '3', '😀']]);
      expect(got.lines).toEqual([3, 4]);
    }
  });

  it('invalid UTF-8 after a ragged row in the same chunk: the ragged row, however it is read', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3\n4,5\n'), Buffer.from([0xff]), Buffer.from(',6\n')]);
    for (const chunk of [1, 3, 64]) {
      const got = await sameEveryWay(bytes, chunk);
      expect(got.error).toMatchObject({ message: 'this row has 1 fields but the header has 2', place: { line: 3 } });
    }
  });
});

// ---------------------------------------------------------------- the CSV-bytes fuzzer

const TOKENS: (string | number[])[] = [
  'a', 'b1', 'Agree', '12', ' ', ',', ',', ',', ';', '\t', '"', '"', '""', '\n', '\n', '\r', '\r\n', '\r\n', '\n\n',
  'BAD', 'é', '€', '😀', 'sep=;', [0xff], [0xc3], [0xe2, 0x82], [0x00],
];

/** A random CSV: a header, rows of tokens, sometimes a byte-order mark or a `sep=` line. */
const csvBytes = fc
  .record({
    bom: fc.boolean(),
    sep: fc.boolean(),
    header: fc.constantFrom('h1,h2,h3', 'h1;h2;h3', 'h1\th2', 'x', '"h,1",h2'),
    body: fc.array(fc.integer({ min: 0, max: TOKENS.length - 1 }), { maxLength: 400 }),
    rare: fc.boolean(),
    // Without quotes, lines take the reader's fast path (split): it must agree with the loop.
    plain: fc.boolean(),
  })
  .map(({ bom, sep, header, body, rare, plain }) => {
    const parts: Buffer[] = [];
    if (bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
    if (sep) parts.push(Buffer.from('sep=;\r\n'));
    parts.push(Buffer.from(`${header}\n`));
    for (const t of body) {
      const token = TOKENS[t];
      // Bytes that end the reading at once (invalid UTF-8, NUL) are drawn rarely.
      if (typeof token !== 'string' && !rare) continue;
      if (plain && typeof token === 'string' && token.includes('"')) continue;
      parts.push(typeof token === 'string' ? Buffer.from(token) : Buffer.from(token));
    }
    return Buffer.concat(parts);
  });

describe('the CSV-bytes fuzzer: whole, streamed, gzip', () => {
  it('random bytes in random chunk sizes: identical rows, lines and errors', async () => {
    await fc.assert(
      fc.asyncProperty(csvBytes, fc.integer({ min: 1, max: 97 }), async (bytes, chunk) => {
        const got = await sameEveryWay(bytes, chunk);
        // Never anything but a located data error.
        if (got.error !== null) expect(typeof got.error === 'string' ? got.error : got.error.exitCode).toBe(1);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(150) },
    );
  });

  it('mutations of the corpus\'s valid file through the CLI: a file, stdin and gzip agree', () => {
    const valid = readFileSync(join(ROOT, 'tests/hardening/corpus/valid.csv'));
    const cb = join(ROOT, 'tests/hardening/corpus/codebook.yaml');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 4 }), (edits) => {
        let bytes = valid;
        for (const [at, token] of edits) {
          const i = at % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(token as string), bytes.subarray(i)]);
        }
        const path = temp(bytes);
        const gz = temp(gzipSync(bytes), 'csv.gz');
        const file = runCli([path, '-c', cb, '-f', 'json', '--quiet']);
        const stdin = runCli(['-', '-c', cb, '-f', 'json', '--quiet'], { input: bytes });
        const zipped = runCli([gz, '-c', cb, '-f', 'json', '--quiet']);
        expect([0, 1]).toContain(file.status);
        expect(file.stderr).not.toContain('internal error');
        const norm = (r: { status: number | null; stdout: string; stderr: string }, name: string) => ({
          status: r.status,
          stderr: r.stderr.split(name).join('F'),
          stdout: r.stdout.split(JSON.stringify(name)).join('"F"'),
        });
        expect(norm(stdin, '<stdin>')).toEqual(norm(file, path));
        expect(norm(zipped, gz)).toEqual(norm(file, path));
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(4) },
    );
  });
});
