/**
 * The formats never disagree: the same figure, rounded once by the shared formatter, reads the
 * same in the terminal table, markdown, LaTeX, HTML and CSV/TSV. Expected texts are rounded by
 * hand from the sample Report's raw values (given in the comments).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/render.js';
import { outFiles } from '../../src/report/write-out-dir.js';
import { sampleReport } from './sample-report.js';

const report = sampleReport();

// alpha: 0.930006265785065, 0.629654916813601, 0.639541494215031
// Feldt CI: [0.921904595076344, 0.937576741598803], [0.585928560245366, 0.670460587745193],
//           [0.597501347835554, 0.678566452384195]
const RELIABILITY = {
  3: [
    { label: 'Perceived knowledge', name: "Cronbach's alpha", alpha: '0.930', ci: '[0.922, 0.938]' },
    { label: 'Actual knowledge', name: 'KR-20', alpha: '0.630', ci: '[0.586, 0.670]' },
    { label: 'Confidence to respond', name: "Cronbach's alpha", alpha: '0.640', ci: '[0.598, 0.679]' },
  ],
  2: [
    { label: 'Perceived knowledge', name: "Cronbach's alpha", alpha: '0.93', ci: '[0.92, 0.94]' },
    { label: 'Actual knowledge', name: 'KR-20', alpha: '0.63', ci: '[0.59, 0.67]' },
    { label: 'Confidence to respond', name: "Cronbach's alpha", alpha: '0.64', ci: '[0.60, 0.68]' },
  ],
} as const;

// lacks_questions_knowledge overall: 679/782 = 0.868286445012788, Wilson [0.842773347130041, 0.89019892550164]
const PREVALENCE = {
  3: { cell: '86.8% (n=679)', ci: '[84.3, 89.0]', fraction: '679/782', proportion: '0.868', lower: '0.843', upper: '0.890' },
  2: { cell: '87% (n=679)', ci: '[84, 89]', fraction: '679/782', proportion: '0.87', lower: '0.84', upper: '0.89' },
} as const;

function section(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from, `"${start}" in output`).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from + start.length);
  return text.slice(from, to < 0 ? undefined : to);
}

function markdownRows(markdown: string, heading: string): string[][] {
  return section(markdown, `## ${heading}\n`, '\n## ')
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));
}

/** The body rows of a LaTeX table; a table split into parts of columns is joined back, row by row (the first column is repeated). */
function latexRows(latex: string, title: string): string[][] {
  const table = section(latex, `\\caption{${title}}`, '\\end{table}');
  const parts = table.split('\\midrule\n').slice(1).map((part) =>
    part
      .slice(0, part.indexOf('\\bottomrule'))
      .split('\n')
      .filter((line) => line.endsWith(' \\\\') && !line.startsWith('\\multicolumn'))
      .map((line) => line.slice(0, -3).split(' & ')),
  );
  return parts[0].map((row, i) => [...row, ...parts.slice(1).flatMap((part) => part[i].slice(1))]);
}

function htmlRows(html: string, name: string): string[][] {
  const table = section(html, `<table data-table="${name}">`, '</table>');
  const body = section(table, '<tbody>', '</tbody>');
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]));
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

for (const digits of [3, 2] as const) {
  describe(`reliability figures agree across formats (digits ${digits})`, () => {
    const expected = RELIABILITY[digits];

    it('table: the summary line of each scale', () => {
      const text = render(report, 'table', { digits, color: false });
      for (const scale of expected) {
        expect(section(text, `${scale.label} (`, '\n\n')).toContain(`  ${scale.name} ${scale.alpha}, 95% CI ${scale.ci}\n`);
      }
    });

    it('markdown, latex and html: the reliability table', () => {
      const md = markdownRows(render(report, 'markdown', { digits, color: false }), 'Reliability');
      const tex = latexRows(render(report, 'latex', { digits, color: false }), 'Reliability');
      const html = htmlRows(render(report, 'html', { digits, color: false }), 'reliability').map((row) => row.map(unescapeHtml));
      for (const rows of [md, tex, html]) {
        expect(rows).toHaveLength(3);
        rows.forEach((row, s) => {
          expect(row[0]).toBe(expected[s].label);
          expect(row[1]).toBe(expected[s].name);
          expect(row[4]).toBe(expected[s].alpha);
          expect(row[5]).toBe(expected[s].ci);
        });
      }
    });

    it('html: the reliability cards and the scale sections', () => {
      const html = unescapeHtml(render(report, 'html', { digits, color: false }));
      for (const scale of expected) {
        expect(html).toContain(`<div class="value">${scale.alpha}<small>${scale.name}</small></div>`);
        expect(html).toContain(`<dt>${scale.name}</dt><dd>${scale.alpha}</dd>`);
      }
    });

    it('csv and tsv on stdout (long) and per table (--out)', () => {
      for (const [format, delimiter] of [['csv', ','], ['tsv', '\t']] as const) {
        const long = Papa.parse<Record<string, string>>(render(report, format, { digits, color: false }), { header: true, delimiter, skipEmptyLines: true }).data;
        report.scales.forEach((scale, s) => {
          const row = (statistic: string) => long.find((r) => r.table === 'reliability' && r.id === scale.id && r.statistic === statistic);
          expect(row('alpha')?.value).toBe(expected[s].alpha);
          expect(row('alpha')?.method).toBe(scale.coefficient);
          expect(`[${row('ci_lower')?.value}, ${row('ci_upper')?.value}]`).toBe(expected[s].ci);
        });
        const file = outFiles(report, format, digits).find((f) => f.name === `reliability.${format}`);
        const wide = Papa.parse<Record<string, string>>(file?.content ?? '', { header: true, delimiter, skipEmptyLines: true }).data;
        wide.forEach((row, s) => {
          expect(row.alpha).toBe(expected[s].alpha);
          expect(`[${row.ci_lower}, ${row.ci_upper}]`).toBe(expected[s].ci);
        });
      }
    });

    it('--out table, markdown, latex and html files show the same figures', () => {
      const txt = outFiles(report, 'table', digits).find((f) => f.name === 'reliability.txt')?.content ?? '';
      const md = outFiles(report, 'markdown', digits).find((f) => f.name === 'reliability.md')?.content ?? '';
      const tex = outFiles(report, 'latex', digits).find((f) => f.name === 'reliability.tex')?.content ?? '';
      const html = unescapeHtml(outFiles(report, 'html', digits).find((f) => f.name === 'reliability.html')?.content ?? '');
      for (const scale of expected) {
        const line = txt.split('\n').find((l) => l.startsWith(`  ${scale.label} `)) ?? '';
        expect(line.split(/ {2,}/).slice(1)).toEqual(expect.arrayContaining([scale.name, scale.alpha, scale.ci]));
        expect(md).toContain(`| ${scale.label} | ${scale.name} |`);
        expect(md).toContain(`| ${scale.alpha} | ${scale.ci} |`);
        const texRow = latexRows(tex, 'Reliability').find((row) => row[0] === scale.label) ?? [];
        expect([texRow[1], texRow[4], texRow[5]]).toEqual([scale.name, scale.alpha, scale.ci]);
        expect(html).toContain(`<td class="num">${scale.alpha}</td><td class="num">${scale.ci}</td>`);
      }
    });
  });

  describe(`prevalence agrees across formats (digits ${digits})`, () => {
    const p = PREVALENCE[digits];
    const paper = `${p.cell}`;

    it('table, markdown, latex and html show proportion, count, interval and denominator', () => {
      const table = section(render(report, 'table', { digits, color: false }), 'Lacks knowledge of what questions', '\n  discipline');
      expect(table).toMatch(new RegExp(`Overall +${paper.replace(/[()]/g, '\\$&')} +\\${p.ci.replace(']', '\\]')} +${p.fraction} `));
      const md = render(report, 'markdown', { digits, color: false });
      expect(md).toContain(`| Lacks knowledge of what questions to ask to identify potential victims | Overall | ${paper} | ${p.ci} | ${p.fraction} |`);
      const tex = render(report, 'latex', { digits, color: false });
      expect(tex).toContain(`Overall & ${paper.replace('%', '\\%')} & ${p.ci} & ${p.fraction} &`);
      const html = render(report, 'html', { digits, color: false });
      expect(html).toContain(`<td>Overall</td><td class="num">${paper}</td><td class="num">${p.ci}</td><td class="num">${p.fraction}</td>`);
    });

    it('csv keeps the proportion and its interval as numbers with the same rounding', () => {
      const rows = Papa.parse<Record<string, string>>(render(report, 'csv', { digits, color: false }), { header: true, skipEmptyLines: true }).data;
      const value = (statistic: string) =>
        rows.find((r) => r.table === 'prevalence' && r.id === 'lacks_questions_knowledge' && r.group_value === '' && r.statistic === statistic)?.value;
      expect(value('proportion')).toBe(p.proportion);
      expect(value('ci_lower')).toBe(p.lower);
      expect(value('ci_upper')).toBe(p.upper);
      expect(value('count')).toBe('679');
      expect(value('n')).toBe('782');
      // The percentage people read is the machine proportion with the point moved.
      expect(Number(p.cell.split('%')[0]) / 100).toBeCloseTo(Number(p.proportion), 12);
    });
  });
}

describe('--style apa: the same figures without leading zeros in markdown, latex, html and docx', () => {
  const apa = (text: string): string => text.replace(/(^|[^\d.])0\.(?=\d)/g, '$1.');
  for (const digits of [3, 2] as const) {
    it(`reliability (digits ${digits})`, async () => {
      const expected = RELIABILITY[digits].map((s) => ({ ...s, alpha: apa(s.alpha), ci: apa(s.ci) }));
      expect(expected[0].alpha).toBe(digits === 3 ? '.930' : '.93');
      const md = markdownRows(render(report, 'markdown', { digits, color: false, style: 'apa' }), 'Reliability');
      const tex = latexRows(render(report, 'latex', { digits, color: false, style: 'apa' }), 'Reliability');
      const html = htmlRows(render(report, 'html', { digits, color: false, style: 'apa' }), 'reliability').map((row) => row.map(unescapeHtml));
      const { renderDocx } = await import('../../src/report/render-docx.js');
      const { docxBody, docxEntry } = await import('./docx-read.js');
      const body = docxBody(docxEntry(await renderDocx(report, digits), 'word/document.xml'));
      const docx = body.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells) : []));
      for (const rows of [md, tex, html]) {
        expect(rows).toHaveLength(3);
        rows.forEach((row, s) => expect([row[0], row[1], row[4], row[5]]).toEqual([expected[s].label, expected[s].name, expected[s].alpha, expected[s].ci]));
      }
      for (const scale of expected) {
        expect(docx.some((r) => r[0] === scale.label && r.includes(scale.name) && r.includes(scale.alpha))).toBe(true);
        expect(docx.some((r) => r[0] === scale.label && r.includes(scale.ci))).toBe(true);
      }
    });
  }
});
