import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIMITERS, detectDelimiter, fieldCounts } from '../../src/read/detect-delimiter.js';
import { FUZZ_SEED, fuzzRuns } from '../hardening/fuzz-config.js';

/**
 * The definition fieldCounts implements, as one character loop over the text: a record ends at
 * LF or CR outside quotes, a quote toggles quoting (and makes the record non-blank), a record of
 * spaces alone is blank and skipped, at most 30 records, an unclosed last record is left out.
 */
function referenceFieldCounts(text: string): number[][] {
  const counts: number[][] = [];
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let fields = [1, 1, 1, 1];
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < 30; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      continue;
    } else if (ch === 10 || ch === 13) {
      if (!blank) counts.push(fields);
      fields = [1, 1, 1, 1];
      blank = true;
    } else {
      const c = codes.indexOf(ch);
      if (c !== -1) fields[c]++;
      if (ch !== 32) blank = false;
    }
  }
  if (!blank && counts.length < 30 && !quoted) counts.push(fields);
  return counts;
}

describe('detectDelimiter', () => {
  it('takes the delimiter that gives the header its field count on the data rows', () => {
    // The header's question text holds two unquoted commas; the rows have none: 3 fields by ';'.
    const text = 'id;How often, if ever, do you ask?;ward\n1;Often;A\n2;Never;B\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('a comma file with semicolons inside quoted and unquoted cells stays a comma file', () => {
    expect(detectDelimiter('a,b,c\n1,"x;y",3\n2,z;w,4\n')).toBe(',');
  });

  it('reads tab and pipe files, and quoted newlines do not end a record', () => {
    expect(detectDelimiter('a\tb\tc\n1\t"two\nlines"\t3\n4\t5\t6\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it("Excel's sep= line names the delimiter", () => {
    expect(detectDelimiter('sep=;\na,b;c\n1,2;3\n')).toBe(';');
  });

  it('a header alone is judged by its own fields; one column is a comma file', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('answer\nyes\n')).toBe(',');
  });

  it('counts fields as the character-by-character definition does, on random texts', () => {
    const char = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '|', '"', '\n', '\r');
    const text = fc.array(char, { maxLength: 400 }).map((chars) => chars.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(fieldCounts(t)).toEqual(referenceFieldCounts(t));
    }), { seed: FUZZ_SEED, numRuns: fuzzRuns(2000) });
    // Long plain files stop at 30 records; quotes across lines.
    const plain = Array.from({ length: 40 }, (_, r) => `${r},x;y,"${r}\n${r}"|z`).join('\r\n');
    expect(fieldCounts(plain)).toEqual(referenceFieldCounts(plain));
    expect(fieldCounts(plain)).toHaveLength(30);
  });
});
