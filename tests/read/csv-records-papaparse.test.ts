/**
 * The project's record splitter (src/read/csv-records.ts) against papaparse, the reference
 * parser, on random RFC 4180 text: unquoted fields without quotes, delimiters or line breaks;
 * quoted fields holding anything (the delimiter, `""`, LF, CRLF, CR, non-ASCII); LF or CRLF
 * record ends; with or without a final line end. The text is fed to CsvRecords cut into random
 * pieces. The records must be papaparse's, field for field, and each record's line the line
 * (1 + line breaks before it, as the generator placed it) where it starts. Empty lines are left
 * out of the generator: csv-records skips them (as the CLI does), papaparse gives [''].
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from '../../src/read/csv-records.js';
import { FUZZ_SEED, fuzzRuns } from '../hardening/fuzz-config.js';

const plainChar = fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', "'", 'é', '’', '中', 'x');
const quotedChar = fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r\n', '\r', ' ', 'é', '1');
const plainField = fc.array(plainChar, { maxLength: 6 }).map((cs) => cs.join(''));
const quotedField = fc.array(quotedChar, { maxLength: 6 }).map((cs) => `"${cs.map((c) => (c === '"' ? '""' : c)).join('')}"`);
const unquote = (field: string): string => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);

const table = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  width: fc.integer({ min: 1, max: 5 }),
  rows: fc.integer({ min: 1, max: 25 }),
  finalEol: fc.boolean(),
  seed: fc.integer(),
}).chain((t) =>
  fc.record({
    t: fc.constant(t),
    // A one-field record must not be empty (that would be an empty line).
    cells: fc.array(fc.array(fc.oneof(plainField, quotedField), { minLength: t.width, maxLength: t.width }).filter((r) => t.width > 1 || r[0] !== ''), { minLength: t.rows, maxLength: t.rows }),
    cuts: fc.array(fc.nat(), { maxLength: 8 }),
  }),
);

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('csv-records.ts against papaparse', () => {
  it('random RFC 4180 text, cut into random pieces: the same records; each at its line', () => {
    fc.assert(
      fc.property(table, ({ t, cells, cuts }) => {
        const delimiter = t.delimiter;
        const lines: number[] = [];
        let text = '';
        cells.forEach((row, r) => {
          lines.push(1 + lineBreaks(text));
          text += row.join(delimiter) + (r < cells.length - 1 || t.finalEol ? t.eol : '');
        });
        const papa = Papa.parse<string[]>(text, { delimiter, newline: t.eol as '\n' | '\r\n', skipEmptyLines: false });
        expect(papa.errors).toEqual([]);
        const reference = papa.data.filter((r, i) => !(i === papa.data.length - 1 && r.length === 1 && r[0] === '' && t.finalEol));
        expect(reference).toEqual(cells.map((row) => row.map(unquote)));
        const got: string[][] = [];
        const gotLines: number[] = [];
        const records = new CsvRecords(delimiter, 'random.csv', () => undefined, (rows, at) => {
          got.push(...rows);
          gotLines.push(...at);
        });
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const p of [...points, text.length]) {
          records.write(text.slice(from, p));
          from = p;
        }
        records.end();
        expect(got).toEqual(reference);
        expect(gotLines).toEqual(lines);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(400) },
    );
  });
});
