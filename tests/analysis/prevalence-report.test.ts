import { describe, expect, it } from 'vitest';
import { PrevalenceAccumulator } from '../../src/analysis/prevalence-accumulator.js';
import { prevalenceReport } from '../../src/analysis/prevalence-report.js';
import type { Prevalence } from '../../src/codebook/codebook.js';
import type { Warning } from '../../src/report/report.js';
import { proportionInterval } from '../../src/stats/proportion/proportion-interval.js';

const entries: Prevalence[] = [
  { id: 'contact', label: 'Contact', column: 'contact', positiveText: ['yes'], positiveCodes: [] },
  { id: 'unsure', label: 'Unsure', column: 'unsure', positiveText: ['yes'], positiveCodes: [] },
];

/** rows: [contact, unsure, band, cluster]; outcomes 1, 0 or -1 (missing). */
function build(rows: [number, number, string | null, string | null][], cluster: string | null = null): PrevalenceAccumulator {
  const acc = new PrevalenceAccumulator(entries, ['band'], cluster);
  const outcomes = new Int8Array(2);
  const groups: (string | null)[] = [null];
  for (const [a, b, band, c] of rows) {
    outcomes[0] = a;
    outcomes[1] = b;
    groups[0] = band;
    acc.add(outcomes, groups, c);
  }
  return acc;
}

const ROWS: [number, number, string | null, string | null][] = [
  [1, 0, 'Band 10', 'w1'],
  [0, 0, 'Band 5', 'w1'],
  [1, -1, 'Band 5', 'w2'],
  [1, 0, '7', 'w2'],
  [0, 0, 'Band 10', 'w3'],
  [-1, 0, 'Band 6', 'w3'],
  [1, 0, null, 'w3'],
  [0, 0, '7', 'w1'],
];

describe('prevalenceReport without clusters', () => {
  const warnings: Warning[] = [];
  const report = prevalenceReport(build(ROWS), { ciMethod: 'wilson', confLevel: 0.95 }, warnings);

  it('overall row first for each id, then group values in natural order, each with its own n', () => {
    const contact = report.prevalence.filter((r) => r.id === 'contact');
    expect(contact.map((r) => r.group?.value ?? null)).toEqual([null, '7', 'Band 5', 'Band 6', 'Band 10']);
    expect(contact.map((r) => [r.count, r.n])).toEqual([[4, 7], [1, 2], [1, 2], [0, 0], [1, 2]]);
    expect(report.prevalence.map((r) => r.id)).toEqual([...Array(5).fill('contact'), ...Array(5).fill('unsure')]);
    expect(contact[0].group).toBeNull();
    expect(contact[1].group).toEqual({ column: 'band', value: '7' });
  });

  it('proportion and interval as proportionInterval; no design without a cluster column', () => {
    const overall = report.prevalence[0];
    expect(overall.proportion).toBeCloseTo(4 / 7, 15);
    const ci = proportionInterval(4, 7, 'wilson', 0.95);
    expect(overall.ci).toEqual({ method: 'wilson', level: 0.95, lower: ci.lower, upper: ci.upper });
    expect(overall.design).toBeUndefined();
  });

  it('n = 0: proportion and interval null, with a warning naming the entry and group', () => {
    const empty = report.prevalence.find((r) => r.id === 'contact' && r.group?.value === 'Band 6');
    expect(empty?.proportion).toBeNull();
    expect(empty?.ci.lower).toBeNull();
    expect(empty?.ci.upper).toBeNull();
    expect(warnings.some((w) => w.code === 'prevalence-no-answers' && w.prevalence === 'contact' && w.column === 'band' && w.message.includes('Band 6'))).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it('groupMissing counts rows whose group cell is missing; they count overall only', () => {
    expect(report.groupMissing).toEqual([{ column: 'band', rows: 1 }]);
    const contact = report.prevalence.filter((r) => r.id === 'contact');
    expect(contact.slice(1).reduce((s, r) => s + r.n, 0)).toBe(contact[0].n - 1);
  });

  it('comparisons: one per entry x group column over the groups with answers; all-negative gives p = 1 and a warning', () => {
    expect(report.groupComparisons.map((c) => [c.id, c.column, c.groups, c.n])).toEqual([
      ['contact', 'band', 3, 6],
      ['unsure', 'band', 4, 6],
    ]);
    const unsure = report.groupComparisons[1];
    expect(unsure.test).toBe('fisher-exact');
    expect(unsure.pValue).toBe(1);
    expect(unsure.statistic).toBeNull();
    expect(warnings.some((w) => w.code === 'chi-square-undefined' && w.prevalence === 'unsure')).toBe(true);
  });

  it('the warning speaks of the answers in the groups: all negative there, though a row without a group is positive', () => {
    const w: Warning[] = [];
    prevalenceReport(build([[0, 0, 'A', null], [0, 0, 'A', null], [0, 0, 'B', null], [0, 0, 'B', null], [1, 0, null, null]]), { ciMethod: 'wilson', confLevel: 0.95 }, w);
    const contact = w.find((x) => x.code === 'chi-square-undefined' && x.prevalence === 'contact');
    expect(contact?.message).toContain('the answers in the groups are all negative');
  });

  it('skips a comparison, with a warning, when fewer than 2 groups have answers', () => {
    const w: Warning[] = [];
    const r = prevalenceReport(build([[1, 0, 'A', null], [0, -1, 'A', null], [-1, 1, 'B', null]]), { ciMethod: 'wilson', confLevel: 0.95 }, w);
    expect(r.groupComparisons.map((c) => c.id)).toEqual(['unsure']);
    expect(w.filter((x) => x.code === 'group-comparison-skipped').map((x) => x.prevalence)).toEqual(['contact']);
  });

  it('the chosen method and level reach every row', () => {
    const r = prevalenceReport(build(ROWS), { ciMethod: 'jeffreys', confLevel: 0.9 }, []);
    const ci = proportionInterval(1, 2, 'jeffreys', 0.9);
    expect(r.prevalence[1].ci).toEqual({ method: 'jeffreys', level: 0.9, lower: ci.lower, upper: ci.upper });
  });
});

describe('prevalenceReport with clusters: small cases', () => {
  it('a design of one cluster: no standard errors or intervals, one warning', () => {
    const warnings: Warning[] = [];
    const rows = ROWS.map(([a, b, g]) => [a, b, g, 'only'] as [number, number, string | null, string | null]);
    const report = prevalenceReport(build(rows, 'ward'), { ciMethod: 'wilson', confLevel: 0.95 }, warnings);
    expect(warnings.filter((w) => w.code === 'design-single-cluster')).toHaveLength(1);
    expect(warnings.some((w) => w.code === 'design-too-few-clusters')).toBe(false);
    expect(report.prevalence[0].design).toMatchObject({ cluster: 'ward', clusters: 1, df: 0, standardError: null, designEffect: null });
    expect(report.prevalence[0].ci.lower).toBeNull();
  });

  it('each respondent its own cluster: variance p(1 − p)/(n − 1), design effect n/(n − 1), logit = Stata logit', () => {
    // Only the rows that answer "contact", so that the design's clusters are its n answers.
    const rows = ROWS.filter(([a]) => a >= 0).map(([a, b, g], i) => [a, b, g, `r${i}`] as [number, number, string | null, string | null]);
    const report = prevalenceReport(build(rows, 'id'), { ciMethod: 'logit', confLevel: 0.95 }, []);
    const overall = report.prevalence[0];
    expect([overall.count, overall.n, overall.design?.clusters, overall.design?.designClusters]).toEqual([4, 7, 7, 7]);
    const p = 4 / 7;
    expect(overall.design?.standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / 6), 14);
    expect(overall.design?.designEffect).toBeCloseTo(7 / 6, 14);
    expect(overall.design?.df).toBe(6);
    const srs = proportionInterval(4, 7, 'logit', 0.95);
    expect(overall.ci.lower).toBeCloseTo(srs.lower, 12);
    expect(overall.ci.upper).toBeCloseTo(srs.upper, 12);
  });
});
