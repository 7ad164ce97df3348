import { dataError } from '../errors.js';
import { errorText } from './print-error.js';

/**
 * Results go to stdout, everything else to stderr. A reader that goes away early
 * (`| head`) ends the run quietly with status 0; any other failure to write the results
 * (a full disk, an I/O error) is a short message and status 1, never a stack trace.
 */
let closed = false;

export function watchStdout(debug = false): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(errorText(stdoutError(error), debug).text);
    process.exit(1);
  });
}

/** The located error for a failed write to standard output. */
export function stdoutError(error: NodeJS.ErrnoException): Error {
  const why = error.code === 'ENOSPC' ? 'no space left on device' : error.code === 'EIO' ? 'input/output error' : error.message;
  const failure = dataError(`could not write the results: ${why}`, { file: '<stdout>' });
  failure.stack = error.stack;
  return failure;
}

export function writeStdout(text: string | Buffer): Promise<void> {
  if (closed || text.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/**
 * Whether the table is coloured. --color and --no-color decide; otherwise FORCE_COLOR (set and
 * not `0` or `false`: colour; `0`, `false`: none), then NO_COLOR (set and not empty: none, as
 * no-color.org has it), then TERM=dumb (none), and else colour only on a terminal. FORCE_COLOR
 * comes before NO_COLOR as in Node's own tty.getColorDepth.
 */
export function useColor(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
  if (option !== undefined) return option;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
