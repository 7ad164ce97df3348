import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScaleAccumulator } from '../../src/analysis/scale-accumulator.js';
import { scaleReport } from '../../src/analysis/scale-report.js';
import type { MissingMethod, ScaleReport, ScoreReport, Warning } from '../../src/report/report.js';
import { rowBlocks } from './row-blocks.js';
import { readNumericCsv, reversedRow, testScale } from './scale-golden-data.js';

const SCORE: ScoreReport = { method: 'mean', n: 0, mean: null, sd: null, min: null, max: null, histogram: [] };
const METHODS: MissingMethod[] = ['listwise', 'pairwise'];

function load(name: string, reverse: string[], range: [number, number]) {
  const { header, rows } = readNumericCsv(`${name}.csv`);
  const scale = testScale(name, header, range, reverse);
  return { scale, rows: rows.map((row) => reversedRow(row, scale)) };
}

function report(acc: ScaleAccumulator, scale: ReturnType<typeof testScale>): ScaleReport {
  const warnings: Warning[] = [];
  return scaleReport(acc, scale, SCORE, { alphaCi: 'duhachek', confLevel: 0.95, bootstrap: { resamples: 0, seed: 1 } }, warnings);
}

/** Every shift-invariant number of a report, by name. */
function invariantFigures(r: ScaleReport): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const key of ['alpha', 'standardizedAlpha', 'averageInterItemR', 'lambda6', 'omegaTotal'] as const) out.set(key, r[key]);
  out.set('ci.lower', r.alphaCI.lower);
  out.set('ci.upper', r.alphaCI.upper);
  r.items.forEach((item, i) => {
    for (const key of ['n', 'sd', 'itemTotalR', 'itemRestR', 'alphaIfDeleted', 'smc', 'missing'] as const) {
      out.set(`${i}.${key}`, item[key]);
    }
  });
  return out;
}

describe('ScaleAccumulator', () => {
  for (const missing of METHODS) {
    it(`${missing}: adding 1e9 to every answer changes no statistic by more than 1e-9 (means by exactly 1e9)`, () => {
      const { scale, rows } = load('scattered-missing', ['i8'], [1, 5]);
      const plain = new ScaleAccumulator(scale, { missing, keepData: false });
      rows.forEach((row) => plain.add(row));
      const shiftedScale = { ...scale, range: [1e9 + 1, 1e9 + 5] as [number, number] };
      const shifted = new ScaleAccumulator(shiftedScale, { missing, keepData: false });
      rows.forEach((row) => shifted.add(Float64Array.from(row, (v) => v + 1e9)));
      const a = invariantFigures(report(plain, scale));
      const b = invariantFigures(report(shifted, shiftedScale));
      for (const [key, value] of a) {
        if (value === null) expect(b.get(key), key).toBeNull();
        else expect(Math.abs(value - (b.get(key) as number)), key).toBeLessThanOrEqual(1e-9);
      }
      const ma = plain.moments();
      const mb = shifted.moments();
      // 1e9 + mean is rounded to the nearest double (spacing 1.2e-7 near 1e9)
      ma.itemMean.forEach((v, i) => expect(Math.abs(mb.itemMean[i] - 1e9 - v)).toBeLessThanOrEqual(1.2e-7));
      // frequencies keep their codes, now 1e9 higher, counted outside the dense range
      scale.items.forEach((_, i) => {
        expect(shifted.itemFrequencies(i)).toEqual(plain.itemFrequencies(i).map(([c, n]) => [c + 1e9, n]));
      });
    });

    it(`${missing}: keepData stores the rows behind alpha (listwise: the complete cases; pairwise: every row)`, () => {
      const { scale, rows } = load('reverse-keyed', ['i3', 'i5'], [1, 5]);
      const one = new ScaleAccumulator(scale, { missing, keepData: true });
      rows.forEach((row) => one.add(row));
      expect(one.storedRows().n).toBe(missing === 'listwise' ? one.moments().n : rows.length);
    });
  }

  it('stored rows are only available with keepData', () => {
    const { scale } = load('two-item', [], [1, 7]);
    const acc = new ScaleAccumulator(scale, { missing: 'listwise', keepData: false });
    expect(() => acc.storedRows()).toThrow(/keepData/);
  });

  it('listwise, the WebAssembly update (scaleRowAdd) gives the JavaScript update\'s moments, counts and frequencies bit for bit', () => {
    // keepData takes the JavaScript update (it stores the rows too); the figures must not differ.
    const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
    // Whole codes in and out of the range, fractional codes, missing answers, large origins.
    const value = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constantFrom(Number.NaN, 2.5, 1e9 + 3, -0));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { minLength: 0, maxLength: 40 }),
        fc.subarray([0, 1, 2, 3, 4, 5]),
        fc.constantFrom<[number, number]>([1, 5], [0, 1], [1, 2.5]),
        (k, rows, reversedAt, range) => {
          const items = Array.from({ length: k }, (_, i) => `i${i}`);
          const scale = testScale('s', items, range, items.filter((_, i) => reversedAt.includes(i)));
          const kernel = new ScaleAccumulator(scale, { missing: 'listwise', keepData: false });
          const js = new ScaleAccumulator(scale, { missing: 'listwise', keepData: true });
          for (const row of rows) {
            const values = Float64Array.from(row.slice(0, k));
            kernel.add(values);
            js.add(values);
          }
          const a = kernel.moments();
          const b = js.moments();
          expect([a.rows, a.n]).toEqual([b.rows, b.n]);
          for (const key of ['itemMean', 'itemSd', 'covariance', 'correlation', 'itemTotalR'] as const) expect(bits(a[key]), key).toBe(bits(b[key]));
          items.forEach((_, i) => {
            expect(kernel.missing(i)).toBe(js.missing(i));
            expect(kernel.itemFrequencies(i)).toEqual(js.itemFrequencies(i));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addRows (scaleRowsAdd, one call per block) gives add\'s moments, counts and frequencies bit for bit, for either deletion', () => {
    const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
    // Codes the dense counts do not hold (2.5, 7, -1) stop the kernel within a block.
    const value = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constantFrom(Number.NaN, 2.5, 1e9 + 3, -0));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 0, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<MissingMethod>('listwise', 'pairwise'),
        (k, rows, blockSizes, missing) => {
          const items = Array.from({ length: k }, (_, i) => `i${i}`);
          const scale = testScale('s', items, [1, 5], items.slice(0, 1));
          const byRow = new ScaleAccumulator(scale, { missing, keepData: false });
          const byBlock = new ScaleAccumulator(scale, { missing, keepData: false, blockRows: 8 });
          for (const row of rows) byRow.add(Float64Array.from(row.slice(0, k)));
          // Blocks of the sizes drawn in turn (a size above blockRows is added row by row).
          for (const { values, count } of rowBlocks(rows, blockSizes, k)) byBlock.addRows(values, count);
          const a = byBlock.moments();
          const b = byRow.moments();
          expect([a.rows, a.n]).toEqual([b.rows, b.n]);
          for (const key of ['itemMean', 'itemSd', 'covariance', 'correlation', 'pairwiseCorrelation', 'itemTotalR'] as const) expect(bits(a[key]), key).toBe(bits(b[key]));
          items.forEach((_, i) => {
            expect(byBlock.missing(i)).toBe(byRow.missing(i));
            expect(byBlock.itemFrequencies(i)).toEqual(byRow.itemFrequencies(i));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
