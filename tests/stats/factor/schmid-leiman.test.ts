/**
 * The Schmid-Leiman transformation against psych::schmid(r, nfactors, fm = "minres")
 * (tests/golden/make-omega-golden.R): psych's unrotated minres loadings go in; the varimax
 * start, the oblimin pattern and Φ, the g loadings of the group factors and the sl table
 * (g, F1*.., h2, u2, p2) come out.
 */
import { describe, expect, it } from 'vitest';
import { minresOneFactor } from '../../../src/stats/minres-one-factor.js';
import { squaredMultipleCorrelations } from '../../../src/stats/squared-multiple-correlation.js';
import { oblimin } from '../../../src/stats/factor/rotate-oblimin.js';
import { rotateLoadings } from '../../../src/stats/factor/rotation.js';
import { factorModelDf, minimumItems, schmidLeiman } from '../../../src/stats/factor/schmid-leiman.js';
import { matrix } from '../../../src/stats/factor/small-matrix.js';
import { goldenExtraction } from './omega-extraction-adapter.js';
import { CASES, expectClose, loadCase } from './omega-golden-cases.js';

const TOL = 1e-4;

describe.each(CASES)('schmid steps for %s', (name) => {
  const g = loadCase(name);
  const { k, nfactors: m } = g;
  it("varimax start (psych's orthog) and oblimin of it (oblique, phi)", () => {
    const orth = rotateLoadings(g.unrotated, k, m, 'varimax').loadings;
    expectClose(orth, g.schmid.orthogonal, TOL, 'orthog');
    const ob = oblimin(matrix(k, m, orth));
    expectClose(ob.loadings.data, g.schmid.oblique, TOL, 'oblique');
    expectClose(ob.phi.data, g.schmid.phi, TOL, 'phi');
  });
});

describe.each(['bfi-ace-15', 'sim-hier-12', 'bfi-ac-10-two'] as const)('schmidLeiman(%s)', (name) => {
  const g = loadCase(name);
  const { k, nfactors: m } = g;
  const calls: { k: number; m: number }[] = [];
  const { solution, warnings } = schmidLeiman(g.r, k, g.unrotated, m, goldenExtraction(g, calls));
  it('is defined', () => {
    expect(solution).not.toBeNull();
  });
  it('g loadings of the group factors, and the sl table: g, F*, h2, u2, p2', () => {
    if (solution === null) throw new Error('no solution');
    expectClose(solution.generalOnGroup, g.schmid.gloading, TOL, 'gloading');
    expectClose(solution.general, g.schmid.g, TOL, 'g');
    expectClose(solution.group, g.schmid.group, TOL, 'group');
    expectClose(solution.communalities, g.schmid.h2, 1e-12, 'h2');
    expectClose(solution.uniquenesses, g.schmid.u2, 1e-12, 'u2');
    expectClose(solution.generalShare, g.schmid.p2, TOL, 'p2');
    expectClose(solution.orthogonal, g.schmid.orthogonal, TOL, 'orthog');
    expectClose(solution.oblique, g.schmid.oblique, TOL, 'oblique');
    expectClose(solution.phi, g.schmid.phi, TOL, 'phi');
    expect(solution.rotation).toBe('oblimin');
    expect(solution.converged).toBe(true);
  });
  it('g² + Σ F*² = h²: the SL loadings reproduce the common variance (Φ = γγᵀ + diag(1 − γ²) is fitted exactly)', () => {
    if (solution === null) throw new Error('no solution');
    const sl = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      sl[i] = solution.general[i] ** 2;
      for (let j = 0; j < m; j++) sl[i] += solution.group[i * m + j] ** 2;
    }
    expectClose(sl, solution.communalities, 1e-8, 'g² + ΣF*²');
  });
  if (m === 2) {
    it("two factors: psych's 'equal' rule, both g loadings √|φ12|, with a warning; no one-factor fit", () => {
      if (solution === null) throw new Error('no solution');
      const phi12 = solution.phi[1];
      expect(solution.generalOnGroup[0]).toBeCloseTo(Math.sqrt(Math.abs(phi12)), 15);
      expect(solution.generalOnGroup[1]).toBeCloseTo(Math.sign(phi12) * Math.sqrt(Math.abs(phi12)), 15);
      expect(warnings.join(' ')).toMatch(/two group factors do not identify the general factor/);
      expect(g.schmid.messages.join(' ')).toMatch(/Three factors are required for identification/);
      expect(calls).toEqual([]);
    });
    it("'first' and 'second' options: one g loading 1, the other φ12", () => {
      const first = schmidLeiman(g.r, k, g.unrotated, m, goldenExtraction(g), { option: 'first' }).solution;
      const second = schmidLeiman(g.r, k, g.unrotated, m, goldenExtraction(g), { option: 'second' }).solution;
      if (first === null || second === null) throw new Error('no solution');
      expect(Array.from(first.generalOnGroup)).toEqual([1, first.phi[1]]);
      expect(Array.from(second.generalOnGroup)).toEqual([second.phi[1], 1]);
      for (let i = 0; i < k; i++) expect(first.group[i * m]).toBe(0);
    });
  } else {
    it('three factors: g from the one-factor fit of Phi (one call of the extraction with m = 1)', () => {
      expect(calls).toEqual([{ k: m, m: 1 }]);
      expect(warnings).toEqual([]);
    });
  }
});

describe('schmidLeiman where it is not defined: null with a warning, never NaN', () => {
  it('a Heywood case in the higher-order fit (bfi N, E, O: psych gives a g loading of .9994)', () => {
    const g = loadCase('bfi-neo-15-heywood');
    expect(Math.max(...g.schmid.gloading)).toBeGreaterThan(Math.sqrt(0.995));
    const out = schmidLeiman(g.r, g.k, g.unrotated, g.nfactors, goldenExtraction(g));
    expect(out.solution).toBeNull();
    expect(out.warnings.join(' ')).toMatch(/Heywood case in the higher-order fit: factor 2/);
    // The same Φ, fitted by the project's one-factor minres, reaches the .995 bound.
    const fit = minresOneFactor(Float64Array.from(g.schmid.phi), 3, squaredMultipleCorrelations(Float64Array.from(g.schmid.phi), 3).values);
    expect(fit.heywood).toBe(true);
  });
  it('too few items: 5 items for 3 factors (df = -2); psych still reports figures', () => {
    const g = loadCase('bfi-a-5-too-few');
    expect(factorModelDf(5, 3)).toBe(-2);
    const out = schmidLeiman(g.r, g.k, g.unrotated, g.nfactors, goldenExtraction(g));
    expect(out.solution).toBeNull();
    expect(out.warnings[0]).toMatch(/too few items for 3 factors: 5 items leave -2 degrees of freedom \(at least 6 items are needed\)/);
    expect(Number.isFinite(g.omega.omegaH)).toBe(true);
  });
  it('a Heywood item in the m-factor solution', () => {
    const g = loadCase('sim-hier-12');
    const loadings = Float64Array.from(g.unrotated);
    loadings[0] = 0.99;
    loadings[1] = 0.2;
    loadings[2] = 0.1;
    const out = schmidLeiman(g.r, g.k, loadings, 3, goldenExtraction(g));
    expect(out.solution).toBeNull();
    expect(out.warnings[0]).toMatch(/Heywood case in the 3-factor solution: item 1/);
  });
  it('one factor, non-finite loadings', () => {
    const g = loadCase('sim-hier-12');
    expect(schmidLeiman(g.r, g.k, g.unrotated.slice(0, 12), 1, goldenExtraction(g)).warnings[0]).toMatch(/at least 2 factors/);
    const bad = Float64Array.from(g.unrotated);
    bad[4] = Number.NaN;
    expect(schmidLeiman(g.r, g.k, bad, 3, goldenExtraction(g)).solution).toBeNull();
  });
  it('minimum items: 3 for 1 factor, 5 for 2, 6 for 3, 8 for 4', () => {
    expect([1, 2, 3, 4].map(minimumItems)).toEqual([3, 5, 6, 8]);
  });
});

describe('schmidLeiman with promax', () => {
  it("g loadings of the group factors as psych::omega(rotate = 'promax')", () => {
    const g = loadCase('bfi-ace-15') as ReturnType<typeof loadCase> & { omegaPromax: { gloading: number[] } };
    const out = schmidLeiman(g.r, g.k, g.unrotated, 3, goldenExtraction(g), { rotate: 'promax' });
    if (out.solution === null) throw new Error('no solution');
    expectClose(out.solution.generalOnGroup, g.omegaPromax.gloading, TOL, 'gloading');
    expect(out.solution.rotation).toBe('promax');
  });
});
