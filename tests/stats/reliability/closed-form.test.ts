import { describe, expect, it } from 'vitest';
import { alphaStandardError } from '../../../src/stats/reliability/alpha-standard-error.js';
import { guttmanLambdas } from '../../../src/stats/reliability/guttman-lambdas.js';
import { interItemRVariance, lowerTriangle, medianInterItemR } from '../../../src/stats/reliability/inter-item-correlations.js';
import { itemDropped } from '../../../src/stats/reliability/item-dropped.js';
import { itemSummary, summaryRow } from '../../../src/stats/reliability/item-summary.js';
import { signalToNoise } from '../../../src/stats/reliability/signal-to-noise.js';

// Three items: r12 = .2, r13 = .4, r23 = .6.
const R3 = Float64Array.of(1, 0.2, 0.4, 0.2, 1, 0.6, 0.4, 0.6, 1);

describe("Guttman's lambdas by hand", () => {
  it('two items correlating .5: λ1 = 1/3, λ2 = λ3 = 2/3, λ5 = 1/3 + 2·.5/3, λ6 from the SMCs', () => {
    const l = guttmanLambdas(Float64Array.of(1, 0.5, 0.5, 1), Float64Array.of(0.25, 0.25), 2);
    expect(l.lambda1).toBeCloseTo(1 / 3, 14);
    expect(l.lambda2).toBeCloseTo(2 / 3, 14);
    expect(l.lambda3).toBeCloseTo(2 / 3, 14);
    expect(l.lambda5).toBeCloseTo(1 / 3 + 1 / 3, 14);
    expect(l.lambda5p).toBeCloseTo(1 / 3 + (2 * 2 * 0.5) / 3, 14);
    expect(l.lambda6).toBeCloseTo(1 - 1.5 / 3, 14);
  });

  it('three items: V = 5.4, Σ r² off the diagonal = 2(.04 + .16 + .36) = 1.12, largest column .52', () => {
    const l = guttmanLambdas(R3, Float64Array.of(0, 0, 0), 3);
    expect(l.lambda1).toBeCloseTo(1 - 3 / 5.4, 14);
    expect(l.lambda2).toBeCloseTo((2.4 + Math.sqrt(1.12 * 1.5)) / 5.4, 14);
    expect(l.lambda3).toBeCloseTo(1.5 * (1 - 3 / 5.4), 14);
    expect(l.lambda5).toBeCloseTo(1 - 3 / 5.4 + (2 * Math.sqrt(0.52)) / 5.4, 14);
  });

  it('undefined cells and a constant sum give NaN', () => {
    expect(guttmanLambdas(Float64Array.of(1, Number.NaN, Number.NaN, 1), Float64Array.of(0, 0), 2).lambda2).toBeNaN();
    expect(guttmanLambdas(Float64Array.of(1, -1, -1, 1), Float64Array.of(1, 1), 2).lambda1).toBeNaN();
  });
});

describe('S/N, alpha se, median r, var.r', () => {
  it('S/N = k r / (1 - r); undefined at r = 1', () => {
    expect(signalToNoise(0.3, 10)).toBeCloseTo(3 / 0.7, 14);
    expect(signalToNoise(1, 4)).toBeNaN();
    expect(signalToNoise(Number.NaN, 4)).toBeNaN();
  });

  it('alpha se = √(Q / n), only when n > k (as psych)', () => {
    expect(alphaStandardError(0.0225, 100, 5)).toBeCloseTo(0.015, 15);
    expect(alphaStandardError(0.0225, 5, 5)).toBeNaN();
    expect(alphaStandardError(-1, 100, 5)).toBeNaN();
  });

  it('median and variance of the correlations below the diagonal, in R lower.tri order', () => {
    expect(Array.from(lowerTriangle(R3, 3))).toEqual([0.2, 0.4, 0.6]);
    expect(medianInterItemR(R3, 3)).toBe(0.4);
    expect(interItemRVariance(R3, 3)).toBeCloseTo(0.04, 15);
    const r4 = Float64Array.of(1, 0.1, 0.2, 0.3, 0.1, 1, 0.4, 0.5, 0.2, 0.4, 1, 0.9, 0.3, 0.5, 0.9, 1);
    expect(medianInterItemR(r4, 4)).toBeCloseTo(0.35, 15); // (.3 + .4) / 2
    expect(interItemRVariance(Float64Array.of(1, 0.5, 0.5, 1), 2)).toBeNaN(); // one pair
  });
});

describe('figures if an item is dropped', () => {
  it('three items: dropping item 1 leaves r23 = .6 alone', () => {
    const c = Float64Array.from(R3);
    const d = itemDropped(c, R3, 3, 50);
    expect(d[0].averageR).toBeCloseTo(0.6, 14);
    expect(d[0].standardizedAlpha).toBeCloseTo((2 * 0.6) / 1.6, 14);
    expect(d[0].signalToNoise).toBeCloseTo((2 * 0.6) / 0.4, 14);
    expect(d[0].medianR).toBeCloseTo(0.6, 14);
    expect(d[0].varR).toBeNaN();
    expect(d[0].lambda6).toBeCloseTo(1 - (2 * (1 - 0.36)) / 3.2, 14);
    expect(d[0].alpha).toBeCloseTo((2 * 0.6) / 1.6, 14);
    expect(Number.isFinite(d[0].alphaSe)).toBe(true);
  });

  it('two items: nothing is left to measure (NaN, reported null)', () => {
    const d = itemDropped(Float64Array.of(1, 0.5, 0.5, 1), Float64Array.of(1, 0.5, 0.5, 1), 2, 50);
    expect(Object.values(d[0]).every(Number.isNaN)).toBe(true);
  });
});

describe('SPSS summary item statistics', () => {
  it('mean, min, max, range, max/min and variance (n - 1)', () => {
    expect(summaryRow(Float64Array.of(2, 3, 4))).toEqual({ mean: 3, min: 2, max: 4, range: 2, maxOverMin: 2, variance: 1 });
    expect(summaryRow(Float64Array.of(0, 1)).maxOverMin).toBeNaN();
    expect(summaryRow(Float64Array.of(5)).variance).toBeNaN();
  });

  it('of the item means, variances, covariances and correlations', () => {
    const c = Float64Array.of(4, 1, 2, 1, 1, 0.5, 2, 0.5, 9);
    const r = Float64Array.of(1, 0.5, 1 / 3, 0.5, 1, 1 / 6, 1 / 3, 1 / 6, 1);
    const s = itemSummary(Float64Array.of(1, 2, 3), c, r, 3);
    expect(s.itemMeans.mean).toBe(2);
    expect(s.itemVariances).toMatchObject({ min: 1, max: 9, range: 8, maxOverMin: 9 });
    expect(s.interItemCovariances).toMatchObject({ min: 0.5, max: 2 });
    expect(s.interItemCorrelations.mean).toBeCloseTo(1 / 3, 15);
  });
});
