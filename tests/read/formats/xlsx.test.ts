import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../src/errors.js';
import { dateFormatParts, excelSerialText } from '../../../src/read/formats/excel-date-text.js';
import { readXlsx } from '../../../src/read/formats/xlsx.js';

// Files written by make-xlsx-files.py: workbooks saved by LibreOffice Calc, and LibreOffice's
// own CSV export of their sheets with "save cell contents as shown" (*.as-shown.csv).
const FILES = new URL('./files/', import.meta.url);
const bytes = (name: string): Buffer => readFileSync(new URL(name, FILES));
const csv = (path: URL): string[][] => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/\n$/, ''), { skipEmptyLines: false }).data;
const source = csv(new URL('../../../fixtures/protect-survey.csv', import.meta.url));
const asShown = (name: string): string[][] => csv(new URL(name, FILES));

/** "19/07/2014" → "2014-07-19"; "02/05/2024 09:14:00" (month first) → "2024-02-05 09:14:00". */
const dayFirstToIso = (text: string): string => text.replace(/^(\d\d)\/(\d\d)\/(\d{4})/, '$3-$2-$1');
const monthFirstToIso = (text: string): string => text.replace(/^(\d\d)\/(\d\d)\/(\d{4})/, '$3-$1-$2');

async function readError(file: Buffer, sheet: string | null = null): Promise<SurveyError> {
  try {
    await readXlsx(file, 'survey.xlsx', { sheet });
  } catch (error) {
    if (error instanceof SurveyError) return error;
    throw error;
  }
  throw new Error('readXlsx did not fail');
}

describe('readXlsx on the PROTECT survey workbook (LibreOffice Calc)', async () => {
  const workbook = bytes('protect-survey.xlsx');
  const responses = await readXlsx(workbook, 'protect-survey.xlsx', { sheet: 'Responses' });
  const header = responses.rows[0];

  it('holds every cell of fixtures/protect-survey.csv, column by column', () => {
    expect(responses.sheet).toBe('Responses');
    expect(responses.rows).toHaveLength(source.length);
    for (const [r, record] of source.entries()) {
      expect(responses.rows[r].slice(0, record.length), `row ${r + 1}`).toEqual(record);
    }
  });

  it('numbers the rows as Excel does, header row 1', () => {
    expect(responses.rowNumbers).toEqual(source.map((_, i) => i + 1));
  });

  it('gives every row the same width', () => {
    expect(new Set(responses.rows.map((row) => row.length))).toEqual(new Set([source[0].length + 4]));
  });

  it('reads dates as ISO 8601, decimals, and formulas as their cached results, as LibreOffice shows them', () => {
    const shown = asShown('protect-survey.responses.as-shown.csv');
    const columns = shown[0].map((name) => header.indexOf(name));
    expect(columns).not.toContain(-1);
    for (const [r, record] of shown.entries()) {
      const got = columns.map((c) => responses.rows[r][c]);
      const want = r === 0 ? record : [record[0], dayFirstToIso(record[1]), ...record.slice(2)];
      expect(got, `row ${r + 1}`).toEqual(want);
    }
    // a formula's percent format, and a date that is one
    expect(responses.rows[1][header.indexOf('pk_agree_share')]).toMatch(/^\d+\.\d%$/);
    expect(responses.rows[1][header.indexOf('submitted')]).toMatch(/^2014-\d\d-\d\d$/);
  });

  it('reads the first sheet by default, and a sheet by its number or its name in other case', async () => {
    const first = await readXlsx(workbook, 'protect-survey.xlsx', { sheet: null });
    expect(first.sheet).toBe('About');
    expect((await readXlsx(workbook, 'protect-survey.xlsx', { sheet: '2' })).rows).toEqual(responses.rows);
    expect((await readXlsx(workbook, 'protect-survey.xlsx', { sheet: 'responses' })).sheet).toBe('Responses');
    expect((await readXlsx(workbook, 'protect-survey.xlsx', { sheet: '1' })).rows).toEqual(first.rows);
  });

  it('reads booleans, errors, date-times and General numbers as LibreOffice shows them', async () => {
    const about = await readXlsx(workbook, 'protect-survey.xlsx', { sheet: 'About' });
    expect(about.rows).toEqual(asShown('protect-survey.about.as-shown.csv'));
    expect(about.rows).toContainEqual(['Not available', '#N/A', '#DIV/0!']);
    expect(about.rows).toContainEqual(['Consented', 'TRUE', 'FALSE']);
  });

  it('writes a General number in full where Excel General would round it', async () => {
    const about = await readXlsx(workbook, 'protect-survey.xlsx', { sheet: 'About' });
    const big = about.rows.find((row) => row[0] === 'Big');
    // Excel's General shows 123456789012 as 1.23457E+11 in a standard-width column
    expect(big?.[1]).toBe(String(123456789012));
  });

  it('names the sheets when the one asked for does not exist', async () => {
    for (const sheet of ['Answers', '3', '0']) {
      const error = await readError(workbook, sheet);
      expect(error.exitCode).toBe(1);
      expect(error.message).not.toContain('\n');
      expect(`${error.message} ${error.hint}`).toContain('"About", "Responses"');
    }
    expect((await readError(workbook, 'Answers')).message).toContain('"Answers"');
  });
});

describe('readXlsx on a SurveyMonkey-like two-row header with merged question cells', async () => {
  const sheet = await readXlsx(bytes('merged-header.xlsx'), 'merged-header.xlsx', { sheet: null });
  const shown = asShown('merged-header.as-shown.csv');

  it('keeps the value in the top-left cell of a merged range and leaves the others blank', () => {
    expect(sheet.rows[0].slice(3, 8)).toEqual(['How confident are you in each of these?', '', '', 'What is your role?', '']);
  });

  it('equals the CSV export: blank header cells as "", the blank row left out, date-times as ISO 8601', () => {
    const nonBlank = shown.filter((row) => row.some((cell) => cell !== ''));
    const want = nonBlank.map((row, r) => (r < 2 ? row : [row[0], monthFirstToIso(row[1]), ...row.slice(2)]));
    expect(sheet.rows).toEqual(want);
    expect(sheet.rowNumbers).toEqual([1, 2, 3, 4, 6]);
  });
});

describe('readXlsx on files it cannot read', () => {
  it('reports a truncated workbook as a damaged archive, one line, exit 1', async () => {
    const whole = bytes('protect-survey.xlsx');
    for (const length of [100, 30_000, whole.length - 30]) {
      const error = await readError(whole.subarray(0, length));
      expect(error.exitCode).toBe(1);
      expect(error.message).toMatch(/damaged ZIP \(xlsx\) archive/);
      expect(error.place.file).toBe('survey.xlsx');
    }
  });

  it('reports a workbook whose compressed sheet is corrupt as damaged, without a stack trace', async () => {
    const corrupt = Buffer.from(bytes('protect-survey.xlsx'));
    const sheetData = corrupt.indexOf('xl/worksheets/sheet2.xml');
    corrupt.fill(0xff, sheetData + 100, sheetData + 400);
    const error = await readError(corrupt, 'Responses');
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/could not be read|damaged/);
    expect(error.message).not.toContain('\n');
  });

  it('explains a password-protected workbook and a legacy .xls', async () => {
    expect((await readError(bytes('encrypted.xlsx'))).message).toMatch(/password-protected/);
    expect((await readError(bytes('merged-header.xls'))).message).toMatch(/Excel 97-2003 workbook \(\.xls\)/);
    expect((await readError(Buffer.from('id,pk1\nR1,3\n'))).message).toMatch(/not an \.xlsx workbook/);
  });
});

describe('Excel dates as ISO 8601 (ECMA-376 §18.17.4.1)', () => {
  it('counts serials from 1900-01-01, with the fictitious 1900-02-29 at serial 60', () => {
    expect(excelSerialText(1, 'date', false)).toBe('1900-01-01');
    expect(excelSerialText(59, 'date', false)).toBe('1900-02-28');
    expect(excelSerialText(60, 'date', false)).toBe('1900-02-29');
    expect(excelSerialText(61, 'date', false)).toBe('1900-03-01');
    expect(excelSerialText(25569, 'date', false)).toBe(new Date(0).toISOString().slice(0, 10));
  });

  it('counts 1904-system serials from 1904-01-01, and rounds times to the second', () => {
    expect(excelSerialText(0, 'date', true)).toBe('1904-01-01');
    expect(excelSerialText(25569 + 0.5 + 1 / 86400 / 3, 'datetime', false)).toBe('1970-01-01 12:00:00');
    expect(excelSerialText(0.999999, 'time', false)).toBe('00:00:00');
    expect(excelSerialText(-1, 'date', false)).toBeNull();
  });

  it('tells date, date-time and time formats from other number formats', () => {
    expect(dateFormatParts('DD/MM/YYYY')).toBe('date');
    expect(dateFormatParts('m/d/yy')).toBe('date');
    expect(dateFormatParts('mmm yyyy')).toBe('date');
    expect(dateFormatParts('yyyy\\-mm\\-dd\\ hh:mm:ss')).toBe('datetime');
    expect(dateFormatParts('h:mm AM/PM')).toBe('time');
    expect(dateFormatParts('mm:ss')).toBe('time');
    expect(dateFormatParts('[h]:mm:ss')).toBeNull();
    expect(dateFormatParts('0.0%')).toBeNull();
    expect(dateFormatParts('0.00E+00')).toBeNull();
    expect(dateFormatParts('#,##0 "days"')).toBeNull();
    expect(dateFormatParts('[Red]0.00;[Blue]-0.00')).toBeNull();
  });
});
