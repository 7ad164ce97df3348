/**
 * Design-based (Taylor linearisation) variance of a domain proportion p = Σx / Σm in a
 * one-stage cluster sample drawn with replacement, equal weights (no strata, no fpc):
 *
 *   z_c = (x_c − p · m_c) / m,   V(p) = C/(C − 1) · Σ_c (z_c − z̄)²,   z̄ = Σ_c z_c / C
 *
 * where x_c and m_c are the positive and non-missing answers of the domain in cluster c,
 * m = Σ m_c, and C counts every cluster of the whole design, including clusters with no
 * answer in the domain (their z_c is 0). This is R survey's `svymean` on
 * `subset(svydesign(ids = ~cluster, data = d), <domain>)`: `subset` keeps the design's number
 * of PSUs for the C/(C − 1) factor (`onestrat` pads the missing clusters with zeros), while
 * `degf()` of the subset counts only the clusters with rows in the domain (see
 * `designDegreesOfFreedom`). Sampling weights are not supported: every respondent weighs 1.
 *
 * `positives[i]` and `answered[i]` are one cluster's counts (clusters absent from the arrays
 * count as zeros). Returns null when the design has fewer than 2 clusters (R stops with
 * "only one PSU") or the domain has no answer.
 *
 * @example clusterProportionVariance([1, 2, 0], [2, 2, 2], 3) // p = 0.5, z = [0, 1/6, −1/6]: 3/2 · 2/36 = 0.0833…
 */
export function clusterProportionVariance(positives: ArrayLike<number>, answered: ArrayLike<number>, designClusters: number): number | null {
  if (designClusters < 2) return null;
  let x = 0;
  let m = 0;
  for (let i = 0; i < answered.length; i++) {
    x += positives[i];
    m += answered[i];
  }
  if (m === 0) return null;
  // z_c = (x_c · m − x · m_c) / m²: the numerator is an exact integer for integer counts, so a
  // domain inside one cluster gets a variance of exactly 0.
  const m2 = m * m;
  let sum = 0;
  for (let i = 0; i < answered.length; i++) sum += positives[i] * m - x * answered[i];
  const mean = sum / m2 / designClusters;
  let ss = 0;
  for (let i = 0; i < answered.length; i++) {
    const z = (positives[i] * m - x * answered[i]) / m2 - mean;
    ss += z * z;
  }
  ss += (designClusters - answered.length) * mean * mean;
  return (designClusters / (designClusters - 1)) * ss;
}

/**
 * Degrees of freedom of a domain estimate: the clusters with at least one answer in the
 * domain, minus 1 (R survey `degf()` of the subset design, which `svyciprop` uses). Never
 * below 0.
 */
export function designDegreesOfFreedom(domainClusters: number): number {
  return Math.max(0, domainClusters - 1);
}
