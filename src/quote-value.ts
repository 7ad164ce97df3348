/**
 * Quoting values from the data or the codebook in messages, and keeping every message safe and
 * short: a control character (C0, DEL, C1) or a bidirectional override or isolate (U+202A–U+202E,
 * U+2066–U+2069) from a cell could restyle, retitle or rewrite the terminal that shows the
 * message, so it is shown as `\xNN` or `\uNNNN` instead; a 300 KB cell is shown as its first 60
 * characters, an ellipsis and its length.
 */

/** Characters that must not reach a terminal as they are. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, except the line feed (messages of several lines keep their line breaks). */
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character and bidi override shown as an escape (`\x1b`, `\u202e`);
 * with `keepLineFeeds`, line feeds stay as they are.
 *
 * @example escapeControls('a\x1b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControls(text: string, keepLineFeeds = false): string {
  const pattern = keepLineFeeds ? UNSAFE_BUT_LF : UNSAFE;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeChar) : text;
}

/**
 * The first `max` characters (code points) of `text` and how many it has, without copying the
 * whole of a long text into an array.
 */
function prefix(text: string, max: number): { shown: string; length: number; cut: boolean } {
  // Fewer UTF-16 units than `max` is fewer characters too.
  if (text.length <= max) return { shown: text, length: text.length, cut: false };
  let length = 0;
  let end = 0;
  for (const ch of text) {
    if (length < max) end += ch.length;
    length++;
  }
  return { shown: text.slice(0, end), length, cut: length > max };
}

/**
 * The start of `text` as a message shows it: escaped (escapeControls), and cut so that what is
 * shown takes at most `max` characters (an escape counts as the characters it is shown in).
 */
function shownPrefix(text: string, max: number): { shown: string; length: number; cut: boolean } {
  let shown = '';
  let width = 0;
  let length = 0;
  let cut = false;
  for (const ch of text) {
    length++;
    if (cut) continue;
    const piece = escapeControls(ch);
    const w = piece === ch ? 1 : piece.length;
    if (width + w > max) cut = true;
    else {
      shown += piece;
      width += w;
    }
  }
  return { shown, length, cut };
}

/**
 * A value from the data or the codebook as a message quotes it: in double quotes, control
 * characters escaped, cut to `max` characters with "…" and its length, so that a 300 KB cell
 * never makes a 300 KB message.
 *
 * @example quoteValue('Yes') // '"Yes"'
 * @example quoteValue('x'.repeat(1000)) // '"xxx…x…" (1000 characters)'
 */
export function quoteValue(value: string, max = 60): string {
  const { shown, length, cut } = shownPrefix(value, max);
  return cut ? `"${shown}…" (${length} characters)` : `"${shown}"`;
}

/** A value shown without quotes (a path part, a number as written): escaped and cut like quoteValue. */
export function shortText(value: string, max = 60): string {
  const { shown, length, cut } = shownPrefix(value, max);
  return cut ? `${shown}… (${length} characters)` : shown;
}

/** A list of values for a message: at most `most` of them quoted, then how many more. */
export function quoteList(values: readonly string[], most = 8, max = 60): string {
  const shown = values.slice(0, most).map((v) => quoteValue(v, max));
  return values.length > most ? `${shown.join(', ')} and ${values.length - most} more` : shown.join(', ');
}

/** The most lines a message (an error with its hint, or a warning) is printed in. */
export const MESSAGE_LINES = 24;
/** The most characters of one printed line. */
export const MESSAGE_LINE_CHARS = 1000;

/**
 * The last-resort bound of a printed message: control characters escaped (line feeds kept), each
 * line cut to MESSAGE_LINE_CHARS characters and the whole to MESSAGE_LINES lines, with what was
 * left out counted. Messages are written short; this catches any that are not.
 */
export function boundMessage(text: string, lines = MESSAGE_LINES, lineChars = MESSAGE_LINE_CHARS): string {
  const all = text.split('\n');
  const kept = all.slice(0, lines).map((line) => {
    const { shown, length, cut } = prefix(line, lineChars);
    return escapeControls(cut ? `${shown}… (line cut: ${length} characters)` : shown);
  });
  if (all.length > lines) kept.push(`… and ${all.length - lines} more lines`);
  return kept.join('\n');
}
