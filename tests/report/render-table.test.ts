import { describe, expect, it } from 'vitest';
import { ansiPaint } from '../../src/report/paint.js';
import { render } from '../../src/report/render.js';
import { sampleReport } from './sample-report.js';

const colour = await ansiPaint();

const ANSI = /\u001b\[[0-9;]*m/g;
const report = sampleReport();
const plain = render(report, 'table', { digits: 3, color: false });

describe('terminal table', () => {
  it('has no colour codes unless asked, and the same text with them', () => {
    expect(plain).not.toMatch(ANSI);
    const colored = render(report, 'table', { digits: 3, color: colour });
    expect(colored).toMatch(ANSI);
    expect(colored.replace(ANSI, '')).toBe(plain);
  });

  it('stays within 100 columns and has no trailing spaces', () => {
    for (const line of plain.split('\n')) {
      expect([...line].length, line).toBeLessThanOrEqual(100);
      expect(line).toBe(line.trimEnd());
    }
  });

  it('gives each scale a summary in words, its items and its score', () => {
    expect(plain).toContain(
      [
        'Actual knowledge (actual_knowledge) · 9 items · n = 665',
        '  KR-20 0.630, 95% CI [0.586, 0.670]',
        '  standardized 0.630 · average r 0.159 · lambda-6 0.606 · omega 0.632',
        '  score (sum of items): n 782 · mean 5.429 · SD 1.957 · min 0.000 · max 9.000',
      ].join('\n'),
    );
    expect(plain).toContain('  Item  Rev.    n   Mean     SD  Item-total r  Item-rest r  KR-20 if deleted    SMC\n');
    // pk9: reversed, n 691, mean 2.36999..., item-rest r 0.70593..., alpha if deleted 0.92393...
    expect(plain).toMatch(/\n {2}pk9 +R +691 +2\.370 +1\.028 +0\.774 +0\.706 +0\.924 +0\.508\n/);
  });

  it('writes prevalence in paper style with interval, denominator and design effect', () => {
    expect(plain).toMatch(/\n {2}Lacks knowledge of what questions to ask to identify potential victims\n {2}Overall +86\.8% \(n=679\) +\[84\.3, 89\.0\] +679\/782 +4\.649\n/);
    expect(plain).toMatch(/\n {2}discipline: =HYPERLINK\("http:\/\/x"\) +— +— +0\/0 +—\n/);
    expect(plain).toContain('  discipline: 10 rows without a value, counted in Overall only.');
  });

  it('lists group comparisons with p-values and the warnings at the end', () => {
    expect(plain).toMatch(/\n {2}discipline +Chi-square +9\.329 +4 +0\.053 +5 +768 +18\.411\n/);
    const warnings = plain.slice(plain.indexOf('Warnings (7)'));
    expect(warnings.split('\n').filter((l) => l.startsWith('  ! '))).toHaveLength(7);
    expect(plain.trimEnd().endsWith('[small-expected-counts]')).toBe(true);
  });

  it('marks in colour an item whose deletion raises alpha', () => {
    const colored = render(report, 'table', { digits: 3, color: colour });
    // conf5 and conf6: alpha if deleted 0.652 and 0.676 > alpha 0.640; the others are plain.
    expect(colored).toContain('\u001b[33m           0.652\u001b[39m');
    expect(colored).toContain('\u001b[33m           0.676\u001b[39m');
    expect(colored).not.toContain('\u001b[33m           0.601');
  });

  it('shows control characters from the data instead of sending them to the terminal', () => {
    const copy = sampleReport();
    copy.scales[0].label = 'Evil\u001b[2J\u0007label';
    copy.prevalence[2].group = { column: 'discipline', value: 'x\u001b]0;owned\u0007' };
    const text = render(copy, 'table', { digits: 3, color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('Evil\\x1b[2J\\x07label');
    expect(text).toContain('discipline: x\\x1b]0;owned\\x07');
  });
});
