import { formatPlace, SurveyError } from '../errors.js';
import { boundMessage, escapeControls } from '../quote-value.js';

/**
 * The few lines an error is shown as: `survey-analyze: <where>: <what>` and, when it helps,
 * a hint. A stack trace only with --debug. Whatever a message holds, it is printed bounded
 * (boundMessage: control characters escaped, lines and their number cut), as a last resort
 * behind the bounded quoting of every value (quoteValue).
 */
export function errorText(error: unknown, debug: boolean): { text: string; exitCode: number } {
  if (error instanceof SurveyError) {
    const where = formatPlace(error.place);
    const lines = [`survey-analyze: ${where ? `${where}: ` : ''}${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    const text = boundMessage(lines.join('\n'));
    return { text: `${text}\n${debug && error.stack ? `${escapeControls(error.stack, true)}\n` : ''}`, exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [boundMessage(`survey-analyze: internal error: ${message}`)];
  lines.push(debug && error instanceof Error && error.stack ? escapeControls(error.stack, true) : '  run again with --debug to see where it happened');
  return { text: lines.join('\n') + '\n', exitCode: 1 };
}

/** A warning as stderr shows it: `warning: <message>`, bounded and escaped like an error. */
export function warningText(message: string): string {
  return `${boundMessage(`warning: ${message}`, 8)}\n`;
}
