import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../../src/stats/association/chi-square-independence.js';
import { chiSquareUpperTail } from '../../../src/stats/association/chi-square-upper-tail.js';
import { fisherExact2x2 } from '../../../src/stats/association/fisher-exact-2x2.js';
import { countTables, fisherExact2xc } from '../../../src/stats/association/fisher-exact-2xc.js';
import { groupComparisonTest } from '../../../src/stats/association/group-comparison-test.js';
import { readGolden, type AssociationCase } from '../proportion/golden.js';

const tables = readGolden<{ tables: AssociationCase[] }>('association.json').tables;

/** |a − b| <= tol · max(|b|, 1e-300): relative agreement, so tiny p-values are held to it too. */
function expectRelative(a: number | null, b: number | null, tol: number, where: string): void {
  expect(a === null, where).toBe(b === null);
  if (a === null || b === null) return;
  expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(Math.abs(b), 1e-300));
}

describe('against R chisq.test (default correct = TRUE) and fisher.test', () => {
  it(`chi-square statistic, df and p-value on ${tables.length} 2 x G tables`, () => {
    for (const c of tables) {
      const where = JSON.stringify(c.table);
      const got = chiSquareIndependence(c.table);
      expect(got.df, where).toBe(c.df);
      expect(got.yates, where).toBe(c.table[0].length === 2);
      expectRelative(got.statistic, c.statistic, 1e-9, where);
      expectRelative(got.pValue, c.chisq_p, 1e-7, where);
      expect(got.minExpected, where).toBeCloseTo(c.min_expected, 10);
    }
  });

  it('Fisher exact p-values: 2 x 2 as R, 2 x G as R\'s FEXACT (Freeman-Halton)', () => {
    for (const c of tables) {
      const where = JSON.stringify(c.table);
      const got = c.table[0].length === 2 ? fisherExact2x2(c.table) : fisherExact2xc(c.table);
      expectRelative(got, c.fisher_p, 1e-7, where);
    }
  });

  it('the 2 x G enumeration also reproduces R on 2 x 2 tables', () => {
    for (const c of tables.filter((t) => t.table[0].length === 2)) expectRelative(fisherExact2xc(c.table), c.fisher_p, 1e-7, JSON.stringify(c.table));
  });
});

describe('hand calculations', () => {
  it('Fisher 2 x 2 [[3, 1], [1, 3]]: P(x) = C(4, x) C(4, 4 − x) / C(8, 4) = (1, 16, 36, 16, 1)/70; p = (1 + 16 + 16 + 1)/70', () => {
    expect(fisherExact2x2([[3, 1], [1, 3]])).toBeCloseTo(34 / 70, 14);
  });

  it('chi-square on [[10, 20, 30], [20, 20, 10]]: E = r·c/N, X² = Σ (O − E)²/E', () => {
    // rows 60, 50; columns 30, 40, 40; N = 110
    const observed = [[10, 20, 30], [20, 20, 10]];
    const rows = [60, 50];
    const cols = [30, 40, 40];
    let x2 = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) x2 += (observed[i][j] - (rows[i] * cols[j]) / 110) ** 2 / ((rows[i] * cols[j]) / 110);
    const got = chiSquareIndependence(observed);
    expect(got.statistic).toBeCloseTo(x2, 12);
    expect(got.df).toBe(2);
    expect(got.pValue).toBeCloseTo(Math.exp(-x2 / 2), 12); // χ² on 2 df: P(X > x) = e^(−x/2)
    expect(got.minExpected).toBeCloseTo((50 * 30) / 110, 12);
  });

  it('Yates 2 x 2: (|O − E| − 0.5)² summed; capped at min |O − E| as R', () => {
    // [[12, 5], [12, 5]]: O = E, so R's min(0.5, |O − E|) = 0 and X² = 0.
    expect(chiSquareIndependence([[12, 5], [12, 5]]).statistic).toBe(0);
    // [[10, 20], [30, 15]]: E = [[16, 14], [24, 21]], |O − E| = 6, X² = 5.5² (1/16 + 1/14 + 1/24 + 1/21)
    const expected = 5.5 ** 2 * (1 / 16 + 1 / 14 + 1 / 24 + 1 / 21);
    expect(chiSquareIndependence([[10, 20], [30, 15]]).statistic).toBeCloseTo(expected, 12);
  });

  it('chi-square upper tail: 1 df at 3.841458820694124 is 0.05; tiny tails keep relative precision', () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    // 2 df: exactly e^(−x/2)
    expect(Math.abs(chiSquareUpperTail(1400, 2) / Math.exp(-700) - 1)).toBeLessThan(1e-12);
  });

  it('counts 2 x c tables: margins (2, 3, 4) with 4 positives have 11 tables', () => {
    // x1 + x2 + x3 = 4, x1 <= 2, x2 <= 3, x3 <= 4: enumerate by hand
    let n = 0;
    for (let a = 0; a <= 2; a++) for (let b = 0; b <= 3; b++) if (4 - a - b >= 0 && 4 - a - b <= 4) n++;
    expect(n).toBe(11);
    expect(countTables([2, 3, 4], 4, 1e9)).toBe(11);
    expect(countTables([100, 100, 100, 100], 200, 1000)).toBe(1001); // capped at cap + 1
  });

  it('an empty row makes chi-square undefined (null) and the exact p-value 1', () => {
    const t = [[0, 0, 0], [4, 5, 6]];
    expect(chiSquareIndependence(t).statistic).toBeNull();
    expect(fisherExact2xc(t)).toBe(1);
  });
});

describe('groupComparisonTest', () => {
  it('uses Fisher for 2 groups, chi-square for G > 2 with expected counts >= 5, exact Freeman-Halton below', () => {
    expect(groupComparisonTest([10, 30], [30, 45]).test).toBe('fisher-exact');
    const big = groupComparisonTest([150, 120, 90, 60], [200, 200, 200, 200]);
    expect(big.test).toBe('chi-square');
    expect(big.pValue).toBe(big.chiSquarePValue);
    const small = groupComparisonTest([0, 2, 5], [5, 5, 5]);
    expect(small.test).toBe('fisher-exact');
    expect(small.pValue).not.toBe(small.chiSquarePValue);
    expect(small.groups).toBe(3);
    expect(small.n).toBe(15);
  });

  it('falls back to chi-square, flagged, when the exact test has too many tables', () => {
    const r = groupComparisonTest([1, 2, 3, 4], [10, 10, 10, 10], 50);
    expect(r.test).toBe('chi-square');
    expect(r.exactInfeasible).toBe(true);
    expect(r.pValue).toBe(r.chiSquarePValue);
  });

  it('a large sparse 2 x 6 table is enumerated within the default limit', () => {
    const start = Date.now();
    const r = groupComparisonTest([40, 35, 30, 2, 1, 45], [100, 90, 80, 4, 3, 110]);
    expect(r.test).toBe('fisher-exact');
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
