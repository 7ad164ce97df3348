import { assignItems } from './item-assignment.js';

/** print.psych.fa's `cut` as this tool prints loadings (psych's own default is 0: nothing blanked). */
export const DEFAULT_LOADING_CUT = 0.3;

/**
 * The item order of psych `fa.sort` (and print.psych.fa with sort = TRUE): items grouped by
 * the factor they load most on (|Λ_if| largest, first on ties), groups in factor order, and
 * within a group by decreasing |loading| on that factor (ties keep item order: R's stable sort).
 * Returns the item indices in print order and each item's factor. (psych indexes a group's
 * column by the group's position among the non-empty groups; this uses the group's own factor,
 * which is the same whenever every factor has an item.)
 */
export function sortLoadings(loadings: Float64Array, k: number, m: number): { order: number[]; factor: Int32Array } {
  const { factor } = assignItems(loadings, k, m);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => {
    if (factor[a] !== factor[b]) return factor[a] - factor[b];
    const la = Math.abs(loadings[a * m + factor[a]]);
    const lb = Math.abs(loadings[b * m + factor[b]]);
    return la !== lb ? lb - la : a - b;
  });
  return { order, factor };
}

/** A loading as printed: null (blank) when |loading| < cut (print.psych.fa: `abs(load) < cut`). */
export function cutLoading(loading: number, cut = DEFAULT_LOADING_CUT): number | null {
  return Math.abs(loading) < cut ? null : loading;
}
