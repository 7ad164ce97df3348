import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataError, fileProblem } from '../errors.js';
import { writeStdout } from './std-streams.js';

/** Output held in memory up to this many characters; beyond, it goes to a temporary file. */
export const SPOOL_AFTER = 4 * 1024 * 1024;
/** Once spooling, text is written to the file in pieces of about this size. */
const SPOOL_PIECE = 1024 * 1024;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The results of a command that must not reach stdout until they are whole (`items`, `scores`):
 * a failure on the last row of the last file leaves stdout empty. They are kept in memory while
 * small, then spooled to a temporary file (mode 0600, in a directory of its own under the
 * system's temporary folder), so memory stays flat however many rows come in. The spool is
 * removed on every way out: success, an error, `process.exit` (a reader that went away), a signal.
 */
export class OutputSpool {
  private chunks: string[] = [];
  private held = 0;
  private dir: string | null = null;
  private file: string | null = null;
  private fd: number | null = null;
  private readonly onExit = (): void => this.dispose();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.dispose();
    process.kill(process.pid, signal);
  };

  /** `what` names the results in an error (`the coded items`); `spoolAfter` is for the tests. */
  constructor(
    private readonly what: string,
    private readonly spoolAfter = SPOOL_AFTER,
  ) {}

  add(text: string): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    this.held += text.length;
    if (this.fd === null ? this.held > this.spoolAfter : this.held > SPOOL_PIECE) this.flush();
  }

  /** Whether the output went to a temporary file (for the tests). */
  get spooled(): boolean {
    return this.file !== null;
  }

  /** Write everything added to stdout: from memory, or streamed from the spool. */
  async copyToStdout(): Promise<void> {
    if (this.file === null) {
      const text = this.chunks.join('');
      this.chunks = [];
      this.held = 0;
      await writeStdout(text);
      return;
    }
    this.flush();
    closeSync(this.fd!);
    this.fd = null;
    for await (const piece of createReadStream(this.file, { encoding: 'utf8', highWaterMark: SPOOL_PIECE })) {
      await writeStdout(piece as string);
    }
  }

  /** Drop the output and remove the spool, if there is one; safe to call more than once. */
  dispose(): void {
    this.chunks = [];
    this.held = 0;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    if (this.dir !== null) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = null;
      this.file = null;
      process.removeListener('exit', this.onExit);
      for (const signal of SIGNALS) process.removeListener(signal, this.onSignal);
    }
  }

  private flush(): void {
    const text = this.chunks.join('');
    this.chunks = [];
    this.held = 0;
    try {
      if (this.fd === null) this.open();
      writeSync(this.fd!, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOSPC' ? 'no space left on device' : fileProblem(error, 'a folder');
      throw dataError(`could not hold ${this.what} in a temporary file: ${why}`, { file: this.file ?? tmpdir() }, 'free some space there, or set TMPDIR to a folder with room');
    }
  }

  private open(): void {
    this.dir = mkdtempSync(join(tmpdir(), 'survey-analyze-'));
    process.on('exit', this.onExit);
    for (const signal of SIGNALS) process.once(signal, this.onSignal);
    this.file = join(this.dir, 'output.csv');
    this.fd = openSync(this.file, 'wx', 0o600);
  }
}
