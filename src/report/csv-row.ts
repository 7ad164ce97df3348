/**
 * One CSV record (RFC 4180) ending in a newline. A field is quoted when it holds the
 * delimiter, a quote or a line break; a text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR, and not a number) is prefixed with ' as OWASP
 * recommends for CSV injection.
 */
export function csvRow(fields: string[], delimiter = ','): string {
  return fields.map((field) => csvField(field, delimiter)).join(delimiter) + '\n';
}

export function csvField(field: string, delimiter = ','): string {
  const safe = neutraliseFormula(field);
  return needsQuotes(safe, delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function neutraliseFormula(text: string): string {
  if (text.length === 0) return text;
  const first = text[0];
  if (first !== '=' && first !== '+' && first !== '-' && first !== '@' && first !== '\t' && first !== '\r') return text;
  return Number.isFinite(Number(text)) && text.trim() !== '' ? text : `'${text}`;
}

function needsQuotes(text: string, delimiter: string): boolean {
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
}
