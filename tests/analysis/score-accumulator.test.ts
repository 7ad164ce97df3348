// ScoreAccumulator.addRows, which adds a block of rows in one WebAssembly call (moment-kernels.wat
// scoreRowsAdd) for Pearson correlations, against `add` of each row in turn, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreAccumulator } from '../../src/analysis/score-accumulator.js';
import type { CorrelationMethod } from '../../src/report/report.js';
import { rowBlocks } from './row-blocks.js';
import { testScale } from './scale-golden-data.js';

const bits = (values: number[]): string => Buffer.from(Float64Array.from(values).buffer).toString('hex');

/** Everything the accumulator reports, as bits: each scale's summary and histogram, each pair's r and n. */
function figures(acc: ScoreAccumulator, p: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < p; i++) {
    const { n, mean, sd, min, max, counts } = acc.summary(i);
    out.push(bits([n, mean, sd, min, max]), bits([...counts]));
    for (let j = i + 1; j < p; j++) {
      const { r, n: pairs } = acc.pairCorrelation(i, j);
      out.push(bits([r, pairs]));
    }
  }
  return out;
}

describe('ScoreAccumulator.addRows', () => {
  it('gives the figures of add, row by row, bit for bit: scores missing, outside the histogram, in blocks of any size', () => {
    // Scores of mean scales on 1..5 (bins of one value each) and of a sum scale (20 bins), some
    // outside the range (first and last bin), some missing.
    const score = fc.oneof(fc.double({ min: -2, max: 30, noNaN: true }), fc.constantFrom(Number.NaN, 1, 2.5, 5, 12));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(score, { minLength: 4, maxLength: 4 }), { minLength: 0, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<CorrelationMethod>('pearson', 'spearman'),
        (p, rows, blockSizes, method) => {
          const scales = Array.from({ length: p }, (_, s) => {
            const items = Array.from({ length: s === 3 ? 12 : 2 }, (_, i) => `s${s}i${i}`);
            return { ...testScale(`s${s}`, items, [1, 5], []), score: s === 3 ? ('sum' as const) : ('mean' as const) };
          });
          const byRow = new ScoreAccumulator(scales, method);
          const byBlock = new ScoreAccumulator(scales, method, 5);
          for (const row of rows) byRow.add(Float64Array.from(row.slice(0, p)));
          // A block larger than the room made for (5) is added row by row.
          for (const { values, count } of rowBlocks(rows, blockSizes, p)) byBlock.addRows(values, count);
          expect(figures(byBlock, p)).toEqual(figures(byRow, p));
        },
      ),
      { numRuns: 300 },
    );
  });
});
