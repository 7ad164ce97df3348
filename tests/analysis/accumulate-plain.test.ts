// accumulate-plain.ts reads a small CSV without quotes by the WebAssembly scan; the report must
// be the one the usual reader gives (ReadOptions.plainScan false), figure for figure, and so
// must every error. Random files mix what the scan decides itself (labels, codes, missing
// values, padding, blank lines, CRLF/CR line ends, UTF-8) with what it must leave to the
// reader (ragged lines, Unicode blank lines, values that are not answers, quotes).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulatePlain } from '../../src/analysis/accumulate-plain.js';
import { analyze } from '../../src/analysis/analyze.js';
import { completeSettings, type SettingsInput } from '../../src/analysis/settings.js';
import type { AnalysisSettings } from '../../src/analysis/analyze.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';
import { SurveyError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'plain-'));
let files = 0;
const file = (content: string | Buffer): string => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  return path;
};

function codebook(raw: Record<string, unknown>): Codebook {
  const { codebook, problems } = validateCodebook(raw, 'test');
  if (!codebook) throw new Error(JSON.stringify(problems));
  return codebook;
}

const RAW = {
  id: 'rid',
  missing: ['', 'NA', '-99'],
  groups: ['site'],
  responseSets: {
    agree: { 'Strongly disagree': 1, Disagree: 2, Neutral: 3, Agree: 4, 'Strongly agree': 5 },
    tf: { True: 1, False: 0, "Don't know": 9 },
  },
  scales: [
    { id: 'att', label: 'Attitude', items: ['a1', 'a2', 'a3', 'a4'], responses: 'agree', range: [1, 5], reverse: ['a4'], score: 'mean', minAnswered: 3 },
    { id: 'know', label: 'Knowledge', items: ['k1', 'k2', 'k3'], responses: 'tf', key: { k1: 'True', k2: 'False', k3: 'True' }, score: 'sum' },
  ],
  prevalence: [
    { id: 'agrees', label: 'Agrees', column: 'a1', positive: [4, 5] },
    { id: 'seen', label: 'Seen', column: 'seen', positive: ['Yes'] },
  ],
};
const CODEBOOK = codebook(RAW);

const COLUMNS = ['rid', 'site', 'ward', 'seen', 'a1', 'a2', 'a3', 'a4', 'k1', 'k2', 'k3', 'note'];

const AGREE = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree', 'agree', ' Agree ', 'NEUTRAL', '1', '2', '3', '4', '5', '2.0', '', 'NA', '-99', ' '];
const TF = ['True', 'False', "Don't know", 'true', ' False', '1', '0', '9', '', 'NA'];
const SEEN = ['Yes', 'No', 'yes', ' No', '', 'NA', 'Maybe'];
const SITE = ['A', 'B', ' C', 'Zürich', '', 'NA', 'b'];
const WARD = ['w1', 'w2', 'w3', ' w1', ''];
const NOTE = ['', 'ok', 'café', 'x y', '—'];
/** What the scan must leave to the reader, or the reader refuses. */
const ODD_ITEM = ['7', 'Maybe', 'agree strongly', '0x3', '1e-13'];

const settingsArb = fc.record({
  missing: fc.constantFrom('listwise' as const, 'pairwise' as const),
  groups: fc.constantFrom('', 'site', 'site ward').map((g) => (g === '' ? [] : g.split(' '))),
  cluster: fc.constantFrom(null, 'ward'),
  lenient: fc.boolean(),
});

/** A file: the header, then rows of cells from the lists above, with line ends, blank lines and oddities. */
const fileArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  // Before the header: nothing, a blank line, Excel's sep= line; a quoted header cell (with a line break in it).
  before: fc.constantFrom('', '', '\n', 'sep='),
  quotedHeader: fc.boolean(),
  rows: fc.array(
    fc.record({
      site: fc.constantFrom(...SITE),
      ward: fc.constantFrom(...WARD),
      seen: fc.constantFrom(...SEEN),
      a: fc.array(fc.constantFrom(...AGREE), { minLength: 4, maxLength: 4 }),
      k: fc.array(fc.constantFrom(...TF), { minLength: 3, maxLength: 3 }),
      note: fc.constantFrom(...NOTE),
      id: fc.integer({ min: 1, max: 40 }),
      end: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
      // Mostly nothing; else a line before the row: empty, spaces, a Unicode space, a ragged row, a quote, a bad value.
      extra: fc.constantFrom(...Array<string>(30).fill('none'), 'empty', 'spaces', 'nbsp', 'ragged', 'quote', 'odd'),
      odd: fc.constantFrom(...ODD_ITEM),
    }),
    { minLength: 1, maxLength: 60 },
  ),
  lastEnd: fc.boolean(),
});

type FileCase = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function fileText(f: FileCase): string {
  const d = f.delimiter;
  const columns = f.quotedHeader ? [...COLUMNS.slice(0, -1), '"note"'] : COLUMNS;
  let text = (f.before === 'sep=' ? `sep=${d}\n` : f.before) + columns.join(d) + '\n';
  f.rows.forEach((r, i) => {
    const cells = [`r${r.id}`, r.site, r.ward, r.seen, ...r.a, ...r.k, r.note];
    if (r.extra === 'empty') text += r.end;
    if (r.extra === 'spaces') text += ' \t ' + r.end;
    if (r.extra === 'nbsp') text += '\u00a0 ' + r.end;
    if (r.extra === 'ragged') text += cells.slice(1).join(d) + r.end;
    if (r.extra === 'quote') cells[11] = '"quoted"';
    if (r.extra === 'odd') cells[5] = r.odd;
    text += cells.join(d) + (i < f.rows.length - 1 || f.lastEnd ? r.end : '');
  });
  return text;
}

/** The report, or the error (its message, exit status, place and hint) as plain data. */
async function outcome(path: string, settings: AnalysisSettings): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await analyze([path], CODEBOOK, settings)));
  } catch (error) {
    if (!(error instanceof SurveyError)) throw error;
    return { error: error.message, exitCode: error.exitCode, place: error.place, hint: error.hint };
  }
}

function bothWays(input: SettingsInput): { plain: AnalysisSettings; usual: AnalysisSettings } {
  const plain = completeSettings(CODEBOOK, input);
  return { plain, usual: { ...plain, read: { ...plain.read, plainScan: false } } };
}

describe('accumulatePlain', () => {
  it('gives the report and the errors of the usual reader on random files', async () => {
    let scanned = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, settingsArb, async (f, s) => {
        const text = fileText(f);
        const path = file(text);
        const both = bothWays({ ...s, bootstrap: { resamples: 100 } });
        const usual = both.usual;
        // Blocks of 1 to 5 rows (7 items; the size follows from the text): a file's rows fall into several.
        const plain = { ...both.plain, read: { ...both.plain.read, plainBlockValues: 1 + (text.length % 40) } };
        runs++;
        if (accumulatePlain(path, plain.read, CODEBOOK, plain) !== null) scanned++;
        expect(await outcome(path, plain)).toEqual(await outcome(path, usual));
      }),
      { numRuns: 250, seed: 20261202 },
    );
    // The comparison is not hollow: most files were read by the scan.
    expect(scanned / runs).toBeGreaterThan(0.3);
  });

  it('reads the bundled survey by the scan, with the usual report', async () => {
    const survey = join(__dirname, '../../fixtures/protect-survey.csv');
    const { builtinCodebook } = await import('../../src/codebook/builtin-codebook.js');
    const cb = builtinCodebook();
    const plain = completeSettings(cb);
    expect(accumulatePlain(survey, plain.read, cb, plain)?.acc.rows).toBe(782);
    const usual = { ...plain, read: { ...plain.read, plainScan: false } };
    expect(JSON.stringify(await analyze([survey], cb, plain))).toBe(JSON.stringify(await analyze([survey], cb, usual)));
  });

  it('leaves to the usual reader what it does not decide', () => {
    const { plain } = bothWays({ groups: ['site'] });
    const header = COLUMNS.join(',');
    const row = 'r1,A,w1,Yes,Agree,4,3,2,True,False,True,ok';
    const read = (content: string | Buffer, settings = plain): unknown => accumulatePlain(file(content), settings.read, CODEBOOK, settings);
    expect(read(`${header}\n${row}\n`)).not.toBeNull();
    expect(read(`\ufeff${header}\r\n${row}\r\n`), 'a byte-order mark').not.toBeNull();
    expect(read(`${header}\n${row.replace('ok', '"ok"')}\n`), 'a quote').toBeNull();
    expect(read(Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xff, 0x0a])])), 'not UTF-8').toBeNull();
    expect(read(gzipSync(`${header}\n${row}\n`)), 'gzip').toBeNull();
    expect(read(`\n${header}\n${row}\n`), 'the header on line 2').not.toBeNull();
    expect(read(`${header}\n`), 'no data row').toBeNull();
    expect(read(`${header}\n${row},extra\n`), 'a ragged row').toBeNull();
    expect(read(`${header}\n${row.replace('Agree', 'Maybe')}\n`), 'a value that is not an answer').toBeNull();
    expect(read(`${header}\n${row}\n\u3000\n${row}\n`), 'a line of Unicode space').toBeNull();
    expect(read(`${header}\n${row}\n`, { ...plain, read: { ...plain.read, plainScan: false } }), 'plainScan false').toBeNull();
    expect(read(`${header}\n${row}\n`, { ...plain, read: { ...plain.read, encoding: 'latin1' } }), 'another encoding').toBeNull();
    const filtered = codebook({ ...RAW, exclude: { site: ['A'] } });
    const f = completeSettings(filtered, { groups: ['site'] });
    expect(accumulatePlain(file(`${header}\n${row}\n`), f.read, filtered, f), 'a row filter').toBeNull();
  });

  it('reads the data lines of a platform export after its header rows, with the usual report', async () => {
    // SurveyMonkey's two header rows (quoted question texts); the data rows without quotes.
    const export_ = readFileSync(join(__dirname, '../platforms/surveymonkey/surveymonkey.csv'), 'utf8').split('\r\n');
    const lines = [...export_.slice(0, 2), ...export_.slice(2).filter((line) => !line.includes('"'))];
    expect(lines.length).toBeGreaterThan(20);
    const path = file(lines.join('\r\n'));
    const codebookFile = join(__dirname, '../platforms/surveymonkey/codebook-export.yaml');
    const { parseCodebook, readCodebookText } = await import('../../src/codebook/load-codebook.js');
    const cb = parseCodebook(readCodebookText(codebookFile), codebookFile).codebook!;
    const plain = completeSettings(cb);
    const read = accumulatePlain(path, plain.read, cb, plain);
    expect(read?.acc.rows).toBe(lines.length - 2 - (lines.at(-1) === '' ? 1 : 0));
    const usual = { ...plain, read: { ...plain.read, plainScan: false } };
    expect(JSON.stringify(await analyze([path], cb, plain))).toBe(JSON.stringify(await analyze([path], cb, usual)));
  });

  it('leaves a column of more distinct cells than its table holds to the usual reader, with the same report', async () => {
    const cb = codebook({ scales: [{ id: 'x', label: 'X', items: ['x1', 'x2'], range: [0, 1e6] }] });
    const lines = ['x1,x2'];
    for (let i = 0; i < 17000; i++) lines.push(`${i},${(i * 7) % 1000}`);
    const path = file(lines.join('\n'));
    const plain = completeSettings(cb);
    expect(accumulatePlain(path, plain.read, cb, plain)).toBeNull();
    const usual = { ...plain, read: { ...plain.read, plainScan: false } };
    expect(JSON.stringify(await analyze([path], cb, plain))).toBe(JSON.stringify(await analyze([path], cb, usual)));
  });
});
