import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/read/detect-delimiter.js';

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
});
