/** A two-sided interval for a proportion: finite numbers, lower <= upper. */
export interface Bounds {
  lower: number;
  upper: number;
}

/** [x] clipped to [0, 1]: used only by the methods that statsmodels clips (normal, agresti_coull). */
export function clipToUnit(bounds: Bounds): Bounds {
  return { lower: Math.min(1, Math.max(0, bounds.lower)), upper: Math.min(1, Math.max(0, bounds.upper)) };
}
