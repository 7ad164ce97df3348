import { describe, expect, it } from 'vitest';
import {
  GAUSS_LEGENDRE,
  bivariateNormalCdf,
  bivariateNormalRectangle,
  bivariateNormalUpper,
} from '../../../src/stats/polychoric/bivariate-normal-cdf.js';
import { normalCdf } from '../../../src/stats/polychoric/normal-cdf.js';
import { type GoldenNumber, num, readGoldenJson } from './golden.js';

interface BivariateGolden {
  cdf: { h: number; k: number; r: number; tvpack: number; integrate: number }[];
  rectangles: { l1: GoldenNumber; u1: GoldenNumber; l2: GoldenNumber; u2: GoldenNumber; r: number; sadmvn: number }[];
}
const golden = readGoldenJson<BivariateGolden>('bivariate-normal');

describe('bivariate normal distribution function (Genz / Drezner-Wesolowsky)', () => {
  it('each Gauss-Legendre rule (3, 6, 10 nodes a half) integrates x^(2m) over [-1, 1] exactly up to degree 2n-1', () => {
    GAUSS_LEGENDRE.nodes.forEach((half, g) => {
      const n = 2 * half.length;
      const w = GAUSS_LEGENDRE.weights[g];
      for (let m = 0; 2 * m <= 2 * n - 1; m++) {
        let s = 0;
        half.forEach((x, i) => (s += 2 * w[i] * x ** (2 * m)));
        expect(Math.abs(s - 2 / (2 * m + 1))).toBeLessThan(2e-15);
      }
    });
  });

  it(`agrees with R (mvtnorm TVPACK and a numerical integration) to 1e-13 on ${golden.cdf.length} points, |r| up to 0.99999`, () => {
    let worst = 0;
    for (const { h, k, r, tvpack, integrate } of golden.cdf) {
      const p = bivariateNormalCdf(h, k, r);
      worst = Math.max(worst, Math.abs(p - tvpack), Math.abs(p - integrate));
    }
    expect(worst).toBeLessThan(1e-13);
  });

  it('agrees with mnormt::sadmvn (what psych calls) on rectangles with infinite limits', () => {
    for (const c of golden.rectangles) {
      const p = bivariateNormalRectangle(num(c.l1), num(c.u1), num(c.l2), num(c.u2), c.r);
      expect(Math.abs(p - c.sadmvn)).toBeLessThan(1e-13);
    }
  });

  it('closed forms: Φ2(0, 0; r) = 1/4 + asin(r)/(2π); r = 0 is Φ(h)Φ(k); r = ±1', () => {
    for (const r of [-0.99, -0.93, -0.5, 0, 0.2, 0.8, 0.95, 0.9999]) {
      expect(Math.abs(bivariateNormalCdf(0, 0, r) - (0.25 + Math.asin(r) / (2 * Math.PI)))).toBeLessThan(1e-15);
    }
    expect(Math.abs(bivariateNormalCdf(0.7, -1.2, 0) - normalCdf(0.7) * normalCdf(-1.2))).toBeLessThan(1e-16);
    expect(Math.abs(bivariateNormalCdf(0.7, -1.2, 1) - normalCdf(-1.2))).toBeLessThan(1e-16);
    expect(Math.abs(bivariateNormalCdf(0.7, -0.2, -1) - (normalCdf(0.7) - normalCdf(0.2)))).toBeLessThan(1e-16);
    expect(Math.abs(bivariateNormalCdf(-0.7, -0.2, -1))).toBe(0);
  });

  it('infinite limits reduce to one dimension; empty rectangles are 0; reversed limits throw', () => {
    expect(bivariateNormalCdf(Infinity, 0.4, 0.3)).toBeCloseTo(normalCdf(0.4), 15);
    expect(bivariateNormalCdf(-Infinity, 0.4, 0.3)).toBe(0);
    expect(bivariateNormalCdf(Infinity, Infinity, 0.3)).toBe(1);
    expect(bivariateNormalRectangle(0.3, 0.3, -1, 1, 0.5)).toBe(0);
    expect(bivariateNormalRectangle(-Infinity, -Infinity, -1, 1, 0.5)).toBe(0);
    expect(() => bivariateNormalRectangle(1, 0.5, -1, 1, 0.5)).toThrow(RangeError);
  });

  it('symmetry: Φ2(h, k; r) = Φ2(k, h; r), and the four quadrants add to 1', () => {
    for (const [h, k, r] of [[0.3, -1.1, 0.4], [-2, 1.5, -0.95], [1, 1.2, 0.97], [-0.4, 0.2, -0.3]]) {
      expect(Math.abs(bivariateNormalCdf(h, k, r) - bivariateNormalCdf(k, h, r))).toBeLessThan(1e-15);
      const q = bivariateNormalCdf(h, k, r) + bivariateNormalUpper(h, k, r) +
        bivariateNormalRectangle(-Infinity, h, k, Infinity, r) + bivariateNormalRectangle(h, Infinity, -Infinity, k, r);
      expect(Math.abs(q - 1)).toBeLessThan(1e-15);
    }
  });
});
