import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { usageError } from '../errors.js';
import type { Codebook } from './codebook.js';
import { pathText, validateCodebook } from './validate-codebook.js';
import { builtinProtectCodebook } from './builtin-protect.js';

export interface CodebookProblem {
  file: string;
  line: number | null;
  path: string;
  message: string;
}

/** `file:line: path: message`, the form every codebook problem is printed in. */
export function formatProblem(problem: CodebookProblem): string {
  const at = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return problem.path ? `${at}: ${problem.path}: ${problem.message}` : `${at}: ${problem.message}`;
}

/**
 * Parse a codebook text (YAML, or JSON, which YAML 1.2 reads too) and validate it. Every
 * problem comes back with the line it is on and its path inside the codebook.
 */
export function parseCodebook(text: string, file: string): { codebook: Codebook | null; problems: CodebookProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      codebook: null,
      problems: doc.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: `syntax error: ${firstLine(error.message)}`,
      })),
    };
  }
  const { codebook, problems } = validateCodebook(doc.toJS(), basename(file));
  return {
    codebook,
    problems: problems.map((problem) => {
      const node = doc.getIn(problem.path, true);
      const range = isNode(node) ? node.range : null;
      const fallback = problem.path.length > 0 ? doc.getIn(problem.path.slice(0, -1), true) : null;
      const at = range ?? (isNode(fallback) ? fallback.range : null);
      return { file, line: at ? lineCounter.linePos(at[0]).line : null, path: pathText(problem.path), message: problem.message };
    }),
  };
}

/** Load and validate a codebook file, or throw a usage error (exit 2) listing every problem. */
export function loadCodebook(file: string): Codebook {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw usageError(why, { file }, 'the codebook is given with --codebook <file.json|file.yaml>');
  }
  const { codebook, problems } = parseCodebook(text, file);
  if (!codebook) throw codebookError(problems);
  return codebook;
}

export function codebookError(problems: CodebookProblem[]) {
  const shown = problems.slice(0, 20).map(formatProblem);
  if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more (survey-analyze codebook check lists them all)`);
  return usageError(`the codebook has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  ${shown.join('\n  ')}`);
}

/** The built-in codebook of the NHS human-trafficking survey, validated like any other. */
export function builtinCodebook(): Codebook {
  const { codebook, problems } = validateCodebook(builtinProtectCodebook, 'built-in');
  if (!codebook) throw codebookError(problems.map((p) => ({ file: 'built-in codebook', line: null, path: pathText(p.path), message: p.message })));
  return codebook;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
