import { describe, expect, it } from 'vitest';
import { brentMinimize } from '../../../src/stats/polychoric/brent-minimize.js';
import { bivariateNormalCdf } from '../../../src/stats/polychoric/bivariate-normal-cdf.js';
import { corSmooth } from '../../../src/stats/cor-smooth.js';
import { normalCdf } from '../../../src/stats/polychoric/normal-cdf.js';
import { ordinalAlpha } from '../../../src/stats/polychoric/ordinal-alpha.js';
import { PairTables } from '../../../src/stats/polychoric/pair-tables.js';
import { ordinalCorrelations, polychoricMatrix, tetrachoricMatrix } from '../../../src/stats/polychoric/polychoric-matrix.js';
import { polychoricCellProbabilities, polychoricRho } from '../../../src/stats/polychoric/polychoric-rho.js';
import { tetrachoricRho } from '../../../src/stats/polychoric/tetrachoric.js';
import { polychoricThresholds, tetrachoricThreshold } from '../../../src/stats/polychoric/thresholds.js';
import { symmetricEigen } from '../../../src/stats/symmetric-eigen.js';
import { readGoldenJson } from './golden.js';

describe("brentMinimize is R's optimize()", () => {
  const fs: Record<string, (x: number) => number> = {
    square: (x) => (x - 0.3) ** 2,
    wave: (x) => Math.cos(3 * x) + x / 2,
    kink: (x) => Math.abs(x - 0.77),
    edge: (x) => Math.exp(2 * x),
  };
  it.each(readGoldenJson<{ name: string; minimum: number; objective: number }[]>('optimize'))(
    'stops where R stops: $name',
    ({ name, minimum, objective }) => {
      const o = brentMinimize(fs[name], -1, 1);
      expect(Math.abs(o.minimum - minimum)).toBeLessThan(1e-14);
      expect(Math.abs(o.objective - objective)).toBeLessThan(1e-14);
    },
  );
  it('a non-finite value counts as the largest double, not as a minimum', () => {
    const o = brentMinimize((x) => (x < -0.5 ? Number.NaN : (x - 0.1) ** 2), -1, 1);
    expect(Math.abs(o.minimum - 0.1)).toBeLessThan(1e-4);
  });
});

describe('thresholds', () => {
  it('polychoric: qnorm of the cumulative proportions; empty categories give ±∞ or ties', () => {
    const t = polychoricThresholds([10, 30, 60]);
    expect(t.length).toBe(2);
    expect(t[0]).toBeCloseTo(-1.2815515655446004, 14);
    expect(t[1]).toBeCloseTo(-0.2533471031357997, 14);
    expect(Array.from(polychoricThresholds([0, 5, 0, 5, 0]))).toEqual([-Infinity, 0, 0, Infinity]);
    expect(Array.from(polychoricThresholds([0, 0]))).toEqual([Number.NaN]);
  });
  it('tetrachoric: −qnorm(proportion of 1s) = qnorm(proportion of 0s)', () => {
    expect(tetrachoricThreshold(30, 100)).toBeCloseTo(0.5244005127080407, 14);
    expect(tetrachoricThreshold(50, 100)).toBe(-0);
    expect(tetrachoricThreshold(0, 0)).toBeNaN();
  });
});

describe('polychoricRho', () => {
  it('cell probabilities add to 1 and match the rectangle probabilities', () => {
    const rc = [-0.8, 0.1, 1.2];
    const cc = [-0.3, 0.9];
    const p = polychoricCellProbabilities(0.45, rc, cc);
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
    // last cell P(X > 1.2, Y > 0.9) by the upper tail
    expect(Math.abs(p[3 * 3 + 2] - (1 - normalCdf(1.2) - normalCdf(0.9) + bivariateNormalCdf(1.2, 0.9, 0.45)))).toBeLessThan(1e-15);
  });

  it('recovers ρ from a table of expected counts, and R’s tolerance leaves it within 1e-4 of the exact maximum', () => {
    const rc = [-1, 0, 0.8];
    const cc = [-0.5, 0.6];
    const p = polychoricCellProbabilities(0.6, rc, cc);
    const table = Float64Array.from(p, (x) => 1000 * x);
    const psychLike = polychoricRho(table, 4, 3, rc, cc, { thresholds: 'global' });
    const exact = polychoricRho(table, 4, 3, rc, cc, { thresholds: 'global', tol: 1e-12 });
    expect(Math.abs(exact.rho - 0.6)).toBeLessThan(1e-7);
    expect(Math.abs(psychLike.rho - 0.6)).toBeLessThan(1e-4);
    expect(psychLike.corrected).toBe(false);
    // Pairwise thresholds of a table of expected counts are the same cuts.
    expect(Math.abs(polychoricRho(table, 4, 3, null, null, { thresholds: 'pairwise', tol: 1e-12 }).rho - 0.6)).toBeLessThan(1e-7);
  });

  it('pairwise: empty rows and columns are dropped, empty cells corrected; one row left → NaN; no data → NaN', () => {
    // 3 × 3 with an empty middle row and an empty corner cell.
    const t = [20, 5, 0, 0, 0, 0, 4, 6, 15];
    const a = polychoricRho(t, 3, 3, null, null, { thresholds: 'pairwise' });
    // the same after dropping row 2: a 2 × 3 table, corner .5
    const b = polychoricRho([20, 5, 0.5, 4, 6, 15], 2, 3, null, null, { thresholds: 'pairwise', correct: 0 });
    expect(a.corrected).toBe(true);
    expect(a.rho).toBeGreaterThan(0.5);
    expect(Math.abs(a.rho - b.rho)).toBeLessThan(2e-3); // b renormalises by 50.5, psych does not
    expect(polychoricRho([3, 4, 0, 0], 2, 2, null, null, { thresholds: 'pairwise' }).rho).toBeNaN();
    expect(polychoricRho([0, 0, 0, 0], 2, 2, [0], [0], { thresholds: 'global' }).rho).toBeNaN();
  });
});

describe('tetrachoricRho', () => {
  it('balanced margins: ρ = sin(2π(p00 − 1/4)), the exact inverse of Φ2(0, 0; ρ)', () => {
    const r = tetrachoricRho([40, 10, 10, 40], 0, 0, { tol: 1e-12 });
    expect(Math.abs(r.rho - Math.sin(2 * Math.PI * 0.15))).toBeLessThan(1e-8);
    expect(r.corrected).toBe(false);
  });
  it('a zero cell becomes .5 (a count), also with the items’ own thresholds', () => {
    const withZero = tetrachoricRho([30, 0, 10, 60], -0.3, 0.2);
    const byHand = tetrachoricRho([30, 0.5, 10, 60], -0.3, 0.2);
    expect(withZero.corrected).toBe(true);
    expect(withZero.rho).toBe(byHand.rho);
    expect(tetrachoricRho([1, 0, 0, 1], 0, 0).rho).toBeNaN(); // not more than 2 answers
  });
});

describe('corSmooth', () => {
  it('leaves a positive definite matrix alone', () => {
    const r = Float64Array.of(1, 0.5, 0.5, 1);
    const s = corSmooth(r, 2);
    expect(s.smoothed).toBe(false);
    expect(Array.from(s.matrix)).toEqual([1, 0.5, 0.5, 1]);
  });
  it('makes an impossible matrix a positive definite correlation matrix', () => {
    const r = Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1);
    const s = corSmooth(r, 3);
    expect(s.smoothed).toBe(true);
    expect(s.minEigenvalue).toBeLessThan(0);
    for (let i = 0; i < 3; i++) expect(s.matrix[i * 4]).toBe(1);
    expect(symmetricEigen(s.matrix, 3).values[2]).toBeGreaterThan(0);
    // one negative eigenvalue → set to 1e-10: the smoothed matrix is (numerically) singular
    expect(symmetricEigen(s.matrix, 3).values[2]).toBeLessThan(1e-9);
  });
});

describe('ordinalAlpha', () => {
  it('is standardized alpha of the matrix: 2 items with ρ = .6 → 0.75', () => {
    expect(ordinalAlpha(Float64Array.of(1, 0.6, 0.6, 1), 2)).toBeCloseTo(0.75, 15);
    expect(ordinalAlpha(Float64Array.of(1, Number.NaN, Number.NaN, 1), 2)).toBeNaN();
  });
});

describe('PairTables', () => {
  const codes = [[1, 2, 3], [1, 2, 3], [0, 1]];
  const rows = [[1, 1, 0], [2, 3, 1], [3, 3, 1], [Number.NaN, 2, 0], [3, Number.NaN, 1], [1, 2, Number.NaN]];

  it('counts each pair over the rows answering both, rows of the higher item', () => {
    const t = new PairTables(codes);
    for (const r of rows) t.add(r);
    expect(t.rows).toBe(6);
    expect(Array.from(t.marginal(0))).toEqual([2, 1, 2]);
    const t10 = t.table(1, 0); // rows item 1, columns item 0; rows 1, 2, 3 and 6 answer both
    expect(t10.rows).toBe(3);
    expect(Array.from(t10.counts)).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1]);
    const t01 = t.table(0, 1);
    expect(Array.from(t01.counts)).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(Array.from(t.table(2, 0).counts)).toEqual([1, 0, 0, 0, 1, 2]);
    expect(t.size).toBe(9 + 6 + 6 + 8);
  });

  it('merging two halves gives the tables of one pass', () => {
    const whole = new PairTables(codes);
    const a = new PairTables(codes);
    const b = new PairTables(codes);
    rows.forEach((r, n) => {
      whole.add(r);
      (n % 2 === 0 ? a : b).add(r);
    });
    a.merge(b);
    expect(a.rows).toBe(6);
    for (const [i, j] of [[1, 0], [2, 0], [2, 1]]) expect(a.table(i, j)).toEqual(whole.table(i, j));
    expect(() => a.merge(new PairTables([[1, 2], [1, 2], [0, 1]]))).toThrow(RangeError);
  });

  it('answers outside the codes and items over the bound exclude the item, with a reason', () => {
    const t = new PairTables([[1, 2, 3], [1, 2, 3], Array.from({ length: 11 }, (_, c) => c)], { maxCategories: 10 });
    for (const r of [[1, 2, 5], [2, 2.5, 3], [3, 3, 0], [1, 1, 1]]) t.add(r);
    expect(t.unmapped(1)).toEqual({ count: 1, first: 2.5 });
    expect(t.overBound(2)).toBe(true);
    expect(t.size).toBe(9 + 3 + 3); // no tables for item 2
    const m = polychoricMatrix(t);
    expect(m.items).toEqual([0]);
    expect(m.excluded.map((e) => e.item)).toEqual([1, 2]);
    expect(m.excluded[0].reason).toContain('2.5');
    expect(m.excluded[1].reason).toContain('11 codes');
  });
});

describe('matrices: psych’s rules for items', () => {
  it('an item with a single answered value is deleted; the others are computed', () => {
    const t = new PairTables([[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    const data = [[1, 1, 2], [2, 2, 2], [3, 3, 2], [1, 2, 2], [3, 2, 2], [2, 3, 2], [2, 1, 2]];
    for (const r of data) t.add(r);
    const m = polychoricMatrix(t);
    expect(m.items).toEqual([0, 1]);
    expect(m.excluded).toEqual([{ item: 2, reason: 'had no variance and was deleted' }]);
    expect(m.rho[1]).toBeGreaterThan(0.5);
    expect(m.rho[2]).toBeNaN();
  });

  it('more than 8 values from lowest to highest answer: no polychorics', () => {
    const codes = Array.from({ length: 10 }, (_, c) => c + 1);
    const t = new PairTables([codes, codes]);
    for (let v = 1; v <= 10; v++) t.add([v, 11 - v]);
    const m = polychoricMatrix(t);
    expect(m.items).toEqual([]);
    expect(m.excluded[0].reason).toContain('10 values');
  });

  it('tetrachoric for 0/1 items, each item’s own lower answer as 0; a 3-valued item is excluded', () => {
    const t = new PairTables([[0, 1], [1, 2], [0, 1]]);
    const data = [[0, 1, 0], [1, 2, 1], [1, 2, 1], [0, 1, 1], [1, 1, 0], [0, 2, 0], [1, 2, 1], [0, 1, 0]];
    for (const r of data) t.add(r);
    const m = ordinalCorrelations(t);
    expect(m.kind).toBe('tetrachoric');
    expect(m.rho[1]).toBeGreaterThan(0.3);
    const t3 = new PairTables([[0, 1], [0, 1, 2]]);
    for (const r of [[0, 0], [1, 2], [1, 1], [0, 1]]) t3.add(r);
    expect(ordinalCorrelations(t3).kind).toBe('polychoric');
    expect(tetrachoricMatrix(t3).excluded[0]).toEqual({ item: 1, reason: 'has more than two answer values: tetrachoric correlations require dichotomous data' });
  });

  it('an undefined pair (no rows answering both) turns smoothing off', () => {
    const t = new PairTables([[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    for (const r of [[1, 1, Number.NaN], [2, 3, Number.NaN], [3, 3, Number.NaN], [Number.NaN, 1, 1], [Number.NaN, 2, 3], [Number.NaN, 3, 2]]) t.add(r);
    const m = polychoricMatrix(t);
    expect(m.undefinedPairs).toBe(1);
    expect(m.rho[2]).toBeNaN();
    expect(m.warnings).toContain('some correlations are missing, smoothing turned off');
  });
});
