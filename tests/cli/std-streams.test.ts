import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal, writeAll } from '../../src/cli/std-streams.js';
import { FIXTURE, ROOT, runCli } from './run-cli.js';

const CLI = `${ROOT}bin/survey-analyze.js`;
const PYTHON = '/usr/bin/python3';
const scratch = mkdtempSync(join(tmpdir(), 'stdout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A write(2) stand-in: at most `chunk` bytes per call, EAGAIN once `full` bytes are in. */
function fakeWrite(chunk: number, full = Infinity): { write: (fd: number, bytes: Buffer, offset: number, length: number) => number; out: Buffer[] } {
  const out: Buffer[] = [];
  let total = 0;
  const write = (_fd: number, bytes: Buffer, offset: number, length: number): number => {
    if (total >= full) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
    const n = Math.min(chunk, length, full - total);
    out.push(Buffer.from(bytes.subarray(offset, offset + n)));
    total += n;
    return n;
  };
  return { write, out };
}

describe('writeAll (stdout and stderr written with fs.writeSync)', () => {
  it('continues partial writes until every byte is out, in order', () => {
    const { write, out } = fakeWrite(3);
    expect(writeAll(1, 'héllo, wörld\n', write)).toBeNull();
    expect(Buffer.concat(out).toString()).toBe('héllo, wörld\n');
  });

  it('returns the bytes left when a non-blocking descriptor is full (EAGAIN), and throws other errors', () => {
    const { write, out } = fakeWrite(4, 10);
    const left = writeAll(1, Buffer.from('0123456789abcdef'), write);
    expect(Buffer.concat(out).toString()).toBe('0123456789');
    expect(left?.toString()).toBe('abcdef');
    const broken = (): number => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => writeAll(1, 'x', broken)).toThrow(/ENOSPC/);
  });
});

describe.skipIf(process.platform !== 'linux')('isTerminal on Linux', () => {
  const device = (kind: 'file' | 'fifo' | 'char', rdev = 0): Stats =>
    ({ isCharacterDevice: () => kind === 'char', isFIFO: () => kind === 'fifo', isFile: () => kind === 'file', rdev }) as Stats;

  it('a file, a pipe, /dev/null and a closed descriptor are not terminals', () => {
    const nullRdev = statSync('/dev/null').rdev;
    for (const fd of [1, 2] as const) {
      expect(isTerminal(fd, () => device('file'))).toBe(false);
      expect(isTerminal(fd, () => device('fifo'))).toBe(false);
      expect(isTerminal(fd, () => device('char', nullRdev))).toBe(false);
      expect(
        isTerminal(fd, () => {
          throw Object.assign(new Error('EBADF: bad file descriptor, fstat'), { code: 'EBADF' });
        }),
      ).toBe(false);
    }
  });
});

describe.skipIf(!existsSync(PYTHON))('the CLI on descriptors that are not files', () => {
  const expected = runCli([FIXTURE, '--by', 'id', '--format', 'json', '--quiet']).stdout;

  it('a non-blocking pipe that fills up (EAGAIN) gets the whole output, through process.stdout', () => {
    expect(expected.length).toBeGreaterThan(1 << 20);
    // The pipe's write end is set non-blocking before the CLI inherits it, and nobody reads it
    // until it holds 64 KiB (full): the direct writes meet EAGAIN and the rest goes through
    // process.stdout.
    const script = [
      'import array, fcntl, os, subprocess, sys, termios, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen([sys.argv[1], sys.argv[2], sys.argv[3], "--by", "id", "--format", "json", "--quiet"], stdout=w)',
      'os.close(w)',
      'held = array.array("i", [0])',
      'while held[0] < 65536 and p.poll() is None:',
      '    time.sleep(0.01)',
      '    fcntl.ioctl(r, termios.FIONREAD, held)',
      'sys.stderr.write("full " if held[0] >= 65536 else "not full ")',
      'chunks = []',
      'while True:',
      '    b = os.read(r, 1 << 16)',
      '    if not b: break',
      '    chunks.append(b)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.stderr.write(str(p.wait()))',
    ].join('\n');
    const result = spawnSync(PYTHON, ['-c', script, process.execPath, CLI, FIXTURE], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(result.stderr).toBe('full 0');
    expect(result.stdout).toBe(expected);
  });

  it('a terminal is one (colour, laid out for its width); a file is not', () => {
    // A pseudo-terminal of 60 columns on stdout: the table is laid out for it, in colour.
    const script = [
      'import fcntl, os, pty, struct, sys, termios',
      'pid, fd = pty.fork()',
      'if pid == 0:',
      '    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], sys.argv[3]])',
      'fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 60, 0, 0))',
      'out = b""',
      'while True:',
      '    try: b = os.read(fd, 1 << 16)',
      '    except OSError: break',
      '    if not b: break',
      '    out += b',
      'sys.stdout.buffer.write(out)',
    ].join('\n');
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, TERM: 'xterm' };
    const onTerminal = execFileSync(PYTHON, ['-c', script, process.execPath, CLI, FIXTURE], { encoding: 'utf8', env });
    expect(onTerminal).toContain('\x1b[1m');
    const widest = (text: string): number => Math.max(...text.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/).map((line) => line.length));
    expect(widest(onTerminal)).toBeLessThanOrEqual(60);

    const file = join(scratch, 'table.txt');
    const toFile = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${FIXTURE}" > "${file}"`], { env, encoding: 'utf8' });
    expect(toFile.status).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('\x1b[');
    expect(readFileSync(file, 'utf8')).toBe(runCli([FIXTURE]).stdout);
    expect(widest(readFileSync(file, 'utf8'))).toBeGreaterThan(60);
  });
});
