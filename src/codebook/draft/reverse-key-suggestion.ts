/**
 * Items that look reverse-keyed, as psych's `alpha(x, check.keys = TRUE)` decides (psych 2.2.9,
 * R/alpha.R and R/principal.R): `p1 <- principal(x)`, the first principal component of
 * `cor(x, use = "pairwise")`, with loadings = eigenvector · √eigenvalue signed so that their
 * sum is not negative (`if (sum(loadings) < 0) loadings <- -loadings`); then
 * `keys <- 1 - 2 * (p1$loadings < 0)`: an item is flagged when its loading is negative.
 *
 * Where psych stops (a correlation that is NA, from a constant item or a pair never answered
 * together), the items with the most undefined correlations are set aside one by one and the
 * rest are checked. When the loadings sum to zero (two items correlating negatively), the sign
 * is arbitrary; here the first item is then taken as positive.
 */

import { leadingEigenpair } from '../../stats/leading-eigenpair.js';
import { PairwiseCoMoments } from '../../stats/pairwise-co-moments.js';
import type { Codebook } from '../codebook.js';
import { INVALID, ratedItemCoder } from '../cell-coders.js';

export interface ReverseCheck {
  /** Items flagged: a negative loading on the first principal component. */
  reverse: string[];
  /** Items left out of the check (an undefined correlation). */
  unchecked: string[];
  /** First-component loadings of the checked items, in item order. */
  loadings: Record<string, number>;
}

/** Indices of the items checked (correlations all defined) among `k`, setting aside the worst items first. */
export function definedItems(r: Float64Array, k: number): number[] {
  let kept = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    const undefinedCount = kept.map((i) => kept.filter((j) => !Number.isFinite(r[i * k + j])).length);
    const worst = Math.max(0, ...undefinedCount);
    if (worst === 0) return kept;
    const drop = kept[undefinedCount.indexOf(worst)];
    kept = kept.filter((i) => i !== drop);
  }
}

/** First-principal-component loadings of a k × k correlation matrix (row-major), signed as psych signs them. */
export function firstComponentLoadings(r: Float64Array, k: number): Float64Array {
  const { value, vector } = leadingEigenpair(r, k);
  const scale = Math.sqrt(Math.max(value, Number.EPSILON));
  const loadings = vector.map((v) => v * scale);
  let sum = 0;
  for (const l of loadings) sum += l;
  const tie = Math.abs(sum) <= 1e-9 * k;
  if ((tie && loadings[0] < 0) || (!tie && sum < 0)) for (let i = 0; i < k; i++) loadings[i] = -loadings[i];
  return loadings;
}

/** The check on a correlation matrix of the named items. */
export function checkKeys(r: Float64Array, items: string[]): ReverseCheck {
  const k = items.length;
  const kept = definedItems(r, k);
  const unchecked = items.filter((_, i) => !kept.includes(i));
  if (kept.length < 2) return { reverse: [], unchecked: items, loadings: {} };
  const sub = new Float64Array(kept.length * kept.length);
  kept.forEach((i, a) => kept.forEach((j, b) => (sub[a * kept.length + b] = r[i * k + j])));
  const loadings = firstComponentLoadings(sub, kept.length);
  const named: Record<string, number> = {};
  kept.forEach((i, a) => (named[items[i]] = loadings[a]));
  return { reverse: kept.filter((_, a) => loadings[a] < 0).map((i) => items[i]), unchecked, loadings: named };
}

/**
 * The check for every rated scale of a codebook (keyed scales have a direction already), on
 * rows of cell texts with columns named by `columns`: each item coded by the scale's responses
 * and range (missing, out-of-range and unknown cells are left out, pairwise).
 */
export function suggestReverseKeys(codebook: Codebook, columns: string[], rows: string[][]): Map<string, ReverseCheck> {
  const missing = new Set(codebook.missing);
  const checks = new Map<string, ReverseCheck>();
  for (const scale of codebook.scales) {
    if (scale.key !== null || scale.items.length < 2) continue;
    const at = scale.items.map((item) => columns.indexOf(item));
    if (at.some((i) => i < 0)) continue;
    const coders = scale.items.map(() => ratedItemCoder(scale.responses, scale.range, missing));
    const moments = new PairwiseCoMoments(scale.items.length);
    const y = new Float64Array(scale.items.length);
    for (const row of rows) {
      for (let i = 0; i < at.length; i++) {
        const code = coders[i](row[at[i]] ?? '');
        y[i] = code === INVALID ? Number.NaN : code;
      }
      moments.add(y);
    }
    checks.set(scale.id, checkKeys(moments.correlation(), scale.items));
  }
  return checks;
}
