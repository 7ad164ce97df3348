/**
 * Rotations against psych::fa(r, nfactors, fm = "minres", rotate = ...) and GPArotation::oblimin
 * (tests/golden/make-omega-golden.R writes tests/golden/omega/*.json): the golden unrotated
 * minres loadings go in, the rotated loadings and Φ psych reports come out.
 */
import { describe, expect, it } from 'vitest';
import { obliminCriterion, oblimin } from '../../../src/stats/factor/rotate-oblimin.js';
import { kaiserPromax } from '../../../src/stats/factor/rotate-promax.js';
import { varimax } from '../../../src/stats/factor/rotate-varimax.js';
import { rotateLoadings } from '../../../src/stats/factor/rotation.js';
import { matrix, multiply, transpose } from '../../../src/stats/factor/small-matrix.js';
import { jacobiSvd } from '../../../src/stats/factor/jacobi-svd.js';
import { CASES, expectClose, loadCase } from './omega-golden-cases.js';

const TOL = 1e-4;

describe.each(CASES)('rotations of %s, as psych::fa', (name) => {
  const g = loadCase(name);
  const { k, nfactors: m } = g;
  for (const method of ['oblimin', 'promax', 'varimax'] as const) {
    it(`${method}: loadings and Phi as psych reports them (order and sign included)`, () => {
      const out = rotateLoadings(g.unrotated, k, m, method);
      expectClose(out.loadings, g.rotations[method].loadings, TOL, `${method} loadings`);
      expectClose(out.phi, g.rotations[method].phi, TOL, `${method} Phi`);
    });
  }
  it('none: the unrotated loadings, already in psych order', () => {
    const out = rotateLoadings(g.unrotated, k, m, 'none');
    expectClose(out.loadings, g.unrotated, 1e-15, 'none');
    expect(out.order).toEqual(Array.from({ length: m }, (_, j) => j));
  });
  it('GPArotation::oblimin as it returns it (no reordering), iteration count included', () => {
    const a = matrix(k, m, g.unrotated);
    const out = oblimin(a);
    expectClose(out.loadings.data, g.gpaOblimin.loadings, TOL, 'loadings');
    expectClose(out.phi.data, g.gpaOblimin.phi, TOL, 'Phi');
    expect(out.converged).toBe(g.gpaOblimin.convergence);
    expect(out.iterations).toBe(g.gpaOblimin.iterations);
  });
});

describe('rotation invariants', () => {
  const g = loadCase('bfi-ace-15');
  const { k, nfactors: m } = g;
  const a = matrix(k, m, g.unrotated);
  const reproduced = (l: Float64Array, phi: Float64Array) => multiply(multiply(matrix(k, m, l), matrix(m, m, phi)), transpose(matrix(k, m, l))).data;
  const common = multiply(a, transpose(a)).data;
  it('every rotation reproduces the common part L Φ Lᵀ of the unrotated solution', () => {
    for (const method of ['none', 'oblimin', 'promax', 'varimax'] as const) {
      const out = rotateLoadings(g.unrotated, k, m, method);
      expectClose(reproduced(out.loadings, out.phi), common, 1e-12, method);
    }
  });
  it('variances are decreasing, Phi has a unit diagonal, column sums are positive', () => {
    for (const method of ['oblimin', 'promax', 'varimax'] as const) {
      const out = rotateLoadings(g.unrotated, k, m, method);
      for (let j = 1; j < m; j++) expect(out.variance[j]).toBeLessThanOrEqual(out.variance[j - 1]);
      for (let j = 0; j < m; j++) {
        expect(out.phi[j * m + j]).toBeCloseTo(1, 12);
        let sum = 0;
        for (let i = 0; i < k; i++) sum += out.loadings[i * m + j];
        expect(sum).toBeGreaterThan(0);
      }
    }
  });
  it('oblimin ends at a stationary point of the quartimin criterion, below its start', () => {
    const out = oblimin(a);
    expect(out.converged).toBe(true);
    expect(out.f).toBeLessThan(obliminCriterion(0)(a).f);
  });
  it('accepts an array of rows as well as a row-major array', () => {
    const rows = Array.from({ length: k }, (_, i) => g.unrotated.slice(i * m, (i + 1) * m));
    expect(rotateLoadings(rows, k, m, 'oblimin').loadings).toEqual(rotateLoadings(g.unrotated, k, m, 'oblimin').loadings);
  });
  it('varimax and promax are equivariant: permuted, sign-flipped input gives the same reported solution', () => {
    const flipped = new Float64Array(k * m);
    for (let i = 0; i < k; i++) {
      flipped[i * m + 0] = -g.unrotated[i * m + 2];
      flipped[i * m + 1] = g.unrotated[i * m + 0];
      flipped[i * m + 2] = -g.unrotated[i * m + 1];
    }
    for (const method of ['oblimin', 'promax', 'varimax'] as const) {
      expectClose(rotateLoadings(flipped, k, m, method).loadings, rotateLoadings(g.unrotated, k, m, method).loadings, 1e-9, method);
    }
  });
  it('one factor is not rotated', () => {
    const one = Float64Array.of(0.5, -0.6, 0.7);
    const out = rotateLoadings(one, 3, 1, 'oblimin');
    expect(Array.from(out.loadings)).toEqual([0.5, -0.6, 0.7]);
    expect(Array.from(out.phi)).toEqual([1]);
  });
  it('kaiserPromax and varimax keep the common part; promax Phi is symmetric positive definite', () => {
    const p = kaiserPromax(a);
    expectClose(multiply(multiply(p.loadings, p.phi), transpose(p.loadings)).data, common, 1e-12, 'promax');
    const v = varimax(a);
    expectClose(multiply(v.loadings, transpose(v.loadings)).data, common, 1e-12, 'varimax');
    expectClose(multiply(transpose(v.rotation), v.rotation).data, [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-14, 'T orthogonal');
    expect(p.phi.data[1]).toBeCloseTo(p.phi.data[3], 14);
  });
});

describe('jacobiSvd', () => {
  it('reconstructs A = U diag(s) Vᵀ with orthogonal U, V and decreasing s', () => {
    const a = matrix(3, 3, [4, -2, 1, 0.5, 3, -1, 2, 1, 0.25]);
    const { u, s, v } = jacobiSvd(a);
    const us = matrix(3, 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) us.data[i * 3 + j] = u.data[i * 3 + j] * s[j];
    expectClose(multiply(us, transpose(v)).data, a.data, 1e-13, 'A');
    expectClose(multiply(transpose(u), u).data, [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-14, 'UᵀU');
    expect(s[0]).toBeGreaterThanOrEqual(s[1]);
    expect(s[1]).toBeGreaterThanOrEqual(s[2]);
  });
  it('completes U for a rank-deficient matrix', () => {
    const { u, s } = jacobiSvd(matrix(2, 2, [1, 2, 2, 4]));
    expect(s[1]).toBeLessThan(1e-15);
    expectClose(multiply(transpose(u), u).data, [1, 0, 0, 1], 1e-14, 'UᵀU');
  });
});
