import type { Scale } from '../codebook/codebook.js';
import type { Correlations, ScoreReport, Warning } from '../report/report.js';
import { fisherZInterval } from '../stats/fisher-z-interval.js';
import { MAX_CORRELATED_SCALES, type ScoreAccumulator } from './score-accumulator.js';
import { orNull } from './or-null.js';

/**
 * Summary of each scale's scores over the respondents who have one: n, mean, sd (n - 1),
 * min, max, and a histogram with equal-width bins over the score's possible range
 * (score-histogram.ts). mean is null when n = 0, sd when n < 2.
 */
export function scoreReports(acc: ScoreAccumulator, scales: Scale[]): ScoreReport[] {
  return scales.map((scale, i) => {
    const s = acc.summary(i);
    const layout = acc.layouts[i];
    return {
      method: scale.score,
      n: s.n,
      mean: orNull(s.mean),
      sd: orNull(s.sd),
      min: orNull(s.min),
      max: orNull(s.max),
      histogram: Array.from(s.counts, (count, b) => ({
        from: layout.from + b * layout.width,
        to: layout.from + (b + 1) * layout.width,
        count,
      })),
    };
  });
}

/**
 * Correlations between scale scores over pairwise-complete respondents: Pearson, or Spearman
 * with mid-ranks for ties, as R `cor(scores, use = "pairwise", method = ...)`. n[i][j] is the
 * number of respondents with both scores (n[i][i]: with a score on i). Each pair gets the
 * Fisher-z interval at `confLevel` (fisher-z-interval.ts; null when n < 4).
 * The diagonal r is 1 when the scale's scores vary. A constant score, and a correlation with
 * one or over fewer than 2 respondents, is null with a warning.
 */
export function correlationsReport(
  acc: ScoreAccumulator,
  scales: Scale[],
  confLevel: number,
  warnings: Warning[],
): Correlations {
  const p = scales.length;
  if (!acc.correlated) {
    warnings.push({
      code: 'correlations-omitted',
      message: `the scores of ${p} scales are not correlated: the correlation matrix is computed for at most ${MAX_CORRELATED_SCALES} scales`,
      count: p,
    });
    return { method: acc.correlation, ids: [], r: [], n: [], ci: [], level: confLevel };
  }
  const r: (number | null)[][] = [];
  const n: number[][] = [];
  const ci: ({ lower: number; upper: number } | null)[][] = [];
  for (let i = 0; i < p; i++) {
    r.push(new Array<number | null>(p).fill(null));
    n.push(new Array<number>(p).fill(0));
    ci.push(new Array<{ lower: number; upper: number } | null>(p).fill(null));
  }
  for (let i = 0; i < p; i++) {
    const s = acc.summary(i);
    n[i][i] = s.n;
    r[i][i] = s.sd > 0 ? 1 : null;
    if (r[i][i] === null) {
      warnings.push({
        code: 'constant-score',
        message: s.n < 2
          ? `scores of "${scales[i].id}": ${s.n} respondent(s) have one; its correlations are null`
          : `scores of "${scales[i].id}" are the same for all ${s.n} respondents; its correlations are null`,
        scale: scales[i].id,
        count: s.n,
      });
    }
    for (let j = i + 1; j < p; j++) {
      const pair = acc.pairCorrelation(i, j);
      const value = orNull(pair.r);
      n[i][j] = n[j][i] = pair.n;
      r[i][j] = r[j][i] = value;
      if (value === null) {
        const a = scales[i].id;
        const b = scales[j].id;
        warnings.push({
          code: 'undefined-correlation',
          message: pair.n < 2
            ? `the correlation of scores "${a}" and "${b}" is undefined: ${pair.n} respondent(s) have both (null)`
            : `the correlation of scores "${a}" and "${b}" is undefined: one of them is constant over the ` +
              `${pair.n} respondents who have both (null)`,
          scale: a,
          count: pair.n,
        });
        continue;
      }
      ci[i][j] = ci[j][i] = fisherZInterval(value, pair.n, confLevel);
    }
  }
  return { method: acc.correlation, ids: scales.map((scale) => scale.id), r, n, ci, level: confLevel };
}
