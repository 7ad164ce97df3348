import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
import { dataError } from '../errors.js';
import { errorText } from './print-error.js';

/**
 * Results go to stdout, everything else to stderr. A reader that goes away early
 * (`| head`) ends the run quietly with status 0; any other failure to write the results
 * (a full disk, an I/O error) is a short message and status 1, never a stack trace.
 *
 * On Linux both are written with fs.writeSync on file descriptors 1 and 2. That is what
 * process.stdout does there for files, pipes and terminals (all synchronous on Linux, so a
 * reader that pauses holds the run as before), without creating the stream objects, which load
 * Node's stream modules: a few milliseconds of every small run. A descriptor that another
 * process left non-blocking (EAGAIN when full) hands the rest of the output, and everything
 * after it, to the stream, which waits for the reader; other systems use the streams throughout.
 */
let closed = false;
let debugErrors = false;
/**
 * Per descriptor (index 1 and 2): written through the stream. Once set, stays set: later writes
 * must queue behind what the stream still holds.
 */
const viaStream = [false, process.platform !== 'linux', process.platform !== 'linux'];
let watching = false;

/**
 * Whether every byte written so far went out by write(2) itself, none through a stream that may
 * still hold some: then the process can end as soon as the command is done (bin/survey-analyze.js).
 */
export function nothingBuffered(): boolean {
  return !viaStream[1] && !viaStream[2];
}

/** Set up stdout for a run: `debug` adds the stack to a write error; streams get their error handler. */
export function prepareStdout(debug = false): void {
  debugErrors = debug;
  if (viaStream[1]) stdoutStream();
}

/** process.stdout, with the handler of its write errors. */
function stdoutStream(): NodeJS.WriteStream {
  if (!watching) {
    watching = true;
    process.stdout.on('error', failedWrite);
  }
  return process.stdout;
}

function failedWrite(error: NodeJS.ErrnoException): void {
  if (closed) return;
  closed = true;
  if (error.code === 'EPIPE') process.exit(0);
  writeStderr(errorText(stdoutError(error), debugErrors).text);
  process.exit(1);
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
  let rest: string | Buffer | null;
  try {
    rest = writeDirect(1, text);
  } catch (error) {
    failedWrite(error as NodeJS.ErrnoException);
    return Promise.resolve();
  }
  if (rest === null) return Promise.resolve();
  return new Promise((resolve) => {
    const out = stdoutStream();
    if (out.write(rest)) resolve();
    else out.once('drain', resolve);
  });
}

/** A message on stderr (a warning, a note, an error). A stderr that cannot be written is left alone. */
export function writeStderr(text: string): void {
  if (text.length === 0) return;
  let rest: string | Buffer | null;
  try {
    rest = writeDirect(2, text);
  } catch {
    return;
  }
  if (rest !== null) process.stderr.write(rest);
}

/**
 * Writes `text` to `fd` with fs.writeSync unless that descriptor already goes through its
 * stream. Returns what the stream must take (all of `text` then, or the rest after EAGAIN, from
 * which on the stream takes everything), or null when all was written; throws other errors.
 */
function writeDirect(fd: 1 | 2, text: string | Buffer): string | Buffer | null {
  if (viaStream[fd]) return text;
  const left = writeAll(fd, text);
  if (left !== null) viaStream[fd] = true;
  return left;
}

/**
 * Writes all of `text` to `fd` with `write` (fs.writeSync), partial writes continued. Returns
 * null when all of it was written, or the bytes left when the descriptor is non-blocking and
 * full (EAGAIN); throws any other error.
 */
export function writeAll(fd: number, text: string | Buffer, write: (fd: number, bytes: Buffer, offset: number, length: number) => number = writeSync): Buffer | null {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let written = 0;
  while (written < bytes.length) {
    try {
      written += write(fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return bytes.subarray(written);
      throw error;
    }
  }
  return null;
}

/**
 * Whether stdout (1) or stderr (2) is a terminal. On Linux only a character device other than
 * /dev/null can be one; only then is Node's own check (which creates the stream) asked.
 */
export function isTerminal(fd: 1 | 2, stat: (fd: number) => Stats = fstatSync): boolean {
  if (process.platform === 'linux') {
    let device: Stats;
    try {
      device = stat(fd);
    } catch {
      return false;
    }
    if (!device.isCharacterDevice() || device.rdev === nullDevice()) return false;
  }
  return (fd === 1 ? stdoutStream() : process.stderr).isTTY === true;
}

let nullRdev: number | null | undefined;

/** The device number of /dev/null, or null where there is none (a bare container). */
function nullDevice(): number | null {
  if (nullRdev === undefined) {
    try {
      nullRdev = statSync('/dev/null').rdev;
    } catch {
      nullRdev = null;
    }
  }
  return nullRdev;
}

/**
 * Whether the table is coloured. --color and --no-color decide; otherwise FORCE_COLOR (set and
 * not `0` or `false`: colour; `0`, `false`: none), then NO_COLOR (set and not empty: none, as
 * no-color.org has it), then TERM=dumb (none), and else colour only on a terminal. FORCE_COLOR
 * comes before NO_COLOR as in Node's own tty.getColorDepth.
 */
export function useColor(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTTY = isTerminal(1)): boolean {
  if (option !== undefined) return option;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
