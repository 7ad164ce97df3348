/**
 * Minimises a smooth f(x) over the box lo ≤ x ≤ hi by a projected BFGS method (an active-set
 * quasi-Newton method; Bertsekas 1982, "Projected Newton methods for optimization problems with
 * simple constraints", SIAM J. Control Optim. 20: 221-246; Nocedal & Wright, Numerical
 * Optimization, 2nd ed., §6.1 and §16.7): a coordinate at a bound whose gradient points out of
 * the box is held there; the others take the BFGS step d = −H g (H the inverse-Hessian
 * estimate, reset to a scaled identity when the held set changes or d is not a descent
 * direction), projected onto the box, with Armijo backtracking
 *   f(P(x + t d)) ≤ f(x) + 1e-4 · gᵀ(P(x + t d) − x).
 * Converged when the projected gradient (g with held coordinates zeroed) is below `gtol` in
 * every coordinate, or, while it is below 1e-6, when no step lowers f any more or three steps in
 * a row lower it by less than 1e-15 · max(1, |f|) (rounding).
 * This is the problem psych hands to R's optim(method = "L-BFGS-B", lower, upper); it is
 * solved here to the stationary point, where L-BFGS-B stops at its relative-reduction test.
 */
export function boxQuasiNewton(
  fg: (x: Float64Array) => { f: number; g: Float64Array },
  start: Float64Array,
  lo: number,
  hi: number,
  options: { maxIterations?: number; gtol?: number } = {},
): { x: Float64Array; f: number; iterations: number; converged: boolean } {
  const maxIterations = options.maxIterations ?? 2000;
  const gtol = options.gtol ?? 1e-9;
  const n = start.length;
  const x = Float64Array.from(start, (v) => Math.min(hi, Math.max(lo, v)));
  let { f, g } = fg(x);
  const h = new Float64Array(n * n);
  let heldKey = '';
  let fresh = true;
  let needsScale = true;
  let stalled = 0;
  const held = new Uint8Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let largest = 0;
    for (let i = 0; i < n; i++) {
      held[i] = (x[i] <= lo && g[i] > 0) || (x[i] >= hi && g[i] < 0) ? 1 : 0;
      if (!held[i]) largest = Math.max(largest, Math.abs(g[i]));
    }
    if (!(largest > gtol)) return { x, f, iterations: iteration, converged: Number.isFinite(f) };
    const key = held.join('');
    if (key !== heldKey || fresh) {
      resetIdentity(h, n, 1);
      needsScale = true;
      heldKey = key;
      fresh = false;
    }
    const d = new Float64Array(n);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      if (held[i]) continue;
      let s = 0;
      for (let j = 0; j < n; j++) if (!held[j]) s -= h[i * n + j] * g[j];
      d[i] = s;
      slope += s * g[i];
    }
    if (!(slope < 0)) {
      resetIdentity(h, n, 1);
      needsScale = true;
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = held[i] ? 0 : -g[i];
        slope += d[i] * g[i];
      }
    }
    let t = 1;
    let accepted = false;
    let next = x;
    let nf = f;
    let ng = g;
    for (let back = 0; back < 60; back++) {
      const trial = new Float64Array(n);
      let decrease = 0;
      for (let i = 0; i < n; i++) {
        trial[i] = Math.min(hi, Math.max(lo, x[i] + t * d[i]));
        decrease += g[i] * (trial[i] - x[i]);
      }
      const out = fg(trial);
      if (Number.isFinite(out.f) && out.f <= f + 1e-4 * decrease) {
        next = trial;
        nf = out.f;
        ng = out.g;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) return { x, f, iterations: iteration, converged: largest < 1e-6 };
    // BFGS update of the inverse Hessian over the free coordinates.
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      if (held[i]) continue;
      s[i] = next[i] - x[i];
      y[i] = ng[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    if (sy > 1e-14 * Math.sqrt(yy) * Math.hypot(...s)) {
      if (needsScale) {
        // First update after a reset: scale the identity by sᵀy / yᵀy (Nocedal & Wright 6.20).
        resetIdentity(h, n, sy / yy);
        needsScale = false;
      }
      const hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += h[i * n + j] * y[j];
        hy[i] = v;
      }
      let yhy = 0;
      for (let i = 0; i < n; i++) yhy += y[i] * hy[i];
      const rho = 1 / sy;
      const c = (1 + rho * yhy) * rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) h[i * n + j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
      }
    }
    // Progress below rounding for three steps in a row: as far as f can tell, this is the minimum.
    stalled = f - nf <= 1e-15 * Math.max(1, Math.abs(f)) ? stalled + 1 : 0;
    x.set(next);
    f = nf;
    g = ng;
    if (stalled >= 3 && largest < 1e-6) return { x, f, iterations: iteration + 1, converged: true };
  }
  return { x, f, iterations: maxIterations, converged: false };
}

function resetIdentity(h: Float64Array, n: number, scale: number): void {
  h.fill(0);
  for (let i = 0; i < n; i++) h[i * n + i] = scale;
}
