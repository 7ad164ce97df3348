import { describe, expect, it } from 'vitest';
import { alphaIfDeleted } from '../../src/stats/alpha-if-deleted.js';
import { averageInterItemR } from '../../src/stats/average-inter-item-r.js';
import { CoMoments } from '../../src/stats/co-moments.js';
import { cov2cor } from '../../src/stats/cov2cor.js';
import { cronbachAlpha } from '../../src/stats/cronbach-alpha.js';
import { duhachekInterval, duhachekQ } from '../../src/stats/duhachek-interval.js';
import { guttmanLambda6 } from '../../src/stats/guttman-lambda6.js';
import { itemRestCorrelation } from '../../src/stats/item-rest-correlation.js';
import { itemTotalFromCovariance } from '../../src/stats/item-total-correlation.js';
import { spearmanBrown } from '../../src/stats/spearman-brown.js';
import { squaredMultipleCorrelations } from '../../src/stats/squared-multiple-correlation.js';
import { standardizedAlpha } from '../../src/stats/standardized-alpha.js';

/**
 * Four respondents, three items:
 *   a = 1 2 3 4   (mean 2.5, deviations -1.5 -.5 .5 1.5)
 *   b = 2 2 4 4   (mean 3,   deviations -1 -1 1 1)
 *   c = 1 3 2 4   (mean 2.5, deviations -1.5 .5 -.5 1.5)
 * Sample covariances (divide by n - 1 = 3):
 *   var a = (2.25 + .25 + .25 + 2.25) / 3 = 5/3, var b = 4/3, var c = 5/3
 *   cov ab = (1.5 + .5 + .5 + 1.5) / 3 = 4/3, cov ac = (2.25 - .25 - .25 + 2.25) / 3 = 4/3,
 *   cov bc = (1.5 - .5 - .5 + 1.5) / 3 = 2/3
 * psych::alpha(data.frame(a, b, c)) prints raw_alpha 0.8823529412, std.alpha 0.8821466389,
 * average_r 0.7138802622, r.drop .9922778767 .7071067812 .6507913735,
 * alpha.drop .6153846154 .8888888889 .9411764706.
 */
function tinyCovariance(): Float64Array {
  const m = new CoMoments(3);
  for (const row of [[1, 2, 1], [2, 2, 3], [3, 4, 2], [4, 4, 4]]) m.add(Float64Array.from(row));
  return m.covariance();
}

const close = (actual: number, expected: number, tol = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

describe('alpha family on a hand-worked 4 × 3 example', () => {
  const c = tinyCovariance();

  it('co-moments give the hand-computed covariance matrix', () => {
    const expected = [5 / 3, 4 / 3, 4 / 3, 4 / 3, 4 / 3, 2 / 3, 4 / 3, 2 / 3, 5 / 3];
    expected.forEach((v, i) => close(c[i], v));
  });

  it('raw alpha = 3/2 · (1 - tr/sum) = 3/2 · (1 - (14/3)/(34/3)) = 15/17', () => {
    close(cronbachAlpha(c, 3), 15 / 17);
    close(cronbachAlpha(c, 3), 0.8823529412, 1e-10);
  });

  it('standardized alpha and average r from R = cov2cor(C)', () => {
    // r_ab = (4/3) / sqrt(5/3 · 4/3) = 2/√5, r_ac = (4/3)/(5/3) = .8, r_bc = (2/3)/sqrt(4/3 · 5/3) = 1/√5
    const r = cov2cor(c, 3);
    close(r[1], 2 / Math.sqrt(5));
    close(r[2], 0.8);
    close(r[5], 1 / Math.sqrt(5));
    const sumR = 3 + 2 * (2 / Math.sqrt(5) + 0.8 + 1 / Math.sqrt(5));
    close(standardizedAlpha(r, 3), 1.5 * (1 - 3 / sumR));
    close(standardizedAlpha(r, 3), 0.8821466389, 1e-10);
    close(averageInterItemR(r, 3), (sumR - 3) / 6);
    close(averageInterItemR(r, 3), 0.7138802622, 1e-10);
  });

  it('item-rest r: item c with a + b is (4/3 + 2/3) / sqrt(5/3 · 17/3) = 6/√85', () => {
    // var(a + b) = 5/3 + 4/3 + 2 · 4/3 = 17/3
    const r = itemRestCorrelation(c, 3);
    close(r[2], 6 / Math.sqrt(85));
    [0.9922778767, 0.7071067812, 0.6507913735].forEach((v, i) => close(r[i], v, 1e-10));
  });

  it('item-total r from C: item a with a + b + c = [4, 7, 9, 12] is (13/3) / sqrt(5/3 · 34/3) = 13/√170', () => {
    // row sum of a: 5/3 + 4/3 + 4/3 = 13/3 = cov(a, total); 1'C1 = 34/3 = var(total)
    const r = itemTotalFromCovariance(c, 3);
    close(r[0], 13 / Math.sqrt(170));
    expect(itemTotalFromCovariance(Float64Array.of(0, 0, 0, 1), 2)[0]).toBeNaN();
  });

  it('alpha if deleted: without c, C = [[5/3, 4/3], [4/3, 4/3]]: 2 · (1 - 3/(17/3)) = 16/17', () => {
    const a = alphaIfDeleted(c, 3);
    close(a[2], 16 / 17);
    [0.6153846154, 0.8888888889, 0.9411764706].forEach((v, i) => close(a[i], v, 1e-10));
  });

  it('a = .75 b + .5 c in deviations, so R is singular: SMC uses the pseudo-inverse as psych::smc', () => {
    // psych::smc(cor(x)) gives 0, 0, 0.127547169811 (two smcs < 0 set to 0)
    const { values, singular } = squaredMultipleCorrelations(cov2cor(c, 3), 3);
    expect(singular).toBe(true);
    [0, 0, 0.127547169811].forEach((v, i) => close(values[i], v, 1e-10));
  });
});

describe('small formulas worked by hand', () => {
  it('alpha of two items with unit variances and covariance .5: 2 · (1 - 2/3) = 2/3', () => {
    close(cronbachAlpha(Float64Array.of(1, 0.5, 0.5, 1), 2), 2 / 3);
  });

  it('alpha is undefined for one item or a constant total', () => {
    expect(cronbachAlpha(Float64Array.of(1), 1)).toBeNaN();
    expect(cronbachAlpha(Float64Array.of(0, 0, 0, 0), 2)).toBeNaN();
    expect(alphaIfDeleted(Float64Array.of(1, 0.5, 0.5, 1), 2).every(Number.isNaN)).toBe(true);
  });

  it('equicorrelated items (r = .5, k = 3): smc = kr²/(1 + (k-2)r) = 1/3, lambda-6 = 1 - 3·(2/3)/6 = 2/3', () => {
    const r = Float64Array.of(1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1);
    const smc = squaredMultipleCorrelations(r, 3);
    expect(smc.singular).toBe(false);
    smc.values.forEach((v) => close(v, 1 / 3));
    close(guttmanLambda6(r, smc.values, 3), 2 / 3);
  });

  it('two items: smc = r², lambda-6 = 1 - 2(1 - r²)/(2 + 2r) = r', () => {
    const r = Float64Array.of(1, 0.6, 0.6, 1);
    const smc = squaredMultipleCorrelations(r, 2).values;
    close(smc[0], 0.36);
    close(guttmanLambda6(r, smc, 2), 0.6);
  });

  it('Spearman-Brown: 2 · .5 / 1.5 = 2/3; equal to standardized alpha for two items', () => {
    close(spearmanBrown(0.5), 2 / 3);
    close(spearmanBrown(0.5), standardizedAlpha(Float64Array.of(1, 0.5, 0.5, 1), 2));
    expect(spearmanBrown(-1)).toBeNaN();
  });

  it('Duhachek Q for C = [[1, .5], [.5, 1]]', () => {
    // k = 2, 1'C1 = 3, tr C = 2, tr C² = 2.5, 1'C²1 = 1.5² + 1.5² = 4.5
    // Q = 2·4 / (1 · 27) · (3 · (2.5 + 4) - 2 · 2 · 4.5) = (8/27) · 1.5 = 4/9
    const q = duhachekQ(Float64Array.of(1, 0.5, 0.5, 1), 2);
    close(q, 4 / 9);
    // n = 100: ase = sqrt(4/900) = 1/15; limits 2/3 ∓ 1.959963985 / 15
    const ci = duhachekInterval(2 / 3, q, 100, 0.95);
    close(ci.ase!, 1 / 15);
    close(ci.lower!, 2 / 3 - 1.959963984540054 / 15);
    close(ci.upper!, 2 / 3 + 1.959963984540054 / 15);
  });

  it('Duhachek Q of the 4 × 3 example matches psych ase = 0.1117123352 with n = 4', () => {
    close(Math.sqrt(duhachekQ(tinyCovariance(), 3) / 4), 0.1117123352, 1e-10);
  });
});
