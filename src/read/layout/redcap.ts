import { dataError } from '../../errors.js';
import type { LayoutDetector, LayoutResult } from './layout.js';
import { quoteField, withoutBom } from './quote-field.js';

/**
 * REDCap record exports (Data Exports, Reports and Stats → "CSV / Microsoft Excel (raw data)" or
 * "(labels)", and the API's `content=record&format=csv`), as REDCap writes them:
 *
 * - raw: one header row of field names (lower-case letters, digits and `_`), the record id field
 *   first (`record_id` by default), then `redcap_event_name` in a longitudinal project,
 *   `redcap_repeat_instrument` and `redcap_repeat_instance` when instruments or events repeat,
 *   `redcap_data_access_group` with DAGs, `redcap_survey_identifier` and `<instrument>_timestamp`
 *   ("YYYY-MM-DD HH:MM:SS", or "[not completed]") for surveys, the fields, and after each
 *   instrument `<instrument>_complete` (0 Incomplete, 1 Unverified, 2 Complete). A checkbox field
 *   gives one column per option, `field___code`, holding 0 or 1. Cells hold the choice codes.
 * - labels: the same columns headed by the field labels ("Record ID", "Event Name", "Repeat
 *   Instrument", "Repeat Instance", "Survey Identifier", "Survey Timestamp", a checkbox option
 *   as "Label (choice=Option)", "Complete?" once per instrument); cells hold the choice labels,
 *   "Checked"/"Unchecked" and "Incomplete"/"Unverified"/"Complete".
 *
 * Columns keep the header text, trimmed. A header that repeats (the labels export's "Complete?"
 * and "Survey Timestamp", or two fields with one label) keeps its first occurrence as it is and
 * takes " (2)", " (3)", ... on the later ones, in the order of the file. The labels export's
 * headers, HTML tags removed, become the columns' labels. Neither layout has default exclusions:
 * every record row (each event and each repeat instance of a record) is a row.
 */

/** A REDCap variable name: lower-case letter first, then lower-case letters, digits and `_`. */
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const SYSTEM_FIELD = /^redcap_[a-z_]+$/;
const COMPLETE_FIELD = /^[a-z][a-z0-9_]*_complete$/;
const TIMESTAMP_FIELD = /^[a-z][a-z0-9_]*_timestamp$/;
const CHECKBOX_FIELD = /^[a-z][a-z0-9_]*___[a-z0-9_]+$/;
/** Unique event names: `<event>_arm_<n>`. */
const EVENT_NAME = /^[a-z0-9_]+_arm_\d+$/;
const SURVEY_TIMESTAMP = /^(\[not completed\]|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?)$/;
const COMPLETE_CODES = ['0', '1', '2'];
const COMPLETE_LABELS = ['incomplete', 'unverified', 'complete'];

/** The labels export's headers for REDCap's own columns. */
export const REDCAP_LABEL_METADATA = ['Event Name', 'Repeat Instrument', 'Repeat Instance', 'Data Access Group', 'Survey Identifier', 'Survey Timestamp'];
const LABEL_CHECKBOX = /\(choice=[^)]*\)$/;

/**
 * Header names made unique: a repeat keeps its text with " (2)", " (3)"... appended, in order.
 *
 * @example uniqueNames(['Complete?', 'Age', 'Complete?']) // ['Complete?', 'Age', 'Complete? (2)']
 */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set(names);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let n = count;
    while (taken.has(`${name} (${n})`)) n += 1;
    const unique = `${name} (${n})`;
    taken.add(unique);
    return unique;
  });
}

/**
 * A label as plain text: HTML tags removed, the common entities decoded, white space collapsed.
 * REDCap field labels may carry rich text (`<b>`, `<span style=...>`, `<br>`).
 */
export function plainLabel(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function headerNames(records: string[][]): string[] {
  return (records[0] ?? []).map((name, i) => (i === 0 ? withoutBom(name) : name).trim());
}

/** The data rows among the records: a blank line (one empty field) is not a row. */
function dataRows(records: string[][]): string[][] {
  return records.slice(1).filter((row) => !(row.length === 1 && row[0].trim() === ''));
}

/** Whether every non-empty cell of a column (over the rows seen) passes `test`, and one at least is non-empty. */
function columnHolds(rows: string[][], index: number, test: (cell: string) => boolean): boolean {
  const cells = rows.map((row) => (row[index] ?? '').trim()).filter((cell) => cell !== '');
  return cells.length > 0 && cells.every(test);
}

interface Verdict {
  /** null when the records are the layout; else why not, and on which record (0-based). */
  problem: { message: string; record: number } | null;
}

/** Why the records are not a raw REDCap export, or null when they are. */
function notRaw(records: string[][]): Verdict['problem'] {
  const names = headerNames(records);
  if (names.length < 2) return { message: 'has fewer than two columns', record: 0 };
  const bad = names.find((name) => !FIELD_NAME.test(name));
  if (bad !== undefined) return { message: `column ${quoteField(bad)} is not a REDCap field name (lower-case letters, digits and _)`, record: 0 };
  const rows = dataRows(records);
  const at = (name: string): number => names.indexOf(name);
  const eventOk = at('redcap_event_name') >= 0 && columnHolds(rows, at('redcap_event_name'), (cell) => EVENT_NAME.test(cell));
  const repeatOk = at('redcap_repeat_instance') >= 0 && at('redcap_repeat_instrument') >= 0;
  const completes = names.map((name, i) => (COMPLETE_FIELD.test(name) ? i : -1)).filter((i) => i >= 0);
  const completeOk = completes.length > 0 && completes.every((i) => columnHolds(rows, i, (cell) => COMPLETE_CODES.includes(cell)));
  if (eventOk || (repeatOk && completeOk)) return null;
  if (!completeOk) {
    return completes.length === 0
      ? { message: 'has no <instrument>_complete column and no redcap_event_name column', record: 0 }
      : { message: `column ${quoteField(names[completes[0]])} does not hold REDCap's form status codes 0, 1, 2`, record: 0 };
  }
  const firstIsId = names[0] === 'record_id';
  const checkboxOk = names.some((name, i) => CHECKBOX_FIELD.test(name) && columnHolds(rows, i, (cell) => cell === '0' || cell === '1'));
  const timestampOk = names.some((name, i) => TIMESTAMP_FIELD.test(name) && columnHolds(rows, i, (cell) => SURVEY_TIMESTAMP.test(cell)));
  const systemOk = names.some((name) => SYSTEM_FIELD.test(name));
  if (firstIsId || checkboxOk || timestampOk || systemOk) return null;
  return { message: `has a ${quoteField(names[completes[0]])} column but nothing else of REDCap's (record_id first, redcap_* columns, field___code checkboxes, survey timestamps)`, record: 0 };
}

/** Why the records are not a REDCap labels export, or null when they are. */
function notLabels(records: string[][]): Verdict['problem'] {
  const names = headerNames(records);
  const rows = dataRows(records);
  const completes = names.map((name, i) => (name === 'Complete?' ? i : -1)).filter((i) => i >= 0);
  const checkboxes = names.map((name, i) => (LABEL_CHECKBOX.test(name) ? i : -1)).filter((i) => i >= 0);
  const completeOk = completes.length > 0 && completes.every((i) => columnHolds(rows, i, (cell) => COMPLETE_LABELS.includes(cell.toLowerCase())));
  const checkboxOk = checkboxes.length > 0 && checkboxes.every((i) => columnHolds(rows, i, (cell) => cell === 'Checked' || cell === 'Unchecked'));
  if (!completeOk && !checkboxOk) {
    if (completes.length > 0) return { message: 'its "Complete?" column does not hold Incomplete, Unverified or Complete', record: 0 };
    return { message: 'has no "Complete?" column and no "Label (choice=Option)" checkbox column holding Checked/Unchecked', record: 0 };
  }
  const markers = [names[0] === 'Record ID', names.some((name) => REDCAP_LABEL_METADATA.includes(name)), completeOk, checkboxOk].filter(Boolean).length;
  if (markers >= 2) return null;
  return { message: `has only one sign of REDCap's labels export (first column ${quoteField(names[0])}; "Record ID", "Event Name", "Complete?" or "(choice=...)" columns expected)`, record: 0 };
}

function fail(problem: NonNullable<Verdict['problem']>, layout: string, place: { file: string; firstLine: number }): never {
  throw dataError(`not a REDCap ${layout}: ${problem.message}`, { file: place.file, line: place.firstLine + problem.record }, `export the records from REDCap as "CSV (${layout === 'raw export' ? 'raw data' : 'labels'})", or leave out --input-format`);
}

/** Metadata of a raw export: REDCap's own `redcap_*` fields, survey timestamps, form status. */
function rawMetadata(columns: string[]): string[] {
  return columns.filter((name) => SYSTEM_FIELD.test(name) || TIMESTAMP_FIELD.test(name) || COMPLETE_FIELD.test(name));
}

/** Metadata of a labels export: the REDCap columns by their labels, numbered repeats included. */
function labelsMetadata(columns: string[]): string[] {
  const base = (name: string): string => name.replace(/ \(\d+\)$/, '');
  return columns.filter((name) => REDCAP_LABEL_METADATA.includes(base(name)) || base(name) === 'Complete?');
}

/** A raw REDCap export: field names, codes in the cells. */
export const redcapLayout: LayoutDetector = (records, place) => {
  const problem = notRaw(records);
  if (problem !== null) {
    if (!place.forced) return null;
    fail(problem, 'raw export', place);
  }
  const columns = uniqueNames(headerNames(records));
  const result: LayoutResult = {
    layout: 'redcap',
    headerRows: 1,
    columns,
    labels: columns.map(() => null),
    idColumn: columns.includes('record_id') ? 'record_id' : columns[0],
    metadataColumns: rawMetadata(columns),
    rules: [],
  };
  return result;
};

/** A REDCap labels export: field labels as headers, choice labels in the cells. */
export const redcapLabelsLayout: LayoutDetector = (records, place) => {
  const problem = notLabels(records);
  if (problem !== null) {
    if (!place.forced) return null;
    fail(problem, 'labels export', place);
  }
  const headers = headerNames(records);
  const columns = uniqueNames(headers);
  const result: LayoutResult = {
    layout: 'redcap-labels',
    headerRows: 1,
    columns,
    labels: headers.map((text) => {
      const label = plainLabel(text);
      return label === '' ? null : label;
    }),
    idColumn: columns.includes('Record ID') ? 'Record ID' : columns[0],
    metadataColumns: labelsMetadata(columns),
    rules: [],
  };
  return result;
};
