/**
 * Excel date and time cells as ISO 8601 text. Excel stores a date as a serial number of days
 * (with the time of day as its fraction) and shows it through the cell's number format; the
 * same format code shows differently by locale (the built-in "m/d/yyyy" is 1/3/2024 in the US
 * and 03/01/2024 in the UK), so the reader writes the parts that the format shows, in ISO order:
 * "2024-03-01" (a date format), "2024-03-01 10:22:33" (date and time), "10:22:33" (time only).
 * This is how the .sav and .dta readers write dates too.
 *
 * Serials (ECMA-376 Part 1, §18.17.4.1): in the 1900 date system serial 1 is 1900-01-01 and
 * serial 60 is the non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility;
 * in the 1904 system (old Mac workbooks) serial 0 is 1904-01-01. Times round to the second.
 */

/** What a number format shows of a date: null when it is not a date or time format. */
export type DateParts = 'date' | 'datetime' | 'time' | null;

/**
 * @example dateFormatParts('DD/MM/YYYY') // 'date'
 * @example dateFormatParts('0.0%') // null
 */
export function dateFormatParts(format: string): DateParts {
  // Quoted text, escaped characters, and colour or locale sections say nothing about dates;
  // an elapsed-time section ([h], [mm], [ss]) is a duration, not a point in time.
  if (/\[(h+|m+|s+)\]/i.test(format)) return null;
  const code = format.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '').toLowerCase().replace(/general/g, '');
  const time = /[hs]/.test(code) || /am\/pm|a\/p/.test(code);
  const date = /[yd]/.test(code) || (/m/.test(code) && !time);
  if (date && time) return 'datetime';
  if (date) return 'date';
  return time ? 'time' : null;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A serial as ISO 8601 text showing `parts`, or null for a serial no date can have (negative,
 * or past 9999-12-31), which Excel shows as "#####".
 *
 * @example excelSerialText(45352.4323263889, 'datetime', false) // '2024-03-01 10:22:33'
 */
export function excelSerialText(serial: number, parts: 'date' | 'datetime' | 'time', date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400);
  const inDay = seconds - days * 86_400;
  const time = `${pad(Math.floor(inDay / 3600))}:${pad(Math.floor(inDay / 60) % 60)}:${pad(inDay % 60)}`;
  if (parts === 'time') return time;
  let day: string;
  if (!date1904 && days === 60) day = '1900-02-29';
  else {
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    const d = new Date(epoch + days * DAY_MS);
    day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return parts === 'date' ? day : `${day} ${time}`;
}
