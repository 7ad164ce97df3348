/**
 * The matrix routines behind SMC, lambda-6 and omega total, against R: eigen(), chol(),
 * chol2inv(chol()), psych::Pinv, psych::smc and psych::omega (tests/golden/make-matrix-golden.R
 * writes tests/golden/matrix/matrix-golden.json), and against hand calculations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choleskyInverse, choleskyInverseDiagonal } from '../../src/stats/cholesky-inverse.js';
import { choleskyFactor, choleskySolve } from '../../src/stats/cholesky.js';
import { leadingEigenpair } from '../../src/stats/leading-eigenpair.js';
import { minresOneFactor } from '../../src/stats/minres-one-factor.js';
import { omegaTotal } from '../../src/stats/omega-total.js';
import { pseudoInverseDiagonal } from '../../src/stats/pseudo-inverse.js';
import { smcWithoutEach, squaredMultipleCorrelations } from '../../src/stats/squared-multiple-correlation.js';
import { withoutItem } from '../../src/stats/reliability/submatrix.js';
import { symmetricEigen } from '../../src/stats/symmetric-eigen.js';

interface Golden {
  source: string;
  eigen: { name: string; k: number; a: number[]; values: number[]; vectors: number[]; uniqueVectors?: boolean[] }[];
  cholesky: { name: string; k: number; a: number[]; lower: number[]; inverse: number[] }[];
  smc: { name: string; k: number; r: number[]; choleskySucceeds: boolean; dropped: number; pinvDiagonal: number[]; smc: number[] }[];
  omega: { name: string; k: number; r: number[]; omegaTotal: number; uniquenesses: number[]; smc: number[] }[];
}
const golden = JSON.parse(
  readFileSync(new URL('../golden/matrix/matrix-golden.json', import.meta.url), 'utf8'),
) as Golden;

const close = (actual: number, expected: number, tol: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

/** Deterministic symmetric test matrix with cells in (-1, 1). */
function randomSymmetric(k: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) a[i * k + j] = a[j * k + i] = 2 * next();
  return a;
}

/** max_e ‖A v_e - λ_e v_e‖_∞ and max |VᵀV - I|. */
function eigenResiduals(a: Float64Array, k: number, values: Float64Array, vectors: Float64Array) {
  let residual = 0;
  let orthogonality = 0;
  for (let e = 0; e < k; e++) {
    for (let i = 0; i < k; i++) {
      let av = 0;
      for (let j = 0; j < k; j++) av += a[i * k + j] * vectors[j * k + e];
      residual = Math.max(residual, Math.abs(av - values[e] * vectors[i * k + e]));
    }
    for (let f = e; f < k; f++) {
      let dot = 0;
      for (let i = 0; i < k; i++) dot += vectors[i * k + e] * vectors[i * k + f];
      orthogonality = Math.max(orthogonality, Math.abs(dot - (e === f ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe(`matrix golden values (${golden.source})`, () => {
  for (const c of golden.eigen) {
    it(`symmetricEigen = R eigen(): ${c.name}`, () => {
      const { values, vectors } = symmetricEigen(Float64Array.from(c.a), c.k);
      c.values.forEach((v, e) => close(values[e], v, 1e-12));
      for (let e = 0; e < c.k; e++) {
        if (c.uniqueVectors && !c.uniqueVectors[e]) continue;
        let dot = 0;
        let big = 0;
        for (let i = 0; i < c.k; i++) {
          dot += vectors[i * c.k + e] * c.vectors[i * c.k + e];
          if (Math.abs(vectors[i * c.k + e]) > Math.abs(big)) big = vectors[i * c.k + e];
        }
        close(Math.abs(dot), 1, 1e-10); // the same vector up to sign
        expect(big).toBeGreaterThan(0); // signed: largest component positive
      }
      const { residual, orthogonality } = eigenResiduals(Float64Array.from(c.a), c.k, values, vectors);
      expect(residual).toBeLessThan(1e-13);
      expect(orthogonality).toBeLessThan(1e-14);
    });
  }

  for (const c of golden.cholesky) {
    it(`choleskyFactor = t(chol()), choleskyInverseDiagonal = diag(chol2inv(chol())): ${c.name}`, () => {
      const a = Float64Array.from(c.a);
      const lower = choleskyFactor(a, c.k)!;
      c.lower.forEach((v, i) => close(lower[i], v, 1e-13));
      const scale = Math.max(...c.inverse.map(Math.abs));
      const diagonal = choleskyInverseDiagonal(a, c.k)!;
      for (let i = 0; i < c.k; i++) close(diagonal[i], c.inverse[i * c.k + i], 1e-13 * scale);
    });
  }

  for (const c of golden.smc) {
    it(`squaredMultipleCorrelations = psych::smc, pseudoInverseDiagonal = diag(psych::Pinv): ${c.name}`, () => {
      const r = Float64Array.from(c.r);
      expect(choleskyFactor(r, c.k) !== null).toBe(c.choleskySucceeds);
      const pinv = pseudoInverseDiagonal(r, c.k);
      expect(pinv.dropped).toBe(c.dropped);
      c.pinvDiagonal.forEach((v, i) => close(pinv.diagonal[i], v, 1e-9 * Math.max(1, Math.abs(v))));
      const smc = squaredMultipleCorrelations(r, c.k);
      expect(smc.singular).toBe(c.dropped > 0);
      c.smc.forEach((v, i) => close(smc.values[i], v, 1e-10));
    });
  }

  for (const c of golden.omega) {
    it(`minres fit and omega total = psych::omega(nfactors = 1): ${c.name}`, () => {
      const r = Float64Array.from(c.r);
      const smc = squaredMultipleCorrelations(r, c.k);
      c.smc.forEach((v, i) => close(smc.values[i], v, 1e-12));
      const fit = minresOneFactor(r, c.k, smc.values);
      expect(fit.converged).toBe(true);
      expect(fit.heywood).toBe(false);
      close(omegaTotal(r, fit.uniquenesses, c.k), c.omegaTotal, 1e-7);
      // psych's L-BFGS-B stops within about 1e-6 of the optimum in the uniquenesses.
      c.uniquenesses.forEach((v, i) => close(fit.uniquenesses[i], v, 2e-6));
    });
  }
});

describe('symmetricEigen (Householder + QL)', () => {
  it('a diagonal matrix: its diagonal sorted, unit vectors', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(1, 0, 0, 0, 3, 0, 0, 0, 2), 3);
    expect(Array.from(values)).toEqual([3, 2, 1]);
    expect(Array.from(vectors)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('1 × 1 and 0 × 0 matrices', () => {
    const one = symmetricEigen(Float64Array.of(-4), 1);
    expect([one.values[0], one.vectors[0]]).toEqual([-4, 1]);
    expect(symmetricEigen(new Float64Array(0), 0).values.length).toBe(0);
  });

  it('the equicorrelation matrix (1 - ρ)I + ρ11ᵀ: λ = 1 + (k - 1)ρ once with vector 1/√k, 1 - ρ (k - 1) times', () => {
    const k = 50;
    const rho = 0.3;
    const a = new Float64Array(k * k).map((_, c) => (c % (k + 1) === 0 ? 1 : rho));
    const { values, vectors } = symmetricEigen(a, k);
    close(values[0], 1 + (k - 1) * rho, 1e-12);
    for (let e = 1; e < k; e++) close(values[e], 1 - rho, 1e-13);
    for (let i = 0; i < k; i++) close(vectors[i * k], 1 / Math.sqrt(k), 1e-13);
  });

  it('a 200 × 200 random symmetric matrix: A v = λ v, orthonormal vectors, sum of λ = trace', () => {
    const k = 200;
    const a = randomSymmetric(k, 42);
    const { values, vectors } = symmetricEigen(a, k);
    const { residual, orthogonality } = eigenResiduals(a, k, values, vectors);
    expect(residual).toBeLessThan(1e-12);
    expect(orthogonality).toBeLessThan(1e-12);
    let trace = 0;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      trace += a[i * k + i];
      sum += values[i];
      if (i > 0) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    }
    close(sum, trace, 1e-11);
  });

  it('rejects a non-finite cell', () => {
    expect(() => symmetricEigen(Float64Array.of(1, Number.NaN, Number.NaN, 1), 2)).toThrow(RangeError);
  });
});

describe('Cholesky', () => {
  it('[[4, 2], [2, 5]] = L Lᵀ with L = [[2, 0], [1, 2]]; solving for b = (6, 9) gives (0.75, 1.5)', () => {
    const l = choleskyFactor(Float64Array.of(4, 2, 2, 5), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, 2]);
    // 4x + 2y = 6 and 2x + 5y = 9
    const x = choleskySolve(l, Float64Array.of(6, 9), 2);
    close(x[0], 0.75, 1e-15);
    close(x[1], 1.5, 1e-15);
  });

  it('[[2, 1], [1, 2]]⁻¹ = [[2, -1], [-1, 2]] / 3: diagonal 2/3, 2/3', () => {
    const diagonal = choleskyInverseDiagonal(Float64Array.of(2, 1, 1, 2), 2)!;
    [2 / 3, 2 / 3].forEach((v, i) => close(diagonal[i], v, 1e-15));
  });

  it('is null for a singular, an indefinite and a non-finite matrix', () => {
    expect(choleskyFactor(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
    expect(choleskyFactor(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(choleskyInverseDiagonal(Float64Array.of(-1), 1)).toBeNull();
    expect(choleskyInverseDiagonal(Float64Array.of(Number.NaN), 1)).toBeNull();
  });

  it('(A⁻¹)_ii = x_i of A x = e_i for a 150 × 150 positive definite matrix (BᵀB/k + I)', () => {
    const k = 150;
    const b = randomSymmetric(k, 7);
    const a = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let s = i === j ? 1 : 0;
        for (let p = 0; p < k; p++) s += (b[p * k + i] * b[p * k + j]) / k;
        a[i * k + j] = s;
      }
    }
    const diagonal = choleskyInverseDiagonal(a, k)!;
    const l = choleskyFactor(a, k)!;
    for (let i = 0; i < k; i++) {
      const unit = new Float64Array(k);
      unit[i] = 1;
      const x = choleskySolve(l, unit, k);
      close(diagonal[i], x[i], 1e-14);
      // and A x = e_i indeed
      for (let r = 0; r < k; r++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[r * k + p] * x[p];
        close(s, r === i ? 1 : 0, 1e-12);
      }
    }
  });
});

describe('pseudoInverseDiagonal', () => {
  it('equals the inverse\'s diagonal (Cholesky) for a regular matrix', () => {
    const k = 40;
    const a = randomSymmetric(k, 3);
    for (let i = 0; i < k; i++) a[i * k + i] += 30;
    const pinv = pseudoInverseDiagonal(a, k);
    const inverse = choleskyInverseDiagonal(a, k)!;
    expect(pinv.dropped).toBe(0);
    for (let i = 0; i < k; i++) close(pinv.diagonal[i], inverse[i], 1e-15);
  });
});

describe('leadingEigenpair (the full decomposition up to 64 variables, Lanczos above)', () => {
  it('[[2, 1], [1, 2]]: 3 and (1, 1)/√2', () => {
    const { value, vector, converged } = leadingEigenpair(Float64Array.of(2, 1, 1, 2), 2);
    expect(converged).toBe(true);
    close(value, 3, 1e-14);
    close(vector[0], Math.SQRT1_2, 1e-14);
    close(vector[1], Math.SQRT1_2, 1e-14);
  });

  it('finds the top of a negative equicorrelation matrix, whose vector of ones is the bottom eigenvector', () => {
    // (1 - ρ)I + ρ11ᵀ with ρ = -.1, k = 5: λ = 1 + 4ρ = .6 for 1/√5, and 1.1 for the rest.
    const a = new Float64Array(25).map((_, c) => (c % 6 === 0 ? 1 : -0.1));
    const { value, vector } = leadingEigenpair(a, 5);
    close(value, 1.1, 1e-13);
    let sum = 0;
    for (let i = 0; i < 5; i++) sum += vector[i];
    close(sum, 0, 1e-12); // orthogonal to the ones vector
  });

  it('matches symmetricEigen on a 300 × 300 correlation-like matrix (restarted Lanczos)', () => {
    const k = 300;
    const a = randomSymmetric(k, 11);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = i === j ? 1 : 0.3 + 0.05 * a[i * k + j];
    const exact = symmetricEigen(a, k);
    const { value, vector, converged } = leadingEigenpair(a, k);
    expect(converged).toBe(true);
    close(value, exact.values[0], 1e-10 * exact.values[0]);
    let dot = 0;
    for (let i = 0; i < k; i++) dot += vector[i] * exact.vectors[i * k];
    close(Math.abs(dot), 1, 1e-12);
  });
});

/** A correlation matrix of k items loading λ on one factor, cells perturbed by ±0.05 (seeded). */
function oneFactorR(k: number, loading: number, seed: number): Float64Array {
  const noise = randomSymmetric(k, seed);
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) r[i * k + j] = i === j ? 1 : loading * loading + 0.1 * noise[i * k + j];
  return r;
}

describe('choleskyInverse', () => {
  it('is A⁻¹: A A⁻¹ = I to rounding, and null for a matrix that is not positive definite', () => {
    for (const k of [1, 2, 5, 12]) {
      const a = oneFactorR(k, 0.6, k);
      const inverse = choleskyInverse(a, k)!;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          let cell = 0;
          for (let p = 0; p < k; p++) cell += a[i * k + p] * inverse[p * k + j];
          close(cell, i === j ? 1 : 0, 1e-13);
        }
      }
    }
    expect(choleskyInverse(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});

describe('smcWithoutEach', () => {
  it('gives each item\'s SMCs of the others as squaredMultipleCorrelations of the matrix without it', () => {
    for (const [k, loading, seed] of [[3, 0.5, 1], [6, 0.7, 2], [9, 0.4, 3], [20, 0.6, 4], [40, 0.3, 5]]) {
      const r = oneFactorR(k, loading, seed);
      const downdated = smcWithoutEach(r, k);
      expect(downdated, `k = ${k}`).not.toBeNull();
      for (let j = 0; j < k; j++) {
        const direct = squaredMultipleCorrelations(withoutItem(r, k, j), k - 1).values;
        for (let i = 0; i < k - 1; i++) close(downdated![j][i], direct[i], 1e-13);
      }
    }
  });

  it('leaves an ill-conditioned, indefinite, undefined or too small matrix to the caller (null)', () => {
    // Two items correlating .99999: condition number near 10^5.
    const r = oneFactorR(5, 0.6, 7);
    r[1] = r[5] = 0.99999;
    expect(smcWithoutEach(r, 5)).toBeNull();
    expect(smcWithoutEach(Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1), 3)).toBeNull();
    const undefinedCell = oneFactorR(4, 0.6, 8);
    undefinedCell[1] = undefinedCell[4] = Number.NaN;
    expect(smcWithoutEach(undefinedCell, 4)).toBeNull();
    expect(smcWithoutEach(Float64Array.of(1, 0.5, 0.5, 1), 2)).toBeNull();
  });
});
