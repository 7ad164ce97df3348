import type { Scale } from '../codebook/codebook.js';
import type {
  AlphaCiMethod,
  ItemReport,
  ResponseFrequency,
  ScaleReport,
  ScoreReport,
  Warning,
} from '../report/report.js';
import type { ScaleAccumulator, ScaleMoments } from './scale-accumulator.js';
import { scaleAlphaInterval } from './scale-alpha-interval.js';
import { type ScaleFigures, scaleFigures } from './scale-figures.js';
import { positiveVariance, trace } from '../stats/matrix-sums.js';
import { ALPHA_ROUNDING } from '../stats/feldt-interval.js';
import { orNull } from './or-null.js';

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
  options: { alphaCi: AlphaCiMethod; confLevel: number; bootstrap: { resamples: number; seed: number } },
  warnings: Warning[],
  fileLabels: Map<string, string> = new Map(),
): ScaleReport {
  const k = scale.items.length;
  const m = acc.moments();
  const f = scaleFigures(m);
  const usable = k >= 2 && m.n >= 2;
  scaleWarnings(scale, m, f, warnings);
  const alpha = usable ? orNull(f.alpha) : null;
  const alphaCI = scaleAlphaInterval(acc, f, m.n, options, scale.id, warnings);
  const items = scale.items.map((_, i) => itemReport(acc, scale, m, f, i, usable, fileLabels));
  return {
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
    items,
    score,
  };
}

function itemReport(
  acc: ScaleAccumulator,
  scale: Scale,
  m: ScaleMoments,
  f: ScaleFigures,
  i: number,
  usable: boolean,
  fileLabels: Map<string, string>,
): ItemReport {
  const id = scale.items[i];
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
    frequencies: frequencies(acc, scale, i),
    missing: acc.missing(i),
  };
}

/**
 * Share of each observed code over all rows read. Codes are reported before reverse keying;
 * the label is the codebook's label of that code (`scale.responseLabels`); keyed items have
 * none, since their codes are the 0/1 scores rather than response codes.
 */
function frequencies(acc: ScaleAccumulator, scale: Scale, i: number): ResponseFrequency[] {
  const rows = acc.rows;
  return acc.itemFrequencies(i).map(([code, count]) => ({
    code,
    label: scale.key === null ? (scale.responseLabels[code] ?? null) : null,
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
    warnings.push({ code, message: `scale "${id}": ${message}`, scale: id, ...extra });
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
      push('zero-variance-item', `item "${scale.items[i]}" has the same answer from all ${m.itemN[i]} respondents; ` +
        'the correlations involving it, standardized alpha, average r, SMC, lambda-6 and omega are null',
        { item: scale.items[i] });
    } else if (m.itemN[i] < 2) {
      push('too-few-respondents', `item "${scale.items[i]}" has ${m.itemN[i]} answer(s); its variance and every ` +
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
  for (let i = 0; i < k; i++) {
    const r = f.itemRestR[i];
    if (Number.isNaN(r) && m.itemSd[i] > 0) {
      push('constant-rest', `without item "${scale.items[i]}" the other items add up to the same total for every ` +
        'respondent: its item-rest r and alpha if deleted are undefined (null)', { item: scale.items[i] });
    }
    if (r < 0) {
      // A right/wrong item is not reversed: a negative r there means its key is likely wrong.
      const fix = scale.key !== null
        ? `check its key (${JSON.stringify(scale.key[scale.items[i]])} is scored as the correct answer)`
        : 'if it is worded the other way, add it to "reverse" in the codebook';
      push('negative-item-rest-r', `item "${scale.items[i]}" correlates negatively with the rest of the scale ` +
        `(r = ${r.toFixed(3)}); ${fix}`, { item: scale.items[i] });
    }
  }
}
