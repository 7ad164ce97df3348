import erfc from '@stdlib/math-base-special-erfc';

/**
 * Standard normal distribution function Φ(x) = erfc(−x/√2)/2, accurate to a few ulps in both
 * tails (no 1 − Φ cancellation for x < 0); Φ(−∞) = 0, Φ(∞) = 1.
 *
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}
