import { matrixSum, positiveVariance, trace } from '../matrix-sums.js';

export interface GuttmanLambdas {
  lambda1: number;
  lambda2: number;
  lambda3: number;
  lambda5: number;
  lambda5p: number;
  lambda6: number;
}

/**
 * Guttman's (1945) closed-form lower bounds λ1, λ2, λ3, λ5 and λ6 of the correlation matrix
 * R (k items, V = 1'R1), exactly as psych::guttman and psych::splitHalf compute them:
 *   λ1 = 1 - tr R / V
 *   λ2 = (Σ_{i≠j} r_ij + √(k/(k-1) · Σ_{i≠j} r_ij²)) / V
 *   λ3 = k/(k-1) · λ1                                 (= standardized alpha)
 *   λ5 = λ1 + 2 √(max_j Σ_{i≠j} r_ij²) / V
 *   λ5+ = λ1 + k/(k-1) · 2 √(max_j Σ_{i≠j} r_ij²) / V  (psych lambda.5p)
 *   λ6 = 1 - Σ_i (1 - smc_i) / V                     (psych G6(smc))
 * λ4 (the best split half) is in split-halves.ts. All NaN when k < 2, R has an undefined
 * cell or V is not above rounding.
 *
 * @example
 * // two items correlating .5: V = 3, λ1 = 1/3, λ2 = (1 + √(2 · .5)) / 3 = 2/3 = λ3
 */
export function guttmanLambdas(r: Float64Array, smc: Float64Array, k: number): GuttmanLambdas {
  const nan = Number.NaN;
  const v = matrixSum(r, k);
  if (k < 2 || !Number.isFinite(v) || !positiveVariance(v, k)) {
    return { lambda1: nan, lambda2: nan, lambda3: nan, lambda5: nan, lambda5p: nan, lambda6: nan };
  }
  const tr = trace(r, k);
  const lambda1 = 1 - tr / v;
  let sumSquaresOff = 0;
  let maxColumn = 0;
  for (let j = 0; j < k; j++) {
    let column = 0;
    for (let i = 0; i < k; i++) if (i !== j) column += r[i * k + j] * r[i * k + j];
    sumSquaresOff += column;
    if (column > maxColumn) maxColumn = column;
  }
  const ratio = k / (k - 1);
  let unexplained = 0;
  for (let i = 0; i < k; i++) unexplained += 1 - smc[i];
  return {
    lambda1,
    lambda2: (v - tr + Math.sqrt(sumSquaresOff * ratio)) / v,
    lambda3: ratio * lambda1,
    lambda5: lambda1 + (2 * Math.sqrt(maxColumn)) / v,
    lambda5p: lambda1 + (ratio * 2 * Math.sqrt(maxColumn)) / v,
    lambda6: 1 - unexplained / v,
  };
}
