/**
 * The seed and run counts of the committed fuzzers (tests/hardening/fuzz-*.test.ts and
 * round2-*.test.ts). The default run (CI, `npm test`) is short and always the same:
 *
 *   npx vitest run tests/hardening
 *
 * The long run: more cases and another seed, e.g.
 *
 *   FUZZ_SCALE=50 FUZZ_SEED=$RANDOM npx vitest run tests/hardening/fuzz-*.test.ts tests/hardening/round2-*.test.ts
 *
 * A failure prints the seed and path that reproduce it (fast-check's report), or for the kill
 * fuzzer the seed and the moment of the kill.
 */

import { mulberry32 } from '../../scripts/mulberry32.mjs';

/** The fixed seed of the default run. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250611);

/** How many times more cases than the default run. */
export const FUZZ_SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1));

/** `n` cases in the default run, scaled for a long one (at least one). */
export function fuzzRuns(n: number): number {
  return Math.max(1, Math.round(n * FUZZ_SCALE));
}

/** A small seeded generator (mulberry32, scripts/mulberry32.mjs) for the fuzzers that are not fast-check properties. */
export const seeded: (seed: number) => () => number = mulberry32;

/** Generous per-test time for a long run: the default test timeout times the scale. */
export function fuzzTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, FUZZ_SCALE));
}
