/**
 * The Report's tables, in a fixed order: reliability, one items table per scale, scores,
 * correlations, prevalence, group comparisons, warnings. `machineTables` gives one value per
 * cell (csv, tsv, json files, the long format); `humanTables` gives paper-style cells
 * (table, markdown, latex, html). Both read the same Report fields; nothing is computed here.
 */
import type { Report, ScaleReport, SourceReport } from './report.js';
import type { Cell, Column, ReportTable } from './table-model.js';
import {
  alphaCiDescription,
  ciTitle,
  coefficientName,
  coefficientShortName,
  prevalenceCiDescription,
  scoreMethodName,
  testName,
} from './method-names.js';
import { humanFrequencyTables, machineFrequencyTables } from './frequency-tables.js';

export function machineTables(report: Report): ReportTable[] {
  return [
    rowAccounting(report),
    machineReliability(report),
    ...report.scales.map(machineItems),
    ...report.scales.map(machineItemMatrix),
    ...beyondAlphaMachineTables(report),
    machineScores(report),
    machineCorrelations(report),
    machinePrevalence(report),
    machineGroupComparisons(report),
    ...machineFrequencyTables(report),
    machineWarnings(report),
  ];
}

export function humanTables(report: Report): ReportTable[] {
  return [
    rowAccounting(report),
    humanReliability(report),
    ...report.scales.map(humanItems),
    ...report.scales.flatMap(humanOmega),
    humanScores(report),
    humanCorrelations(report),
    humanPrevalence(report),
    humanGroupComparisons(report),
    ...humanFrequencyTables(report),
    humanWarnings(report),
  ];
}

const text = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'text', ...extra });
const count = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'count', ...extra });
const num = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'number', ...extra });

const hasDesign = (report: Report): boolean => report.settings.cluster !== null || report.prevalence.some((row) => row.design !== undefined);
const hasSplitHalf = (report: Report): boolean => report.scales.some((scale) => scale.splitHalf !== null);
const isBootstrap = (report: Report): boolean => report.settings.alphaCi === 'bootstrap';
const prevalenceLabel = (report: Report, id: string): string => report.prevalence.find((row) => row.id === id)?.label ?? id;

// ---------------------------------------------------------------- rows

const FORMAT_NAMES: Record<SourceReport['format'], string> = { csv: 'CSV text', xlsx: 'Excel workbook', sav: 'SPSS .sav', zsav: 'SPSS .zsav', dta: 'Stata .dta' };
/** The platform layouts by name; a plain table (one header row, or a .sav/.dta) says nothing more. */
const LAYOUT_NAMES: Partial<Record<SourceReport['layout'], string>> = {
  qualtrics: 'a Qualtrics export',
  'qualtrics-legacy': 'a legacy Qualtrics export',
  surveymonkey: 'a SurveyMonkey export',
  redcap: 'a REDCap export (raw)',
  'redcap-labels': 'a REDCap export (labels)',
  'google-forms': 'a Google Forms export',
  'microsoft-forms': 'a Microsoft Forms export',
};

/**
 * The row accounting: data rows read (after the header rows), header rows skipped, the rows
 * each rule dropped, and the rows analysed. One view serves people and machines.
 */
function rowAccounting(report: Report): ReportTable {
  const { input } = report;
  const columns: Column[] = [text('step', 'Rows', { key: 'id' }), count('rows', 'Count')];
  const rows: Cell[][] = [
    ['read', input.rowsRead],
    ['header rows skipped', input.headerRows],
    ...input.excluded.map((e): Cell[] => [`excluded: ${e.label}`, e.rows]),
    ['analysed', input.rows],
  ];
  const layouts = input.sources.map((s) => {
    const name = s.file.split(/[\\/]/).pop() ?? s.file;
    const layout = LAYOUT_NAMES[s.layout];
    return `${name}: ${FORMAT_NAMES[s.format]}${layout === undefined ? '' : `, ${layout}`}`;
  });
  return { name: 'rows', family: 'rows', title: 'Rows', columns, rows, notes: [`Read: ${layouts.join('; ')}.`] };
}

// ---------------------------------------------------------------- reliability

function machineReliability(report: Report): ReportTable {
  const bootstrap = isBootstrap(report);
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('label', 'Label'),
    text('coefficient', 'Coefficient'),
    count('k', 'Items'),
    count('n', 'n'),
    num('alpha', 'Alpha', { methodFrom: 'coefficient' }),
    text('ci_method', 'CI method'),
    { name: 'ci_level', title: 'CI level', kind: 'exact', methodFrom: 'ci_method' },
    num('ci_lower', 'CI lower', { methodFrom: 'ci_method' }),
    num('ci_upper', 'CI upper', { methodFrom: 'ci_method' }),
    ...(bootstrap ? [count('ci_resamples', 'Resamples'), count('ci_seed', 'Seed')] : []),
    num('standardized_alpha', 'Standardized alpha'),
    num('average_r', 'Average inter-item r'),
    num('lambda6', 'Lambda-6'),
    num('omega_total', 'Omega total'),
    num('split_half_r', 'Split-half r'),
    num('spearman_brown', 'Spearman-Brown'),
    num('lambda1', 'Lambda-1'),
    num('lambda2', 'Lambda-2'),
    num('lambda3', 'Lambda-3'),
    text('split_method', 'Splits used'),
    count('splits', 'Splits', { methodFrom: 'split_method' }),
    count('split_seed', 'Split seed', { methodFrom: 'split_method' }),
    num('lambda4', 'Lambda-4 (best split)', { methodFrom: 'split_method' }),
    num('beta', 'Beta (worst split)', { methodFrom: 'split_method' }),
    num('split_half_mean', 'Mean split half', { methodFrom: 'split_method' }),
    num('lambda5', 'Lambda-5'),
    num('lambda5_plus', 'Lambda-5+'),
    num('glb', 'Greatest lower bound'),
    count('glb_factors', 'GLB factors'),
    num('signal_to_noise', 'S/N'),
    num('alpha_se', 'Alpha SE'),
    num('median_r', 'Median inter-item r'),
    num('var_r', 'Variance of inter-item r'),
    ...SUMMARIES.flatMap(([key, title]) => SUMMARY_FIGURES.map(([figure, figureTitle]) => num(`${key}_${figure}`, `${title}: ${figureTitle}`))),
    ...beyondAlphaColumns(report),
  ];
  const rows = report.scales.map((s): Cell[] => [
    s.id,
    s.label,
    s.coefficient,
    s.k,
    s.n,
    s.alpha,
    s.alphaCI.method,
    s.alphaCI.level,
    s.alphaCI.lower,
    s.alphaCI.upper,
    ...(bootstrap ? [s.alphaCI.resamples ?? null, s.alphaCI.seed ?? null] : []),
    s.standardizedAlpha,
    s.averageInterItemR,
    s.lambda6,
    s.omegaTotal,
    s.splitHalf?.r ?? null,
    s.splitHalf?.spearmanBrown ?? null,
    s.guttman.lambda1,
    s.guttman.lambda2,
    s.guttman.lambda3,
    s.splitHalves.method,
    s.splitHalves.splits,
    s.splitHalves.seed,
    s.guttman.lambda4,
    s.splitHalves.beta,
    s.splitHalves.mean,
    s.guttman.lambda5,
    s.guttman.lambda5Plus,
    s.glb,
    s.glbFactors,
    s.signalToNoise,
    s.alphaSe,
    s.medianR,
    s.varR,
    ...SUMMARIES.flatMap(([key]) => SUMMARY_FIGURES.map(([figure]) => s.itemSummary[SUMMARY_FIELDS[key]][SUMMARY_STAT[figure]])),
    ...beyondAlphaCells(report, s),
  ]);
  return { name: 'reliability', family: 'reliability', title: 'Reliability', columns, rows, notes: [] };
}

/** SPSS summary item statistics: the machine columns `<set>_<figure>`. */
const SUMMARIES = [
  ['item_means', 'Item means'],
  ['item_variances', 'Item variances'],
  ['inter_item_covariances', 'Inter-item covariances'],
  ['inter_item_correlations', 'Inter-item correlations'],
] as const;
const SUMMARY_FIELDS = {
  item_means: 'itemMeans',
  item_variances: 'itemVariances',
  inter_item_covariances: 'interItemCovariances',
  inter_item_correlations: 'interItemCorrelations',
} as const;
const SUMMARY_FIGURES = [
  ['mean', 'mean'],
  ['min', 'minimum'],
  ['max', 'maximum'],
  ['range', 'range'],
  ['max_over_min', 'maximum / minimum'],
  ['variance', 'variance'],
] as const;
const SUMMARY_STAT = { mean: 'mean', min: 'min', max: 'max', range: 'range', max_over_min: 'maxOverMin', variance: 'variance' } as const;

function humanReliability(report: Report): ReportTable {
  const split = hasSplitHalf(report);
  const columns: Column[] = [
    text('scale', 'Scale'),
    text('coefficient', 'Coefficient'),
    count('k', 'Items'),
    count('n', 'n'),
    num('alpha', 'Estimate'),
    { name: 'ci', title: ciTitle(report), kind: 'interval' },
    num('standardized_alpha', 'Standardized'),
    num('average_r', 'Average r'),
    num('lambda6', 'Lambda-6'),
    num('omega_total', 'Omega'),
    num('lambda4', 'Lambda-4'),
    num('beta', 'Beta'),
    num('glb', 'GLB'),
    ...(split ? [num('split_half_r', 'Split-half r'), num('spearman_brown', 'Spearman-Brown')] : []),
    ...(isFull(report)
      ? [
          num('omega_h', 'Omega h'),
          num('omega_sl', 'Omega t (SL)'),
          { name: 'omega_sl_ci', title: 'Omega t (SL) CI', kind: 'interval' } satisfies Column,
          count('parallel_components', 'PA components'),
          count('parallel_factors', 'PA factors'),
          count('map_minimum', 'MAP'),
        ]
      : []),
    ...(isOrdinal(report) ? [num('ordinal_alpha', 'Ordinal alpha'), num('ordinal_omega', 'Ordinal omega')] : []),
  ];
  const rows = report.scales.map((s): Cell[] => [
    s.label,
    coefficientName(s.coefficient),
    s.k,
    s.n,
    s.alpha,
    { lower: s.alphaCI.lower, upper: s.alphaCI.upper },
    s.standardizedAlpha,
    s.averageInterItemR,
    s.lambda6,
    s.omegaTotal,
    s.guttman.lambda4,
    s.splitHalves.beta,
    s.glb,
    ...(split ? [s.splitHalf?.r ?? null, s.splitHalf?.spearmanBrown ?? null] : []),
    ...(isFull(report)
      ? [
          s.omega?.omegaH ?? null,
          s.omega?.omegaTotal ?? null,
          { lower: s.omega?.ci?.lower ?? null, upper: s.omega?.ci?.upper ?? null },
          s.dimensionality?.parallel.components ?? null,
          s.dimensionality?.parallel.factors ?? null,
          s.dimensionality?.map.minimum ?? null,
        ]
      : []),
    ...(isOrdinal(report) ? [s.ordinal?.alpha ?? null, s.ordinal?.omegaTotal ?? null] : []),
  ]);
  const sampled = report.scales.filter((s) => s.splitHalves.method === 'sampled');
  const notes = [
    `Estimate: Cronbach's alpha (KR-20 for items scored 0/1), ${report.settings.missing} deletion; CI: ${alphaCiDescription(report)}.`,
    'Standardized: alpha of the item correlations; Average r: mean inter-item correlation; Lambda-6: Guttman (SMC); Omega: McDonald omega total (one factor).',
    'Lambda-4, Beta: the best and the worst split-half reliability of the item correlations over every split into halves' +
      (sampled.length > 0
        ? ` (${sampled.map((s) => s.id).join(', ')}: ${sampled[0].splitHalves.splits} random splits, seed ${sampled[0].splitHalves.seed ?? ''})`
        : '') +
      (isFull(report) ? '; GLB: greatest lower bound (factor-analytic, psych glb.fa).' : '; GLB: not computed (--reliability basic; --reliability full adds it).'),
    ...beyondAlphaNotes(report),
  ];
  return { name: 'reliability', family: 'reliability', title: 'Reliability', columns, rows, notes };
}

// ---------------------------------------------------------------- items

function machineItems(scale: ScaleReport): ReportTable {
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('item', 'Item', { key: 'item' }),
    { name: 'reversed', title: 'Reversed', kind: 'flag' },
    count('n', 'n'),
    num('mean', 'Mean'),
    num('sd', 'SD'),
    num('item_total_r', 'Item-total r'),
    num('item_rest_r', 'Item-rest r'),
    num('alpha_if_deleted', 'Alpha if deleted'),
    num('smc', 'SMC'),
    count('missing', 'Missing'),
    text('label', 'Wording'),
    num('standardized_alpha_if_deleted', 'Standardized alpha if deleted'),
    num('lambda6_if_deleted', 'Lambda-6 if deleted'),
    num('average_r_if_deleted', 'Average r if deleted'),
    num('signal_to_noise_if_deleted', 'S/N if deleted'),
    num('alpha_se_if_deleted', 'Alpha SE if deleted'),
    num('var_r_if_deleted', 'Variance of r if deleted'),
    num('median_r_if_deleted', 'Median r if deleted'),
    num('omega_if_deleted', 'Omega total if deleted'),
  ];
  const rows = scale.items.map((i): Cell[] => [
    scale.id,
    i.id,
    i.reversed,
    i.n,
    i.mean,
    i.sd,
    i.itemTotalR,
    i.itemRestR,
    i.alphaIfDeleted,
    i.smc,
    i.missing,
    i.label,
    i.ifDeleted.standardizedAlpha,
    i.ifDeleted.lambda6,
    i.ifDeleted.averageR,
    i.ifDeleted.signalToNoise,
    i.ifDeleted.alphaSe,
    i.ifDeleted.varR,
    i.ifDeleted.medianR,
    i.ifDeleted.omegaTotal,
  ]);
  return { name: `items-${scale.id}`, family: 'items', title: `Items: ${scale.label}`, columns, rows, notes: [], scale: scale.id };
}

/** The item covariance and correlation matrices behind the reliability figures, one row per cell. */
function machineItemMatrix(scale: ScaleReport): ReportTable {
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('item', 'Item', { key: 'item' }),
    text('with', 'With', { key: 'with' }),
    num('covariance', 'Covariance'),
    num('r', 'r'),
  ];
  const ids = scale.items.map((i) => i.id);
  const rows: Cell[][] = [];
  ids.forEach((a, i) => ids.forEach((b, j) => rows.push([scale.id, a, b, scale.covarianceMatrix[i]?.[j] ?? null, scale.correlationMatrix[i]?.[j] ?? null])));
  return { name: `item-matrix-${scale.id}`, family: 'item-matrix', title: `Item covariances and correlations: ${scale.label}`, columns, rows, notes: [], scale: scale.id };
}

/**
 * The name of the human items table's last column, the items' wording (codebook itemLabels, else
 * the labels read from the file), present when any item has one; an item without wording has an
 * empty cell. The terminal drops the column (its items table must fit 80 columns) and prints
 * the wording as a note instead.
 */
export const WORDING_COLUMN = 'wording';

function humanItems(scale: ScaleReport): ReportTable {
  const coefficient = coefficientShortName(scale.coefficient);
  const worded = scale.items.some((i) => i.label !== null);
  const columns: Column[] = [
    text('item', 'Item'),
    { name: 'reversed', title: 'Rev.', kind: 'flag', mark: 'R' },
    count('n', 'n'),
    num('mean', 'Mean'),
    num('sd', 'SD'),
    num('item_total_r', 'Item-total r'),
    num('item_rest_r', 'Item-rest r'),
    num('alpha_if_deleted', `${coefficient} if deleted`),
    num('smc', 'SMC'),
    ...(worded ? [text(WORDING_COLUMN, 'Wording')] : []),
  ];
  const rows = scale.items.map((i): Cell[] => [
    i.id,
    i.reversed,
    i.n,
    i.mean,
    i.sd,
    i.itemTotalR,
    i.itemRestR,
    i.alphaIfDeleted,
    i.smc,
    ...(worded ? [i.label ?? ''] : []),
  ]);
  const reversed = scale.items.some((i) => i.reversed) ? ['R: reverse-keyed item (scored min + max - x).'] : [];
  const notes = [
    ...reversed,
    `Item-total r, item-rest r: correlation with the sum of all items, of the other items; ${coefficient} if deleted: of the other ${scale.k - 1} items; SMC: squared multiple correlation.`,
  ];
  return {
    name: `items-${scale.id}`,
    family: 'items',
    title: `Items: ${scale.label} (${scale.id})`,
    columns,
    rows,
    notes,
    scale: scale.id,
  };
}

// ---------------------------------------------------------------- beyond alpha: omega, dimensionality, ordinal

const isFull = (report: Report): boolean => report.settings.reliability === 'full';
const isOrdinal = (report: Report): boolean => report.settings.itemCorrelations === 'polychoric';
const bounds = (values: readonly string[]): string => values.join(', ');

/** The machine reliability columns of --reliability full and --item-correlations polychoric (absent otherwise). */
function beyondAlphaColumns(report: Report): Column[] {
  return [
    ...(isFull(report)
      ? [
          count('omega_nfactors', 'Omega factors'),
          num('omega_h', 'Omega hierarchical'),
          num('omega_limit', 'Omega h asymptotic'),
          num('omega_total_sl', 'Omega total (Schmid-Leiman)'),
          text('omega_ci_method', 'Omega CI method'),
          { name: 'omega_ci_level', title: 'Omega CI level', kind: 'exact', methodFrom: 'omega_ci_method' } satisfies Column,
          num('omega_ci_lower', 'Omega total CI lower', { methodFrom: 'omega_ci_method' }),
          num('omega_ci_upper', 'Omega total CI upper', { methodFrom: 'omega_ci_method' }),
          count('omega_ci_resamples', 'Omega CI resamples', { methodFrom: 'omega_ci_method' }),
          count('omega_ci_valid', 'Omega CI defined resamples', { methodFrom: 'omega_ci_method' }),
          count('omega_ci_seed', 'Omega CI seed', { methodFrom: 'omega_ci_method' }),
          count('parallel_components', 'Parallel analysis: components'),
          count('parallel_factors', 'Parallel analysis: factors'),
          count('parallel_iterations', 'Parallel analysis: simulations'),
          count('parallel_seed', 'Parallel analysis: seed'),
          count('map_minimum', 'MAP: components'),
        ]
      : []),
    ...(isOrdinal(report)
      ? [
          text('ordinal_kind', 'Ordinal correlations'),
          num('ordinal_alpha', 'Ordinal alpha', { methodFrom: 'ordinal_kind' }),
          num('ordinal_omega_total', 'Ordinal omega total', { methodFrom: 'ordinal_kind' }),
          ...(isFull(report) ? [num('ordinal_omega_h', 'Ordinal omega hierarchical', { methodFrom: 'ordinal_kind' })] : []),
          count('ordinal_items', 'Ordinal items'),
          { name: 'ordinal_smoothed', title: 'Ordinal smoothed', kind: 'flag' } satisfies Column,
          count('ordinal_corrected_pairs', 'Ordinal corrected pairs'),
        ]
      : []),
  ];
}

function beyondAlphaCells(report: Report, s: ScaleReport): Cell[] {
  const o = s.omega;
  const d = s.dimensionality;
  const ord = s.ordinal ?? null;
  return [
    ...(isFull(report)
      ? [
          o?.nfactors ?? null,
          o?.omegaH ?? null,
          o?.omegaLimit ?? null,
          o?.omegaTotal ?? null,
          o?.ci?.method ?? null,
          o?.ci?.level ?? null,
          o?.ci?.lower ?? null,
          o?.ci?.upper ?? null,
          o?.ci?.resamples ?? null,
          o?.ci?.valid ?? null,
          o?.ci?.seed ?? null,
          d?.parallel.components ?? null,
          d?.parallel.factors ?? null,
          d?.parallel.iterations ?? null,
          d?.parallel.seed ?? null,
          d?.map.minimum ?? null,
        ]
      : []),
    ...(isOrdinal(report)
      ? [
          ord?.kind ?? null,
          ord?.alpha ?? null,
          ord?.omegaTotal ?? null,
          ...(isFull(report) ? [ord?.omegaH ?? null] : []),
          ord?.items.length ?? null,
          ord?.smoothed ?? null,
          ord?.correctedPairs ?? null,
        ]
      : []),
  ];
}

function beyondAlphaNotes(report: Report): string[] {
  const notes = [
    isFull(report)
      ? `Reliability figures: full (--reliability full). Omega h: McDonald's omega hierarchical of a Schmid-Leiman solution (psych::omega: minres, oblimin, ` +
        `${report.settings.nfactors} group factors unless the codebook sets a scale's nfactors; items loading negatively on g are reversed, psych's flip = TRUE); ` +
        `Omega t (SL): its omega total, with its percentile bootstrap interval (${report.settings.bootstrap?.resamples ?? ''} resamples, seed ${report.settings.bootstrap?.seed ?? ''}). ` +
        'PA components, PA factors: the numbers parallel analysis suggests (psych fa.parallel); MAP: the components at the minimum of Velicer\'s MAP.'
      : 'Reliability figures: basic (closed forms; --reliability full adds glb, omega if dropped, omega hierarchical with its interval, parallel analysis and MAP).',
  ];
  if (isOrdinal(report)) {
    const kinds = [...new Set(report.scales.flatMap((s) => (s.ordinal ? [s.ordinal.kind] : [])))];
    notes.push(`Ordinal alpha, ordinal omega: from ${kinds.length > 0 ? kinds.join(' and ') : 'polychoric'} item correlations (tetrachoric for items scored 0/1; psych ` +
      'polychoric/tetrachoric: correction .5 for empty cells, cor.smooth when not positive definite); the other figures use Pearson correlations.');
  } else {
    notes.push('Item correlations: Pearson.');
  }
  return notes;
}

/** The machine tables of the figures beyond alpha, per scale: omega loadings, dimensionality, ordinal correlations and thresholds. */
function beyondAlphaMachineTables(report: Report): ReportTable[] {
  return report.scales.flatMap((scale) => [
    ...(scale.omega ? [machineOmega(scale)] : []),
    ...(scale.dimensionality ? [machineDimensionality(scale)] : []),
    ...(scale.ordinal ? [machineOrdinal(scale), machineThresholds(scale)] : []),
  ]);
}

function omegaColumns(nfactors: number): Column[] {
  return [
    num('g', 'g'),
    ...Array.from({ length: nfactors }, (_, f) => num(`f${f + 1}`, `F${f + 1}*`)),
    num('h2', 'h2'),
    num('u2', 'u2'),
    num('p2', 'p2'),
  ];
}

function omegaCells(scale: ScaleReport, i: number): Cell[] {
  const o = scale.omega!;
  return [o.general[i], ...o.groups[i], o.h2[i], o.u2[i], o.p2[i]];
}

/** The Schmid-Leiman loadings of a scale: g, the group factors, h², u², p² per item; then psych's omega.group. */
function machineOmega(scale: ScaleReport): ReportTable {
  const o = scale.omega!;
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('item', 'Item', { key: 'item' }),
    { name: 'flipped', title: 'Flipped', kind: 'flag' },
    ...omegaColumns(o.nfactors),
  ];
  const rows = scale.items.map((item, i): Cell[] => [scale.id, item.id, o.flipped.includes(item.id), ...omegaCells(scale, i)]);
  const groups = o.groupOmegas.map((g) => `${g.factor} (${g.items.join(', ')}): total ${fmt(g.total)}, general ${fmt(g.general)}, group ${fmt(g.group)}`);
  return {
    name: `omega-${scale.id}`,
    family: 'omega',
    title: `Omega (Schmid-Leiman): ${scale.label}`,
    columns,
    rows,
    notes: [`omega.group: ${groups.join('; ')}.`],
    scale: scale.id,
  };
}

const fmt = (x: number | null): string => (x === null ? 'null' : String(x));

/** People's view of the Schmid-Leiman loadings (--reliability full). */
function humanOmega(scale: ScaleReport): ReportTable[] {
  const o = scale.omega;
  if (!o) return [];
  const columns: Column[] = [text('item', 'Item'), { name: 'flipped', title: 'Flip', kind: 'flag', mark: 'R' }, ...omegaColumns(o.nfactors)];
  const rows = scale.items.map((item, i): Cell[] => [item.id, o.flipped.includes(item.id), ...omegaCells(scale, i)]);
  const notes = [
    `Schmid-Leiman solution of ${o.nfactors} minres factors, oblimin (psych::omega); its omega h and the interval of its omega total are in the reliability table.`,
    'g: general-factor loading; F1*...: group-factor loadings; h2: communality; u2: uniqueness; p2: g²/h2.' +
      (o.flipped.length > 0 ? ' R: reversed for omega (loads negatively on g; psych flip = TRUE).' : ''),
  ];
  return [{ name: `omega-${scale.id}`, family: 'omega', title: `Omega: ${scale.label} (${scale.id})`, columns, rows, notes, scale: scale.id }];
}

/** Parallel analysis and MAP: one row per eigenvalue / number of components. */
function machineDimensionality(scale: ScaleReport): ReportTable {
  const d = scale.dimensionality!;
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('index', 'Eigenvalue / components', { key: 'item' }),
    num('pc', 'PC eigenvalue'),
    num('fa', 'FA eigenvalue'),
    num('simulated_pc', 'Simulated PC mean'),
    num('simulated_fa', 'Simulated FA mean'),
    num('simulated_pc_q95', 'Simulated PC 95% quantile'),
    num('simulated_fa_q95', 'Simulated FA 95% quantile'),
    num('map', 'MAP'),
  ];
  const p = d.parallel;
  const rows = p.pc.map((_, e): Cell[] => [
    scale.id,
    String(e + 1),
    p.pc[e],
    p.fa[e],
    p.simulatedPc[e],
    p.simulatedFa[e],
    p.simulatedPcQuantile[e],
    p.simulatedFaQuantile[e],
    d.map.values[e + 1] ?? null,
  ]);
  return {
    name: `dimensionality-${scale.id}`,
    family: 'dimensionality',
    title: `Dimensionality: ${scale.label}`,
    columns,
    rows,
    notes: [
      `Parallel analysis (psych fa.parallel, ${p.iterations} simulations of n = ${p.n}, seed ${p.seed}): ${p.components ?? 'no'} components, ` +
        `${p.factors ?? 'no'} factors suggested; Velicer's MAP: minimum at ${d.map.minimum ?? '—'} components (MAP with 0 components: ${fmt(d.map.values[0] ?? null)}).`,
    ],
    scale: scale.id,
  };
}

/** The ordinal correlations of a scale, one row per item pair. */
function machineOrdinal(scale: ScaleReport): ReportTable {
  const o = scale.ordinal!;
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('item', 'Item', { key: 'item' }),
    text('with', 'With', { key: 'with' }),
    text('kind', 'Correlation'),
    num('rho', 'rho', { methodFrom: 'kind' }),
  ];
  const ids = scale.items.map((i) => i.id);
  const rows: Cell[][] = [];
  ids.forEach((a, i) => ids.forEach((b, j) => rows.push([scale.id, a, b, o.kind, o.rho[i]?.[j] ?? null])));
  const excluded = o.excluded.map((e) => `${e.item} (${e.reason})`);
  return {
    name: `ordinal-${scale.id}`,
    family: 'ordinal',
    title: `Ordinal (${o.kind}) correlations: ${scale.label}`,
    columns,
    rows,
    notes: [
      ...(o.smoothed ? ['Smoothed (psych cor.smooth): the matrix was not positive definite.'] : []),
      ...(excluded.length > 0 ? [`Left out: ${excluded.join('; ')}.`] : []),
      `Items: ${bounds(o.items)}.`,
    ],
    scale: scale.id,
  };
}

/** Each item's thresholds (psych tau), one row per threshold. */
function machineThresholds(scale: ScaleReport): ReportTable {
  const o = scale.ordinal!;
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('item', 'Item', { key: 'item' }),
    text('threshold', 'Threshold', { key: 'with' }),
    num('tau', 'tau'),
  ];
  const rows: Cell[][] = [];
  scale.items.forEach((item, i) => (o.thresholds[i] ?? []).forEach((t, c) => rows.push([scale.id, item.id, String(c + 1), t])));
  return {
    name: `ordinal-thresholds-${scale.id}`,
    family: 'ordinal-thresholds',
    title: `Ordinal thresholds: ${scale.label}`,
    columns,
    rows,
    notes: ['An empty tau is a threshold at plus or minus infinity (a category never used).'],
    scale: scale.id,
  };
}

// ---------------------------------------------------------------- scores

function machineScores(report: Report): ReportTable {
  const columns: Column[] = [
    text('scale', 'Scale', { key: 'id' }),
    text('method', 'Score'),
    count('n', 'n', { methodFrom: 'method' }),
    num('mean', 'Mean', { methodFrom: 'method' }),
    num('sd', 'SD', { methodFrom: 'method' }),
    num('min', 'Min', { methodFrom: 'method' }),
    num('max', 'Max', { methodFrom: 'method' }),
  ];
  const rows = report.scales.map((s): Cell[] => [s.id, s.score.method, s.score.n, s.score.mean, s.score.sd, s.score.min, s.score.max]);
  return { name: 'scores', family: 'scores', title: 'Scale scores', columns, rows, notes: [] };
}

function humanScores(report: Report): ReportTable {
  const columns: Column[] = [
    text('scale', 'Scale'),
    text('method', 'Score'),
    count('n', 'n'),
    num('mean', 'Mean'),
    num('sd', 'SD'),
    num('min', 'Min'),
    num('max', 'Max'),
  ];
  const rows = report.scales.map((s): Cell[] => [s.label, scoreMethodName(s.score.method), s.score.n, s.score.mean, s.score.sd, s.score.min, s.score.max]);
  return {
    name: 'scores',
    family: 'scores',
    title: 'Scale scores',
    columns,
    rows,
    notes: ['n: respondents with a score (enough items answered); a sum with missing items is prorated.'],
  };
}

// ---------------------------------------------------------------- correlations

function machineCorrelations(report: Report): ReportTable {
  const c = report.correlations;
  const columns: Column[] = [
    text('scale_a', 'Scale', { key: 'id' }),
    text('scale_b', 'With', { key: 'with' }),
    text('method', 'Method'),
    count('n', 'n'),
    num('r', 'r', { methodFrom: 'method' }),
    { name: 'ci_level', title: 'CI level', kind: 'exact' },
    num('ci_lower', 'CI lower'),
    num('ci_upper', 'CI upper'),
  ];
  const rows: Cell[][] = [];
  for (let i = 0; i < c.ids.length; i++) {
    for (let j = i + 1; j < c.ids.length; j++) {
      const ci = c.ci[i]?.[j] ?? null;
      rows.push([c.ids[i], c.ids[j], c.method, c.n[i][j], c.r[i][j], c.level, ci?.lower ?? null, ci?.upper ?? null]);
    }
  }
  return { name: 'correlations', family: 'correlations', title: 'Correlations between scale scores', columns, rows, notes: [] };
}

/**
 * Each pair of scales once, as psych's corr.test lists its intervals: r with its n, and the
 * Fisher-z interval, in the machine table's order (1 with 2, 1 with 3, ..., 2 with 3).
 */
function humanCorrelations(report: Report): ReportTable {
  const c = report.correlations;
  const labels = c.ids.map((id) => report.scales.find((s) => s.id === id)?.label ?? id);
  const columns: Column[] = [
    text('scale', 'Scale'),
    text('with', 'With'),
    { name: 'r', title: 'r (n)', kind: 'r-n' },
    { name: 'ci', title: ciTitle(report), kind: 'interval' },
  ];
  const rows: Cell[][] = [];
  for (let i = 0; i < c.ids.length; i++) {
    for (let j = i + 1; j < c.ids.length; j++) {
      const ci = c.ci[i]?.[j] ?? null;
      rows.push([labels[i], labels[j], { r: c.r[i][j], n: c.n[i][j] }, { lower: ci?.lower ?? null, upper: ci?.upper ?? null }]);
    }
  }
  const method = c.method === 'spearman' ? 'Spearman' : 'Pearson';
  return {
    name: 'correlations',
    family: 'correlations',
    title: 'Correlations between scale scores',
    columns,
    rows,
    notes: [`${method} r of the scale scores, pairwise complete; n in parentheses; CI: Fisher z interval.`],
  };
}

// ---------------------------------------------------------------- prevalence

function machinePrevalence(report: Report): ReportTable {
  const design = hasDesign(report);
  const columns: Column[] = [
    text('prevalence', 'Prevalence', { key: 'id' }),
    text('label', 'Label'),
    text('group_column', 'Group column', { key: 'group_column' }),
    text('group_value', 'Group', { key: 'group_value' }),
    count('count', 'Count'),
    count('n', 'n'),
    { name: 'proportion', title: 'Proportion', kind: 'proportion' },
    text('ci_method', 'CI method'),
    { name: 'ci_level', title: 'CI level', kind: 'exact', methodFrom: 'ci_method' },
    { name: 'ci_lower', title: 'CI lower', kind: 'proportion', methodFrom: 'ci_method' },
    { name: 'ci_upper', title: 'CI upper', kind: 'proportion', methodFrom: 'ci_method' },
    ...(design
      ? [
          text('cluster', 'Cluster'),
          count('clusters', 'Clusters', { methodFrom: 'cluster' }),
          count('design_df', 'Design df', { methodFrom: 'cluster' }),
          num('design_effect', 'Design effect', { methodFrom: 'cluster' }),
          num('design_se', 'Design SE', { methodFrom: 'cluster' }),
        ]
      : []),
  ];
  const rows = report.prevalence.map((p): Cell[] => [
    p.id,
    p.label,
    p.group?.column ?? null,
    p.group?.value ?? null,
    p.count,
    p.n,
    p.proportion,
    p.ci.method,
    p.ci.level,
    p.ci.lower,
    p.ci.upper,
    ...(design
      ? [p.design?.cluster ?? null, p.design?.clusters ?? null, p.design?.df ?? null, p.design?.designEffect ?? null, p.design?.standardError ?? null]
      : []),
  ]);
  return { name: 'prevalence', family: 'prevalence', title: 'Prevalence', columns, rows, notes: [] };
}

function humanPrevalence(report: Report): ReportTable {
  const design = hasDesign(report);
  const columns: Column[] = [
    text('measure', 'Measure', { group: true }),
    text('group', 'Group'),
    { name: 'prevalence', title: 'Prevalence', kind: 'percent-count' },
    { name: 'ci', title: ciTitle(report), kind: 'percent-interval' },
    { name: 'answered', title: 'n/N', kind: 'fraction' },
    ...(design ? [num('design_effect', 'Deff')] : []),
  ];
  const rows = report.prevalence.map((p): Cell[] => [
    p.label,
    p.group === null ? 'Overall' : `${p.group.column}: ${p.group.value}`,
    { proportion: p.proportion, count: p.count },
    { lower: p.ci.lower, upper: p.ci.upper },
    { count: p.count, n: p.n },
    ...(design ? [p.design?.designEffect ?? null] : []),
  ]);
  const notes = [
    `Prevalence: percent of those who answered, n = positive answers; n/N: positive / answered; CI: ${prevalenceCiDescription(report)}.`,
    ...(design ? [`Deff: design effect of clustering by ${report.settings.cluster ?? 'cluster'}.`] : []),
    ...report.groupMissing
      .filter((g) => g.rows > 0)
      .map((g) => `${g.column}: ${g.rows} row${g.rows === 1 ? '' : 's'} without a value, counted in Overall only.`),
  ];
  return { name: 'prevalence', family: 'prevalence', title: 'Prevalence', columns, rows, notes };
}

// ---------------------------------------------------------------- group comparisons

function machineGroupComparisons(report: Report): ReportTable {
  const columns: Column[] = [
    text('prevalence', 'Prevalence', { key: 'id' }),
    text('group_column', 'Group column', { key: 'group_column' }),
    text('test', 'Test'),
    // Pearson's chi-square (Yates-corrected for 2 x 2) whichever test gives p.
    num('statistic', 'Chi-square'),
    count('df', 'df'),
    { name: 'p_value', title: 'p', kind: 'p-value', methodFrom: 'test' },
    { name: 'chi_square_p_value', title: 'Chi-square p', kind: 'p-value' },
    { name: 'yates', title: 'Yates', kind: 'flag' },
    count('groups', 'Groups'),
    count('n', 'n'),
    num('min_expected', 'Min. expected'),
  ];
  const rows = report.groupComparisons.map((g): Cell[] => [
    g.id,
    g.column,
    g.test,
    g.statistic,
    g.df,
    g.pValue,
    g.chiSquarePValue ?? null,
    g.yates ?? null,
    g.groups,
    g.n,
    g.minExpected,
  ]);
  return { name: 'group-comparisons', family: 'group-comparisons', title: 'Group comparisons', columns, rows, notes: [] };
}

function humanGroupComparisons(report: Report): ReportTable {
  const columns: Column[] = [
    text('measure', 'Measure', { group: true }),
    text('group_column', 'By'),
    text('test', 'Test'),
    num('statistic', 'Chi-square'),
    count('df', 'df'),
    { name: 'p_value', title: 'p', kind: 'p-value' },
    count('groups', 'Groups'),
    count('n', 'n'),
    num('min_expected', 'Min. expected'),
  ];
  const rows = report.groupComparisons.map((g): Cell[] => [
    prevalenceLabel(report, g.id),
    g.column,
    testName(g.test),
    g.statistic,
    g.df,
    g.pValue,
    g.groups,
    g.n,
    g.minExpected,
  ]);
  return {
    name: 'group-comparisons',
    family: 'group-comparisons',
    title: 'Group comparisons',
    columns,
    rows,
    notes: [
      "Does the prevalence differ between groups? p: Fisher's exact test for two groups; for more, Pearson's chi-square test, or the Fisher-Freeman-Halton exact test when an expected count is below 5. Chi-square: Pearson's statistic (Yates-corrected for two groups), shown whichever test gives p.",
    ],
  };
}

// ---------------------------------------------------------------- warnings

function machineWarnings(report: Report): ReportTable {
  const columns: Column[] = [
    text('code', 'Code'),
    text('scale', 'Scale'),
    text('item', 'Item'),
    text('prevalence', 'Prevalence'),
    text('column', 'Column'),
    count('count', 'Count'),
    text('message', 'Message'),
  ];
  const rows = report.warnings.map((w): Cell[] => [w.code, w.scale ?? null, w.item ?? null, w.prevalence ?? null, w.column ?? null, w.count ?? null, w.message]);
  return { name: 'warnings', family: 'warnings', title: 'Warnings', columns, rows, notes: [] };
}

function humanWarnings(report: Report): ReportTable {
  const columns: Column[] = [text('code', 'Code'), text('message', 'Message')];
  const rows = report.warnings.map((w): Cell[] => [w.code, w.message]);
  return { name: 'warnings', family: 'warnings', title: 'Warnings', columns, rows, notes: [] };
}
