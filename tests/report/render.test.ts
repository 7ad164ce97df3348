import { describe, expect, it } from 'vitest';
import { ansiPaint } from '../../src/report/paint.js';
import { FORMATS, render } from '../../src/report/render.js';
import { outFiles } from '../../src/report/write-out-dir.js';
import { SurveyError } from '../../src/errors.js';
import { sampleReport } from './sample-report.js';

const colour = await ansiPaint();

describe('render', () => {
  it('gives byte-identical output for the same report and options', () => {
    for (const format of FORMATS) {
      for (const color of [false, colour] as const) {
        const first = render(sampleReport(), format, { digits: 3, color });
        const second = render(sampleReport(), format, { digits: 3, color });
        expect(second === first, format).toBe(true);
        expect(first.endsWith('\n'), format).toBe(true);
      }
    }
  });

  it('writes json as the Report itself, unrounded, with a final newline', () => {
    const report = sampleReport();
    const json = render(report, 'json', { digits: 1, color: false });
    expect(json).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(report);
    expect(json).toContain('"alpha": 0.930006265785065');
  });

  it('never prints NaN or Infinity, even if a figure slipped through as one', () => {
    const report = sampleReport();
    report.scales[0].alpha = Number.NaN;
    report.scales[0].items[0].mean = Number.POSITIVE_INFINITY;
    report.scales[1].alphaCI.lower = Number.NaN;
    report.prevalence[0].proportion = Number.NaN;
    report.correlations.r[1][0] = Number.NEGATIVE_INFINITY;
    report.groupComparisons[0].pValue = Number.NaN;
    for (const format of FORMATS) {
      const text = render(report, format, { digits: 3, color: false });
      expect(text, format).not.toMatch(/NaN|Infinity/);
    }
    for (const file of outFiles(report, 'csv', 3)) expect(file.content).not.toMatch(/NaN|Infinity/);
  });

  it('has no absolute path and no date', () => {
    const report = sampleReport();
    report.input.files = ['/home/someone/data/wave1.csv', 'C:\\data\\wave2.csv', '-'];
    for (const format of FORMATS.filter((f) => f !== 'json')) {
      const text = render(report, format, { digits: 3, color: false });
      expect(text, format).not.toContain('/home/someone');
      expect(text, format).not.toContain('C:\\');
      expect(text, format).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      if (format !== 'csv' && format !== 'tsv') expect(text, format).toContain('wave1.csv, wave2.csv, stdin');
    }
  });

  it('applies digits to every rounded figure', () => {
    const report = sampleReport();
    const text = render(report, 'markdown', { digits: 5, color: false });
    // alpha 0.930006265785065; 679/782 = 0.868286445...; deff 4.64859155244356; p 0.0533870818059315
    expect(text).toContain('| 0.93001 |');
    expect(text).toContain('86.829% (n=679)');
    expect(text).toContain('| 4.64859 |');
    expect(text).toContain('| 0.05339 |');
  });

  it('refuses digits outside 0 to 12 (the CLI\'s --digits range) as a usage error', () => {
    expect(() => render(sampleReport(), 'table', { digits: 12, color: false })).not.toThrow();
    for (const digits of [-1, 1.5, 13, Number.NaN]) {
      expect(() => render(sampleReport(), 'table', { digits, color: false })).toThrow(SurveyError);
    }
  });
});

describe('unusual reports', () => {
  it('renders a report with no scales, no prevalence and no warnings in every format', () => {
    const report = sampleReport();
    report.scales = [];
    report.correlations = { method: 'pearson', ids: [], r: [], n: [], ci: [], level: 0.95 };
    report.prevalence = [];
    report.groupComparisons = [];
    report.groupMissing = [];
    report.warnings = [];
    for (const format of FORMATS) {
      const text = render(report, format, { digits: 3, color: false });
      expect(text.length, format).toBeGreaterThan(0);
      expect(text, format).not.toMatch(/NaN|undefined|Infinity/);
    }
    // Only the row accounting: there is nothing else to report.
    expect(render(report, 'csv', { digits: 3, color: false })).toBe(
      'table,id,item,with,group_column,group_value,statistic,value,method\n' +
        'rows,read,,,,,rows,790,\nrows,header rows skipped,,,,,rows,1,\nrows,"excluded: site one of ""Test"" (exclude)",,,,,rows,8,\nrows,analysed,,,,,rows,782,\n',
    );
    const files = outFiles(report, 'csv', 3);
    expect(files.map((f) => f.name)).toEqual([
      'rows.csv',
      'reliability.csv',
      'scores.csv',
      'correlations.csv',
      'prevalence.csv',
      'group-comparisons.csv',
      'warnings.csv',
      'report.csv',
      'report.json',
    ]);
    expect(files.find((f) => f.name === 'prevalence.csv')?.content.split('\n')[0]).toBe(
      'prevalence,label,group_column,group_value,count,n,proportion,ci_method,ci_level,ci_lower,ci_upper,cluster,clusters,design_df,design_effect,design_se',
    );
  });

  it('shows a two-item scale: split-half figures, alpha if deleted undefined, a negative item-rest r', () => {
    const report = sampleReport();
    const scale = report.scales[0];
    scale.items = scale.items.slice(0, 2).map((item, i) => ({ ...item, alphaIfDeleted: null, itemRestR: i === 0 ? -0.12 : 0.4 }));
    scale.k = 2;
    scale.splitHalf = { r: 0.6, spearmanBrown: 0.75 };
    const table = render(report, 'table', { digits: 3, color: false });
    expect(table).toContain('  split-half r 0.600 · Spearman-Brown 0.750');
    expect(table).toMatch(/\n {2}pk1 +691 +2\.318 +0\.988 +0\.831 +-0\.120 +— +0\.615\n/);
    expect(render(report, 'table', { digits: 3, color: colour })).toContain(' \u001b[31m-0.120\u001b[39m ');
    const md = render(report, 'markdown', { digits: 3, color: false });
    expect(md).toContain('| Split-half r | Spearman-Brown |');
    expect(md).toContain('| 0.600 | 0.750 |');
    const latex = render(report, 'latex', { digits: 3, color: false });
    expect(latex).toContain('pk1 &  & 691 & 2.318 & 0.988 & 0.831 & $-$0.120 & --- & 0.615 \\\\');
    const html = render(report, 'html', { digits: 3, color: false });
    expect(html).toContain('<rect class="bar bar-rest warn"');
    expect((html.match(/<circle class="dot dot-aid/g) ?? []).length).toBe(report.scales.slice(1).reduce((n, s) => n + s.items.length, 0));
    expect(html).toContain('<dt>Spearman-Brown</dt><dd>0.750</dd>');
  });

  it('gives the bootstrap resamples and seed where alpha CIs were bootstrapped', () => {
    const report = sampleReport();
    report.settings.alphaCi = 'bootstrap';
    report.settings.bootstrap = { resamples: 1000, seed: 1 };
    for (const scale of report.scales) scale.alphaCI = { ...scale.alphaCI, method: 'bootstrap', resamples: 1000, seed: 1 };
    expect(render(report, 'table', { digits: 3, color: false })).toContain('alpha CI: bootstrap (1000 resamples, seed 1), 95%');
    const reliability = outFiles(report, 'csv', 3).find((f) => f.name === 'reliability.csv')?.content ?? '';
    expect(reliability.split('\n')[0]).toContain(',ci_resamples,ci_seed,');
    // Full precision in csv: the Report's bounds as JSON writes them.
    const { lower, upper } = report.scales[0].alphaCI;
    expect(reliability.split('\n')[1]).toContain(`,bootstrap,0.95,${lower},${upper},1000,1,`);
  });
});
