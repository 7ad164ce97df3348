import { dataError } from '../../errors.js';
import type { LayoutDetector, LayoutResult } from './layout.js';
import { quoteField, withoutBom } from './quote-field.js';

/**
 * SurveyMonkey's "All responses data" CSV export ("Expanded" columns, actual answer text or
 * numerical values): two header rows.
 *
 * - Row 1: the respondent fields `Respondent ID`, `Collector ID`, `Start Date`, `End Date`,
 *   `IP Address`, `Email Address`, `First Name`, `Last Name`, `Custom Data 1`, then each
 *   question's text, written once over the first of its columns and left blank over the rest
 *   (the cells Excel shows merged).
 * - Row 2: blank under the respondent fields; under a question, `Response` (one answer),
 *   `Open-Ended Response` (text), or the option (multiple choice), the row (matrix) or
 *   `Other (please specify)`.
 *
 * Column names (a codebook names these):
 * - a column whose row 2 is blank keeps its row-1 name (`Respondent ID`, `Custom Data 1`);
 * - questions are numbered 1, 2, ... in export order; a question with one column is `q<n>`,
 *   one with several columns `q<n>_<k>`, k = 1, 2, ... its columns from left to right.
 *
 * Labels: the question text (row 1, carried forward), and for a question with several columns
 * "<question text> - <row 2 text>".
 */

interface Column {
  name: string;
  label: string | null;
  isQuestion: boolean;
}

/** Names and labels from the two header rows (see the file comment). */
export function surveyMonkeyColumns(row1: string[], row2: string[]): Column[] {
  const width = Math.max(row1.length, row2.length);
  const groups: { text: string; cells: { index: number; sub: string }[] }[] = [];
  const plain = new Map<number, string>();
  let current: { text: string; cells: { index: number; sub: string }[] } | null = null;
  for (let i = 0; i < width; i++) {
    const top = (i === 0 ? withoutBom(row1[i]) : row1[i] ?? '').trim();
    const sub = (row2[i] ?? '').trim();
    if (sub === '' && (top !== '' || current === null)) {
      plain.set(i, top);
      current = null;
    } else if (top !== '' || current === null) {
      current = { text: top, cells: [{ index: i, sub }] };
      groups.push(current);
    } else {
      current.cells.push({ index: i, sub });
    }
  }
  const columns: Column[] = Array.from({ length: width }, (_, i) => ({ name: plain.get(i) ?? '', label: null, isQuestion: false }));
  groups.forEach((group, g) => {
    const single = group.cells.length === 1;
    group.cells.forEach((cell, k) => {
      const generic = cell.sub === 'Response' || cell.sub === 'Open-Ended Response';
      const label = single && generic ? group.text : [group.text, cell.sub].filter((part) => part !== '').join(' - ');
      columns[cell.index] = { name: single ? `q${g + 1}` : `q${g + 1}_${k + 1}`, label: label === '' ? null : label, isQuestion: true };
    });
  });
  return columns;
}

/** Why the records are not a SurveyMonkey export, or null when they are. */
function notSurveyMonkey(records: string[][], firstLine: number): { message: string; line: number } | null {
  const row1 = (records[0] ?? []).map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
  const id = row1.indexOf('Respondent ID');
  const collector = row1.indexOf('Collector ID');
  if (id < 0 || collector < 0) {
    return { message: `row 1 has no "Respondent ID" and "Collector ID" columns (it begins with ${quoteField(row1.slice(0, 3).join(','))})`, line: firstLine };
  }
  const row2 = records[1];
  if (row2 === undefined) return { message: 'there is no second header row', line: firstLine };
  const filled = [id, collector].find((i) => (row2[i] ?? '').trim() !== '');
  if (filled !== undefined) {
    return { message: `row 2 is not SurveyMonkey's second header row: ${quoteField(row2[filled])} stands under "${row1[filled]}", which is blank there`, line: firstLine + 1 };
  }
  if (row2.every((cell) => cell.trim() === '')) {
    return { message: 'row 2 is blank: no question has its "Response" or option row', line: firstLine + 1 };
  }
  // Row 2 names options ("Response", "Open-Ended Response", a choice or a matrix row): words, never
  // only numbers, which are answers of a first respondent whose ids are blank.
  const words = row2.some((cell) => cell.trim() !== '' && !Number.isFinite(Number(cell.trim())));
  if (!words) {
    return { message: 'row 2 holds only numbers, not the option names of a second header row', line: firstLine + 1 };
  }
  return null;
}

/** A SurveyMonkey export (two header rows). */
export const surveyMonkeyLayout: LayoutDetector = (records, place): LayoutResult | null => {
  const problem = notSurveyMonkey(records, place.firstLine);
  if (problem !== null) {
    if (!place.forced) return null;
    throw dataError(`not a SurveyMonkey export: ${problem.message}`, { file: place.file, line: problem.line }, 'export "All responses data" from SurveyMonkey as CSV, or leave out --input-format');
  }
  const columns = surveyMonkeyColumns(records[0], records[1]);
  const names = columns.map((column) => column.name);
  return {
    layout: 'surveymonkey',
    headerRows: 2,
    columns: names,
    labels: columns.map((column) => column.label),
    idColumn: 'Respondent ID',
    metadataColumns: columns.filter((column) => !column.isQuestion && column.name !== '').map((column) => column.name),
    rules: [],
  };
};
