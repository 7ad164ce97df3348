import type { Accumulators } from '../accumulate.js';
import { mergeInvalidTallies } from '../invalid-tallies.js';
import type { RangeResult } from './range-job.js';

/**
 * The second range's pass into the first's, as if one pass had read both: counts add, first
 * occurrences and first-met orders are the first range's before the second's, and moments
 * merge by Chan, Golub & LeVeque (each accumulator's `merge`). `other` may be a structured
 * clone (a worker's): the merges read only its fields.
 */
export function mergeAccumulators(into: Accumulators, other: RangeResult): void {
  into.rows += other.rows;
  into.filter.mergeCounts(other.filter);
  into.unmatched.merge(other.unmatched);
  into.ids.merge(other.ids);
  into.scales.forEach((scale, s) => scale.merge(other.scales[s]));
  into.scores.merge(other.scores);
  into.prevalence.merge(other.prevalence);
  mergeInvalidTallies(into.invalid, other.invalid);
}
