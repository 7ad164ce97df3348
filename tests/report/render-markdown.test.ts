import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/report/render-markdown.js';
import { sampleReport } from './sample-report.js';

/** Cells of a pipe-table line, splitting on `|` that are not escaped. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('escapeMarkdown', () => {
  it('escapes the characters that make markup and folds line breaks', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` [f](g) <h> #i ~j~ !k &l;')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\#i \\~j\\~ \\!k \\&l;',
    );
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('folds other control characters too: no terminal escape from the data reaches the output', () => {
    expect(escapeMarkdown('a\u001b[31mred\u0007\tb\u007f')).toBe('a \\[31mred b ');
  });
});

describe('renderMarkdown', () => {
  const report = sampleReport();
  report.scales[1].label = 'Pipes | and *stars*';
  const md = renderMarkdown(report, 3);

  it('gives every row of a table as many cells as its header', () => {
    const lines = md.split('\n');
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      const n = cells(line).length;
      if (width === 0) width = n;
      expect(n, line).toBe(width);
    }
  });

  it('has a heading per table and the warnings as a list', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# NHS professionals and human trafficking (PROTECT survey, reconstructed instrument)',
      '## Rows',
      '## Reliability',
      '## Items: Perceived knowledge (perceived\\_knowledge)',
      '## Items: Pipes \\| and \\*stars\\* (actual\\_knowledge)',
      '## Items: Confidence to respond (confidence)',
      '## Scale scores',
      '## Correlations between scale scores',
      '## Prevalence',
      '## Group comparisons',
      '## Response frequencies: Perceived knowledge (perceived\\_knowledge)',
      '## Response frequencies: Pipes \\| and \\*stars\\* (actual\\_knowledge)',
      '## Response frequencies: Confidence to respond (confidence)',
      '## Warnings (7)',
    ]);
    expect(md).toContain('- scale "confidence": alpha rises from 0.640 to 0.676 without item "conf6" (`alpha-if-deleted-higher`)');
  });

  it('escapes labels and shows an undefined figure as —', () => {
    expect(md).toContain('| Pipes \\| and \\*stars\\* | KR-20 |');
    expect(md).toContain('|  | discipline: =HYPERLINK("http://x") | — | — | 0/0 | — |');
  });

  it('names a group once, on its first row', () => {
    expect(md).toContain('| Lacks knowledge of what questions to ask to identify potential victims | Overall | 86.8% (n=679) | [84.3, 89.0] | 679/782 | 4.649 |');
    expect(md).toContain('|  | discipline: Maternity | 89.1% (n=131) | [83.1, 93.2] | 131/147 | 2.987 |');
  });
});
