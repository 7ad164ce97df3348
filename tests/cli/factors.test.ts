/**
 * `survey-analyze factors` end to end against R psych 2.2.9 / GPArotation
 * (tests/golden/make-efa-cli-golden.R writes tests/golden/efa-cli/golden.json): psych::fa on the
 * very files the CLI reads, coded as the codebook codes them (reverse keying, answer keys), for
 * minres / ml / pa, oblimin / promax / varimax / none, pairwise and listwise; fa.parallel and
 * vss()'s MAP. Then every output format of the same run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FactorsDocument } from '../../src/report/factor-report-types.js';
import { runCli } from './run-cli.js';

interface GoldenCase {
  fm: string;
  rotate: string;
  nfactors: number;
  missing: string;
  n: number;
  loadings: number[];
  communality: number[];
  uniquenesses: number[];
  complexity: number[];
  Phi: number[] | null;
  Vaccounted: number[];
  order: number[];
  [figure: string]: unknown;
}
interface GoldenSet {
  name: string;
  csv: string;
  codebook: string | null;
  items: string[];
  scales: string[];
  k: number;
  rows: number;
  parallel: { 'pc.values': number[]; 'fa.values': number[]; 'pc.sim.q95': number[]; 'fa.sim.q95': number[]; nfact: number; ncomp: number };
  map: { n: number; map: number[]; minimum: number };
  cases: GoldenCase[];
}
const golden = JSON.parse(readFileSync(new URL('../golden/efa-cli/golden.json', import.meta.url), 'utf8')) as { source: string; sets: GoldenSet[] };

function factors(args: string[]): FactorsDocument {
  const result = runCli(['factors', '-f', 'json', '--quiet', ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as FactorsDocument;
}

const codebookArgs = (set: GoldenSet): string[] => (set.codebook === null ? [] : ['-c', set.codebook]);

function close(actual: number | null | undefined, expected: number | null | undefined, tol: number, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(actual, what).toBeDefined();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** For each psych factor g, our factor perm[g] and its sign: the largest |cross-product| of loadings. */
function alignment(ours: number[][], theirs: number[], k: number, m: number): { perm: number[]; sign: number[] } {
  const perm: number[] = [];
  const sign: number[] = [];
  for (let g = 0; g < m; g++) {
    let best = -1;
    let bestDot = 0;
    for (let f = 0; f < m; f++) {
      if (perm.includes(f)) continue;
      let dot = 0;
      for (let i = 0; i < k; i++) dot += ours[i][f] * theirs[i * m + g];
      if (best < 0 || Math.abs(dot) > Math.abs(bestDot)) {
        best = f;
        bestDot = dot;
      }
    }
    perm.push(best);
    sign.push(bestDot < 0 ? -1 : 1);
  }
  return { perm, sign };
}

describe(`factors against psych (${golden.source})`, () => {
  for (const set of golden.sets) {
    describe(`${set.name} (${set.k} items, ${set.rows} rows)`, () => {
      for (const c of set.cases) {
        it(`fa(fm = "${c.fm}", rotate = "${c.rotate}", nfactors = ${c.nfactors}), ${c.missing}: loadings, h2, u2, com, Phi, variance, fit, fa.sort`, () => {
          const doc = factors([...codebookArgs(set), '--fm', c.fm, '--rotate', c.rotate, '--nfactors', String(c.nfactors), '--missing', c.missing, set.csv]);
          const f = doc.factors;
          const { k } = set;
          const m = c.nfactors;
          expect(f.items.map((i) => i.id)).toEqual(set.items);
          expect(f.items.map((i) => i.scale)).toEqual(set.scales);
          expect([f.k, f.n, f.nfactors, f.nfactorsFrom, f.fm, f.missing]).toEqual([k, c.n, m, 'option', c.fm, c.missing]);
          expect(f.rotation).toBe(m === 1 ? 'none' : c.rotate);
          expect(f.extraction.converged).toBe(true);
          // Loadings back in codebook order.
          const at = new Map(f.loadings.map((row) => [row.item, row]));
          const rows = set.items.map((item) => at.get(item)!);
          const ours = rows.map((row) => row.loadings);
          const { perm, sign } = alignment(ours, c.loadings, k, m);
          expect([...perm].sort()).toEqual(Array.from({ length: m }, (_, j) => j));
          for (let i = 0; i < k; i++) {
            for (let g = 0; g < m; g++) close(sign[g] * ours[i][perm[g]], c.loadings[i * m + g], 1e-4, `loading ${set.items[i]} ${g + 1}`);
            close(rows[i].communality, c.communality[i], 1e-4, `h2 ${set.items[i]}`);
            close(rows[i].uniqueness, c.uniquenesses[i], 1e-4, `u2 ${set.items[i]}`);
            close(rows[i].complexity, c.complexity[i], 1e-4, `com ${set.items[i]}`);
          }
          if (c.Phi === null) expect(f.phi).toBeNull();
          else {
            for (let a = 0; a < m; a++) {
              for (let b = 0; b < m; b++) close(sign[a] * sign[b] * f.phi![perm[a]][perm[b]], c.Phi[a * m + b], 1e-4, `phi ${a + 1},${b + 1}`);
            }
          }
          // Vaccounted: SS loadings, Proportion Var, Cumulative Var (and, m > 1, Proportion Explained, Cumulative Proportion).
          const v = (row: number, g: number): number => c.Vaccounted[row * m + g];
          const identity = perm.every((p, g) => p === g);
          for (let g = 0; g < m; g++) {
            const ourV = f.variance[perm[g]];
            close(ourV.ssLoadings, v(0, g), 1e-4, `SS loadings ${g + 1}`);
            close(ourV.proportion, v(1, g), 1e-4, `Proportion Var ${g + 1}`);
            if (m > 1) close(ourV.proportionExplained, v(3, g), 1e-4, `Proportion Explained ${g + 1}`);
            if (identity) {
              close(ourV.cumulative, v(2, g), 1e-4, `Cumulative Var ${g + 1}`);
              if (m > 1) close(ourV.cumulativeProportion, v(4, g), 1e-4, `Cumulative Proportion ${g + 1}`);
            }
          }
          // Factors come out in psych's order (by variance accounted for), so fa.sort's order is psych's.
          expect(identity).toBe(true);
          expect(f.loadings.map((row) => set.items.indexOf(row.item) + 1)).toEqual(c.order);
          // Fit: psych's figures, 1e-4 relative to max(1, |figure|); BIC-type on the chi-square's scale.
          const g = (key: string) => c[key] as number | null;
          const rel = (a: number | null, key: string) => close(a, g(key), 1e-4 * Math.max(1, Math.abs(g(key) ?? 0)), key);
          const fit = f.fit;
          expect(fit.df).toBe(g('dof'));
          expect(fit.nullDf).toBe(g('null.dof'));
          rel(fit.objective, 'objective');
          rel(fit.chiSquare, 'STATISTIC');
          rel(fit.nullObjective, 'null.model');
          rel(fit.nullChiSquare, 'null.chisq');
          rel(fit.tli, 'TLI');
          rel(fit.rms, 'rms');
          rel(fit.crms, 'crms');
          rel(fit.empiricalChiSquare, 'chi');
          rel(fit.harmonicN, 'nh');
          rel(fit.fit, 'fit');
          rel(fit.fitOff, 'fit.off');
          expect(f.n).toBe(g('n.obs'));
          const onScale = (a: number | null, key: string, of: string) => close(a, g(key), 1e-4 * Math.max(1, Math.abs(g(of) ?? 0)), key);
          onScale(fit.bic, 'BIC', 'STATISTIC');
          onScale(fit.sabic, 'SABIC', 'STATISTIC');
          onScale(fit.empiricalBic, 'EBIC', 'chi');
          onScale(fit.empiricalSabic, 'ESABIC', 'chi');
          for (const [p, key] of [[fit.pValue, 'PVAL'], [fit.empiricalPValue, 'EPVAL']] as const) {
            const expected = g(key) as number;
            expect(Math.abs((p as number) - expected), key).toBeLessThanOrEqual(Math.max(1e-3 * expected, 1e-300));
          }
          const rmsea = c.RMSEA as number[];
          close(fit.rmsea?.estimate, rmsea[0], 1e-4, 'RMSEA');
          close(fit.rmsea?.lower, rmsea[1], 1e-4, 'RMSEA lower');
          close(fit.rmsea?.upper, rmsea[2], 1e-4, 'RMSEA upper');
          expect(fit.rmsea?.level).toBe(0.9);
          // Items against scales: each item's factor is the one psych's loadings put it on.
          for (let i = 0; i < k; i++) {
            let best = 0;
            for (let h = 1; h < m; h++) if (Math.abs(c.loadings[i * m + h]) > Math.abs(c.loadings[i * m + best])) best = h;
            const row = f.assignment.items[i];
            expect(row.item).toBe(set.items[i]);
            expect(row.factor, set.items[i]).toBe(f.factors[perm[best]]);
            expect(row.misplaced).toBe(row.factor !== row.scaleFactor);
          }
          expect(f.assignment.misplaced).toBe(f.assignment.items.filter((a) => a.misplaced).length);
        });
      }

      it('default run: fa.parallel eigenvalues and suggestions where clear, MAP, nfactors from parallel analysis', () => {
        const doc = factors([...codebookArgs(set), set.csv]);
        const f = doc.factors;
        const p = set.parallel;
        p['pc.values'].forEach((v, i) => close(f.parallel.pcValues[i], v, 1e-10, `pc.values ${i}`));
        p['fa.values'].forEach((v, i) => close(f.parallel.faValues[i], v, 1e-5, `fa.values ${i}`));
        // Simulated thresholds: another generator (seeded xoshiro128**), the same distribution.
        p['pc.sim.q95'].forEach((v, i) => close(f.parallel.pcSimulatedQuantile[i], v, 0.1, `pc q95 ${i}`));
        const clear = (observed: number[], q: number[], answer: number) =>
          (answer === 0 || observed[answer - 1] - q[answer - 1] > 0.02) && q[answer] - observed[answer] > 0.02;
        const factClear = clear(p['fa.values'], p['fa.sim.q95'], p.nfact);
        const compClear = clear(p['pc.values'], p['pc.sim.q95'], p.ncomp);
        if (factClear) expect(f.parallel.factors).toBe(p.nfact);
        if (compClear) expect(f.parallel.components).toBe(p.ncomp);
        expect(factClear || compClear).toBe(true);
        set.map.map.forEach((v, i) => close(f.map.values[i + 1], v, 1e-10, `MAP ${i + 1}`));
        expect(f.map.minimum).toBe(set.map.minimum);
        expect(f.nfactorsFrom).toBe('parallel-analysis');
        expect(f.nfactors).toBe(f.parallel.factors);
        expect([f.fm, f.rotation, f.missing, doc.settings.seed]).toEqual(['minres', 'oblimin', 'pairwise', 1]);
      });
    });
  }
});

describe('factors: the document, the formats, the options', () => {
  const args = ['fixtures/protect-survey.csv'];
  const doc = factors(args);

  it('JSON: {schemaVersion, tool, input, settings, factors, warnings}, the row accounting as analyze gives it', () => {
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'input', 'settings', 'factors', 'warnings']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.input.rows).toBe(782);
    expect(doc.input.rowsRead).toBe(782);
    expect(doc.settings).toEqual({ fm: 'minres', rotation: 'oblimin', nfactors: null, missing: 'pairwise', cut: 0.3, seed: 1, parallelIterations: 20 });
    const items = doc.factors.items;
    expect(items.find((i) => i.id === 'pk9')).toMatchObject({ scale: 'perceived_knowledge', reversed: true, keyed: false });
    expect(items.find((i) => i.id === 'ak1')).toMatchObject({ scale: 'actual_knowledge', reversed: false, keyed: true });
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
    // The same seed, the same simulation; another seed, other simulated figures but the same data.
    const again = factors(['--seed', '2', ...args]);
    expect(again.factors.parallel.pcValues).toEqual(doc.factors.parallel.pcValues);
    expect(again.factors.parallel.pcSimulatedMean).not.toEqual(doc.factors.parallel.pcSimulatedMean);
    expect(factors(args).factors.parallel).toEqual(doc.factors.parallel);
  });

  it('table: loadings sorted as fa.sort and blank below --cut, fit as a short list, misplaced items', () => {
    const result = runCli(['factors', '--quiet', '--digits', '2', ...args]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    const start = lines.findIndex((l) => l === 'Factor loadings');
    const body = lines.slice(start + 3, start + 3 + doc.factors.k);
    expect(body.map((l) => l.trim().split(/\s+/)[0])).toEqual(doc.factors.loadings.map((l) => l.item));
    // A loading below .3 is blank: a row shows only the loadings at or above it, then h2, u2, com.
    doc.factors.loadings.forEach((row, i) => {
      const shownLoadings = row.loadings.filter((x) => Math.abs(x) >= 0.3).map((x) => x.toFixed(2));
      const cells = body[i].trim().split(/\s+/).slice(2);
      expect(cells).toEqual([...shownLoadings, row.communality.toFixed(2), row.uniqueness.toFixed(2), row.complexity!.toFixed(2)]);
    });
    expect(result.stdout).toContain('Tucker-Lewis index');
    expect(result.stdout).toMatch(/RMSEA\s+0\.01\s+\[0\.00, 0\.02\]/);
    expect(result.stdout).toContain("Items that load most on a factor other than their scale's");
    for (const a of doc.factors.assignment.items.filter((x) => x.misplaced)) expect(result.stdout).toMatch(new RegExp(`\\n\\s+${a.item}\\s+${a.scale}\\s+${a.factor}`));
    // --cut 0: every loading shown.
    const all = runCli(['factors', '--quiet', '--cut', '0', ...args]).stdout.split('\n');
    const first = all[all.findIndex((l) => l === 'Factor loadings') + 3].trim().split(/\s+/);
    expect(first).toHaveLength(2 + doc.factors.nfactors + 3);
  });

  it('csv and tsv: one long table with every loading unblanked, in full precision whatever --digits says', () => {
    const csv = runCli(['factors', '--quiet', '-f', 'csv', '--digits', '2', ...args]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('table,id,item,with,group_column,group_value,statistic,value,method');
    const row = doc.factors.loadings[doc.factors.k - 1];
    const name = doc.factors.factors[0].toLowerCase();
    // The JSON document's doubles, as JSON writes them (a value read back is the same number).
    expect(String(row.loadings[0]).length).toBeGreaterThan(6);
    expect(lines).toContain(`loadings,${row.item},,,,,${name},${String(row.loadings[0])},`);
    expect(lines).toContain(`factor-fit,,,,,,tli,${String(doc.factors.fit.tli)},`);
    expect(runCli(['factors', '--quiet', '-f', 'csv', ...args]).stdout).toBe(csv.stdout);
    expect(lines.some((l) => l.startsWith('factor-assignment,conf4,,,,,misplaced,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('parallel-analysis,1,,,,,pc_observed,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('velicer-map,3,,,,,minimum,1'))).toBe(true);
    const tsv = runCli(['factors', '--quiet', '-f', 'tsv', '--digits', '2', ...args]);
    expect(tsv.stdout.trim().split('\n')).toContain(`loadings\t${row.item}\t\t\t\t\t${name}\t${String(row.loadings[0])}\t`);
    expect(tsv.stdout.split('\n')[0]).toBe('table\tid\titem\twith\tgroup_column\tgroup_value\tstatistic\tvalue\tmethod');
    expect(tsv.stdout.trim().split('\n')).toHaveLength(lines.length);
  });

  it('markdown, latex, html: every human table', () => {
    const md = runCli(['factors', '--quiet', '-f', 'markdown', ...args]).stdout;
    for (const title of ['## Factor loadings', '## Variance accounted for', '## Factor correlations', '## Fit: are 3 factors sufficient?', '## Parallel analysis', "## Velicer's MAP", '## Scales and factors']) expect(md).toContain(title);
    const pk1 = doc.factors.loadings.find((l) => l.item === 'pk1')!;
    const blanks = pk1.loadings.map((x) => (Math.abs(x) < 0.3 ? '' : x.toFixed(3)));
    expect(md).toContain(`| pk1 | perceived\\_knowledge | ${blanks.join(' | ')} | ${pk1.communality.toFixed(3)} |`);
    const tex = runCli(['factors', '--quiet', '-f', 'latex', ...args]).stdout;
    expect(tex).toContain('\\caption{Factor loadings}');
    expect(tex).toContain('\\label{tab:loadings}');
    const html = runCli(['factors', '--quiet', '-f', 'html', ...args]).stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h2>Factor loadings</h2>');
    expect(html).toContain('Content-Security-Policy');
  });

  it('options: bad values and too many factors are usage errors (exit 2)', () => {
    expect(runCli(['factors', '--fm', 'uls', ...args]).status).toBe(2);
    expect(runCli(['factors', '--rotate', 'geomin', ...args]).status).toBe(2);
    expect(runCli(['factors', '--nfactors', '0', ...args]).status).toBe(2);
    const many = runCli(['factors', '--nfactors', '24', ...args]);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('--nfactors 24 is too many for 24 items');
    expect(many.stdout).toBe('');
  });

  it('an item in two scales is analysed once, with a warning; a constant item is an error naming it (exit 1)', () => {
    const codebook = 'tests/golden/efa-cli/overlap.codebook.yaml';
    const result = runCli(['factors', '-c', codebook, '-f', 'json', 'tests/golden/factor/bfi-ace.csv']);
    expect(result.status).toBe(0);
    const overlap = JSON.parse(result.stdout) as FactorsDocument;
    expect(overlap.factors.items.map((i) => i.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'C1', 'C2', 'C3']);
    expect(overlap.factors.items[2]).toMatchObject({ id: 'A3', scale: 'A', scales: ['A', 'AC'] });
    expect(overlap.warnings.map((w) => w.code)).toContain('item-in-several-scales');
    expect(result.stderr).toContain('A3');
    const csv = 'a,b,c,d\n1,2,3,4\n2,2,1,5\n3,2,2,1\n4,2,5,2\n';
    const flat = runCli(['factors', '-c', 'tests/golden/efa-cli/constant.codebook.yaml', '-'], { input: csv });
    expect(flat.status).toBe(1);
    expect(flat.stderr).toContain('no variance');
    expect(flat.stderr).toContain('"b"');
  });
});
