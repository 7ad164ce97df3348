import { dateFormatParts, excelSerialText } from './excel-date-text.js';

/** A cell as SheetJS gives it: its type, value, number format and formatted text. */
export interface SheetCell {
  /** b boolean, n number, s string, e error, d date, z blank. */
  t: string;
  v?: unknown;
  /** The number format code. */
  z?: string | number;
  /** The formatted text. */
  w?: string;
}

/** Error values by their BIFF code, as Excel writes them (MS-XLS 2.5.97.2). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/**
 * A cell's text as an analyst sees it in Excel (a formula cell: its cached result):
 * - text as it is; a boolean as TRUE or FALSE; an error as Excel shows it ("#N/A", "#DIV/0!");
 * - a number in the General format as the shortest text that reads back to the same double
 *   (`String(x)`: 3 → "3", 123456789012 → "123456789012", where Excel's General would show
 *   "1.23457E+11"), so no digit of a stored code or identifier is lost;
 * - a number in a date or time format as ISO 8601 (excel-date-text.ts);
 * - a number in any other format as that format shows it ("0.0%" → "33.3%", "0.00" → "2.50").
 *   `format(code, value)` formats it (SheetJS's SSF) when the reader did not.
 */
export function xlsxCellText(cell: SheetCell | null | undefined, date1904: boolean, format: (code: string, value: number) => string): string {
  if (cell == null || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? ERROR_TEXT[cell.v as number] ?? '#VALUE!';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace(/ 00:00:00$/, '') : String(cell.v);
    case 'n':
      return numberText(cell.v as number, typeof cell.z === 'string' ? cell.z : 'General', cell.w, date1904, format);
    default:
      return cell.w ?? String(cell.v);
  }
}

function numberText(value: number, code: string, shown: string | undefined, date1904: boolean, format: (code: string, value: number) => string): string {
  if (/^general$/i.test(code.trim())) return String(value);
  const parts = dateFormatParts(code);
  if (parts !== null) {
    const iso = excelSerialText(value, parts, date1904);
    if (iso !== null) return iso;
  }
  if (shown !== undefined) return shown;
  try {
    return format(code, value);
  } catch {
    return String(value);
  }
}
