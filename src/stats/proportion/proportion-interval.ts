import type { CiMethod } from '../../report/report.js';
import { agrestiCoullInterval } from './agresti-coull-interval.js';
import type { Bounds } from './bounds.js';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';
import { normalCritical, tCritical } from '../critical-value.js';
import { jeffreysInterval } from './jeffreys-interval.js';
import { logitInterval } from './logit-interval.js';
import { binomialStandardError, waldInterval } from './wald-interval.js';
import { wilsonCcInterval } from './wilson-cc-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * Two-sided confidence interval for a binomial proportion `count / n` at `level`
 * (0 < level < 1), for a simple random sample of n independent answers. Requires an integer
 * 0 <= count <= n and n >= 1 (n = 0 has no proportion: the report gives nulls and a warning).
 *
 * - `wilson` (default): Wilson score, statsmodels `proportion_confint(method="wilson")`.
 * - `wilson-cc`: Wilson with continuity correction, R `prop.test(x, n, correct = TRUE)$conf.int`.
 * - `clopper-pearson`: statsmodels `method="beta"`.
 * - `agresti-coull`: statsmodels `method="agresti_coull"` (clipped to [0, 1]).
 * - `jeffreys`: statsmodels `method="jeffreys"`.
 * - `wald`: statsmodels `method="normal"` (clipped to [0, 1]).
 * - `logit`: Stata `proportion`'s default: logit-transformed Wald with Stata's standard error
 *   √(p(1 − p)/(n − 1)) and t on n − 1 df (equal to R survey
 *   `svyciprop(method = "logit")` on `svydesign(ids = ~1)`). At 0 of n and n of n (and so for
 *   n = 1) the logit is infinite; the Clopper–Pearson bounds are returned instead.
 *
 * Only `wald` and `agresti-coull` are clipped, as statsmodels clips them; the others lie in
 * [0, 1] by construction. No NaN at the edges (0 of n, n of n, n = 1).
 *
 * @example proportionInterval(3, 10, 'wilson', 0.95) // { lower: 0.1077912674, upper: 0.6032218525 }
 */
export function proportionInterval(count: number, n: number, method: CiMethod, level: number): Bounds {
  if (!(n >= 1) || !(count >= 0) || count > n) throw new RangeError(`proportionInterval: need 0 <= count <= n and n >= 1, got ${count} of ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`proportionInterval: level must be in (0, 1), got ${level}`);
  switch (method) {
    case 'wilson':
      return wilsonInterval(count, n, normalCritical(level));
    case 'wilson-cc':
      return wilsonCcInterval(count, n, normalCritical(level));
    case 'clopper-pearson':
      return clopperPearsonInterval(count, n, level);
    case 'agresti-coull':
      return agrestiCoullInterval(count, n, normalCritical(level));
    case 'jeffreys':
      return jeffreysInterval(count, n, level);
    case 'wald':
      return waldInterval(count / n, binomialStandardError(count, n), normalCritical(level));
    case 'logit':
      return stataLogitInterval(count, n, level);
  }
}

/**
 * Stata `proportion, citype(logit)`: se = √(p(1 − p)/(n − 1)) (the standard error of a mean of
 * 0/1 answers with the n − 1 variance), t on n − 1 df; Clopper–Pearson at 0 of n and n of n.
 */
function stataLogitInterval(count: number, n: number, level: number): Bounds {
  if (count <= 0 || count >= n) return clopperPearsonInterval(count, n, level);
  const p = count / n;
  return logitInterval(p, Math.sqrt((p * (1 - p)) / (n - 1)), tCritical(level, n - 1));
}
