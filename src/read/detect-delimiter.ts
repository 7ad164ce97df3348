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
  let best: string = ',';
  let bestScore = [-1, -1];
  for (const d of DELIMITERS) {
    const counts = fieldCounts(text, d);
    if (counts.length === 0) continue;
    const header = counts[0];
    const agreeing = header > 1 ? counts.slice(1).filter((n) => n === header).length : -1;
    const score = [agreeing, header];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Fields per record of the first SAMPLE_RECORDS non-blank records, split by `delimiter` outside quotes. */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let quoted = false;
  let fields = 1;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
      blank = false;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else if (!quoted && ch === delimiter) {
      fields++;
      blank = false;
    } else if (ch !== ' ') blank = false;
  }
  if (!blank && counts.length < SAMPLE_RECORDS && !quoted) counts.push(fields);
  return counts;
}
