import type { Scale } from '../codebook/codebook.js';
import type {
  AlphaCiMethod,
  ItemCorrelationMethod,
  ReliabilitySet,
  ItemReport,
  ResponseFrequency,
  ScaleReport,
  ScoreReport,
  SummaryStatistics,
  Warning,
} from '../report/report.js';
import type { SummaryRow } from '../stats/reliability/item-summary.js';
import type { ScaleAccumulator, ScaleMoments } from './scale-accumulator.js';
import { scaleAlphaInterval } from './scale-alpha-interval.js';
import { type ScaleFigures, scaleFigures } from './scale-figures.js';
import { positiveVariance, trace } from '../stats/matrix-sums.js';
import { ALPHA_ROUNDING } from '../stats/feldt-interval.js';
import { orNull } from './or-null.js';
import { quoteValue } from '../quote-value.js';
import { dimensionalityReport, omegaReport, ordinalReport } from './scale-beyond-alpha.js';

/** What a scale's report computes: the alpha interval, and which figures beyond alpha. */
export interface ScaleReportOptions {
  alphaCi: AlphaCiMethod;
  confLevel: number;
  bootstrap: { resamples: number; seed: number };
  /** `basic` (default): closed forms; `full`: also glb, omega if dropped, omega hierarchical (and its interval when the rows were kept), parallel analysis, MAP. */
  reliability?: ReliabilitySet;
  /** `polychoric`: ordinal alpha and omega from the pass's pair tables (default `pearson`: none). */
  itemCorrelations?: ItemCorrelationMethod;
  /** Factors of the Schmid-Leiman omega when the scale sets none (default 3). */
  nfactors?: number;
}

/**
 * The reliability report of one scale (contract §3): alpha (KR-20 for 0/1 items),
 * standardized alpha, average inter-item r, the alpha interval, lambda-6, omega total,
 * split-half for two items, and per item n, mean, sd, item-total r, item-rest r,
 * alpha if deleted, SMC and response frequencies. All agree with psych::alpha 2.2.9 given
 * `na.omit(x)` (listwise) or `x` (pairwise, psych's default `use = "pairwise"`).
 *
 * n: listwise, the complete cases; pairwise, every row read, which is psych's `nsub` and the
 * n of the Feldt and Duhachek intervals (items report their own answered counts).
 * Undefined figures are null, each with a warning pushed to `warnings`; the data are never
 * changed (an item that correlates negatively is reported, not reversed).
 */
export function scaleReport(
  acc: ScaleAccumulator,
  scale: Scale,
  score: ScoreReport,
  options: ScaleReportOptions,
  warnings: Warning[],
  fileLabels: Map<string, string> = new Map(),
  fileValueLabels: Map<string, Map<string, string>> = new Map(),
): ScaleReport {
  const k = scale.items.length;
  const m = acc.moments();
  const full = options.reliability === 'full';
  const nfactors = scale.nfactors ?? options.nfactors ?? 3;
  const f = scaleFigures(m, options.bootstrap.seed, { full });
  const usable = k >= 2 && m.n >= 2;
  scaleWarnings(scale, m, f, warnings);
  const alpha = usable ? orNull(f.alpha) : null;
  const alphaCI = scaleAlphaInterval(acc, f, m.n, options, scale.id, warnings);
  const items = scale.items.map((_, i) => itemReport(acc, scale, m, f, i, usable, fileLabels, fileValueLabels));
  const figure = (x: number): number | null => (usable ? orNull(x) : null);
  const report: ScaleReport = {
    id: scale.id,
    label: scale.label,
    k,
    n: m.n,
    coefficient: isDichotomous(acc, k) ? 'kr20' : 'alpha',
    alpha,
    standardizedAlpha: usable ? orNull(f.standardizedAlpha) : null,
    averageInterItemR: usable ? orNull(f.averageInterItemR) : null,
    alphaCI,
    lambda6: usable ? orNull(f.lambda6) : null,
    omegaTotal: usable ? orNull(f.omegaTotal) : null,
    splitHalf: k === 2
      ? { r: usable ? orNull(f.splitHalfR) : null, spearmanBrown: usable ? orNull(f.spearmanBrown) : null }
      : null,
    guttman: {
      lambda1: figure(f.lambdas.lambda1),
      lambda2: figure(f.lambdas.lambda2),
      lambda3: figure(f.lambdas.lambda3),
      lambda4: figure(f.splits.lambda4),
      lambda5: figure(f.lambdas.lambda5),
      lambda5Plus: figure(f.lambdas.lambda5p),
      lambda6: figure(f.lambdas.lambda6),
    },
    splitHalves: {
      beta: figure(f.splits.beta),
      mean: figure(f.splits.mean),
      method: f.splits.method,
      splits: usable ? f.splits.splits : 0,
      seed: f.splits.method === 'sampled' && f.splits.splits > 0 ? options.bootstrap.seed : null,
    },
    glb: figure(f.glb),
    glbFactors: figure(f.glbFactors),
    signalToNoise: figure(f.signalToNoise),
    alphaSe: figure(f.alphaSe),
    medianR: figure(f.medianR),
    varR: figure(f.varR),
    itemSummary: {
      itemMeans: summaryStatistics(f.summary.itemMeans, m.n >= 1),
      itemVariances: summaryStatistics(f.summary.itemVariances, m.n >= 2),
      interItemCovariances: summaryStatistics(f.summary.interItemCovariances, usable),
      interItemCorrelations: summaryStatistics(f.summary.interItemCorrelations, usable),
    },
    covarianceMatrix: matrixRows(m.covariance, k, m.n >= 2),
    correlationMatrix: matrixRows(m.correlation, k, m.n >= 2),
    items,
    score,
    omega: full && usable ? omegaReport(acc, scale, m, nfactors, options, warnings) : null,
    dimensionality: full && usable ? dimensionalityReport(scale, m, options.bootstrap.seed, warnings) : null,
    ...(options.itemCorrelations === 'polychoric' ? { ordinal: usable ? ordinalReport(acc, scale, m, nfactors, full, warnings) : null } : {}),
  };
  nullImpossibleCorrelations(report, warnings);
  return report;
}

function summaryStatistics(row: SummaryRow, defined: boolean): SummaryStatistics {
  const value = (x: number): number | null => (defined ? orNull(x) : null);
  return {
    mean: value(row.mean),
    min: value(row.min),
    max: value(row.max),
    range: value(row.range),
    maxOverMin: value(row.maxOverMin),
    variance: value(row.variance),
  };
}

/** A k × k row-major matrix as k rows, undefined cells null. */
function matrixRows(a: Float64Array, k: number, defined: boolean): (number | null)[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (defined ? orNull(a[i * k + j]) : null)));
}

/** Slack for rounding before a correlation counts as outside [-1, 1]. */
const R_ROUNDING = 1e-9;

/**
 * Pairwise covariances need not be those of one set of respondents (the item matrix need not be
 * positive semi-definite), and then correlations derived from them can leave [-1, 1] (an
 * item-rest r of -1.32). Such a figure is not a correlation: it is set to null, and one warning
 * names each (with the value computed) and says why. Listwise matrices never do this.
 */
function nullImpossibleCorrelations(report: ScaleReport, warnings: Warning[]): void {
  const out: string[] = [];
  const check = (value: number | null, what: string): number | null => {
    if (value === null || Math.abs(value) <= 1 + R_ROUNDING) return value;
    out.push(`${what} = ${value.toFixed(3)}`);
    return null;
  };
  report.averageInterItemR = check(report.averageInterItemR, 'average inter-item r');
  if (report.splitHalf !== null) report.splitHalf.r = check(report.splitHalf.r, 'split-half r');
  for (const item of report.items) {
    const name = quoteValue(item.id);
    item.itemTotalR = check(item.itemTotalR, `item-total r of ${name}`);
    item.itemRestR = check(item.itemRestR, `item-rest r of ${name}`);
    item.smc = check(item.smc, `SMC of ${name}`);
    item.ifDeleted.averageR = check(item.ifDeleted.averageR, `average r without ${name}`);
    item.ifDeleted.medianR = check(item.ifDeleted.medianR, `median r without ${name}`);
  }
  report.medianR = check(report.medianR, 'median inter-item r');
  if (out.length === 0) return;
  const shown = out.length > 6 ? `${out.slice(0, 6).join(', ')} and ${out.length - 6} more` : out.join(', ');
  warnings.push({
    code: 'correlation-out-of-range',
    scale: report.id,
    count: out.length,
    message: `scale ${quoteValue(report.id)}: the pairwise covariances are not those of one set of respondents (the item ` +
      `matrix is not positive semi-definite), so ${out.length === 1 ? 'a correlation comes' : `${out.length} correlations come`} ` +
      `out beyond [-1, 1]: ${shown}; ${out.length === 1 ? 'it is' : 'they are'} null. Use --missing listwise`,
  });
}

function itemReport(
  acc: ScaleAccumulator,
  scale: Scale,
  m: ScaleMoments,
  f: ScaleFigures,
  i: number,
  usable: boolean,
  fileLabels: Map<string, string>,
  fileValueLabels: Map<string, Map<string, string>>,
): ItemReport {
  const id = scale.items[i];
  const d = f.dropped[i];
  const value = (x: number): number | null => (usable ? orNull(x) : null);
  return {
    id,
    label: (Object.hasOwn(scale.itemLabels, id) ? scale.itemLabels[id] : undefined) ?? fileLabels.get(id) ?? null,
    reversed: scale.reverse.includes(id),
    n: m.itemN[i],
    mean: orNull(m.itemMean[i]),
    sd: orNull(m.itemSd[i]),
    itemTotalR: usable ? orNull(m.itemTotalR[i]) : null,
    itemRestR: usable ? orNull(f.itemRestR[i]) : null,
    alphaIfDeleted: usable ? orNull(f.alphaIfDeleted[i]) : null,
    smc: usable ? orNull(f.smc[i]) : null,
    frequencies: frequencies(acc, scale, i, fileValueLabels.get(id) ?? null),
    missing: acc.missing(i),
    ifDeleted: {
      standardizedAlpha: value(d.standardizedAlpha),
      lambda6: value(d.lambda6),
      averageR: value(d.averageR),
      signalToNoise: value(d.signalToNoise),
      alphaSe: value(d.alphaSe),
      varR: value(d.varR),
      medianR: value(d.medianR),
      omegaTotal: value(f.omegaIfDropped[i]),
    },
  };
}

/**
 * Share of each observed code over all rows read. Codes are reported before reverse keying;
 * the label is the codebook's label of that code (`scale.responseLabels`); keyed items have
 * none, since their codes are the 0/1 scores rather than response codes.
 */
function frequencies(acc: ScaleAccumulator, scale: Scale, i: number, valueLabels: Map<string, string> | null): ResponseFrequency[] {
  const rows = acc.rows;
  return acc.itemFrequencies(i).map(([code, count]) => ({
    code,
    label: scale.key === null ? (scale.responseLabels[code] ?? valueLabels?.get(String(code)) ?? null) : null,
    count,
    proportion: count / rows,
  }));
}

/** Every answered code of every item is 0 or 1: alpha is KR-20. */
function isDichotomous(acc: ScaleAccumulator, k: number): boolean {
  let seen = false;
  for (let i = 0; i < k; i++) {
    for (const [code] of acc.itemFrequencies(i)) {
      if (code !== 0 && code !== 1) return false;
      seen = true;
    }
  }
  return seen;
}

/** One warning for every figure left null, and one per item that correlates negatively. */
function scaleWarnings(scale: Scale, m: ScaleMoments, f: ScaleFigures, warnings: Warning[]): void {
  const k = scale.items.length;
  const id = scale.id;
  const push = (code: string, message: string, extra: Partial<Warning> = {}): void => {
    warnings.push({ code, message: `scale ${quoteValue(id)}: ${message}`, scale: id, ...extra });
  };
  if (k < 2) {
    push('too-few-items', `has ${k} item; alpha and the item-total figures need at least 2 items (null)`, { count: k });
    return;
  }
  if (m.n < 2) {
    push('too-few-respondents', `${m.n} respondent(s) ${m.rows > m.n ? 'answered every item' : 'were read'}; ` +
      'the reliability figures need at least 2 (null)', { count: m.n });
    return;
  }
  let constantItem = false;
  for (let i = 0; i < k; i++) {
    if (m.itemN[i] >= 2 && m.itemSd[i] === 0) {
      constantItem = true;
      push('zero-variance-item', `item ${quoteValue(scale.items[i])} has the same answer from all ${m.itemN[i]} respondents; ` +
        'the correlations involving it, standardized alpha, average r, SMC, lambda-6 and omega are null',
        { item: scale.items[i] });
    } else if (m.itemN[i] < 2) {
      push('too-few-respondents', `item ${quoteValue(scale.items[i])} has ${m.itemN[i]} answer(s); its variance and every ` +
        'figure that needs it are null', { item: scale.items[i], count: m.itemN[i] });
    }
  }
  if (Number.isNaN(f.totalVariance)) {
    push('too-few-pairs', 'some pairs of items were answered together by fewer than 2 respondents; ' +
      'their covariance and the reliability figures are null');
    return;
  }
  if (!positiveVariance(f.totalVariance, trace(m.covariance, k))) {
    push('zero-variance-scale', 'the total score has no variance' +
      (f.totalVariance < 0 ? ' (the pairwise covariances give a negative one)' : '') +
      '; alpha and the figures that divide by it are null');
    return;
  }
  if (f.alpha > 1 + ALPHA_ROUNDING) {
    push('alpha-not-below-one', `alpha is ${f.alpha.toFixed(3)}: the pairwise covariances do not fit together as ` +
      'those of one set of respondents (the matrix is not positive semi-definite); the Feldt interval is null. ' +
      'Use --missing listwise');
  }
  if (k === 2) {
    push('two-item-scale', 'has 2 items: alpha if deleted and omega are undefined (null); ' +
      'the split-half r with its Spearman-Brown step-up is reported');
  }
  if (f.smcSingular && !constantItem) {
    push('singular-correlation-matrix', 'the item correlation matrix is singular; SMC and lambda-6 use its ' +
      'pseudo-inverse, as psych::smc does');
  }
  if (k >= 3 && !constantItem && f.omega !== null) {
    if (!f.omega.converged) {
      push('omega-not-converged', 'the one-factor minres fit did not converge; omega total is null');
    } else if (f.omega.heywood) {
      push('omega-heywood', 'an item reached the communality bound (.995) in the one-factor fit (a Heywood case); ' +
        'omega total is reported but may be unreliable');
    }
  } else if (k >= 3 && !constantItem && f.omega === null) {
    push('omega-undefined', 'the pairwise item correlations are not all defined; omega total is null');
  }
  if (f.skipped.length > 0) {
    push('figures-skipped', `has ${k} items: ${f.skipped.join(', ')} ${f.skipped.length === 1 ? 'is' : 'are'} not ` +
      'computed for so many items (their cost grows as k³ to k⁴) and null', { count: k });
  }
  if (f.glbConverged === false && !constantItem) {
    push('glb-not-converged', `the multi-factor minres model behind the greatest lower bound ` +
      'did not settle within 1000 steps (its minimum is flat: the bound is not determined); glb is null');
  }
  if (k === 3 && !constantItem) {
    push('three-item-scale', 'has 3 items: with one dropped, the variance of the one remaining inter-item r (var.r) ' +
      (f.full ? 'and omega total are' : 'is') + ' undefined (null)');
  }
  for (let i = 0; i < k; i++) {
    const r = f.itemRestR[i];
    if (Number.isNaN(r) && m.itemSd[i] > 0) {
      push('constant-rest', `without item ${quoteValue(scale.items[i])} the other items add up to the same total for every ` +
        'respondent: its item-rest r and alpha if deleted are undefined (null)', { item: scale.items[i] });
    }
    if (r < 0) {
      // A right/wrong item is not reversed: a negative r there means its key is likely wrong.
      const fix = scale.key !== null
        ? `check its key (${quoteValue(Object.hasOwn(scale.key, scale.items[i]) ? scale.key[scale.items[i]] : '')} is scored as the correct answer)`
        : 'if it is worded the other way, add it to "reverse" in the codebook';
      push('negative-item-rest-r', `item ${quoteValue(scale.items[i])} correlates negatively with the rest of the scale ` +
        `(r = ${r.toFixed(3)}); ${fix}`, { item: scale.items[i] });
    }
  }
}
