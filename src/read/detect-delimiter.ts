export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How many records (the header included) the detection looks at. */
const SAMPLE_RECORDS = 30;

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
 * SAMPLE_RECORDS non-blank records, quotes respected: one pass over the text for all candidates.
 */
function fieldCounts(text: string): number[][] {
  const counts: number[][] = [];
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let fields = [1, 1, 1, 1];
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      continue;
    } else if (ch === 10 || ch === 13) {
      if (!blank) counts.push(fields);
      fields = [1, 1, 1, 1];
      blank = true;
    } else {
      const c = codes.indexOf(ch);
      if (c !== -1) fields[c]++;
      if (ch !== 32) blank = false;
    }
  }
  if (!blank && counts.length < SAMPLE_RECORDS && !quoted) counts.push(fields);
  return counts;
}
