import { choleskyFactor, choleskySolve } from '../cholesky.js';
import { chiSquareUpperTail } from '../association/chi-square-upper-tail.js';
import { corSmooth } from '../cor-smooth.js';
import type { FactorWarning } from './factor-solution.js';
import { rmseaWithInterval, type Rmsea } from './rmsea.js';

export interface FactorFitOptions {
  /** Number of respondents (psych `n.obs`); without it the likelihood-based figures are null. */
  n?: number;
  /**
   * Pairwise counts (k × k, psych `np.obs = pairwiseCount(x)`), as psych uses whenever fa is
   * given raw data: the empirical figures (chi, rms, crms, fit.off) then weight each residual by
   * its count and use their harmonic mean. Without it every pair counts n.
   */
  pairwiseN?: Float64Array;
  /** Factor correlations Φ (m × m) of an oblique solution; the model is ΛΦΛᵀ. */
  phi?: Float64Array;
  /** psych fa's `alpha`: the RMSEA interval is at level 1 − alpha (default .1: 90%). */
  alpha?: number;
}

/** The fit figures psych prints for fa (psych factor.stats). Null where psych has NA or no figure. */
export interface FactorFit {
  /** Model degrees of freedom k(k − 1)/2 − km + m(m − 1)/2 (psych `dof`). */
  df: number;
  /** ML discrepancy of the model, tr(M⁻¹R) − ln det(M⁻¹R) − k (psych `objective`). */
  objective: number;
  /** Likelihood chi-square (n − 1 − (2k + 5)/6 − 2m/3) · objective, clamped at 0 (psych `STATISTIC`). */
  chiSquare: number | null;
  pValue: number | null;
  /** Null model: objective tr(R) − ln det R − k, df k(k − 1)/2, chi-square (n − 1 − (2k + 5)/6) · objective. */
  nullObjective: number;
  nullDf: number;
  nullChiSquare: number | null;
  /** Tucker-Lewis index (M0 − Mm)/(M0 − 1/nm), Mm = objective/df, M0 = null objective/null df. */
  tli: number | null;
  rmsea: Rmsea | null;
  /** chiSquare − df ln n and chiSquare − df ln((n + 2)/24) (psych `BIC`, `SABIC`). */
  bic: number | null;
  sabic: number | null;
  /** Root mean square of the off-diagonal residuals √(Σ_{i≠j} e_ij² / (k(k − 1))) (psych `rms`). */
  rms: number;
  /** √(Σ_{i≠j} e_ij² / (2 df)) (psych `crms`); null when df ≤ 0. */
  crms: number | null;
  /** Empirical chi-square Σ_{i≠j} e_ij² · n_ij (psych `chi`), its p on df, and psych `EBIC`, `ESABIC`. */
  empiricalChiSquare: number | null;
  empiricalPValue: number | null;
  empiricalBic: number | null;
  empiricalSabic: number | null;
  /** Harmonic mean of the pairwise counts (psych `nh`), or n. */
  harmonicN: number | null;
  /** 1 − Σ e_ij² / Σ r_ij² over all cells (psych `fit`) and over the off-diagonal cells (`fit.off`). */
  fit: number;
  fitOff: number;
  /** Hoffman's item complexity (Σ_f λ_if²)² / Σ_f λ_if⁴ (psych `complexity`), of the loadings given. */
  complexity: Float64Array;
  warnings: FactorWarning[];
}

/**
 * Fit of the factor model Λ (k × m row-major, optionally with Φ) to the correlation matrix R,
 * every figure as psych 2.2.9 factor.stats computes it (psych fa's printed "Test of the
 * hypothesis that m factors are sufficient" block). Residual E = R − ΛΦΛᵀ. The objective
 * uses the model with unit diagonal, M, and R, both smoothed by cor.smooth when not positive
 * definite (psych smooth = TRUE), with ln det from Cholesky factors. The TLI is null when not
 * finite (df = 0); the RMSEA, BIC, p-values and crms need df > 0, the likelihood figures n.
 * O(k³).
 */
export function factorFit(r: Float64Array, k: number, loadings: Float64Array, m: number, options: FactorFitOptions = {}): FactorFit {
  const { n, pairwiseN, phi } = options;
  const alpha = options.alpha ?? 0.1;
  const warnings: FactorWarning[] = [];
  const model = new Float64Array(k * k);
  const lp = new Float64Array(k * m);
  for (let i = 0; i < k; i++) {
    for (let f = 0; f < m; f++) {
      let s = 0;
      if (phi) for (let g = 0; g < m; g++) s += loadings[i * m + g] * phi[g * m + f];
      else s = loadings[i * m + f];
      lp[i * m + f] = s;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let f = 0; f < m; f++) s += lp[i * m + f] * loadings[j * m + f];
      model[i * k + j] = s;
    }
  }
  const df = (k * (k - 1)) / 2 - k * m + (m * (m - 1)) / 2;
  let r2 = 0;
  let rstar2 = 0;
  let trace = 0;
  let rstarOff = 0;
  let r2Off = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const e = r[i * k + j] - model[i * k + j];
      r2 += r[i * k + j] ** 2;
      rstar2 += e * e;
      if (i === j) {
        trace += r[i * k + i];
        continue;
      }
      const w = pairwiseN ? pairwiseN[i * k + j] : 1;
      rstarOff += e * e * w;
      r2Off += r[i * k + j] ** 2 * w;
    }
  }
  // psych: without np.obs, r2.off = Σ r² − tr(R) (the diagonal of a correlation matrix is 1).
  if (!pairwiseN) r2Off = r2 - trace;
  let harmonicN: number | null = n ?? null;
  let rms: number;
  let crms: number | null = null;
  let empiricalChiSquare: number | null = null;
  if (pairwiseN) {
    let inv = 0;
    for (const c of pairwiseN) inv += 1 / c;
    harmonicN = pairwiseN.length / inv;
    empiricalChiSquare = rstarOff;
    rms = Math.sqrt(rstarOff / (harmonicN * k * (k - 1)));
    if (df > 0) crms = Math.sqrt(rstarOff / (2 * harmonicN * df));
  } else {
    rms = Math.sqrt(rstarOff / (k * (k - 1)));
    if (df > 0) crms = Math.sqrt(rstarOff / (2 * df));
    if (n !== undefined) empiricalChiSquare = rstarOff * n;
  }
  let empiricalPValue: number | null = null;
  let empiricalBic: number | null = null;
  let empiricalSabic: number | null = null;
  if (empiricalChiSquare !== null && harmonicN !== null && df > 0) {
    empiricalPValue = chiSquareUpperTail(empiricalChiSquare, df);
    empiricalBic = empiricalChiSquare - df * Math.log(harmonicN);
    empiricalSabic = empiricalChiSquare - df * Math.log((harmonicN + 2) / 24);
  }
  const complexity = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s2 = 0;
    let s4 = 0;
    for (let f = 0; f < m; f++) {
      s2 += loadings[i * m + f] ** 2;
      s4 += loadings[i * m + f] ** 4;
    }
    complexity[i] = (s2 * s2) / s4;
  }

  // Likelihood discrepancies, on smoothed matrices.
  for (let i = 0; i < k; i++) model[i * k + i] = r[i * k + i];
  const smoothModel = corSmooth(model, k);
  const smoothR = corSmooth(r, k);
  if (smoothModel.smoothed) warnings.push({ code: 'smoothed', message: 'the model matrix was not positive definite and was smoothed (psych cor.smooth)' });
  if (smoothR.smoothed) warnings.push({ code: 'smoothed', message: 'the correlation matrix was not positive definite and was smoothed (psych cor.smooth)' });
  const lm = choleskyFactor(smoothModel.matrix, k);
  const lr = choleskyFactor(smoothR.matrix, k);
  let objective: number;
  let nullObjective: number;
  if (lm && lr) {
    // tr(M⁻¹R) = Σ_j (M⁻¹ r_j)_j, r_j the columns of R.
    let tr = 0;
    for (let j = 0; j < k; j++) tr += choleskySolve(lm, smoothR.matrix.subarray(j * k, (j + 1) * k), k)[j];
    let logDetM = 0;
    let logDetR = 0;
    let trR = 0;
    for (let i = 0; i < k; i++) {
      logDetM += 2 * Math.log(lm[i * k + i]);
      logDetR += 2 * Math.log(lr[i * k + i]);
      trR += smoothR.matrix[i * k + i];
    }
    objective = tr - (logDetR - logDetM) - k;
    nullObjective = trR - logDetR - k;
  } else {
    // psych: a zero determinant makes the objective the residual sum of squares, the null r².
    warnings.push({ code: 'undefined-figure', message: 'a determinant is zero: the chi-square is based on the observed residuals' });
    objective = rstar2;
    nullObjective = r2;
  }
  const nullDf = (k * (k - 1)) / 2;
  let chiSquare: number | null = null;
  let pValue: number | null = null;
  let nullChiSquare: number | null = null;
  let tli: number | null = null;
  let rmsea: Rmsea | null = null;
  let bic: number | null = null;
  let sabic: number | null = null;
  if (n !== undefined) {
    const factor = n - 1 - (2 * k + 5) / 6 - (2 * m) / 3;
    const raw = objective * factor;
    chiSquare = raw < 0 ? 0 : raw;
    if (df > 0) pValue = chiSquareUpperTail(chiSquare, df);
    nullChiSquare = nullObjective * (n - 1 - (2 * k + 5) / 6);
    const mm = objective / df;
    const m0 = (nullObjective * 2) / (k * (k - 1));
    const t = (m0 - mm) / (m0 - 1 / factor);
    tli = Number.isFinite(t) ? t : null;
    if (df > 0) {
      rmsea = rmseaWithInterval(raw, chiSquare, df, n, alpha);
      bic = raw - df * Math.log(n);
      sabic = raw - df * Math.log((n + 2) / 24);
    }
  }
  return {
    df,
    objective,
    chiSquare,
    pValue,
    nullObjective,
    nullDf,
    nullChiSquare,
    tli,
    rmsea,
    bic,
    sabic,
    rms,
    crms,
    empiricalChiSquare,
    empiricalPValue,
    empiricalBic,
    empiricalSabic,
    harmonicN,
    fit: 1 - rstar2 / r2,
    fitOff: 1 - rstarOff / r2Off,
    complexity,
    warnings,
  };
}
