/**
 * Omega hierarchical, asymptotic omega_h, omega total and the omega of each group factor
 * against psych::omega(r, nfactors, fm = "minres", n.obs) (tests/golden/make-omega-golden.R),
 * with psych's unrotated minres loadings fed in through the extraction parameter.
 */
import { describe, expect, it } from 'vitest';
import { omegaHierarchical } from '../../../src/stats/factor/omega-hierarchical.js';
import { goldenExtraction } from './omega-extraction-adapter.js';
import { CASES, type OmegaVariants, expectClose, loadCase, readCsv } from './omega-golden-cases.js';

const TOL = 1e-4;

describe.each(CASES)('the data of %s', (name) => {
  it('R is the correlation matrix of the committed CSV', () => {
    const g = loadCase(name);
    const { header, rows } = readCsv(g.data);
    expect(header).toEqual(g.items);
    expect(rows.length).toBe(g.n);
    const k = g.k;
    const mean = Array.from({ length: k }, (_, j) => rows.reduce((s, row) => s + row[j], 0) / rows.length);
    const r = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let sij = 0;
        let sii = 0;
        let sjj = 0;
        for (const row of rows) {
          const a = row[i] - mean[i];
          const b = row[j] - mean[j];
          sij += a * b;
          sii += a * a;
          sjj += b * b;
        }
        r[i * k + j] = sij / Math.sqrt(sii * sjj);
      }
    }
    expectClose(r, g.r, 1e-12, 'R');
  });
});

describe.each(['bfi-ace-15', 'sim-hier-12', 'bfi-ac-10-two'] as const)('omegaHierarchical(%s)', (name) => {
  const g = loadCase(name) as ReturnType<typeof loadCase> & OmegaVariants;
  const { k, nfactors: m } = g;
  const calls: { k: number; m: number }[] = [];
  const out = omegaHierarchical(g.r, g.n, m, goldenExtraction(g, calls));
  it('omega_h, asymptotic omega_h (omega.lim) and omega total', () => {
    expect(out.omegaHierarchical).not.toBeNull();
    expectClose([out.omegaHierarchical!, out.omegaLimit!, out.omegaTotal!], [g.omega.omegaH, g.omega.omegaLimit, g.omega.omegaTotal], TOL, 'omegas');
  });
  it("psych's flip: the keys and the signed sl rows", () => {
    expect(out.keys).toEqual(g.omega.key);
    expectClose(out.schmid!.general, g.omega.g, TOL, 'g');
    expectClose(out.schmid!.group, g.omega.group, TOL, 'group');
    const reversed = g.omega.key.flatMap((key, i) => (key < 0 ? [i + 1] : []));
    if (reversed.length > 0) expect(out.warnings.join(' ')).toContain(`items ${reversed.join(', ')} load negatively on the general factor`);
  });
  it('omega.group: total, general and group omega for the total score and each group factor', () => {
    expect(out.groups.map((row) => row.factor)).toEqual(['g', ...Array.from({ length: m }, (_, j) => `F${j + 1}*`)]);
    expectClose(out.groups.map((row) => row.total ?? Number.NaN), g.omega.groupTotal, TOL, 'total');
    expectClose(out.groups.map((row) => row.general ?? Number.NaN), g.omega.groupGeneral, TOL, 'general');
    expectClose(out.groups.map((row) => row.group ?? Number.NaN), g.omega.groupGroup, TOL, 'group');
    const assigned = out.groups.slice(1).flatMap((row) => row.items).sort((a, b) => a - b);
    expect(assigned).toEqual([...Array(k).keys()]);
  });
  it('identities: omega_lim = omega_h / omega_t; omega_h ≤ omega_t; the g row repeats them', () => {
    expect(out.omegaLimit!).toBeCloseTo(out.omegaHierarchical! / out.omegaTotal!, 14);
    expect(out.omegaHierarchical!).toBeLessThan(out.omegaTotal!);
    expect(out.groups[0].total).toBe(out.omegaTotal);
    expect(out.groups[0].general).toBe(out.omegaHierarchical);
  });
  it('flip = FALSE: the items as they are scored', () => {
    const plain = omegaHierarchical(g.r, g.n, m, goldenExtraction(g), { flip: false });
    expectClose([plain.omegaHierarchical!, plain.omegaLimit!, plain.omegaTotal!], [g.omegaNoFlip.omegaH, g.omegaNoFlip.omegaLimit, g.omegaNoFlip.omegaTotal], TOL, 'no flip');
    expect(plain.keys.every((key) => key === 1)).toBe(true);
  });
  it("rotate = 'promax'", () => {
    const p = omegaHierarchical(g.r, g.n, m, goldenExtraction(g), { rotate: 'promax' });
    expectClose([p.omegaHierarchical!, p.omegaLimit!, p.omegaTotal!], [g.omegaPromax.omegaH, g.omegaPromax.omegaLimit, g.omegaPromax.omegaTotal], TOL, 'promax');
    expectClose(p.schmid!.general, g.omegaPromax.g, TOL, 'promax g');
  });
  it('calls the extraction for the m-factor fit of R (and the one-factor fit of Phi when m ≥ 3)', () => {
    expect(calls).toEqual(m >= 3 ? [{ k, m }, { k: m, m: 1 }] : [{ k, m }]);
  });
});

describe('omegaHierarchical', () => {
  it('nfactors undefined is 3, as psych', () => {
    const g = loadCase('sim-hier-12');
    const out = omegaHierarchical(g.r, g.n, undefined, goldenExtraction(g));
    expect(out.nfactors).toBe(3);
    expect(out.omegaHierarchical!).toBeCloseTo(g.omega.omegaH, 4);
  });
  it('the simulated hierarchy: omega_h clearly below omega total', () => {
    const g = loadCase('sim-hier-12');
    const out = omegaHierarchical(g.r, g.n, 3, goldenExtraction(g));
    expect(out.omegaTotal! - out.omegaHierarchical!).toBeGreaterThan(0.25);
    expect(out.warnings).toEqual([]);
  });
  it('accepts R as an array of rows', () => {
    const g = loadCase('sim-hier-12');
    const rows = Array.from({ length: g.k }, (_, i) => g.r.slice(i * g.k, (i + 1) * g.k));
    expect(omegaHierarchical(rows, g.n, 3, goldenExtraction(g)).omegaHierarchical).toBe(omegaHierarchical(g.r, g.n, 3, goldenExtraction(g)).omegaHierarchical);
  });
  it('the two-factor rule is reported', () => {
    const g = loadCase('bfi-ac-10-two');
    expect(omegaHierarchical(g.r, g.n, 2, goldenExtraction(g)).warnings.join(' ')).toMatch(/two group factors do not identify/);
  });
});

describe('omegaHierarchical where the Schmid-Leiman solution is not defined: null with a warning, never NaN', () => {
  const nulls = (out: ReturnType<typeof omegaHierarchical>) => {
    expect(out.omegaHierarchical).toBeNull();
    expect(out.omegaLimit).toBeNull();
    expect(out.omegaTotal).toBeNull();
    expect(out.schmid).toBeNull();
    expect(out.groups).toEqual([]);
    expect(out.warnings.length).toBeGreaterThan(0);
  };
  it('too few items for 3 factors: the extraction is not even called', () => {
    const g = loadCase('bfi-a-5-too-few');
    const calls: { k: number; m: number }[] = [];
    const out = omegaHierarchical(g.r, g.n, 3, goldenExtraction(g, calls));
    nulls(out);
    expect(out.warnings[0]).toMatch(/too few items for 3 factors/);
    expect(calls).toEqual([]);
  });
  it('a Heywood case in the higher-order fit', () => {
    const g = loadCase('bfi-neo-15-heywood');
    const out = omegaHierarchical(g.r, g.n, 3, goldenExtraction(g));
    nulls(out);
    expect(out.warnings[0]).toMatch(/Heywood case/);
  });
  it('one factor; fewer than 3 items; an undefined cell', () => {
    const g = loadCase('sim-hier-12');
    nulls(omegaHierarchical(g.r, g.n, 1, goldenExtraction(g)));
    nulls(omegaHierarchical([[1, 0.5], [0.5, 1]], 100, 2, goldenExtraction(g)));
    const bad = Float64Array.from(g.r);
    bad[5] = Number.NaN;
    nulls(omegaHierarchical(bad, g.n, 3, goldenExtraction(g)));
  });
});
