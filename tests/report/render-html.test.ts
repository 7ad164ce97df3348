import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlTable } from '../../src/report/render-html.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { humanTables } from '../../src/report/report-tables.js';
import { sampleReport } from './sample-report.js';

describe('escapeHtml', () => {
  it('escapes the five characters that end text or attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('renderHtml', () => {
  const report = sampleReport();
  const html = renderHtml(report, 3);

  it('is one self-contained page: no script, no external resource, a CSP forbidding requests', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|srcset|action|xlink:href)=/i);
    for (const match of html.matchAll(/\shref="([^"]*)"/g)) expect(match[1]).toMatch(/^#/);
  });

  it('draws per scale the item bars, the alpha line and the score histogram', () => {
    for (const scale of report.scales) {
      expect(html).toContain(`aria-label="${escapeHtml(`${scale.label}: item-rest correlation and`)}`);
    }
    const count = (pattern: RegExp) => (html.match(pattern) ?? []).length;
    const items = report.scales.reduce((sum, s) => sum + s.items.length, 0);
    expect(count(/<rect class="bar bar-rest[ "]/g)).toBe(items);
    expect(count(/<rect class="bar bar-aid[ "]/g)).toBe(items);
    expect(count(/<line class="ref-alpha"/g)).toBe(report.scales.length);
    const bins = report.scales.reduce((sum, s) => sum + s.score.histogram.filter((b) => b.count > 0).length, 0);
    expect(count(/<rect class="bar hist-bar"/g)).toBe(bins);
    // Only conf5 and conf6 raise alpha when deleted (0.652, 0.676 > 0.640).
    expect(count(/<rect class="bar bar-aid warn"/g)).toBe(2);
  });

  it('draws a forest plot per prevalence measure, a row per group', () => {
    const count = (pattern: RegExp) => (html.match(pattern) ?? []).length;
    expect(count(/<svg class="chart forest"/g)).toBe(new Set(report.prevalence.map((p) => p.id)).size);
    expect(count(/<g class="forest-row[ "]/g)).toBe(report.prevalence.length);
    expect(count(/<rect class="forest-point"/g)).toBe(report.prevalence.filter((p) => p.proportion !== null).length);
    expect(count(/<line class="forest-ci"/g)).toBe(report.prevalence.filter((p) => p.ci.lower !== null).length);
  });

  it('escapes every text from the data', () => {
    const copy = sampleReport();
    copy.input.codebook = '<script>alert(1)</script>';
    copy.scales[0].label = '"><img src=x onerror=alert(1)>';
    copy.scales[0].items[0].id = '<b>pk1</b>';
    copy.prevalence[1].group = { column: 'discipline', value: "</text><script>x</script>'" };
    copy.warnings[0].message = '<iframe src="http://x">';
    const page = renderHtml(copy, 3);
    expect(page).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;&#39;');
  });

  it('shows the hostile label as text and an undefined figure as —', () => {
    expect(html).toContain('<td>discipline: =HYPERLINK(&quot;http://x&quot;)</td><td class="num null">—</td>');
  });

  it('has a print style', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
  });
});

describe('renderHtmlTable', () => {
  it('writes one table as its own page', () => {
    const table = humanTables(sampleReport()).find((t) => t.name === 'items-confidence');
    if (table === undefined) throw new Error('no items table');
    const page = renderHtmlTable(table, 3);
    expect(page).toContain('<title>Items: Confidence to respond (confidence)</title>');
    expect(page).toContain('<table data-table="items-confidence">');
    expect((page.match(/<tr>/g) ?? []).length).toBe(7);
  });
});
