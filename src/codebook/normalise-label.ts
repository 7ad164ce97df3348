/**
 * The form in which answer labels are compared: trimmed, lower-cased, and with typographic
 * apostrophes (’ ‘ ʼ, which survey platforms and word processors put in "Don’t know") made
 * plain ('). So "Don’t know" in a cell matches "Don't know" in the codebook.
 */
export function normaliseLabel(text: string): string {
  return text.trim().toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}
