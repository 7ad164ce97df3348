import type { Scale } from '../codebook/codebook.js';

/** Equal-width bins: bin b covers [from + b·width, from + (b+1)·width). */
export interface HistogramLayout {
  from: number;
  width: number;
  bins: number;
}

/** Most bins of the one-bin-per-possible-value layout; wider ranges get GENERAL_BINS bins. */
const MAX_VALUE_BINS = 41;
const GENERAL_BINS = 20;

/**
 * Histogram bins over the possible range of a scale score: [min, max] of the codes for a mean
 * score, k times that for a (prorated) sum. With integer codes a complete answer gives one of
 * k·(max - min) + 1 equally spaced scores (sum: every integer; mean: steps of 1/k); when there
 * are at most 41 of them, each gets its own bin centred on it (so bins reach half a step past
 * the range). Otherwise the range is cut into 20 equal bins, the last one closed.
 *
 * @example
 * // 4 items coded 1..5, mean score: 17 bins of width 1/4 centred on 1, 1.25, ..., 5
 * scoreHistogramLayout(scale) // { from: 0.875, width: 0.25, bins: 17 }
 */
export function scoreHistogramLayout(scale: Scale): HistogramLayout {
  const k = scale.items.length;
  const [min, max] = scale.range;
  const factor = scale.score === 'sum' ? k : 1;
  const lo = min * factor;
  const hi = max * factor;
  if (!(hi > lo)) return { from: lo - 0.5, width: 1, bins: 1 };
  const steps = k * (max - min);
  if (Number.isInteger(min) && Number.isInteger(max) && steps + 1 <= MAX_VALUE_BINS) {
    const width = (hi - lo) / steps;
    return { from: lo - width / 2, width, bins: steps + 1 };
  }
  return { from: lo, width: (hi - lo) / GENERAL_BINS, bins: GENERAL_BINS };
}

/** Bin of a score (scores outside the range go to the first or last bin). */
export function histogramBin(layout: HistogramLayout, x: number): number {
  const b = Math.floor((x - layout.from) / layout.width);
  return b < 0 ? 0 : b >= layout.bins ? layout.bins - 1 : b;
}
