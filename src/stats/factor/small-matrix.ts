/**
 * Dense row-major matrices for the rotation and Schmid-Leiman code: a loadings matrix is
 * k items × m factors, the rotation matrices m × m (m is small, typically 2 to 8), so plain
 * triple loops are the right tool. Cell (i, j) is data[i * cols + j].
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const cells = new Float64Array(rows * cols);
  if (data !== undefined) {
    if (data.length !== rows * cols) throw new RangeError(`matrix: ${data.length} cells for ${rows} × ${cols}`);
    cells.set(data);
  }
  return { rows, cols, data: cells };
}

/**
 * A row-major Float64Array of rows × cols, or an array of rows, as a Matrix (a copy).
 * Throws a RangeError when the shape does not match.
 */
export function toMatrix(a: Float64Array | ArrayLike<number> | readonly (readonly number[])[], rows: number, cols: number): Matrix {
  if (a.length > 0 && Array.isArray(a[0])) {
    const nested = a as readonly (readonly number[])[];
    if (nested.length !== rows || nested.some((row) => row.length !== cols)) {
      throw new RangeError(`toMatrix: expected ${rows} rows of ${cols}`);
    }
    const out = matrix(rows, cols);
    nested.forEach((row, i) => out.data.set(row, i * cols));
    return out;
  }
  return matrix(rows, cols, a as ArrayLike<number>);
}

export function identity(n: number): Matrix {
  const out = matrix(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

export function copy(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: Float64Array.from(a.data) };
}

export function transpose(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

/** A B. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows} × ${a.cols} by ${b.rows} × ${b.cols}`);
  const out = matrix(a.rows, b.cols);
  const n = a.cols;
  const p = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let l = 0; l < n; l++) {
      const x = a.data[i * n + l];
      if (x === 0) continue;
      for (let j = 0; j < p; j++) out.data[i * p + j] += x * b.data[l * p + j];
    }
  }
  return out;
}

/** Aᵀ B (R's crossprod). */
export function crossprod(a: Matrix, b: Matrix): Matrix {
  return multiply(transpose(a), b);
}

/**
 * A⁻¹ by Gauss-Jordan elimination with partial pivoting (as LAPACK dgesv, which R's solve()
 * calls, pivots). Returns null when a pivot is exactly zero or the result is not finite
 * (R's solve() then stops with "system is exactly singular").
 */
export function inverse(a: Matrix): Matrix | null {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError('inverse: not square');
  const w = Float64Array.from(a.data);
  const out = identity(n);
  const v = out.data;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(w[r * n + c]) > Math.abs(w[pivot * n + c])) pivot = r;
    if (w[pivot * n + c] === 0 || !Number.isFinite(w[pivot * n + c])) return null;
    if (pivot !== c) {
      for (let j = 0; j < n; j++) {
        [w[c * n + j], w[pivot * n + j]] = [w[pivot * n + j], w[c * n + j]];
        [v[c * n + j], v[pivot * n + j]] = [v[pivot * n + j], v[c * n + j]];
      }
    }
    const d = w[c * n + c];
    for (let j = 0; j < n; j++) {
      w[c * n + j] /= d;
      v[c * n + j] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = w[r * n + c];
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        w[r * n + j] -= f * w[c * n + j];
        v[r * n + j] -= f * v[c * n + j];
      }
    }
  }
  return v.every(Number.isFinite) ? out : null;
}

/** Sum of squares of every cell (the squared Frobenius norm; R's sum(diag(crossprod(A)))). */
export function sumOfSquares(a: Matrix): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return s;
}

/** Column sums. */
export function columnSums(a: Matrix): Float64Array {
  const out = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j] += a.data[i * a.cols + j];
  return out;
}

/** The columns of A in the given order, each times its sign: out[, j] = signs[j] · A[, order[j]]. */
export function reorderColumns(a: Matrix, order: readonly number[], signs?: ArrayLike<number>): Matrix {
  const out = matrix(a.rows, order.length);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < order.length; j++) out.data[i * order.length + j] = (signs?.[j] ?? 1) * a.data[i * a.cols + order[j]];
  }
  return out;
}

/** Rows and columns of a square matrix in the given order and signed: out_ij = s_i s_j A[o_i, o_j]. */
export function reorderSymmetric(a: Matrix, order: readonly number[], signs?: ArrayLike<number>): Matrix {
  const n = order.length;
  const out = matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out.data[i * n + j] = (signs?.[i] ?? 1) * (signs?.[j] ?? 1) * a.data[order[i] * a.cols + order[j]];
  }
  return out;
}
