/**
 * Eigen-decomposition of a real symmetric matrix: Householder reduction to tridiagonal form
 * followed by the implicit QL method with Wilkinson shifts, the EISPACK routines `tred2` and
 * `tql2` (Bowdler, Martin, Reinsch & Wilkinson, Numer. Math. 11 (1968) 293-306; Smith et al.,
 * Matrix Eigensystem Routines - EISPACK Guide, 1976) in the form of the public-domain JAMA
 * package (`EigenvalueDecomposition`, MathWorks & NIST). About 9k³ flops (1000 × 1000 in
 * 1 to 3 s), backward stable: the result is exact for a matrix within a small multiple of
 * eps · ‖A‖ of A. Two departures from JAMA, both for robustness at extreme scales: A is
 * first scaled by a power of two, and tql2's negligibility test uses the whole tridiagonal
 * matrix's norm (see tridiagonalQl).
 * Hand-written instead of mathjs `eigs` because importing mathjs costs about 0.9 s of start-up.
 *
 * The working matrix is held transposed (row j = column j of JAMA's V), so that every inner
 * loop, including the QL rotations of the eigenvectors, walks memory contiguously.
 *
 * Returns eigenvalues in decreasing order and the matching unit eigenvectors as the columns
 * of a row-major k × k matrix (vector j is vectors[i * k + j], i = 0..k-1), each signed so
 * that its component of largest magnitude (the first such) is positive. Only the lower
 * triangle of `a` is read. Throws a RangeError on a non-finite cell.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2)
 * // values [3, 1]; vectors [[√½, √½], [√½, -√½]] as columns: Float64Array [√½, √½, √½, -√½]
 */
export function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  let largest = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const x = a[i * k + j];
      if (!Number.isFinite(x)) throw new RangeError('symmetricEigen: the matrix has a non-finite cell');
      largest = Math.max(largest, Math.abs(x));
    }
  }
  // Work on 2^-e A with its largest cell in [1, 2): exact, and it keeps the rotations of
  // the QL step clear of subnormal numbers (whose rounding would break c² + s² = 1).
  const exponent = largest > 0 ? Math.floor(Math.log2(largest)) : 0;
  const w = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const x = timesPowerOfTwo(a[i * k + j], -exponent);
      w[i * k + j] = x;
      w[j * k + i] = x;
    }
  }
  const d = new Float64Array(k);
  const e = new Float64Array(k);
  if (k > 0) {
    householderTridiagonal(w, d, e, k);
    tridiagonalQl(w, d, e, k);
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => d[y] - d[x]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((from, to) => {
    values[to] = timesPowerOfTwo(d[from], exponent);
    const row = from * k;
    let big = 0;
    for (let r = 0; r < k; r++) if (Math.abs(w[row + r]) > Math.abs(big)) big = w[row + r];
    const sign = big < 0 ? -1 : 1;
    for (let r = 0; r < k; r++) vectors[r * k + to] = sign * w[row + r];
  });
  return { values, vectors };
}

/** x · 2^p in two exact steps, so that 2^p itself need not be representable (|p| up to 2098). */
function timesPowerOfTwo(x: number, p: number): number {
  const half = Math.trunc(p / 2);
  return x * 2 ** half * 2 ** (p - half);
}

/**
 * tred2: reduces the symmetric matrix held in `w` (transposed JAMA V: w[j * k + i] = V[i][j])
 * to tridiagonal form by Householder similarity transformations, accumulating them. On return
 * d holds the diagonal, e the subdiagonal in e[1..k-1] (e[0] = 0), and row j of w the j-th
 * column of the orthogonal transformation.
 */
function householderTridiagonal(w: Float64Array, d: Float64Array, e: Float64Array, k: number): void {
  const n = k;
  for (let j = 0; j < n; j++) d[j] = w[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let p = 0; p < i; p++) scale += Math.abs(d[p]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = w[j * n + i - 1];
        w[j * n + i] = 0;
        w[i * n + j] = 0;
      }
    } else {
      for (let p = 0; p < i; p++) {
        d[p] /= scale;
        h += d[p] * d[p];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        const row = j * n;
        f = d[j];
        w[i * n + j] = f;
        g = e[j] + w[row + j] * f;
        for (let p = j + 1; p <= i - 1; p++) {
          const v = w[row + p];
          g += v * d[p];
          e[p] += v * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        const row = j * n;
        f = d[j];
        g = e[j];
        for (let p = j; p <= i - 1; p++) w[row + p] -= f * e[p] + g * d[p];
        d[j] = w[row + i - 1];
        w[row + i] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    const next = (i + 1) * n;
    w[i * n + n - 1] = w[i * n + i];
    w[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let p = 0; p <= i; p++) d[p] = w[next + p] / h;
      for (let j = 0; j <= i; j++) {
        const row = j * n;
        let g = 0;
        for (let p = 0; p <= i; p++) g += w[next + p] * w[row + p];
        for (let p = 0; p <= i; p++) w[row + p] -= g * d[p];
      }
    }
    for (let p = 0; p <= i; p++) w[next + p] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = w[j * n + n - 1];
    w[j * n + n - 1] = 0;
  }
  w[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** QL iterations allowed in all, 30 per eigenvalue on average (LAPACK dsteqr's budget). */
const QL_ITERATIONS_PER_EIGENVALUE = 30;

/**
 * tql2: eigenvalues and eigenvectors of the symmetric tridiagonal matrix (d, e) from
 * householderTridiagonal by the implicit QL method, applying every rotation to the rows of w.
 * On return d holds the eigenvalues (unsorted) and row j of w the eigenvector of d[j].
 */
function tridiagonalQl(w: Float64Array, d: Float64Array, e: Float64Array, k: number): void {
  const n = k;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  // A subdiagonal cell counts as zero when below eps · max_i (|d_i| + |e_i|), the norm of the
  // whole tridiagonal matrix (JAMA grows this maximum as l advances; taking it whole from the
  // start keeps a negligible e_l from being rotated against a zero d_l, where p = (d_l+1 - d_l)
  // / 2e_l could overflow).
  let tst1 = 0;
  for (let i = 0; i < n; i++) tst1 = Math.max(tst1, Math.abs(d[i]) + Math.abs(e[i]));
  let budget = QL_ITERATIONS_PER_EIGENVALUE * n;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    let m = l;
    while (m < n - 1 && !(Math.abs(e[m]) <= eps * tst1)) m++;
    if (m > l) {
      do {
        if (--budget < 0) throw new RangeError('symmetricEigen: the QL iteration did not converge');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          const lo = i * n;
          const hi = lo + n;
          for (let q = 0; q < n; q++) {
            const vh = w[hi + q];
            const vl = w[lo + q];
            w[hi + q] = s * vl + c * vh;
            w[lo + q] = c * vl - s * vh;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}
