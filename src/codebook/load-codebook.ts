import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import { fileProblem, usageError } from '../errors.js';
import { shortText } from '../quote-value.js';
import { countLineBreaks, firstInvalidUtf8 } from '../read/text-decoding.js';
import type { Codebook } from './codebook.js';
import { pathText, validateCodebook } from './validate-codebook.js';

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
    // The parser runs out of stack on lists and mappings nested a thousand deep: one problem of
    // its own, at the line where it happened, instead of V8's words once per nesting level.
    const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(error.message));
    const errors = exhausted ? [exhausted] : doc.errors;
    return {
      codebook: null,
      problems: errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: error === exhausted ? tooDeep() : `syntax error: ${firstLine(error.message)}`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { codebook: null, problems: [{ file, line: 1, path: '', message: tooDeep() }] };
    }
    // An alias without its anchor (`*x`), or aliases expanding without bound.
    return { codebook: null, problems: [{ file, line: firstAliasLine(doc, lineCounter), path: '', message: `syntax error: ${firstLine((error as Error).message)}` }] };
  }
  const deep = deepestPath(value, MAX_DEPTH);
  if (deep !== null) {
    const node = doc.getIn(deep, true);
    const line = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : null;
    return { codebook: null, problems: [{ file, line, path: pathText(deep), message: tooDeep() }] };
  }
  const { codebook, problems } = validateCodebook(value, basename(file));
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

/**
 * The text of a codebook file, decoded as strict UTF-8 (JSON and YAML files are UTF-8; a
 * stray byte would otherwise become U+FFFD and a label that matches nothing). A file that
 * cannot be read, is empty or is not UTF-8 is a usage error (exit 2) naming the file.
 */
export function readCodebookText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw usageError(fileProblem(error, 'a codebook file'), { file }, 'the codebook is given with --codebook <file.json|file.yaml>');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usageError('the codebook is not valid UTF-8 text', { file, line: 1 + countLineBreaks(bytes, firstInvalidUtf8(bytes)) }, 'save it as UTF-8 (JSON and YAML files are UTF-8)');
  }
  // trim() also drops a byte-order mark (U+FEFF).
  if (text.trim() === '') throw usageError('the codebook file is empty', { file });
  return text;
}

/** Load and validate a codebook file, or throw a usage error (exit 2) listing every problem. */
export function loadCodebook(file: string): Codebook {
  const { codebook, problems } = parseCodebook(readCodebookText(file), file);
  if (!codebook) throw codebookError(problems);
  return codebook;
}

/**
 * The usage error (exit 2) for a codebook's problems: one problem is one line in the form of
 * every error (`file:line: path: message`); several are listed under a line naming the file,
 * at most 20 of them.
 */
export function codebookError(problems: CodebookProblem[]) {
  if (problems.length === 1) {
    const [p] = problems;
    return usageError(p.message, { file: p.file, line: p.line ?? undefined, path: p.path || undefined });
  }
  const shown = problems.slice(0, 20).map(formatProblem);
  if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more (survey-analyze codebook check lists them all)`);
  return usageError(`the codebook has ${problems.length} problems:\n  ${shown.join('\n  ')}`, { file: problems[0].file });
}

/** The line of the document's first alias (`*name`), where a failed alias expansion is shown. */
function firstAliasLine(doc: Document, lineCounter: LineCounter): number | null {
  let line: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** A parser's message: its first line, escaped and cut (a message may quote the codebook's text). */
function firstLine(message: string): string {
  return shortText(message.split('\n')[0], 200);
}

/**
 * How deep lists and mappings may nest in a codebook. The deepest a valid one needs is 4
 * (`scales[0].responses.label`, `include.column[0]`); the limit leaves room for any mistake
 * that is still worth a schema message, and keeps validation far from the stack's end.
 */
export const MAX_DEPTH = 32;

function tooDeep(): string {
  return `lists and mappings are nested too deeply (a codebook needs at most 4 levels; more than ${MAX_DEPTH} are not read)`;
}

/**
 * The path of the first value nested deeper than `limit` lists and mappings, or null. Walked
 * with an explicit stack, so that no depth of nesting can exhaust the call stack.
 */
function deepestPath(value: unknown, limit: number): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: at, path } = stack.pop()!;
    if (typeof at !== 'object' || at === null) continue;
    if (path.length >= limit) return path;
    const entries: [string | number, unknown][] = Array.isArray(at) ? at.map((v, i) => [i, v]) : Object.entries(at);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
  }
  return null;
}
