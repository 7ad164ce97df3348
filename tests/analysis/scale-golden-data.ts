import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scale } from '../../src/codebook/codebook.js';

/** Folder of the data sets and golden values made by tests/golden/make-psych-golden.R. */
export const GOLDEN_DIR = fileURLToPath(new URL('../golden/psych/', import.meta.url));

/** A committed CSV of numbers: header row, then one row per respondent; empty cell = missing. */
export function readNumericCsv(name: string): { header: string[]; rows: Float64Array[] } {
  const lines = readFileSync(GOLDEN_DIR + name, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) =>
    Float64Array.from(line.split(','), (cell) => (cell === '' || cell === 'NA' ? Number.NaN : Number(cell))),
  );
  return { header, rows };
}

export function readGolden<T>(name: string): T {
  return JSON.parse(readFileSync(GOLDEN_DIR + name, 'utf8')) as T;
}

export function testScale(id: string, items: string[], range: [number, number], reverse: string[]): Scale {
  return {
    id,
    label: id,
    items,
    itemLabels: {},
    responses: {},
    responseLabels: {},
    range,
    reverse,
    key: null,
    score: 'mean',
    minAnswered: 1,
  };
}

/** The row as the coding layer delivers it: reverse-keyed items as min + max - x. */
export function reversedRow(row: Float64Array, scale: Scale): Float64Array {
  const out = Float64Array.from(row);
  scale.items.forEach((item, i) => {
    if (scale.reverse.includes(item)) out[i] = scale.range[0] + scale.range[1] - out[i];
  });
  return out;
}
