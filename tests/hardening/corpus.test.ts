/**
 * The corpus of bad (and awkward but valid) inputs: every case runs the built CLI and states
 * its exit status and the message, which must say what is wrong and where (file and line,
 * column, codebook path, option). Small inputs live in tests/hardening/corpus/; large ones
 * (1000 columns, a 1 MB field) are generated here at run time.
 *
 * Every case also checks what holds for all of them: no stack trace without --debug, at most a
 * few lines on stderr, nothing on stdout when the run fails, and no NaN or Infinity on stdout
 * when it succeeds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { ROOT, runCli, type CliResult } from '../cli/run-cli.js';

/** Corpus paths are relative to the repository root (the CLI's working directory in tests). */
const C = 'tests/hardening/corpus';
const CB = `${C}/codebook.yaml`;
const FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown', 'latex', 'html'];
const NAN = /\bNaN\b|Infinity/;
const STACK = /^\s+at .+\d+:\d+\)?$/m;

let generated = '';
const gen = (name: string): string => join(generated, name);

interface Case {
  name: string;
  /** Arguments of the CLI; a function when they name a generated file. */
  args: string[] | (() => string[]);
  input?: string | Buffer;
  status: 0 | 1 | 2;
  /** The whole of stderr (a string) or a pattern it must match. */
  stderr: string | RegExp;
  /** stdout of a failing run is empty unless the command's result is a list of problems. */
  stdout?: RegExp;
  /** stderr is a listing (the usage, a codebook's problems), not a few-line error. */
  listing?: true;
  check?: (result: CliResult) => void;
}

const json = (result: CliResult): Report => JSON.parse(result.stdout) as Report;

/** The report of the valid corpus file, for cases that must read the same data in another form. */
let reference: Report;
const sameFigures = (result: CliResult): void => {
  const report = json(result);
  expect(report.input.rows).toBe(reference.input.rows);
  expect(report.scales).toEqual(reference.scales);
  expect(report.prevalence).toEqual(reference.prevalence);
};

/** Every output format of the same arguments: status 0 and no NaN or Infinity anywhere. */
const noNanInAnyFormat = (args: string[]) => (): void => {
  for (const format of FORMATS) {
    const result = runCli([...args, '--format', format]);
    expect(result.status, format).toBe(0);
    expect(result.stdout, format).not.toMatch(NAN);
  }
};

const commander = (text: string): string => `survey-analyze: error: ${text}\n(run with --help for usage)\n`;
const fixHint = '  hint: correct the value, add it to the codebook, or use --lenient to count such values as missing\n';

const CASES: Case[] = [
  // ---------- files that are not CSV text ----------
  { name: 'empty file', args: [`${C}/empty.csv`, '-c', CB], status: 1, stderr: `survey-analyze: ${C}/empty.csv: the file is empty: no header row\n` },
  { name: 'only blank lines', args: [`${C}/blank-lines.csv`, '-c', CB], status: 1, stderr: `survey-analyze: ${C}/blank-lines.csv: the file has no header row\n` },
  {
    name: 'an .xlsx cut short (its zip directory lost)',
    args: [`${C}/spreadsheet.xlsx`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/spreadsheet.xlsx: the file is a damaged ZIP (xlsx) archive: its table of contents is missing or cut short\n  hint: the file may be incomplete (an interrupted download or copy): download or export it again, or open it in Excel or LibreOffice and save it again\n`,
  },
  {
    name: 'UTF-16 text (a "Unicode text" export) is read as the same rows as its UTF-8 form',
    args: [`${C}/utf-16.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^(warning: .*\n)*$/,
    check: (result) => {
      const utf8 = gen('utf-8.csv');
      writeFileSync(utf8, readFileSync(`${ROOT}${C}/utf-16.csv`).toString('utf16le').replace(/^\uFEFF/, ''));
      const same = runCli([utf8, '-c', CB, '--format', 'json']);
      expect(same.status).toBe(0);
      expect(json(result).scales).toEqual(json(same).scales);
      expect(json(result).input.rows).toBe(json(same).input.rows);
    },
  },
  {
    name: 'gzip data that is valid is read transparently',
    args: [`${C}/valid.csv.gz`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: scale "att": has 3 items: .*\nwarning: scale "know": has 2 items/,
    check: sameFigures,
  },
  {
    name: 'gzip data that is truncated fails cleanly',
    args: [`${C}/truncated.csv.gz`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/truncated.csv.gz: the file looks gzip-compressed but could not be decompressed (unexpected end of file)\n  hint: check that the download or copy of the file is complete\n`,
  },
  { name: 'a directory', args: [C, '-c', CB], status: 1, stderr: `survey-analyze: ${C}: is a directory, not a CSV file\n` },
  { name: 'a missing file', args: [`${C}/no-such.csv`, '-c', CB], status: 1, stderr: `survey-analyze: ${C}/no-such.csv: no such file\n` },
  {
    name: 'invalid UTF-8 names the line and offers windows-1252',
    args: [`${C}/windows-1252.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/windows-1252.csv:4: the file is not valid UTF-8 text\n  hint: if it was exported from a spreadsheet, try --encoding windows-1252 (or latin1)\n`,
  },
  {
    name: 'the same file with --encoding windows-1252 works',
    args: [`${C}/windows-1252.csv`, '-c', CB, '--encoding', 'windows-1252', '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: (result) => {
      const groups = json(result).prevalence.map((p) => p.group?.value);
      expect(groups).toContain('Urgences pédiatriques');
    },
  },
  {
    name: 'the same file with --encoding latin1 works',
    args: [`${C}/windows-1252.csv`, '-c', CB, '--encoding', 'latin1', '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: (result) => expect(json(result).prevalence.map((p) => p.group?.value)).toContain('Urgences pédiatriques'),
  },

  // ---------- CSV structure ----------
  {
    name: 'unclosed quote names the line where the field starts',
    args: [`${C}/unclosed-quote.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/unclosed-quote.csv:3: column "ward": a quoted field is never closed\n  hint: a value that contains a double quote must be written as "" inside quotes\n`,
  },
  {
    name: 'ragged row, too few fields',
    args: [`${C}/ragged-short.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/ragged-short.csv:4: this row has 7 fields but the header has 8\n  hint: check for an unquoted delimiter inside a value, or a missing field\n`,
  },
  {
    name: 'ragged row, too many fields',
    args: [`${C}/ragged-long.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/ragged-long.csv:3: this row has 9 fields but the header has 8\n  hint: check for an unquoted delimiter inside a value, or a missing field\n`,
  },
  {
    name: 'ragged row after a quoted field with a newline: the line counts it',
    args: [`${C}/multiline-then-ragged.csv`, '-c', CB],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/multiline-then-ragged.csv:4: this row has 7 fields but the header has 8\n`),
  },
  {
    name: 'duplicate column',
    args: [`${C}/duplicate-column.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/duplicate-column.csv:1: column "q1" appears twice in the header (fields 4 and 6)\n  hint: rename one of them\n`,
  },
  {
    name: 'missing column',
    args: [`${C}/missing-column.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/missing-column.csv:1: a column is not in the file: "q2" (codebook scales[0].items[1])\n  hint: the header has: "id", "ward", "seen", "q1", "q3", "k1", "k2"\n`,
  },
  {
    name: 'several files with different columns',
    args: [`${C}/valid.csv`, `${C}/other-columns.csv`, '-c', CB],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/other-columns.csv:1: the files .* have different columns: only ${C}/valid.csv has "k2"; only ${C}/other-columns.csv has "extra"\n`),
  },
  {
    name: 'no trailing newline',
    args: [`${C}/no-trailing-newline.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: sameFigures,
  },
  { name: 'CRLF line ends', args: [`${C}/crlf.csv`, '-c', CB, '--format', 'json'], status: 0, stderr: /^warning: /, check: sameFigures },
  { name: 'a semicolon file', args: [`${C}/semicolon.csv`, '-c', CB, '--format', 'json'], status: 0, stderr: /^warning: /, check: sameFigures },
  {
    name: "Excel's sep=; line before the header (semicolons, CRLF)",
    args: [`${C}/excel-sep-line.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: sameFigures,
  },
  {
    name: 'a 1000-column file',
    args: () => [gen('wide.csv'), '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: (result) => expect(json(result).input.rows).toBe(50),
  },
  {
    name: 'a 1 MB field (quoted, with commas, quotes and newlines)',
    args: () => [gen('big-field.csv'), '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: /,
    check: sameFigures,
  },
  {
    name: 'a ragged row after a 1 MB field of 1000 lines: the line number counts them',
    args: () => [gen('big-field-ragged.csv'), '-c', CB],
    status: 1,
    stderr: new RegExp(`:1004: this row has 7 fields but the header has 8\n`),
  },

  // ---------- values that do not fit the codebook ----------
  {
    name: 'out-of-range code (a scale with labels)',
    args: [`${C}/out-of-range.csv`, '-c', CB],
    status: 1,
    stderr: `survey-analyze: ${C}/out-of-range.csv:4: column "q2": "7" is not an answer of scale "att"; expected "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree" or a number in [1, 5]\n${fixHint}`,
  },
  {
    name: 'out-of-range code (a numeric scale)',
    args: [`${C}/numeric-out-of-range.csv`, '-c', `${C}/numeric.yaml`],
    status: 1,
    stderr: `survey-analyze: ${C}/numeric-out-of-range.csv:3: column "r2": 11 is outside the range [0, 10] of scale "rating"\n${fixHint}`,
  },
  {
    name: 'unknown label',
    args: [`${C}/unknown-label.csv`, '-c', CB],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/unknown-label.csv:3: column "q1": "Agre" is not an answer of scale "att"; expected "Strongly disagree",`),
  },
  {
    name: 'a hexadecimal number is not a code',
    args: [`${C}/hex-code.csv`, '-c', CB],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/hex-code.csv:2: column "q2": "0x3" is not an answer of scale "att"`),
  },
  {
    name: 'out-of-range code with --lenient: counted as missing, with a warning',
    args: [`${C}/out-of-range.csv`, '-c', CB, '--lenient', '--format', 'json'],
    status: 0,
    stderr: new RegExp(`^warning: column "q2": 1 value out of range or unknown counted as missing \\(--lenient\\); the first, "7", at ${C}/out-of-range.csv:4$`, 'm'),
    check: (result) => expect(json(result).scales[0].n).toBe(3),
  },

  // ---------- codebooks ----------
  {
    name: 'codebook YAML syntax error',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-syntax.yaml`],
    status: 2,
    stderr: `survey-analyze: ${C}/codebook-syntax.yaml:5: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
  },
  {
    name: 'codebook JSON syntax error',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-syntax.json`],
    status: 2,
    stderr: `survey-analyze: ${C}/codebook-syntax.json:7: syntax error: Flow map must end with a }\n`,
  },
  {
    name: 'codebook schema errors (YAML): every problem with its line and path',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-schema.yaml`],
    status: 2,
    stderr: [
      `survey-analyze: ${C}/codebook-schema.yaml: the codebook has 4 problems:`,
      `  ${C}/codebook-schema.yaml:5: scales[0].range: must be [min, max] with two numbers, min < max, not [5,1]`,
      `  ${C}/codebook-schema.yaml:6: scales[0].reverse[0]: "q4" is not an item of scale "att"`,
      `  ${C}/codebook-schema.yaml:7: scales[0].score: must be "mean" or "sum", not string "median"`,
      `  ${C}/codebook-schema.yaml:9: prevalence[0].positive: a prevalence entry needs "positive": a list of the values that count as positive`,
      '',
    ].join('\n'),
  },
  {
    name: 'codebook schema errors (JSON)',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-schema.json`],
    status: 2,
    stderr: [
      `survey-analyze: ${C}/codebook-schema.json: the codebook has 4 problems:`,
      `  ${C}/codebook-schema.json:3: scales[0].responses: no response set named "agree7" (responseSets is empty)`,
      `  ${C}/codebook-schema.json:4: scales[1].minAnswered: is 2 but the scale has only 1 items`,
      `  ${C}/codebook-schema.json:6: groups: must be a list of column names, not string "ward"`,
      `  ${C}/codebook-schema.json:4: scales[1].id: id "att" is used twice in scales`,
      '',
    ].join('\n'),
  },
  {
    name: 'codebook check lists the problems on stderr, then how many',
    args: ['codebook', 'check', `${C}/codebook-schema.yaml`],
    status: 2,
    listing: true,
    stderr: new RegExp(`^${C}/codebook-schema.yaml:5: scales\\[0\\].range: .*\n(.*\n){3}survey-analyze: ${C}/codebook-schema.yaml: the codebook has 4 problems \\(listed above\\)\n$`),
  },
  {
    name: 'codebook alias without its anchor',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-alias.yaml`],
    status: 2,
    stderr: `survey-analyze: ${C}/codebook-alias.yaml:4: syntax error: Unresolved alias (the anchor must be set before the alias): items\n`,
  },
  {
    name: 'codebook aliases that expand without bound',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-aliases-bomb.yaml`],
    status: 2,
    stderr: `survey-analyze: ${C}/codebook-aliases-bomb.yaml:3: syntax error: Excessive alias count indicates a resource exhaustion attack\n`,
  },
  { name: 'empty codebook', args: [`${C}/valid.csv`, '-c', `${C}/codebook-empty.yaml`], status: 2, stderr: `survey-analyze: ${C}/codebook-empty.yaml: the codebook file is empty\n` },
  {
    name: 'codebook that is not UTF-8',
    args: [`${C}/valid.csv`, '-c', `${C}/codebook-latin1.yaml`],
    status: 2,
    stderr: `survey-analyze: ${C}/codebook-latin1.yaml:1: the codebook is not valid UTF-8 text\n  hint: save it as UTF-8 (JSON and YAML files are UTF-8)\n`,
  },
  {
    name: 'missing codebook',
    args: [`${C}/valid.csv`, '-c', `${C}/no-such.yaml`],
    status: 2,
    stderr: `survey-analyze: ${C}/no-such.yaml: no such file\n  hint: the codebook is given with --codebook <file.json|file.yaml>\n`,
  },
  {
    name: 'codebook that is a directory',
    args: [`${C}/valid.csv`, '-c', C],
    status: 2,
    stderr: `survey-analyze: ${C}: is a directory, not a codebook file\n  hint: the codebook is given with --codebook <file.json|file.yaml>\n`,
  },

  // ---------- options ----------
  {
    name: '--conf-level 1.5',
    args: [`${C}/valid.csv`, '-c', CB, '--conf-level', '1.5'],
    status: 2,
    stderr: commander("option '--conf-level <p>' argument '1.5' is invalid. give a number between 0 and 1, such as 0.95"),
  },
  {
    name: '--format pdf',
    args: [`${C}/valid.csv`, '-c', CB, '--format', 'pdf'],
    status: 2,
    stderr: commander("option '-f, --format <fmt>' argument 'pdf' is invalid. Allowed choices are table, json, csv, tsv, markdown, latex, html, docx."),
  },
  {
    name: '--bootstrap abc',
    args: [`${C}/valid.csv`, '-c', CB, '--bootstrap', 'abc'],
    status: 2,
    stderr: commander("option '--bootstrap <n>' argument 'abc' is invalid. give a whole number from 10 to 1000000"),
  },
  { name: 'an unknown option', args: [`${C}/valid.csv`, '--bogus'], status: 2, stderr: commander("unknown option '--bogus'") },
  {
    name: 'an unknown encoding',
    args: [`${C}/valid.csv`, '--encoding', 'utf-16'],
    status: 2,
    stderr: commander("option '--encoding <name>' argument 'utf-16' is invalid. Allowed choices are utf-8, latin1, windows-1252."),
  },
  {
    name: 'a delimiter of two characters',
    args: [`${C}/valid.csv`, '--delimiter', 'ab'],
    status: 2,
    stderr: commander("option '--delimiter <char>' argument 'ab' is invalid. give one character, or comma, semicolon, tab or pipe"),
  },
  {
    name: '--by a column that does not exist',
    args: [`${C}/valid.csv`, '-c', CB, '--by', 'nowhere'],
    status: 2,
    stderr: `survey-analyze: ${C}/valid.csv:1: a column is not in the file: "nowhere" (--by)\n  hint: the header has: "id", "ward", "seen", "q1", "q2", "q3", "k1", "k2"\n`,
  },
  {
    name: '--cluster a column that does not exist',
    args: [`${C}/valid.csv`, '-c', CB, '--cluster', 'site'],
    status: 2,
    stderr: `survey-analyze: ${C}/valid.csv:1: a column is not in the file: "site" (--cluster)\n  hint: the header has: "id", "ward", "seen", "q1", "q2", "q3", "k1", "k2"\n`,
  },
  { name: 'no file at all: the usage, on stderr', args: [], status: 2, listing: true, stderr: /^Usage: survey-analyze \[analyze\] \[options\] <file\.\.\.>/ },

  // ---------- standard input ----------
  {
    name: '- twice',
    args: ['-', '-', '-c', CB],
    input: '',
    status: 2,
    stderr: 'survey-analyze: <file...>: standard input (-) can be read only once\n  hint: give - once; other inputs are file paths\n',
  },
  { name: 'stdin empty', args: ['-', '-c', CB], input: '', status: 1, stderr: 'survey-analyze: <stdin>: standard input is empty: no header row\n' },
  { name: 'scores: stdin empty', args: ['scores', '-', '-c', CB], input: '', status: 1, stderr: 'survey-analyze: <stdin>: standard input is empty: no header row\n' },
  {
    name: 'the same file twice',
    args: [`${C}/valid.csv`, `./${C}/valid.csv`, '-c', CB],
    status: 2,
    stderr: `survey-analyze: ./${C}/valid.csv: the same file is given twice (also as ${C}/valid.csv); its rows would be counted twice\n`,
  },

  // ---------- data the statistics cannot use: null and a warning, never NaN ----------
  {
    name: 'header only: nothing to analyse is an error, not an empty report',
    args: [`${C}/header-only.csv`, '-c', CB, '--format', 'json'],
    status: 1,
    stderr: `survey-analyze: ${C}/header-only.csv: the file has a header but no data rows: there is nothing to analyse\n`,
  },
  {
    name: 'constant data: alpha null with a warning, in every format',
    args: [`${C}/constant.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: scale "att": the total score has no variance; alpha and the figures that divide by it are null$/m,
    check: (result) => {
      const report = json(result);
      expect(report.scales.map((s) => s.alpha)).toEqual([null, null]);
      expect(report.scales[0].alphaCI).toMatchObject({ lower: null, upper: null });
      expect(report.warnings.map((w) => w.code)).toContain('zero-variance-scale');
      noNanInAnyFormat([`${C}/constant.csv`, '-c', CB])();
    },
  },
  {
    name: 'a zero-variance item: its correlations null with a warning, in every format',
    args: [`${C}/zero-variance-item.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: scale "att": item "q2" has the same answer from all 4 respondents/m,
    check: (result) => {
      const q2 = json(result).scales[0].items.find((i) => i.id === 'q2')!;
      expect(q2.itemTotalR).toBeNull();
      expect(q2.sd).toBe(0);
      noNanInAnyFormat([`${C}/zero-variance-item.csv`, '-c', CB])();
    },
  },
  {
    name: 'a group with no valid answers',
    args: [`${C}/group-without-answers.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: prevalence "seen" \(ward = "C"\): no answers, so no proportion or interval$/m,
    check: (result) => {
      const c = json(result).prevalence.find((p) => p.group?.value === 'C')!;
      expect(c).toMatchObject({ count: 0, n: 0, proportion: null, ci: { lower: null, upper: null } });
      noNanInAnyFormat([`${C}/group-without-answers.csv`, '-c', CB])();
    },
  },
  {
    name: 'a scale of one item',
    args: [`${C}/valid.csv`, '-c', `${C}/one-item.yaml`, '--format', 'json'],
    status: 0,
    stderr: 'warning: scale "single": has 1 item; alpha and the item-total figures need at least 2 items (null)\n',
    check: (result) => {
      expect(json(result).scales[0]).toMatchObject({ k: 1, alpha: null, n: 8 });
      noNanInAnyFormat([`${C}/valid.csv`, '-c', `${C}/one-item.yaml`])();
    },
  },
  {
    name: 'a file with only missing values',
    args: [`${C}/only-missing.csv`, '-c', CB, '--format', 'json'],
    status: 0,
    stderr: /^warning: scale "att": 0 respondent\(s\) answered every item; the reliability figures need at least 2 \(null\)$/m,
    check: (result) => {
      const report = json(result);
      expect(report.input.rows).toBe(3);
      expect(report.scales.map((s) => s.n)).toEqual([0, 0]);
      expect(report.prevalence[0]).toMatchObject({ n: 0, proportion: null });
      noNanInAnyFormat([`${C}/only-missing.csv`, '-c', CB])();
    },
  },
  {
    name: 'scores of a file with only missing values: empty scores',
    args: ['scores', `${C}/only-missing.csv`, '-c', CB],
    status: 0,
    stderr: '',
    check: (result) => expect(result.stdout).toBe('ward,att,know\n,,\n,,\n,,\n'),
  },
  {
    name: 'scores: a ragged row fails the same way',
    args: ['scores', `${C}/ragged-short.csv`, '-c', CB],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/ragged-short.csv:4: this row has 7 fields but the header has 8\n`),
    stdout: /^(ward,att,know\n)?(.*\n)*$/,
  },
  {
    name: 'codebook init on binary data',
    args: ['codebook', 'init', `${C}/spreadsheet.xlsx`],
    status: 1,
    stderr: new RegExp(`^survey-analyze: ${C}/spreadsheet.xlsx: the file is a damaged ZIP \\(xlsx\\) archive`),
  },
];

beforeAll(() => {
  generated = mkdtempSync(join(tmpdir(), 'hardening-corpus-'));
  const valid = runCli([`${C}/valid.csv`, '-c', CB, '--format', 'json']);
  expect(valid.status).toBe(0);
  reference = json(valid);
  writeGenerated();
});
afterAll(() => rmSync(generated, { recursive: true, force: true }));

/** The large cases: a 1000-column file and a 1 MB field, written at run time. */
function writeGenerated(): void {
  const columns = ['id', 'ward', 'seen', 'q1', 'q2', 'q3', 'k1', 'k2', ...Array.from({ length: 992 }, (_, i) => `x${i + 1}`)];
  const labels = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const rows = Array.from({ length: 50 }, (_, r) => {
    const base = [String(r + 1), r % 2 ? 'A' : 'B', r % 3 ? 'No' : 'Yes', labels[r % 5], labels[(r * 2) % 5], labels[(r * 3 + 1) % 5], r % 4 ? 'True' : 'False', r % 3 ? 'False' : 'True'];
    return [...base, ...Array.from({ length: 992 }, (_, i) => String((r * 7 + i) % 10))].join(',');
  });
  writeFileSync(gen('wide.csv'), [columns.join(','), ...rows].join('\n') + '\n');

  // 1 MB in the id of the first respondent: commas, doubled quotes and 1000 newlines inside quotes.
  const line = 'x'.repeat(1000) + ',""quoted""';
  const field = `"${Array.from({ length: 1000 }, () => line).join('\n')}"`;
  const valid = `${[
    'id,ward,seen,q1,q2,q3,k1,k2',
    '1,A,Yes,Agree,Strongly agree,Disagree,True,False',
    '2,A,No,Disagree,Neutral,Agree,False,False',
    '3,B,No,Neutral,Agree,Neutral,True,True',
    '4,B,Yes,Strongly agree,Agree,Strongly disagree,True,False',
    "5,A,No,Disagree,Disagree,Strongly agree,Don't know,True",
    '6,B,No,Agree,Neutral,Disagree,True,False',
    '7,A,Yes,Strongly disagree,Disagree,Agree,False,True',
    "8,B,No,Neutral,Neutral,Neutral,True,Don't know",
  ].join('\n')}\n`;
  const withField = valid.replace('\n1,A,', `\n${field},A,`);
  expect(field.length).toBeGreaterThan(1_000_000);
  writeFileSync(gen('big-field.csv'), withField);
  // Header (line 1), the field's row (lines 2-1001), rows 2-3 (lines 1002-1003), then a ragged row on line 1004.
  writeFileSync(gen('big-field-ragged.csv'), withField.replace('\n4,B,Yes,Strongly agree,Agree,Strongly disagree,True,False', '\n4,B,Yes,Strongly agree,Agree,Strongly disagree,True'));
}

describe('the corpus of bad inputs', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const args = typeof c.args === 'function' ? c.args() : c.args;
    const result = runCli(args, { input: c.input });
    expect(result.status, result.stderr).toBe(c.status);
    if (typeof c.stderr === 'string') expect(result.stderr).toBe(c.stderr);
    else expect(result.stderr).toMatch(c.stderr);
    expect(result.stderr).not.toMatch(STACK);
    if (c.status === 0) {
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout).not.toMatch(NAN);
    } else {
      if (c.stdout) expect(result.stdout).toMatch(c.stdout);
      else expect(result.stdout).toBe('');
      if (!c.listing) {
        expect(result.stderr.startsWith('survey-analyze: ')).toBe(true);
        // One line (plus a hint), or a codebook's list of problems.
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines.length).toBeLessThanOrEqual(/the codebook has \d+ problems:/.test(lines[0]) ? 22 : 3);
      }
    }
    c.check?.(result);
  });
});

describe('standard input that arrives in pieces', () => {
  /** The CLI on `-`, its input written piece by piece with a pause between (a slow pipe). */
  async function piecewise(args: string[], pieces: string[]): Promise<CliResult> {
    const child = spawn(process.execPath, [`${ROOT}bin/survey-analyze.js`, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => {}); // a CLI that stopped early closes its input: its status tells
    // The first pause lets the CLI start and wait on its input, so that each piece is one read.
    await new Promise((resolve) => setTimeout(resolve, 700));
    for (const piece of pieces) {
      child.stdin.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    child.stdin.end();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { status, stdout, stderr };
  }

  // papaparse guesses the line ending from its first chunk and misreads a closing quote that
  // ends a chunk on the CR of a CRLF (issues #1103, #1134): the reader must not let either happen.
  it('a first piece without a line break, and a quoted last field whose piece ends on the CR of CRLF', async () => {
    const text = readFileSync(`${ROOT}${C}/crlf.csv`, 'utf8').replace(/,(True|False|Don't know)\r\n/g, ',"$1"\r\n');
    const cr = text.indexOf('"\r\n', 100) + 2;
    const cuts = [3, cr, text.length];
    const pieces = cuts.map((end, i) => text.slice(i === 0 ? 0 : cuts[i - 1], end));
    expect(pieces[1].endsWith('"\r')).toBe(true);
    const result = await piecewise(['-', '-c', CB, '--format', 'json'], pieces);
    expect(result.status, result.stderr).toBe(0);
    sameFigures(result);
  });
});
