export interface ItemAssignment {
  /** For each item, the factor (0-based) with the largest absolute loading (the first on ties). */
  factor: Int32Array;
  /** That loading, signed. */
  loading: Float64Array;
}

/**
 * Assigns each item to the factor it loads most on: argmax_f |Λ_if| (first on ties, as R's
 * which.max; psych fa.sort's and factor2cluster's rule). Λ is k × m row-major.
 */
export function assignItems(loadings: Float64Array, k: number, m: number): ItemAssignment {
  const factor = new Int32Array(k);
  const loading = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let best = 0;
    for (let f = 1; f < m; f++) if (Math.abs(loadings[i * m + f]) > Math.abs(loadings[i * m + best])) best = f;
    factor[i] = best;
    loading[i] = loadings[i * m + best];
  }
  return { factor, loading };
}

export interface ScaleComparison {
  /** For each scale (in first-appearance order), the factor most of its items load most on. */
  scales: { scale: string; factor: number; items: number; onFactor: number }[];
  /** Items whose own factor is not their scale's factor: "items that load most on another factor". */
  misplaced: { item: number; scale: string; scaleFactor: number; factor: number; loading: number }[];
}

/**
 * Compares an item → factor assignment with an item → scale mapping (`scales[i]` the scale of
 * item i, null for an item in no scale): each scale's factor is the one most of its items are
 * assigned to (ties: the larger sum of |loadings| of those items, then the lower factor), and
 * an item is misplaced when its factor differs from its scale's.
 */
export function compareWithScales(assignment: ItemAssignment, scales: (string | null)[], m: number): ScaleComparison {
  const names: string[] = [];
  for (const s of scales) if (s !== null && !names.includes(s)) names.push(s);
  const result: ScaleComparison = { scales: [], misplaced: [] };
  const scaleFactor = new Map<string, number>();
  for (const name of names) {
    const counts = new Float64Array(m);
    const weight = new Float64Array(m);
    let items = 0;
    scales.forEach((s, i) => {
      if (s !== name) return;
      items++;
      counts[assignment.factor[i]]++;
      weight[assignment.factor[i]] += Math.abs(assignment.loading[i]);
    });
    let best = 0;
    for (let f = 1; f < m; f++) {
      if (counts[f] > counts[best] || (counts[f] === counts[best] && weight[f] > weight[best])) best = f;
    }
    scaleFactor.set(name, best);
    result.scales.push({ scale: name, factor: best, items, onFactor: counts[best] });
  }
  scales.forEach((s, i) => {
    if (s === null) return;
    const f = scaleFactor.get(s) as number;
    if (assignment.factor[i] !== f) {
      result.misplaced.push({ item: i, scale: s, scaleFactor: f, factor: assignment.factor[i], loading: assignment.loading[i] });
    }
  });
  return result;
}
