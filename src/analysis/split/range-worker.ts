/**
 * The worker thread of a split analysis (dist/range-worker.cjs): one RangeJob in, its
 * RangeResult out, with progress on the way. Any error ends the worker with `failed`: the
 * main thread then reads the whole file in one pass, which reports the error as a one-pass
 * run does, at the same line.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateRange, type RangeJob } from './range-job.js';

export type RangeMessage =
  | { kind: 'progress'; rows: number; bytes: number }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; message: string };

const port = parentPort!;
const post = (message: RangeMessage): void => port.postMessage(message);

async function run(): Promise<void> {
  try {
    const result = await accumulateRange(workerData as RangeJob, (rows, bytes) => post({ kind: 'progress', rows, bytes }));
    post({ kind: 'done', result });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

void run();
