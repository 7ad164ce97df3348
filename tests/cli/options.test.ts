import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { FIXTURE, runCli } from './run-cli.js';

function json(args: string[]): Report {
  const result = runCli([FIXTURE, '--format', 'json', '--quiet', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('statistical options end to end', () => {
  it('--alpha-ci: feldt, duhachek and a reproducible bootstrap', () => {
    const feldt = json([]).scales[0];
    const duhachek = json(['--alpha-ci', 'duhachek']).scales[0];
    expect(feldt.alphaCI.method).toBe('feldt');
    expect(duhachek.alphaCI.method).toBe('duhachek');
    expect(duhachek.alphaCI.lower).not.toBe(feldt.alphaCI.lower);
    const boot = json(['--alpha-ci', 'bootstrap', '--bootstrap', '200', '--seed', '7']);
    const again = json(['--alpha-ci', 'bootstrap', '--bootstrap', '200', '--seed', '7']);
    const other = json(['--alpha-ci', 'bootstrap', '--bootstrap', '200', '--seed', '8']);
    expect(boot.settings.bootstrap).toEqual({ resamples: 200, seed: 7 });
    expect(boot.scales.map((s) => s.alphaCI)).toEqual(again.scales.map((s) => s.alphaCI));
    expect(boot.scales[0].alphaCI.lower).not.toBe(other.scales[0].alphaCI.lower);
    for (const scale of boot.scales) {
      expect(scale.alphaCI.lower!).toBeLessThan(scale.alpha!);
      expect(scale.alphaCI.upper!).toBeGreaterThan(scale.alpha!);
    }
  });

  it('--conf-level narrows every interval', () => {
    const at95 = json([]);
    const at90 = json(['--conf-level', '0.9']);
    expect(at90.scales[0].alphaCI.level).toBe(0.9);
    expect(at90.scales[0].alphaCI.upper! - at90.scales[0].alphaCI.lower!).toBeLessThan(at95.scales[0].alphaCI.upper! - at95.scales[0].alphaCI.lower!);
    const width = (r: Report) => r.prevalence[0].ci.upper! - r.prevalence[0].ci.lower!;
    expect(width(at90)).toBeLessThan(width(at95));
  });

  it('--missing pairwise uses every row and each item its own n', () => {
    const listwise = json([]).scales[0];
    const pairwise = json(['--missing', 'pairwise']).scales[0];
    expect(listwise.n).toBe(691);
    expect(pairwise.n).toBe(782);
    expect(pairwise.items.some((item) => item.n > listwise.n)).toBe(true);
    expect(pairwise.alpha).not.toBe(listwise.alpha);
  });

  it('--correlation spearman, with pairwise n and Fisher-z intervals', () => {
    const report = json(['--correlation', 'spearman']);
    expect(report.correlations.method).toBe('spearman');
    expect(report.correlations.r[0][0]).toBe(1);
    expect(report.correlations.n[1][0]).toBe(782);
    const ci = report.correlations.ci[1][0]!;
    expect(ci.lower).toBeLessThan(report.correlations.r[1][0]!);
    expect(ci.upper).toBeGreaterThan(report.correlations.r[1][0]!);
    expect(report.correlations.r[1][0]).not.toBe(json([]).correlations.r[1][0]);
  });

  it('--ci-method changes the prevalence intervals and is reported', () => {
    const methods = ['wilson', 'wilson-cc', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'wald', 'logit'];
    const lowers = methods.map((method) => {
      const row = json(['--ci-method', method]).prevalence[0];
      expect(row.ci.method).toBe(method);
      return row.ci.lower;
    });
    expect(new Set(lowers).size).toBe(methods.length);
  });

  it('--by replaces the codebook groups; --cluster adds design figures', () => {
    const bySite = json(['--by', 'site', '--by', 'prior_training']);
    expect(bySite.settings.groups).toEqual(['site', 'prior_training']);
    const columns = new Set(bySite.prevalence.filter((p) => p.group).map((p) => p.group!.column));
    expect(columns).toEqual(new Set(['site', 'prior_training']));
    const clustered = json(['--cluster', 'site', '--ci-method', 'clopper-pearson']);
    const overall = clustered.prevalence[0];
    expect(overall.design).toMatchObject({ cluster: 'site', clusters: 10, df: 9 });
    expect(overall.design!.designEffect!).toBeGreaterThan(1);
    const simple = json(['--ci-method', 'clopper-pearson']).prevalence[0];
    expect(overall.ci.upper! - overall.ci.lower!).toBeGreaterThan(simple.ci.upper! - simple.ci.lower!);
  });

  it('the options reach every format: the terminal names the methods', () => {
    const table = runCli([FIXTURE, '--alpha-ci', 'duhachek', '--ci-method', 'jeffreys', '--conf-level', '0.9', '--missing', 'pairwise']).stdout;
    expect(table).toMatch(/Duhachek/);
    expect(table).toMatch(/Jeffreys/);
    expect(table).toMatch(/90% CI/);
    expect(table).toMatch(/pairwise/);
    const markdown = runCli([FIXTURE, '--alpha-ci', 'duhachek', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/Duhachek/);
  });

  it('--digits sets the decimals of the tables', () => {
    const two = runCli([FIXTURE, '--digits', '2']).stdout;
    expect(two).toMatch(/Cronbach's alpha 0\.93, 95% CI \[0\.92, 0\.94\]/);
  });
});
