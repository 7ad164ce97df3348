/**
 * A cell's text as an error message quotes it: trimmed, in double quotes, cut to `max`
 * characters with "…" so a long question or a stray JSON blob never floods the message.
 *
 * @example quoteField('Respondent ID') // '"Respondent ID"'
 */
export function quoteField(text: string | undefined, max = 60): string {
  const trimmed = (text ?? '').trim();
  const chars = Array.from(trimmed);
  return `"${chars.length <= max ? trimmed : `${chars.slice(0, max).join('')}…`}"`;
}

/** The first field of a header row without the byte-order mark a decoder may have left on it. */
export function withoutBom(field: string | undefined): string {
  return (field ?? '').replace(/^\uFEFF/, '');
}
