import { type FactorExtraction, type SchmidLeimanOptions, type SchmidLeimanSolution, schmidLeiman, tooFewItems } from './schmid-leiman.js';
import { toMatrix } from './small-matrix.js';

export interface OmegaOptions extends SchmidLeimanOptions {
  /**
   * Reverse the items whose g loading is negative before summing, as psych::omega's default
   * flip = TRUE (a warning names them). false scores the items as they are.
   */
  flip?: boolean;
}

/** One row of psych's omega.group: the total score (factor 'g') or one group factor's subscale. */
export interface OmegaGroupRow {
  /** 'g' for the total score, else the group factor 'F1*', 'F2*', ... */
  factor: string;
  /** The items (0-based) of the subscale: all for 'g'; for a group factor those loading highest on it. */
  items: number[];
  /** (Σ group + Σ g loadings)² over the subscale's 1'R1 (for 'g': omega total). null when no item. */
  total: number | null;
  /** (Σ g loadings)² / 1'R1 of the subscale (for 'g': omega hierarchical). */
  general: number | null;
  /** (Σ group loadings)² / 1'R1 of the subscale (for 'g': Σ over the groups of that, over 1'R1). */
  group: number | null;
}

export interface OmegaResult {
  /** Number of items, factors and respondents. */
  k: number;
  nfactors: number;
  n: number;
  /** ω_h = (Σ g_i)² / 1'R1. */
  omegaHierarchical: number | null;
  /** Asymptotic ω_h (psych's omega.lim) = (Σ g_i)² / (1'R1 − Σ u²_i). */
  omegaLimit: number | null;
  /** ω_t = (1'R1 − Σ u²_i) / 1'R1 with the m-factor uniquenesses. */
  omegaTotal: number | null;
  /** psych's omega.group: the total score first, then each group factor. Empty when undefined. */
  groups: OmegaGroupRow[];
  /** ±1 per item: −1 where the item was reversed (psych's `key`). */
  keys: number[];
  /** The Schmid-Leiman solution, its rows signed by `keys` (psych's omega$schmid$sl); null when undefined. */
  schmid: SchmidLeimanSolution | null;
  warnings: string[];
}

/**
 * McDonald's (1999) omega hierarchical, its asymptotic value and omega total from a
 * Schmid-Leiman solution, as psych::omega(R, nfactors = 3, fm = "minres", rotate = "oblimin",
 * flip = TRUE, option = "equal") (psych 2.2.9, omegah):
 *   1. `extract(R, k, nfactors)` gives the unrotated loadings (psych: minres); the Schmid-
 *      Leiman transformation (schmid-leiman.ts) gives g loadings g_i, group loadings and u²_i;
 *   2. with flip, items with g_i < 0 are reversed: R ← D R D, and their rows of the solution
 *      multiplied by −1 (D = diag(key), key_i = sign g_i, 0 taken as +1);
 *   3. with V = 1'R1 (the variance of the unit-weighted total score) and U = Σ_i u²_i:
 *        ω_h = (Σ g_i)² / V,   ω_lim = (Σ g_i)² / (V − U),   ω_t = (V − U) / V;
 *   4. each item belongs to the group factor on which it loads highest in absolute value
 *      (first on ties, R's which.max); for group j with items S_j and V_j = 1'R_{S_j}1:
 *        ω_total,j = ((Σ_S f*_ij)² + (Σ_S g_i)²) / V_j, ω_general,j = (Σ_S g_i)² / V_j,
 *        ω_group,j = (Σ_S f*_ij)² / V_j;
 *      and the total row: ω_t, ω_h and Σ_j (Σ_S f*_ij)² / V.
 * Where the Schmid-Leiman solution is not defined (fewer than 2 factors, too few items for
 * nfactors, a Heywood case, a failed rotation) every figure is null and the warnings say why;
 * no figure is ever NaN. `n` enters no figure (psych uses it only for fit statistics).
 * nfactors undefined means psych's default, 3.
 * `extract` is also used for the one-factor fit of the factor correlations (psych: fa(Φ, fm)).
 */
export function omegaHierarchical(
  r: Float64Array | readonly number[] | number[][],
  n: number,
  nfactors: number | undefined,
  extract: FactorExtraction,
  options: OmegaOptions = {},
): OmegaResult {
  const k = r.length > 0 && Array.isArray(r[0]) ? r.length : Math.round(Math.sqrt(r.length));
  const m = nfactors ?? 3;
  const flip = options.flip ?? true;
  const empty = (warnings: string[]): OmegaResult => ({
    k,
    nfactors: m,
    n,
    omegaHierarchical: null,
    omegaLimit: null,
    omegaTotal: null,
    groups: [],
    keys: new Array<number>(k).fill(1),
    schmid: null,
    warnings,
  });
  const rm = toMatrix(r, k, k).data;
  if (!rm.every(Number.isFinite)) return empty(['the correlation matrix has undefined cells; no omega']);
  if (k < 3) return empty([`omega hierarchical needs at least 3 items (got ${k})`]);
  if (!Number.isInteger(m) || m < 2) {
    return empty([`omega hierarchical needs at least 2 factors (got ${m}): with one factor the general factor cannot be separated from it`]);
  }
  const tooFew = tooFewItems(k, m);
  if (tooFew !== null) return empty([tooFew]);
  const fit = extract(Float64Array.from(rm), k, m);
  const { solution, warnings } = schmidLeiman(rm, k, fit.loadings, m, extract, options);
  if (solution === null) return empty(warnings);

  const keys = Array.from(solution.general, (g) => (g < 0 ? -1 : 1));
  const flipped = flip && keys.some((key) => key < 0);
  if (!flip) keys.fill(1);
  const signed = flipped ? withKeys(solution, keys) : solution;
  const rs = Float64Array.from(rm);
  if (flipped) {
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) rs[i * k + j] *= keys[i] * keys[j];
    const reversed = keys.flatMap((key, i) => (key < 0 ? [i + 1] : []));
    warnings.push(`items ${reversed.join(', ')} load negatively on the general factor and were reversed for omega (psych's flip = TRUE)`);
  }

  const total = sumCells(rs, k, [...Array(k).keys()]);
  let gSum = 0;
  let unique = 0;
  for (let i = 0; i < k; i++) {
    gSum += signed.general[i];
    unique += signed.uniquenesses[i];
  }
  if (!(total > 0) || !(total - unique > 0)) {
    return empty([...warnings, `the total score has no common variance (1'R1 = ${total}, Σu² = ${unique}); no omega`]);
  }
  const gsq = gSum * gSum;
  const omegaTotal = (total - unique) / total;
  const omegaH = gsq / total;
  const omegaLimit = gsq / (total - unique);

  const membership = Array.from({ length: k }, (_, i) => {
    let best = 0;
    for (let j = 1; j < m; j++) if (Math.abs(signed.group[i * m + j]) > Math.abs(signed.group[i * m + best])) best = j;
    return best;
  });
  let groupSquares = 0;
  const groupRows: OmegaGroupRow[] = [];
  for (let j = 0; j < m; j++) {
    const items = membership.flatMap((f, i) => (f === j ? [i] : []));
    if (items.length === 0) {
      groupRows.push({ factor: `F${j + 1}*`, items, total: null, general: null, group: null });
      continue;
    }
    const v = sumCells(rs, k, items);
    let gr = 0;
    let gg = 0;
    for (const i of items) {
      gr += signed.group[i * m + j];
      gg += signed.general[i];
    }
    groupSquares += gr * gr;
    const defined = v > 0;
    groupRows.push({
      factor: `F${j + 1}*`,
      items,
      total: defined ? (gr * gr + gg * gg) / v : null,
      general: defined ? (gg * gg) / v : null,
      group: defined ? (gr * gr) / v : null,
    });
  }
  const emptyGroups = groupRows.filter((row) => row.items.length === 0).map((row) => row.factor);
  if (emptyGroups.length > 0) warnings.push(`no item loads highest on group factor ${emptyGroups.join(', ')}: its omegas are null`);
  return {
    k,
    nfactors: m,
    n,
    omegaHierarchical: omegaH,
    omegaLimit,
    omegaTotal,
    groups: [
      { factor: 'g', items: [...Array(k).keys()], total: omegaTotal, general: omegaH, group: groupSquares / total },
      ...groupRows,
    ],
    keys,
    schmid: signed,
    warnings,
  };
}

/** Σ_{i,j ∈ S} r_ij. */
function sumCells(r: Float64Array, k: number, items: number[]): number {
  let s = 0;
  for (const i of items) for (const j of items) s += r[i * k + j];
  return s;
}

/** The solution with the rows of g and of the group loadings multiplied by the item keys. */
function withKeys(solution: SchmidLeimanSolution, keys: number[]): SchmidLeimanSolution {
  const m = solution.m;
  return {
    ...solution,
    general: Float64Array.from(solution.general, (g, i) => g * keys[i]),
    group: Float64Array.from(solution.group, (x, c) => x * keys[Math.floor(c / m)]),
  };
}
