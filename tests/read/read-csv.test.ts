import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCsv, type ReadOptions } from '../../src/read/read-csv.js';
import { readSources } from '../../src/read/read-sources.js';
import { SurveyError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'read-csv-'));
let serial = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${serial++}.csv`);
  writeFileSync(path, content);
  return path;
}

const defaults: ReadOptions = { delimiter: null, encoding: 'utf-8' };
// Every case runs twice: small files read whole (the default) and streamed in chunks.
const modes = [
  ['read whole', {}],
  ['streamed', { wholeFileBytes: 0 }],
] as const;

let mode: Partial<ReadOptions> = {};

async function read(path: string, options: Partial<ReadOptions> = {}) {
  const out = { header: [] as string[], rows: [] as string[][], lines: [] as number[] };
  await readCsv(path, { ...defaults, ...mode, ...options }, {
    header: ({ columns }) => (out.header = columns),
    rows: (rows, lineOf) => rows.forEach((row, i) => (out.rows.push(row), out.lines.push(lineOf(i)))),
  });
  return out;
}

async function failure(promise: Promise<unknown>): Promise<SurveyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyError);
    return error as SurveyError;
  }
  throw new Error('expected an error');
}

describe.each(modes)('readCsv (%s)', (_name, options) => {
  beforeEach(() => {
    mode = options;
  });

  it('an error of the row handler (a bug) comes through as it is, not as a problem of the file', async () => {
    const bug = new TypeError('a bug in the sink');
    const reading = readCsv(file('a,b\n1,2\n'), { ...defaults, ...mode }, { header: () => {}, rows: () => { throw bug; } });
    await expect(reading).rejects.toBe(bug);
  });

  it('reads a plain comma file with line numbers', async () => {
    const out = await read(file('a,b\n1,2\n3,4\n'));
    expect(out.header).toEqual(['a', 'b']);
    expect(out.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(out.lines).toEqual([2, 3]);
  });

  it('drops a UTF-8 byte-order mark, reads CRLF, trims header names', async () => {
    const out = await read(file('\uFEFF a ,b\r\n1,2\r\n'));
    expect(out.header).toEqual(['a', 'b']);
    expect(out.rows).toEqual([['1', '2']]);
  });

  it('keeps quoted commas, doubled quotes and newlines, and counts lines across them', async () => {
    const out = await read(file('a,b\n"x, y","say ""hi"""\n"line1\nline2",z\nlast,1\n'));
    expect(out.rows).toEqual([['x, y', 'say "hi"'], ['line1\nline2', 'z'], ['last', '1']]);
    expect(out.lines).toEqual([2, 3, 5]);
  });

  it('detects semicolon and tab delimiters, and honours a forced one', async () => {
    expect((await read(file('a;b\n1;2\n'))).rows).toEqual([['1', '2']]);
    expect((await read(file('a\tb\n1\t2\n'))).rows).toEqual([['1', '2']]);
    expect((await read(file('a;b\n1,5;2\n'), { delimiter: ';' })).rows).toEqual([['1,5', '2']]);
  });

  it('skips blank lines and needs no trailing newline', async () => {
    const out = await read(file('a,b\n\n1,2\n\n3,4'));
    expect(out.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(out.lines).toEqual([3, 5]);
  });

  it('reads a one-column file', async () => {
    expect((await read(file('a\n1\n2\n'))).rows).toEqual([['1'], ['2']]);
  });

  it('unpacks gzip-compressed input', async () => {
    expect((await read(file(gzipSync('a,b\n1,2\n')))).rows).toEqual([['1', '2']]);
  });

  it('decodes windows-1252 when asked', async () => {
    const out = await read(file(Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a])), { encoding: 'windows-1252' });
    expect(out.rows).toEqual([['café']]);
  });

  it('drops a UTF-8 byte-order mark also when asked for windows-1252 (a "CSV UTF-8" export read as 1252)', async () => {
    const out = await read(file(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62, 0x0a])), { encoding: 'windows-1252' });
    expect(out.header).toEqual(['a']);
    expect(out.rows).toEqual([['b']]);
  });

  it('a header only gives no rows', async () => {
    expect((await read(file('a,b\n'))).rows).toEqual([]);
  });
});

describe.each(modes)('readCsv errors (%s)', (_name, options) => {
  beforeEach(() => {
    mode = options;
  });

  it('a ragged row names file and line', async () => {
    const path = file('a,b\n1,2\n1,2,3\n');
    const error = await failure(read(path));
    expect(error.message).toBe('this row has 3 fields but the header has 2');
    expect(error.place).toEqual({ file: path, line: 3 });
    expect(error.exitCode).toBe(1);
  });

  it('an unclosed quote names the line where the field starts', async () => {
    const path = file('a,b\n1,2\n"open,2\n3,4\n');
    const error = await failure(read(path));
    expect(error.message).toMatch(/quoted field is never closed/);
    expect(error.place.line).toBe(3);
  });

  it('a duplicate column is an error on line 1', async () => {
    const error = await failure(read(file('a,b,a\n1,2,3\n')));
    expect(error.message).toMatch(/column "a" appears twice/);
    expect(error.place.line).toBe(1);
  });

  it('an empty file has no header', async () => {
    expect((await failure(read(file('')))).message).toMatch(/empty/);
    expect((await failure(read(file('\n\n')))).message).toMatch(/no header/);
  });

  it('invalid UTF-8 names the line and suggests an encoding', async () => {
    const error = await failure(read(file(Buffer.from('a\nok\ncaf\xe9\n', 'latin1'))));
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.place.line).toBe(3);
    expect(error.hint).toMatch(/--encoding windows-1252/);
  });

  it('invalid UTF-8 that looks well formed (a surrogate ED A0 80, an overlong E0 80 80) is on its own line too', async () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80]]) {
      const lines = Array.from({ length: 40 }, (_, i) => Buffer.from(`row${i}\n`));
      lines[4] = Buffer.concat([Buffer.from('x'), Buffer.from(bad), Buffer.from('\n')]);
      const error = await failure(read(file(Buffer.concat([Buffer.from('a\n'), ...lines]))));
      expect(error.place.line).toBe(6);
    }
  });

  it('lines end with a lone CR (old Mac files): the invalid byte is still on its line', async () => {
    const error = await failure(read(file(Buffer.from('a\rok\rcaf\xe9\r', 'latin1'))));
    expect(error.place.line).toBe(3);
  });

  it('binary data, a directory and a missing file are data errors', async () => {
    expect((await failure(read(file(Buffer.from([0x61, 0x00, 0x62]))))).message).toMatch(/binary/);
    expect((await failure(read(dir))).message).toMatch(/directory/);
    expect((await failure(read(join(dir, 'nope.csv')))).message).toBe('no such file');
  });

  it('several files must have the same columns (in any order)', async () => {
    const a = file('a,b\n1,2\n');
    const b = file('b,a\n3,4\n');
    const c = file('a,c\n5,6\n');
    const headers: string[][] = [];
    await readSources([a, b], defaults, { header: ({ columns: cols }) => headers.push(cols), rows: () => {} });
    expect(headers).toEqual([['a', 'b'], ['b', 'a']]);
    const error = await failure(readSources([a, c], defaults, { header: () => {}, rows: () => {} }));
    expect(error.message).toContain(`only ${a} has "b"; only ${c} has "c"`);
  });
});
