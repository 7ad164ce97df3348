import { dataError } from '../errors.js';

/**
 * The header row's column names, trimmed. Two columns with the same name are an error:
 * a codebook could not say which one it means.
 */
export function checkHeader(fields: string[], file: string, line: number): string[] {
  const columns = fields.map((name) => name.trim());
  const seen = new Map<string, number>();
  columns.forEach((name, index) => {
    if (name === '') return;
    const before = seen.get(name);
    if (before !== undefined) {
      throw dataError(`column "${name}" appears twice in the header (fields ${before + 1} and ${index + 1})`, {
        file,
        line,
      }, 'rename one of them');
    }
    seen.set(name, index);
  });
  return columns;
}
