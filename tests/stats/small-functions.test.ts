import { describe, expect, it } from 'vitest';
import { fisherZInterval } from '../../src/stats/fisher-z-interval.js';
import { quantileType7 } from '../../src/stats/quantile-type7.js';
import { spearmanFromTable } from '../../src/stats/spearman-from-table.js';

const close = (actual: number, expected: number, tol = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

describe('quantileType7 (R quantile, type 7)', () => {
  it('h = (n - 1) p: for 1 2 3 4, p = .25 gives h = .75 and 1 + .75 · (2 - 1) = 1.75', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    close(quantileType7(x, 0.25), 1.75);
    close(quantileType7(x, 0), 1);
    close(quantileType7(x, 1), 4);
    close(quantileType7(x, 0.5), 2.5);
  });

  it('matches R quantile(c(0.1, 0.4, 0.45, 0.9, 1.3), c(.025, .975)) = 0.13, 1.26', () => {
    // h = 4 · .025 = .1: .1 + .1 · .3 = .13;  h = 3.9: .9 + .9 · .4 = 1.26
    const x = Float64Array.of(0.1, 0.4, 0.45, 0.9, 1.3);
    close(quantileType7(x, 0.025), 0.13);
    close(quantileType7(x, 0.975), 1.26);
  });
});

describe('fisherZInterval (psych::r.con)', () => {
  it('r = .5, n = 28: tanh(atanh(.5) ∓ 1.959964 / 5) = 0.1560283625, 0.7358184794', () => {
    const ci = fisherZInterval(0.5, 28, 0.95)!;
    close(ci.lower, 0.1560283625, 1e-10);
    close(ci.upper, 0.7358184794, 1e-10);
  });

  it('is null for n < 4 or an undefined r', () => {
    expect(fisherZInterval(0.5, 3, 0.95)).toBeNull();
    expect(fisherZInterval(Number.NaN, 30, 0.95)).toBeNull();
  });
});

describe('spearmanFromTable', () => {
  it('rows (1,1), (2,2), (2,3), (3,3): mid-ranks give 3.75 / 4.5', () => {
    // ranks a = 1, 2.5, 2.5, 4; b = 1, 2, 3.5, 3.5; m = 2.5
    // Σ(ra-m)(rb-m) = (-1.5)(-1.5) + 0 + 0 + (1.5)(1) = 3.75; Σ(ra-m)² = 4.5; Σ(rb-m)² = 2.25 + .25 + 1 + 1 = 4.5
    const { r, n } = spearmanFromTable([[1, 1, 1], [2, 2, 1], [2, 3, 1], [3, 3, 1]]);
    expect(n).toBe(4);
    close(r, 3.75 / 4.5);
  });

  it('counts act as repeated rows; a constant variable gives NaN', () => {
    const repeated = spearmanFromTable([[1, 2, 2], [2, 1, 1], [3, 3, 3]]);
    const spelled = spearmanFromTable([[1, 2, 1], [1, 2, 1], [2, 1, 1], [3, 3, 1], [3, 3, 1], [3, 3, 1]]);
    close(repeated.r, spelled.r);
    expect(spearmanFromTable([[1, 2, 1], [1, 3, 1]]).r).toBeNaN();
  });
});
