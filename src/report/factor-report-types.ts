/**
 * The `factors` command's output: an exploratory factor analysis of every item of the
 * codebook's scales together (psych::fa), with parallel analysis (fa.parallel), Velicer's MAP
 * (vss) and the items set against their scales. Plain data, exactly the JSON the command writes:
 *
 *   {schemaVersion, tool, input, settings, factors: FactorReport, warnings}
 *
 * `input` is the Report's (row accounting included). Matrices are arrays of rows. A figure that
 * is undefined is null (with a warning), never NaN.
 */
import type { InputReport, MissingMethod, SCHEMA_VERSION, Warning } from './report.js';

export type FactorExtractionMethod = 'minres' | 'ml' | 'pa';
export type FactorRotationMethod = 'oblimin' | 'promax' | 'varimax' | 'none';

export interface FactorSettings {
  fm: FactorExtractionMethod;
  /** The rotation asked for (`factors.rotation` is the one applied: psych falls back to promax when oblimin fails). */
  rotation: FactorRotationMethod;
  /** --nfactors, or null (then parallel analysis chose: see `factors.nfactorsFrom`). */
  nfactors: number | null;
  missing: MissingMethod;
  /** Loadings below this (in absolute value) are blank in the human tables; the JSON keeps them all. */
  cut: number;
  /** Seed of the parallel analysis simulation. */
  seed: number;
}

/** One item of the analysis: every item of every scale, once. */
export interface FactorItem {
  id: string;
  /** The scale it is coded and compared by: the first that lists it. */
  scale: string;
  /** Every scale that lists it. */
  scales: string[];
  label: string | null;
  /** Reverse-keyed (min + max - x) in its scale. */
  reversed: boolean;
  /** Scored 0/1 against an answer key. */
  keyed: boolean;
  /** Answered values (listwise: the complete rows), their mean and sd (n - 1). */
  n: number;
  mean: number | null;
  sd: number | null;
}

/** One row of the loadings table, in psych fa.sort order. */
export interface FactorLoadingRow {
  item: string;
  scale: string;
  /** The factor it loads most on (|loading| largest). */
  factor: string;
  /** Pattern loadings, one per factor (in `factors.factors` order). */
  loadings: number[];
  /** Structure loadings P Φ (item-factor correlations); equal to the pattern when orthogonal. */
  structure: number[];
  /** psych h2, u2 (1 - h2) and com (Hoffman's complexity). */
  communality: number;
  uniqueness: number;
  complexity: number | null;
}

/** print.psych's variance accounted for, per factor. */
export interface FactorVariance {
  factor: string;
  /** SS loadings: diag(Φ PᵀP). */
  ssLoadings: number;
  /** SS / k ("Proportion Var") and its running sum ("Cumulative Var"). */
  proportion: number;
  cumulative: number;
  /** SS / Σ SS ("Proportion Explained") and its running sum ("Cumulative Proportion"). */
  proportionExplained: number;
  cumulativeProportion: number;
}

/** The figures psych prints under "Test of the hypothesis that n factors are sufficient" (factor.stats). */
export interface FactorFitReport {
  df: number;
  objective: number | null;
  chiSquare: number | null;
  pValue: number | null;
  nullObjective: number | null;
  nullDf: number;
  nullChiSquare: number | null;
  tli: number | null;
  /** RMSEA and its interval at `level` (psych: 90%). */
  rmsea: { estimate: number | null; lower: number | null; upper: number | null; level: number } | null;
  bic: number | null;
  sabic: number | null;
  /** Root mean square of the residuals (psych rms, "RMSR") and corrected for df (crms). */
  rms: number | null;
  crms: number | null;
  /** Empirical chi-square on the residuals weighted by the pairwise counts (psych chi), p, EBIC, ESABIC. */
  empiricalChiSquare: number | null;
  empiricalPValue: number | null;
  empiricalBic: number | null;
  empiricalSabic: number | null;
  /** Harmonic mean of the pairwise counts (psych nh). */
  harmonicN: number | null;
  fit: number | null;
  fitOff: number | null;
}

/** fa.parallel(x, fa = "both"): observed eigenvalues against those of simulated normal data. */
export interface ParallelReport {
  iterations: number;
  seed: number;
  quantile: number;
  /** Eigenvalues of R (components) and of R with one-factor minres communalities (factors). */
  pcValues: number[];
  faValues: number[];
  pcSimulatedMean: number[];
  faSimulatedMean: number[];
  pcSimulatedQuantile: number[];
  faSimulatedQuantile: number[];
  /** Suggested numbers (psych ncomp, nfact); null when every observed value is above its threshold. */
  components: number | null;
  factors: number | null;
}

/** Velicer's MAP as vss() computes it: values[m] after removing m components, m = 0..maxComponents. */
export interface MapReport {
  maxComponents: number;
  values: (number | null)[];
  /** The m ≥ 1 with the smallest value (psych which.min(map)). */
  minimum: number | null;
}

/** One item set against its scale: the factor it loads most on and the factor most of its scale's items load most on. */
export interface FactorAssignmentRow {
  item: string;
  scale: string;
  factor: string;
  loading: number;
  scaleFactor: string;
  /** The item loads most on a factor other than its scale's. */
  misplaced: boolean;
}

export interface ScaleFactorRow {
  scale: string;
  /** The factor most of the scale's items load most on (ties: the larger sum of |loadings|). */
  factor: string;
  items: number;
  onFactor: number;
}

export interface FactorReport {
  /** Every item of every scale once, in codebook order. */
  items: FactorItem[];
  /** Number of items. */
  k: number;
  /** psych n.obs: complete rows (listwise), or every row analysed (pairwise, as psych fa on raw data). */
  n: number;
  /** Harmonic mean of the pairwise counts (psych nh; n when listwise). */
  harmonicN: number;
  missing: MissingMethod;
  fm: FactorExtractionMethod;
  /** The rotation applied (as asked, or promax when oblimin failed; none for one factor). */
  rotation: FactorRotationMethod;
  nfactors: number;
  /** 'option': --nfactors; 'parallel-analysis': the factors it suggests; 'default': 1, as it suggests none. */
  nfactorsFrom: 'option' | 'parallel-analysis' | 'default';
  /** Factor names as psych gives them (MR1, ML2, PA3: the unrotated factor's number), in reported order. */
  factors: string[];
  loadings: FactorLoadingRow[];
  variance: FactorVariance[];
  /** Factor correlations (oblique rotations); null when orthogonal. */
  phi: number[][] | null;
  fit: FactorFitReport;
  /** Eigenvalues of R (psych e.values) and of the reduced matrix (psych values). */
  eigenvalues: number[];
  reducedEigenvalues: number[];
  parallel: ParallelReport;
  map: MapReport;
  assignment: { items: FactorAssignmentRow[]; scales: ScaleFactorRow[]; misplaced: number };
  /** Extraction: optimiser or principal-axis iterations, and whether they converged; rotation likewise. */
  extraction: { iterations: number; converged: boolean };
  rotationFit: { iterations: number; converged: boolean };
}

export interface FactorSettingsReport extends FactorSettings {
  parallelIterations: number;
}

/** The JSON of `survey-analyze factors -f json`. */
export interface FactorsDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  input: InputReport;
  settings: FactorSettingsReport;
  factors: FactorReport;
  warnings: Warning[];
}
