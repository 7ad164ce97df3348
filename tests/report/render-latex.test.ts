import { describe, expect, it } from 'vitest';
import { escapeLatex, latexLabel, renderLatex, renderLatexTable } from '../../src/report/render-latex.js';
import { humanCell } from '../../src/report/format-cell.js';
import { partWidth, planTable, PLANNED_WIDTH } from '../../src/report/latex/table-plan.js';
import { breakLines, textWidth } from '../../src/report/latex/text-width.js';
import { humanTables } from '../../src/report/report-tables.js';
import { sampleReport } from './sample-report.js';

/** The `&` that separate cells: not the escaped `\&`. */
function cellSeparators(line: string): number {
  return (line.replace(/\\&/g, '').match(/&/g) ?? []).length;
}

/** `{` minus `}` outside `\{` and `\}`: 0 for a balanced line. */
function braceBalance(line: string): number {
  const bare = line.replace(/\\[{}]/g, '');
  return (bare.match(/{/g) ?? []).length - (bare.match(/}/g) ?? []).length;
}

describe('escapeLatex', () => {
  it('escapes the ten special characters', () => {
    expect(escapeLatex('\\ { } $ & % # _ ~ ^')).toBe(
      '\\textbackslash{} \\{ \\} \\$ \\& \\% \\# \\_ \\textasciitilde{} \\textasciicircum{}',
    );
  });
  it('writes characters OT1 would misprint, and dashes, safely', () => {
    expect(escapeLatex('a<b>c|d"e')).toBe('a$<$b$>$c$|$d{\\char34}e');
    expect(escapeLatex('x \u2014 y \u2013 z')).toBe('x --- y -- z');
  });
  it('turns control characters and line breaks into spaces', () => {
    expect(escapeLatex('a\nb\r\nc\u001b[31md')).toBe('a b c [31md');
  });
  it('leaves ordinary text alone', () => {
    expect(escapeLatex("Cronbach's alpha, 95.3% (n=746)")).toBe("Cronbach's alpha, 95.3\\% (n=746)");
  });
});

describe('renderLatex', () => {
  const report = sampleReport();
  report.scales[0].label = 'Know & tell: 100% {sure} #1 $5 a_b ~ ^ \\ "q" <x>';
  report.correlations.r[2][0] = -0.377;
  report.correlations.r[0][2] = -0.377;
  const latex = renderLatex(report, 3);
  const shown = humanTables(report).filter((t) => t.family !== 'warnings' && t.rows.length > 0);

  it('is one captioned, labelled table per table, booktabs rules, rows as wide as their column spec, braces balanced', () => {
    for (const table of shown) {
      expect(latex).toContain(`\\caption{${escapeLatex(table.title)}}\\label{${latexLabel(table)}}`);
    }
    const blocks = latex.split(/\\begin\{(?:tabular\*\}\{\\linewidth\}|longtable\})/).slice(1);
    expect(blocks.length).toBeGreaterThanOrEqual(shown.length);
    for (const block of blocks) {
      const body = block.slice(0, block.search(/\\end\{(tabular\*|longtable)\}/));
      const spec = /^\{@\{\\extracolsep\{\\fill\}\}(.*)@\{\}\}\n/.exec(body)?.[1] ?? '';
      const columns = (spec.replace(/>\{\\raggedright\\arraybackslash\}/g, '').match(/p\{[\d.]+em\}|[lcr]/g) ?? []).length;
      expect(columns, spec).toBeGreaterThan(0);
      for (const rule of ['\\toprule', '\\midrule', '\\bottomrule']) expect(body).toContain(rule);
      for (const line of body.split('\n').filter((l) => l.endsWith('\\\\') && !l.startsWith('\\caption'))) {
        expect(braceBalance(line), line).toBe(0);
        if (line.startsWith('\\multicolumn')) expect(line).toContain(`\\multicolumn{${columns}}`);
        else expect(cellSeparators(line.replace(/\\begin\{tabular\}.*?\\end\{tabular\}/g, 'H')), line).toBe(columns - 1);
      }
    }
  });

  it('escapes labels from the data', () => {
    expect(latex).toContain(
      'Know \\& tell: 100\\% \\{sure\\} \\#1 \\$5 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} {\\char34}q{\\char34} $<$x$>$ & Cronbach',
    );
    expect(latex).toContain('discipline: =HYPERLINK({\\char34}http://x{\\char34}) & --- & --- & 0/0');
  });

  it('typesets a minus sign in math mode and an undefined figure as an em dash', () => {
    expect(latex).toContain(' & Confidence to respond & $-$0.377 (780) & [0.315, 0.435] \\\\');
    expect(latex).toMatch(/discipline & Fisher's exact & --- & --- & 0\.829 & 6 & 772 & 0\.523 \\\\/);
  });

  it('puts each table\'s notes under it in a Note. paragraph, not in comments', () => {
    const reliability = shown.find((t) => t.name === 'reliability');
    if (reliability === undefined) throw new Error('no reliability table');
    const block = latex.slice(latex.indexOf('\\caption{Reliability}'), latex.indexOf('\\end{table}', latex.indexOf('\\caption{Reliability}')));
    expect(block).toContain(`\\textit{Note.} ${reliability.notes.map(escapeLatex).join(' ')}`);
    for (const line of latex.split('\n').filter((l) => l.startsWith('%'))) {
      for (const note of reliability.notes) expect(line).not.toContain(note);
    }
    expect(latex).toContain('% Warnings (7)');
  });

  it('writes one table alone for --out, long tables as a longtable with their note in the last foot', () => {
    const prevalence = humanTables(report).find((t) => t.name === 'prevalence');
    if (prevalence === undefined) throw new Error('no prevalence table');
    const one = renderLatexTable(prevalence, 3);
    expect(one.startsWith('% Prevalence\n')).toBe(true);
    expect(one).toContain('\\begin{longtable}');
    expect(one).toContain('\\caption[]{Prevalence (continued)}\\\\');
    expect(one).toMatch(/\\endfoot\n\\bottomrule\n\\multicolumn\{\d\}\{@\{\}l@\{\}\}\{.*\\textit\{Note\.\} Prevalence: /);
    expect(one).toContain('\\textit{Previous contact with a patient known or suspected to have been trafficked}');
    expect(one.endsWith('\\endgroup\n')).toBe(true);
  });

  it('in the APA style drops the leading zero of bounded figures and italicizes heading symbols', () => {
    const apa = renderLatex(report, 3, 'apa');
    expect(apa).toContain(' & Confidence to respond & $-$.377 (780) & [.315, .435] \\\\');
    expect(apa).toContain('$<$x$>$ & Cronbach\'s alpha & 9 & 691 & .930 \\\\');
    expect(apa).toContain('$<$x$>$ & [.922, .938] & .931 &');
    expect(apa).toContain('pk1 &  & 691 & 2.318 & 0.988 & .831 & .781 & .920 & .615 \\\\');
    expect(apa).toContain('\\textit{M} & \\textit{SD}');
    expect(apa).toContain("discipline & Fisher's exact & --- & --- & .829 & 6 & 772 & 0.523 \\\\");
  });
});

describe('planTable', () => {
  it('splits a table wider than the planned width into parts that each repeat the first column', () => {
    const report = sampleReport();
    const reliability = humanTables(report).find((t) => t.name === 'reliability');
    if (reliability === undefined) throw new Error('no reliability table');
    const texts = reliability.rows.map((row) => row.map((cell, j) => humanCell(cell, reliability.columns[j], 3, '\u2014')));
    const plan = planTable(reliability, texts, 'default');
    expect(plan.parts.length).toBeGreaterThan(1);
    for (const part of plan.parts) {
      expect(part[0]).toBe(0);
      expect(partWidth(part.map((p) => plan.columns[p].width))).toBeLessThanOrEqual(PLANNED_WIDTH);
    }
    expect(plan.parts.flatMap((part) => part.slice(1)).sort((a, b) => a - b)).toEqual(plan.columns.map((_, k) => k).slice(1));
  });

  it('measures text in Computer Modern widths', () => {
    expect(textWidth('0.930')).toBeCloseTo(2.278, 3);
    expect(textWidth('-0.377', true)).toBeCloseTo(0.778 + 2.278, 3);
    expect(breakLines('Alpha if deleted', 4.5)).toEqual(['Alpha if', 'deleted']);
  });
});
