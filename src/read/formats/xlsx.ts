import { dataError } from '../../errors.js';
import { quoteList, quoteValue } from '../../quote-value.js';
import { sniffFormat } from './sniff-format.js';
import { unsupportedFormatError } from './unsupported-format.js';
import { firstDamagedEntry, zipEntries } from './zip-directory.js';
import { xlsxCellText, type SheetCell } from './xlsx-cell-text.js';

/** One sheet of a workbook as rows of cell texts. */
export interface SheetRows {
  /** The sheet's name. */
  sheet: string;
  /** Header row first; every row as wide as the sheet's cells reach; blank rows left out. */
  rows: string[][];
  /** The Excel row number (1-based) of each of `rows`, for messages: `file: row 12`. */
  rowNumbers: number[];
}

/**
 * The largest .xlsx read. The workbook is read whole, not streamed: an .xlsx is a ZIP archive
 * whose sheet XML refers to a shared-strings part that may come after it, and SheetJS (the
 * reader) builds every cell of the chosen sheet in memory. Memory grows with the cell count,
 * about 0.5-1 KB a cell while reading (a 112 KB workbook of 25,000 cells: about 30 MB), so a
 * 200 MB file can need several GB; larger files are refused with a hint to export a CSV, which
 * is streamed in constant memory.
 */
export const MAX_XLSX_BYTES = 200 * 1024 * 1024;

const SHEETS_LISTED = 10;

/**
 * An .xlsx (or .xlsm) sheet's rows: the sheet named by `options.sheet`, or numbered by it
 * ("2": 1-based, in workbook order), or the first sheet. Cells read as Excel shows them
 * (xlsx-cell-text.ts). In a merged range only the top-left cell holds the value and the others
 * are "", as in Excel's and LibreOffice's CSV export, so a question text merged across its
 * answer columns (SurveyMonkey) is carried forward by the layout readers as it is in a CSV.
 *
 * Any other format (.xls, .ods, an encrypted workbook, a damaged archive) is a dataError
 * naming what the file is (unsupported-format.ts); so is an unknown sheet or an empty one.
 */
export async function readXlsx(bytes: Buffer, file: string, options: { sheet: string | null }): Promise<SheetRows> {
  const kind = sniffFormat(bytes.subarray(0, 512));
  const unsupported = unsupportedFormatError(kind, bytes, file);
  if (unsupported !== null) throw unsupported;
  if (kind !== 'zip') throw dataError('the file is not an .xlsx workbook (it does not start as a ZIP archive does)', { file }, 'give an .xlsx workbook, or the data as CSV');
  if (bytes.length > MAX_XLSX_BYTES) {
    throw dataError(`the workbook is ${Math.round(bytes.length / 1048576)} MB, more than the ${MAX_XLSX_BYTES / 1048576} MB an .xlsx is read up to`, { file },
      'workbooks are read whole into memory; save the sheet as CSV, which is read as a stream');
  }
  const damaged = firstDamagedEntry(bytes, zipEntries(bytes) ?? []);
  if (damaged !== null) {
    throw dataError(`the file is a damaged ZIP (xlsx) archive: its part ${quoteValue(damaged)} is corrupt`, { file },
      'the file may be incomplete or altered: download or export it again, or open it in Excel or LibreOffice and save it again');
  }
  const XLSX = await import('@e965/xlsx');
  const names = readOrExplain(() => XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames, file);
  const sheet = chooseSheet(names, options.sheet, file);
  const workbook = readOrExplain(() => XLSX.read(bytes, { type: 'buffer', sheets: [sheet], dense: true, cellNF: true, cellDates: false, cellHTML: false, cellStyles: false }), file);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const worksheet = workbook.Sheets[sheet] as unknown as DenseSheet | undefined;
  const format = (code: string, value: number): string => String(XLSX.SSF.format(code, value, { date1904 }));
  const table = sheetTable(worksheet, date1904, format);
  if (table.rows.length === 0) {
    throw dataError(`the sheet ${quoteValue(sheet)} is empty`, { file }, names.length > 1 ? `choose another with --sheet: ${sheetList(names)}` : undefined);
  }
  return { sheet, ...table };
}

/** What SheetJS gives for a sheet read with `dense: true`. */
interface DenseSheet {
  '!data'?: (SheetCell | null | undefined)[][];
  '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
}

function readOrExplain<T>(read: () => T, file: string): T {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/password/i.test(reason)) {
      throw dataError('the workbook is password-protected (encrypted), and survey-analyze cannot read it', { file },
        'remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear it) and save again');
    }
    throw dataError(`the workbook could not be read; it may be damaged (${quoteValue(reason).slice(1, -1)})`, { file },
      'open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV');
  }
}

/** The sheet `wanted` names: an exact name, then a name in other case, then a 1-based number. */
export function chooseSheet(names: string[], wanted: string | null, file: string): string {
  if (names.length === 0) throw dataError('the workbook has no sheets', { file });
  if (wanted === null) return names[0];
  if (names.includes(wanted)) return wanted;
  const folded = names.filter((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (folded.length === 1) return folded[0];
  if (/^\s*\d+\s*$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= names.length) return names[n - 1];
    throw dataError(`there is no sheet ${n}: the workbook has ${names.length} sheet${names.length === 1 ? '' : 's'}`, { file, option: '--sheet' },
      `give --sheet a number from 1 to ${names.length}, or a name: ${sheetList(names)}`);
  }
  throw dataError(`there is no sheet ${quoteValue(wanted)} in the workbook`, { file, option: '--sheet' }, `its sheets are ${sheetList(names)}`);
}

function sheetList(names: string[]): string {
  return quoteList(names, SHEETS_LISTED);
}

/**
 * The sheet's cells as text, from its first to its last column holding a value; blank rows
 * left out; merged ranges blank except for their top-left cell.
 */
function sheetTable(sheet: DenseSheet | undefined, date1904: boolean, format: (code: string, value: number) => string): Omit<SheetRows, 'sheet'> {
  const data = sheet?.['!data'] ?? [];
  blankMergedAway(data, sheet?.['!merges'] ?? []);
  const texts: { row: number; cells: Map<number, string> }[] = [];
  let first = Infinity;
  let last = -1;
  data.forEach((cells, r) => {
    if (cells === undefined || cells === null) return;
    const row = new Map<number, string>();
    cells.forEach((cell, c) => {
      const text = xlsxCellText(cell, date1904, format);
      if (text === '') return;
      row.set(c, text);
      first = Math.min(first, c);
      last = Math.max(last, c);
    });
    if (row.size > 0) texts.push({ row: r, cells: row });
  });
  const width = last - first + 1;
  return {
    rows: texts.map(({ cells }) => Array.from({ length: width }, (_, i) => cells.get(first + i) ?? '')),
    rowNumbers: texts.map(({ row }) => row + 1),
  };
}

/** Blank the cells of each merged range but its top-left one (visiting only cells the sheet has). */
function blankMergedAway(data: NonNullable<DenseSheet['!data']>, merges: NonNullable<DenseSheet['!merges']>): void {
  for (const { s, e } of merges) {
    for (let r = s.r; r <= Math.min(e.r, data.length - 1); r++) {
      const row = data[r];
      if (row === undefined || row === null) continue;
      for (let c = s.c; c <= Math.min(e.c, row.length - 1); c++) if (r !== s.r || c !== s.c) row[c] = undefined;
    }
  }
}
