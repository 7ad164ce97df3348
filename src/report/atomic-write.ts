/**
 * Writes a set of files into one directory so that a failure leaves the directory as it was:
 * every file is first written in full to a temporary file beside its target (same directory,
 * so the rename cannot cross file systems), and only when all are written is each renamed into
 * place (a rename replaces a file atomically on POSIX). If any write fails, every temporary
 * file is removed and the existing files are untouched.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface OutFile {
  name: string;
  content: string;
}

/** The file system calls used; tests pass a failing one. */
export interface AtomicFs {
  writeFileSync(file: string, data: string, options: { flag: string; encoding: 'utf8' }): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: boolean }): void;
}

export function writeFilesAtomically(dir: string, files: OutFile[], fs: AtomicFs = nodeFs): void {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps = files.map((file) => path.join(dir, `.${file.name}.${tag}.tmp`));
  let written = 0;
  try {
    for (; written < files.length; written++) {
      fs.writeFileSync(temps[written], files[written].content, { flag: 'wx', encoding: 'utf8' });
    }
  } catch (error) {
    removeAll(fs, temps.slice(0, written + 1));
    throw error;
  }
  let renamed = 0;
  try {
    for (; renamed < files.length; renamed++) fs.renameSync(temps[renamed], path.join(dir, files[renamed].name));
  } catch (error) {
    removeAll(fs, temps.slice(renamed));
    throw error;
  }
}

function removeAll(fs: AtomicFs, files: string[]): void {
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Best effort: the original error is the one to report.
    }
  }
}
