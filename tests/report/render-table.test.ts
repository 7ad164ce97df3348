import { describe, expect, it } from 'vitest';
import { ansiPaint } from '../../src/report/paint.js';
import { render } from '../../src/report/render.js';
import { sampleReport } from './sample-report.js';
import { terminalWidth } from '../../src/report/terminal-width.js';
import { textTable, wrapTitle } from '../../src/report/text-table.js';
import { PLAIN } from '../../src/report/paint.js';
import { humanTables } from '../../src/report/report-tables.js';

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

  it('fits 80 columns by default, and any width it is given, with no trailing spaces', () => {
    for (const width of [undefined, 60, 80, 100, 132]) {
      const text = render(report, 'table', { digits: 3, color: false, width });
      for (const line of text.split('\n')) {
        expect([...line].length, `${width}: ${line}`).toBeLessThanOrEqual(width ?? 80);
        expect(line).toBe(line.trimEnd());
      }
    }
  });

  it('keeps one-line headings where they fit, and wraps them where they do not', () => {
    const wide = render(report, 'table', { digits: 3, color: false, width: 120 });
    expect(wide).toContain('  Item  Rev.    n   Mean     SD  Item-total r  Item-rest r  Alpha if deleted    SMC\n');
    expect(plain).toContain(
      [
        '                                   Item-   Item-  Alpha if',
        '  Item  Rev.    n   Mean     SD  total r  rest r   deleted    SMC',
        '  ────  ────  ───  ─────  ─────  ───────  ──────  ────────  ─────',
      ].join('\n'),
    );
    expect(wrapTitle('Item-total r', 5, 2)).toEqual(['Item-', 'total r']);
    expect(wrapTitle('KR-20 if deleted', 5, 2)).toEqual(['KR-20 if', 'deleted']);
    expect(wrapTitle('Lambda-6', 5, 2)).toEqual(['Lambda-6']);
  });

  it('wraps notes at word boundaries within the width', () => {
    const narrow = render(report, 'table', { digits: 3, color: false, width: 60 });
    const note = 'Item-total r, item-rest r: correlation with the sum of all items, of the other items;';
    const lines = narrow.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  Item-total r, item-rest r:'));
    const joined = lines.slice(at, at + 3).map((l) => l.trim()).join(' ');
    expect(joined.startsWith(note)).toBe(true);
    // No word is cut: every note line ends at a word's end.
    for (const line of lines.slice(at, at + 3)) expect(note + ' Alpha if deleted: of the other 8 items; SMC: squared multiple correlation.').toContain(line.trim());
  });

  it('cuts a table too wide into parts that repeat the row names, and wraps a long text column', () => {
    const frequencies = plain.slice(plain.indexOf('Response frequencies: Perceived knowledge'));
    const parts = frequencies.slice(0, frequencies.indexOf('\n  Codes:')).split('\n\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/\n {2}Item +1 +2 +3 +4\n/);
    expect(parts[1]).toMatch(/^ {2}Item +5 +Missing\n/);
    // pk1: 170 of 782 rows read answered 1 (21.7%), 15 answered 5 (1.9%), none missing.
    expect(parts[0]).toMatch(/\n {2}pk1 +21\.7% \(n=170\) +39\.0% \(n=305\)/);
    expect(parts[1]).toMatch(/\n {2}pk1 +1\.9% \(n=15\) +0\.0% \(n=0\)\n/);
    // The hostile group label wraps in its column instead of pushing Deff into a second part.
    expect(plain).toMatch(/\n {2}discipline: +— +— +0\/0 +—\n {4}=HYPERLINK\("http:\/\/x"\)\n/);
    const table = humanTables(report).find((t) => t.name === 'items-perceived_knowledge')!;
    const lines = textTable(table, { digits: 3, chalk: PLAIN, indent: '  ', width: 40 });
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(40);
    expect(lines.filter((l) => l.trim() === '').length).toBeGreaterThan(0);
    // Every part repeats the row names (pk9 has no wording: its row in the Wording part is its name alone).
    for (const part of lines.join('\n').split('\n\n')) expect(part).toMatch(/\n {2}pk9( |$)/);
  });

  it('aligns prevalence percentages and intervals on the decimal point', () => {
    const rows = plain.split('\n').filter((l) => /% \(n=\d+\)/.test(l) && l.includes('discipline: ') || l.startsWith('  Overall '));
    const points = new Set(rows.map((l) => l.indexOf('% (n=') - 2));
    expect(points.size, rows.join('\n')).toBe(1);
    expect(plain).toContain('  discipline: Emergency medicine     9.4% (n=16)    [5.9, 14.7]    16/170  1.556');
    expect(plain).toContain('  discipline: Maternity             20.4% (n=30)   [14.7, 27.6]    30/147  0.449');
  });

  it('lists every pair of scales with r, n and the interval', () => {
    // r 0.250955635574463 (n 782), CI [0.184086651220145, 0.315512323710664]
    expect(plain).toMatch(/\n {2}Perceived knowledge +Actual knowledge +0\.251 \(782\) +\[0\.184, 0\.316\]\n/);
    expect(plain).toMatch(/\n {2}Actual knowledge +Confidence to respond +0\.141 \(780\) +\[0\.072, 0\.209\]\n/);
  });

  it('never shows a coefficient with fewer than 2 decimals', () => {
    const text = render(report, 'table', { digits: 0, color: false });
    expect(text).toContain("  Cronbach's alpha 0.93, 95% CI [0.92, 0.94]\n");
    expect(text).toMatch(/\n {2}pk9 +R +691 +2 +1 +0\.77 +0\.71 +0\.92 +0\.51\n/);
  });

  it('gives each scale a summary in words, its items and its score', () => {
    expect(plain).toContain(
      [
        'Actual knowledge (actual_knowledge) · 9 items · n = 665',
        '  KR-20 0.630, 95% CI [0.586, 0.670]',
        // lambda-4 0.651052 and beta 0.547052 (the sample's); no glb line with --reliability basic.
        '  standardized 0.630 · average r 0.159 · lambda-6 0.606 · omega 0.632 · λ4 0.651',
        '  β 0.547',
        '  score (sum of items): n 782 · mean 5.429 · SD 1.957 · min 0.000 · max 9.000',
      ].join('\n'),
    );
    expect(plain).toContain('  Item  Rev.    n   Mean     SD  total r  rest r   deleted    SMC\n');
    // pk9: reversed, n 691, mean 2.36999..., item-rest r 0.70593..., alpha if deleted 0.92393...
    expect(plain).toMatch(/\n {2}pk9 +R +691 +2\.370 +1\.028 +0\.774 +0\.706 +0\.924 +0\.508\n/);
  });

  it('writes prevalence in paper style with interval, denominator and design effect', () => {
    expect(plain).toMatch(/\n {2}Lacks knowledge of what questions to ask to identify potential victims\n {2}Overall +86\.8% \(n=679\) +\[84\.3, 89\.0\] +679\/782 +4\.649\n/);
    expect(render(report, 'table', { digits: 3, color: false, width: 100 })).toMatch(/\n {2}discipline: =HYPERLINK\("http:\/\/x"\) +— +— +0\/0 +—\n/);
    expect(plain).toContain('  discipline: 10 rows without a value, counted in Overall only.');
  });

  it('lists group comparisons with p-values and the warnings at the end', () => {
    expect(plain).toMatch(/\n {2}discipline +Chi-square +9\.329 +4 +0\.053 +5 +768 +18\.411\n/);
    const warnings = plain.slice(plain.indexOf('Warnings (7)'));
    expect(warnings.split('\n').filter((l) => l.startsWith('  ! '))).toHaveLength(7);
    expect(plain.trimEnd().endsWith('[small-expected-counts]')).toBe(true);
  });

  it('marks an item whose deletion raises alpha in colour and with ↑, and explains both', () => {
    const colored = render(report, 'table', { digits: 3, color: colour, width: 120 });
    // conf5 and conf6: alpha if deleted 0.652 and 0.676 > alpha 0.640; the others are plain.
    expect(colored).toContain('          \u001b[33m0.652↑\u001b[39m  0.052');
    expect(colored).toContain('          \u001b[33m0.676↑\u001b[39m  0.040');
    expect(colored).not.toMatch(/\u001b\[33m0\.601/);
    // Without colour the mark is still there, the other figures keep their decimal point's place.
    expect(plain).toMatch(/\n {2}conf4 +731 +2\.792 +0\.998 +0\.569 +0\.357 +0\.601 {3}0\.135\n/);
    expect(plain).toMatch(/\n {2}conf5 +731 +3\.535 +1\.035 +0\.455 +0\.209 +0\.652↑ {2}0\.052\n/);
    expect(plain).toContain("  ↑: the scale's alpha (0.640) would be higher without the item.\n");
    expect(colored).toContain("  \u001b[33m↑\u001b[39m: the scale's alpha (0.640) would be higher without the item.");
    // Only the scale with such items has the legend.
    expect(plain.match(/↑: the scale's/g)).toHaveLength(1);
  });

  it('explains the red of a negative item-rest r', () => {
    const copy = sampleReport();
    copy.scales[1].items[0].itemRestR = -0.2;
    const text = render(copy, 'table', { digits: 3, color: colour });
    expect(text).toMatch(/ \u001b\[31m-0\.200\u001b\[39m /);
    expect(text).toContain('\u001b[31mNegative item-rest r\u001b[39m: the item runs against the others');
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

describe('terminal width', () => {
  it("is the terminal's on a TTY, else COLUMNS, else 80", () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(132);
    expect(terminalWidth({ isTTY: false, columns: 132 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 0 }, { COLUMNS: ' 90 ' })).toBe(90);
    expect(terminalWidth({}, {})).toBe(80);
    for (const bad of ['', 'wide', '-5', '0', '1.5', '80px']) expect(terminalWidth({}, { COLUMNS: bad })).toBe(80);
  });

  it('fits a narrow terminal, and lays out one narrower than 40 columns for 40', () => {
    const text = render(report, 'table', { digits: 3, color: false, width: 50 });
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(50);
    expect(render(report, 'table', { digits: 3, color: false, width: 10 })).toBe(render(report, 'table', { digits: 3, color: false, width: 40 }));
  });
});
