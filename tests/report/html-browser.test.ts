/**
 * The HTML report in a real browser (headless Chromium): the charts are drawn (SVG shapes with
 * a real size, as many bars, dots and forest rows as the Report has figures), nothing is fetched
 * from anywhere, no error is logged, and a screenshot is saved to tests/artifacts/. Printed to
 * PDF (A4), no table is wider than the page (no column cut, no scrollbar) and pdftotext finds
 * every table's headings and cells; a heading is never the last thing on a page.
 */
import { execFileSync } from 'node:child_process';
import { humanTables } from '../../src/report/report-tables.js';
import { humanCell } from '../../src/report/format-cell.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../src/report/render-html.js';
import { sampleReport } from './sample-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!fs.existsSync(CHROMIUM))('HTML report in Chromium', () => {
  const report = sampleReport();
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-html-'));
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderHtml(report, 3));
    const documentUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (request.url() !== documentUrl) requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/*', (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
    await page.goto(documentUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Width and height of every element matching the selector, as laid out. */
  async function boxes(selector: string): Promise<{ width: number; height: number }[]> {
    return page.$$eval(selector, (elements) =>
      elements.map((element) => {
        const rect = element.getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      }),
    );
  }

  it('makes no request and logs no error', () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws the item bars and the alpha reference line of every scale', async () => {
    const items = report.scales.reduce((sum, s) => sum + s.items.length, 0);
    expect(await boxes('svg.item-chart')).toHaveLength(report.scales.length);
    for (const selector of ['svg.item-chart rect.bar-rest', 'svg.item-chart circle.dot-aid']) {
      const bars = await boxes(selector);
      expect(bars).toHaveLength(items);
      for (const bar of bars) {
        expect(bar.width).toBeGreaterThan(0);
        expect(bar.height).toBeGreaterThan(0);
      }
    }
    const lines = await boxes('svg.item-chart line.ref-alpha');
    expect(lines).toHaveLength(report.scales.length);
    for (const line of lines) expect(line.height).toBeGreaterThan(50);
  });

  it('draws a histogram of the scores of every scale', async () => {
    expect(await boxes('svg.histogram')).toHaveLength(report.scales.length);
    const bars = await boxes('svg.histogram rect.hist-bar');
    expect(bars).toHaveLength(report.scales.reduce((sum, s) => sum + s.score.histogram.filter((b) => b.count > 0).length, 0));
    for (const bar of bars) {
      expect(bar.width).toBeGreaterThan(0);
      expect(bar.height).toBeGreaterThan(0);
    }
  });

  it('draws a forest plot per prevalence measure with a row per group', async () => {
    expect(await boxes('svg.forest')).toHaveLength(new Set(report.prevalence.map((p) => p.id)).size);
    expect(await boxes('svg.forest g.forest-row')).toHaveLength(report.prevalence.length);
    const points = await boxes('svg.forest rect.forest-point');
    expect(points).toHaveLength(report.prevalence.filter((p) => p.proportion !== null).length);
    for (const point of points) expect(point.width).toBeGreaterThan(3);
    const intervals = await boxes('svg.forest line.forest-ci');
    expect(intervals).toHaveLength(report.prevalence.filter((p) => p.ci.lower !== null).length);
    for (const interval of intervals) expect(interval.width).toBeGreaterThan(0);
  });

  it('puts the charts beside their tables on a wide screen', async () => {
    const [chart, table] = await page.$$eval('#scale-1 .pair:first-of-type > *', (elements) =>
      elements.map((element) => {
        const rect = element.getBoundingClientRect();
        return { left: rect.left, right: rect.right, top: rect.top };
      }),
    );
    expect(table.left).toBeGreaterThanOrEqual(chart.right);
    expect(Math.abs(table.top - chart.top)).toBeLessThan(40);
  });

  it('prints every table whole: no column cut, every cell in the PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    // A4 less the page margins (12 mm each side) at 96 px per inch.
    const printWidth = Math.floor(((210 - 24) / 25.4) * 96);
    await page.setViewportSize({ width: printWidth, height: 1100 });
    const overflow = await page.$$eval(
      'table',
      (tables, limit) =>
        tables.flatMap((table) => {
          const wrap = table.parentElement;
          const right = table.getBoundingClientRect().right;
          const wider = wrap !== null && (table.scrollWidth > wrap.clientWidth + 1 || wrap.scrollWidth > wrap.clientWidth + 1);
          return wider || right > limit + 1 ? [`${table.getAttribute('data-table')}: ${table.scrollWidth} > ${wrap?.clientWidth}`] : [];
        }),
      printWidth,
    );
    expect(overflow).toEqual([]);
    const pdf = path.join(dir, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    // Every word lies on its page: a column cut at the page edge would end beyond it.
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
    const rights = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(rights.length).toBeGreaterThan(500);
    expect(Math.max(...rights)).toBeLessThanOrEqual(pageWidth - 20);
    // Every word of every heading and cell is printed, as often as the tables hold it.
    const printed = new Map<string, number>();
    for (const word of text.split(/\s+/)) printed.set(word, (printed.get(word) ?? 0) + 1);
    const wanted = new Map<string, number>();
    for (const table of humanTables(report).filter((t) => t.rows.length > 0 && t.family !== 'warnings')) {
      // The scores table is shown per scale, in the scale's section, without its scale column.
      const columns = table.columns.map((c, j) => [c, j] as const).filter(([c]) => c.group !== true && !(table.family === 'scores' && c.name === 'scale'));
      const words = [
        ...columns.map(([c]) => c.title),
        ...table.rows.flatMap((row) => columns.map(([c, j]) => humanCell(row[j], c, 3, '—'))),
      ].flatMap((t) => t.split(/\s+/).filter((w) => w !== '' && !w.endsWith('-')));
      for (const word of words) wanted.set(word, (wanted.get(word) ?? 0) + 1);
    }
    const missing = [...wanted].filter(([word, n]) => (printed.get(word) ?? 0) < n && ![...printed.keys()].some((p) => p.includes(word) && p !== word));
    expect(missing).toEqual([]);
    // Page breaks: no page ends with a heading (form feeds separate pdftotext's pages).
    for (const pageText of text.split('\f')) {
      const lines = pageText.trim().split('\n').filter((l) => l.trim() !== '');
      const last = lines.at(-1) ?? '';
      expect(['Items', 'Response frequencies', 'Correlations between scale scores', 'Prevalence']).not.toContain(last.trim());
    }
  }, 60_000);

  it('saves a screenshot', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'html-report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(50_000);
  }, 30_000);
});
