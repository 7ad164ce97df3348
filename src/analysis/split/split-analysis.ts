import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Codebook } from '../../codebook/codebook.js';
import { accumulate, type Accumulators } from '../accumulate.js';
import type { AnalysisSettings } from '../analyze.js';
import { mergeAccumulators } from './merge-accumulators.js';
import { accumulateRange, rangeInput, type RangeJob, type RangeResult } from './range-job.js';
import type { RangeMessage } from './range-worker.js';
import type { SplitPlan } from './split-plan.js';

/**
 * One pass over a split file (split-plan.ts): the first range on this thread while a worker
 * thread reads the second (or, with one thread, after it), then the second's accumulators
 * merged into the first's. Null when the split does not hold, and the caller reads the file
 * in one pass: the first range ended inside a quoted field (the cut was not a record
 * boundary), either range hit an error (the one-pass run reports it, at the same line), or the
 * two ranges read different headers. A first range that ends without an open quote ends at a
 * record boundary, so the second range, read from there, has exactly the records a one-pass
 * read has after it.
 */
export async function accumulateSplit(
  plan: SplitPlan,
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Accumulators | null> {
  const job: RangeJob = {
    source: plan.source,
    codebook,
    settings: { ...settings, split: undefined, read: { ...settings.read, delimiter: plan.start.delimiter, layout: plan.start.layout } },
    range: plan.second,
  };
  // Rows and bytes of both ranges (the second's header lines, read twice, counted once), until
  // the split is over: a worker's message that comes later is not reported.
  const progress = { first: [0, 0], second: [0, 0], open: true };
  const report = (): void => {
    if (progress.open) onProgress?.(progress.first[0] + progress.second[0], progress.first[1] + progress.second[1]);
  };
  const onSecond = (rows: number, bytes: number): void => {
    progress.second = [rows, Math.max(0, bytes - plan.second.headerEnd)];
    report();
  };
  const script = (settings.split?.threads ?? (availableParallelism() > 1 ? 2 : 1)) === 2 ? rangeWorkerScript() : null;
  const worker = script === null ? null : startRangeWorker(script, job, onSecond);
  try {
    const first = await accumulate(rangeInput(plan.source, settings, plan.first), codebook, settings, (rows, bytes) => {
      progress.first = [rows, bytes];
      report();
    });
    const second = worker === null ? await accumulateRange(job, onSecond) : await worker.result;
    if (second === null || second.header !== first.header) return null;
    mergeAccumulators(first, second);
    return first;
  } catch {
    return null;
  } finally {
    progress.open = false;
    void worker?.thread.terminate();
  }
}

/** dist/range-worker.cjs beside the bundle this code runs from; null where there is none (the sources under test). */
function rangeWorkerScript(): string | null {
  if (typeof __dirname !== 'string') return null;
  const script = join(__dirname, 'range-worker.cjs');
  return existsSync(script) ? script : null;
}

/**
 * A worker thread on `job`: its result, or null when it failed; null at once when no thread
 * can be started (the second range is then read on this thread).
 */
function startRangeWorker(script: string, job: RangeJob, onProgress: (rows: number, bytes: number) => void): { thread: Worker; result: Promise<RangeResult | null> } | null {
  let thread: Worker;
  try {
    thread = new Worker(script, { workerData: job });
  } catch {
    return null;
  }
  const result = new Promise<RangeResult | null>((resolve) => {
    thread.on('message', (message: RangeMessage) => {
      if (message.kind === 'progress') onProgress(message.rows, message.bytes);
      else resolve(message.kind === 'done' ? (message.result as RangeResult) : null);
    });
    thread.once('error', () => resolve(null));
    thread.once('exit', () => resolve(null));
  });
  return { thread, result };
}
