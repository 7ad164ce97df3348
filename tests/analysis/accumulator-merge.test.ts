/**
 * ScaleAccumulator.merge and ScoreAccumulator.merge against one pass: range 1 and range 2 of the
 * rows are accumulated separately (range 2 from its own first value, as a worker would), range 2
 * is sent through structuredClone (what postMessage delivers), merged into range 1, and every
 * figure the reports read is compared with one pass over all the rows: counts exactly, the rest
 * within 1e-12 relative. Not mergeable: keepData.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ScaleAccumulator, type ScaleMoments } from '../../src/analysis/scale-accumulator.js';
import { MAX_CORRELATED_SCALES, ScoreAccumulator } from '../../src/analysis/score-accumulator.js';
import type { Scale } from '../../src/codebook/codebook.js';
import type { MissingMethod } from '../../src/report/report.js';
import { Xoshiro128 } from '../../src/stats/xoshiro128.js';
import { readNumericCsv, reversedRow, testScale } from './scale-golden-data.js';

const TOL = 1e-12;
const METHODS: MissingMethod[] = ['listwise', 'pairwise'];
let largest = 0;
afterAll(() => console.log(`accumulator-merge: largest merged vs one-pass relative difference ${largest.toExponential(2)}`));

function expectClose(a: number, b: number, what: string, scale = 1): void {
  if (Number.isNaN(b)) {
    expect(a, what).toBeNaN();
    return;
  }
  const rel = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), scale, Number.MIN_VALUE);
  largest = Math.max(largest, rel);
  expect(rel, `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(TOL);
}

function expectMomentsClose(a: ScaleMoments, b: ScaleMoments): void {
  expect(a.rows).toBe(b.rows);
  expect(a.n).toBe(b.n);
  expect(Array.from(a.itemN)).toEqual(Array.from(b.itemN));
  const k = b.itemN.length;
  for (let i = 0; i < k; i++) {
    expectClose(a.itemMean[i], b.itemMean[i], `itemMean[${i}]`);
    expectClose(a.itemSd[i], b.itemSd[i], `itemSd[${i}]`, 0);
    expectClose(a.itemTotalR[i], b.itemTotalR[i], `itemTotalR[${i}]`);
    for (let j = 0; j < k; j++) {
      const c = i * k + j;
      expectClose(a.covariance[c], b.covariance[c], `covariance[${i},${j}]`, Math.sqrt(Math.abs(b.covariance[i * k + i] * b.covariance[j * k + j])));
      expectClose(a.correlation[c], b.correlation[c], `correlation[${i},${j}]`);
      expectClose(a.pairwiseCorrelation[c], b.pairwiseCorrelation[c], `pairwiseCorrelation[${i},${j}]`);
    }
  }
}

/** Frequencies, missing counts and pair tables: all counts, so exactly equal. */
function expectCountsEqual(a: ScaleAccumulator, b: ScaleAccumulator, k: number): void {
  for (let i = 0; i < k; i++) {
    expect(a.itemFrequencies(i), `frequencies ${i}`).toEqual(b.itemFrequencies(i));
    expect(a.missing(i), `missing ${i}`).toBe(b.missing(i));
  }
  expect(a.pairTables === null).toBe(b.pairTables === null);
  if (a.pairTables === null || b.pairTables === null) return;
  expect(a.pairTables.rows).toBe(b.pairTables.rows);
  for (let i = 0; i < k; i++) {
    expect(a.pairTables.marginal(i)).toEqual(b.pairTables.marginal(i));
    expect(a.pairTables.unmapped(i)).toEqual(b.pairTables.unmapped(i));
    for (let j = 0; j < i; j++) expect(a.pairTables.table(i, j), `table ${i},${j}`).toEqual(b.pairTables.table(i, j));
  }
}

/** Every number of moments() with its bits, for the clone-vs-instance check. */
function bits(m: ScaleMoments): string {
  const parts = [m.rows, m.n].map(String);
  for (const key of ['itemN', 'itemMean', 'itemSd', 'covariance', 'correlation', 'pairwiseCorrelation', 'itemTotalR'] as const) {
    parts.push(Buffer.from(m[key].buffer, m[key].byteOffset, m[key].byteLength).toString('hex'));
  }
  return parts.join('|');
}

function cuts(n: number, random: number): number[] {
  return [...new Set([0, 1, n - 1, n, Math.floor(random * (n + 1))])].filter((c) => c >= 0 && c <= n);
}

/**
 * Accumulate rows[0, cut) and rows[cut, n) separately, merge range 2 (itself, and a structured
 * clone of it into a twin of range 1: the two must agree bit for bit), and check against one pass.
 */
function checkScaleCut(scale: Scale, rows: Float64Array[], missing: MissingMethod, cut: number, pairTables: boolean): void {
  const options = { missing, keepData: false, pairTables };
  const build = (part: Float64Array[]): ScaleAccumulator => {
    const acc = new ScaleAccumulator(scale, options);
    for (const row of part) acc.add(row);
    return acc;
  };
  const one = build(rows);
  const a = build(rows.slice(0, cut));
  const twin = build(rows.slice(0, cut));
  const b = build(rows.slice(cut));
  a.merge(b);
  twin.merge(structuredClone(b));
  const k = scale.items.length;
  expectMomentsClose(a.moments(), one.moments());
  expectCountsEqual(a, one, k);
  expect(bits(twin.moments())).toBe(bits(a.moments()));
  expectCountsEqual(twin, a, k);
}

/** Random answers 1..5 (sometimes 7 or 2.5, outside the codes), NaN with probability `missing`; reverse-keyed items flipped. */
function randomRows(rng: Xoshiro128, n: number, k: number, missing: number, scale: Scale): Float64Array[] {
  const u = (): number => rng.nextUint32() / 4294967296;
  return Array.from({ length: n }, () => {
    const trait = u();
    const row = Float64Array.from({ length: k }, () => {
      const r = u();
      if (r < missing) return Number.NaN;
      if (r > 0.995) return 7;
      if (r > 0.99) return 2.5;
      return Math.min(5, 1 + Math.floor(trait * 3 + u() * 3));
    });
    return reversedRow(row, scale);
  });
}

describe('ScaleAccumulator.merge', () => {
  for (const missing of METHODS) {
    for (const [name, reverse] of [['reverse-keyed', ['i3', 'i5']], ['scattered-missing', ['i8']]] as const) {
      it(`${missing}, ${name}.csv (reverse-keyed, missing answers): merged equals one pass at every cut tried`, () => {
        const { header, rows: raw } = readNumericCsv(`${name}.csv`);
        const scale = testScale(name, header, [1, 5], [...reverse]);
        const rows = raw.map((row) => reversedRow(row, scale));
        for (const cut of [0, 1, 2, 37, Math.floor(rows.length / 2), rows.length - 1, rows.length]) {
          checkScaleCut(scale, rows, missing, cut, true);
        }
      });
    }

    it(`${missing}, random data: merged equals one pass; a structured clone merges bit-identically`, () => {
      fc.assert(
        fc.property(
          fc.integer(),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 1, max: 6 }),
          fc.constantFrom(0, 0.05, 0.3, 0.8),
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          fc.boolean(),
          (seed, n, k, p, random, pairTables) => {
            const items = Array.from({ length: k }, (_, i) => `q${i}`);
            const scale = testScale('random', items, [1, 5], items.filter((_, i) => i % 2 === 1));
            const rows = randomRows(new Xoshiro128(seed), n, k, p, scale);
            for (const cut of cuts(n, random)) checkScaleCut(scale, rows, missing, cut, pairTables);
          },
        ),
        { seed: 424242, numRuns: 120 },
      );
    });

    it(`${missing}: keepData is not mergeable, and merge throws`, () => {
      const scale = testScale('s', ['a', 'b'], [1, 5], []);
      const kept = new ScaleAccumulator(scale, { missing, keepData: true });
      const plain = new ScaleAccumulator(scale, { missing, keepData: false });
      expect(() => kept.merge(new ScaleAccumulator(scale, { missing, keepData: true }))).toThrow(/not mergeable/);
      expect(() => plain.merge(kept)).toThrow(/not mergeable/);
    });
  }

  it('refuses accumulators of another missing-data method or scale', () => {
    const scale = testScale('s', ['a', 'b'], [1, 5], []);
    const a = new ScaleAccumulator(scale, { missing: 'pairwise', keepData: false });
    expect(() => a.merge(new ScaleAccumulator(scale, { missing: 'listwise', keepData: false }))).toThrow(/different/);
    expect(() => a.merge(new ScaleAccumulator(testScale('t', ['a', 'b', 'c'], [1, 5], []), { missing: 'pairwise', keepData: false }))).toThrow(/different/);
    expect(() => a.merge(new ScaleAccumulator(testScale('s', ['a', 'b'], [1, 5], ['b']), { missing: 'pairwise', keepData: false }))).toThrow(/different/);
  });
});

describe('ScoreAccumulator.merge', () => {
  /** p scales of 1..5 mean scores; the last is constant (3) where it is scored. */
  function scales(p: number): Scale[] {
    return Array.from({ length: p }, (_, s) => testScale(`s${s}`, ['a', 'b', 'c', 'd'], [1, 5], []));
  }

  /** Scores: means of 4 answers 1..5 with a common trait, NaN with probability `missing`. */
  function scoreRows(seed: number, n: number, p: number, missing: number): Float64Array[] {
    const rng = new Xoshiro128(seed);
    const u = (): number => rng.nextUint32() / 4294967296;
    return Array.from({ length: n }, () => {
      const trait = u();
      return Float64Array.from({ length: p }, (_, s) => {
        if (u() < missing) return Number.NaN;
        if (s === p - 1 && p > 2) return 3;
        let sum = 0;
        for (let i = 0; i < 4; i++) sum += Math.min(5, 1 + Math.floor(trait * 3 + u() * 3));
        return sum / 4;
      });
    });
  }

  function checkScoreCut(sc: Scale[], rows: Float64Array[], cut: number, method: 'pearson' | 'spearman' = 'pearson'): void {
    const build = (part: Float64Array[]): ScoreAccumulator => {
      const acc = new ScoreAccumulator(sc, method);
      for (const row of part) acc.add(row);
      return acc;
    };
    const one = build(rows);
    const a = build(rows.slice(0, cut));
    const twin = build(rows.slice(0, cut));
    const b = build(rows.slice(cut));
    a.merge(b);
    twin.merge(structuredClone(b));
    const p = sc.length;
    for (let i = 0; i < p; i++) {
      const got = a.summary(i);
      const want = one.summary(i);
      expect(got.n).toBe(want.n);
      expectClose(got.mean, want.mean, `mean ${i}`);
      expectClose(got.sd, want.sd, `sd ${i}`, 0);
      expect(got.min).toBe(want.min);
      expect(got.max).toBe(want.max);
      expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      expect(twin.summary(i)).toEqual(got);
      if (!one.correlated) continue;
      for (let j = i + 1; j < p; j++) {
        const r = a.pairCorrelation(i, j);
        const w = one.pairCorrelation(i, j);
        expect(r.n).toBe(w.n);
        // Spearman's joint tables merge cell for cell, in one pass's order: the same bits.
        if (method === 'spearman') expect(Object.is(r.r, w.r), `spearman r ${i},${j}: ${r.r} vs ${w.r}`).toBe(true);
        else expectClose(r.r, w.r, `r ${i},${j}`);
        expect(Object.is(twin.pairCorrelation(i, j).r, r.r), `clone r ${i},${j}`).toBe(true);
      }
    }
  }

  it('pearson: merged equals one pass (summaries, histograms, r and pairwise n); a structured clone merges bit-identically', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0, 0.1, 0.5, 0.9),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (seed, n, p, missing, random) => {
          const sc = scales(p);
          const rows = scoreRows(seed, n, p, missing);
          for (const cut of cuts(n, random)) checkScoreCut(sc, rows, cut);
        },
      ),
      { seed: 99, numRuns: 150 },
    );
  });

  it(`correlated: false (more than ${MAX_CORRELATED_SCALES} scales): summaries merge`, () => {
    const p = MAX_CORRELATED_SCALES + 1;
    const sc = scales(p);
    const rows = scoreRows(5, 40, p, 0.2);
    expect(new ScoreAccumulator(sc, 'pearson').correlated).toBe(false);
    for (const cut of [0, 1, 17, 40]) checkScoreCut(sc, rows, cut);
  });

  it('spearman: the joint tables merge to those of one pass (r bit-identical), scores met only after the cut included', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom(0, 0.2, 0.6),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (seed, n, p, missing, random) => {
          const sc = scales(p);
          const rows = scoreRows(seed, n, p, missing);
          for (const cut of cuts(n, random)) checkScoreCut(sc, rows, cut, 'spearman');
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it('refuses accumulators of other scales or methods', () => {
    const a = new ScoreAccumulator(scales(3), 'pearson');
    expect(() => a.merge(new ScoreAccumulator(scales(2), 'pearson'))).toThrow(/different/);
    expect(() => a.merge(new ScoreAccumulator(scales(MAX_CORRELATED_SCALES + 1), 'spearman'))).toThrow(/different/);
  });
});
