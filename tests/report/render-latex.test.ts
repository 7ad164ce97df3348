import { describe, expect, it } from 'vitest';
import { escapeLatex, renderLatex, renderLatexTable } from '../../src/report/render-latex.js';
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
  const latex = renderLatex(report, 3);

  it('is booktabs tabulars with every row as wide as its column spec and braces balanced', () => {
    const blocks = latex.split('\\begin{tabular}').slice(1);
    expect(blocks.length).toBe(humanTables(report).filter((t) => t.family !== 'warnings' && t.rows.length > 0).length);
    for (const block of blocks) {
      const body = block.slice(0, block.indexOf('\\end{tabular}'));
      const spec = /^{@{}([lcr]+)@{}}/.exec(body)?.[1] ?? '';
      expect(spec.length).toBeGreaterThan(0);
      expect(body).toContain('\\toprule');
      expect(body).toContain('\\midrule');
      expect(body).toContain('\\bottomrule');
      for (const line of body.split('\n').filter((l) => l.endsWith('\\\\'))) {
        expect(braceBalance(line), line).toBe(0);
        if (line.startsWith('\\multicolumn')) expect(line).toContain(`\\multicolumn{${spec.length}}`);
        else expect(cellSeparators(line), line).toBe(spec.length - 1);
      }
    }
  });

  it('escapes labels from the data', () => {
    expect(latex).toContain(
      'Know \\& tell: 100\\% \\{sure\\} \\#1 \\$5 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} {\\char34}q{\\char34} $<$x$>$ & Cronbach',
    );
    expect(latex).toContain('discipline: =HYPERLINK({\\char34}http://x{\\char34}) & --- & --- & 0/0 & --- \\\\');
  });

  it('typesets a minus sign in math mode and an undefined figure as an em dash', () => {
    expect(latex).toContain('3. Confidence to respond & $-$0.377 (780) & 0.141 (780) \\\\');
    expect(latex).toContain("discipline & Fisher's exact & --- & --- & 0.829 & 6 & 772 & 0.523 \\\\");
  });

  it('puts titles, notes and warnings in comments only', () => {
    for (const line of latex.split('\n')) {
      if (line.startsWith('%') || line === '') continue;
      expect(line).toMatch(/^(\\begin{tabular}{.*}|\\end{tabular}|\\toprule|\\midrule|\\bottomrule|\\addlinespace|.* \\\\)$/);
    }
    expect(latex).toContain('% Warnings (7)');
  });

  it('writes one table alone for --out', () => {
    const prevalence = humanTables(report).find((t) => t.name === 'prevalence');
    if (prevalence === undefined) throw new Error('no prevalence table');
    const one = renderLatexTable(prevalence, 3);
    expect(one.startsWith('% Prevalence\n')).toBe(true);
    expect(one.endsWith('\\end{tabular}\n')).toBe(true);
    expect(one).toContain('\\multicolumn{5}{@{}l}{\\textit{Previous contact with a patient known or suspected to have been trafficked}} \\\\');
  });
});
