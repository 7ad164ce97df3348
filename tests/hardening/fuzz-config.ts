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

/** The fixed seed of the default run. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250611);

/** How many times more cases than the default run. */
export const FUZZ_SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1));

/** `n` cases in the default run, scaled for a long one (at least one). */
export function fuzzRuns(n: number): number {
  return Math.max(1, Math.round(n * FUZZ_SCALE));
}

/** A small seeded generator (mulberry32) for the fuzzers that are not fast-check properties. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generous per-test time for a long run: the default test timeout times the scale. */
export function fuzzTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, FUZZ_SCALE));
}
