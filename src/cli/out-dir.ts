import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { dataError, SurveyError, usageError } from '../errors.js';
import { realOrResolved } from '../real-or-resolved.js';
import { recoverFileSet } from '../report/atomic-write.js';

/**
 * The `--out` directory, made ready before any reading starts, so that a wrong --out fails
 * at once and not after the whole analysis:
 * - an existing path must be a directory (an input file given as --out by mistake is named);
 * - a missing one is created here, one level at a time. Node's `mkdirSync(..., { recursive })`
 *   spins forever where mkdir answers ENOENT under a parent that exists (/proc, /sys), so
 *   each level is made with a plain `mkdir`, whose error is final.
 * Returns the directories it created, outermost first, for `removeCreated` after a failure.
 * Which files would overwrite an input is checked when their names are known (write-out-dir.ts).
 * First of all, what an earlier run that was killed left behind is cleaned up, and a set it
 * was switching in is put back in place (atomic-write.ts `recoverFileSet`).
 */
export function prepareOutDir(out: string, files: string[]): string[] {
  const target = resolve(out);
  recoverFileSet(target);
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return createLevels(out, target);
  }
  if (stat.isDirectory()) return [];
  const isInput = files.some((file) => file !== '-' && realOrResolved(file) === realOrResolved(target));
  throw usageError(
    isInput ? 'is one of the input files, not a directory' : 'exists and is not a directory',
    { file: out, option: '--out' },
    '--out names a directory that the tables are written into',
  );
}

/** Removes the directories `prepareOutDir` created, innermost first, if they are still empty. */
export function removeCreated(created: string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone): nothing of the user's is ever removed
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Until the returned function is called, SIGINT, SIGTERM and SIGHUP first remove the
 * directories `created` (if still empty), then end the process by the same signal (its exit
 * status says so). The tables are written synchronously, so a signal never lands in the
 * middle of the switch: it is handled before the writing starts or after it is done.
 */
export function cleanUpOnSignal(created: string[]): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    removeCreated(created);
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return release;
}

/**
 * A failure to write into --out (a full disk, a read-only file system) as a located error
 * (exit 1) rather than an internal one; errors that already have a place pass through.
 */
export function outWriteError(error: unknown, out: string): unknown {
  if (error instanceof SurveyError || typeof (error as NodeJS.ErrnoException)?.code !== 'string') return error;
  const failure = dataError(`could not write the tables: ${systemReason(error as NodeJS.ErrnoException)}`, { file: out, option: '--out' });
  failure.stack = (error as Error).stack;
  return failure;
}

function createLevels(out: string, target: string): string[] {
  const missing: string[] = [];
  for (let at = target; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  const created: string[] = [];
  try {
    for (const dir of missing) {
      mkdirSync(dir);
      created.push(dir);
    }
  } catch (error) {
    removeCreated(created);
    throw usageError(`cannot create the directory: ${systemReason(error as NodeJS.ErrnoException)}`, { file: out, option: '--out' }, 'choose a directory you can write to');
  }
  return created;
}

/** The reason of a system error in words, without Node's `CODE: ..., syscall 'path'` wrapping. */
function systemReason(error: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOENT: 'a parent directory cannot hold it',
    ENOTDIR: 'a parent is a file, not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EEXIST: 'a file or a broken link is in the way',
    EISDIR: 'a directory is in the way',
  };
  return (error.code !== undefined ? reasons[error.code] : undefined) ?? error.message;
}
