/** The (k-1) × (k-1) matrix `a` without row and column `drop` (R's `a[-i, -i]`). */
export function withoutItem(a: Float64Array, k: number, drop: number): Float64Array {
  const m = k - 1;
  const out = new Float64Array(m * m);
  let p = 0;
  for (let i = 0; i < k; i++) {
    if (i === drop) continue;
    for (let j = 0; j < k; j++) if (j !== drop) out[p++] = a[i * k + j];
  }
  return out;
}
