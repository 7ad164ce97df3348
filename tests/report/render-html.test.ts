import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlTable } from '../../src/report/render-html.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { aroundAlpha } from '../../src/report/html/item-chart.js';
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
    expect(count(/<circle class="dot dot-aid[ "]/g)).toBe(items);
    expect(count(/<line class="dot-stem[ "]/g)).toBe(items);
    expect(count(/<line class="ref-alpha"/g)).toBe(report.scales.length);
    const bins = report.scales.reduce((sum, s) => sum + s.score.histogram.filter((b) => b.count > 0).length, 0);
    expect(count(/<rect class="bar hist-bar"/g)).toBe(bins);
    // Only conf5 and conf6 raise alpha when deleted (0.652, 0.676 > 0.640).
    expect(count(/<circle class="dot dot-aid warn"/g)).toBe(2);
    expect(html).toContain('<text class="value warn" x="524" y="165">0.676</text>');
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

  it("draws alpha if deleted on an axis around the scale's alpha, not on 0-1", () => {
    // confidence: alpha 0.640, alpha if deleted from 0.538 to 0.676.
    const chart = html.slice(html.indexOf('aria-label="Confidence to respond: item-rest'), html.indexOf('</svg>', html.indexOf('aria-label="Confidence to respond: item-rest')));
    const ticks = [...chart.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => Number(m[1]));
    const aidTicks = ticks.slice(ticks.lastIndexOf(1) + 1);
    expect(Math.min(...aidTicks)).toBeGreaterThan(0.4);
    expect(Math.max(...aidTicks)).toBeLessThan(0.8);
    expect(aroundAlpha(0.64, [0.538, 0.676])).toEqual([0.5, 0.7]);
    expect(aroundAlpha(0.93, [0.919, 0.925])).toEqual([0.9, 0.94]);
  });

  it("shows correlations with their intervals and each scale's response frequencies", () => {
    expect(html).toContain('<td>Perceived knowledge</td><td>Actual knowledge</td><td class="num" style="background: rgba(47, 109, 181, 0.113)">0.251 (782)</td><td class="num">[0.184, 0.316]</td>');
    expect(html).toContain('<h2>Response frequencies</h2>');
    expect(html).toContain('<table data-table="frequencies-perceived_knowledge">');
    expect(html).toContain('<td>pk1</td><td class="num">21.7% (n=170)</td>');
  });

  it('shows control characters and bidi overrides from labels as escapes', () => {
    const copy = sampleReport();
    copy.scales[0].label = 'Evil\u001b[2J\u0007\u0085\u202eabel\u2066';
    copy.scales[0].items[0].label = 'tab\there\u007f';
    const page = renderHtml(copy, 3);
    expect(page).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(page).toContain('Evil\\x1b[2J\\x07\\x85\\u202eabel\\u2066');
    expect(page).toContain('tab\\x09here\\x7f');
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
