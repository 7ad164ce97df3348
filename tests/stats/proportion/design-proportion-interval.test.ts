import { describe, expect, it } from 'vitest';
import type { CiMethod } from '../../../src/report/report.js';
import { clusterProportionVariance, designDegreesOfFreedom } from '../../../src/stats/proportion/cluster-proportion-variance.js';
import { tCritical } from '../../../src/stats/critical-value.js';
import {
  designProportionInterval,
  effectiveSampleSize,
  kornGraubardSampleSize,
} from '../../../src/stats/proportion/design-proportion-interval.js';
import { clopperPearsonInterval } from '../../../src/stats/proportion/clopper-pearson-interval.js';
import { wilsonInterval } from '../../../src/stats/proportion/wilson-interval.js';

describe('clusterProportionVariance (linearisation, one-stage with replacement)', () => {
  it('hand calculation: clusters (x, m) = (1, 2), (2, 2), (0, 2), C = 3', () => {
    // p = 3/6 = 0.5; z_c = (x_c − p m_c)/m = 0, 1/6, −1/6; V = 3/2 · (0 + 1/36 + 1/36) = 1/12
    expect(clusterProportionVariance([1, 2, 0], [2, 2, 2], 3)).toBeCloseTo(1 / 12, 15);
  });

  it('clusters of the design without answers in the domain still count in C/(C − 1)', () => {
    // Same domain, design of 5 clusters: V = 5/4 · 2/36
    expect(clusterProportionVariance([1, 2, 0], [2, 2, 2], 5)).toBeCloseTo((5 / 4) * (2 / 36), 15);
  });

  it('one respondent per cluster gives the simple-random-sample variance p(1 − p)/(n − 1)', () => {
    const y = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0];
    const v = clusterProportionVariance(y, y.map(() => 1), y.length);
    expect(v).toBeCloseTo((0.3 * 0.7) / 9, 15);
  });

  it('a domain inside one cluster has variance exactly 0; fewer than 2 design clusters has none', () => {
    expect(clusterProportionVariance([4], [9], 10)).toBe(0);
    expect(clusterProportionVariance([4], [9], 1)).toBeNull();
    expect(clusterProportionVariance([], [], 4)).toBeNull();
    expect(designDegreesOfFreedom(1)).toBe(0);
    expect(designDegreesOfFreedom(0)).toBe(0);
    expect(designDegreesOfFreedom(7)).toBe(6);
  });
});

describe('designProportionInterval', () => {
  const d = { count: 30, n: 100, variance: 0.003, df: 9 };
  const t = tCritical(0.95, 9);

  it('effective sample size p(1 − p)/V = n/deff; n at the edges; Korn-Graubard adds (t_{n−1}/t_df)²', () => {
    expect(effectiveSampleSize(d)).toBeCloseTo(0.21 / 0.003, 12); // 70
    expect(effectiveSampleSize({ ...d, count: 0, variance: 0 })).toBe(100);
    const ratio = tCritical(0.95, 99) / t;
    expect(kornGraubardSampleSize(d, 0.95)).toBeCloseTo(70 * ratio * ratio, 10);
  });

  it('wald = p ± t_df · se; wilson = Wilson with n_eff and t_df; clopper-pearson = Korn-Graubard', () => {
    const wald = designProportionInterval(d, 'wald', 0.95)!;
    expect(wald.lower).toBeCloseTo(0.3 - t * Math.sqrt(0.003), 14);
    expect(wald.upper).toBeCloseTo(0.3 + t * Math.sqrt(0.003), 14);
    const wilson = designProportionInterval(d, 'wilson', 0.95)!;
    const w = wilsonInterval(0.3 * 70, 70, t);
    expect(wilson.lower).toBeCloseTo(w.lower, 12);
    expect(wilson.upper).toBeCloseTo(w.upper, 12);
    const nKg = kornGraubardSampleSize(d, 0.95);
    const kg = designProportionInterval(d, 'clopper-pearson', 0.95)!;
    const cp = clopperPearsonInterval(0.3 * nKg, nKg, 0.95);
    expect(kg.lower).toBeCloseTo(cp.lower, 12);
    expect(kg.upper).toBeCloseTo(cp.upper, 12);
  });

  it('df < 1 gives no interval; a zero variance inside (0, 1) gives the point [p, p]', () => {
    expect(designProportionInterval({ ...d, df: 0 }, 'wilson', 0.95)).toBeNull();
    expect(designProportionInterval({ ...d, variance: 0 }, 'wilson', 0.95)).toEqual({ lower: 0.3, upper: 0.3 });
  });

  it('every method is finite and inside [0, 1] at the edges (p = 0 and p = 1)', () => {
    const methods: CiMethod[] = ['wilson', 'wilson-cc', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'wald', 'logit'];
    for (const method of methods) {
      for (const count of [0, 40]) {
        const b = designProportionInterval({ count, n: 40, variance: 0, df: 5 }, method, 0.95)!;
        expect(Number.isFinite(b.lower) && Number.isFinite(b.upper), `${method} ${count}`).toBe(true);
        expect(b.lower >= 0 && b.upper <= 1 && b.lower <= b.upper, `${method} ${count}`).toBe(true);
      }
    }
    // logit falls back to Korn-Graubard at the edges
    expect(designProportionInterval({ count: 0, n: 40, variance: 0, df: 5 }, 'logit', 0.95)).toEqual(
      designProportionInterval({ count: 0, n: 40, variance: 0, df: 5 }, 'clopper-pearson', 0.95),
    );
  });
});
