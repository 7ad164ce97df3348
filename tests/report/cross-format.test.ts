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
import type { Report } from '../../src/report/report.js';
import { escapeMarkdown } from '../../src/report/render-markdown.js';
import { escapeLatex } from '../../src/report/render-latex.js';

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
  // A table float ends at \end{table}; a longtable (in parts, each its own longtable) at its group's end.
  const from = latex.indexOf(`\\caption{${title}}`);
  expect(from, `caption "${title}" in output`).toBeGreaterThanOrEqual(0);
  const ends = ['\\end{table}', '\\endgroup'].map((end) => latex.indexOf(end, from)).filter((at) => at >= 0);
  const table = latex.slice(from, Math.min(...ends));
  const bodies = table.includes('\\endlastfoot')
    ? table.split('\\endlastfoot\n').slice(1).map((part) => part.slice(0, part.indexOf('\\end{longtable}')))
    : table.split('\\midrule\n').slice(1).map((part) => part.slice(0, part.indexOf('\\bottomrule')));
  const parts = bodies.map((body) =>
    body
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
        // csv and tsv carry full precision (--digits rounds only what people read): rounded, they give the same text.
        const rounded = (value: string | undefined): string => Number(value).toFixed(digits);
        report.scales.forEach((scale, s) => {
          const row = (statistic: string) => long.find((r) => r.table === 'reliability' && r.id === scale.id && r.statistic === statistic);
          expect(row('alpha')?.value).toBe(String(scale.alpha));
          expect(rounded(row('alpha')?.value)).toBe(expected[s].alpha);
          expect(row('alpha')?.method).toBe(scale.coefficient);
          expect(`[${rounded(row('ci_lower')?.value)}, ${rounded(row('ci_upper')?.value)}]`).toBe(expected[s].ci);
        });
        const file = outFiles(report, format, digits).find((f) => f.name === `reliability.${format}`);
        const wide = Papa.parse<Record<string, string>>(file?.content ?? '', { header: true, delimiter, skipEmptyLines: true }).data;
        wide.forEach((row, s) => {
          expect(Number(row.alpha)).toBe(report.scales[s].alpha);
          expect(`[${rounded(row.ci_lower)}, ${rounded(row.ci_upper)}]`).toBe(expected[s].ci);
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

    it('csv keeps the proportion and its interval as numbers in full precision, which round to the same text', () => {
      const rows = Papa.parse<Record<string, string>>(render(report, 'csv', { digits, color: false }), { header: true, skipEmptyLines: true }).data;
      const value = (statistic: string) =>
        rows.find((r) => r.table === 'prevalence' && r.id === 'lacks_questions_knowledge' && r.group_value === '' && r.statistic === statistic)?.value;
      expect(value('proportion')).toBe('0.868286445012788');
      expect(value('ci_lower')).toBe('0.842773347130041');
      expect(value('ci_upper')).toBe('0.89019892550164');
      expect(Number(value('proportion')).toFixed(digits)).toBe(p.proportion);
      expect(Number(value('ci_lower')).toFixed(digits)).toBe(p.lower);
      expect(Number(value('ci_upper')).toFixed(digits)).toBe(p.upper);
      expect(value('count')).toBe('679');
      expect(value('n')).toBe('782');
      // The percentage people read is the machine proportion with the point moved, rounded.
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

/** Every human format's text of the tables: markdown, LaTeX, HTML and docx rows of one table, by caption/heading. */
async function humanFormatRows(r: Report, digits: number, title: string, name: string): Promise<Record<string, string[][]>> {
  const { renderDocx } = await import('../../src/report/render-docx.js');
  const { docxBody, docxEntry } = await import('./docx-read.js');
  const body = docxBody(docxEntry(await renderDocx(r, digits), 'word/document.xml'));
  // docx: the tables after the paragraph holding its title (APA: number, then title in italics); a table too
  // wide is in parts that repeat the row names, joined back row by row.
  const at = body.findIndex((b) => b.type === 'paragraph' && b.text === title);
  const parts: string[][][] = [];
  for (const block of body.slice(at + 1)) {
    if (block.type === 'table') parts.push(block.rows.slice(1).map((row) => row.cells));
    else if (block.text !== '') break;
  }
  const docx = parts.length === 0 ? [] : parts[0].map((row, i) => [...row, ...parts.slice(1).flatMap((part) => part[i].slice(1))]);
  return {
    markdown: markdownRows(render(r, 'markdown', { digits, color: false }), escapeMarkdown(title)),
    latex: latexRows(render(r, 'latex', { digits, color: false }), escapeLatex(title)),
    html: htmlRows(render(r, 'html', { digits, color: false }), name).map((row) => row.map(unescapeHtml)),
    docx,
  };
}

describe('the new tables agree across formats, checked against the Report', () => {
  it('correlations: every pair with r (n) and its interval', async () => {
    const c = report.correlations;
    // r 0.250955635574463 (782) [0.184086651220145, 0.315512323710664]; 0.376805398400014 (780) [0.31493811308808, 0.435484137594533];
    // 0.141037462657689 (780) [0.0715481557487797, 0.20916430075886]
    const expected = [
      ['Perceived knowledge', 'Actual knowledge', '0.251 (782)', '[0.184, 0.316]'],
      ['Perceived knowledge', 'Confidence to respond', '0.377 (780)', '[0.315, 0.435]'],
      ['Actual knowledge', 'Confidence to respond', '0.141 (780)', '[0.072, 0.209]'],
    ];
    expect(c.ci[0][1]?.lower).toBe(0.184086651220145);
    const rows = await humanFormatRows(report, 3, 'Correlations between scale scores', 'correlations');
    for (const format of ['markdown', 'latex', 'html'] as const) expect(rows[format], format).toEqual(expected);
    // docx is APA: no leading zeros.
    expect(rows.docx).toEqual(expected.map((row) => row.map((cell) => cell.replace(/(^|[^\d.])0\.(?=\d)/g, '$1.'))));
  });

  it('response frequencies: count and share of every code, and the missing, per item', async () => {
    const scale = report.scales[0];
    const rows = await humanFormatRows(report, 3, `Response frequencies: ${scale.label} (${scale.id})`, `frequencies-${scale.id}`);
    // pk4: 153, 291, 191, 115, 15 of 782 rows read, 17 missing: 19.6%, 37.2%, 24.4%, 14.7%, 1.9%, 2.2%.
    const pk4 = scale.items[3];
    expect(pk4.frequencies.map((f) => f.count)).toEqual([153, 291, 191, 115, 15]);
    expect(pk4.missing).toBe(17);
    const expected = ['pk4', '19.6% (n=153)', '37.2% (n=291)', '24.4% (n=191)', '14.7% (n=115)', '1.9% (n=15)', '2.2% (n=17)'];
    for (const format of ['markdown', 'latex', 'html', 'docx'] as const) {
      expect(rows[format], format).toHaveLength(scale.items.length);
      expect(rows[format][3].map((cell) => cell.replace('\\%', '%')), format).toEqual(expected);
    }
  });

  it("items: the wording beside the item id, in a Wording column in every format people read but the terminal's", async () => {
    const scale = report.scales[0];
    // pk1 has its wording (itemLabels); the other items have none: an empty cell.
    expect(scale.items[0].label).toBe('I know what questions to ask to identify potential victims of trafficking');
    const rows = await humanFormatRows(report, 3, `Items: ${scale.label} (${scale.id})`, 'items-perceived_knowledge');
    for (const format of ['markdown', 'latex', 'html', 'docx'] as const) {
      expect(rows[format].map((row) => [row[0], row.at(-1)]), format).toEqual(scale.items.map((i) => [i.id, i.label ?? '']));
    }
    const text = render(report, 'table', { digits: 3, color: false });
    // The note wraps at word boundaries: the same words once the lines are joined.
    expect(text.replace(/\n {2}(?=\S)/g, ' ')).toContain(` Wording: pk1 "${scale.items[0].label}". Item-total r`);
    expect(text).not.toMatch(/ Wording\n/);
  });

  it('--digits 0 never shows a coefficient with fewer than 2 decimals, in any format people read', async () => {
    // alpha 0.930006265785065, CI [0.921904595076344, 0.937576741598803]; mean 2.318... rounds to 2.
    const rows = await humanFormatRows(report, 0, 'Reliability', 'reliability');
    for (const format of ['markdown', 'latex', 'html'] as const) {
      expect([rows[format][0][4], rows[format][0][5]], format).toEqual(['0.93', '[0.92, 0.94]']);
    }
    expect(rows.docx[0]).toEqual(expect.arrayContaining(['.93', '[.92, .94]']));
    const text = render(report, 'table', { digits: 0, color: false });
    expect(text).toContain("Cronbach's alpha 0.93, 95% CI [0.92, 0.94]");
    const items = await humanFormatRows(report, 0, `Items: ${report.scales[0].label} (${report.scales[0].id})`, 'items-perceived_knowledge');
    // pk1: mean 2.318, sd 0.988, item-total r 0.831, item-rest r 0.781, alpha if deleted 0.920, SMC 0.6148.
    for (const format of ['markdown', 'latex', 'html'] as const) expect(items[format][0].slice(2, 9), format).toEqual(['691', '2', '1', '0.83', '0.78', '0.92', '0.61']);
  });
});
