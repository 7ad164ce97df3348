import { matrixSum, positiveVariance } from '../matrix-sums.js';
import { Xoshiro128 } from '../xoshiro128.js';

/** psych::splitHalf's `n.sample`: more splits than this are sampled. */
export const SPLIT_SAMPLE = 10000;

export interface SplitHalves {
  /** Guttman's λ4: the largest split-half reliability (psych `maxrb`). */
  lambda4: number;
  /** Revelle's β: the smallest split-half reliability (psych `minrb`, not clipped at 0). */
  beta: number;
  /** The mean split-half reliability over the splits used (psych `meanr`). */
  mean: number;
  /** 'all': every split into halves of ⌊k/2⌋ and ⌈k/2⌉ items; 'sampled': SPLIT_SAMPLE random ones. */
  method: 'all' | 'sampled';
  splits: number;
}

/**
 * Split-half reliabilities of the correlation matrix R, as psych::splitHalf (covar = FALSE,
 * check.keys = FALSE): for a split into halves A (⌊k/2⌋ items) and B (the rest),
 *   r_AB = 4 · 1_A' R 1_B / 1'R1 = 4 (Σ_{i∈A} c_i - Σ_{i,j∈A} r_ij) / 1'R1,   c = R1
 * (Rulon's / Flanagan's split-half coefficient: 2 (1 - (V_A + V_B) / V) on standardized items).
 * λ4 is its maximum, β its minimum, and the mean its average.
 *
 * Which splits: psych's rule. When choose(k, ⌊k/2⌋) / 2 ≤ 10000 (k ≤ 16) every split is used
 * (method 'all'): for even k the choose(k, k/2) / 2 subsets A that hold item 1, for odd k all
 * choose(k, ⌊k/2⌋) subsets A (each a different split). psych enumerates the first
 * choose(k, ⌊k/2⌋) / 2 subsets in lexicographic order, which for odd k is only part of the
 * splits (k = 5: 5 of the 10), and divides the mean by that count; here every split counts,
 * so for odd k λ4 can be higher, β lower and the mean different from psych's (see the README).
 * Above that, SPLIT_SAMPLE subsets A of ⌊k/2⌋ items are drawn uniformly and independently
 * (partial Fisher-Yates with xoshiro128** seeded by `seed`, as psych draws `sample(k, ⌊k/2⌋)`
 * with R's generator): reproducible for a seed, but not R's sample.
 * Each split costs O(⌊k/2⌋²) (k = 16: 6435 splits of 64 multiply-adds).
 * All NaN when k < 2, R has an undefined cell or 1'R1 is not above rounding.
 */
export function splitHalves(r: Float64Array, k: number, seed: number): SplitHalves {
  const nan = Number.NaN;
  const total = k >= 2 ? matrixSum(r, k) : nan;
  const m = Math.floor(k / 2);
  const exhaustive = k >= 2 && choose(k, m) / 2 <= SPLIT_SAMPLE;
  if (k < 2 || !Number.isFinite(total) || !positiveVariance(total, k)) {
    return { lambda4: nan, beta: nan, mean: nan, method: exhaustive ? 'all' : 'sampled', splits: 0 };
  }
  const rowSums = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) rowSums[i] += r[i * k + j];
  const a = new Int32Array(m);
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  let splits = 0;
  const visit = (): void => {
    let across = 0;
    for (let p = 0; p < m; p++) {
      const i = a[p];
      across += rowSums[i];
      const row = i * k;
      for (let q = 0; q < m; q++) across -= r[row + a[q]];
    }
    const rab = (4 * across) / total;
    if (rab > max) max = rab;
    if (rab < min) min = rab;
    sum += rab;
    splits++;
  };
  if (exhaustive) {
    // Subsets A in lexicographic order; for even k only those holding item 0 (A and its
    // complement are the same split).
    for (let p = 0; p < m; p++) a[p] = p;
    const last = k % 2 === 0 ? choose(k, m) / 2 : choose(k, m);
    for (let s = 0; s < last; s++) {
      visit();
      let p = m - 1;
      while (p >= 0 && a[p] === k - m + p) p--;
      if (p < 0) break;
      a[p]++;
      for (let q = p + 1; q < m; q++) a[q] = a[q - 1] + 1;
    }
  } else {
    const rng = new Xoshiro128(seed);
    const order = new Int32Array(k);
    for (let s = 0; s < SPLIT_SAMPLE; s++) {
      for (let i = 0; i < k; i++) order[i] = i;
      for (let p = 0; p < m; p++) {
        const j = p + rng.nextInt(k - p);
        const t = order[p];
        order[p] = order[j];
        order[j] = t;
        a[p] = order[p];
      }
      visit();
    }
  }
  return { lambda4: max, beta: min, mean: sum / splits, method: exhaustive ? 'all' : 'sampled', splits };
}

/** Binomial coefficient, exact for the values used here (< 2^53). */
export function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}
