export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV text, from its first line: the candidate (comma, semicolon, tab,
 * pipe) that occurs most often outside quotes; a comma when none occurs (one column).
 * Ties go to the earlier candidate in that list.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
