import type { Scale } from '../codebook/codebook.js';
import { quoteValue } from '../quote-value.js';
import type { DimensionalityReport, OmegaReport, OrdinalReport, Warning } from '../report/report.js';
import { bootstrapCorrelationInterval } from '../stats/bootstrap-correlation-interval.js';
import { minresExtraction } from '../stats/factor/minres-extraction.js';
import { omegaHierarchical, type OmegaResult } from '../stats/factor/omega-hierarchical.js';
import { parallelAnalysis } from '../stats/factor/parallel-analysis.js';
import type { FactorExtraction } from '../stats/factor/schmid-leiman.js';
import { velicerMap } from '../stats/factor/velicer-map.js';
import { allFinite } from '../stats/matrix-sums.js';
import { minresOneFactor } from '../stats/minres-one-factor.js';
import { omegaTotal } from '../stats/omega-total.js';
import { ordinalAlpha } from '../stats/polychoric/ordinal-alpha.js';
import { ordinalCorrelations } from '../stats/polychoric/polychoric-matrix.js';
import { squaredMultipleCorrelations } from '../stats/squared-multiple-correlation.js';
import { orNull } from './or-null.js';
import type { ScaleAccumulator, ScaleMoments } from './scale-accumulator.js';

/**
 * The figures "beyond alpha" of one scale, from the moments (and, for intervals and ordinal
 * correlations, what the pass kept): the Schmid-Leiman omega (psych::omega), parallel analysis
 * and MAP (psych fa.parallel, vss), and ordinal alpha and omega (polychoric correlations).
 * Each is null with a warning that says why where it is not defined; never NaN.
 */

/** psych::omega's extraction: minres (fa(R, m, fm = "minres")); the m = 1 fit of Φ is minres-one-factor.ts. */
const MINRES: FactorExtraction = (r, k, m) => minresExtraction(r, k, m);
/** psych fa.parallel's n.iter and vss's n (components of the MAP). */
export const PARALLEL_ITERATIONS = 20;
export const MAP_COMPONENTS = 8;
/**
 * Quasi-Newton steps of each bootstrap resample's minres fit. Most settle in 10 to 20; a
 * resample heading for a Heywood case crawls along a flat minimum for the full 2000 (seconds
 * each), where psych's L-BFGS-B stops at its relative-reduction test: the resample takes the
 * fit's point after this many steps, as psych takes its stopping point.
 */
export const BOOTSTRAP_FIT_STEPS = 100;
const BOOTSTRAP_MINRES: FactorExtraction = (r, k, m) => minresExtraction(r, k, m, { maxIterations: BOOTSTRAP_FIT_STEPS });

type Push = (code: string, message: string, extra?: Partial<Warning>) => void;

function pusher(scale: Scale, warnings: Warning[]): Push {
  return (code, message, extra = {}) =>
    warnings.push({ code, message: `scale ${quoteValue(scale.id)}: ${message}`, scale: scale.id, ...extra });
}

/** psych's messages count items from 1: name them. */
function nameItems(message: string, ids: readonly string[]): string {
  return message.replace(/\bitem (\d+)\b/g, (whole, i: string) => (ids[Number(i) - 1] === undefined ? whole : `item ${quoteValue(ids[Number(i) - 1])}`));
}

function rows(a: Float64Array, k: number, m: number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from(a.subarray(i * m, i * m + m)));
}

/**
 * ω_h, ω_lim and ω_t of psych::omega(r, nfactors, fm = "minres", rotate = "oblimin", flip = TRUE)
 * on the item correlations behind omega total (`cor(x, use = "pairwise")`, R itself listwise),
 * with the percentile bootstrap interval of ω_t over the stored rows (--bootstrap, --seed).
 */
export function omegaReport(
  acc: ScaleAccumulator,
  scale: Scale,
  m: ScaleMoments,
  nfactors: number,
  options: { confLevel: number; bootstrap: { resamples: number; seed: number } },
  warnings: Warning[],
): OmegaReport | null {
  const push = pusher(scale, warnings);
  const k = scale.items.length;
  const r = m.pairwiseCorrelation;
  const hint = 'set "nfactors" for the scale in the codebook, or --nfactors';
  if (!allFinite(r)) {
    push('omega-h-undefined', 'the item correlations are not all defined (a constant item, or too few pairs); omega hierarchical is null');
    return null;
  }
  let fitConverged = true;
  const extract: FactorExtraction = (rr, kk, mm) => {
    const fit = minresExtraction(rr, kk, mm);
    if (mm > 1 && !fit.converged) fitConverged = false;
    return fit;
  };
  const result = omegaHierarchical(r, m.n, nfactors, extract, { flip: true });
  if (result.omegaHierarchical === null || result.omegaLimit === null || result.omegaTotal === null || result.schmid === null) {
    const why = result.warnings.map((w) => nameItems(w, scale.items)).join('; ');
    push('omega-h-undefined', `omega hierarchical with ${nfactors} factor${nfactors === 1 ? '' : 's'} is not defined: ${why}; ` +
      `omega hierarchical, its limit and the Schmid-Leiman omega total are null (${hint})`, { count: nfactors });
    return null;
  }
  if (!fitConverged) {
    push('omega-not-converged', `the ${nfactors}-factor minres fit behind omega hierarchical stopped before its convergence test; ` +
      'the Schmid-Leiman figures are its last point');
  }
  const flipped = scale.items.filter((_, i) => result.keys[i] < 0);
  if (flipped.length > 0) {
    push('omega-flipped', `${flipped.length === 1 ? 'item' : 'items'} ${flipped.map((id) => quoteValue(id)).join(', ')} ` +
      `load${flipped.length === 1 ? 's' : ''} negatively on the general factor and ${flipped.length === 1 ? 'was' : 'were'} reversed for ` +
      'omega hierarchical (psych::omega flip = TRUE); check "reverse" in the codebook', { count: flipped.length });
  }
  for (const w of result.warnings) {
    if (!w.includes("psych's flip")) push('omega-note', nameItems(w, scale.items));
  }
  const sl = result.schmid;
  const nf = result.nfactors;
  return {
    nfactors: nf,
    extraction: 'minres',
    rotation: 'oblimin',
    omegaH: result.omegaHierarchical,
    omegaLimit: result.omegaLimit,
    omegaTotal: result.omegaTotal,
    ci: omegaInterval(acc, scale, m, nf, options, push),
    flipped,
    general: Array.from(sl.general),
    groups: rows(sl.group, k, nf),
    h2: Array.from(sl.communalities),
    u2: Array.from(sl.uniquenesses),
    p2: Array.from(sl.generalShare),
    groupOmegas: result.groups.map((g) => ({
      factor: g.factor,
      items: g.items.map((i) => scale.items[i]),
      total: g.total,
      general: g.general,
      group: g.group,
    })),
  };
}

function omegaInterval(
  acc: ScaleAccumulator,
  scale: Scale,
  m: ScaleMoments,
  nfactors: number,
  options: { confLevel: number; bootstrap: { resamples: number; seed: number } },
  push: Push,
): OmegaReport['ci'] {
  if (!acc.keepData) return null;
  const k = scale.items.length;
  const { resamples, seed } = options.bootstrap;
  const stored = acc.storedRows();
  const statistic = (r: Float64Array): number => {
    if (!allFinite(r)) return Number.NaN;
    return omegaHierarchical(r, stored.n, nfactors, BOOTSTRAP_MINRES, { flip: true }).omegaTotal ?? Number.NaN;
  };
  const result = bootstrapCorrelationInterval(stored.rows, stored.n, k, statistic, {
    pairwise: acc.missingMethod === 'pairwise',
    resamples,
    seed,
    level: options.confLevel,
  });
  if (result.valid < resamples) {
    push('omega-bootstrap-undefined-resamples', `the Schmid-Leiman omega total was undefined in ${resamples - result.valid} of ` +
      `${resamples} bootstrap resamples (a Heywood case, too few distinct answers); ` +
      (result.valid === 0 ? 'its interval is null' : 'the interval uses the others'), { count: resamples - result.valid });
  }
  if (result.valid === 0) return null;
  return { method: 'bootstrap', level: options.confLevel, lower: result.lower, upper: result.upper, resamples, seed, valid: result.valid };
}

/**
 * psych fa.parallel(x, fm = "minres", fa = "both", n.iter = 20) on the same correlations, with
 * simulated data sets of the scale's n respondents (seeded by --seed), and Velicer's MAP
 * (psych vss, up to 8 components).
 */
export function dimensionalityReport(scale: Scale, m: ScaleMoments, seed: number, warnings: Warning[]): DimensionalityReport | null {
  const push = pusher(scale, warnings);
  const k = scale.items.length;
  const r = m.pairwiseCorrelation;
  if (!allFinite(r)) {
    push('dimensionality-undefined', 'the item correlations are not all defined (a constant item, or too few pairs); parallel analysis and MAP are null');
    return null;
  }
  if (!(m.n > 2) || k < 3) {
    push('dimensionality-undefined', `parallel analysis and MAP need at least 3 items and 3 respondents (${k} items, n = ${m.n}); they are null`);
    return null;
  }
  const pa = parallelAnalysis(r, k, m.n, { iterations: PARALLEL_ITERATIONS, seed });
  const map = velicerMap(r, k, Math.min(MAP_COMPONENTS, k - 1));
  if (pa.components === null || pa.factors === null) {
    push('parallel-no-suggestion', `parallel analysis: every observed ${pa.components === null ? 'component' : 'factor'} eigenvalue is above ` +
      'its simulated 95% quantile, so no number is suggested (null)');
  }
  if (map.minimum === null) push('map-undefined', 'Velicer\'s MAP is undefined for every number of components (a partial variance is not positive); its minimum is null');
  else if (map.values.some((v) => v === null)) push('map-undefined', 'Velicer\'s MAP is undefined from some number of components on (a partial variance is not positive); those values are null');
  const eigen = [pa.pcValues, pa.faValues, pa.pcSimulatedMean, pa.faSimulatedMean, pa.pcSimulatedQuantile, pa.faSimulatedQuantile];
  if (!eigen.every(allFinite)) {
    push('dimensionality-undefined', 'an eigenvalue of the parallel analysis is undefined; parallel analysis and MAP are null');
    return null;
  }
  const list = (a: Float64Array): number[] => Array.from(a);
  return {
    parallel: {
      pc: list(pa.pcValues),
      fa: list(pa.faValues),
      simulatedPc: list(pa.pcSimulatedMean),
      simulatedFa: list(pa.faSimulatedMean),
      simulatedPcQuantile: list(pa.pcSimulatedQuantile),
      simulatedFaQuantile: list(pa.faSimulatedQuantile),
      components: pa.components,
      factors: pa.factors,
      iterations: pa.iterations,
      seed: pa.seed,
      n: m.n,
    },
    map: { values: map.values.map((v) => (v === null ? null : orNull(v))), minimum: map.minimum },
  };
}

/**
 * Ordinal alpha and omega (Zumbo, Gadermann & Zeisser 2007) from the scale's polychoric
 * correlations (tetrachoric for two-valued items), psych polychoric / tetrachoric with their
 * defaults, from the pair tables of the pass; with `full`, also ω_h of their Schmid-Leiman
 * solution.
 */
export function ordinalReport(acc: ScaleAccumulator, scale: Scale, m: ScaleMoments, nfactors: number, full: boolean, warnings: Warning[]): OrdinalReport | null {
  const push = pusher(scale, warnings);
  const k = scale.items.length;
  const tables = acc.pairTables;
  if (tables === null) {
    push('ordinal-undefined', `polychoric correlations need whole-number codes with at most 10 categories (the range is ` +
      `[${scale.range.join(', ')}]); the ordinal figures are null`);
    return null;
  }
  const oc = ordinalCorrelations(tables);
  for (const w of oc.warnings) push('ordinal-correlations', `${oc.kind} correlations: ${nameItems(w.replace(/^Item (\d+)/, 'item $1'), scale.items)}`);
  for (const e of oc.excluded) {
    if (e.reason !== 'had no variance and was deleted') push('ordinal-item-excluded', `item ${quoteValue(scale.items[e.item])} is left out of the ${oc.kind} correlations: it ${e.reason}`, { item: scale.items[e.item] });
  }
  const kept = oc.items;
  const q = kept.length;
  const sub = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) sub[a * q + b] = oc.rho[kept[a] * k + kept[b]];
  const defined = q >= 2 && allFinite(sub);
  const alpha = defined ? orNull(ordinalAlpha(sub, q)) : null;
  if (alpha === null) {
    push('ordinal-alpha-undefined', `ordinal alpha needs at least 2 items with defined ${oc.kind} correlations (${q} kept); it is null`);
  }
  let omega: number | null = null;
  if (defined && q >= 3) {
    const fit = minresOneFactor(sub, q, squaredMultipleCorrelations(sub, q).values);
    if (fit.converged) omega = orNull(omegaTotal(sub, fit.uniquenesses, q));
  }
  if (omega === null) {
    push('ordinal-omega-undefined', `ordinal omega needs at least 3 items with defined ${oc.kind} correlations and a converged ` +
      `one-factor fit (${q} items kept); it is null`);
  }
  const report: OrdinalReport = {
    kind: oc.kind,
    items: kept.map((i) => scale.items[i]),
    excluded: oc.excluded.map((e) => ({ item: scale.items[e.item], reason: e.reason })),
    alpha,
    omegaTotal: omega,
    rho: Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => orNull(oc.rho[i * k + j]))),
    thresholds: oc.tau.map((t) => (t === null ? null : Array.from(t, (v) => (Number.isFinite(v) ? v : null)))),
    smoothed: oc.smoothed,
    global: oc.global,
    correctedPairs: oc.correctedPairs,
  };
  if (full) {
    let result: OmegaResult | null = null;
    if (defined) result = omegaHierarchical(sub, m.n, nfactors, MINRES, { flip: true });
    report.omegaH = result?.omegaHierarchical ?? null;
    if (report.omegaH === null) {
      const why = result === null ? `the ${oc.kind} correlations are not all defined` : result.warnings.map((w) => nameItems(w, report.items)).join('; ');
      push('ordinal-omega-h-undefined', `ordinal omega hierarchical with ${nfactors} factors is not defined: ${why}; it is null`);
    }
  }
  return report;
}
