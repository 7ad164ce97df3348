import { formatPlace, SurveyError } from '../errors.js';

/**
 * The few lines an error is shown as: `survey-analyze: <where>: <what>` and, when it helps,
 * a hint. A stack trace only with --debug.
 */
export function errorText(error: unknown, debug: boolean): { text: string; exitCode: number } {
  if (error instanceof SurveyError) {
    const where = formatPlace(error.place);
    const lines = [`survey-analyze: ${where ? `${where}: ` : ''}${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    if (debug && error.stack) lines.push(error.stack);
    return { text: lines.join('\n') + '\n', exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`survey-analyze: internal error: ${message}`];
  lines.push(debug && error instanceof Error && error.stack ? error.stack : '  run again with --debug to see where it happened');
  return { text: lines.join('\n') + '\n', exitCode: 1 };
}
