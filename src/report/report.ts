/**
 * The Report: plain data, exactly the JSON contract (schemaVersion 1).
 * Every output format renders this object; nothing downstream computes statistics.
 * A figure that is undefined is `null` (with a warning), never NaN.
 */

import type { InputFormat, InputLayout } from '../read/table-header.js';

export const SCHEMA_VERSION = 1 as const;

export type CiMethod =
  | 'wilson'
  | 'wilson-cc'
  | 'clopper-pearson'
  | 'agresti-coull'
  | 'jeffreys'
  | 'wald'
  | 'logit';
export type AlphaCiMethod = 'feldt' | 'duhachek' | 'bootstrap';
export type MissingMethod = 'listwise' | 'pairwise';
export type CorrelationMethod = 'pearson' | 'spearman';
/** Which reliability figures are computed: the closed-form ones, or also the iterative ones. */
export type ReliabilitySet = 'basic' | 'full';
/** The item correlations of the ordinal figures. */
export type ItemCorrelationMethod = 'pearson' | 'polychoric';

export interface Interval {
  method: string;
  level: number;
  lower: number | null;
  upper: number | null;
}

export interface Warning {
  code: string;
  message: string;
  scale?: string;
  item?: string;
  prevalence?: string;
  column?: string;
  count?: number;
}

export interface ResponseFrequency {
  /** The response code (after key scoring for keyed items, before reverse keying). */
  code: number;
  /** The label of that code in the scale's response set, when it has one. */
  label: string | null;
  count: number;
  /** count / rows read (answered + missing for this item, not only the respondents behind n). */
  proportion: number;
}

export interface ItemReport {
  id: string;
  /** The item's wording: the codebook's itemLabels, else the file's (a variable label, a question-text header row). */
  label: string | null;
  reversed: boolean;
  /** Respondents behind mean, sd and the correlations (listwise: the scale's complete cases). */
  n: number;
  mean: number | null;
  sd: number | null;
  /** Item with the total of all items (psych raw.r). */
  itemTotalR: number | null;
  /** Item with the total of the other items (psych r.drop). */
  itemRestR: number | null;
  /** Raw alpha of the other k - 1 items (psych alpha.drop raw_alpha). */
  alphaIfDeleted: number | null;
  /** Squared multiple correlation of the item on the others (psych smc). */
  smc: number | null;
  /** Share of each observed code, over all rows read, and the missing count. */
  frequencies: ResponseFrequency[];
  missing: number;
  /** The other k - 1 items' figures (psych alpha.drop; omega as jamovi); all null for k = 2. */
  ifDeleted: ItemIfDeleted;
}

/** The scale's figures with one item dropped (psych::alpha `alpha.drop`, jamovi omega). */
export interface ItemIfDeleted {
  standardizedAlpha: number | null;
  /** Guttman's lambda-6 of the other items, with their SMCs among themselves (psych G6(smc)). */
  lambda6: number | null;
  averageR: number | null;
  /** psych S/N of the other items. */
  signalToNoise: number | null;
  /** psych `alpha se`: sqrt(Q / n) of the other items' alpha (null when n <= k). */
  alphaSe: number | null;
  /** Variance of the other items' inter-item correlations (psych var.r; null for k = 3). */
  varR: number | null;
  /** Median of the other items' inter-item correlations (psych med.r). */
  medianR: number | null;
  /** Omega total of a one-factor minres model refitted to the other items (null for k < 4). */
  omegaTotal: number | null;
}

/** Mean, min, max, range, max/min and variance of a set of values (SPSS summary item statistics). */
export interface SummaryStatistics {
  mean: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
  /** max / min; null when min is 0. */
  maxOverMin: number | null;
  /** Variance with the count - 1 divisor; null for one value. */
  variance: number | null;
}

/** SPSS RELIABILITY /SUMMARY=ALL: summaries of the item means, variances, covariances and correlations. */
export interface ItemSummaryReport {
  itemMeans: SummaryStatistics;
  itemVariances: SummaryStatistics;
  interItemCovariances: SummaryStatistics;
  interItemCorrelations: SummaryStatistics;
}

/** Guttman's (1945) six lower bounds, on the item correlations (psych::guttman, splitHalf). */
export interface GuttmanReport {
  lambda1: number | null;
  lambda2: number | null;
  /** Equal to standardized alpha. */
  lambda3: number | null;
  /** The largest split-half reliability (psych splitHalf maxrb); see `splitHalves`. */
  lambda4: number | null;
  lambda5: number | null;
  /** psych lambda.5p: lambda-5 with the k/(k-1) correction. */
  lambda5Plus: number | null;
  /** Equal to `lambda6` of the scale (psych G6(smc)). */
  lambda6: number | null;
}

/** Split-half reliabilities 4·cov(A, B)/var(A + B) of standardized items over halves of floor(k/2) and ceil(k/2) items. */
export interface SplitHalvesReport {
  /** Revelle's beta: the smallest split-half reliability (psych minrb; not clipped at 0). */
  beta: number | null;
  /** The mean split-half reliability over the splits used (psych meanr). */
  mean: number | null;
  /** 'all': every split (k <= 16); 'sampled': 10000 random splits (reproducible for `seed`). */
  method: 'all' | 'sampled';
  splits: number;
  /** The --seed of the sampled splits; null when every split was used. */
  seed: number | null;
}

/** One row of psych's omega.group: the total score ('g') or the subscale of one group factor. */
export interface GroupOmegaReport {
  /** 'g' (every item), else the group factor 'F1*', 'F2*', ... */
  factor: string;
  /** The subscale's items: for a group factor, those loading highest on it. */
  items: string[];
  /** ω total of the subscale (for 'g': omegaTotal); null when it has no item. */
  total: number | null;
  /** ω of the general factor in the subscale (for 'g': omegaH). */
  general: number | null;
  /** ω of the group factor(s) in the subscale. */
  group: number | null;
}

/**
 * McDonald's omega from a Schmid-Leiman solution, as psych::omega(r, nfactors, fm = "minres",
 * rotate = "oblimin", flip = TRUE) (--reliability full). Items are in the scale's order.
 */
export interface OmegaReport {
  /** Group factors of the solution (the codebook's `nfactors`, else --nfactors, default 3). */
  nfactors: number;
  extraction: 'minres';
  rotation: 'oblimin';
  /** ω_h = (Σ g_i)² / 1'R1. */
  omegaH: number;
  /** Asymptotic ω_h (psych omega.lim) = (Σ g_i)² / (1'R1 − Σ u²_i). */
  omegaLimit: number;
  /** ω_t = (1'R1 − Σ u²_i) / 1'R1 with the nfactors-factor uniquenesses (not the one-factor `omegaTotal` of the scale). */
  omegaTotal: number;
  /** Percentile bootstrap interval of ω_t (resamples and seed of --bootstrap, --seed); null when no resample gave one. */
  ci: (Interval & { resamples: number; seed: number; valid: number }) | null;
  /** Items reversed because they load negatively on g (psych's flip = TRUE); the loadings below are after it. */
  flipped: string[];
  /** Loadings on the general factor g, per item. */
  general: number[];
  /** Residualised group-factor loadings F1*..Fm*, one row per item. */
  groups: number[][];
  /** Communality h², uniqueness u² and p² = g²/h² per item. */
  h2: number[];
  u2: number[];
  p2: number[];
  /** psych omega.group: the total first, then each group factor. */
  groupOmegas: GroupOmegaReport[];
}

/** Parallel analysis (psych fa.parallel, fa = "both") and Velicer's MAP of a scale (--reliability full). */
export interface DimensionalityReport {
  parallel: {
    /** Eigenvalues of R (pc) and of R with one-factor minres communalities (fa). */
    pc: number[];
    fa: number[];
    /** Means over the simulations of the same eigenvalues of normal data, and their 95% quantile (the thresholds). */
    simulatedPc: number[];
    simulatedFa: number[];
    simulatedPcQuantile: number[];
    simulatedFaQuantile: number[];
    /** Components and factors suggested (psych ncomp, nfact); null when every observed value beats its threshold. */
    components: number | null;
    factors: number | null;
    /** Simulations (psych n.iter) and the seed of their normal deviates (--seed). */
    iterations: number;
    seed: number;
    /** Respondents of each simulated data set. */
    n: number;
  };
  map: {
    /** Average squared partial correlation after 0, 1, ... components (null where undefined). */
    values: (number | null)[];
    /** Components with the smallest value (m ≥ 1, psych vss's map); null if none is defined. */
    minimum: number | null;
  };
}

/** Ordinal reliability from polychoric (tetrachoric for two-valued items) item correlations (--item-correlations polychoric). */
export interface OrdinalReport {
  kind: 'polychoric' | 'tetrachoric';
  /** The items the correlations were computed for; `excluded` says why any other was left out. */
  items: string[];
  excluded: { item: string; reason: string }[];
  /** Ordinal alpha (Zumbo et al. 2007): standardized alpha of rho over `items`. */
  alpha: number | null;
  /** Omega total of a one-factor minres model of rho. */
  omegaTotal: number | null;
  /** ω_h of the Schmid-Leiman solution of rho (only with --reliability full). */
  omegaH?: number | null;
  /** The correlations, k × k in the scale's item order; null for an excluded item. */
  rho: (number | null)[][];
  /** Each item's thresholds (psych tau); null for an excluded item, and for a threshold at ±∞ (a category never used). */
  thresholds: ((number | null)[] | null)[];
  /** Whether psych's cor.smooth changed the matrix (it was not positive definite). */
  smoothed: boolean;
  /** Polychoric: one set of thresholds per item (false when the items' numbers of categories differ). */
  global: boolean;
  /** Item pairs whose empty cells got psych's continuity correction (.5). */
  correctedPairs: number;
}

export interface ScoreReport {
  method: 'mean' | 'sum';
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Distribution of the scores, for charts: equal-width bins over the possible range. */
  histogram: { from: number; to: number; count: number }[];
}

export interface ScaleReport {
  id: string;
  label: string;
  k: number;
  n: number;
  /** 'kr20' when every item is scored 0/1 (alpha then equals KR-20). */
  coefficient: 'alpha' | 'kr20';
  alpha: number | null;
  standardizedAlpha: number | null;
  averageInterItemR: number | null;
  alphaCI: Interval & { resamples?: number; seed?: number };
  /** Guttman's lambda-6 from squared multiple correlations (psych G6(smc)). */
  lambda6: number | null;
  /** McDonald's omega total from a one-factor minimum-residual model. */
  omegaTotal: number | null;
  /** For 2-item scales: the inter-item r and its Spearman-Brown step-up. */
  splitHalf: { r: number | null; spearmanBrown: number | null } | null;
  /** Guttman's lambda-1 to lambda-6 of the item correlations. */
  guttman: GuttmanReport;
  /** lambda-4 (the best split, in `guttman`), beta (the worst) and the mean split half. */
  splitHalves: SplitHalvesReport;
  /** Greatest lower bound, psych glb.fa: R with the communalities of a minres factor model on its diagonal. */
  glb: number | null;
  /** Factors of that model (psych numf). */
  glbFactors: number | null;
  /** psych S/N: k r / (1 - r), r the average inter-item correlation. */
  signalToNoise: number | null;
  /** psych ase: the asymptotic standard error of alpha, sqrt(Q / n) (Duhachek & Iacobucci 2004). */
  alphaSe: number | null;
  /** Median of the inter-item correlations (psych median_r). */
  medianR: number | null;
  /** Variance of the inter-item correlations (psych var.r). */
  varR: number | null;
  /** SPSS summary item statistics. */
  itemSummary: ItemSummaryReport;
  /** The item covariance matrix C behind alpha (listwise, or pairwise covariances). */
  covarianceMatrix: (number | null)[][];
  /** The item correlation matrix R = cov2cor(C) behind standardized alpha, lambdas and splits. */
  correlationMatrix: (number | null)[][];
  items: ItemReport[];
  score: ScoreReport;
  /** The Schmid-Leiman omega (--reliability full); null when not computed, or not defined (with a warning). */
  omega: OmegaReport | null;
  /** Parallel analysis and MAP (--reliability full); null when not computed, or not defined (with a warning). */
  dimensionality: DimensionalityReport | null;
  /** Ordinal figures (--item-correlations polychoric); absent otherwise, null when not defined (with a warning). */
  ordinal?: OrdinalReport | null;
}

export interface Correlations {
  method: CorrelationMethod;
  ids: string[];
  r: (number | null)[][];
  n: number[][];
  /** Fisher-z interval for each pair; null on the diagonal or when undefined. */
  ci: ({ lower: number; upper: number } | null)[][];
  level: number;
}

export interface DesignInfo {
  cluster: string;
  clusters: number;
  df: number;
  /** Design effect: design variance / simple random sampling variance. */
  designEffect: number | null;
  standardError: number | null;
  /** Clusters in the whole design (the C in the variance's C/(C - 1)); `clusters` counts those with answers in this row. */
  designClusters?: number;
  /** Effective sample size n / designEffect, used by the wilson, wilson-cc and agresti-coull design intervals. */
  effectiveN?: number | null;
}

export interface PrevalenceRow {
  id: string;
  label: string;
  group: null | { column: string; value: string };
  count: number;
  n: number;
  proportion: number | null;
  ci: Interval;
  design?: DesignInfo;
}

export interface GroupComparison {
  id: string;
  column: string;
  test: 'chi-square' | 'fisher-exact';
  statistic: number | null;
  df: number | null;
  pValue: number | null;
  groups: number;
  n: number;
  minExpected: number | null;
  /** Chi-square p-value for `statistic` on `df`, reported whichever test gives `pValue`. */
  chiSquarePValue?: number | null;
  /** True when `statistic` carries Yates' continuity correction (2 x 2 tables, as R chisq.test). */
  yates?: boolean;
}

/** Rows one rule dropped: a platform default (Qualtrics previews) or the codebook's include/exclude. */
export interface ExcludedRows {
  label: string;
  kind: 'include' | 'exclude';
  column: string;
  source: 'platform' | 'codebook';
  rows: number;
}

/** One input file: what was read and how it was laid out. */
export interface SourceReport {
  file: string;
  format: InputFormat;
  layout: InputLayout;
  /** Header rows skipped (1 for a plain CSV, 3 for a current Qualtrics export, 0 for .sav/.dta). */
  headerRows: number;
  /** Data records read (after the header rows, before any rule). */
  rowsRead: number;
}

export interface InputReport {
  files: string[];
  /** Respondents analysed: rowsRead less every excluded row. */
  rows: number;
  codebook: string;
  /** The format and layout of the files (`mixed` when they differ). */
  format: InputFormat | 'mixed';
  layout: InputLayout | 'mixed';
  rowsRead: number;
  headerRows: number;
  excluded: ExcludedRows[];
  sources: SourceReport[];
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  input: InputReport;
  settings: {
    ciMethod: CiMethod;
    alphaCi: AlphaCiMethod;
    confLevel: number;
    missing: MissingMethod;
    correlation: CorrelationMethod;
    groups: string[];
    cluster: string | null;
    bootstrap: { resamples: number; seed: number } | null;
    /** Which reliability figures were computed (`basic`: closed forms; `full`: also glb, omega if dropped, omega, dimensionality). */
    reliability: ReliabilitySet;
    /** `polychoric`: each scale also has `ordinal` figures. */
    itemCorrelations: ItemCorrelationMethod;
    /** Factors of the Schmid-Leiman omega (a scale's codebook `nfactors` wins; see each scale's `omega.nfactors`). */
    nfactors: number;
  };
  scales: ScaleReport[];
  correlations: Correlations;
  prevalence: PrevalenceRow[];
  groupComparisons: GroupComparison[];
  /** Rows whose group cell was missing, per group column: counted overall only. */
  groupMissing: { column: string; rows: number }[];
  warnings: Warning[];
}
