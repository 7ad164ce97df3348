import { dataError } from '../../errors.js';
import type { LayoutDetector, LayoutResult } from './layout.js';
import { qualtricsRules } from './qualtrics-rules.js';
import { quoteField, withoutBom } from './quote-field.js';

/**
 * Qualtrics response exports (CSV, or TSV in UTF-16), as Qualtrics' support page
 * "Understanding Your Dataset" describes them
 * (https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/):
 *
 * - current ("Data Table") export: three header rows. Row 1 holds the field names
 *   (`StartDate`, `EndDate`, `Status`, ..., `Q1_1`), row 2 the field's text (`Start Date`,
 *   `Response Type`, ..., "Question text - Statement" for a matrix row), row 3 the import ids
 *   as JSON (`{"ImportId":"startDate","timeZone":"Europe/London"}`, `{"ImportId":"QID1_1"}`).
 *   Responses start on the fourth row. The choice-text and numeric-values exports differ only
 *   in the cells (labels against codes), so one layout reads both.
 * - legacy export: two header rows. Row 1 is `V1`…`V10` over the respondent fields and the
 *   question ids (`Q1_1`); row 2 names the respondent fields (`ResponseID`, `ResponseSet`,
 *   `Name`, `ExternalDataReference`, `EmailAddress`, `IPAddress`, `Status`, `StartDate`,
 *   `EndDate`, `Finished`) and gives the question text.
 *
 * Columns keep row 1's names, except the legacy `V1`…`V10`, which take their row-2 names
 * (`V7` is `Status`), so one codebook names the same fields in both exports. Row 2 becomes
 * each question's label. Previews, test responses and spam get default exclusion rules
 * (qualtrics-rules.ts); unfinished responses are kept (exclude them in the codebook with
 * `exclude: {Finished: ["False", 0]}`).
 */

/** The respondent fields of a current export, in the order Qualtrics writes them. */
export const QUALTRICS_METADATA = [
  'StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate',
  'ResponseId', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference',
  'LocationLatitude', 'LocationLongitude', 'DistributionChannel', 'UserLanguage',
];

/** The respondent fields of a legacy export (row-2 names of V1…V10), plus its location columns. */
export const QUALTRICS_LEGACY_METADATA = [
  'ResponseID', 'ResponseSet', 'Name', 'ExternalDataReference', 'EmailAddress', 'IPAddress', 'Status',
  'StartDate', 'EndDate', 'Finished', 'LocationLatitude', 'LocationLongitude', 'LocationAccuracy',
];

const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

/** Whether a cell is one of row 3's `{"ImportId": ...}` objects. */
function isImportId(cell: string): boolean {
  const text = cell.trim();
  if (!IMPORT_ID.test(text)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && typeof (value as { ImportId?: unknown }).ImportId === 'string';
  } catch {
    return false;
  }
}

/** Metadata: the known respondent fields present, and Qualtrics' own `Q_` fields (Q_RecaptchaScore, ...). */
function metadataOf(columns: string[], known: string[]): string[] {
  return columns.filter((name) => known.includes(name) || /^Q_[A-Za-z]/.test(name));
}

function labelOf(text: string | undefined, name: string): string | null {
  const label = (text ?? '').trim();
  return label === '' || label === name ? null : label;
}

function result(layout: 'qualtrics' | 'qualtrics-legacy', headerRows: number, columns: string[], labels: (string | null)[], known: string[], idName: string): LayoutResult {
  const has = (name: string): string | null => (columns.includes(name) ? name : null);
  return {
    layout,
    headerRows,
    columns,
    labels,
    idColumn: has(idName),
    metadataColumns: metadataOf(columns, known),
    rules: qualtricsRules(has('Status'), has('DistributionChannel')),
  };
}

/** Why the records are not a current Qualtrics export, or null when they are. */
function notCurrent(records: string[][], firstLine: number): { message: string; line: number } | null {
  if (records.length < 3) {
    return { message: `has ${records.length} row${records.length === 1 ? '' : 's'}; a Qualtrics export has three header rows (names, question text, ImportId)`, line: firstLine };
  }
  const ids = records[2].filter((cell) => cell.trim() !== '');
  const bad = ids.find((cell) => !isImportId(cell));
  if (ids.length === 0 || bad !== undefined) {
    const found = bad ?? records[2][0];
    return { message: `row 3 is not Qualtrics' ImportId row: found ${quoteField(found)} where {"ImportId":...} was expected`, line: firstLine + 2 };
  }
  return null;
}

/** A current Qualtrics export (three header rows, the third of ImportId JSON). */
export const qualtricsLayout: LayoutDetector = (records, place) => {
  const problem = notCurrent(records, place.firstLine);
  if (problem !== null) {
    if (!place.forced) return null;
    throw dataError(`not a Qualtrics export: ${problem.message}`, { file: place.file, line: problem.line }, 'export the responses from Qualtrics as CSV or TSV, or leave out --input-format');
  }
  const columns = records[0].map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
  const labels = columns.map((name, i) => labelOf(records[1][i], name));
  return result('qualtrics', 3, columns, labels, QUALTRICS_METADATA, 'ResponseId');
};

/** Why the records are not a legacy Qualtrics export, or null when they are. */
function notLegacy(records: string[][], firstLine: number): { message: string; line: number } | null {
  const names = (records[0] ?? []).map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
  const vNames = names.slice(0, 10);
  if (vNames.length < 10 || vNames.some((name, i) => name !== `V${i + 1}`)) {
    return { message: `row 1 does not begin with V1…V10 (it begins with ${quoteField(names.slice(0, 3).join(','))})`, line: firstLine };
  }
  const fields = (records[1] ?? []).slice(0, 10).map((cell) => cell.trim());
  if (fields[0] !== 'ResponseID' || !fields.includes('StartDate')) {
    return { message: `row 2 does not name the respondent fields (ResponseID, ..., StartDate); it begins with ${quoteField(fields[0])}`, line: firstLine + 1 };
  }
  return null;
}

/** A legacy Qualtrics export (two header rows: V1…V10 and question ids, then field names and question text). */
export const qualtricsLegacyLayout: LayoutDetector = (records, place) => {
  const problem = notLegacy(records, place.firstLine);
  if (problem !== null) {
    if (!place.forced) return null;
    throw dataError(`not a legacy Qualtrics export: ${problem.message}`, { file: place.file, line: problem.line }, 'export the responses from Qualtrics, or leave out --input-format');
  }
  const row1 = records[0].map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
  const row2 = records[1];
  const columns = row1.map((name, i) => (/^V\d+$/.test(name) && (row2[i] ?? '').trim() !== '' ? row2[i].trim() : name));
  const labels = columns.map((name, i) => (name === row1[i] ? labelOf(row2[i], name) : null));
  return result('qualtrics-legacy', 2, columns, labels, QUALTRICS_LEGACY_METADATA, 'ResponseID');
};
