import { describe, expect, it } from 'vitest';
import { BOUNDED_BY_ONE, dropLeadingZero, dropLeadingZeros, headingSegments, isBoundedByOne, UNBOUNDED } from '../../src/report/apa-style.js';
import { humanCell } from '../../src/report/format-cell.js';
import { humanTables } from '../../src/report/report-tables.js';
import { render } from '../../src/report/render.js';
import type { Column } from '../../src/report/table-model.js';
import { sampleReport } from './sample-report.js';

const col = (name: string, kind: Column['kind']): Column => ({ name, title: name, kind });

describe('APA number formatting', () => {
  it('drops the leading zero of figures bounded by 1 only', () => {
    expect(dropLeadingZero('0.930')).toBe('.930');
    expect(dropLeadingZero('-0.377')).toBe('-.377');
    expect(dropLeadingZero('1.000')).toBe('1.000');
    expect(dropLeadingZero('10.5')).toBe('10.5');
    expect(dropLeadingZeros('[0.922, -0.038]')).toBe('[.922, -.038]');
    expect(humanCell(0.930006, col('alpha', 'number'), 3, '—', 'apa')).toBe('.930');
    expect(humanCell(0.930006, col('alpha', 'number'), 3, '—')).toBe('0.930');
    expect(humanCell(0.988, col('sd', 'number'), 3, '—', 'apa')).toBe('0.988');
    expect(humanCell({ lower: 0.9219, upper: 0.9376 }, col('ci', 'interval'), 3, '—', 'apa')).toBe('[.922, .938]');
    expect(humanCell({ r: -0.377, n: 780 }, col('r_1', 'r-n'), 3, '—', 'apa')).toBe('-.377 (780)');
    expect(humanCell({ proportion: 0.8683, count: 679 }, col('prevalence', 'percent-count'), 3, '—', 'apa')).toBe('86.8% (n=679)');
  });

  it('writes p as .053, and one that rounds to zero as < .001 (< .01 at 2 digits)', () => {
    const p = col('p_value', 'p-value');
    expect(humanCell(0.0533870818, p, 3, '—', 'apa')).toBe('.053');
    expect(humanCell(2e-9, p, 3, '—', 'apa')).toBe('< .001');
    expect(humanCell(2e-9, p, 2, '—', 'apa')).toBe('< .01');
    expect(humanCell(2e-9, p, 3, '—')).toBe('<0.001');
    expect(humanCell(1, p, 3, '—', 'apa')).toBe('1.000');
  });

  it('decides every number and interval column of the human tables (the ones styled): bounded by 1 or not', () => {
    const report = sampleReport();
    report.settings.alphaCi = 'bootstrap';
    const columns = humanTables(report).flatMap((t) => t.columns).filter((c) => c.kind === 'number' || c.kind === 'interval');
    for (const c of columns) expect(BOUNDED_BY_ONE.has(c.name) || UNBOUNDED.has(c.name), `column ${c.name}: add it to BOUNDED_BY_ONE or UNBOUNDED`).toBe(true);
    expect(isBoundedByOne(col('mean', 'number'))).toBe(false);
    expect(isBoundedByOne(col('x', 'p-value'))).toBe(true);
  });
});

describe('APA headings', () => {
  it('italicizes statistic symbols and heads the mean M', () => {
    expect(headingSegments('Item-total r', 'apa')).toEqual([
      { text: 'Item-total ', italic: false },
      { text: 'r', italic: true },
    ]);
    expect(headingSegments('Mean', 'apa')).toEqual([{ text: 'M', italic: true }]);
    expect(headingSegments('n/N', 'apa').filter((s) => s.italic).map((s) => s.text)).toEqual(['n', 'N']);
    for (const plain of ['Items', 'Min. expected', 'Deff', 'Lambda-6', 'Spearman-Brown', '95% CI']) {
      expect(headingSegments(plain, 'apa')).toEqual([{ text: plain, italic: false }]);
    }
    expect(headingSegments('Mean', 'default')).toEqual([{ text: 'Mean', italic: false }]);
  });
});

describe('--style apa in markdown and html; the default unchanged', () => {
  const report = sampleReport();
  it('markdown', () => {
    const md = render(report, 'markdown', { digits: 3, color: false, style: 'apa' });
    expect(md).toContain('| Item | Rev. | *n* | *M* | *SD* | Item-total *r* | Item-rest *r* |');
    expect(md).toContain('| .930 | [.922, .938] |');
    expect(render(report, 'markdown', { digits: 3, color: false })).toBe(render(report, 'markdown', { digits: 3, color: false, style: 'default' }));
    expect(render(report, 'markdown', { digits: 3, color: false })).toContain('| 0.930 | [0.922, 0.938] |');
  });
  it('html', () => {
    const html = render(report, 'html', { digits: 3, color: false, style: 'apa' });
    expect(html).toContain('<th scope="col" class="num"><i>n</i></th><th scope="col" class="num"><i>M</i></th><th scope="col" class="num"><i>SD</i></th>');
    expect(html).toContain('<td class="num">.930</td><td class="num">[.922, .938]</td>');
    expect(html).toContain('<div class="value">.930<small>');
    expect(render(report, 'html', { digits: 3, color: false })).toContain('<td class="num">0.930</td><td class="num">[0.922, 0.938]</td>');
  });
});
