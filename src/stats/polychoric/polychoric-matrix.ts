import { corSmooth } from '../cor-smooth.js';
import type { PairTables } from './pair-tables.js';
import { polychoricRho } from './polychoric-rho.js';
import { tetrachoricRho } from './tetrachoric.js';
import { polychoricThresholds, tetrachoricThreshold } from './thresholds.js';

export interface OrdinalCorrelationOptions {
  /** Count put into empty cells (psych's `correct`, default 0.5); 0 turns the correction off. */
  correct?: number;
  /** Smooth a matrix that is not positive definite with cor.smooth (psych's default, true). */
  smooth?: boolean;
  /** psych's `global` (default true): one set of thresholds per item, from its own answers. */
  global?: boolean;
  /** psych's max.cat (default 8): more values from the lowest to the highest answer, no polychorics. */
  maxCategories?: number;
  /** optimize()'s tolerance, default R's 2^-13. */
  tol?: number;
}

export interface OrdinalCorrelations {
  kind: 'polychoric' | 'tetrachoric';
  k: number;
  /** k × k row-major; the rows and columns of excluded items are NaN (their diagonal too). */
  rho: Float64Array;
  /** The maximum-likelihood correlations before any smoothing (equal to rho when not smoothed). */
  rhoUnsmoothed: Float64Array;
  /**
   * psych's `tau` per item: polychoric, the C − 1 thresholds over the values from the lowest to
   * the highest answer of the kept items (−∞/+∞ for categories the item never used);
   * tetrachoric, one. null for an excluded item.
   */
  tau: (Float64Array | null)[];
  /** Indices of the items the correlations are computed for. */
  items: number[];
  /** Items left out, each with the reason (no variance, unmapped codes, too many categories…). */
  excluded: { item: number; reason: string }[];
  /** Polychoric: whether the global thresholds were used (false when the items' highest answers differ). */
  global: boolean;
  /** Pairs whose empty cells were corrected (psych's count in "N cells were adjusted…"). */
  correctedPairs: number;
  /** Whether cor.smooth changed the matrix. */
  smoothed: boolean;
  /** Smallest eigenvalue of rhoUnsmoothed over the kept items (NaN if a cell is undefined). */
  minEigenvalue: number;
  /** Pairs of kept items whose correlation is undefined (then no smoothing, as psych). */
  undefinedPairs: number;
  /** What psych would warn or note, in its words where it has them. */
  warnings: string[];
}

/**
 * Polychoric correlation matrix of one scale from its pair tables, as psych 2.2.9's
 * polychoric(x) (smooth = TRUE, global = TRUE, correct = .5, max.cat = 8):
 * - An item's category c stands for its code codes[i][c] when every code of every item is a
 *   whole number, psych's own coding (values from the lowest to the highest answer of all items,
 *   unused ones included), and for c itself otherwise.
 * - Items with one answered value (or none) are dropped, as psych ("had no variance and was
 *   deleted"); so are items with answers outside their codes or over PairTables' bound.
 * - More than maxCategories values from the lowest to the highest answer: nothing is computed
 *   (psych stops: "polychoric is probably not needed").
 * - Thresholds: each item's own answers (polychoricThresholds). When the items' highest answers
 *   differ, psych turns global off (with a warning) and each pair takes its thresholds from its
 *   own table, with empty cells corrected (polychoricRho, pairwise).
 * - Each pair by polychoricRho on its table of pairwise-complete answers.
 * - An undefined correlation turns smoothing off; otherwise corSmooth (psych's cor.smooth).
 */
export function polychoricMatrix(tables: PairTables, options: OrdinalCorrelationOptions = {}): OrdinalCorrelations {
  const k = tables.k;
  const correct = options.correct ?? 0.5;
  const maxCategories = options.maxCategories ?? 8;
  const prep = prepare(tables);
  const warnings = [...prep.warnings];
  const kept = prep.kept;
  const result = emptyResult('polychoric', k, prep.excluded, kept, warnings);
  if (kept.length === 0) return result;
  // psych: nvalues = max(x) - min(x) + 1 over the (kept) items.
  let gmin = Infinity;
  let gmax = -Infinity;
  for (const i of kept) {
    gmin = Math.min(gmin, prep.lowest[i]);
    gmax = Math.max(gmax, prep.highest[i]);
  }
  const nvalues = gmax - gmin + 1;
  if (nvalues > maxCategories) {
    const reason = `answers span ${nvalues} values, more than the ${maxCategories} categories polychoric correlations allow`;
    for (const i of kept) result.excluded.push({ item: i, reason });
    result.items = [];
    warnings.push(`You have more than ${maxCategories} categories for your items, polychoric is probably not needed`);
    return result;
  }
  let global = options.global ?? true;
  const highest = new Set(kept.map((i) => prep.highest[i]));
  if (highest.size > 1 && global) {
    global = false;
    warnings.push('The items do not have an equal number of response alternatives, global set to FALSE.');
  }
  result.global = global;
  // Marginals and tables in psych's value space: slot v - gmin.
  const slot = (i: number, c: number) => prep.value(i, c) - gmin;
  for (const i of kept) {
    const m = tables.marginal(i);
    const counts = new Float64Array(nvalues);
    m.forEach((n, c) => (counts[slot(i, c)] += n));
    result.tau[i] = polychoricThresholds(counts);
  }
  fillPairs(result, tables, kept, (i, j, t) => {
    const tab = new Float64Array(nvalues * nvalues);
    for (let r = 0; r < t.rows; r++) {
      for (let c = 0; c < t.cols; c++) tab[slot(i, r) * nvalues + slot(j, c)] += t.counts[r * t.cols + c];
    }
    return polychoricRho(tab, nvalues, nvalues, result.tau[i], result.tau[j], {
      thresholds: global ? 'global' : 'pairwise',
      correct,
      tol: options.tol,
    });
  });
  if (result.correctedPairs > 0 && correct > 0) {
    warnings.push(`${result.correctedPairs} cells were adjusted for 0 values using the correction for continuity. Examine your data carefully.`);
  }
  return finish(result, options.smooth ?? true);
}

/**
 * Tetrachoric correlation matrix of one scale of two-valued items, as psych 2.2.9's
 * tetrachoric(x) (smooth = TRUE, global = TRUE, correct = .5): each item's lower answer is 0
 * and its higher 1 (psych subtracts each item's own lowest answer and stops when an item
 * then reaches 2: here such items are excluded with the reason); items with one answered value
 * are dropped; τ = −Φ⁻¹(proportion of 1s); each pair with more than 2 answers to both by
 * tetrachoricRho (zero cells → .5); an undefined correlation turns smoothing off.
 */
export function tetrachoricMatrix(tables: PairTables, options: OrdinalCorrelationOptions = {}): OrdinalCorrelations {
  const k = tables.k;
  const prep = prepare(tables);
  const warnings = [...prep.warnings];
  const excluded = [...prep.excluded];
  const kept: number[] = [];
  for (const i of prep.kept) {
    if (prep.highest[i] - prep.lowest[i] > 1) {
      excluded.push({ item: i, reason: 'has more than two answer values: tetrachoric correlations require dichotomous data' });
    } else kept.push(i);
  }
  const result = emptyResult('tetrachoric', k, excluded, kept, warnings);
  const one = new Map<number, number>(); // item -> its category holding value lowest + 1
  for (const i of kept) {
    const m = tables.marginal(i);
    let n = 0;
    let ones = 0;
    m.forEach((count, c) => {
      n += count;
      if (prep.value(i, c) === prep.lowest[i] + 1) {
        ones += count;
        one.set(i, c);
      }
    });
    result.tau[i] = Float64Array.of(tetrachoricThreshold(ones, n));
  }
  fillPairs(result, tables, kept, (i, j, t) => {
    const tab = new Float64Array(4);
    for (let r = 0; r < t.rows; r++) {
      for (let c = 0; c < t.cols; c++) {
        const x = r === one.get(i) ? 1 : 0;
        const y = c === one.get(j) ? 1 : 0;
        tab[x * 2 + y] += t.counts[r * t.cols + c];
      }
    }
    return tetrachoricRho(tab, result.tau[i]![0], result.tau[j]![0], { correct: options.correct, tol: options.tol });
  });
  if (result.correctedPairs > 0) {
    warnings.push(`${result.correctedPairs} item pairs had a cell entry of 0, replaced with correct = ${options.correct ?? 0.5}. Check your data!`);
  }
  return finish(result, options.smooth ?? true);
}

/**
 * The ordinal correlations of a scale: tetrachoric when every item that has answers has two
 * answer values, as psych's tetrachoric, else polychoric (psych's polychoric).
 */
export function ordinalCorrelations(tables: PairTables, options: OrdinalCorrelationOptions = {}): OrdinalCorrelations {
  const prep = prepare(tables);
  const binary = prep.kept.length > 0 && prep.kept.every((i) => prep.highest[i] - prep.lowest[i] === 1);
  return binary ? tetrachoricMatrix(tables, options) : polychoricMatrix(tables, options);
}

interface Prepared {
  kept: number[];
  excluded: { item: number; reason: string }[];
  warnings: string[];
  /** Lowest and highest answered value per item. */
  lowest: Float64Array;
  highest: Float64Array;
  value: (item: number, category: number) => number;
}

function prepare(tables: PairTables): Prepared {
  const k = tables.k;
  const wholeCodes = tables.codes.every((codes) => codes.every(Number.isInteger));
  const value = wholeCodes ? (i: number, c: number) => tables.codes[i][c] : (_i: number, c: number) => c;
  const kept: number[] = [];
  const excluded: { item: number; reason: string }[] = [];
  const warnings: string[] = [];
  const lowest = new Float64Array(k).fill(Number.NaN);
  const highest = new Float64Array(k).fill(Number.NaN);
  for (let i = 0; i < k; i++) {
    if (tables.overBound(i)) {
      excluded.push({ item: i, reason: `has ${tables.codes[i].length} codes, more than the ${tables.maxCategories} kept in pair tables` });
      continue;
    }
    const u = tables.unmapped(i);
    if (u.count > 0) {
      excluded.push({ item: i, reason: `has ${u.count} answers that are not among its codes (e.g. ${u.first})` });
      continue;
    }
    const m = tables.marginal(i);
    m.forEach((n, c) => {
      if (n === 0) return;
      const v = value(i, c);
      if (Number.isNaN(lowest[i]) || v < lowest[i]) lowest[i] = v;
      if (Number.isNaN(highest[i]) || v > highest[i]) highest[i] = v;
    });
    if (!(highest[i] > lowest[i])) {
      excluded.push({ item: i, reason: 'had no variance and was deleted' });
      warnings.push(`Item ${i + 1} had no variance and was deleted`);
      continue;
    }
    kept.push(i);
  }
  return { kept, excluded, warnings, lowest, highest, value };
}

/**
 * The maximum-likelihood correlation of each pair of kept items (item a with each item before
 * it, psych's order), `rhoOf` on the pair's table, into rhoUnsmoothed: symmetric, with a unit
 * diagonal for the kept items; the pairs whose empty cells were corrected are counted.
 */
function fillPairs(
  result: OrdinalCorrelations,
  tables: PairTables,
  kept: number[],
  rhoOf: (i: number, j: number, table: ReturnType<PairTables['table']>) => { rho: number; corrected: boolean },
): void {
  const k = tables.k;
  const raw = result.rhoUnsmoothed;
  for (const i of kept) raw[i * k + i] = 1;
  for (let a = 1; a < kept.length; a++) {
    for (let b = 0; b < a; b++) {
      const i = kept[a];
      const j = kept[b];
      const fit = rhoOf(i, j, tables.table(i, j));
      if (fit.corrected) result.correctedPairs++;
      raw[i * k + j] = raw[j * k + i] = fit.rho;
    }
  }
}

function emptyResult(
  kind: OrdinalCorrelations['kind'],
  k: number,
  excluded: OrdinalCorrelations['excluded'],
  items: number[],
  warnings: string[],
): OrdinalCorrelations {
  return {
    kind,
    k,
    rho: new Float64Array(k * k).fill(Number.NaN),
    rhoUnsmoothed: new Float64Array(k * k).fill(Number.NaN),
    tau: Array.from({ length: k }, () => null),
    items,
    excluded: excluded.sort((a, b) => a.item - b.item),
    global: true,
    correctedPairs: 0,
    smoothed: false,
    minEigenvalue: Number.NaN,
    undefinedPairs: 0,
    warnings,
  };
}

/** Count undefined pairs, smooth as psych (only when every correlation is defined). */
function finish(result: OrdinalCorrelations, smooth: boolean): OrdinalCorrelations {
  const { k, items } = result;
  const m = items.length;
  const sub = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const v = result.rhoUnsmoothed[items[a] * k + items[b]];
      sub[a * m + b] = v;
      if (a > b && Number.isNaN(v)) result.undefinedPairs++;
    }
  }
  result.rho = Float64Array.from(result.rhoUnsmoothed);
  if (result.undefinedPairs > 0) {
    result.warnings.push('some correlations are missing, smoothing turned off');
    return result;
  }
  if (m === 0) return result;
  const s = corSmooth(sub, m);
  result.minEigenvalue = s.minEigenvalue;
  if (smooth && s.smoothed) {
    result.smoothed = true;
    result.warnings.push('Matrix was not positive definite, smoothing was done');
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) result.rho[items[a] * k + items[b]] = s.matrix[a * m + b];
  }
  return result;
}
