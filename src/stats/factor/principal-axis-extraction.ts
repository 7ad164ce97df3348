import { squaredMultipleCorrelations } from '../squared-multiple-correlation.js';
import { symmetricEigen } from '../symmetric-eigen.js';
import { finishSolution, type FactorWarning, type UnrotatedSolution } from './factor-solution.js';
import { checkArguments } from './minres-extraction.js';

/** psych fa's defaults: `min.err = .001`, `max.iter = 50`. */
export const PA_MIN_ERR = 0.001;
export const PA_MAX_ITER = 50;

/**
 * Iterated principal-axis factoring, psych `fa(R, m, fm = "pa")` (Harman 1976, ch. 8; psych
 * fac()), step for step: start with R* = R with the squared multiple correlations on the
 * diagonal (SMC = TRUE); each iteration takes the leading m eigenpairs (θ, V) of R*, loadings
 * Λ = V_m diag(√θ_m), new communalities h² = diag(ΛΛᵀ), and puts them on the diagonal of R*;
 * it stops when the sum of the communalities changes by at most `minErr` (.001), or after
 * `maxIter` (50) iterations (psych's count: it stops when the counter, started at 1 and raised
 * after each iteration, exceeds max.iter, with the message "maximum iteration exceeded").
 * `values` are the eigenvalues θ of the last R* factored (psych `values`, whose diagonal is the
 * previous iteration's communalities). A negative leading eigenvalue (psych: "imaginary eigen
 * value condition", NaN loadings) ends the iteration with a warning, its loadings set to 0.
 * About 9k³ flops an iteration.
 */
export function principalAxisExtraction(
  r: Float64Array,
  k: number,
  m: number,
  options: { minErr?: number; maxIter?: number } = {},
): UnrotatedSolution {
  checkArguments(r, k, m, 'principalAxisExtraction');
  const minErr = options.minErr ?? PA_MIN_ERR;
  const maxIter = options.maxIter ?? PA_MAX_ITER;
  const smc = squaredMultipleCorrelations(r, k).values;
  const reduced = Float64Array.from(r);
  for (let i = 0; i < k; i++) reduced[i * k + i] = smc[i];
  let comm = 0;
  for (let i = 0; i < k; i++) comm += smc[i];
  const warnings: FactorWarning[] = [];
  let err = comm;
  let counter = 1;
  let converged = true;
  let loadings: Float64Array = new Float64Array(k * m);
  let values: Float64Array = new Float64Array(k);
  while (err > minErr) {
    const eig = symmetricEigen(reduced, k);
    values = eig.values;
    loadings = new Float64Array(k * m);
    let imaginary = false;
    for (let q = 0; q < m; q++) {
      if (eig.values[q] < 0) imaginary = true;
      const s = Math.sqrt(Math.max(eig.values[q], 0));
      for (let i = 0; i < k; i++) loadings[i * m + q] = eig.vectors[i * k + q] * s;
    }
    if (imaginary) {
      warnings.push({ code: 'negative-eigenvalue', message: 'a leading eigenvalue of the reduced matrix is negative: principal-axis iteration stopped' });
      converged = false;
      break;
    }
    let comm1 = 0;
    for (let i = 0; i < k; i++) {
      let h2 = 0;
      for (let q = 0; q < m; q++) h2 += loadings[i * m + q] ** 2;
      reduced[i * k + i] = h2;
      comm1 += h2;
    }
    err = Math.abs(comm - comm1);
    comm = comm1;
    counter++;
    if (counter > maxIter) {
      if (err > minErr) {
        warnings.push({ code: 'iteration-limit', message: `principal-axis iteration stopped at the limit of ${maxIter} iterations` });
        converged = false;
      }
      break;
    }
  }
  return finishSolution('pa', r, k, m, loadings, { iterations: counter - 1, converged, values, warnings });
}
