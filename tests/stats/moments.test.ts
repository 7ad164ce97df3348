import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoMoments } from '../../src/stats/co-moments.js';
import { PAIR_STRIDE, pairCorrelation, pairCovariance, updatePair } from '../../src/stats/paired-moments.js';
import { PairwiseCoMoments } from '../../src/stats/pairwise-co-moments.js';
import { univariateSd, updateUnivariate } from '../../src/stats/univariate-moments.js';

const close = (actual: number, expected: number, tol = 1e-12) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

/** Textbook two-pass covariance over the rows where both are observed (R cov(..., use = "pairwise")). */
function twoPassCov(x: number[], y: number[]): number {
  const keep = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
  if (keep.length < 2) return Number.NaN;
  const mx = keep.reduce((s, i) => s + x[i], 0) / keep.length;
  const my = keep.reduce((s, i) => s + y[i], 0) / keep.length;
  return keep.reduce((s, i) => s + (x[i] - mx) * (y[i] - my), 0) / (keep.length - 1);
}

describe('paired moments (Welford)', () => {
  it('x = 1 2 3, y = 2 4 7: cov = (-1·-2.333 + 0 + 1·2.667) / 2 = 2.5, r = 2.5 / sqrt(1 · 6.333)', () => {
    // means 2 and 13/3; y deviations -7/3, -1/3, 8/3; var y = (49 + 1 + 64) / 9 / 2 = 19/3
    const m = new Float64Array(PAIR_STRIDE);
    updatePair(m, 0, 1, 2);
    updatePair(m, 0, 2, 4);
    updatePair(m, 0, 3, 7);
    close(m[1], 2);
    close(m[2], 13 / 3);
    close(pairCovariance(m, 0), 2.5);
    close(pairCorrelation(m, 0), 2.5 / Math.sqrt(19 / 3));
  });

  it('univariate: 2 4 4 4 5 5 7 9 has mean 5 and sd sqrt(32/7)', () => {
    const one = new Float64Array(3);
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => updateUnivariate(one, 0, x));
    close(one[1], 5);
    close(univariateSd(one, 0), Math.sqrt(32 / 7));
  });
});

describe('CoMoments and PairwiseCoMoments', () => {
  const rowsArb = fc.array(
    fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Number.NaN)), { minLength: 4, maxLength: 4 }),
    { minLength: 3, maxLength: 40 },
  );

  it('pairwise covariance equals the two-pass covariance of each pair over its complete rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const pw = new PairwiseCoMoments(4);
        rows.forEach((row) => pw.add(Float64Array.from(row)));
        const c = pw.covariance();
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            const x = rows.map((row) => row[i]);
            const y = rows.map((row) => row[j]);
            const expected = twoPassCov(x, y);
            if (Number.isFinite(expected)) close(c[i * 4 + j], expected, 1e-9);
            else expect(c[i * 4 + j]).toBeNaN();
          }
        }
      }),
    );
  });

  it('on complete rows, listwise and pairwise covariances agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 30 }),
        (rows) => {
          const lw = new CoMoments(3);
          const pw = new PairwiseCoMoments(3);
          rows.forEach((row) => {
            const y = Float64Array.from(row);
            lw.add(y);
            pw.add(y);
          });
          const c1 = lw.covariance();
          const c2 = pw.covariance();
          for (let i = 0; i < 9; i++) {
            if (Number.isNaN(c1[i])) continue;
            close(c2[i], c1[i], 1e-12);
          }
        },
      ),
    );
  });

});
