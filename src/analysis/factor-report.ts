/**
 * The `factors` analysis: one streaming pass codes every row as the analysis does (RowFilter,
 * RowCoder: labels to codes, key scoring, reverse keying) and feeds every item of every scale,
 * once, to one AllItemsAccumulator (co-moments sized by the items, never by the rows); then the
 * matrix work runs once on the k × k correlations: psych fa.parallel and vss()'s MAP, fa with
 * the chosen extraction and rotation, factor.stats' fit figures, fa.sort's order, and the items
 * set against their scales. Nothing here touches `analyze`'s path.
 */
import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
import { dataError, usageError } from '../errors.js';
import { boundMessage, quoteValue } from '../quote-value.js';
import type { ReadOptions } from '../read/read-csv.js';
import type {
  FactorAssignmentRow,
  FactorExtractionMethod,
  FactorFitReport,
  FactorItem,
  FactorLoadingRow,
  FactorReport,
  FactorRotationMethod,
  FactorSettings,
  FactorsDocument,
  FactorVariance,
} from '../report/factor-report-types.js';
import { SCHEMA_VERSION, type InputReport, type Warning } from '../report/report.js';
import { factorFit } from '../stats/factor/factor-fit.js';
import type { FactorWarning, UnrotatedSolution } from '../stats/factor/factor-solution.js';
import { assignItems, compareWithScales } from '../stats/factor/item-assignment.js';
import { minresExtraction } from '../stats/factor/minres-extraction.js';
import { mlExtraction } from '../stats/factor/ml-extraction.js';
import { parallelAnalysis } from '../stats/factor/parallel-analysis.js';
import { principalAxisExtraction } from '../stats/factor/principal-axis-extraction.js';
import { rotateLoadings } from '../stats/factor/rotation.js';
import { sortLoadings } from '../stats/factor/sort-loadings.js';
import { velicerMap } from '../stats/factor/velicer-map.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { AllItemsAccumulator, type AllItemsMoments } from './all-items-accumulator.js';
import { invalidWarnings } from './analyze.js';
import { orNull } from './or-null.js';
import { RowFilter } from './row-filter.js';
import type { TableInput } from './table-input.js';

/** psych fa.parallel's n.iter and quant; vss()'s n (components of the MAP). */
export const PARALLEL_ITERATIONS = 20;
export const PARALLEL_QUANTILE = 0.95;
export const MAP_COMPONENTS = 8;

export interface FactorAnalysisSettings extends FactorSettings {
  lenient: boolean;
  keepPreviews: boolean;
  read: ReadOptions;
}

/** psych's factor names: MR (minres), ML, PA, then the unrotated factor's number. */
const PREFIX: Record<FactorExtractionMethod, string> = { minres: 'MR', ml: 'ML', pa: 'PA' };

interface Pass {
  rows: number;
  filter: RowFilter;
  acc: AllItemsAccumulator;
  invalid: Map<string, InvalidTally>;
  labelConflicts: RowCoder['labelConflicts'];
  fileLabels: Map<string, string>;
}

/** The factor analysis of every item of the codebook's scales, from one pass over the input. */
export async function analyzeFactors(
  input: TableInput,
  codebook: Codebook,
  settings: FactorAnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<FactorsDocument> {
  const pass = await accumulate(input, codebook, settings, onProgress);
  if (pass.rows === 0) throw dataError('no rows were analysed: there is nothing to factor', { file: input.names.length === 1 ? input.names[0] : undefined });
  const warnings: Warning[] = [...invalidWarnings(pass.invalid), ...labelConflictWarnings(pass.labelConflicts)];
  const factors = factorReport(pass.acc, codebook, settings, pass.fileLabels, warnings);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    input: inputReport(pass, codebook, input.names),
    settings: {
      fm: settings.fm,
      rotation: settings.rotation,
      nfactors: settings.nfactors,
      missing: settings.missing,
      cut: settings.cut,
      seed: settings.seed,
      parallelIterations: PARALLEL_ITERATIONS,
    },
    factors,
    warnings: warnings.map((w) => ({ ...w, message: boundMessage(w.message, 8) })),
  };
}

async function accumulate(input: TableInput, codebook: Codebook, settings: FactorAnalysisSettings, onProgress?: (rows: number, bytes: number) => void): Promise<Pass> {
  const invalid = new Map<string, InvalidTally>();
  const coder = new RowCoder(codebook, { groups: [], cluster: null, lenient: settings.lenient }, invalid);
  const pass: Pass = {
    rows: 0,
    filter: new RowFilter(codebook, settings.keepPreviews, (column) => coder.responseCodeOf(column)),
    acc: new AllItemsAccumulator(codebook, settings.missing),
    invalid,
    labelConflicts: coder.labelConflicts,
    fileLabels: new Map(),
  };
  await input.read({
    header(header) {
      pass.filter.bind(header);
      coder.bind(header);
      header.columns.forEach((column, c) => {
        const label = header.meta[c].label;
        if (label !== null && !pass.fileLabels.has(column)) pass.fileLabels.set(column, label);
      });
    },
    rows(rows, lineOf, _file, bytes) {
      for (let r = 0; r < rows.length; r++) {
        if (!pass.filter.keep(rows[r])) continue;
        coder.code(rows[r], lineOf(r));
        pass.acc.add(coder.values);
        pass.rows++;
      }
      onProgress?.(pass.rows, bytes);
    },
  });
  return pass;
}

/** The matrix work, once: everything in the FactorReport. */
export function factorReport(acc: AllItemsAccumulator, codebook: Codebook, settings: FactorSettings, fileLabels: Map<string, string>, warnings: Warning[]): FactorReport {
  const moments = acc.moments();
  const { k } = acc;
  const { n } = moments;
  const items = acc.slots.map((slot, i): FactorItem => {
    const scale = codebook.scales[slot.scale];
    return {
      id: slot.id,
      scale: scale.id,
      scales: slot.scales,
      label: (Object.hasOwn(scale.itemLabels, slot.id) ? scale.itemLabels[slot.id] : undefined) ?? fileLabels.get(slot.id) ?? null,
      reversed: scale.reverse.includes(slot.id),
      keyed: scale.key !== null,
      n: moments.itemN[i],
      mean: orNull(moments.itemMean[i]),
      sd: orNull(moments.itemSd[i]),
    };
  });
  for (const slot of acc.slots) {
    if (slot.scales.length > 1) {
      warnings.push({ code: 'item-in-several-scales', item: slot.id, message: `item ${quoteValue(slot.id)} is in ${slot.scales.join(', ')}: it is analysed once, coded as ${slot.scales[0]} codes it` });
    }
  }
  checkData(moments, items, settings);
  const r = moments.correlation;
  const pairwiseN = settings.missing === 'pairwise' ? moments.counts : undefined;
  const note = (from: string) => (w: FactorWarning): void => {
    warnings.push({ code: w.code, message: `${from}: ${w.message}` });
  };

  const parallel = parallelAnalysis(r, k, n, { iterations: PARALLEL_ITERATIONS, seed: settings.seed, quantile: PARALLEL_QUANTILE });
  parallel.warnings.forEach(note('parallel analysis'));
  const map = velicerMap(r, k, MAP_COMPONENTS);
  map.warnings.forEach(note('MAP'));

  let nfactors: number;
  let nfactorsFrom: FactorReport['nfactorsFrom'];
  if (settings.nfactors !== null) {
    nfactors = settings.nfactors;
    nfactorsFrom = 'option';
  } else if (parallel.factors !== null && parallel.factors > 0) {
    nfactors = Math.min(parallel.factors, k - 1);
    nfactorsFrom = 'parallel-analysis';
  } else {
    nfactors = 1;
    nfactorsFrom = 'default';
    warnings.push({ code: 'nfactors-default', message: `parallel analysis suggests ${parallel.factors === 0 ? 'no factor' : 'no number of factors'}: one factor was extracted (--nfactors sets the number)` });
  }
  const m = nfactors;
  const extract = { minres: minresExtraction, ml: mlExtraction, pa: principalAxisExtraction }[settings.fm];
  const solution: UnrotatedSolution = extract(r, k, m);
  solution.warnings.forEach(note(`${settings.fm} extraction`));
  const rotated = rotateLoadings(solution.loadings, k, m, settings.rotation);
  for (const message of rotated.warnings) warnings.push({ code: 'rotation', message });
  const rotation: FactorRotationMethod = m === 1 ? 'none' : rotated.method;
  const oblique = m > 1 && (rotation === 'oblimin' || rotation === 'promax');
  const fit = factorFit(r, k, rotated.loadings, m, { n, pairwiseN, phi: oblique ? rotated.phi : undefined });
  fit.warnings.forEach(note('fit'));
  if (fit.df < 0) {
    warnings.push({ code: 'negative-df', message: `${m} factors of ${k} items leave ${fit.df} degrees of freedom: the model is not identified, and the df-based fit figures are null` });
  }

  const names = rotated.order.map((j) => `${PREFIX[settings.fm]}${j + 1}`);
  const { order, factor: primary } = sortLoadings(rotated.loadings, k, m);
  const row = (i: number, of: Float64Array): number[] => Array.from(of.subarray(i * m, (i + 1) * m));
  const loadings = order.map((i): FactorLoadingRow => ({
    item: items[i].id,
    scale: items[i].scale,
    factor: names[primary[i]],
    loadings: row(i, rotated.loadings),
    structure: row(i, rotated.structure),
    communality: solution.communalities[i],
    uniqueness: solution.uniquenesses[i],
    complexity: orNull(fit.complexity[i]),
  }));
  const total = rotated.variance.reduce((s, v) => s + v, 0);
  let cumulative = 0;
  let cumulativeProportion = 0;
  const variance = names.map((factor, f): FactorVariance => {
    const ss = rotated.variance[f];
    cumulative += ss / k;
    cumulativeProportion += ss / total;
    return { factor, ssLoadings: ss, proportion: ss / k, cumulative, proportionExplained: ss / total, cumulativeProportion };
  });

  const assignment = assignItems(rotated.loadings, k, m);
  const comparison = compareWithScales(assignment, items.map((item) => item.scale), m);
  const scaleFactor = new Map(comparison.scales.map((s) => [s.scale, s.factor]));
  const misplaced = new Set(comparison.misplaced.map((x) => x.item));
  const assignmentRows = items.map((item, i): FactorAssignmentRow => ({
    item: item.id,
    scale: item.scale,
    factor: names[assignment.factor[i]],
    loading: assignment.loading[i],
    scaleFactor: names[scaleFactor.get(item.scale)!],
    misplaced: misplaced.has(i),
  }));

  return {
    items,
    k,
    n,
    harmonicN: fit.harmonicN ?? n,
    missing: settings.missing,
    fm: settings.fm,
    rotation,
    nfactors: m,
    nfactorsFrom,
    factors: names,
    loadings,
    variance,
    phi: oblique ? matrixRows(rotated.phi, m) : null,
    fit: fitReport(fit),
    eigenvalues: Array.from(solution.eValues),
    reducedEigenvalues: Array.from(solution.values),
    parallel: {
      iterations: parallel.iterations,
      seed: parallel.seed,
      quantile: PARALLEL_QUANTILE,
      pcValues: Array.from(parallel.pcValues),
      faValues: Array.from(parallel.faValues),
      pcSimulatedMean: Array.from(parallel.pcSimulatedMean),
      faSimulatedMean: Array.from(parallel.faSimulatedMean),
      pcSimulatedQuantile: Array.from(parallel.pcSimulatedQuantile),
      faSimulatedQuantile: Array.from(parallel.faSimulatedQuantile),
      components: parallel.components,
      factors: parallel.factors,
    },
    map: { maxComponents: Math.min(MAP_COMPONENTS, k - 1), values: map.values, minimum: map.minimum },
    assignment: {
      items: assignmentRows,
      scales: comparison.scales.map((s) => ({ scale: s.scale, factor: names[s.factor], items: s.items, onFactor: s.onFactor })),
      misplaced: misplaced.size,
    },
    extraction: { iterations: solution.iterations, converged: solution.converged },
    rotationFit: { iterations: rotated.iterations, converged: rotated.converged },
  };
}

/** The data can be factored: at least 3 items, more than 2 rows, every correlation defined, --nfactors below k. */
function checkData(moments: AllItemsMoments, items: FactorItem[], settings: FactorSettings): void {
  const k = items.length;
  if (k < 3) throw usageError(`factor analysis needs at least 3 items; the codebook's scales have ${k}`);
  if (moments.n < 3) {
    const what = settings.missing === 'listwise' ? `${moments.n} row${moments.n === 1 ? ' answers' : 's answer'} every item` : `${moments.n} row${moments.n === 1 ? ' was' : 's were'} analysed`;
    throw dataError(`factor analysis needs at least 3 rows: ${what}`, {}, settings.missing === 'listwise' ? '--missing pairwise uses every answer' : undefined);
  }
  const constant = items.filter((_, i) => !(moments.itemSd[i] > 0)).map((item) => quoteValue(item.id));
  if (constant.length > 0) {
    throw dataError(`${constant.length === 1 ? 'an item has' : `${constant.length} items have`} no variance${settings.missing === 'listwise' ? ' in the complete rows' : ''}, so their correlations are undefined: ${constant.slice(0, 8).join(', ')}`, {}, 'leave such items out of the codebook to factor the others');
  }
  const r = moments.correlation;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (!Number.isFinite(r[i * k + j])) {
        throw dataError(`the correlation of ${quoteValue(items[i].id)} and ${quoteValue(items[j].id)} is undefined (${moments.counts[i * k + j]} rows answer both, or one is constant there)`);
      }
    }
  }
  if (settings.nfactors !== null && settings.nfactors >= k) {
    throw usageError(`--nfactors ${settings.nfactors} is too many for ${k} items: give 1 to ${k - 1}`, { option: '--nfactors' });
  }
}

function fitReport(fit: ReturnType<typeof factorFit>): FactorFitReport {
  const f = (x: number | null): number | null => (x === null ? null : orNull(x));
  return {
    df: fit.df,
    objective: f(fit.objective),
    chiSquare: f(fit.chiSquare),
    pValue: f(fit.pValue),
    nullObjective: f(fit.nullObjective),
    nullDf: fit.nullDf,
    nullChiSquare: f(fit.nullChiSquare),
    tli: f(fit.tli),
    rmsea: fit.rmsea === null ? null : { estimate: f(fit.rmsea.estimate), lower: f(fit.rmsea.lower), upper: f(fit.rmsea.upper), level: fit.rmsea.level },
    bic: f(fit.bic),
    sabic: f(fit.sabic),
    rms: f(fit.rms),
    crms: f(fit.crms),
    empiricalChiSquare: f(fit.empiricalChiSquare),
    empiricalPValue: f(fit.empiricalPValue),
    empiricalBic: f(fit.empiricalBic),
    empiricalSabic: f(fit.empiricalSabic),
    harmonicN: f(fit.harmonicN),
    fit: f(fit.fit),
    fitOff: f(fit.fitOff),
  };
}

function matrixRows(a: Float64Array, m: number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from(a.subarray(i * m, (i + 1) * m)));
}

/** The Report's input section (analyze.ts inputReport): files, format, layout, row accounting. */
function inputReport(pass: Pass, codebook: Codebook, names: string[]): InputReport {
  const read = pass.filter.sourceReports();
  const common = <T>(values: T[]): T | 'mixed' => (values.every((v) => v === values[0]) ? values[0] : 'mixed');
  return {
    files: names,
    rows: pass.rows,
    codebook: codebook.title,
    format: common(read.map((s) => s.format)),
    layout: common(read.map((s) => s.layout)),
    rowsRead: read.reduce((n, s) => n + s.rowsRead, 0),
    headerRows: read.reduce((n, s) => n + s.headerRows, 0),
    excluded: pass.filter.excluded().filter((e) => e.rows > 0 || e.source === 'codebook'),
    sources: read,
  };
}

function labelConflictWarnings(conflicts: RowCoder['labelConflicts']): Warning[] {
  return conflicts.map((c) => ({
    code: 'value-label-conflict',
    column: c.column,
    message: `column ${quoteValue(c.column)}: the file codes ${quoteValue(c.label)} as ${c.fileCode}, the codebook as ${c.codebookCode}; answers were coded by their labels, as the codebook codes them`,
  }));
}
