/**
 * What items of one question share: the stem of their column names and the stem of their
 * question wording.
 *
 * - Name stems: Qualtrics' and SurveyMonkey's numbered rows `Q1_1`, `Q1_2` (and `q3_1`) →
 *   `Q1`, `q3`; a name that ends in a number, `pk1`, `pk_3`, `item 12`, `Q12b` → `pk`, `item`, `Q`.
 * - Question stems: Qualtrics' and SurveyMonkey's matrix headers "<question> - <statement>"
 *   (split at the first " - ") and Google Forms' grids "<question> [<row>]".
 */

export interface QuestionParts {
  stem: string;
  /** The row or statement: what tells this item from the others of its question. */
  row: string;
}

/** The stem of a column name, or null when the name is not numbered. */
export function nameStem(name: string): string | null {
  const trimmed = name.trim();
  const numberedRow = /^(.*?\d+)[_.](\d+)$/.exec(trimmed);
  if (numberedRow && /[A-Za-z]/.test(numberedRow[1])) return numberedRow[1];
  const numbered = /^([A-Za-z][A-Za-z_]*?)[_.\s-]*\d+[A-Za-z]?$/.exec(trimmed);
  return numbered ? numbered[1] : null;
}

/** The question and its row, from a matrix or grid header; null for a label of its own. */
export function questionParts(label: string | null): QuestionParts | null {
  if (label === null) return null;
  const text = label.trim();
  const grid = /^(.*\S)\s*\[([^\]]+)\]$/s.exec(text);
  if (grid) return { stem: grid[1].trim(), row: grid[2].trim() };
  const at = text.indexOf(' - ');
  if (at > 0 && at + 3 < text.length) return { stem: text.slice(0, at).trim(), row: text.slice(at + 3).trim() };
  return null;
}
