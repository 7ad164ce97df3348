/**
 * Writes a set of files into one directory so that, whatever happens (an error, a full disk,
 * a SIGKILL at any instant), the directory holds either the complete old set or the complete
 * new set, and the next run removes whatever an interrupted one left behind.
 *
 * The switch (`writeFileSet`), for a directory `out` in `parent`:
 *  1. the new set is written into a fresh sibling `.out.sa-tmp-<pid>-<hex>`; every other
 *     regular file (or link) of `out` is carried over into it as a hard link (a copy where the
 *     file system has no links), so nothing of the user's is lost;
 *  2. rename(tmp → `.out.sa-new-<tag>`): the commit point; a `new` sibling is always complete;
 *  3. rename(out → `.out.sa-old-<tag>`), then rename(new → out);
 *  4. the old directory is removed.
 * A kill before 2 leaves `out` as it was and a `tmp` sibling; between 2 and 3 a complete `new`
 * beside the untouched `out`; between the two renames of 3 (the only instant `out` is missing)
 * both complete sets as siblings; after 3 a complete `old`. `recoverFileSet`, run before
 * anything else by the next run, removes `tmp` siblings, puts back the newest complete set
 * when `out` is missing (`new` first, else `old`) and removes the rest. It leaves alone the
 * siblings of a process that is still running.
 *
 * A directory that cannot be switched as a whole (it holds subdirectories or special files,
 * it is the working directory or one of its parents, a mount point, or its parent cannot be
 * written) gets the files one at a time (`writeFilesAtomically`): all or nothing on any error,
 * but a SIGKILL part-way can leave some files replaced; the next run puts back the files kept
 * under backup names and removes the temporary ones.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface OutFile {
  name: string;
  /** The text, or (for a large report) a function giving it in pieces. */
  content: string | Buffer | (() => Iterable<string>);
}

/** The file system calls used; tests pass a failing one. */
export interface AtomicFs {
  writeFileSync(file: string, data: string | Buffer, options: { flag: string; encoding?: 'utf8' }): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  existsSync(file: string): boolean;
  rmSync(file: string, options: { force: boolean; recursive?: boolean }): void;
}

const SIBLING = /^\.(.*)\.sa-(tmp|new|old)-(\d+)-[0-9a-f]{8}$/;
const IN_PLACE = /^\..+\.(\d+)-[0-9a-f]{8}\.(tmp|bak)$/;

function siblingName(dir: string, kind: 'tmp' | 'new' | 'old', tag: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.sa-${kind}-${tag}`);
}

/** Write `files` into the directory `dir` (which exists): switched as a whole where it can be, else file by file. */
export function writeFileSet(dir: string, files: OutFile[], fs: AtomicFs = nodeFs): void {
  const real = nodeFs.realpathSync(dir);
  if (!canSwitch(real)) {
    writeFilesAtomically(real, files, fs);
    return;
  }
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = siblingName(real, 'tmp', tag);
  const fresh = siblingName(real, 'new', tag);
  const old = siblingName(real, 'old', tag);
  try {
    nodeFs.mkdirSync(tmp);
  } catch {
    // The parent cannot be written (or the name is taken): the files one at a time, in place.
    writeFilesAtomically(real, files, fs);
    return;
  }
  let switched = false;
  try {
    nodeFs.chmodSync(tmp, nodeFs.statSync(real).mode & 0o7777);
    const names = new Set(files.map((file) => file.name));
    for (const entry of nodeFs.readdirSync(real, { withFileTypes: true })) {
      if (names.has(entry.name)) continue;
      const from = path.join(real, entry.name);
      const to = path.join(tmp, entry.name);
      if (entry.isSymbolicLink()) nodeFs.symlinkSync(nodeFs.readlinkSync(from), to);
      else carry(fs, from, to);
    }
    for (const file of files) writeOne(fs, path.join(tmp, file.name), file.content);
    fs.renameSync(tmp, fresh);
    fs.renameSync(real, old);
    try {
      fs.renameSync(fresh, real);
    } catch (error) {
      nodeFs.renameSync(old, real);
      throw error;
    }
    switched = true;
  } finally {
    if (!switched) for (const leftover of [tmp, fresh]) attempt(() => nodeFs.rmSync(leftover, { recursive: true, force: true }));
  }
  attempt(() => nodeFs.rmSync(old, { recursive: true, force: true }));
}

/**
 * Whether the directory can be replaced by a rename: it holds only regular files and links,
 * it is not the working directory or above it, and it is on the same device as its parent.
 */
function canSwitch(dir: string): boolean {
  const parent = path.dirname(dir);
  if (parent === dir) return false;
  const cwd = process.cwd();
  if (cwd === dir || cwd.startsWith(dir + path.sep)) return false;
  try {
    if (nodeFs.statSync(dir).dev !== nodeFs.statSync(parent).dev) return false;
    return nodeFs.readdirSync(dir, { withFileTypes: true }).every((entry) => entry.isFile() || entry.isSymbolicLink());
  } catch {
    return false;
  }
}

/**
 * What an interrupted run left beside or in `dir`, cleaned up: unfinished sets removed, a
 * missing directory put back from the newest complete set, files replaced one at a time put
 * back from their backups. Siblings of a process that is still running are left alone.
 */
export function recoverFileSet(dir: string): void {
  let target = path.resolve(dir);
  try {
    // A link to the directory: the switch happened beside its target (a dangling one: the
    // target is missing right now, in the instant between the two renames).
    if (nodeFs.lstatSync(target).isSymbolicLink()) target = path.resolve(path.dirname(target), nodeFs.readlinkSync(target));
  } catch {
    // missing: as it is
  }
  let parent = path.dirname(target);
  try {
    parent = nodeFs.realpathSync(parent);
  } catch {
    return; // no parent: nothing can be left there
  }
  const base = path.basename(target);
  const real = path.join(parent, base);
  let entries: string[];
  try {
    entries = nodeFs.readdirSync(parent);
  } catch {
    return;
  }
  const found: { name: string; kind: string; time: number }[] = [];
  for (const name of entries) {
    const match = SIBLING.exec(name);
    if (match === null || match[1] !== base || isRunning(Number(match[3]))) continue;
    const full = path.join(parent, name);
    let time = 0;
    try {
      time = nodeFs.statSync(full).mtimeMs;
    } catch {
      continue;
    }
    found.push({ name: full, kind: match[2], time });
  }
  if (!nodeFs.existsSync(real)) {
    const complete = found.filter((f) => f.kind !== 'tmp').sort((a, b) => (a.kind === b.kind ? b.time - a.time : a.kind === 'new' ? -1 : 1));
    if (complete.length > 0) {
      attempt(() => nodeFs.renameSync(complete[0].name, real));
      found.splice(found.indexOf(complete[0]), 1);
    }
  }
  for (const leftover of found) attempt(() => nodeFs.rmSync(leftover.name, { recursive: true, force: true }));
  recoverInPlace(real);
}

/** Backups and temporary files of `writeFilesAtomically` in `dir`, from a run that is not running. */
function recoverInPlace(dir: string): void {
  let names: string[];
  try {
    names = nodeFs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = IN_PLACE.exec(name);
    if (match === null || isRunning(Number(match[1]))) continue;
    const full = path.join(dir, name);
    if (match[2] === 'tmp') {
      attempt(() => nodeFs.rmSync(full, { force: true }));
    } else {
      const target = path.join(dir, name.slice(1, name.length - `.${match[1]}-xxxxxxxx.bak`.length));
      attempt(() => nodeFs.renameSync(full, target));
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One file written in full: at once, or piece by piece for a streamed one. */
function writeOne(fs: AtomicFs, file: string, content: OutFile['content']): void {
  if (typeof content === 'string') {
    fs.writeFileSync(file, content, { flag: 'wx', encoding: 'utf8' });
    return;
  }
  if (Buffer.isBuffer(content)) {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return;
  }
  let flag = 'wx';
  for (const piece of content()) {
    fs.writeFileSync(file, piece, { flag, encoding: 'utf8' });
    flag = 'a';
  }
  if (flag === 'wx') fs.writeFileSync(file, '', { flag, encoding: 'utf8' });
}

/**
 * The files one at a time, in place. Every file is first written in full to a temporary file
 * beside its target. Then each existing target is kept under a backup name (a hard link, or a
 * copy) and the temporary file is renamed over it. If any step fails, the targets already
 * replaced get their backups back, new ones are removed, and every temporary file and backup
 * is deleted: the directory is as it was. On success only the backups are deleted.
 */
export function writeFilesAtomically(dir: string, files: OutFile[], fs: AtomicFs = nodeFs): void {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const targets = files.map((file) => path.join(dir, file.name));
  const temps = files.map((file) => path.join(dir, `.${file.name}.${tag}.tmp`));
  const backups = files.map((file) => path.join(dir, `.${file.name}.${tag}.bak`));
  const backedUp: boolean[] = files.map(() => false);
  let written = 0;
  let replaced = 0;
  try {
    for (; written < files.length; written++) writeOne(fs, temps[written], files[written].content);
    for (; replaced < files.length; replaced++) {
      if (fs.existsSync(targets[replaced])) {
        carry(fs, targets[replaced], backups[replaced]);
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
function carry(fs: AtomicFs, target: string, copy: string): void {
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
