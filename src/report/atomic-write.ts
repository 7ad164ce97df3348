/**
 * Writes a set of files into one directory all or nothing. Every file is first written in
 * full to a temporary file beside its target (same directory, so renames never cross file
 * systems). Then each existing target is kept under a backup name (a hard link, or a copy
 * where links are not supported) and the temporary file is renamed over it (atomic on POSIX).
 * If any step fails, the targets already replaced get their backups back, new ones are
 * removed, and every temporary file and backup is deleted: the directory is as it was. On
 * success only the backups are deleted.
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
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  existsSync(file: string): boolean;
  rmSync(file: string, options: { force: boolean }): void;
}

export function writeFilesAtomically(dir: string, files: OutFile[], fs: AtomicFs = nodeFs): void {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const targets = files.map((file) => path.join(dir, file.name));
  const temps = files.map((file) => path.join(dir, `.${file.name}.${tag}.tmp`));
  const backups = files.map((file) => path.join(dir, `.${file.name}.${tag}.bak`));
  const backedUp: boolean[] = files.map(() => false);
  let written = 0;
  let replaced = 0;
  try {
    for (; written < files.length; written++) fs.writeFileSync(temps[written], files[written].content, { flag: 'wx', encoding: 'utf8' });
    for (; replaced < files.length; replaced++) {
      if (fs.existsSync(targets[replaced])) {
        backup(fs, targets[replaced], backups[replaced]);
        backedUp[replaced] = true;
      }
      fs.renameSync(temps[replaced], targets[replaced]);
    }
  } catch (error) {
    for (let i = 0; i < replaced; i++) {
      attempt(() => (backedUp[i] ? fs.renameSync(backups[i], targets[i]) : fs.rmSync(targets[i], { force: true })));
    }
    for (const file of [...temps, ...backups]) attempt(() => fs.rmSync(file, { force: true }));
    throw error;
  }
  for (let i = 0; i < files.length; i++) if (backedUp[i]) attempt(() => fs.rmSync(backups[i], { force: true }));
}

/** A hard link where the file system has them, else a copy. */
function backup(fs: AtomicFs, target: string, copy: string): void {
  try {
    fs.linkSync(target, copy);
  } catch {
    fs.copyFileSync(target, copy);
  }
}

/** Best effort while cleaning up: the original error is the one to report. */
function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // ignored
  }
}
