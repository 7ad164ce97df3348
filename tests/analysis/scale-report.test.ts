import { describe, expect, it } from 'vitest';
import { ScaleAccumulator } from '../../src/analysis/scale-accumulator.js';
import { scaleReport } from '../../src/analysis/scale-report.js';
import type { Scale } from '../../src/codebook/codebook.js';
import type { AlphaCiMethod, MissingMethod, ScoreReport, Warning } from '../../src/report/report.js';
import { cronbachAlpha } from '../../src/stats/cronbach-alpha.js';
import { quantileType7 } from '../../src/stats/quantile-type7.js';
import { Xoshiro128 } from '../../src/stats/xoshiro128.js';
import { readNumericCsv, reversedRow, testScale } from './scale-golden-data.js';

const SCORE: ScoreReport = { method: 'mean', n: 0, mean: null, sd: null, min: null, max: null, histogram: [] };
const close = (actual: number | null, expected: number, tol = 1e-9) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(tol);
};

function run(
  scale: Scale,
  rows: number[][],
  missing: MissingMethod = 'listwise',
  alphaCi: AlphaCiMethod = 'feldt',
  bootstrap = { resamples: 200, seed: 1 },
) {
  const acc = new ScaleAccumulator(scale, { missing, keepData: alphaCi === 'bootstrap' });
  for (const row of rows) acc.add(Float64Array.from(row));
  const warnings: Warning[] = [];
  const report = scaleReport(acc, scale, SCORE, { alphaCi, confLevel: 0.95, bootstrap }, warnings);
  return { report, warnings, codes: warnings.map((w) => `${w.code}:${w.item ?? ''}`) };
}

const TINY = [[1, 2, 1], [2, 2, 3], [3, 4, 2], [4, 4, 4]];

describe('scaleReport on hand-worked examples', () => {
  it('the 4 × 3 example: alpha 15/17, item statistics as psych::alpha', () => {
    // See tests/stats/alpha-family.test.ts for the covariance arithmetic. Item-total r (psych raw.r)
    // correlates each item with the row mean (4/3, 2, 3, 4): 0.9970544855, 0.8574929257, 0.8436614877.
    const { report, warnings } = run(testScale('tiny', ['a', 'b', 'c'], [1, 5], []), TINY);
    expect(report.n).toBe(4);
    expect(report.coefficient).toBe('alpha');
    close(report.alpha, 15 / 17, 1e-12);
    close(report.alphaCI.lower, 0.223670762123); // psych::alpha.ci(15/17, 4, 3)
    close(report.alphaCI.upper, 0.992015656117);
    [0.9970544855, 0.8574929257, 0.8436614877].forEach((r, i) => close(report.items[i].itemTotalR, r));
    [2.5, 3, 2.5].forEach((m, i) => close(report.items[i].mean, m, 1e-12));
    [Math.sqrt(5 / 3), Math.sqrt(4 / 3), Math.sqrt(5 / 3)].forEach((sd, i) => close(report.items[i].sd, sd, 1e-12));
    expect(report.items.map((i) => i.n)).toEqual([4, 4, 4]);
    expect(warnings.map((w) => w.code)).toEqual(['singular-correlation-matrix', 'omega-heywood', 'three-item-scale']);
  });

  it('pairwise with missing answers, as psych::alpha(x) (use = "pairwise")', () => {
    // a = 1 2 3 4 NA 2, b = 2 2 4 4 3 NA, c = 1 3 2 4 2 5.
    // var a over its 5 answers: mean 2.4, Σd² = 1.96 + .16 + .36 + 2.56 + .16 = 5.2, sd = sqrt(5.2/4) = 1.140175
    // cov(a, b) over rows 1-4 only: 4/3; n for the intervals is all 6 rows (psych nsub).
    // psych: raw_alpha 0.804498269896, std.alpha 0.848953905701, G6 0.871046028032 (an smc > 1 set to 1),
    // average_r 0.651992165482, ase 0.171307440757.
    const rows = [[1, 2, 1], [2, 2, 3], [3, 4, 2], [4, 4, 4], [NaN, 3, 2], [2, NaN, 5]];
    const { report } = run(testScale('tiny', ['a', 'b', 'c'], [1, 5], []), rows, 'pairwise', 'duhachek');
    expect(report.n).toBe(6);
    close(report.alpha, 0.804498269896);
    close(report.standardizedAlpha, 0.848953905701);
    close(report.lambda6, 0.871046028032);
    close(report.averageInterItemR, 0.651992165482);
    close(report.alphaCI.lower, 0.804498269896 - 1.959963984540054 * 0.171307440757);
    close(report.alphaCI.upper, 0.804498269896 + 1.959963984540054 * 0.171307440757);
    expect(report.items.map((i) => i.n)).toEqual([5, 5, 6]);
    [0.842650088469, 0.854981960071, 0.810337141311].forEach((r, i) => close(report.items[i].itemTotalR, r));
    [0.895143592549, 0.822638304944, 0.381049551857].forEach((r, i) => close(report.items[i].itemRestR, r));
    [2.4, 3, 2.83333333333].forEach((m, i) => close(report.items[i].mean, m, 1e-10));
    [1.1401754251, 1, 1.47196014439].forEach((sd, i) => close(report.items[i].sd, sd, 1e-10));
  });

  it('frequencies: codes as answered (reverse keying undone), labels from the response set', () => {
    // b is reverse-keyed on 1..3: the accumulator receives 4 - answer.
    const scale: Scale = {
      ...testScale('f', ['a', 'b'], [1, 3], ['b']),
      responses: { disagree: 1, neutral: 2, agree: 3, 'no opinion': 2 },
      responseLabels: { 1: 'Disagree', 2: 'Neutral', 3: 'Agree' },
    };
    const answered = [[1, 3], [2, 3], [3, 1], [NaN, 2], [3, NaN]];
    const rows = answered.map((row) => Array.from(reversedRow(Float64Array.from(row), scale)));
    const { report } = run(scale, rows);
    const b = report.items[1];
    expect(b.reversed).toBe(true);
    expect(b.frequencies).toEqual([
      { code: 1, label: 'Disagree', count: 1, proportion: 1 / 5 },
      { code: 2, label: 'Neutral', count: 1, proportion: 1 / 5 },
      { code: 3, label: 'Agree', count: 2, proportion: 2 / 5 },
    ]);
    expect(b.missing).toBe(1);
    expect(report.items[0].frequencies.map((f) => [f.code, f.count])).toEqual([[1, 1], [2, 1], [3, 2]]);
  });

  it('keyed 0/1 items: KR-20, frequencies of the scores without response labels', () => {
    const scale: Scale = {
      ...testScale('ak', ['k1', 'k2', 'k3'], [0, 1], []),
      responses: { true: 1, false: 2 },
      responseLabels: { 1: 'True', 2: 'False' },
      key: { k1: 'true', k2: 'false', k3: 'true' },
      score: 'sum',
    };
    const { report } = run(scale, [[1, 0, 1], [1, 1, 1], [0, 0, 1], [0, 0, 0], [1, 1, 0]]);
    expect(report.coefficient).toBe('kr20');
    expect(report.items[0].frequencies.map((f) => f.label)).toEqual([null, null]);
    // KR-20 = k/(k-1) (1 - Σ p q / var(total)) with n - 1 variances equals alpha:
    // p = .6, .4, .6; Σ var = (.24 + .24 + .24) · 5/4 = .9; totals 2 3 1 0 2: var = 1.3
    close(report.alpha, 1.5 * (1 - 0.9 / 1.3), 1e-12);
  });
});

describe('undefined figures are null with a warning', () => {
  it('a one-item scale', () => {
    const { report, codes } = run(testScale('one', ['a'], [1, 5], []), [[1], [2], [4]]);
    expect(codes).toEqual(['too-few-items:']);
    expect(report.alpha).toBeNull();
    expect(report.alphaCI).toEqual({ method: 'feldt', level: 0.95, lower: null, upper: null });
    expect(report.items[0].itemRestR).toBeNull();
    close(report.items[0].mean, 7 / 3, 1e-12);
  });

  it('fewer than 2 complete cases', () => {
    const { report, codes } = run(testScale('s', ['a', 'b'], [1, 5], []), [[1, 2], [NaN, 3], [4, NaN]]);
    expect(codes).toEqual(['too-few-respondents:']);
    expect(report.n).toBe(1);
    expect([report.alpha, report.standardizedAlpha, report.lambda6, report.splitHalf?.r]).toEqual([null, null, null, null]);
  });

  it('a zero-variance item: raw alpha stands, correlation-based figures are null', () => {
    const { report, codes } = run(testScale('z', ['a', 'b', 'c'], [1, 5], []), [[1, 3, 2], [2, 3, 2], [4, 3, 5], [5, 3, 4]]);
    expect(codes).toEqual(['zero-variance-item:b']);
    expect(report.alpha).not.toBeNull();
    expect([report.standardizedAlpha, report.averageInterItemR, report.lambda6, report.omegaTotal]).toEqual([null, null, null, null]);
    expect(report.items[1].itemTotalR).toBeNull();
    expect(report.items[1].itemRestR).toBeNull();
    expect(report.items[1].smc).toBeNull();
    expect(report.items[1].sd).toBe(0);
    expect(report.items[0].itemRestR).not.toBeNull();
  });

  it('a constant scale', () => {
    const { report, codes } = run(testScale('c', ['a', 'b'], [1, 5], []), [[3, 3], [3, 3], [3, 3]]);
    expect(codes).toEqual(['zero-variance-item:a', 'zero-variance-item:b', 'zero-variance-scale:']);
    expect(report.alpha).toBeNull();
    expect(report.alphaCI.lower).toBeNull();
  });

  it('items with a constant sum (rankings): 1\'R1 is 0 up to rounding, so omega is null like the other R-based figures', () => {
    // The 24 orderings of (1, 2, 3, 5): every row sums to 11, so var(total) = 1'C1 = 0 and 1'R1 = 0.
    const orderings: number[][] = [];
    const permute = (rest: number[], row: number[]): void => {
      if (rest.length === 0) orderings.push(row);
      rest.forEach((v, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...row, v]));
    };
    permute([1, 2, 3, 5], []);
    const { report, codes } = run(testScale('rank', ['a', 'b', 'c', 'd'], [1, 5], []), orderings);
    expect(codes).toContain('zero-variance-scale:');
    expect([report.alpha, report.standardizedAlpha, report.lambda6, report.omegaTotal]).toEqual([null, null, null, null]);
  });

  it('two identical items, listwise: alpha is 1 (up to rounding) with the Feldt point interval [1, 1], no alpha-above-1 warning', () => {
    // alpha = 2 (1 - 2v / 4v) = 1; Feldt: 1 - (1 - 1) F = 1 at both limits (psych::alpha.ci(1, 6, 2)).
    const rows = [[1, 1], [2, 2], [4, 4], [3, 3], [5, 5], [2, 2]];
    const { report, codes } = run(testScale('same', ['a', 'b'], [1, 5], []), rows);
    close(report.alpha, 1, 1e-12);
    close(report.alphaCI.lower, 1, 1e-12);
    close(report.alphaCI.upper, 1, 1e-12);
    expect(codes).toEqual(['two-item-scale:', 'singular-correlation-matrix:']);
  });

  it('pairwise: two items never answered together', () => {
    const rows = [[1, NaN, 2], [2, NaN, 3], [NaN, 4, 1], [NaN, 5, 2], [3, NaN, 4]];
    const { report, codes } = run(testScale('p', ['a', 'b', 'c'], [1, 5], []), rows, 'pairwise');
    expect(codes).toEqual(['too-few-pairs:']);
    expect(report.alpha).toBeNull();
  });
});

describe('bootstrap interval', () => {
  const { header, rows } = readNumericCsv('reverse-keyed.csv');
  const scale = testScale('rk', header, [1, 5], ['i3', 'i5']);
  const coded = rows.map((row) => Array.from(reversedRow(row, scale)));

  it('is reproducible for a seed and records resamples and seed', () => {
    const a = run(scale, coded, 'listwise', 'bootstrap', { resamples: 300, seed: 11 }).report.alphaCI;
    const b = run(scale, coded, 'listwise', 'bootstrap', { resamples: 300, seed: 11 }).report.alphaCI;
    const c = run(scale, coded, 'listwise', 'bootstrap', { resamples: 300, seed: 12 }).report.alphaCI;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ method: 'bootstrap', level: 0.95, resamples: 300, seed: 11 });
    expect(c.lower).not.toBe(a.lower);
  });

  it('equals the percentile interval of a plain re-implementation of the resampling', () => {
    const { report } = run(scale, coded, 'listwise', 'bootstrap', { resamples: 250, seed: 5 });
    const complete = coded.filter((row) => row.every((v) => !Number.isNaN(v)));
    const n = complete.length;
    const k = header.length;
    const random = new Xoshiro128(5);
    const alphas: number[] = [];
    for (let b = 0; b < 250; b++) {
      const sample = Array.from({ length: n }, () => complete[random.nextInt(n)]);
      const means = Array.from({ length: k }, (_, j) => sample.reduce((s, row) => s + row[j], 0) / n);
      const c = new Float64Array(k * k);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          c[i * k + j] = sample.reduce((s, row) => s + (row[i] - means[i]) * (row[j] - means[j]), 0) / (n - 1);
        }
      }
      alphas.push(cronbachAlpha(c, k));
    }
    const sorted = Float64Array.from(alphas).sort();
    close(report.alphaCI.lower, quantileType7(sorted, 0.025), 1e-10);
    close(report.alphaCI.upper, quantileType7(sorted, 0.975), 1e-10);
    // and it is close to the Feldt interval on 247 respondents
    const feldt = run(scale, coded).report.alphaCI;
    expect(Math.abs(report.alphaCI.lower! - feldt.lower!)).toBeLessThan(0.03);
    expect(Math.abs(report.alphaCI.upper! - feldt.upper!)).toBeLessThan(0.03);
  });

  it('pairwise resamples every row and brackets alpha', () => {
    const { report } = run(scale, coded, 'pairwise', 'bootstrap', { resamples: 200, seed: 3 });
    expect(report.n).toBe(300);
    expect(report.alphaCI.lower!).toBeLessThan(report.alpha!);
    expect(report.alphaCI.upper!).toBeGreaterThan(report.alpha!);
  });

  it('warns when some resamples have an undefined alpha', () => {
    // Three rows, two of them identical: a resample of the identical rows only has no variance.
    const small = testScale('s', ['a', 'b'], [1, 5], []);
    const { report, codes } = run(small, [[1, 1], [1, 1], [5, 4]], 'listwise', 'bootstrap', { resamples: 100, seed: 2 });
    expect(codes).toContain('bootstrap-undefined-resamples:');
    expect(report.alphaCI.lower).not.toBeNull();
  });

  it('needs the rows kept (keepData) when the bootstrap is asked for', () => {
    const acc = new ScaleAccumulator(scale, { missing: 'listwise', keepData: false });
    coded.forEach((row) => acc.add(Float64Array.from(row)));
    expect(() =>
      scaleReport(acc, scale, SCORE, { alphaCi: 'bootstrap', confLevel: 0.95, bootstrap: { resamples: 10, seed: 1 } }, []),
    ).toThrow(/keepData/);
  });
});
