import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PrevalenceRow, Report } from '../../../src/report/report.js';
import { FIXTURE, ROOT, runCli } from '../../cli/run-cli.js';

/**
 * The figures survey-analyze reports from SPSS (.sav, .zsav), Stata (.dta) and Excel (.xlsx)
 * files, run as a user runs the built CLI (`-f json`), against
 * 1. the same data read as CSV: the coded CSVs make-sav-files.R / make-dta-files.R wrote beside
 *    the files (with files/protect-codes.yaml, the built-in codebook restated with codes), the
 *    labelled fixtures/protect-survey.csv (built-in codebook), and for the workbook its source CSV;
 * 2. R haven/readxl + psych on the same files (tests/golden/make-binary-figures-golden.R);
 * 3. the files' value labels: answers and groups print as labels, not codes;
 * 4. SPSS user-missing values: missing by default, kept as codes with --keep-user-missing.
 */
const FILES = 'tests/read/formats/files';
const CODES_CODEBOOK = `${FILES}/protect-codes.yaml`;
const SAV_FILES = ['protect-haven-byte.sav', 'protect-haven-none.sav', 'protect-haven.zsav', 'pspp-compressed.sav', 'pspp-uncompressed.sav', 'pspp.zsav'];
const DTA_FILES = ['protect-117.dta', 'protect-118.dta', 'protect-119.dta'];
const BINARY_FILES = [...SAV_FILES, ...DTA_FILES];
/** Same-data comparisons are exact up to summation order. */
const SAME_DATA = 1e-12;
/** R's figures are written with 15 significant digits and computed differently. */
const AGAINST_R = 1e-6;

// ---------------------------------------------------------------------------------------------
// Running the CLI

const runs = new Map<string, Report>();

/** The JSON report of a successful run (memoised: several checks read the same run). */
function analyse(args: string[], input?: string): Report {
  const key = JSON.stringify([args, input ?? null]);
  const cached = runs.get(key);
  if (cached) return cached;
  const result = runCli(['-f', 'json', '--quiet', ...args], { input });
  if (result.status !== 0) throw new Error(`survey-analyze ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as Report;
  runs.set(key, report);
  return report;
}

// ---------------------------------------------------------------------------------------------
// What the R scripts wrote about each file

interface SavTruth {
  cases: number;
  variables: { name: string; valueLabels: { value: number | string; label: string }[] | null }[];
}
interface DtaTruth {
  observations: number;
  files: Record<string, { valueLabels: Record<string, { codes: (string | null)[]; labels: string[] } | null> }>;
}
const dtaTruth = JSON.parse(readFileSync(join(ROOT, FILES, 'protect-dta-truth.json'), 'utf8')) as DtaTruth;
const savTruth = (file: string): SavTruth => JSON.parse(readFileSync(join(ROOT, FILES, `${file}.truth.json`), 'utf8')) as SavTruth;

/** The number of records of a binary test file, as haven read it. */
function recordsOf(file: string): number {
  return file.endsWith('.dta') ? dtaTruth.observations : savTruth(file).cases;
}

/** Code (as a cell writes it) → value label, of one variable of a binary test file, as haven read it. */
function valueLabelsOf(file: string, variable: string): Map<string, string> {
  const labels = new Map<string, string>();
  if (file.endsWith('.dta')) {
    const entry = dtaTruth.files[file].valueLabels[variable];
    entry?.codes.forEach((code, i) => {
      if (code !== null) labels.set(code, entry.labels[i]);
    });
  } else {
    for (const { value, label } of savTruth(file).variables.find((v) => v.name === variable)?.valueLabels ?? []) labels.set(String(value), label);
  }
  return labels;
}

/** A CSV as rows of cells, header first: a file of the test files, or a path from the repository root. */
function readCsv(file: string): string[][] {
  const path = file.includes('/') ? file : join(ROOT, FILES, file);
  return Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
}

/** The first `records` records of a CSV, with its header, as CSV text (for standard input). */
function firstRecords(file: string, records: number): string {
  return `${Papa.unparse(readCsv(file).slice(0, records + 1), { newline: '\n' })}\n`;
}

/** One column's cells of a CSV. */
function columnOf(table: string[][], name: string): string[] {
  const at = table[0].indexOf(name);
  if (at < 0) throw new Error(`no column ${name}`);
  return table.slice(1).map((row) => row[at]);
}

/** The coded CSV of the same data as a binary test file, limited to its records, as CSV text. */
function codedCsvOf(file: string, userMissing = false): string {
  const csv = file.endsWith('.dta') ? 'protect-coded-dta.csv' : userMissing ? 'protect-coded-user-missing.csv' : 'protect-coded.csv';
  return firstRecords(csv, recordsOf(file));
}

// ---------------------------------------------------------------------------------------------
// Comparing reports

/**
 * Every difference between two JSON values, by path: numbers farther apart than `tolerance`,
 * any other leaf not identical, arrays of another length, objects with other keys.
 */
function differences(actual: unknown, expected: unknown, tolerance: number, path = '$', out: string[] = []): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (!(Math.abs(actual - expected) <= tolerance)) out.push(`${path}: ${actual} vs ${expected}`);
  } else if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) out.push(`${path}: ${actual.length} entries vs ${expected.length}`);
    else actual.forEach((a, i) => differences(a, expected[i], tolerance, `${path}[${i}]`, out));
  } else if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object' && !Array.isArray(actual) && !Array.isArray(expected)) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
      if (!(key in a) || !(key in e)) out.push(`${path}.${key}: only in ${key in a ? 'actual' : 'expected'}`);
      else differences(a[key], e[key], tolerance, `${path}.${key}`, out);
    }
  } else if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  return out;
}

/** Number leaves of a JSON value: guards against comparing two empty projections. */
function countNumbers(value: unknown): number {
  if (typeof value === 'number') return 1;
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, v) => sum + countNumbers(v), 0);
  return 0;
}

/**
 * Every figure of a report, without what legitimately depends on the input's format and the
 * codebook's wording: the input's names, item and answer labels; a group value is shown
 * through `groupValue` (a coded CSV's "2" as the file's "Maternity") and prevalence rows are
 * ordered by entry and group value (groups are ordered by their printed value); warnings keep
 * their code, column and count (their message names the file and line).
 */
function figuresOf(report: Report, groupValue: (value: string) => string = (value) => value) {
  const entries = [...new Set(report.prevalence.map((row) => row.id))];
  const order = (row: PrevalenceRow): [number, string] => [entries.indexOf(row.id), row.group === null ? '' : row.group.value];
  const prevalence = report.prevalence
    .map((row) => ({ ...row, group: row.group === null ? null : { column: row.group.column, value: groupValue(row.group.value) } }))
    .sort((a, b) => {
      const [ea, ga] = order(a);
      const [eb, gb] = order(b);
      return ea !== eb ? ea - eb : ga < gb ? -1 : ga > gb ? 1 : 0;
    });
  return {
    rows: report.input.rows,
    rowsRead: report.input.rowsRead,
    settings: report.settings,
    scales: report.scales.map((scale) => ({
      ...scale,
      items: scale.items.map(({ label: _label, frequencies, ...item }) => ({
        ...item,
        frequencies: frequencies.map(({ label: _answer, ...frequency }) => frequency),
      })),
    })),
    correlations: report.correlations,
    prevalence,
    groupComparisons: report.groupComparisons,
    groupMissing: report.groupMissing,
    warnings: report.warnings.map(({ code, column, count, scale, item, prevalence: entry }) => ({ code, column, count, scale, item, prevalence: entry })),
  };
}

/** A group value of a coded CSV as the binary file prints it: through the file's value labels. */
function groupLabelOf(file: string): (value: string) => string {
  const labels = valueLabelsOf(file, 'discipline');
  return (value) => labels.get(value) ?? value;
}

it('has the binary test files the checks below name, and a golden file for each', () => {
  const present = readdirSync(join(ROOT, FILES)).filter((name) => /\.(z?sav|dta)$/.test(name)).sort();
  expect(present).toEqual([...BINARY_FILES].sort());
  const golden = readdirSync(join(ROOT, 'tests/golden/binary')).sort();
  expect(golden).toEqual([...BINARY_FILES, 'protect-survey.xlsx'].map((name) => `${name}.json`).sort());
});

it('the comparison sees a difference of 1e-11 in one figure and a relabelled group', () => {
  const report = analyse([`${FILES}/protect-haven-byte.sav`]);
  const base = figuresOf(report);
  const nudged = structuredClone(report);
  nudged.scales[2].items[3].alphaIfDeleted! += 1e-11;
  expect(differences(figuresOf(nudged), base, SAME_DATA)).toEqual([expect.stringMatching(/^\$\.scales\[2\]\.items\[3\]\.alphaIfDeleted: /)]);
  expect(differences(figuresOf(report, (v) => (v === 'Maternity' ? '2' : v)), base, SAME_DATA).length).toBeGreaterThan(0);
});

// ---------------------------------------------------------------------------------------------
// 1. The same data as CSV

describe.each(BINARY_FILES)('%s read as the same data in CSV', (file) => {
  const run = (): Report => analyse([`${FILES}/${file}`]);

  it('reads every record', () => {
    const report = run();
    expect(report.input).toMatchObject({ format: file.endsWith('.dta') ? 'dta' : file.endsWith('.zsav') ? 'zsav' : 'sav', rows: recordsOf(file), rowsRead: recordsOf(file), headerRows: 0 });
  });

  it('every figure equals the coded CSV\'s (with the codes codebook), groups matched by their value label', () => {
    const binary = figuresOf(run());
    const csv = figuresOf(analyse(['-c', CODES_CODEBOOK, '-'], codedCsvOf(file)), groupLabelOf(file));
    expect(countNumbers(binary)).toBeGreaterThan(1000);
    expect(binary.prevalence).toHaveLength(8 * 6);
    expect(differences(binary, csv, SAME_DATA)).toEqual([]);
  });

  it('the whole report equals the labelled CSV\'s with the same (built-in) codebook, labels included', () => {
    // The fixture holds all 782 respondents; the uncompressed files the first 150 of them.
    const records = recordsOf(file);
    const { input: binaryInput, ...binary } = run();
    const { input: csvInput, ...csv } = records === 782 ? analyse([FIXTURE]) : analyse(['-'], firstRecords(FIXTURE, records));
    expect(differences(binary, csv, SAME_DATA)).toEqual([]);
    expect(binaryInput.rows).toBe(csvInput.rows);
  });
});

describe('protect-survey.xlsx, sheet Responses, read as fixtures/protect-survey.csv', () => {
  it('gives the whole report of the CSV, apart from the input\'s file name and format', () => {
    const xlsx = analyse(['--sheet', 'Responses', `${FILES}/protect-survey.xlsx`]);
    const csv = analyse([FIXTURE]);
    const { files, format, sources, ...xlsxInput } = xlsx.input;
    const { files: csvFiles, format: csvFormat, sources: csvSources, ...csvInput } = csv.input;
    expect({ files, format, sources: sources.map((s) => [s.file, s.format]) }).toEqual({ files: [`${FILES}/protect-survey.xlsx`], format: 'xlsx', sources: [[`${FILES}/protect-survey.xlsx`, 'xlsx']] });
    expect({ files: csvFiles, format: csvFormat, sources: csvSources.map((s) => [s.file, s.format]) }).toEqual({ files: [FIXTURE], format: 'csv', sources: [[FIXTURE, 'csv']] });
    expect(xlsxInput).toEqual(csvInput);
    // The sources' layout, header rows and rows read.
    expect(sources.map(({ file: _f, format: _x, ...rest }) => rest)).toEqual(csvSources.map(({ file: _f, format: _x, ...rest }) => rest));
    expect({ ...xlsx, input: null }).toEqual({ ...csv, input: null });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. R haven + psych on the same files

interface GoldenRow {
  count: number;
  n: number;
  proportion: number;
  ci: [number, number];
}
interface Golden {
  source: string;
  rows: number;
  scales: {
    id: string;
    n: number;
    raw_alpha: number;
    'std.alpha': number;
    average_r: number;
    G6: number;
    feldt: [number, number];
    'omega.tot': number;
    items: { id: string; n: number; mean: number; sd: number; 'raw.r': number; 'r.drop': number; 'alpha.drop': number; smc: number }[];
    score: { n: number; mean: number; sd: number; min: number; max: number };
  }[];
  correlations: { ids: string[]; r: number[][]; n: number[][] };
  groupMissing: number;
  prevalence: { id: string; overall: GoldenRow; groups: (GoldenRow & { value: string })[] }[];
}

/** A report's figures in the golden file's shape, to compare leaf by leaf. */
function asGolden(report: Report, golden: Golden): Omit<Golden, 'source'> {
  const row = (p: PrevalenceRow | undefined): GoldenRow => ({ count: p?.count ?? NaN, n: p?.n ?? NaN, proportion: p?.proportion ?? NaN, ci: [p?.ci.lower ?? NaN, p?.ci.upper ?? NaN] });
  return {
    rows: report.input.rows,
    scales: report.scales.map((s) => ({
      id: s.id,
      n: s.n,
      raw_alpha: s.alpha!,
      'std.alpha': s.standardizedAlpha!,
      average_r: s.averageInterItemR!,
      G6: s.lambda6!,
      feldt: [s.alphaCI.lower!, s.alphaCI.upper!],
      'omega.tot': s.omegaTotal!,
      items: s.items.map((i) => ({ id: i.id, n: i.n, mean: i.mean!, sd: i.sd!, 'raw.r': i.itemTotalR!, 'r.drop': i.itemRestR!, 'alpha.drop': i.alphaIfDeleted!, smc: i.smc! })),
      score: { n: s.score.n, mean: s.score.mean!, sd: s.score.sd!, min: s.score.min!, max: s.score.max! },
    })),
    correlations: { ids: report.correlations.ids, r: report.correlations.r as number[][], n: report.correlations.n },
    groupMissing: report.groupMissing.find((g) => g.column === 'discipline')?.rows ?? 0,
    // Rows looked up by entry and group label as R names them: an absent row compares as NaN.
    prevalence: golden.prevalence.map((entry) => {
      const rows = report.prevalence.filter((p) => p.id === entry.id);
      return {
        id: entry.id,
        overall: row(rows.find((p) => p.group === null)),
        groups: entry.groups.map((g) => ({ value: g.value, ...row(rows.find((p) => p.group?.value === g.value)) })),
      };
    }),
  };
}

describe.each([...BINARY_FILES, 'protect-survey.xlsx'])('%s against R (haven/readxl + psych::alpha)', (file) => {
  it('gives R\'s reliability, item, score, correlation and prevalence figures', () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/binary', `${file}.json`), 'utf8')) as Golden;
    const report = analyse(file.endsWith('.xlsx') ? ['--sheet', 'Responses', `${FILES}/${file}`] : [`${FILES}/${file}`]);
    // Each prevalence entry has its overall row and one per discipline, and every group R found is printed.
    expect(golden.prevalence.map((p) => p.groups.length)).toEqual(Array(8).fill(5));
    expect(report.prevalence).toHaveLength(golden.prevalence.length * 6);
    const { source: _source, ...expected } = golden;
    expect(differences(asGolden(report, golden), expected, AGAINST_R)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Value labels print as labels

const RATED_ITEMS = [...Array.from({ length: 9 }, (_, i) => `pk${i + 1}`), ...Array.from({ length: 6 }, (_, i) => `conf${i + 1}`)];

/** Per rated item, its answers' printed labels beside the file's value label of each code. */
function answerLabels(report: Report, file: string) {
  return report.scales.flatMap((scale) => scale.items).filter((item) => RATED_ITEMS.includes(item.id)).map((item) => {
    const labels = valueLabelsOf(file, item.id);
    return {
      item: item.id,
      printed: item.frequencies.map((f) => f.label),
      fileLabels: item.frequencies.map((f) => labels.get(String(f.code)) ?? null),
    };
  });
}

/** The labels of the disciplines in a file (the codes above 0: the .sav's -99 is "No answer"). */
function disciplineLabels(file: string): string[] {
  return [...valueLabelsOf(file, 'discipline').entries()].filter(([code]) => Number(code) > 0).map(([, label]) => label).sort();
}

/** Per prevalence entry, the group values its rows print, sorted. */
function groupValues(report: Report): string[][] {
  const ids = [...new Set(report.prevalence.map((p) => p.id))];
  return ids.map((id) => report.prevalence.filter((p) => p.id === id && p.group !== null).map((p) => p.group!.value).sort());
}

describe.each(BINARY_FILES)('%s: value labels print as labels (built-in codebook)', (file) => {
  it('the answers of every rated item are printed with the file\'s value labels', () => {
    const items = answerLabels(analyse([`${FILES}/${file}`]), file);
    expect(items).toHaveLength(15);
    for (const { item, printed, fileLabels } of items) {
      expect(fileLabels, item).not.toContain(null);
      expect(printed, item).toEqual(fileLabels);
    }
  });

  it('prevalence groups are the discipline labels', () => {
    expect(disciplineLabels(file)).toEqual(['Emergency medicine', 'Maternity', 'Mental health', 'Other', 'Paediatrics']);
    expect(groupValues(analyse([`${FILES}/${file}`]))).toEqual(Array(8).fill(disciplineLabels(file)));
  });
});

// protect-codes.yaml has no response set and names no group labels: only the file can give the labels.
describe.each(['protect-haven-byte.sav', 'protect-118.dta'])('%s: value labels print as labels (a codebook of codes)', (file) => {
  it('the answers of every rated item are printed with the file\'s value labels', () => {
    const items = answerLabels(analyse(['-c', CODES_CODEBOOK, `${FILES}/${file}`]), file);
    expect(items).toHaveLength(15);
    for (const { item, printed, fileLabels } of items) expect(printed, item).toEqual(fileLabels);
  });

  it('prevalence groups are the discipline labels', () => {
    expect(groupValues(analyse(['-c', CODES_CODEBOOK, `${FILES}/${file}`]))).toEqual(Array(8).fill(disciplineLabels(file)));
  });
});

describe('value labels in the table format', () => {
  const table = (args: string[], input?: string): string => {
    const result = runCli(['--quiet', ...args], { input });
    expect(result.status).toBe(0);
    return result.stdout;
  };

  it('prints the .sav\'s groups by label; the coded CSV of the same data prints codes', () => {
    const sav = table(['-c', CODES_CODEBOOK, `${FILES}/protect-haven-byte.sav`]);
    const csv = table(['-c', CODES_CODEBOOK, `${FILES}/protect-coded.csv`]);
    // A group row: "  discipline: Maternity   20.4% (n=30) ...".
    const groupRows = (text: string): string[] => [...text.matchAll(/^ {2}discipline: (\S.*?) {2,}\d/gm)].map((m) => m[1]);
    // Eight prevalence entries, five disciplines each.
    expect(groupRows(sav)).toHaveLength(40);
    expect(new Set(groupRows(sav))).toEqual(new Set(['Emergency medicine', 'Maternity', 'Mental health', 'Other', 'Paediatrics']));
    expect(new Set(groupRows(csv))).toEqual(new Set(['1', '2', '3', '4', '5']));
  });
});

// ---------------------------------------------------------------------------------------------
// 4. SPSS user-missing values

/** protect-codes.yaml without "-99" among the missing values: a kept -99 is then an answer. */
const codebookWithout99 = ((): string => {
  const text = readFileSync(join(ROOT, CODES_CODEBOOK), 'utf8');
  const edited = text.replace("missing: ['', 'NA', 'N/A', '-99']", "missing: ['', 'NA', 'N/A']");
  if (edited === text) throw new Error('protect-codes.yaml: the missing line changed');
  const path = join(mkdtempSync(join(tmpdir(), 'figures-')), 'protect-codes-without-99.yaml');
  writeFileSync(path, edited);
  return path;
})();

const userMissingCsv = readCsv('protect-coded-user-missing.csv');
const SCALE_COLUMNS = [...Array.from({ length: 9 }, (_, i) => `pk${i + 1}`), ...Array.from({ length: 9 }, (_, i) => `ak${i + 1}`), ...Array.from({ length: 6 }, (_, i) => `conf${i + 1}`)];

/** Cells of a column of the user-missing CSV, among the first `records`, that hold one of `codes`. */
function countCodes(column: string, codes: string[], records: number): number {
  return columnOf(userMissingCsv, column).slice(0, records).filter((cell) => codes.includes(cell)).length;
}

describe.each(SAV_FILES)('%s: user-missing values', (file) => {
  const path = `${FILES}/${file}`;
  const records = recordsOf(file);

  it('are missing by default: each item\'s missing count is its -99 (conf4: 98, 99) and blank cells', () => {
    const items = analyse([path]).scales.flatMap((scale) => scale.items);
    expect(items.map((i) => i.id)).toEqual(SCALE_COLUMNS);
    const userMissing = items.map((item) => countCodes(item.id, item.id === 'conf4' ? ['98', '99'] : ['-99'], records));
    // Guard: the file does hold user-missing codes (-99 in pk4-pk9 and some ak*, 98/99 in conf4).
    expect(userMissing.filter((n) => n > 0).length).toBeGreaterThanOrEqual(7);
    expect(userMissing[SCALE_COLUMNS.indexOf('conf4')]).toBeGreaterThan(0);
    expect(items.map((item) => item.missing)).toEqual(items.map((item, i) => userMissing[i] + countCodes(item.id, [''], records)));
  });
});

// What a codebook makes of kept codes does not depend on the file's writer: one file.
describe('protect-haven-byte.sav: user-missing values kept, with the built-in codebook', () => {
  const path = `${FILES}/protect-haven-byte.sav`;
  const records = recordsOf('protect-haven-byte.sav');

  it('kept with --keep-user-missing, the built-in codebook refuses conf4\'s 98 / 99 (outside range 1-5) at its first case', () => {
    // -99 is one of the built-in codebook's missing values, so the first error is conf4's, although -99 comes earlier.
    const conf4 = columnOf(userMissingCsv, 'conf4');
    const firstCase = conf4.findIndex((cell) => cell === '98' || cell === '99') + 1;
    const first99 = userMissingCsv.slice(1).findIndex((row) => row.includes('-99')) + 1;
    expect(first99).toBeGreaterThan(0);
    expect(first99).toBeLessThan(firstCase);
    const result = runCli(['-f', 'json', '--keep-user-missing', path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${path}: case ${firstCase}: column "conf4": "${conf4[firstCase - 1]}" is not an answer of scale "confidence"`);
  });

  it('kept with --keep-user-missing --lenient, conf4\'s 98 / 99 are counted in a warning and the figures are those without the option', () => {
    const kept = analyse(['--keep-user-missing', '--lenient', path]);
    expect(kept.warnings.map(({ code, column, count }) => ({ code, column, count }))).toEqual([
      { code: 'invalid-values', column: 'conf4', count: countCodes('conf4', ['98', '99'], records) },
    ]);
    expect(differences({ ...figuresOf(kept), warnings: [] }, figuresOf(analyse([path])), SAME_DATA)).toEqual([]);
  });
});

// The readers keep the codes: one file of each writer (haven declares -99 and 98-99; PSPP declares them itself).
describe.each(['protect-haven-byte.sav', 'pspp.zsav'])('%s: user-missing values kept as codes', (file) => {
  const path = `${FILES}/${file}`;
  const records = recordsOf(file);

  it('kept with --keep-user-missing, they are the codes the user-missing CSV holds (a codebook without "-99" missing)', () => {
    const kept = analyse(['-c', codebookWithout99, '--keep-user-missing', '--lenient', path]);
    const csv = analyse(['-c', codebookWithout99, '--lenient', '-'], codedCsvOf(file, true));
    // Every rated item with -99 answers (and conf4 with 98 / 99) is warned about, with the count of its codes.
    const expected = RATED_ITEMS.map((column) => ({ column, count: countCodes(column, column === 'conf4' ? ['98', '99'] : ['-99'], records) })).filter((w) => w.count > 0);
    expect(expected.length).toBeGreaterThan(5);
    const invalid = kept.warnings.filter((w) => w.code === 'invalid-values');
    expect(invalid.map(({ column, count }) => ({ column, count })).sort((a, b) => RATED_ITEMS.indexOf(a.column!) - RATED_ITEMS.indexOf(b.column!))).toEqual(expected);
    // The discipline -99 is no longer missing: a group of its own, printed by its label ("contact" has no blank answers).
    const noAnswer = countCodes('discipline', ['-99'], records);
    expect(noAnswer).toBeGreaterThan(0);
    expect(kept.groupMissing).toEqual([{ column: 'discipline', rows: countCodes('discipline', [''], records) }]);
    expect(kept.prevalence.find((p) => p.id === 'contact' && p.group?.value === 'No answer')?.n).toBe(noAnswer);
    expect(differences(figuresOf(kept), figuresOf(csv, groupLabelOf(file)), SAME_DATA)).toEqual([]);
  });
});
