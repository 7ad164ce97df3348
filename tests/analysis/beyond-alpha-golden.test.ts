/**
 * End to end against psych 2.2.9: the data of the golden cases go through analyzeRows (the CLI's
 * path: codebook, coding, the one pass, scaleReport) and the report's omega, dimensionality and
 * ordinal figures are compared with what psych returned on the same data.
 *   omega:        tests/golden/make-omega-golden.R   (psych::omega, fm = "minres", oblimin, flip = TRUE)
 *   factor:       tests/golden/make-factor-golden.R  (psych::fa.parallel, vss's map)
 *   polychoric:   tests/golden/make-polychoric-golden.R (psych::polychoric / tetrachoric, alpha of rho)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRows, parseCodebook } from '../../src/index.js';
import type { Report, ScaleReport } from '../../src/report/report.js';
import type { SettingsInput } from '../../src/analysis/settings.js';
import { CASES, expectClose, loadCase } from '../stats/factor/omega-golden-cases.js';

const golden = (path: string): string => readFileSync(new URL(`../golden/${path}`, import.meta.url), 'utf8');

function csv(path: string): { columns: string[]; rows: (number | null)[][] } {
  const [head, ...lines] = golden(path).trim().split(/\r?\n/);
  const columns = head.split(',').map((h) => h.replace(/"/g, ''));
  return { columns, rows: lines.map((l) => l.split(',').map((c) => (c === '' || c === 'NA' ? null : Number(c)))) };
}

async function run(path: string, scale: Record<string, unknown>, settings: SettingsInput): Promise<{ report: Report; scale: ScaleReport }> {
  const table = csv(path);
  const { codebook, problems } = parseCodebook(JSON.stringify({ title: 't', scales: [{ id: 's', items: table.columns, ...scale }] }));
  if (!codebook) throw new Error(problems.map((p) => p.message).join('\n'));
  const report = await analyzeRows(table, { codebook, ...settings });
  return { report, scale: report.scales[0] };
}

const range = (rows: (number | null)[][]): [number, number] => {
  const values = rows.flat().filter((v): v is number => v !== null);
  return [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))];
};

// psych's minres stops at L-BFGS-B's relative-reduction test, ours at the stationary point:
// ω_h, ω_lim, ω_t agree to under 1e-6 (largest 5.8e-7, bfi-ace-15), omega.group and the loadings
// to about 1e-5 (the omega
// tests under tests/stats use psych's own loadings and agree to rounding).
const TOL = 2e-6;
const LOADING_TOL = 3e-5;

describe('omega hierarchical end to end (psych::omega)', () => {
  for (const name of CASES) {
    const g = loadCase(name);
    const defined = !name.endsWith('heywood') && !name.endsWith('too-few');
    it(`${name}: ${defined ? 'ω_h, ω_lim, ω_t, loadings and omega.group as psych' : 'null with a warning that says why'}`, async () => {
      const data = csv(`omega/${g.data}`);
      const { report, scale } = await run(`omega/${g.data}`, { range: range(data.rows), nfactors: g.nfactors }, {
        reliability: 'full',
        bootstrap: { resamples: 20, seed: 3 },
      });
      expect(report.settings.reliability).toBe('full');
      if (!defined) {
        expect(scale.omega).toBeNull();
        const w = report.warnings.find((x) => x.code === 'omega-h-undefined');
        expect(w?.message).toMatch(name.endsWith('heywood') ? /Heywood case/ : /too few items for 3 factors/);
        expect(JSON.stringify(report)).not.toMatch(/NaN/);
        return;
      }
      const o = scale.omega!;
      expect(o.nfactors).toBe(g.nfactors);
      expect(Math.abs(o.omegaH - g.omega.omegaH)).toBeLessThan(TOL);
      expect(Math.abs(o.omegaLimit - g.omega.omegaLimit)).toBeLessThan(TOL);
      expect(Math.abs(o.omegaTotal - g.omega.omegaTotal)).toBeLessThan(TOL);
      expectClose(o.general, g.omega.g, LOADING_TOL, 'g');
      expectClose(o.groups.flat(), g.omega.group, LOADING_TOL, 'group loadings');
      expectClose(o.h2, g.schmid.h2, LOADING_TOL, 'h2');
      expectClose(o.u2, g.schmid.u2, LOADING_TOL, 'u2');
      expect(o.flipped).toEqual(g.items.filter((_, i) => g.omega.key[i] < 0));
      if (o.flipped.length > 0) expect(report.warnings.map((w) => w.code)).toContain('omega-flipped');
      expectClose(o.groupOmegas.map((x) => x.total ?? Number.NaN), g.omega.groupTotal, LOADING_TOL, 'omega.group total');
      expectClose(o.groupOmegas.map((x) => x.general ?? Number.NaN), g.omega.groupGeneral, LOADING_TOL, 'omega.group general');
      expectClose(o.groupOmegas.map((x) => x.group ?? Number.NaN), g.omega.groupGroup, LOADING_TOL, 'omega.group group');
      // The bootstrap interval of ω_t: seeded, reproducible, around the estimate.
      expect(o.ci).not.toBeNull();
      expect(o.ci!.resamples).toBe(20);
      expect(o.ci!.lower!).toBeLessThanOrEqual(o.ci!.upper!);
      expect(o.ci!.lower!).toBeLessThan(o.omegaTotal + 0.05);
      expect(o.ci!.upper!).toBeGreaterThan(o.omegaTotal - 0.05);
      const again = await run(`omega/${g.data}`, { range: range(data.rows), nfactors: g.nfactors }, { reliability: 'full', bootstrap: { resamples: 20, seed: 3 } });
      expect(again.scale.omega!.ci).toEqual(o.ci);
    });
  }

  it('--nfactors is the default and a scale\'s codebook nfactors wins', async () => {
    const g = loadCase('bfi-ac-10-two');
    const data = csv(`omega/${g.data}`);
    const byOption = await run(`omega/${g.data}`, { range: range(data.rows) }, { reliability: 'full', nfactors: 2, bootstrap: { resamples: 10, seed: 1 } });
    expect(byOption.report.settings.nfactors).toBe(2);
    expect(Math.abs(byOption.scale.omega!.omegaH - g.omega.omegaH)).toBeLessThan(TOL);
    const byCodebook = await run(`omega/${g.data}`, { range: range(data.rows), nfactors: 2 }, { reliability: 'full', nfactors: 4, bootstrap: { resamples: 10, seed: 1 } });
    expect(byCodebook.scale.omega!.nfactors).toBe(2);
    expect(byCodebook.scale.omega!.omegaH).toBe(byOption.scale.omega!.omegaH);
  });

  it('basic (the default) computes none of the iterative figures, and warns about none', async () => {
    const g = loadCase('bfi-ace-15');
    const data = csv(`omega/${g.data}`);
    const { report, scale } = await run(`omega/${g.data}`, { range: range(data.rows) }, {});
    expect(report.settings.reliability).toBe('basic');
    expect(report.settings.bootstrap).toBeNull();
    expect(scale.omega).toBeNull();
    expect(scale.dimensionality).toBeNull();
    expect(scale.glb).toBeNull();
    expect(scale.glbFactors).toBeNull();
    expect(scale.items.every((i) => i.ifDeleted.omegaTotal === null)).toBe(true);
    expect(scale.ordinal).toBeUndefined();
    expect(scale.omegaTotal).not.toBeNull();
    expect(report.warnings.filter((w) => /omega|glb|dimensionality|parallel|map/.test(w.code))).toEqual([]);
  });
});

describe('dimensionality end to end (psych fa.parallel, vss map)', () => {
  it('bfi A, C, E: observed eigenvalues and MAP as psych; suggestions by simulation', async () => {
    const g = JSON.parse(golden('factor/bfi-ace.json'));
    const data = csv('factor/bfi-ace.csv');
    const { scale } = await run('factor/bfi-ace.csv', { range: range(data.rows) }, { reliability: 'full', bootstrap: { resamples: 10, seed: 1 } });
    const d = scale.dimensionality!;
    expectClose(d.parallel.pc, g.parallel['pc.values'], 1e-9, 'pc values');
    expectClose(d.parallel.fa, g.parallel['fa.values'], 1e-5, 'fa values');
    expect(d.parallel.iterations).toBe(20);
    expect(d.parallel.n).toBe(500);
    // The simulated thresholds come from xoshiro128**, not R's generator: simulation error only.
    expectClose(d.parallel.simulatedPcQuantile, g.parallel['pc.sim.q95'], 0.06, 'pc sim quantile');
    expect(d.parallel.components).toBe(g.parallel.ncomp);
    expect(d.parallel.factors).toBe(g.parallel.nfact);
    expectClose(d.map.values.slice(1) as number[], g.map.map, 1e-9, 'MAP');
    expect(d.map.minimum).toBe(g.map.minimum);
  });
});

interface PolyGolden {
  kind: 'polychoric' | 'tetrachoric';
  n: number;
  items: string[];
  smoothed: boolean;
  rho: (number | null)[];
  tau: (number | string | null)[];
  alpha: { raw_alpha: number };
}

describe('ordinal reliability end to end (psych polychoric / tetrachoric)', () => {
  const cases = ['likert-sparse', 'knowledge-binary', 'mixed-categories', 'scattered-missing', 'not-positive-definite'];
  for (const name of cases) {
    it(`${name}: kind, rho, thresholds and ordinal alpha as psych`, async () => {
      const g = JSON.parse(golden(`polychoric/${name}.json`)) as PolyGolden;
      const data = csv(`polychoric/${name}.csv`);
      // psych polychoric uses every pairwise-complete answer: --missing pairwise hands every row to the pair tables.
      const missing = data.rows.some((r) => r.includes(null)) ? 'pairwise' : 'listwise';
      const { report, scale } = await run(`polychoric/${name}.csv`, { range: range(data.rows) }, { itemCorrelations: 'polychoric', missing });
      expect(report.settings.itemCorrelations).toBe('polychoric');
      const o = scale.ordinal!;
      expect(o.kind).toBe(g.kind);
      expect(o.smoothed).toBe(g.smoothed);
      expect(o.items).toEqual(g.items);
      expectClose(o.rho.flat().map((v) => v ?? Number.NaN), g.rho.flat(), 1e-8, 'rho');
      const tau = (g.tau.flat() as (number | string | null)[]).map((t) => (typeof t === 'number' ? t : null));
      const ours = o.thresholds.flatMap((t) => t ?? []);
      expect(ours.length).toBe(tau.length);
      ours.forEach((t, c) => (tau[c] === null ? expect(t).toBeNull() : expect(Math.abs(t! - tau[c]!)).toBeLessThan(1e-6)));
      expect(Math.abs(o.alpha! - g.alpha.raw_alpha)).toBeLessThan(1e-4);
      expect(o.omegaTotal).not.toBeNull();
      expect(o.omegaH).toBeUndefined(); // basic: not asked for
      if (g.smoothed) expect(report.warnings.some((w) => w.code === 'ordinal-correlations' && /smoothing was done/.test(w.message))).toBe(true);
      expect(JSON.stringify(report)).not.toMatch(/NaN/);
    });
  }
});
