import { describe, expect, it } from 'vitest';
import { prevalenceReport } from '../../src/analysis/prevalence-report.js';
import type { CiMethod, PrevalenceRow, Warning } from '../../src/report/report.js';
import { accumulate, clustered, type ClusteredInterval, type ClusteredResult } from '../stats/proportion/clustered-golden.js';

const acc = accumulate(clustered.rows, 'cluster');

function rowFor(rows: PrevalenceRow[], r: ClusteredResult): PrevalenceRow {
  const found = rows.find((row) => row.id === r.id && (r.column === null ? row.group === null : row.group?.column === r.column && row.group.value === r.value));
  if (found === undefined) throw new Error(`no row for ${r.id} ${r.column} ${r.value}`);
  return found;
}

function close(a: number | null | undefined, b: number | null | undefined, tol: number, where: string): void {
  expect(a === null || a === undefined, where).toBe(b === null || b === undefined);
  if (a === null || a === undefined || b === null || b === undefined) return;
  expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThan(tol);
}

/** Which R value each method must reproduce: survey's svyciprop where it is defined, else the formula written out in R. */
const REFERENCE: [CiMethod, (iv: ClusteredInterval, edge: boolean) => [number | null, number | null] | undefined][] = [
  ['clopper-pearson', (iv, edge) => (edge ? iv.kg_edge : iv.svyciprop_beta)],
  ['wald', (iv, edge) => (edge ? iv.wald : clip(iv.svyciprop_mean))],
  ['logit', (iv, edge) => (edge ? iv.kg_edge : iv.svyciprop_logit)],
  ['wilson', (iv) => iv.wilson],
  ['wilson-cc', (iv) => iv.wilson_cc],
  ['agresti-coull', (iv) => iv.agresti_coull],
  ['jeffreys', (iv) => iv.jeffreys],
];

function clip(b: [number | null, number | null] | undefined): [number | null, number | null] | undefined {
  if (b === undefined) return undefined;
  return b.map((v) => (v === null ? null : Math.min(1, Math.max(0, v)))) as [number | null, number | null];
}

describe('cluster-aware prevalence against R survey (svydesign(ids = ~cl), subset per domain)', () => {
  const levels = [0.9, 0.95, 0.99];

  it('counts, clusters, df, standard error and design effect per domain', () => {
    const { prevalence } = prevalenceReport(acc, { ciMethod: 'wilson', confLevel: 0.95 }, []);
    expect(prevalence.length).toBe(clustered.results.length);
    for (const r of clustered.results) {
      const row = rowFor(prevalence, r);
      const where = `${r.id} ${r.column ?? 'overall'} ${r.value ?? ''}`;
      expect(row.count, where).toBe(r.count);
      expect(row.n, where).toBe(r.n);
      expect(row.design?.clusters, where).toBe(r.clusters);
      expect(row.design?.df, where).toBe(r.df);
      expect(row.design?.designClusters, where).toBe(clustered.designClusters);
      close(row.design?.standardError, r.se, 1e-9, `${where} se`);
      if (r.deff_kish === null || r.df < 1) continue;
      close(row.design?.designEffect, r.deff_kish, 1e-8 * r.deff_kish, `${where} deff`);
      // survey's svymean(deff = "replace") uses p(1 − p)/(n − 1) as the SRS variance.
      close(row.design?.designEffect, (r.deff_replace as number) * (r.n / (r.n - 1)), 1e-8 * r.deff_kish, `${where} deff replace`);
      close(row.design?.effectiveN, r.n / r.deff_kish, 1e-6, `${where} n_eff`);
    }
  });

  for (const [method, reference] of REFERENCE) {
    it(`${method} intervals at levels 0.9, 0.95, 0.99 agree to 1e-7`, () => {
      let compared = 0;
      for (const level of levels) {
        const warnings: Warning[] = [];
        const { prevalence } = prevalenceReport(acc, { ciMethod: method, confLevel: level }, warnings);
        for (const r of clustered.results) {
          const row = rowFor(prevalence, r);
          const where = `${method} @${level} ${r.id} ${r.column ?? 'overall'} ${r.value ?? ''}`;
          expect(row.ci.method).toBe(method);
          expect(row.ci.level).toBe(level);
          if (r.df < 1) {
            expect(row.ci.lower, where).toBeNull();
            expect(row.ci.upper, where).toBeNull();
            expect(warnings.some((w) => w.code === 'design-too-few-clusters' && w.prevalence === r.id && w.column === r.column)).toBe(true);
            continue;
          }
          const iv = r.intervals.find((i) => i.level === level) as ClusteredInterval;
          const edge = r.count === 0 || r.count === r.n;
          const [lower, upper] = reference(iv, edge) as [number, number];
          close(row.ci.lower, lower, 1e-7, `${where} lower`);
          close(row.ci.upper, upper, 1e-7, `${where} upper`);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(60);
    });
  }

  it('group comparisons agree with R chisq.test / fisher.test on the 2 x G tables', () => {
    const { groupComparisons } = prevalenceReport(acc, { ciMethod: 'wilson', confLevel: 0.95 }, []);
    expect(groupComparisons.length).toBe(clustered.comparisons.length);
    for (const c of clustered.comparisons) {
      const got = groupComparisons.find((g) => g.id === c.id && g.column === c.column);
      const where = `${c.id} by ${c.column}`;
      expect(got, where).toBeDefined();
      if (got === undefined) continue;
      expect(got.groups).toBe(c.groups.length);
      expect(got.n).toBe(c.table[0].reduce((s, v) => s + v, 0) + c.table[1].reduce((s, v) => s + v, 0));
      expect(got.df).toBe(c.df);
      close(got.statistic, c.statistic, 1e-9 * Math.max(1, c.statistic ?? 0), `${where} statistic`);
      close(got.chiSquarePValue, c.chisq_p, 1e-7 * (c.chisq_p ?? 1), `${where} chi-square p`);
      close(got.minExpected, c.min_expected, 1e-9, `${where} min expected`);
      const fisher = c.groups.length === 2 || c.min_expected < 5;
      expect(got.test, where).toBe(fisher ? 'fisher-exact' : 'chi-square');
      close(got.pValue, fisher ? c.fisher_p : c.chisq_p, 1e-7 * (fisher ? c.fisher_p : (c.chisq_p as number)), `${where} p`);
    }
  });

  it('rows without a cluster are left out with a warning; group-missing rows counted per column', () => {
    const warnings: Warning[] = [];
    const report = prevalenceReport(acc, { ciMethod: 'wilson', confLevel: 0.95 }, warnings);
    expect(acc.clusterMissing).toBe(clustered.missingCluster);
    expect(warnings.find((w) => w.code === 'cluster-missing')?.count).toBe(clustered.missingCluster);
    expect(report.groupMissing).toEqual(Object.entries(clustered.groupMissing).map(([column, rows]) => ({ column, rows })));
    expect(warnings.some((w) => w.code === 'group-comparison-ignores-clusters')).toBe(true);
    // p = 0 and p = 1 domains: design effect undefined, with a warning
    const edge = report.prevalence.find((r) => r.id === 'y2' && r.group?.value === 'Midwife');
    expect(edge?.proportion).toBe(0);
    expect(edge?.design?.designEffect).toBeNull();
    expect(warnings.some((w) => w.code === 'design-effect-undefined' && w.prevalence === 'y2' && w.column === 'role')).toBe(true);
  });
});
