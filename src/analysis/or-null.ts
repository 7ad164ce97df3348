/** A finite number as it is; NaN or ±Infinity (an undefined figure) as null, as the Report shows it. */
export function orNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
