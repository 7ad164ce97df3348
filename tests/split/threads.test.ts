/**
 * The split really runs on two threads: with `threads: 2` the library starts one worker thread on
 * dist/range-worker.cjs, which posts its range's result (`done`); the report is identical to the
 * one-thread split's and agrees with one pass. Observed without any hook in src/: the bundle
 * calls `new (require('node:worker_threads').Worker)(...)`, and split-helpers.ts puts a
 * subclass there that records each worker and the kinds of the messages it posts.
 *
 * Also: threads 1 starts no worker; the default (no `threads`) starts one on 2 or more cores; a
 * range-2 error makes the worker post `failed` and the run fall back; and the progress callback
 * ends on the rows analysed and is never called after `analyze` settles.
 */
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCsv,
  checkModes,
  lib,
  parsedCodebook,
  randomShape,
  randomSurvey,
  run,
  runModes,
  seeded,
  SURVEY_COLUMNS,
  surveyCodebook,
  tempDir,
  workers,
} from './split-helpers.js';

const temp = tempDir('split-threads-');
afterAll(() => temp.remove());

const random = seeded(777);
const shape = randomShape(random, { invalid: 0, minBytes: 120_000, delimiter: ',', eol: 'lf', filters: true, duplicateIds: true });
const survey = randomSurvey(random, shape);
const codebook = parsedCodebook(surveyCodebook(shape));
const built = buildCsv([SURVEY_COLUMNS], survey.rows, { delimiter: ',', eol: () => '\n' });
const file = temp.file('threads.csv', built.text);
const n = survey.rows.length;
/** At a record boundary (the split holds), and on a line break inside a quoted comment (it falls back). */
const atRecord = built.records[Math.floor(n / 2)].start - 1;
const atQuoted = built.quotedBreaks.find((b) => b > built.records[Math.floor(n / 3)].start);

describe('the second range runs in a worker thread', () => {
  it('threads 2: one worker on dist/range-worker.cjs, which posts its result; the report is the one-thread report', async () => {
    const before = workers.length;
    const m = await runModes(file, { codebook, missing: 'pairwise', groups: ['site', 'role'] }, atRecord);
    checkModes(m, 'threads');
    expect(m.workersStarted).toBe(1);
    const worker = workers[before];
    expect(worker.script).toMatch(/[\\/]dist[\\/]range-worker\.cjs$/);
    expect(worker.messages).toContain('done');
    expect(worker.messages).not.toContain('failed');
    expect(m.held).toBe(true);
    expect(m.two.report!.input.rows).toBe(m.pass.report!.input.rows);
    // Only the two-thread run started a worker: threads 1 and one pass did not.
    expect(workers.length - before).toBe(1);
  });

  it('threads 1 starts no worker', async () => {
    const before = workers.length;
    const one = await run(file, { codebook, split: { minBytes: 0, threads: 1, at: atRecord } });
    expect(one.error).toBeNull();
    expect(workers.length).toBe(before);
  });

  it.skipIf(availableParallelism() < 2)('the default (no threads given) starts a worker on 2 or more cores', async () => {
    const before = workers.length;
    const two = await run(file, { codebook, split: { minBytes: 0, at: atRecord } });
    const pass = await run(file, { codebook, split: { minBytes: Infinity } });
    expect(two.error).toBeNull();
    expect(workers.length - before).toBe(1);
    expect(workers[before].messages).toContain('done');
    expect(two.report!.input).toEqual(pass.report!.input);
  });

  it('a cut inside a quoted field that reads as whole records: the worker ran, its result is discarded, the report is one pass\'s', async () => {
    // A comment that quotes a dozen lines of the file itself: after any line break inside it the
    // text reads as whole records of the header's width, so the library cuts there; only the end
    // of range 1 (inside the quotes) shows that it was no record boundary.
    const rows = survey.rows.map((row) => [...row]);
    const r = Math.floor(n / 2);
    const pasted = Array.from({ length: 12 }, (_, i) => rows[i].map((f) => f.replace(/[",\r\n]/g, ' ')).join(',')).join('\n');
    rows[r][SURVEY_COLUMNS.indexOf('comment')] = `pasted:\n${pasted}\nend`;
    const b = buildCsv([SURVEY_COLUMNS], rows, { delimiter: ',', eol: () => '\n' });
    const pastedFile = temp.file('threads-pasted.csv', b.text);
    const at = b.records[r].start + 5;
    const m = await runModes(pastedFile, { codebook }, at);
    checkModes(m, 'inside quotes');
    expect(m.workersStarted).toBe(1);
    expect(m.held).toBe(false);
    expect(JSON.stringify(m.two.report)).toBe(JSON.stringify(m.pass.report));
    // The abandoned worker's progress must not reach the callback after the one-pass read's.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(m.two.lateProgress).toBe(0);
    expect(m.two.progress[m.two.progress.length - 1][0]).toBe(m.pass.report!.input.rows);
  });

  it('a cut inside an ordinary quoted comment: a later record start is found, and the split holds', async () => {
    expect(atQuoted).toBeDefined();
    const m = await runModes(file, { codebook }, atQuoted!);
    checkModes(m, 'inside an ordinary comment');
    expect(m.workersStarted).toBe(1);
    expect(m.held).toBe(true);
  });

  it('an error in range 2: the worker posts failed, and the error is one pass\'s', async () => {
    const rows = survey.rows.map((row) => [...row]);
    const r = Math.floor((3 * n) / 4);
    rows[r][SURVEY_COLUMNS.indexOf('pk1')] = '42';
    rows[r][SURVEY_COLUMNS.indexOf('status')] = 'live';
    rows[r][SURVEY_COLUMNS.indexOf('consent')] = 'yes';
    const b = buildCsv([SURVEY_COLUMNS], rows, { delimiter: ',', eol: () => '\n' });
    const bad = temp.file('threads-bad.csv', b.text);
    const before = workers.length;
    const m = await runModes(bad, { codebook }, b.records[Math.floor(n / 2)].start - 1);
    expect(m.workersStarted).toBe(1);
    expect(workers[before].messages).toContain('failed');
    expect(m.pass.error?.place).toMatchObject({ file: bad, line: b.records[r].line, column: 'pk1' });
    expect(m.two.error).toEqual(m.pass.error);
    expect(m.one.error).toEqual(m.pass.error);
  });
});

describe('progress of a split read', () => {
  it('an abandoned worker\'s progress: never backwards, never after analyze settles (range 1 fails while the worker has read its range)', async () => {
    // A bad value on line 12 (range 1): the analysis fails there, having read 10 rows. The main
    // thread is kept busy for a moment right after the call (as under load), so that the worker
    // has read its whole range and posted its progress before range 1 fails. Progress shows
    // the rows both threads have read (the worker's too), then the one pass that reports the
    // error starts again from row 1: that pass is shown only once it is past the split's rows,
    // so the rows shown never go back, and nothing is reported after analyze settles.
    const rows = survey.rows.slice(0, 400).map((row) => [...row]);
    rows.forEach((row) => {
      row[SURVEY_COLUMNS.indexOf('status')] = 'live';
      row[SURVEY_COLUMNS.indexOf('consent')] = 'yes';
    });
    rows[10][SURVEY_COLUMNS.indexOf('pk1')] = '42';
    const b = buildCsv([SURVEY_COLUMNS], rows, { delimiter: ',', eol: () => '\n' });
    const small = temp.file('threads-abandoned.csv', b.text);
    const calls: { rows: number; settled: boolean }[] = [];
    let settled = false;
    const before = workers.length;
    const analysis = lib.analyze(small, { codebook, read: { delimiter: ',' }, split: { minBytes: 0, threads: 2 }, onProgress: (r) => calls.push({ rows: r, settled }) });
    const until = Date.now() + 500;
    while (Date.now() < until) {
      // busy: the worker starts, reads and posts meanwhile
    }
    await expect(analysis).rejects.toThrow(/42/);
    settled = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers.length - before).toBe(1);
    expect(workers[before].messages, 'the worker did post its progress first').toContain('progress');
    expect(calls.every((c, i) => i === 0 || c.rows >= calls[i - 1].rows), `rows shown go back: ${calls.map((c) => c.rows).join(', ')}`).toBe(true);
    expect(calls.filter((c) => c.settled), 'progress calls after analyze settled').toEqual([]);
  });

  it('ends on the rows analysed, in every mode, and stops when analyze settles', async () => {
    const m = await runModes(file, { codebook }, atRecord);
    expect(m.held).toBe(true);
    const rows = m.pass.report!.input.rows;
    const last = (o: typeof m.two): number => o.progress[o.progress.length - 1]?.[0] ?? -1;
    expect(last(m.pass), 'one pass').toBe(rows);
    expect(last(m.two), 'threads 2').toBe(rows);
    expect(last(m.one), 'threads 1: the second range\'s rows must be reported too').toBe(rows);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const o of [m.two, m.one, m.pass]) expect(o.lateProgress).toBe(0);
  });
});
