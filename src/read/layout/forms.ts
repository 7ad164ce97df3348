import { dataError } from '../../errors.js';
import type { LayoutDetector, LayoutResult } from './layout.js';
import { quoteField, withoutBom } from './quote-field.js';
import { uniqueNames } from './redcap.js';

/**
 * Google Forms and Microsoft Forms response exports: one header row of question texts.
 *
 * - Google Forms ("Download responses (.csv)", or File → Download → CSV from the linked Sheet):
 *   `Timestamp` first, then `Email Address` (or `Email address`) when emails are collected,
 *   `Score` ("7 / 10") for a quiz, then one column per question headed by its text. A grid
 *   question gives one column per row, "Question text [Row text]"; checkbox answers are joined
 *   by ", ". The timestamp is "2024/03/01 9:05:12 AM GMT+1" in the Forms download and follows
 *   the spreadsheet's locale in a Sheets download ("3/1/2024 9:05:12", "01/03/2024 09:05:12",
 *   "2024-03-01 09:05:12").
 * - Microsoft Forms ("Open in Excel" / "Download a copy", .xlsx): `ID`, `Start time`,
 *   `Completion time`, `Email`, `Name` (older exports spell `Id`), in newer ones `Last modified
 *   time`, quizzes add `Total points`, `Quiz feedback` and per question `Points - Q` and
 *   `Feedback - Q`; then one column per question. A Likert question gives one column per
 *   statement, headed by the statement; multi-select answers are joined by ";" with a trailing
 *   ";"; a question text that repeats gets a number appended by Forms ("When2").
 *
 * Columns keep the header text, trimmed (a repeat takes " (2)", as in redcap.ts); each
 * question column's label is its header text. Neither platform exports unsubmitted or test
 * responses, so there are no default exclusions.
 */

const GOOGLE_DOWNLOAD_TIME = /^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}:\d{2} [AP]M GMT([+-]\d{1,2}(:\d{2})?)?$/;
/** Sheets date-times: M/D/YYYY or D/M/YYYY or D.M.YYYY or YYYY-MM-DD, a time, optionally AM/PM. */
const SHEETS_TIME = /^(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}) \d{1,2}:\d{2}:\d{2}( [AP]M)?$/;
const QUIZ_SCORE = /^\d+(\.\d+)? \/ \d+(\.\d+)?$/;
const GRID_COLUMN = /^.+ \[[^\]]+\]$/;

const GOOGLE_METADATA = ['Timestamp', 'Email Address', 'Email address', 'Score'];
const MICROSOFT_LEADING = ['id', 'start time', 'completion time', 'email', 'name'];
const MICROSOFT_METADATA = ['ID', 'Id', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'Total points', 'Quiz feedback'];

function headerNames(records: string[][]): string[] {
  return (records[0] ?? []).map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
}

function dataRows(records: string[][]): string[][] {
  return records.slice(1).filter((row) => !(row.length === 1 && row[0].trim() === ''));
}

function cellsOf(rows: string[][], index: number): string[] {
  return rows.map((row) => (row[index] ?? '').trim()).filter((cell) => cell !== '');
}

function labelsOf(columns: string[], metadata: string[]): (string | null)[] {
  return columns.map((name) => (metadata.includes(name) ? null : name));
}

/** Whether two or more columns are rows of one grid question: "Question [Row 1]", "Question [Row 2]". */
function hasGrid(names: string[]): boolean {
  const stems = names.filter((name) => GRID_COLUMN.test(name)).map((name) => name.slice(0, name.lastIndexOf(' [')));
  return stems.some((stem, i) => stems.indexOf(stem) !== i);
}

type Problem = { message: string; record: number } | null;

/** Why the records are not a Google Forms export, or null when they are. */
function notGoogle(records: string[][]): Problem {
  const names = headerNames(records);
  if (names[0] !== 'Timestamp') return { message: `the first column is ${quoteField(names[0])}, not "Timestamp"`, record: 0 };
  if (names.length < 2) return { message: 'has no question columns after "Timestamp"', record: 0 };
  const rows = dataRows(records);
  const times = cellsOf(rows, 0);
  if (times.length === 0) return { message: 'has no response rows to check the "Timestamp" column by', record: 0 };
  const badRow = rows.findIndex((row) => {
    const cell = (row[0] ?? '').trim();
    return cell !== '' && !GOOGLE_DOWNLOAD_TIME.test(cell) && !SHEETS_TIME.test(cell);
  });
  if (badRow >= 0) return { message: `"Timestamp" holds ${quoteField(rows[badRow][0])}, not a Google Forms time stamp`, record: records.indexOf(rows[badRow]) };
  if (times.every((cell) => GOOGLE_DOWNLOAD_TIME.test(cell))) return null;
  const email = names[1] === 'Email Address' || names[1] === 'Email address';
  const scoreAt = names.indexOf('Score');
  const score = scoreAt >= 1 && scoreAt <= 2 && cellsOf(rows, scoreAt).every((cell) => QUIZ_SCORE.test(cell)) && cellsOf(rows, scoreAt).length > 0;
  const grid = hasGrid(names);
  if (email || score || grid) return null;
  return { message: 'has a "Timestamp" column but no other sign of Google Forms ("Email Address", a quiz "Score", "Question [Row]" grid columns, or the Forms download\'s "AM GMT" time stamps)', record: 0 };
}

/** Why the records are not a Microsoft Forms export, or null when they are. */
function notMicrosoft(records: string[][]): Problem {
  const names = headerNames(records);
  const leading = names.slice(0, MICROSOFT_LEADING.length).map((name) => name.toLowerCase());
  const missing = MICROSOFT_LEADING.findIndex((name, i) => leading[i] !== name);
  if (missing >= 0) {
    return { message: `column ${missing + 1} is ${quoteField(names[missing] ?? '')}; Microsoft Forms begins with ID, Start time, Completion time, Email, Name`, record: 0 };
  }
  const rows = dataRows(records);
  const badRow = rows.findIndex((row) => !/^\d+$/.test((row[0] ?? '').trim()));
  if (badRow >= 0) return { message: `"ID" holds ${quoteField(rows[badRow][0])}, not a response number`, record: records.indexOf(rows[badRow]) };
  return null;
}

function fail(problem: NonNullable<Problem>, platform: string, place: { file: string; firstLine: number }, hint: string): never {
  throw dataError(`not a ${platform} export: ${problem.message}`, { file: place.file, line: place.firstLine + problem.record }, hint);
}

/** A Google Forms responses CSV. */
export const googleFormsLayout: LayoutDetector = (records, place) => {
  const problem = notGoogle(records);
  if (problem !== null) {
    if (!place.forced) return null;
    fail(problem, 'Google Forms', place, 'download the responses from Google Forms (Responses → Download responses (.csv)), or leave out --input-format');
  }
  const columns = uniqueNames(headerNames(records));
  const metadata = columns.filter((name) => GOOGLE_METADATA.includes(name));
  const result: LayoutResult = { layout: 'google-forms', headerRows: 1, columns, labels: labelsOf(columns, metadata), idColumn: null, metadataColumns: metadata, rules: [] };
  return result;
};

/** A Microsoft Forms responses workbook (its first sheet). */
export const microsoftFormsLayout: LayoutDetector = (records, place) => {
  const problem = notMicrosoft(records);
  if (problem !== null) {
    if (!place.forced) return null;
    fail(problem, 'Microsoft Forms', place, 'export the responses from Microsoft Forms (Responses → Open in Excel), or leave out --input-format');
  }
  const columns = uniqueNames(headerNames(records));
  const metadata = columns.filter((name) => MICROSOFT_METADATA.includes(name) || /^(Points|Feedback) - /.test(name));
  const result: LayoutResult = { layout: 'microsoft-forms', headerRows: 1, columns, labels: labelsOf(columns, metadata), idColumn: columns[0], metadataColumns: metadata, rules: [] };
  return result;
};
