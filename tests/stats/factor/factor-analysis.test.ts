/**
 * Exploratory factor analysis against R psych 2.2.9 (tests/golden/make-factor-golden.R writes
 * tests/golden/factor/*.json from the committed CSVs beside them): fa() with fm = minres, ml and
 * pa and every fit figure factor.stats computes, fa.parallel, vss()'s MAP and fa.sort; plus hand
 * checks of the helpers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../../src/stats/factor/brent-root.js';
import { corSmooth } from '../../../src/stats/cor-smooth.js';
import { factorFit, type FactorFit } from '../../../src/stats/factor/factor-fit.js';
import type { UnrotatedSolution } from '../../../src/stats/factor/factor-solution.js';
import { assignItems, compareWithScales } from '../../../src/stats/factor/item-assignment.js';
import { mlExtraction } from '../../../src/stats/factor/ml-extraction.js';
import { minresExtraction } from '../../../src/stats/factor/minres-extraction.js';
import { noncentralChiSquareCdf } from '../../../src/stats/factor/noncentral-chi-square.js';
import { NormalDeviates } from '../../../src/stats/factor/normal-deviates.js';
import { parallelAnalysis } from '../../../src/stats/factor/parallel-analysis.js';
import { principalAxisExtraction } from '../../../src/stats/factor/principal-axis-extraction.js';
import { cutLoading, sortLoadings } from '../../../src/stats/factor/sort-loadings.js';
import { velicerMap } from '../../../src/stats/factor/velicer-map.js';

interface GoldenSolution {
  fm: 'minres' | 'ml' | 'pa';
  nfactors: number;
  loadings: number[];
  communality: number[];
  uniquenesses: number[];
  values: number[];
  'e.values': number[];
  iterations: number | null;
  warnings: string[];
  [figure: string]: unknown;
}
interface GoldenSet {
  source: string;
  name: string;
  k: number;
  n: number;
  scales: string[];
  r: number[];
  np: number[];
  solutions: GoldenSolution[];
  parallel: Record<string, number[] | number>;
  map: { n: number; map: (number | null)[]; minimum: number };
  sort: { loadings: number[]; nfactors: number; order: number[] };
}
const read = (name: string) => JSON.parse(readFileSync(new URL(`../../golden/factor/${name}.json`, import.meta.url), 'utf8'));
const sets: GoldenSet[] = ['bfi-ace', 'hierarchical', 'knowledge', 'missing'].map(read);
const helpers = read('helpers');

const extract = { minres: minresExtraction, ml: mlExtraction, pa: principalAxisExtraction };

function close(actual: number | null | undefined, expected: number | null | undefined, tol: number, what: string) {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** Our loadings with their columns matched to psych's (largest |cross-product|) and signed alike. */
function aligned(sol: UnrotatedSolution, golden: number[]): Float64Array {
  const { k, m } = sol;
  const out = new Float64Array(k * m);
  const used = new Set<number>();
  for (let g = 0; g < m; g++) {
    let best = -1;
    let bestDot = 0;
    for (let f = 0; f < m; f++) {
      if (used.has(f)) continue;
      let dot = 0;
      for (let i = 0; i < k; i++) dot += sol.loadings[i * m + f] * golden[i * m + g];
      if (best < 0 || Math.abs(dot) > Math.abs(bestDot)) {
        best = f;
        bestDot = dot;
      }
    }
    used.add(best);
    for (let i = 0; i < k; i++) out[i * m + g] = Math.sign(bestDot) * sol.loadings[i * m + best];
  }
  return out;
}

/** Every figure psych prints, ours against psych's, each within tol · max(1, |psych|) (RMSEA bounds: rmseaTol). */
function compareFit(ff: FactorFit, s: GoldenSolution, tol: number, rmseaTol: number) {
  const g = (key: string) => s[key] as number | null;
  const rel = (a: number | null, key: string) => close(a, g(key), tol * Math.max(1, Math.abs(g(key) ?? 0)), key);
  expect(ff.df).toBe(s.dof);
  rel(ff.objective, 'objective');
  rel(ff.chiSquare, 'STATISTIC');
  rel(ff.nullObjective, 'null.model');
  expect(ff.nullDf).toBe(s['null.dof']);
  rel(ff.nullChiSquare, 'null.chisq');
  rel(ff.tli, 'TLI');
  // BIC-type figures are differences of the chi-square and df ln n: judged on the chi-square's scale.
  const onScale = (a: number | null, key: string, of: string) => close(a, g(key), tol * Math.max(1, Math.abs(g(of) ?? 0)), key);
  onScale(ff.bic, 'BIC', 'STATISTIC');
  onScale(ff.sabic, 'SABIC', 'STATISTIC');
  rel(ff.rms, 'rms');
  rel(ff.crms, 'crms');
  rel(ff.empiricalChiSquare, 'chi');
  onScale(ff.empiricalBic, 'EBIC', 'chi');
  onScale(ff.empiricalSabic, 'ESABIC', 'chi');
  rel(ff.harmonicN, 'nh');
  rel(ff.fit, 'fit');
  rel(ff.fitOff, 'fit.off');
  // p-values: relative to their own size (they span 1e-200 to 1).
  for (const [ours, key] of [[ff.pValue, 'PVAL'], [ff.empiricalPValue, 'EPVAL']] as const) {
    const p = g(key) as number;
    expect(Math.abs((ours as number) - p)).toBeLessThanOrEqual(Math.max(tol * 10 * p, 1e-300));
  }
  const rmsea = s.RMSEA as number[];
  close(ff.rmsea?.estimate, rmsea[0], rmseaTol, 'RMSEA');
  close(ff.rmsea?.lower, rmsea[1], rmseaTol, 'RMSEA lower');
  close(ff.rmsea?.upper, rmsea[2], rmseaTol, 'RMSEA upper');
  expect(ff.rmsea?.level).toBeCloseTo(0.9, 12);
}

for (const set of sets) {
  const r = Float64Array.from(set.r);
  const np = Float64Array.from(set.np);
  describe(`${set.name} (${set.k} items, n = ${set.n}; ${set.source})`, () => {
    for (const s of set.solutions) {
      const exact = s.fm === 'pa';
      it(`fa(fm = "${s.fm}", nfactors = ${s.nfactors}): loadings, h², u², values, e.values`, () => {
        const sol = extract[s.fm](r, set.k, s.nfactors);
        expect(sol.converged).toBe(true);
        expect(sol.warnings).toEqual([]);
        // Iterative fits agree to psych's L-BFGS-B tolerance; principal axis step for step.
        const tol = exact ? 1e-10 : 1e-4;
        const a = aligned(sol, s.loadings);
        a.forEach((v, i) => close(v, s.loadings[i], tol, `loading ${i}`));
        // Unrotated columns come out in psych's own order and sign.
        sol.loadings.forEach((v, i) => close(v, s.loadings[i], tol, `loading ${i} unaligned`));
        s.communality.forEach((v, i) => close(sol.communalities[i], v, tol, `h2 ${i}`));
        s.uniquenesses.forEach((v, i) => close(sol.uniquenesses[i], v, tol, `u2 ${i}`));
        s.values.forEach((v, i) => close(sol.values[i], v, tol, `values ${i}`));
        s['e.values'].forEach((v, i) => close(sol.eValues[i], v, 1e-10, `e.values ${i}`));
        if (exact) expect(sol.iterations).toBe(s.iterations);
        expect(sol.heywood).toBe(false);
        expect(sol.ultraHeywood).toBe(false);
      });
      it(`fa(fm = "${s.fm}", nfactors = ${s.nfactors}): every fit figure, from psych's loadings (exact) and ours`, () => {
        // The formulas alone: psych's own loadings in, psych's figures out (uniroot's 1.2e-4 in λ
        // moves the RMSEA bounds by ~1e-8).
        compareFit(factorFit(r, set.k, Float64Array.from(s.loadings), s.nfactors, { n: set.n, pairwiseN: np }), s, 1e-9, 1e-7);
        // End to end.
        const sol = extract[s.fm](r, set.k, s.nfactors);
        compareFit(factorFit(r, set.k, sol.loadings, s.nfactors, { n: set.n, pairwiseN: np }), s, exact ? 1e-9 : 1e-4, exact ? 1e-7 : 1e-4);
      });
    }

    it('fa.parallel: observed eigenvalues, and the suggested numbers where psych\'s answer is clear', () => {
      const pa = parallelAnalysis(r, set.k, set.n, { iterations: 20, seed: 1 });
      const p = set.parallel;
      (p['pc.values'] as number[]).forEach((v, i) => close(pa.pcValues[i], v, 1e-10, `pc.values ${i}`));
      // fa.values come from a one-factor minres fit (psych's optimiser tolerance).
      (p['fa.values'] as number[]).forEach((v, i) => close(pa.faValues[i], v, 1e-5, `fa.values ${i}`));
      // Simulated thresholds: different generators, the same distribution.
      (p['pc.sim.q95'] as number[]).forEach((v, i) => close(pa.pcSimulatedQuantile[i], v, 0.1, `pc q95 ${i}`));
      // A suggestion is compared when psych's observed values clear its thresholds by 0.02 on
      // both sides of the answer (knowledge's third factor eigenvalue, 0.126 against 0.121, does not).
      const clear = (observed: number[], q: number[], answer: number) =>
        (answer === 0 || observed[answer - 1] - q[answer - 1] > 0.02) && q[answer] - observed[answer] > 0.02;
      const ncomp = p.ncomp as number;
      const nfact = p.nfact as number;
      const compClear = clear(p['pc.values'] as number[], p['pc.sim.q95'] as number[], ncomp);
      const factClear = clear(p['fa.values'] as number[], p['fa.sim.q95'] as number[], nfact);
      if (compClear) expect(pa.components).toBe(ncomp);
      if (factClear) expect(pa.factors).toBe(nfact);
      expect(compClear || factClear).toBe(true);
      if (set.name !== 'knowledge') expect(compClear && factClear).toBe(true);
      // Seeded: the same seed gives the same figures.
      expect(parallelAnalysis(r, set.k, set.n, { iterations: 3, seed: 9 }).faSimulatedMean).toEqual(
        parallelAnalysis(r, set.k, set.n, { iterations: 3, seed: 9 }).faSimulatedMean,
      );
    });

    it("vss()'s Velicer MAP values (m = 1..8) and its minimum", () => {
      const map = velicerMap(r, set.k, set.map.n);
      set.map.map.forEach((v, i) => close(map.values[i + 1], v, 1e-10, `map ${i + 1}`));
      expect(map.minimum).toBe(set.map.minimum);
      // m = 0: the average squared correlation.
      let s = 0;
      for (let i = 0; i < set.k; i++) for (let j = 0; j < set.k; j++) if (i !== j) s += set.r[i * set.k + j] ** 2;
      close(map.values[0], s / (set.k * (set.k - 1)), 1e-14, 'map 0');
      const full = velicerMap(r, set.k);
      expect(full.values).toHaveLength(set.k);
      close(full.values[set.k - 1], 1, 1e-8, 'one component left: partials are ±1');
    });

    it('fa.sort order of the oblimin loadings', () => {
      const { order } = sortLoadings(Float64Array.from(set.sort.loadings), set.k, set.sort.nfactors);
      expect(order.map((i) => i + 1)).toEqual(set.sort.order);
    });
  });
}

describe('Heywood case (helpers.json: two near-duplicate items, fa(fm = "ml", nfactors = 2))', () => {
  const h = helpers.heywood;
  it('flags the communality at the .995 bound and agrees with psych', () => {
    const sol = mlExtraction(Float64Array.from(h.r), h.k, h.nfactors);
    expect(sol.heywood).toBe(true);
    expect(sol.ultraHeywood).toBe(false);
    expect(sol.warnings.map((w) => w.code)).toEqual(['heywood']);
    expect(h.warnings).toEqual([]); // psych warns only above 1
    (h.communality as number[]).forEach((v, i) => close(sol.communalities[i], v, 1e-4, `h2 ${i}`));
    const a = aligned(sol, h.loadings);
    a.forEach((v, i) => close(v, h.loadings[i], 1e-4, `loading ${i}`));
    const ff = factorFit(Float64Array.from(h.r), h.k, sol.loadings, h.nfactors, { n: h.n });
    close(ff.chiSquare, h.STATISTIC, 1e-4 * h.STATISTIC, 'STATISTIC');
    close(ff.rms, h.rms, 1e-5, 'rms');
  });
});

describe('helpers', () => {
  it('noncentral chi-square CDF = R pchisq(q, df, ncp)', () => {
    for (const c of helpers.noncentral as { q: number; df: number; ncp: number; p: number }[]) {
      close(noncentralChiSquareCdf(c.q, c.df, c.ncp), c.p, 1e-11 + 1e-9 * c.p, `q ${c.q} df ${c.df} ncp ${c.ncp}`);
    }
  });
  it('cor.smooth of an indefinite matrix = psych cor.smooth; a positive definite one is untouched', () => {
    const c = helpers.corSmooth;
    const out = corSmooth(Float64Array.from(c.r), c.k);
    expect(out.smoothed).toBe(true);
    (c.smoothed as number[]).forEach((v, i) => close(out.matrix[i], v, 1e-12, `cell ${i}`));
    const pd = Float64Array.of(1, 0.5, 0.5, 1);
    const kept = corSmooth(pd, 2);
    expect(kept.smoothed).toBe(false);
    expect(kept.matrix).toEqual(pd);
  });
  it("Brent's root finder: x² = 2 on [0, 2], and null without a sign change", () => {
    close(brentRoot((x) => x * x - 2, 0, 2, 1e-14), Math.SQRT2, 1e-13, 'root');
    expect(brentRoot((x) => x * x + 1, 0, 2)).toBeNull();
  });
  it('normal deviates: seeded, mean 0 and variance 1 over 200 000 draws', () => {
    const a = new NormalDeviates(7);
    const b = new NormalDeviates(7);
    let s = 0;
    let s2 = 0;
    const n = 200000;
    let same = true;
    for (let i = 0; i < n; i++) {
      const x = a.next();
      if (x !== b.next()) same = false;
      s += x;
      s2 += x * x;
    }
    expect(same).toBe(true);
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.01);
  });
  it('fit figures: no n gives null likelihood figures; df ≤ 0 gives null df-based ones', () => {
    const set = sets[0];
    const sol = minresExtraction(Float64Array.from(set.r), set.k, 3);
    const noN = factorFit(Float64Array.from(set.r), set.k, sol.loadings, 3);
    expect([noN.chiSquare, noN.pValue, noN.tli, noN.rmsea, noN.bic, noN.empiricalChiSquare, noN.harmonicN]).toEqual([null, null, null, null, null, null, null]);
    expect(noN.rms).toBeGreaterThan(0);
    // Three items, one factor: df = 0 (a just-identified model).
    const r3 = Float64Array.of(1, 0.5, 0.4, 0.5, 1, 0.3, 0.4, 0.3, 1);
    const one = minresExtraction(r3, 3, 1);
    const ff = factorFit(r3, 3, one.loadings, 1, { n: 200 });
    expect(ff.df).toBe(0);
    expect([ff.pValue, ff.crms, ff.rmsea, ff.bic, ff.empiricalPValue, ff.tli]).toEqual([null, null, null, null, null, null]);
    expect(ff.rms).toBeLessThan(1e-8); // three items, one factor: exact fit
  });
  it('principal axis stops at max.iter with a warning', () => {
    const set = sets[0];
    const sol = principalAxisExtraction(Float64Array.from(set.r), set.k, 3, { maxIter: 3, minErr: 1e-12 });
    expect(sol.iterations).toBe(3); // psych: max.iter iterations
    expect(sol.converged).toBe(false);
    expect(sol.warnings.map((w) => w.code)).toEqual(['iteration-limit']);
  });
  it('rejects a bad number of factors or a non-finite R', () => {
    const r = Float64Array.of(1, 0.5, 0.5, 1);
    expect(() => minresExtraction(r, 2, 2)).toThrow(RangeError);
    expect(() => mlExtraction(Float64Array.of(1, Number.NaN, Number.NaN, 1), 2, 1)).toThrow(RangeError);
  });
});

describe('item assignment and loadings table', () => {
  // 5 items, 2 factors: item 2 (scale A) loads most on factor 2, item 4 is in no scale.
  const l = Float64Array.of(0.7, 0.1, 0.6, -0.2, 0.2, 0.5, 0.1, 0.8, -0.3, 0.3);
  it('assigns each item to its largest absolute loading (first on ties)', () => {
    const a = assignItems(l, 5, 2);
    expect(Array.from(a.factor)).toEqual([0, 0, 1, 1, 0]);
    expect(Array.from(a.loading)).toEqual([0.7, 0.6, 0.5, 0.8, -0.3]);
  });
  it('finds items that load most on a factor other than their scale\'s', () => {
    const cmp = compareWithScales(assignItems(l, 5, 2), ['A', 'A', 'A', null, 'B'], 2);
    expect(cmp.scales).toEqual([
      { scale: 'A', factor: 0, items: 3, onFactor: 2 },
      { scale: 'B', factor: 0, items: 1, onFactor: 1 },
    ]);
    expect(cmp.misplaced).toEqual([{ item: 2, scale: 'A', scaleFactor: 0, factor: 1, loading: 0.5 }]);
  });
  it('bfi: the oblimin loadings put every item with its own scale', () => {
    const set = sets[0];
    const a = assignItems(Float64Array.from(set.sort.loadings), set.k, 3);
    expect(compareWithScales(a, set.scales, 3).misplaced).toEqual([]);
  });
  it('sorts by factor, then by |loading|; cuts below .3', () => {
    expect(sortLoadings(l, 5, 2).order).toEqual([0, 1, 4, 3, 2]);
    expect([cutLoading(0.29), cutLoading(-0.3), cutLoading(0.1, 0)]).toEqual([null, -0.3, 0.1]);
  });
});
