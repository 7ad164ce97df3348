/**
 * Compare the CLI's JSON report with the pandas reference (bench/pandas_reference.py),
 * figure by figure, matching scales and items by id, prevalence rows by id and group,
 * group comparisons by id and column, correlations by scale id.
 *
 * The difference of two figures is |a - b| / max(1, |b|): absolute for figures of size up
 * to 1 (alphas, correlations, proportions), relative for larger ones (means of sum scores,
 * chi-square statistics, counts). Both null is agreement; null against a number is a
 * mismatch (Infinity). A figure the CLI does not report (undefined) is listed as skipped.
 */

export function difference(a, b) {
  if (a === null && b === null) return 0;
  if (typeof a !== 'number' || typeof b !== 'number') return Number.POSITIVE_INFINITY;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.POSITIVE_INFINITY;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

const SCALE_FIGURES = ['k', 'n', 'alpha', 'standardizedAlpha', 'averageInterItemR', 'lambda6'];
const ITEM_FIGURES = ['n', 'mean', 'sd', 'itemTotalR', 'itemRestR', 'alphaIfDeleted', 'smc'];
const SCORE_FIGURES = ['n', 'mean', 'sd', 'min', 'max'];
const PREVALENCE_FIGURES = ['count', 'n', 'proportion'];
const COMPARISON_FIGURES = ['statistic', 'df', 'chiSquarePValue'];

function groupKey(row) {
  return row.group === null || row.group === undefined ? `${row.id} (all)` : `${row.id} by ${row.group.column}=${row.group.value}`;
}

/**
 * Returns { compared, maxDiff, worst: {path, cli, ref, diff} | null, mismatches: [...] over
 * `tolerance`, skipped: [paths the CLI does not report] }.
 */
export function compareReports(cli, ref, tolerance = 1e-9) {
  const result = { compared: 0, maxDiff: 0, worst: null, mismatches: [], skipped: [] };
  const check = (path, a, b) => {
    if (a === undefined) {
      result.skipped.push(path);
      return;
    }
    const diff = difference(a, b);
    result.compared++;
    if (result.worst === null || diff > result.maxDiff) {
      result.maxDiff = diff;
      result.worst = { path, cli: a, ref: b, diff };
    }
    if (diff > tolerance) result.mismatches.push({ path, cli: a, ref: b, diff });
  };
  const missing = (path, side) => {
    const where = `${path} (missing in ${side === 'cli' ? 'the CLI report' : 'the reference'})`;
    result.mismatches.push({ path: where, cli: null, ref: null, diff: Number.POSITIVE_INFINITY });
    result.maxDiff = Number.POSITIVE_INFINITY;
    result.worst = { path: where, cli: null, ref: null, diff: Number.POSITIVE_INFINITY };
  };

  check('input.rows', cli.input?.rows, ref.input.rows);

  const cliScales = new Map((cli.scales ?? []).map((s) => [s.id, s]));
  for (const rs of ref.scales) {
    const cs = cliScales.get(rs.id);
    if (!cs) {
      missing(`scales[${rs.id}]`, 'cli');
      continue;
    }
    for (const f of SCALE_FIGURES) check(`scales[${rs.id}].${f}`, cs[f], rs[f]);
    check(`scales[${rs.id}].alphaCI.lower`, cs.alphaCI?.lower, rs.alphaCI.lower);
    check(`scales[${rs.id}].alphaCI.upper`, cs.alphaCI?.upper, rs.alphaCI.upper);
    const cliItems = new Map((cs.items ?? []).map((i) => [i.id, i]));
    for (const ri of rs.items) {
      const ci = cliItems.get(ri.id);
      if (!ci) {
        missing(`scales[${rs.id}].items[${ri.id}]`, 'cli');
        continue;
      }
      for (const f of ITEM_FIGURES) check(`scales[${rs.id}].items[${ri.id}].${f}`, ci[f], ri[f]);
    }
    if (cs.score) for (const f of SCORE_FIGURES) check(`scales[${rs.id}].score.${f}`, cs.score[f], rs.score[f]);
    else result.skipped.push(`scales[${rs.id}].score`);
  }

  if (cli.correlations) {
    const at = new Map(cli.correlations.ids.map((id, i) => [id, i]));
    ref.correlations.ids.forEach((a, i) => {
      ref.correlations.ids.forEach((b, j) => {
        const ci = at.get(a);
        const cj = at.get(b);
        if (ci === undefined || cj === undefined) {
          missing(`correlations[${a},${b}]`, 'cli');
          return;
        }
        check(`correlations.r[${a},${b}]`, cli.correlations.r[ci]?.[cj], ref.correlations.r[i][j]);
        check(`correlations.n[${a},${b}]`, cli.correlations.n?.[ci]?.[cj], ref.correlations.n[i][j]);
      });
    });
  } else {
    result.skipped.push('correlations');
  }

  const cliRows = new Map((cli.prevalence ?? []).map((row) => [groupKey(row), row]));
  const refKeys = new Set();
  for (const rr of ref.prevalence) {
    const key = groupKey(rr);
    refKeys.add(key);
    const cr = cliRows.get(key);
    if (!cr) {
      missing(`prevalence[${key}]`, 'cli');
      continue;
    }
    for (const f of PREVALENCE_FIGURES) check(`prevalence[${key}].${f}`, cr[f], rr[f]);
    check(`prevalence[${key}].ci.lower`, cr.ci?.lower, rr.ci.lower);
    check(`prevalence[${key}].ci.upper`, cr.ci?.upper, rr.ci.upper);
  }
  for (const key of cliRows.keys()) if (!refKeys.has(key)) missing(`prevalence[${key}]`, 'ref');

  const cliTests = new Map((cli.groupComparisons ?? []).map((t) => [`${t.id} by ${t.column}`, t]));
  for (const rt of ref.groupComparisons) {
    const key = `${rt.id} by ${rt.column}`;
    const ct = cliTests.get(key);
    if (!ct) {
      if (cli.groupComparisons === undefined) result.skipped.push(`groupComparisons[${key}]`);
      else missing(`groupComparisons[${key}]`, 'cli');
      continue;
    }
    const chiSquarePValue = ct.chiSquarePValue ?? (ct.test === 'chi-square' ? ct.pValue : undefined);
    const cliFigures = { statistic: ct.statistic, df: ct.df, chiSquarePValue };
    for (const f of COMPARISON_FIGURES) check(`groupComparisons[${key}].${f}`, cliFigures[f], rt[f]);
  }
  return result;
}
