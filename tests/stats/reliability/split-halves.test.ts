import { describe, expect, it } from 'vitest';
import { choose, splitHalves } from '../../../src/stats/reliability/split-halves.js';
import { Xoshiro128 } from '../../../src/stats/xoshiro128.js';

/** A random correlation-like symmetric matrix (diagonal 1). */
function randomR(k: number, seed: number): Float64Array {
  const rng = new Xoshiro128(seed);
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    r[i * k + i] = 1;
    for (let j = 0; j < i; j++) r[i * k + j] = r[j * k + i] = 0.1 + 0.5 * (rng.nextUint32() / 2 ** 32);
  }
  return r;
}

/** Brute force over every subset A of floor(k/2) items, by bit masks. */
function bruteForce(r: Float64Array, k: number): { max: number; min: number; mean: number; count: number } {
  const m = Math.floor(k / 2);
  let total = 0;
  for (const x of r) total += x;
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  let count = 0;
  for (let mask = 0; mask < 1 << k; mask++) {
    let bits = 0;
    for (let i = 0; i < k; i++) if (mask & (1 << i)) bits++;
    if (bits !== m || (k % 2 === 0 && !(mask & 1))) continue;
    let across = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (mask & (1 << i) && !(mask & (1 << j))) across += r[i * k + j];
    const rab = (4 * across) / total;
    max = Math.max(max, rab);
    min = Math.min(min, rab);
    sum += rab;
    count++;
  }
  return { max, min, mean: sum / count, count };
}

describe('split halves', () => {
  it('two items: the one split is the Spearman-Brown step-up 2r / (1 + r)', () => {
    const s = splitHalves(Float64Array.of(1, 0.5, 0.5, 1), 2, 1);
    expect(s).toMatchObject({ method: 'all', splits: 1 });
    expect(s.lambda4).toBeCloseTo(2 / 3, 15);
    expect(s.beta).toBeCloseTo(2 / 3, 15);
  });

  it('equal correlations: every split gives standardized alpha', () => {
    const k = 6;
    const r = new Float64Array(k * k).fill(0.3);
    for (let i = 0; i < k; i++) r[i * k + i] = 1;
    const s = splitHalves(r, k, 1);
    const alpha = (k * 0.3) / (1 + (k - 1) * 0.3);
    expect(s.splits).toBe(10);
    expect(s.lambda4).toBeCloseTo(alpha, 14);
    expect(s.beta).toBeCloseTo(alpha, 14);
  });

  for (const k of [3, 4, 5, 7, 8, 11, 12]) {
    it(`k = ${k}: every split, as a brute force over bit masks`, () => {
      const r = randomR(k, k);
      const s = splitHalves(r, k, 1);
      const b = bruteForce(r, k);
      expect(s.method).toBe('all');
      expect(s.splits).toBe(b.count);
      expect(s.lambda4).toBeCloseTo(b.max, 13);
      expect(s.beta).toBeCloseTo(b.min, 13);
      expect(s.mean).toBeCloseTo(b.mean, 13);
    });
  }

  it("psych's rule: every split up to k = 16, 10000 sampled splits above", () => {
    expect(splitHalves(randomR(16, 3), 16, 1)).toMatchObject({ method: 'all', splits: choose(16, 8) / 2 });
    expect(splitHalves(randomR(15, 3), 15, 1)).toMatchObject({ method: 'all', splits: choose(15, 7) });
    const sampled = splitHalves(randomR(17, 3), 17, 1);
    expect(sampled).toMatchObject({ method: 'sampled', splits: 10000 });
    expect(splitHalves(randomR(17, 3), 17, 1)).toEqual(sampled);
    expect(splitHalves(randomR(17, 3), 17, 2).mean).not.toBe(sampled.mean);
  });

  it('undefined cells give NaN', () => {
    expect(splitHalves(Float64Array.of(1, Number.NaN, Number.NaN, 1), 2, 1).lambda4).toBeNaN();
  });
});
