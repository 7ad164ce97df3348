/**
 * Wall time and peak resident set size (RSS) of a child process.
 *
 * Peak RSS of a child is its `ru_maxrss`, which the kernel hands to the parent that reaps
 * it with wait4(2). Node cannot read it: `process.resourceUsage().maxRSS` is the Node
 * process's own peak, and child_process reaps children without exposing their rusage
 * (there is no RUSAGE_CHILDREN either). So the child is started through a reaper that
 * reports it:
 *
 * 1. GNU time, `/usr/bin/time -f %M -o <file>` (KiB, from wait4), when installed;
 * 2. otherwise `/usr/bin/python3`, which starts the command and reaps it with `os.wait4`.
 *
 * Both report the peak of the command's own process (node, python) — what the user's
 * machine has to hold. Polling /proc/<pid>/status VmHWM would also work, but the last
 * sample before exit can be missed. The reaper adds about a millisecond to the wall time,
 * which is measured here around the whole spawn; start-up timings that need millisecond
 * accuracy use `timeOnly`, which spawns the command directly.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const PYTHON = '/usr/bin/python3';

const PY_REAPER = [
  'import os, subprocess, sys',
  'p = subprocess.Popen(sys.argv[2:])',
  '_, status, usage = os.wait4(p.pid, 0)',
  "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))",
  'sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)',
].join('\n');

/** Which reaper reports peak RSS here: 'gnu-time', 'python-wait4', or null (none). */
export function rssMethod() {
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '')) return 'gnu-time';
  }
  if (existsSync(PYTHON)) return 'python-wait4';
  return null;
}

function stdoutFd(stdout) {
  return stdout ? openSync(stdout, 'w') : 'ignore';
}

/**
 * Run `command args` once. stdout goes to the file `stdout` (or nowhere), stderr is kept.
 * Returns { seconds, maxRssKiB (null when no reaper), status, stderr }.
 */
export function measure(command, args, { stdout = null, cwd = process.cwd(), method = rssMethod() } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(dir, 'rss');
  let argv;
  let program;
  if (method === 'gnu-time') {
    program = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
  } else if (method === 'python-wait4') {
    program = PYTHON;
    argv = ['-c', PY_REAPER, rssFile, command, ...args];
  } else {
    program = command;
    argv = args;
  }
  const out = stdoutFd(stdout);
  try {
    const start = process.hrtime.bigint();
    const child = spawnSync(program, argv, { cwd, stdio: ['ignore', out, 'pipe'], maxBuffer: 64 << 20, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (child.error) throw child.error;
    let maxRssKiB = null;
    if (method !== null && existsSync(rssFile)) {
      const text = readFileSync(rssFile, 'utf8').trim();
      // GNU time writes "Command exited with non-zero status N" before the figure on failure.
      const last = text.split('\n').pop();
      if (/^\d+$/.test(last)) maxRssKiB = Number(last);
    }
    return { seconds, maxRssKiB, status: child.status, stderr: child.stderr };
  } finally {
    if (typeof out === 'number') closeSync(out);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of one direct spawn (no reaper), stdout discarded: for start-up timings. */
export function timeOnly(command, args, { cwd = process.cwd() } = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) throw child.error;
  return { seconds, status: child.status, stderr: child.stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Time two commands in alternation (A, B, A, B, ...), after `warmup` unrecorded runs of
 * each, so that drifts of the machine (cache, frequency, other load) hit both alike.
 * Each entry is { command, args }. Returns per entry its seconds and median.
 */
export function interleaved(entries, { runs, warmup = 2, cwd = process.cwd() }) {
  const times = entries.map(() => []);
  for (let round = -warmup; round < runs; round++) {
    entries.forEach((entry, e) => {
      const result = timeOnly(entry.command, entry.args, { cwd });
      if (result.status !== 0) {
        throw new Error(`${[entry.command, ...entry.args].join(' ')} exited with ${result.status}:\n${result.stderr}`);
      }
      if (round >= 0) times[e].push(result.seconds);
    });
  }
  return times.map((seconds) => ({ seconds, median: median(seconds) }));
}
