/**
 * R's optimize(f, c(lower, upper), tol = tol): Brent's (1973) golden-section search with
 * parabolic interpolation, transcribed from Brent_fmin in R's src/library/stats/src/optimize.c
 * (a translation of Netlib's fmin.f), so that it visits the same points as R and stops where R
 * stops, within about 2·(√eps·|x| + tol/3) of the minimum. As R's fcn1, a non-finite f(x)
 * counts as the largest double. The default tol is R's, .Machine$double.eps^0.25.
 *
 * @example brentMinimize((x) => (x - 0.3) ** 2, -1, 1).minimum // 0.3 (to ~1e-5)
 */
export function brentMinimize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = R_OPTIMIZE_TOL,
): { minimum: number; objective: number; evaluations: number } {
  const c = (3 - Math.sqrt(5)) * 0.5;
  const eps = Math.sqrt(Number.EPSILON);
  let evaluations = 0;
  const fn = (x: number): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  let a = lower;
  let b = upper;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = fn(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      // fit a parabola
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      // a golden-section step
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      // a parabolic-interpolation step
      d = p / q;
      u = x + d;
      // f must not be evaluated too close to a or b
      if (u - a < t2 || b - u < t2) {
        d = tol1;
        if (x >= xm) d = -d;
      }
    }
    // f must not be evaluated too close to x
    if (Math.abs(d) >= tol1) u = x + d;
    else if (d > 0) u = x + tol1;
    else u = x - tol1;
    const fu = fn(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  // R's optimize returns objective = f(xmin), evaluated once more.
  return { minimum: x, objective: f(x), evaluations };
}

/** R's default tolerance of optimize(): .Machine$double.eps^0.25 = 2^-13. */
export const R_OPTIMIZE_TOL = Math.pow(Number.EPSILON, 0.25);
