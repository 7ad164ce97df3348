export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DELIMITER_CODES = DELIMITERS.map((d) => d.charCodeAt(0));

/** How many records (the header included) the detection looks at. */
const SAMPLE_RECORDS = 30;

/** A record of nothing but spaces, which the detection passes over. */
const BLANK = /^ *$/;

/**
 * The delimiter of a CSV text. Excel's `sep=;` first line names it. Otherwise each candidate
 * (comma, semicolon, tab, pipe) splits the first records, quotes respected, and the one that
 * gives the header's field count (more than one) on the most data rows wins: a comma inside an
 * unquoted question text in the header of a semicolon file then does not decide. Ties go to
 * the candidate that occurs most often in the header, then to the earlier one in that list; a
 * comma when none occurs (one column).
 */
export function detectDelimiter(text: string): string {
  const sep = /^(?:\uFEFF)?sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (sep && sep[1] !== '"') return sep[1];
  const counts = fieldCounts(text);
  let best: string = ',';
  let bestScore = [-1, -1];
  DELIMITERS.forEach((d, c) => {
    if (counts.length === 0) return;
    const header = counts[0][c];
    let agreeing = -1;
    if (header > 1) {
      agreeing = 0;
      for (let r = 1; r < counts.length; r++) if (counts[r][c] === header) agreeing++;
    }
    if (agreeing > bestScore[0] || (agreeing === bestScore[0] && header > bestScore[1])) {
      best = d;
      bestScore = [agreeing, header];
    }
  });
  return best;
}

/**
 * Fields per record under each candidate delimiter (in DELIMITERS order), for the first
 * SAMPLE_RECORDS non-blank records (blank: nothing but spaces), quotes respected. A record ends
 * at LF or CR outside quotes. A record without a quote is counted with indexOf (native code,
 * fast from the first run, no string per field); one with a quote is walked character by
 * character. Each line end and quote is searched for once: linear in the text.
 */
export function fieldCounts(text: string): number[][] {
  const counts: number[][] = [];
  let i = 0;
  let quote = text.indexOf('"');
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (i < text.length && counts.length < SAMPLE_RECORDS) {
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
    const end = Math.min(lf === -1 ? text.length : lf, cr === -1 ? text.length : cr);
    if (quote === -1 || quote >= end) {
      const record = text.slice(i, end);
      if (!BLANK.test(record)) counts.push(DELIMITERS.map((d) => 1 + occurrences(record, d)));
      i = end + 1;
    } else {
      i = quotedRecord(text, i, counts);
    }
  }
  return counts;
}

function occurrences(text: string, character: string): number {
  let n = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) n++;
  return n;
}

/**
 * The record that starts at `start` and holds a quote: its field counts are pushed unless it is
 * blank or its quote is never closed. Returns where the next record starts.
 */
function quotedRecord(text: string, start: number, counts: number[][]): number {
  const fields = [1, 1, 1, 1];
  let quoted = false;
  let blank = true;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      continue;
    } else if (ch === 10 || ch === 13) {
      if (!blank) counts.push(fields);
      return i + 1;
    } else {
      const c = DELIMITER_CODES.indexOf(ch);
      if (c !== -1) fields[c]++;
      if (ch !== 32) blank = false;
    }
  }
  if (!blank && !quoted) counts.push(fields);
  return text.length;
}
