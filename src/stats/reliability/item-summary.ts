import { lowerTriangle } from './inter-item-correlations.js';

/** One row of SPSS's "Summary Item Statistics". */
export interface SummaryRow {
  mean: number;
  min: number;
  max: number;
  range: number;
  /** max / min; NaN when min is 0. */
  maxOverMin: number;
  /** Variance of the values, divisor count - 1 (NaN for one value). */
  variance: number;
}

export interface ItemSummary {
  itemMeans: SummaryRow;
  itemVariances: SummaryRow;
  interItemCovariances: SummaryRow;
  interItemCorrelations: SummaryRow;
}

/**
 * SPSS RELIABILITY /SUMMARY=ALL ("Summary Item Statistics"): the mean, minimum, maximum,
 * range, maximum / minimum and variance of
 *   the k item means, the k item variances (diagonal of C),
 *   the k(k-1)/2 inter-item covariances and correlations (below the diagonal of C and R).
 * Variances use the n - 1 divisor, as SPSS. NaN where a value is undefined.
 *
 * @example summaryRow(Float64Array.of(2, 3, 4)) // mean 3, min 2, max 4, range 2, max/min 2, variance 1
 */
export function itemSummary(means: Float64Array, c: Float64Array, r: Float64Array, k: number): ItemSummary {
  const variances = new Float64Array(k);
  for (let i = 0; i < k; i++) variances[i] = c[i * k + i];
  return {
    itemMeans: summaryRow(means),
    itemVariances: summaryRow(variances),
    interItemCovariances: summaryRow(lowerTriangle(c, k)),
    interItemCorrelations: summaryRow(lowerTriangle(r, k)),
  };
}

export function summaryRow(values: Float64Array): SummaryRow {
  const m = values.length;
  const nan = Number.NaN;
  if (m === 0 || values.some((x) => !Number.isFinite(x))) {
    return { mean: nan, min: nan, max: nan, range: nan, maxOverMin: nan, variance: nan };
  }
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m; i++) {
    sum += values[i];
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (values[i] - mean) * (values[i] - mean);
  return { mean, min, max, range: max - min, maxOverMin: min === 0 ? nan : max / min, variance: m > 1 ? ss / (m - 1) : nan };
}
