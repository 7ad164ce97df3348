import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys, firstComponentLoadings, suggestReverseKeys } from '../../src/codebook/draft/reverse-key-suggestion.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';

const DIR = new URL('../golden/reverse-keys/', import.meta.url);
const golden: Record<string, { items: string[]; reverse: string[]; loadings: number[] }> = JSON.parse(readFileSync(new URL('golden.json', DIR), 'utf8'));

/** The golden CSVs: a quoted header row, then numbers or empty cells. */
function readGoldenCsv(name: string): { columns: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(new URL(`${name}.csv`, DIR), 'utf8').trim().split('\n');
  return { columns: head.split(',').map((c) => c.replace(/"/g, '')), rows: lines.map((l) => l.split(',')) };
}

describe('reverse-key suggestion against psych::alpha(check.keys = TRUE) (tests/golden/make-reverse-keys-golden.R)', () => {
  for (const [name, expected] of Object.entries(golden)) {
    it(`${name}: the items psych reverses, and principal()'s loadings to 1e-6`, () => {
      const { columns, rows } = readGoldenCsv(name);
      const { codebook } = validateCodebook({ scales: [{ id: 's', items: expected.items, range: [1, 5] }] }, 'golden');
      const check = suggestReverseKeys(codebook!, columns, rows).get('s')!;
      expect(check.reverse).toEqual(expected.reverse);
      expect(check.unchecked).toEqual([]);
      expected.items.forEach((item, i) => expect(check.loadings[item]).toBeCloseTo(expected.loadings[i], 6));
    });
  }
});

describe('checkKeys', () => {
  it('signs the loadings so that they sum to a positive number: the minority direction is flagged', () => {
    // Items 1 and 2 agree, item 3 runs the other way.
    const r = Float64Array.of(1, 0.6, -0.5, 0.6, 1, -0.4, -0.5, -0.4, 1);
    expect(checkKeys(r, ['a', 'b', 'c']).reverse).toEqual(['c']);
    const loadings = firstComponentLoadings(r, 3);
    expect(loadings[0] + loadings[1] + loadings[2]).toBeGreaterThan(0);
  });

  it('two items that correlate negatively: the first is taken as positive, the second flagged', () => {
    expect(checkKeys(Float64Array.of(1, -0.3, -0.3, 1), ['x', 'y']).reverse).toEqual(['y']);
  });

  it('sets aside an item whose correlations are undefined (a constant item) and checks the rest', () => {
    const n = Number.NaN;
    const r = Float64Array.of(1, 0.5, n, -0.4, 0.5, 1, n, -0.3, n, n, n, n, -0.4, -0.3, n, 1);
    const check = checkKeys(r, ['a', 'b', 'c', 'd']);
    expect(check.unchecked).toEqual(['c']);
    expect(check.reverse).toEqual(['d']);
  });

  it('keyed scales are not checked (the key gives their direction)', () => {
    const { codebook } = validateCodebook({ scales: [{ id: 'k', items: ['a', 'b'], key: { a: 'True', b: 'False' }, score: 'sum' }] }, 't');
    expect(suggestReverseKeys(codebook!, ['a', 'b'], [['True', 'False'], ['False', 'True']]).size).toBe(0);
  });
});
