/**
 * The k(k-1)/2 inter-item correlations below the diagonal of R, in R's `R[lower.tri(R)]`
 * order (column by column), and the two summaries psych::alpha gives of them:
 *   median r (`median_r`, `med.r`): their median, the middle of the sorted values (the
 *     mean of the middle two for an even count), as R's `median`;
 *   var.r: their variance with the (count - 1) divisor, as R's `var`; NaN for one pair.
 * psych drops undefined correlations (`na.rm = TRUE`); here an undefined cell makes both NaN,
 * as every other figure of R does.
 *
 * @example
 * // three items: r12 = .2, r13 = .4, r23 = .9
 * medianInterItemR(R, 3) // .4;  interItemRVariance(R, 3) // var(.2, .4, .9) = 0.13
 */
export function lowerTriangle(r: Float64Array, k: number): Float64Array {
  const out = new Float64Array((k * (k - 1)) / 2);
  let p = 0;
  for (let j = 0; j < k; j++) for (let i = j + 1; i < k; i++) out[p++] = r[i * k + j];
  return out;
}

export function medianInterItemR(r: Float64Array, k: number): number {
  const values = lowerTriangle(r, k);
  if (values.length === 0 || values.some((x) => !Number.isFinite(x))) return Number.NaN;
  values.sort();
  const h = values.length >> 1;
  return values.length % 2 === 1 ? values[h] : (values[h - 1] + values[h]) / 2;
}

export function interItemRVariance(r: Float64Array, k: number): number {
  const values = lowerTriangle(r, k);
  const m = values.length;
  if (m < 2 || values.some((x) => !Number.isFinite(x))) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += values[i];
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (values[i] - mean) * (values[i] - mean);
  return ss / (m - 1);
}
