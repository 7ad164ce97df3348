/**
 * SPSS values as cell texts (src/read/formats/binary-table.ts): a number as `String(x)`; a
 * date, time or date-time (by the variable's print format) in ISO 8601; a string decoded with
 * the file's character encoding, trailing blanks removed.
 *
 * SPSS keeps dates and times as seconds since the start of the Gregorian calendar,
 * 1582-10-14 00:00:00; format type codes as in the GNU PSPP developers' guide ("Variable
 * Record": 20 DATE, 21 TIME, 22 DATETIME, 23 ADATE, 24 JDATE, 25 DTIME, 28 MOYR, 29 QYR,
 * 30 WKYR, 38 EDATE, 39 SDATE, 40 MTIME, 41 YMDHMS).
 */

import { TextDecoder } from 'node:util';

const DATE_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);
const TIME_FORMATS = new Set([21, 25, 40]);

/** Seconds from 1582-10-14 to 1970-01-01 (141 428 days). */
const GREGORIAN_TO_UNIX_SECONDS = 141_428 * 86_400;

export type ValueKind = 'number' | 'date' | 'datetime' | 'time';

export function valueKind(formatType: number): ValueKind {
  if (DATE_FORMATS.has(formatType)) return 'date';
  if (DATETIME_FORMATS.has(formatType)) return 'datetime';
  if (TIME_FORMATS.has(formatType)) return 'time';
  return 'number';
}

/** The cell text of a (non-missing) number; "" for a value that is not finite. */
export function numberText(x: number, kind: ValueKind): string {
  if (!Number.isFinite(x)) return '';
  if (kind === 'number') return String(x);
  if (kind === 'time') return clockText(x);
  // Whole milliseconds first, so 12.9999999 s reads as 13 s, then whole seconds as haven does.
  const ms = Math.floor(Math.round(x * 1000) / 1000) * 1000 - GREGORIAN_TO_UNIX_SECONDS * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(x);
  const iso = date.toISOString();
  if (date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) return String(x);
  return kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A duration in seconds as [-]HH:MM:SS (hours may pass 24). */
function clockText(seconds: number): string {
  const whole = Math.floor(Math.round(Math.abs(seconds) * 1000) / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const text = `${two(Math.floor(whole / 3600))}:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}`;
  return seconds < 0 ? `-${text}` : text;
}

/** A string value's text: decoded, trailing blanks (and NUL padding) removed. */
export function stringText(bytes: Uint8Array, decoder: TextDecoder): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return decoder.decode(bytes.subarray(0, end));
}

/** Windows code pages and their names, for the character code of record 7.3. */
const CODE_PAGES: Record<number, string> = { 65001: 'utf-8', 1252: 'windows-1252', 28591: 'iso-8859-1', 20127: 'us-ascii', 2: 'us-ascii', 3: 'windows-1252' };

/**
 * The decoder for a file's strings: the encoding record (7.20) when present and known, else
 * the character code of record 7.3 (65001 UTF-8, 1252 windows-1252, 28591 latin1, 874 and
 * 1250-1258 their Windows code pages), else windows-1252.
 */
export function textDecoderFor(encoding: string | null, characterCode: number | null): TextDecoder {
  const candidates: string[] = [];
  if (encoding !== null && encoding !== '') candidates.push(encoding);
  if (characterCode !== null) {
    const named = CODE_PAGES[characterCode];
    if (named !== undefined) candidates.push(named);
    else if (characterCode === 874 || (characterCode >= 1250 && characterCode <= 1258)) candidates.push(`windows-${characterCode}`);
  }
  for (const label of candidates) {
    try {
      return new TextDecoder(label);
    } catch {
      // An encoding this runtime does not know: try the next clue.
    }
  }
  return new TextDecoder('windows-1252');
}
