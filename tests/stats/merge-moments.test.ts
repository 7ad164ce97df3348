/**
 * merge() of the moment summaries against one pass: random data (fast-check picks a seed for
 * xoshiro128**, the sizes and the missingness), cut at 0, 1, n − 1, n rows and one random place;
 * range 1 is accumulated relative to one origin, range 2 relative to another (as a worker would,
 * from its own first value), and merged with the difference of the origins. Counts must be
 * exact, means and co-moments within 1e-12 relative; merging a structured clone of range 2 (what
 * postMessage delivers) must give bit for bit what merging range 2 itself gives.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CoMoments } from '../../src/stats/co-moments.js';
import { PAIR_STRIDE, mergePair, updatePair } from '../../src/stats/paired-moments.js';
import { PairwiseCoMoments } from '../../src/stats/pairwise-co-moments.js';
import { UNIVARIATE_STRIDE, mergeUnivariate, updateUnivariate } from '../../src/stats/univariate-moments.js';
import { Xoshiro128 } from '../../src/stats/xoshiro128.js';

const TOL = 1e-12;
let largest = 0;
afterAll(() => console.log(`merge-moments: largest merged vs one-pass relative difference ${largest.toExponential(2)}`));

/** |a − b| relative to max(|b|, scale) (scale: the data's magnitude, for values near 0); NaN = NaN. */
function expectClose(a: number, b: number, scale: number, what: string): void {
  if (Number.isNaN(b)) {
    expect(a, what).toBeNaN();
    return;
  }
  const rel = Math.abs(a - b) / Math.max(Math.abs(b), scale, Number.MIN_VALUE);
  largest = Math.max(largest, rel);
  expect(rel, `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(TOL);
}

function expectBitIdentical(a: Float64Array, b: Float64Array, what: string): void {
  expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), what).toBe(true);
}

interface Case {
  seed: number;
  n: number;
  k: number;
  missing: number;
  offset: number;
}

const cases = fc.record({
  seed: fc.integer(),
  n: fc.integer({ min: 0, max: 80 }),
  k: fc.integer({ min: 1, max: 6 }),
  missing: fc.constantFrom(0, 0.1, 0.4, 0.9),
  offset: fc.constantFrom(0, 3, -250, 1e6),
});

/** Rows of k correlated values (common factor + noise, offset), NaN with probability `missing`. */
function data({ seed, n, k, missing, offset }: Case): { rows: Float64Array[]; scale: number } {
  const rng = new Xoshiro128(seed);
  const u = (): number => rng.nextUint32() / 4294967296;
  let scale = 1;
  const rows = Array.from({ length: n }, () => {
    const z = u() - 0.5;
    return Float64Array.from({ length: k }, (_, j) => {
      if (u() < missing) return Number.NaN;
      const v = offset + j + (1 + j / 2) * z + u();
      scale = Math.max(scale, Math.abs(v));
      return v;
    });
  });
  return { rows, scale };
}

/** The cuts tried: nothing or everything on one side, one row, and a random place. */
function cuts(n: number, seed: number): number[] {
  return [...new Set([0, 1, n - 1, n, Math.floor(((seed >>> 0) % 1000) / 1000 * (n + 1))])].filter((c) => c >= 0 && c <= n);
}

/** The first observed value of the rows (the origin an accumulator would take), or 0. */
function firstValue(rows: Float64Array[]): number {
  for (const row of rows) for (const v of row) if (v === v) return v;
  return 0;
}

const relative = (row: Float64Array, shift: number): Float64Array => Float64Array.from(row, (v) => v - shift);

describe('CoMoments.merge (listwise)', () => {
  function build(k: number, rows: Float64Array[], shift: number): CoMoments {
    const c = new CoMoments(k);
    for (const row of rows) if (row.every((v) => v === v)) c.add(relative(row, shift));
    return c;
  }

  it('merged equals one pass; merging a structured clone is bit-identical', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { rows, scale } = data({ ...c, missing: c.missing / 4 });
        for (const cut of cuts(c.n, c.seed)) {
          const s1 = firstValue(rows); // range 1's first value, or range 2's when range 1 has none
          const s2 = firstValue(rows.slice(cut));
          const one = build(c.k, rows, s1);
          const a = build(c.k, rows.slice(0, cut), s1);
          const a2 = build(c.k, rows.slice(0, cut), s1);
          const b = build(c.k, rows.slice(cut), s2);
          a.merge(b, s2 - s1);
          a2.merge(structuredClone(b), s2 - s1);
          expect(a.n).toBe(one.n);
          for (let i = 0; i < c.k; i++) {
            expectClose(a.mean[i], one.mean[i], scale, `mean ${i}`);
            for (let j = i; j < c.k; j++) {
              const ref = Math.sqrt(one.m[i * c.k + i] * one.m[j * c.k + j]);
              expectClose(a.m[i * c.k + j], one.m[i * c.k + j], ref, `M ${i},${j}`);
            }
          }
          expect(a2.n).toBe(a.n);
          expectBitIdentical(a2.mean, a.mean, 'mean');
          expectBitIdentical(a2.m, a.m, 'm');
        }
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });

  it('refuses another number of variables', () => {
    expect(() => new CoMoments(3).merge(new CoMoments(2))).toThrow();
  });
});

describe('PairwiseCoMoments.merge (pairwise, NaN = missing)', () => {
  function build(k: number, rows: Float64Array[], shift: ArrayLike<number>): PairwiseCoMoments {
    const p = new PairwiseCoMoments(k);
    for (const row of rows) p.add(Float64Array.from(row, (v, i) => v - shift[i]));
    return p;
  }

  /** Each variable's first observed value (per-variable origins, as ScoreAccumulator keeps them). */
  function origins(k: number, rows: Float64Array[]): Float64Array {
    const o = new Float64Array(k).fill(Number.NaN);
    for (const row of rows) row.forEach((v, i) => { if (o[i] !== o[i] && v === v) o[i] = v; });
    return o.map((v) => (v === v ? v : 0));
  }

  for (const perVariable of [false, true]) {
    it(`merged equals one pass, ${perVariable ? 'one origin per variable' : 'one origin'}; a structured clone merges bit-identically`, () => {
      fc.assert(
        fc.property(cases, (c) => {
          const { rows, scale } = data(c);
          const k = c.k;
          for (const cut of cuts(c.n, c.seed)) {
            const s1 = perVariable ? origins(k, rows) : new Float64Array(k).fill(firstValue(rows));
            const s2 = perVariable ? origins(k, rows.slice(cut)) : new Float64Array(k).fill(firstValue(rows.slice(cut)));
            const shift = perVariable ? s2.map((v, i) => v - s1[i]) : s2[0] - s1[0];
            const one = build(k, rows, s1);
            const a = build(k, rows.slice(0, cut), s1);
            const a2 = build(k, rows.slice(0, cut), s1);
            const b = build(k, rows.slice(cut), s2);
            a.merge(b, shift);
            a2.merge(structuredClone(b), shift);
            for (let i = 0; i < k; i++) {
              const o = i * UNIVARIATE_STRIDE;
              expect(a.single[o]).toBe(one.single[o]);
              if (one.single[o] > 0) {
                expectClose(a.single[o + 1], one.single[o + 1], scale, `mean ${i}`);
                expectClose(a.single[o + 2], one.single[o + 2], 0, `M2 ${i}`);
              }
              for (let j = i + 1; j < k; j++) {
                const p = one.pairOffset(i, j);
                expect(a.pairs[p], `pair n ${i},${j}`).toBe(one.pairs[p]);
                if (one.pairs[p] === 0) continue;
                expectClose(a.pairs[p + 1], one.pairs[p + 1], scale, `pair mean x ${i},${j}`);
                expectClose(a.pairs[p + 2], one.pairs[p + 2], scale, `pair mean y ${i},${j}`);
                expectClose(a.pairs[p + 3], one.pairs[p + 3], 0, `pair M2x ${i},${j}`);
                expectClose(a.pairs[p + 4], one.pairs[p + 4], 0, `pair M2y ${i},${j}`);
                expectClose(a.pairs[p + 5], one.pairs[p + 5], Math.sqrt(one.pairs[p + 3] * one.pairs[p + 4]), `pair C ${i},${j}`);
              }
            }
            expectBitIdentical(a2.single, a.single, 'single');
            expectBitIdentical(a2.pairs, a.pairs, 'pairs');
          }
        }),
        { seed: 7, numRuns: 150 },
      );
    });
  }

  it('a pair with no rows on one side takes the other side as it is', () => {
    const a = new PairwiseCoMoments(2);
    const b = new PairwiseCoMoments(2);
    a.add(Float64Array.of(1, Number.NaN));
    a.add(Float64Array.of(2, Number.NaN));
    b.add(Float64Array.of(3, 4));
    b.add(Float64Array.of(5, 7));
    a.merge(b, 10);
    expect(Array.from(a.pairs)).toEqual([2, 14, 15.5, 2, 4.5, 3]);
    // variable 0: {1, 2} and {13, 15}: d = 14 − 1.5, mean 1.5 + 12.5 · 2/4, M2 0.5 + 2 + 12.5² · 2 · 2/4
    expect(Array.from(a.single)).toEqual([4, 7.75, 158.75, 2, 15.5, 4.5]);
  });
});

describe('mergeUnivariate and mergePair', () => {
  it('merged equals one pass (origins moved), n = 0 on either side included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 1e3, -7.5), (seed, n, offset) => {
        const { rows, scale } = data({ seed, n, k: 2, missing: 0, offset });
        for (const cut of cuts(n, seed)) {
          const s1 = n > 0 ? rows[0][0] : 0;
          const s2 = cut < n ? rows[cut][0] : 0;
          const uni = (part: Float64Array[], s: number): Float64Array => {
            const m = new Float64Array(UNIVARIATE_STRIDE);
            for (const r of part) updateUnivariate(m, 0, r[0] - s);
            return m;
          };
          const pair = (part: Float64Array[], s: number): Float64Array => {
            const m = new Float64Array(PAIR_STRIDE);
            for (const r of part) updatePair(m, 0, r[0] - s, r[1] - s);
            return m;
          };
          const u1 = uni(rows.slice(0, cut), s1);
          const uOne = uni(rows, s1);
          const uB = uni(rows.slice(cut), s2);
          mergeUnivariate(u1, 0, uB, 0, s2 - s1);
          const u2 = uni(rows.slice(0, cut), s1);
          mergeUnivariate(u2, 0, structuredClone(uB), 0, s2 - s1);
          expect(u1[0]).toBe(n);
          if (n > 0) {
            expectClose(u1[1], uOne[1], scale, 'mean');
            expectClose(u1[2], uOne[2], 0, 'M2');
          }
          expectBitIdentical(u2, u1, 'univariate clone');
          const p1 = pair(rows.slice(0, cut), s1);
          const pOne = pair(rows, s1);
          mergePair(p1, 0, pair(rows.slice(cut), s2), 0, s2 - s1, s2 - s1);
          expect(p1[0]).toBe(n);
          if (n > 0) {
            expectClose(p1[1], pOne[1], scale, 'mean x');
            expectClose(p1[2], pOne[2], scale, 'mean y');
            expectClose(p1[3], pOne[3], 0, 'M2x');
            expectClose(p1[4], pOne[4], 0, 'M2y');
            expectClose(p1[5], pOne[5], Math.sqrt(pOne[3] * pOne[4]), 'C');
          }
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('hand case: {1, 2} merged with {4, 5} (stored relative to 4, moved by +4) is {1, 2, 4, 5}', () => {
    const a = new Float64Array(UNIVARIATE_STRIDE);
    const b = new Float64Array(UNIVARIATE_STRIDE);
    [1, 2].forEach((x) => updateUnivariate(a, 0, x));
    [0, 1].forEach((x) => updateUnivariate(b, 0, x));
    mergeUnivariate(a, 0, b, 0, 4);
    // mean 3, M2 = 4 + 1 + 1 + 4 = 10
    expect(Array.from(a)).toEqual([4, 3, 10]);
  });
});
