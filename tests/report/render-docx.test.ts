/**
 * The docx read back: its ZIP entries (sizes and CRCs checked), word/document.xml's body in
 * order. Every table is there with its number (bold), title (italic), APA rules (above, under
 * the headings, under the last row; no vertical or inner rules), headings with italic
 * symbols, every cell as the shared formatter writes it in the APA style, and its notes under
 * it. Figures are also checked against the Report's raw values, rounded here by hand.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx, docxPlan, docxTexts } from '../../src/report/render-docx.js';
import { renderOutput } from '../../src/report/render.js';
import { humanTables } from '../../src/report/report-tables.js';
import { headingSegments } from '../../src/report/apa-style.js';
import type { Report } from '../../src/report/report.js';
import { docxBody, docxEntry, entryNames, type DocxBlock } from './docx-read.js';
import { sampleReport } from './sample-report.js';

type TableBlock = Extract<DocxBlock, { type: 'table' }>;

async function read(report: Report, digits = 3): Promise<{ bytes: Buffer; body: DocxBlock[]; xml: string }> {
  const bytes = await renderDocx(report, digits);
  const xml = docxEntry(bytes, 'word/document.xml');
  return { bytes, body: docxBody(xml), xml };
}

/** Each table's blocks: its number, title, parts and note, found by its "Table k" paragraph. */
function tableBlocks(body: DocxBlock[], k: number): { title: DocxBlock; parts: TableBlock[]; note: DocxBlock | undefined; number: DocxBlock } {
  const at = body.findIndex((b) => b.type === 'paragraph' && b.text === `Table ${k}`);
  expect(at, `Table ${k}`).toBeGreaterThanOrEqual(0);
  const parts: TableBlock[] = [];
  let i = at + 2;
  for (; i < body.length; i++) {
    const block = body[i];
    if (block.type === 'table') parts.push(block);
    else if (block.text !== '') break;
  }
  const next = body[i];
  return { number: body[at], title: body[at + 1], parts, note: next?.type === 'paragraph' && next.text.startsWith('Note.') ? next : undefined };
}

describe('renderDocx', () => {
  const report = sampleReport();
  report.correlations.r[2][0] = -0.377;
  report.correlations.r[0][2] = -0.377;
  report.groupComparisons[0].pValue = 2e-9;
  report.scales[0].label = 'Know & tell <x> "q"\u0007';

  it('is a Word document: the parts Word needs, valid XML text', async () => {
    const { bytes, xml } = await read(report);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(entryNames(bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toMatch(/Know &amp; tell &lt;x&gt; (&quot;|")q(&quot;|") /);
    const out = await renderOutput(report, 'docx', { digits: 3, color: false });
    expect(Buffer.isBuffer(out)).toBe(true);
  });

  it('holds every table: number, title, APA rules, headings, every cell and the notes', async () => {
    const { body } = await read(report);
    const tables = humanTables(report).filter((t) => t.rows.length > 0 && t.family !== 'warnings');
    tables.forEach((table, t) => {
      const { number, title, parts, note } = tableBlocks(body, t + 1);
      expect(number.type === 'paragraph' && number.runs.every((r) => r.bold)).toBe(true);
      expect(title.type === 'paragraph' && title.text === table.title.replace(/\u0007/g, ' ') && title.runs.every((r) => r.italic)).toBe(true);
      const plan = docxPlan(table, 3);
      // A control character (the label's BEL) is a space in the document.
      const texts = docxTexts(table, 3).map((row) => row.map((text) => text.replace(/\u0007/g, ' ')));
      expect(parts).toHaveLength(plan.parts.length);
      parts.forEach((block, k) => {
        const part = plan.parts[k];
        const columns = part.map((p) => table.columns[plan.columns[p].index]);
        // Rules: above and below the table, none between columns or rows; one under the headings.
        const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(block.xml)?.[1] ?? '';
        expect(borders).toMatch(/<w:top w:val="single"/);
        expect(borders).toMatch(/<w:bottom w:val="single"/);
        for (const side of ['left', 'right', 'insideH', 'insideV']) expect(borders).toMatch(new RegExp(`<w:${side} w:val="(none|nil)"`));
        const [header, ...rows] = block.rows;
        expect(header.header).toBe(true);
        expect(header.cells).toEqual(columns.map((c) => headingSegments(c.title, 'apa').map((s) => s.text).join('')));
        header.runs.forEach((cell, j) => {
          const italic = headingSegments(columns[j].title, 'apa').filter((s) => s.italic).map((s) => s.text);
          expect(cell.filter((r) => r.italic).map((r) => r.text)).toEqual(italic);
        });
        const expected: string[][] = [];
        texts.forEach((row, i) => {
          if (plan.groupAt >= 0 && (i === 0 || texts[i - 1][plan.groupAt] !== row[plan.groupAt])) expected.push([row[plan.groupAt]]);
          expected.push(part.map((p) => row[plan.columns[p].index]));
        });
        expect(rows.map((r) => r.cells)).toEqual(expected);
      });
      if (table.notes.length > 0) {
        expect(note?.type === 'paragraph' && note.runs[0].italic && note.runs[0].text === 'Note.').toBe(true);
        expect(note?.type === 'paragraph' ? note.text : '').toBe(`Note. ${table.notes.join(' ')}`);
      } else expect(note).toBeUndefined();
    });
    const warnings = body.findIndex((b) => b.type === 'paragraph' && b.text === 'Warnings (7)');
    expect(warnings).toBeGreaterThan(0);
  });

  it('writes figures in APA style, checked against the Report by hand', async () => {
    const { body } = await read(report);
    const cells = body.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells) : []));
    const row = (first: string, has: string): string[] => cells.find((r) => r[0] === first && r.includes(has)) ?? [];
    // alpha 0.930006265785065, Feldt [0.921904595076344, 0.937576741598803]
    const apa = (x: number): string => x.toFixed(3).replace(/^(-?)0\./, '$1.');
    report.scales.forEach((scale) => {
      const name = scale.coefficient === 'kr20' ? 'KR-20' : "Cronbach's alpha";
      expect(row(scale.label.replace('\u0007', ' '), name)).toContain(apa(scale.alpha ?? NaN));
      expect(cells.some((r) => r[0] === scale.label.replace('\u0007', ' ') && r.includes(`[${apa(scale.alphaCI.lower ?? NaN)}, ${apa(scale.alphaCI.upper ?? NaN)}]`))).toBe(true);
    });
    expect(apa(0.930006265785065)).toBe('.930');
    // r = -0.377 (n 780), item means keep their leading zero where below 1 (an SD of 0.988).
    expect(cells.some((r) => r.includes('-.377 (780)'))).toBe(true);
    expect(cells.some((r) => r[0] === 'pk1' && r.includes('0.988') && r.includes('.831'))).toBe(true);
    // p = 2e-9 rounds to zero: "< .001"; percentages as they are.
    expect(cells.some((r) => r.includes('< .001'))).toBe(true);
    expect(cells.some((r) => r[0] === 'Overall' && r.includes('86.8% (n=679)') && r.includes('[84.3, 89.0]') && r.includes('679/782'))).toBe(true);
  });
});
