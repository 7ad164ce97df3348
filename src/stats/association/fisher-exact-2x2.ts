import { logChoose } from './log-choose.js';

/** R's relative tolerance for ties in `fisher.test` on 2 × 2 tables. */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided Fisher exact test of a 2 × 2 table [[a, b], [c, d]], as R `fisher.test(x)$p.value`:
 * conditional on the margins, x = a is hypergeometric,
 *
 *   P(x) = C(m, x) C(n, k − x) / C(m + n, k),   m = a + c, n = b + d, k = a + b,
 *
 * and p = Σ P(x) over the x in [max(0, k − n), min(k, m)] with P(x) <= P(a) · (1 + 1e-7).
 *
 * @example fisherExact2x2([[3, 1], [1, 3]]) // 0.4857142857142857
 */
export function fisherExact2x2(table: number[][]): number {
  const [[a, b], [c, d]] = table;
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logd = new Float64Array(hi - lo + 1);
  let max = -Infinity;
  for (let x = lo; x <= hi; x++) {
    const v = logChoose(m, x) + logChoose(n, k - x);
    logd[x - lo] = v;
    if (v > max) max = v;
  }
  let total = 0;
  for (let i = 0; i < logd.length; i++) total += Math.exp(logd[i] - max);
  const observed = Math.exp(logd[a - lo] - max) * RELATIVE_TOLERANCE;
  let tail = 0;
  for (let i = 0; i < logd.length; i++) {
    const v = Math.exp(logd[i] - max);
    if (v <= observed) tail += v;
  }
  return Math.min(1, tail / total);
}
