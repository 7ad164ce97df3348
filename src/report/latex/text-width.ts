/**
 * How wide a text is when LaTeX sets it, in em of the table's font, so that the renderer can
 * plan tables that fit the text block without running LaTeX. The widths are those of Computer
 * Modern Roman (the `cmr10` and `cmr9` TFM files, the wider of the two for each character;
 * Latin Modern has the same metrics), for the printable ASCII characters; any other
 * character counts as 0.75 em, wider than most letters. `<`, `=` and `>` are set in math mode
 * (0.778 em), and in a figure so is a minus sign before a digit (`$-$`). Times-like fonts are
 * narrower, so a plan made with these widths still fits.
 */

// prettier-ignore
const ASCII_WIDTHS = [
  0.333, 0.278, 0.5, 0.833, 0.5, 0.833, 0.778, 0.278, 0.389, 0.389, 0.5, 0.778, 0.278, 0.333, 0.278, 0.5,
  0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.278, 0.278, 0.778, 0.778, 0.778, 0.472,
  0.778, 0.75, 0.708, 0.722, 0.764, 0.681, 0.653, 0.785, 0.75, 0.361, 0.514, 0.778, 0.625, 0.917, 0.75, 0.778,
  0.681, 0.778, 0.736, 0.556, 0.722, 0.75, 0.75, 1.028, 0.75, 0.75, 0.611, 0.278, 0.5, 0.278, 0.5, 0.278,
  0.278, 0.5, 0.556, 0.444, 0.556, 0.445, 0.306, 0.5, 0.556, 0.278, 0.306, 0.528, 0.278, 0.833, 0.556, 0.5,
  0.556, 0.528, 0.392, 0.394, 0.389, 0.556, 0.528, 0.722, 0.528, 0.528, 0.444, 0.5, 1.0, 0.5, 0.5,
];
const OTHER = 0.75;
const MINUS = 0.778;

/** The width of `text` (as people read it, before LaTeX escaping), in em; `figure`: a minus before a digit is `$-$`. */
export function textWidth(text: string, figure = false): number {
  let width = 0;
  const chars = [...text];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) ?? 0;
    if (figure && ch === '-' && /\d|\./.test(chars[i + 1] ?? '')) width += MINUS;
    else width += code >= 32 && code < 127 ? ASCII_WIDTHS[code - 32] : OTHER;
  });
  return width;
}

/** The widest of the words of `text` (split at spaces), in em. */
export function widestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word)));
}

/**
 * `text` broken at spaces into lines no wider than `limit` em (a word wider than the limit
 * stands alone on its line).
 */
export function breakLines(text: string, limit: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`) <= limit) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}
