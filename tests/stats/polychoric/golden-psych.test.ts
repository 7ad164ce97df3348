import { describe, expect, it } from 'vitest';
import { ordinalAlpha } from '../../../src/stats/polychoric/ordinal-alpha.js';
import { PairTables } from '../../../src/stats/polychoric/pair-tables.js';
import { ordinalCorrelations } from '../../../src/stats/polychoric/polychoric-matrix.js';
import { GOLDEN_SETS, type GoldenSet, num, readGoldenCsv, readGoldenJson } from './golden.js';

/** Accumulate the golden data set's rows into pair tables, codes lo..hi of the whole set. */
function tablesFor(name: string): PairTables {
  const { items, rows } = readGoldenCsv(name);
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) for (const v of r) if (v === v) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const codes = Array.from({ length: hi - lo + 1 }, (_, c) => lo + c);
  const t = new PairTables(items.map(() => codes));
  for (const r of rows) t.add(r);
  return t;
}

describe.each(GOLDEN_SETS)('psych 2.2.9 golden set %s', (name) => {
  const g = readGoldenJson<GoldenSet>(name);
  const t = tablesFor(name);
  const r = ordinalCorrelations(t);
  const k = g.items.length;

  it(`is computed as psych's ${g.kind}, global ${g.global}, smoothed ${g.smoothed}`, () => {
    expect(r.kind).toBe(g.kind);
    expect(r.items).toEqual(Array.from({ length: k }, (_, i) => i));
    expect(r.smoothed).toBe(g.smoothed);
    if (g.kind === 'polychoric') expect(r.global).toBe(g.global);
    if (g.fixed !== null) expect(r.correctedPairs).toBe(g.fixed);
    if (g.kind === 'tetrachoric') expect(r.correctedPairs).toBe(g.pairs_with_empty_cells);
  });

  it('thresholds agree to 1e-6 (infinities where psych has them)', () => {
    for (let i = 0; i < k; i++) {
      const expected = g.tau[i].map(num);
      const actual = Array.from(r.tau[i]!);
      expect(actual.length).toBe(expected.length);
      expected.forEach((e, c) => {
        if (Number.isFinite(e)) expect(Math.abs(actual[c] - e)).toBeLessThan(1e-6);
        else expect(actual[c]).toBe(e);
      });
    }
  });

  it('unsmoothed and returned correlation matrices agree to 1e-4', () => {
    let worstRaw = 0;
    let worst = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        worstRaw = Math.max(worstRaw, Math.abs(r.rhoUnsmoothed[i * k + j] - num(g.rho_raw[i][j])));
        worst = Math.max(worst, Math.abs(r.rho[i * k + j] - num(g.rho[i][j])));
      }
    }
    expect(worstRaw).toBeLessThan(1e-4);
    expect(worst).toBeLessThan(1e-4);
    // Transcribing R's optimize() and Genz's bivariate normal makes them agree far closer.
    expect(worst).toBeLessThan(1e-9);
    expect(Math.abs(r.minEigenvalue - g.min_eigenvalue_raw)).toBeLessThan(1e-6);
  });

  it('ordinal alpha (psych::alpha of the matrix) agrees to 1e-4', () => {
    expect(Math.abs(ordinalAlpha(r.rho, k) - g.alpha.raw_alpha)).toBeLessThan(1e-4);
    expect(Math.abs(ordinalAlpha(r.rho, k) - g.alpha.std_alpha)).toBeLessThan(1e-9);
  });

  it("states psych's warnings", () => {
    for (const note of g.notes) if (!note.includes('smoothing was done')) expect(r.warnings).toContain(note);
    if (g.smoothed) expect(r.warnings).toContain('Matrix was not positive definite, smoothing was done');
  });
});
