import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minresOneFactor } from '../../src/stats/minres-one-factor.js';
import { omegaTotal } from '../../src/stats/omega-total.js';
import { pseudoInverseDiagonal } from '../../src/stats/pseudo-inverse.js';
import { squaredMultipleCorrelations } from '../../src/stats/squared-multiple-correlation.js';
import { symmetricEigen } from '../../src/stats/symmetric-eigen.js';

const close = (actual: number, expected: number, tol = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

/** R with unit diagonal and off-diagonal cells λ_i λ_j: an exact one-factor correlation matrix. */
function oneFactorR(l: number[]): Float64Array {
  const k = l.length;
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) r[i * k + j] = i === j ? 1 : l[i] * l[j];
  return r;
}

describe('symmetricEigen', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, -1)/√2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    close(values[0], 3);
    close(values[1], 1);
    close(Math.abs(vectors[0]), Math.SQRT1_2);
    close(vectors[0] * vectors[2], 0.5); // same sign in both cells of the first vector
    close(vectors[1] * vectors[3], -0.5);
  });

  it('A v = λ v with orthonormal vectors, for random symmetric matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 49, maxLength: 49 }),
        (k, cells) => {
          const a = new Float64Array(k * k);
          for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) a[i * k + j] = a[j * k + i] = cells[i * 7 + j];
          const { values, vectors } = symmetricEigen(a, k);
          for (let e = 0; e < k; e++) {
            if (e > 0) expect(values[e]).toBeLessThanOrEqual(values[e - 1]);
            for (let i = 0; i < k; i++) {
              let av = 0;
              for (let j = 0; j < k; j++) av += a[i * k + j] * vectors[j * k + e];
              expect(Math.abs(av - values[e] * vectors[i * k + e])).toBeLessThan(1e-9);
            }
            for (let f = 0; f < k; f++) {
              let dot = 0;
              for (let i = 0; i < k; i++) dot += vectors[i * k + e] * vectors[i * k + f];
              expect(Math.abs(dot - (e === f ? 1 : 0))).toBeLessThan(1e-12);
            }
          }
        },
      ),
    );
  });
});

describe('pseudoInverseDiagonal', () => {
  it('is the inverse\'s diagonal for a regular matrix: [[2, 1], [1, 2]]⁻¹ = [[2, -1], [-1, 2]] / 3', () => {
    const { diagonal, dropped } = pseudoInverseDiagonal(Float64Array.of(2, 1, 1, 2), 2);
    expect(dropped).toBe(0);
    [2 / 3, 2 / 3].forEach((v, i) => close(diagonal[i], v));
  });

  it('drops the zero eigenvalue of [[1, 1], [1, 1]]: A⁺ = v vᵀ / 2 with v = (1, 1)/√2, all cells 1/4', () => {
    const { diagonal, dropped } = pseudoInverseDiagonal(Float64Array.of(1, 1, 1, 1), 2);
    expect(dropped).toBe(1);
    diagonal.forEach((v) => close(v, 0.25));
    // psych::smc(matrix(1, 2, 2)): 1 - 1/.25 = -3, set to 0
    expect(Array.from(squaredMultipleCorrelations(Float64Array.of(1, 1, 1, 1), 2).values)).toEqual([0, 0]);
  });
});

describe('minresOneFactor and omegaTotal', () => {
  it('recovers the loadings of an exact one-factor matrix', () => {
    const l = [0.8, 0.7, 0.6, 0.5];
    const r = oneFactorR(l);
    const fit = minresOneFactor(r, 4, squaredMultipleCorrelations(r, 4).values);
    expect(fit.converged).toBe(true);
    expect(fit.heywood).toBe(false);
    l.forEach((v, i) => close(fit.loadings[i], v, 1e-10));
    l.forEach((v, i) => close(fit.uniquenesses[i], 1 - v * v, 1e-10));
  });

  it('omega total of that model: (Σλ)² / (k + (Σλ)² - Σλ²) = 6.76 / 9.02', () => {
    // Σλ = 2.6, Σλ² = .64 + .49 + .36 + .25 = 1.74; 1'R1 = 4 + 6.76 - 1.74 = 9.02; Σu² = 4 - 1.74
    const l = [0.8, 0.7, 0.6, 0.5];
    const r = oneFactorR(l);
    const fit = minresOneFactor(r, 4, squaredMultipleCorrelations(r, 4).values);
    close(omegaTotal(r, fit.uniquenesses, 4), 6.76 / 9.02, 1e-10);
  });

  it('three items correlating .49: λ = .7, omega = (5.94 - 1.53) / 5.94', () => {
    const r = oneFactorR([0.7, 0.7, 0.7]);
    const fit = minresOneFactor(r, 3, squaredMultipleCorrelations(r, 3).values);
    close(omegaTotal(r, fit.uniquenesses, 3), (5.94 - 1.53) / 5.94, 1e-10);
  });

  it('keeps the sign of a negatively loading item and signs the loadings to a positive sum', () => {
    const r = oneFactorR([0.8, -0.6, 0.7]);
    const fit = minresOneFactor(r, 3, squaredMultipleCorrelations(r, 3).values);
    [0.8, -0.6, 0.7].forEach((v, i) => close(fit.loadings[i], v, 1e-10));
  });

  it('bounds communalities at .995 (a Heywood case) and says so', () => {
    // Off-diagonal cells of λ = (1.1, .6, .5): the exact fit would need λ_1² = 1.21.
    const r = oneFactorR([1.1, 0.6, 0.5]);
    const fit = minresOneFactor(r, 3, Float64Array.of(0.9, 0.4, 0.3));
    expect(fit.heywood).toBe(true);
    close(fit.loadings[0], Math.sqrt(0.995), 1e-12);
  });

  it('recovers the loadings of an exact one-factor matrix of 300 items', () => {
    const l = Array.from({ length: 300 }, (_, i) => 0.2 + 0.7 * ((i * 37) % 300) / 300);
    const r = oneFactorR(l);
    const fit = minresOneFactor(r, 300, squaredMultipleCorrelations(r, 300).values);
    expect(fit.converged).toBe(true);
    l.forEach((v, i) => close(fit.loadings[i], v, 1e-10));
  });

  it('R = I: the residuals are least with no factor at all, λ = 0 and omega = (k - k) / k = 0', () => {
    const k = 5;
    const r = new Float64Array(k * k).map((_, c) => (c % (k + 1) === 0 ? 1 : 0));
    const fit = minresOneFactor(r, k, squaredMultipleCorrelations(r, k).values);
    expect(fit.converged).toBe(true);
    fit.loadings.forEach((v) => close(v, 0, 1e-15));
    close(omegaTotal(r, fit.uniquenesses, k), 0, 1e-15);
  });

  it('ends at a stationary point of the residuals: Σ_{j≠i} r_ij λ_j = λ_i Σ_{j≠i} λ_j², 150 noisy items', () => {
    // One factor (loadings .1 to .7) plus symmetric noise of ±.05: no exact fit exists.
    const k = 150;
    let state = 99;
    const noise = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state / 4294967296 - 0.5) / 10;
    };
    const l = Array.from({ length: k }, (_, i) => 0.1 + (0.6 * i) / k);
    const r = oneFactorR(l);
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) r[i * k + j] = r[j * k + i] = r[i * k + j] + noise();
    const fit = minresOneFactor(r, k, squaredMultipleCorrelations(r, k).values);
    expect(fit.converged).toBe(true);
    expect(fit.heywood).toBe(false);
    let squares = 0;
    for (let j = 0; j < k; j++) squares += fit.loadings[j] ** 2;
    for (let i = 0; i < k; i++) {
      let rl = 0;
      for (let j = 0; j < k; j++) if (j !== i) rl += r[i * k + j] * fit.loadings[j];
      close(rl, fit.loadings[i] * (squares - fit.loadings[i] ** 2), 1e-12);
    }
  });

  it('is not converged (NaN loadings) when R has an undefined cell', () => {
    const r = oneFactorR([0.7, 0.6, 0.5]);
    r[1] = r[3] = Number.NaN;
    const fit = minresOneFactor(r, 3, Float64Array.of(0.4, 0.3, 0.2));
    expect(fit.converged).toBe(false);
    expect(Array.from(fit.loadings).every(Number.isNaN)).toBe(true);
  });
});
