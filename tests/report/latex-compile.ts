/**
 * Compiling LaTeX output as a reader would: the README's preamble around `\input{report}`,
 * pdflatex run until the longtables settle, then the PDF's text (pdftotext, in content
 * order) to find every row in. Used by render-latex-pdflatex.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** The README's preamble. */
export const PREAMBLE = [
  '\\documentclass{article}',
  '\\usepackage[T1]{fontenc}',
  '\\usepackage{lmodern}',
  '\\usepackage{booktabs,longtable,array}',
  '\\usepackage{caption}',
].join('\n');

/** The packages the output needs, and nothing else: OT1 Computer Modern. */
export const MINIMAL_PREAMBLE = ['\\documentclass{article}', '\\usepackage{booktabs,longtable,array}'].join('\n');

export interface Compiled {
  /** The log of the last pdflatex run. */
  log: string;
  /** The PDF's text in content order (`pdftotext -raw`). */
  text: string;
  pages: number;
}

/** Compiles `body` (the output of renderLatex) in a document with `preamble`. */
export function compileLatex(body: string, preamble = PREAMBLE): Compiled {
  const dir = mkdtempSync(join(tmpdir(), 'latex-'));
  try {
    writeFileSync(join(dir, 'report.tex'), body);
    writeFileSync(join(dir, 'main.tex'), `${preamble}\n\\begin{document}\n\\input{report}\n\\end{document}\n`);
    let log = '';
    // longtable settles its column widths over runs ("Rerun LaTeX"); three always suffice here.
    for (let run = 0; run < 4; run++) {
      const result = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'], { cwd: dir, encoding: 'utf8' });
      log = readFileSync(join(dir, 'main.log'), 'latin1');
      if (result.status !== 0) throw new Error(`pdflatex failed:\n${log.slice(-3000)}`);
      if (!/Rerun LaTeX|Table widths have changed/.test(log)) break;
    }
    const text = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', 'main.pdf', '-'], { cwd: dir, encoding: 'utf8' }).stdout;
    const info = spawnSync('pdfinfo', ['main.pdf'], { cwd: dir, encoding: 'utf8' }).stdout;
    return { log, text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The warnings of a log that mean something does not fit: overfull boxes, floats too large. */
export function fitWarnings(log: string): string[] {
  return log.split('\n').filter((line) => /^Overfull \\[hv]box|Float too large|Rerun LaTeX|Table widths have changed/.test(line));
}

/**
 * Text compared as the PDF shows it: no white space (lines wrap), no hyphens (a word may be
 * hyphenated at a line end; `$-$` is U+2212), no underscores (OT1 draws `\\_` as a rule),
 * typographic quotes and dashes as ASCII.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[-\u2212\u2010_]/g, '')
    .replace(/\s+/g, '');
}
