/**
 * The signal-to-noise ratio of a scale, psych::alpha `S/N` (Cronbach & Gleser 1964):
 *   S/N = k r̄ / (1 - r̄)
 * with r̄ the average inter-item correlation, so that standardized alpha = S/N / (1 + S/N).
 * NaN when r̄ is undefined or 1 (every item the same: the noise is 0).
 *
 * @example signalToNoise(0.3, 10) // 10 · .3 / .7 = 4.285714
 */
export function signalToNoise(averageR: number, k: number): number {
  if (!Number.isFinite(averageR) || averageR >= 1) return Number.NaN;
  return (k * averageR) / (1 - averageR);
}
