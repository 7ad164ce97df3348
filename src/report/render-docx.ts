/**
 * Word (`--format docx`): the report as a .docx document of real Word tables in APA style,
 * written with the `docx` package, which is loaded only when a document is asked for (other
 * formats start as fast as before).
 *
 * Each table as APA 7 lays it out: its number in bold ("Table 2"), its title in italics on the
 * line below, horizontal rules only (above the table, under the column headings, under the
 * last row), column headings centred with italic statistic symbols, row names left, figures
 * centred, and its notes under it in a paragraph that begins *Note.* Figures are the
 * APA style's (`apa-style.ts`): no leading zero for figures bounded by 1 (`.93`), `< .001`.
 * Rows of a group (one prevalence measure by group) sit under an italic heading row. A table
 * too wide for the page is split into parts of columns as in LaTeX (`latex/table-plan.ts`),
 * each repeating the row names; a table longer than a page repeats its heading row on each
 * page, and no row is split across pages. Warnings close the document.
 *
 * The document is Times New Roman 12 pt (tables 10 pt), on A4 with 1-inch margins.
 */
import type { Report } from './report.js';
import type { ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCell } from './format-cell.js';
import { reportMeta } from './report-meta.js';
import { headingSegments, type Segment } from './apa-style.js';
import { planTable, type TablePlan } from './latex/table-plan.js';

type Docx = typeof import('docx');

export const DOCX_NULL_MARK = '\u2014';
/** Half-points: 12 pt body, 10 pt tables. */
const BODY_SIZE = 24;
const TABLE_SIZE = 20;
const FONT = 'Times New Roman';
/** A4 less two 1-inch margins, in twips (1/20 pt). */
const TEXT_WIDTH = 11906 - 2 * 1440;
/**
 * The widest a part of a table may be, in em of its 10 pt type: the text block is 451 pt, and
 * the plan measures in Computer Modern, wider than Times New Roman.
 */
export const DOCX_PLANNED_WIDTH = 42;

/** The report as the bytes of a .docx file. */
export async function renderDocx(report: Report, digits: number): Promise<Buffer> {
  const docx = await import('docx');
  const meta = reportMeta(report);
  const children: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [
    new docx.Paragraph({ children: [new docx.TextRun({ text: clean(meta.title), bold: true })], alignment: docx.AlignmentType.CENTER, spacing: { after: 120 } }),
    new docx.Paragraph({ children: [new docx.TextRun({ text: clean([...meta.source, ...meta.settings].join('; ')), size: TABLE_SIZE })], spacing: { after: 240 } }),
  ];
  let number = 0;
  for (const table of humanTables(report)) {
    if (table.rows.length === 0) continue;
    if (table.family === 'warnings') {
      children.push(...warningParagraphs(docx, report));
      continue;
    }
    number++;
    children.push(...docxTable(docx, table, number, digits));
  }
  const document = new docx.Document({
    creator: `${report.tool.name} ${report.tool.version}`,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children,
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/** The cell texts of a table as the docx shows them (APA style), row by row, every column. */
export function docxTexts(table: ReportTable, digits: number): string[][] {
  return table.rows.map((row) => row.map((cell, j) => humanCell(cell, table.columns[j], digits, DOCX_NULL_MARK, 'apa')));
}

/** How a table is split into parts of columns in the docx (as in LaTeX). */
export function docxPlan(table: ReportTable, digits: number): TablePlan {
  return planTable(table, docxTexts(table, digits), 'apa', DOCX_PLANNED_WIDTH);
}

function docxTable(docx: Docx, table: ReportTable, number: number, digits: number): (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] {
  const texts = docxTexts(table, digits);
  const plan = planTable(table, texts, 'apa', DOCX_PLANNED_WIDTH);
  const out: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [
    new docx.Paragraph({ children: [new docx.TextRun({ text: clean(`Table ${number}`), bold: true })], keepNext: true, spacing: { before: 240 } }),
    new docx.Paragraph({ children: [new docx.TextRun({ text: clean(table.title), italics: true })], keepNext: true, spacing: { after: 120 } }),
  ];
  plan.parts.forEach((part, k) => {
    if (k > 0) out.push(new docx.Paragraph({ children: [], keepNext: true, spacing: { after: 0 } }));
    out.push(partTable(docx, table, texts, plan, part));
  });
  if (table.notes.length > 0) {
    out.push(
      new docx.Paragraph({
        children: [new docx.TextRun({ text: clean('Note.'), italics: true, size: TABLE_SIZE }), new docx.TextRun({ text: clean(` ${table.notes.join(' ')}`), size: TABLE_SIZE })],
        spacing: { before: 80, after: 240 },
      }),
    );
  }
  return out;
}

function partTable(docx: Docx, table: ReportTable, texts: string[][], plan: TablePlan, part: number[]): InstanceType<Docx['Table']> {
  const rule = { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: docx.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const paragraph = (runs: Segment[], alignment: (typeof docx.AlignmentType)[keyof typeof docx.AlignmentType]): InstanceType<Docx['Paragraph']> =>
    new docx.Paragraph({
      children: runs.map((run) => new docx.TextRun({ text: clean(run.text), italics: run.italic, size: TABLE_SIZE })),
      alignment,
      spacing: { before: 20, after: 20 },
    });
  const alignOf = (p: number): (typeof docx.AlignmentType)[keyof typeof docx.AlignmentType] => {
    const kind = table.columns[plan.columns[p].index].kind;
    return kind === 'text' ? docx.AlignmentType.LEFT : docx.AlignmentType.CENTER;
  };
  // Column widths in proportion to the plan's (widest cell or heading line, plus the gap), over the text block.
  const ems = part.map((p) => plan.columns[p].width + 1);
  const total = ems.reduce((sum, w) => sum + w, 0);
  const widths = ems.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cellWidth = (position: number) => ({ size: widths[position], type: docx.WidthType.DXA });
  const header = new docx.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: part.map(
      (p, position) =>
        new docx.TableCell({
          children: [paragraph(headingSegments(table.columns[plan.columns[p].index].title, 'apa'), position === 0 ? docx.AlignmentType.LEFT : docx.AlignmentType.CENTER)],
          borders: { bottom: rule },
          verticalAlign: docx.VerticalAlign.BOTTOM,
          width: cellWidth(position),
        }),
    ),
  });
  const rows = [header];
  texts.forEach((row, i) => {
    if (plan.groupAt >= 0 && (i === 0 || texts[i - 1][plan.groupAt] !== row[plan.groupAt])) {
      rows.push(
        new docx.TableRow({
          cantSplit: true,
          children: [new docx.TableCell({ columnSpan: part.length, children: [paragraph([{ text: row[plan.groupAt], italic: true }], docx.AlignmentType.LEFT)] })],
        }),
      );
    }
    rows.push(
      new docx.TableRow({
        cantSplit: true,
        children: part.map(
          (p, position) => new docx.TableCell({ children: [paragraph([{ text: row[plan.columns[p].index], italic: false }], alignOf(p))], width: cellWidth(position) }),
        ),
      }),
    );
  });
  return new docx.Table({
    rows,
    width: { size: TEXT_WIDTH, type: docx.WidthType.DXA },
    columnWidths: widths,
    borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
  });
}

/** Text XML can hold: control characters (a line break, a terminal escape) become spaces. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\ufffe\uffff]+/g, ' ');
}

function warningParagraphs(docx: Docx, report: Report): InstanceType<Docx['Paragraph']>[] {
  return [
    new docx.Paragraph({ children: [new docx.TextRun({ text: clean(`Warnings (${report.warnings.length})`), bold: true })], keepNext: true, spacing: { before: 240, after: 120 } }),
    ...report.warnings.map(
      (w) => new docx.Paragraph({ children: [new docx.TextRun({ text: clean(`\u2013 ${w.message} (${w.code})`), size: TABLE_SIZE })], spacing: { after: 60 } }),
    ),
  ];
}
