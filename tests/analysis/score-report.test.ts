import { describe, expect, it } from 'vitest';
import { ScoreAccumulator } from '../../src/analysis/score-accumulator.js';
import { scoreHistogramLayout } from '../../src/analysis/score-histogram.js';
import { correlationsReport, scoreReports } from '../../src/analysis/score-report.js';
import type { Scale } from '../../src/codebook/codebook.js';
import type { CorrelationMethod, Warning } from '../../src/report/report.js';
import { readGolden, readNumericCsv, testScale } from './scale-golden-data.js';

interface GoldenCorrelation {
  r: (number | null)[][];
  ci: { level: number; lower: (number | null)[][]; upper: (number | null)[][] }[];
}
interface GoldenScores {
  ids: string[];
  n: number[][];
  pearson: GoldenCorrelation;
  spearman: GoldenCorrelation;
  summaries: { id: string; n: number; mean: number; sd: number; min: number; max: number }[];
}

const items = (n: number) => Array.from({ length: n }, (_, i) => `q${i + 1}`);
const SCALES: Scale[] = [
  { ...testScale('pk', items(4), [1, 5], []), score: 'mean' },
  { ...testScale('ak', items(6), [0, 1], []), score: 'sum' },
  { ...testScale('conf', items(3), [1, 5], []), score: 'mean' },
  { ...testScale('flat', items(1), [1, 5], []), score: 'mean' },
];

function accumulate(method: CorrelationMethod, rows: Float64Array[]): ScoreAccumulator {
  const acc = new ScoreAccumulator(SCALES, method);
  rows.forEach((row) => acc.add(row));
  return acc;
}

describe('scale-score correlations against R cor(use = "pairwise") and psych::r.con', () => {
  const golden = readGolden<GoldenScores>('scores.json');
  const { header, rows } = readNumericCsv('scores.csv');
  expect(header).toEqual(golden.ids);

  for (const method of ['pearson', 'spearman'] as const) {
    it(`${method}: r, pairwise n and Fisher-z limits`, () => {
      const acc = accumulate(method, rows);
      for (const { level, lower, upper } of golden[method].ci) {
        const warnings: Warning[] = [];
        const c = correlationsReport(acc, SCALES, level, warnings);
        expect(c.method).toBe(method);
        expect(c.ids).toEqual(golden.ids);
        expect(c.level).toBe(level);
        expect(c.n).toEqual(golden.n);
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            const expected = golden[method].r[i][j];
            if (expected === null) expect(c.r[i][j]).toBeNull();
            else expect(Math.abs((c.r[i][j] as number) - expected)).toBeLessThan(1e-12);
            if (lower[i][j] === null) {
              expect(c.ci[i][j]).toBeNull();
            } else {
              expect(Math.abs(c.ci[i][j]!.lower - (lower[i][j] as number))).toBeLessThan(1e-12);
              expect(Math.abs(c.ci[i][j]!.upper - (upper[i][j] as number))).toBeLessThan(1e-12);
            }
          }
        }
        // the constant score: one warning for it, one per pair it is in
        expect(warnings.map((w) => w.code)).toEqual([
          'undefined-correlation', 'undefined-correlation', 'undefined-correlation', 'constant-score',
        ]);
        expect(warnings.every((w) => w.message.includes('"flat"'))).toBe(true);
      }
    });
  }

  it('score summaries: n, mean, sd, min, max as R', () => {
    const reports = scoreReports(accumulate('pearson', rows), SCALES);
    golden.summaries.forEach((g, i) => {
      const s = reports[i];
      expect(s.method).toBe(SCALES[i].score);
      expect(s.n).toBe(g.n);
      expect(Math.abs(s.mean! - g.mean)).toBeLessThan(1e-12);
      expect(Math.abs(s.sd! - g.sd)).toBeLessThan(1e-12);
      expect([s.min, s.max]).toEqual([g.min, g.max]);
      expect(s.histogram.reduce((t, b) => t + b.count, 0)).toBe(g.n);
    });
  });
});

describe('score histograms', () => {
  it('mean of 4 items on 1..5: one bin per possible mean (17), width 1/4, centred on 1, 1.25, ..., 5', () => {
    expect(scoreHistogramLayout(SCALES[0])).toEqual({ from: 0.875, width: 0.25, bins: 17 });
  });

  it('sum of 6 keyed items: one bin per integer 0..6', () => {
    expect(scoreHistogramLayout(SCALES[1])).toEqual({ from: -0.5, width: 1, bins: 7 });
  });

  it('sum of 12 items on 1..5 (49 possible sums): 20 bins over [12, 60]', () => {
    const scale = { ...testScale('big', items(12), [1, 5], []), score: 'sum' as const };
    expect(scoreHistogramLayout(scale)).toEqual({ from: 12, width: 2.4, bins: 20 });
  });

  it('counts scores in their bins: 1, 1.25, 1.25, 3, 5 and a prorated 4.3333', () => {
    const acc = new ScoreAccumulator([SCALES[0]], 'pearson');
    for (const s of [1, 1.25, 1.25, 3, 5, 13 / 3, Number.NaN]) acc.add(Float64Array.of(s));
    const [report] = scoreReports(acc, [SCALES[0]]);
    expect(report.n).toBe(6);
    const counts = report.histogram.map((b) => b.count);
    expect(counts[0]).toBe(1); // [0.875, 1.125)
    expect(counts[1]).toBe(2); // [1.125, 1.375)
    expect(counts[8]).toBe(1); // [2.875, 3.125)
    expect(counts[13]).toBe(1); // [4.125, 4.375) holds 4.3333
    expect(counts[16]).toBe(1); // [4.875, 5.125)
    expect(report.histogram[0]).toEqual({ from: 0.875, to: 1.125, count: 1 });
  });

  it('no scores: n = 0 and null summaries', () => {
    const acc = new ScoreAccumulator([SCALES[0]], 'spearman');
    const [report] = scoreReports(acc, [SCALES[0]]);
    expect([report.n, report.mean, report.sd, report.min, report.max]).toEqual([0, null, null, null, null]);
  });
});
