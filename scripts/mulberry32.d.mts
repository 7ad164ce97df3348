/** The types of mulberry32.mjs, for the TypeScript that imports it (tests/hardening/fuzz-config.ts). */

/** A generator of numbers uniform in [0, 1), the same sequence for the same 32-bit seed. */
export declare function mulberry32(seed: number): () => number;
