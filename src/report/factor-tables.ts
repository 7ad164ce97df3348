/**
 * The tables of a FactorsDocument (the `factors` command), in a fixed order: rows, summary,
 * loadings, variance explained, factor correlations, fit, parallel analysis, MAP, items against
 * scales, warnings. `machineFactorTables` gives one value per cell (csv, tsv); every loading,
 * structure loading and figure is there. `humanFactorTables` gives the tables people read
 * (table, markdown, latex, html): the loadings sorted as fa.sort and blank below --cut, as
 * print.psych prints them; the fit as a short list; the misplaced items only. Nothing is
 * computed here.
 */
import type { FactorsDocument } from './factor-report-types.js';
import type { Cell, Column, ReportTable } from './table-model.js';

const text = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'text', ...extra });
const count = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'count', ...extra });
const num = (name: string, title: string, extra: Partial<Column> = {}): Column => ({ name, title, kind: 'number', ...extra });
const snake = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

const FM_NAMES = { minres: 'minimum residual (minres)', ml: 'maximum likelihood (ml)', pa: 'principal axis (pa)' } as const;
const FROM_NAMES = { option: '--nfactors', 'parallel-analysis': 'parallel analysis (factors)', default: 'default: parallel analysis suggests none' } as const;

export function machineFactorTables(doc: FactorsDocument): ReportTable[] {
  const f = doc.factors;
  return [
    rowAccounting(doc),
    machineSummary(doc),
    machineItems(doc),
    machineLoadings(doc),
    variance(doc),
    ...(f.phi === null ? [] : [phi(doc)]),
    machineFit(doc),
    parallel(doc),
    map(doc),
    machineAssignment(doc),
    scaleFactors(doc),
    warnings(doc),
  ];
}

export function humanFactorTables(doc: FactorsDocument): ReportTable[] {
  const f = doc.factors;
  return [
    rowAccounting(doc),
    humanSummary(doc),
    humanLoadings(doc),
    variance(doc),
    ...(f.phi === null ? [] : [phi(doc)]),
    humanFit(doc),
    parallel(doc),
    map(doc),
    scaleFactors(doc),
    humanMisplaced(doc),
    warnings(doc),
  ];
}

// ---------------------------------------------------------------- rows, summary, items

function rowAccounting(doc: FactorsDocument): ReportTable {
  const { input } = doc;
  const rows: Cell[][] = [
    ['read', input.rowsRead],
    ['header rows skipped', input.headerRows],
    ...input.excluded.map((e): Cell[] => [`excluded: ${e.label}`, e.rows]),
    ['analysed', input.rows],
  ];
  const files = input.sources.map((s) => s.file.split(/[\\/]/).pop() ?? s.file);
  return { name: 'rows', family: 'rows', title: 'Rows', columns: [text('step', 'Rows', { key: 'id' }), count('rows', 'Count')], rows, notes: [`Read: ${files.join('; ')}.`] };
}

function machineSummary(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const columns: Column[] = [
    count('k', 'Items'),
    count('n', 'n'),
    num('harmonic_n', 'Harmonic n'),
    text('missing', 'Missing'),
    text('fm', 'Extraction'),
    text('rotation', 'Rotation'),
    count('nfactors', 'Factors'),
    text('nfactors_from', 'Number of factors from'),
    count('parallel_factors', 'Parallel analysis: factors'),
    count('parallel_components', 'Parallel analysis: components'),
    count('map_minimum', 'MAP minimum'),
    count('misplaced', 'Misplaced items'),
    count('extraction_iterations', 'Extraction iterations'),
    { name: 'extraction_converged', title: 'Extraction converged', kind: 'flag' },
    count('seed', 'Seed'),
  ];
  const row: Cell[] = [
    f.k, f.n, f.harmonicN, f.missing, f.fm, f.rotation, f.nfactors, f.nfactorsFrom,
    f.parallel.factors, f.parallel.components, f.map.minimum, f.assignment.misplaced,
    f.extraction.iterations, f.extraction.converged, doc.settings.seed,
  ];
  return { name: 'factor-summary', family: 'factor-summary', title: 'Factor analysis', columns, rows: [row], notes: [] };
}

function humanSummary(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const suggests = (x: number | null, noun: string): string => (x === null ? `no number of ${noun}s` : `${x} ${noun}${x === 1 ? '' : 's'}`);
  const rows: Cell[][] = [
    ['Items', `${f.k}, every item of every scale once`],
    ['Respondents', f.missing === 'pairwise' ? `${f.n} (pairwise; harmonic mean of the pairwise counts ${Math.round(f.harmonicN * 10) / 10})` : `${f.n} (listwise: complete rows)`],
    ['Extraction', FM_NAMES[f.fm]],
    ['Rotation', f.rotation === doc.settings.rotation ? f.rotation : `${f.rotation} (${doc.settings.rotation} asked)`],
    ['Factors', `${f.nfactors}, from ${FROM_NAMES[f.nfactorsFrom]}`],
    ['Parallel analysis', `suggests ${suggests(f.parallel.factors, 'factor')} and ${suggests(f.parallel.components, 'component')} (seed ${f.parallel.seed}, ${f.parallel.iterations} simulations)`],
    ['Velicer MAP', f.map.minimum === null ? 'undefined' : `minimum at ${f.map.minimum} component${f.map.minimum === 1 ? '' : 's'}`],
    ['Items against scales', f.assignment.misplaced === 0 ? 'every item loads most on its scale\'s factor' : `${f.assignment.misplaced} item${f.assignment.misplaced === 1 ? ' loads' : 's load'} most on a factor other than ${f.assignment.misplaced === 1 ? 'its' : 'their'} scale's`],
  ];
  return { name: 'factor-summary', family: 'factor-summary', title: 'Factor analysis', columns: [text('setting', 'Setting', { key: 'id' }), text('value', 'Value')], rows, notes: [] };
}

function machineItems(doc: FactorsDocument): ReportTable {
  const columns: Column[] = [
    text('item', 'Item', { key: 'id' }),
    text('scale', 'Scale'),
    text('scales', 'Scales'),
    { name: 'reversed', title: 'Reversed', kind: 'flag' },
    { name: 'keyed', title: 'Keyed', kind: 'flag' },
    count('n', 'n'),
    num('mean', 'Mean'),
    num('sd', 'SD'),
    text('label', 'Label'),
  ];
  const rows = doc.factors.items.map((i): Cell[] => [i.id, i.scale, i.scales.join(' '), i.reversed, i.keyed, i.n, i.mean, i.sd, i.label]);
  return { name: 'factor-items', family: 'factor-items', title: 'Items', columns, rows, notes: [] };
}

// ---------------------------------------------------------------- loadings

function machineLoadings(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const oblique = f.phi !== null;
  const columns: Column[] = [
    text('item', 'Item', { key: 'id' }),
    text('scale', 'Scale'),
    text('factor', 'Loads most on'),
    ...f.factors.map((name) => num(snake(name), name)),
    ...(oblique ? f.factors.map((name) => num(`structure_${snake(name)}`, `${name} structure`)) : []),
    num('h2', 'h2'),
    num('u2', 'u2'),
    num('com', 'com'),
  ];
  const rows = f.loadings.map((l): Cell[] => [l.item, l.scale, l.factor, ...l.loadings, ...(oblique ? l.structure : []), l.communality, l.uniqueness, l.complexity]);
  return { name: 'loadings', family: 'loadings', title: 'Factor loadings', columns, rows, notes: loadingNotes(doc) };
}

function humanLoadings(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const cut = doc.settings.cut;
  const columns: Column[] = [text('item', 'Item', { key: 'id' }), text('scale', 'Scale'), ...f.factors.map((name) => num(snake(name), name)), num('h2', 'h2'), num('u2', 'u2'), num('com', 'com')];
  const rows = f.loadings.map((l): Cell[] => [l.item, l.scale, ...l.loadings.map((x) => (Math.abs(x) < cut ? '' : x)), l.communality, l.uniqueness, l.complexity]);
  const notes = loadingNotes(doc);
  if (cut > 0) notes.push(`Loadings below ${cut} in absolute value are left blank (--cut).`);
  return { name: 'loadings', family: 'loadings', title: 'Factor loadings', columns, rows, notes };
}

function loadingNotes(doc: FactorsDocument): string[] {
  const f = doc.factors;
  const kind = f.phi !== null ? 'Pattern loadings (oblique rotation)' : f.rotation === 'none' ? 'Unrotated loadings' : 'Loadings (orthogonal rotation)';
  return [
    `${kind}, ${FM_NAMES[f.fm]} extraction, ${f.rotation} rotation; items sorted by the factor they load most on, then by the size of that loading (psych fa.sort).`,
    'h2: communality; u2: uniqueness (1 - h2); com: Hoffman\'s item complexity.',
  ];
}

function variance(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const columns: Column[] = [
    text('factor', 'Factor', { key: 'id' }),
    num('ss_loadings', 'SS loadings'),
    num('proportion_var', 'Proportion Var'),
    num('cumulative_var', 'Cumulative Var'),
    num('proportion_explained', 'Proportion Explained'),
    num('cumulative_proportion', 'Cumulative Proportion'),
  ];
  const rows = f.variance.map((v): Cell[] => [v.factor, v.ssLoadings, v.proportion, v.cumulative, v.proportionExplained, v.cumulativeProportion]);
  return { name: 'factor-variance', family: 'factor-variance', title: 'Variance accounted for', columns, rows, notes: f.phi !== null ? ['SS loadings of an oblique solution: diag(Phi P\'P), as psych.'] : [] };
}

function phi(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const columns: Column[] = [text('factor', 'Factor', { key: 'id' }), ...f.factors.map((name) => num(snake(name), name))];
  const rows = f.factors.map((name, i): Cell[] => [name, ...(f.phi as number[][])[i]]);
  return { name: 'factor-correlations', family: 'factor-correlations', title: 'Factor correlations', columns, rows, notes: [] };
}

// ---------------------------------------------------------------- fit

function machineFit(doc: FactorsDocument): ReportTable {
  const fit = doc.factors.fit;
  const columns: Column[] = [
    count('n', 'n'),
    num('harmonic_n', 'Harmonic n'),
    count('df', 'df'),
    num('objective', 'Objective'),
    num('chi_square', 'Likelihood chi-square'),
    { name: 'p_value', title: 'p', kind: 'p-value' },
    count('null_df', 'Null model df'),
    num('null_objective', 'Null model objective'),
    num('null_chi_square', 'Null model chi-square'),
    num('tli', 'TLI'),
    num('rmsea', 'RMSEA'),
    num('rmsea_lower', 'RMSEA lower'),
    num('rmsea_upper', 'RMSEA upper'),
    { name: 'rmsea_level', title: 'RMSEA interval level', kind: 'exact' },
    num('bic', 'BIC'),
    num('sabic', 'SABIC'),
    num('rms', 'RMSR'),
    num('crms', 'Corrected RMSR'),
    num('empirical_chi_square', 'Empirical chi-square'),
    { name: 'empirical_p_value', title: 'Empirical p', kind: 'p-value' },
    num('empirical_bic', 'Empirical BIC'),
    num('empirical_sabic', 'Empirical SABIC'),
    num('fit', 'Fit'),
    num('fit_off', 'Fit (off diagonal)'),
  ];
  const row: Cell[] = [
    doc.factors.n, fit.harmonicN, fit.df, fit.objective, fit.chiSquare, fit.pValue, fit.nullDf, fit.nullObjective, fit.nullChiSquare, fit.tli,
    fit.rmsea?.estimate ?? null, fit.rmsea?.lower ?? null, fit.rmsea?.upper ?? null, fit.rmsea?.level ?? null,
    fit.bic, fit.sabic, fit.rms, fit.crms, fit.empiricalChiSquare, fit.empiricalPValue, fit.empiricalBic, fit.empiricalSabic, fit.fit, fit.fitOff,
  ];
  return { name: 'factor-fit', family: 'factor-fit', title: 'Fit', columns, rows: [row], notes: [] };
}

function humanFit(doc: FactorsDocument): ReportTable {
  const f = doc.factors;
  const fit = f.fit;
  const level = fit.rmsea?.level ?? 0.9;
  const columns: Column[] = [
    text('figure', 'Figure', { key: 'id' }),
    num('value', 'Value'),
    count('df', 'df'),
    { name: 'p', title: 'p', kind: 'p-value' },
    { name: 'ci', title: `${Math.round(level * 100)}% CI`, kind: 'interval' },
  ];
  const rows: Cell[][] = [
    ['RMSR', fit.rms, '', '', ''],
    ['Corrected RMSR (df)', fit.crms, '', '', ''],
    [`Likelihood chi-square (n = ${f.n})`, fit.chiSquare, fit.df, fit.pValue, ''],
    [`Empirical chi-square (harmonic n = ${Math.round(f.harmonicN * 10) / 10})`, fit.empiricalChiSquare, fit.df, fit.empiricalPValue, ''],
    ['Null model chi-square', fit.nullChiSquare, fit.nullDf, '', ''],
    ['Tucker-Lewis index', fit.tli, '', '', ''],
    ['RMSEA', fit.rmsea?.estimate ?? null, '', '', fit.rmsea === null ? null : { lower: fit.rmsea.lower, upper: fit.rmsea.upper }],
    ['BIC', fit.bic, '', '', ''],
    ['Fit based upon off diagonal values', fit.fitOff, '', '', ''],
  ];
  return {
    name: 'factor-fit',
    family: 'factor-fit',
    title: `Fit: are ${f.nfactors} factor${f.nfactors === 1 ? '' : 's'} sufficient?`,
    columns,
    rows,
    notes: ['As psych fa prints them (factor.stats): RMSR is the root mean square of the off-diagonal residuals; the empirical chi-square weights each squared residual by its pairwise count.'],
  };
}

// ---------------------------------------------------------------- parallel, MAP

function parallel(doc: FactorsDocument): ReportTable {
  const p = doc.factors.parallel;
  const q = Math.round(p.quantile * 100);
  const columns: Column[] = [
    count('number', '#', { key: 'id' }),
    num('pc_observed', 'PC observed'),
    num('pc_simulated_mean', 'PC simulated mean'),
    num('pc_simulated_quantile', `PC simulated ${q}%`),
    num('fa_observed', 'FA observed'),
    num('fa_simulated_mean', 'FA simulated mean'),
    num('fa_simulated_quantile', `FA simulated ${q}%`),
  ];
  const rows = p.pcValues.map((_, e): Cell[] => [e + 1, p.pcValues[e], p.pcSimulatedMean[e], p.pcSimulatedQuantile[e], p.faValues[e], p.faSimulatedMean[e], p.faSimulatedQuantile[e]]);
  const says = (x: number | null, noun: string): string => (x === null ? `no number of ${noun}s (every observed eigenvalue is above its threshold)` : `${x} ${noun}${x === 1 ? '' : 's'}`);
  return {
    name: 'parallel-analysis',
    family: 'parallel-analysis',
    title: 'Parallel analysis',
    columns,
    rows,
    notes: [
      `Parallel analysis suggests ${says(p.factors, 'factor')} and ${says(p.components, 'component')}: the leading observed eigenvalues above the ${q}% quantile of ${p.iterations} simulated data sets of normal deviates (seed ${p.seed}; psych fa.parallel). FA: eigenvalues of R with one-factor minres communalities on its diagonal.`,
    ],
  };
}

function map(doc: FactorsDocument): ReportTable {
  const m = doc.factors.map;
  const columns: Column[] = [count('components', 'Components', { key: 'id' }), num('map', 'MAP'), { name: 'minimum', title: 'Minimum', kind: 'flag', mark: '*' }];
  const rows = m.values.map((v, c): Cell[] => [c, v, c === m.minimum]);
  return {
    name: 'velicer-map',
    family: 'velicer-map',
    title: "Velicer's MAP",
    columns,
    rows,
    notes: [`Average squared partial correlation after removing the first m principal components (psych vss); the minimum over m ≥ 1 is at ${m.minimum ?? 'none'}.`],
  };
}

// ---------------------------------------------------------------- items against scales

function machineAssignment(doc: FactorsDocument): ReportTable {
  const columns: Column[] = [
    text('item', 'Item', { key: 'id' }),
    text('scale', 'Scale'),
    text('factor', 'Loads most on'),
    num('loading', 'Loading'),
    text('scale_factor', "Scale's factor"),
    { name: 'misplaced', title: 'Misplaced', kind: 'flag' },
  ];
  const rows = doc.factors.assignment.items.map((a): Cell[] => [a.item, a.scale, a.factor, a.loading, a.scaleFactor, a.misplaced]);
  return { name: 'factor-assignment', family: 'factor-assignment', title: 'Items against scales', columns, rows, notes: [] };
}

function scaleFactors(doc: FactorsDocument): ReportTable {
  const a = doc.factors.assignment;
  const columns: Column[] = [text('scale', 'Scale', { key: 'id' }), text('factor', 'Factor'), count('items', 'Items'), count('on_factor', 'Items loading most on it')];
  const rows = a.scales.map((s): Cell[] => [s.scale, s.factor, s.items, s.onFactor]);
  const notes = ["A scale's factor is the one most of its items load most on (ties: the larger sum of |loadings|)."];
  if (a.misplaced === 0) notes.push("Every item loads most on its scale's factor.");
  return { name: 'scale-factors', family: 'scale-factors', title: 'Scales and factors', columns, rows, notes };
}

function humanMisplaced(doc: FactorsDocument): ReportTable {
  const columns: Column[] = [
    text('item', 'Item', { key: 'id' }),
    text('scale', 'Scale'),
    text('factor', 'Loads most on'),
    num('loading', 'Loading'),
    text('scale_factor', "Scale's factor"),
  ];
  const rows = doc.factors.assignment.items.filter((a) => a.misplaced).map((a): Cell[] => [a.item, a.scale, a.factor, a.loading, a.scaleFactor]);
  return { name: 'factor-assignment', family: 'factor-assignment', title: "Items that load most on a factor other than their scale's", columns, rows, notes: [] };
}

function warnings(doc: FactorsDocument): ReportTable {
  const columns: Column[] = [text('code', 'Code', { key: 'id' }), text('message', 'Warning')];
  return { name: 'warnings', family: 'warnings', title: `Warnings (${doc.warnings.length})`, columns, rows: doc.warnings.map((w): Cell[] => [w.code, w.message]), notes: [] };
}
