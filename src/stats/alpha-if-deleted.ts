import { cronbachAlpha } from './cronbach-alpha.js';
import { withoutIndex } from './matrix-sums.js';

/**
 * Raw alpha of the other k - 1 items for each item i (psych::alpha `alpha.drop$raw_alpha`):
 * cronbachAlpha(C without row and column i). Undefined (NaN) for k <= 2, where one item is
 * left and alpha needs two. (psych prints C_12 / C_jj there, which is not an alpha.)
 *
 * @example
 * // C of three items; deleting item 3 leaves [[1, .5], [.5, 1]] with alpha 2/3
 * alphaIfDeleted(Float64Array.of(1, .5, .2, .5, 1, .3, .2, .3, 1), 3)[2] // 0.6667
 */
export function alphaIfDeleted(c: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k).fill(Number.NaN);
  if (k <= 2) return out;
  for (let i = 0; i < k; i++) out[i] = cronbachAlpha(withoutIndex(c, k, i), k - 1);
  return out;
}
