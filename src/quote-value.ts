/**
 * A value from the data or the codebook as a message quotes it: in double quotes, cut to `max`
 * characters with "…" and its length, so that a 300 KB cell never makes a 300 KB message.
 *
 * @example quoteValue('Yes') // '"Yes"'
 */
export function quoteValue(value: string, max = 60): string {
  const chars = [...value];
  if (chars.length <= max) return `"${value}"`;
  return `"${chars.slice(0, max).join('')}…" (${chars.length} characters)`;
}

/** A list of values for a message: at most `most` of them quoted, then how many more. */
export function quoteList(values: string[], most = 8): string {
  const shown = values.slice(0, most).map((v) => quoteValue(v));
  return values.length > most ? `${shown.join(', ')} and ${values.length - most} more` : shown.join(', ');
}
