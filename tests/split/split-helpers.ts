/**
 * Helpers of the split-read tests (tests/split/*.test.ts): the built library (dist/index.cjs,
 * whose split runs the second range in dist/range-worker.cjs), a spy on the worker threads it
 * starts, the three ways of running one analysis (two threads, one thread, one pass), a deep
 * comparer that names the path of the first difference, and a seeded generator of survey CSVs.
 *
 * Seed and scale: FUZZ_SEED, FUZZ_SCALE (tests/hardening/fuzz-config.ts), e.g.
 *   FUZZ_SCALE=20 FUZZ_SEED=$RANDOM npx vitest run tests/split
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type * as Library from '../../src/index.js';
import type { Codebook } from '../../src/index.js';

const require = createRequire(import.meta.url);

/** One record of every worker thread the library starts (the spy is installed before it is loaded). */
export interface WorkerRecord {
  script: string;
  messages: string[];
  exited: boolean;
}

export const workers: WorkerRecord[] = [];

{
  // The bundle calls `new (require('node:worker_threads').Worker)(...)` when it splits: the
  // same module object, so a subclass put there sees every worker it starts. No hook in src/.
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const Original = threads.Worker;
  if (!(Original as unknown as { spied?: boolean }).spied) {
    class SpiedWorker extends Original {
      static spied = true;
      constructor(script: string | URL, options?: import('node:worker_threads').WorkerOptions) {
        super(script, options);
        const record: WorkerRecord = { script: String(script), messages: [], exited: false };
        workers.push(record);
        this.on('message', (message: { kind?: string }) => record.messages.push(String(message?.kind)));
        this.on('exit', () => {
          record.exited = true;
        });
      }
    }
    (threads as { Worker: unknown }).Worker = SpiedWorker;
  }
}

/**
 * Whole-file reads of each path: a split that does not hold is followed by one pass over the
 * whole file (readFileSync for a small file, createReadStream from byte 0 to the end for a large
 * one), which a split's range reads (createReadStream with an `end`) never are. Spied on the same
 * module object the bundle calls at call time.
 */
export const wholeReads = new Map<string, number>();

{
  const fs = require('node:fs') as typeof import('node:fs');
  if (!(fs.createReadStream as unknown as { spied?: boolean }).spied) {
    const count = (path: unknown): void => {
      if (typeof path === 'string') wholeReads.set(path, (wholeReads.get(path) ?? 0) + 1);
    };
    const stream = fs.createReadStream;
    const spiedStream = (path: unknown, options?: unknown): unknown => {
      if (typeof options !== 'object' || options === null || (options as { end?: number }).end === undefined) count(path);
      return (stream as (...a: unknown[]) => unknown)(path, options);
    };
    (spiedStream as unknown as { spied: boolean }).spied = true;
    const readFile = fs.readFileSync;
    const spiedRead = (path: unknown, ...rest: unknown[]): unknown => {
      count(path);
      return (readFile as (...a: unknown[]) => unknown)(path, ...rest);
    };
    (fs as { createReadStream: unknown }).createReadStream = spiedStream;
    (fs as { readFileSync: unknown }).readFileSync = spiedRead;
  }
}

/** The built library (tests/build-cli.ts builds dist/ before the tests). */
export const lib = require('../../dist/index.cjs') as typeof Library;

// ------------------------------------------------------------------ seeds and temp files

export { FUZZ_SEED, FUZZ_SCALE, fuzzRuns, fuzzTimeout, seeded } from '../hardening/fuzz-config.js';

export function tempDir(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// ------------------------------------------------------------------ running the three modes

export type Options = Library.AnalyzeOptions;

/** What one analyze call ended with: its report, or its error as plain data. */
export interface Outcome {
  report: Library.Report | null;
  error: ErrorData | null;
  /** onProgress calls made before the promise settled, and after. */
  progress: [number, number][];
  lateProgress: number;
}

export interface ErrorData {
  name: string;
  surveyError: boolean;
  message: string;
  exitCode?: number;
  place?: unknown;
  hint?: string;
}

export function errorData(error: unknown): ErrorData {
  if (error instanceof lib.SurveyError) {
    return { name: error.name, surveyError: true, message: error.message, exitCode: error.exitCode, place: { ...error.place }, hint: error.hint };
  }
  return { name: error instanceof Error ? error.name : typeof error, surveyError: false, message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
}

export async function run(file: string, options: Options): Promise<Outcome> {
  const out: Outcome = { report: null, error: null, progress: [], lateProgress: 0 };
  let settled = false;
  try {
    out.report = await lib.analyze(file, {
      ...options,
      onProgress: (rows, bytes) => {
        if (settled) out.lateProgress++;
        else out.progress.push([rows, bytes]);
      },
    });
  } catch (error) {
    out.error = errorData(error);
  }
  settled = true;
  return out;
}

/** The three modes of one analysis, and what the spy saw of the two-thread run's worker. */
export interface Modes {
  two: Outcome;
  one: Outcome;
  pass: Outcome;
  /** Workers started by the two-thread run (0: the file was not split at all). */
  workersStarted: number;
  /** Whether the two-thread run's split held (its range results were merged): its worker posted its result, and the progress ended on the file's size. */
  held: boolean;
  size: number;
}

export async function runModes(file: string, options: Options, at?: number): Promise<Modes> {
  const split = (threads: 1 | 2) => ({ ...options, split: { minBytes: 0, threads, ...(at === undefined ? {} : { at }) } });
  const before = workers.length;
  const readsBefore = wholeReads.get(file) ?? 0;
  const two = await run(file, split(2));
  const wholeRead = (wholeReads.get(file) ?? 0) > readsBefore;
  const workersStarted = workers.length - before;
  const one = await run(file, split(1));
  const pass = await run(file, { ...options, split: { minBytes: Infinity } });
  const size = statSync(file).size;
  const posted = workers.slice(before).some((w) => w.messages.includes('done'));
  const held = posted && !wholeRead;
  return { two, one, pass, workersStarted, held, size };
}

// ------------------------------------------------------------------ comparing reports

/**
 * The path and values of the first difference between `a` and `b`, or null. Numbers that are
 * not whole agree within `rel` relative (|a - b| <= rel * max(1, |b|)); with rel 0 every
 * number must be identical. Strings, booleans, nulls, array lengths and keys must be equal.
 */
export function firstDifference(a: unknown, b: unknown, rel: number | ((path: string) => number) = 0, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || a === b) return null;
    if (Number.isNaN(a) || Number.isNaN(b)) return `${path}: ${a} vs ${b}`;
    const tol = typeof rel === 'number' ? rel : rel(path);
    if (tol > 0 && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b))) return null;
    return `${path}: ${a} vs ${b} (relative ${(Math.abs(a - b) / Math.max(1, Math.abs(b))).toExponential(2)})`;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], rel, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  const missing = ka.filter((k) => !kb.includes(k)).concat(kb.filter((k) => !ka.includes(k)));
  if (missing.length > 0) return `${path}: keys differ (${missing.join(', ')})`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

/** The tolerance of "agreement with one pass" (the merged moments may differ in the last bits). */
export const AGREE_REL = 1e-12;

/**
 * Figures from an iterative fit (omega total's minres factor fit, and the other factor-model
 * figures): a difference of 1e-15 in the covariances moves them by up to ~1e-11 (seen: omegaTotal
 * 2.0e-12 relative, FUZZ_SEED=12345 case 147). They get ITERATIVE_REL; every other number AGREE_REL.
 */
export const ITERATIVE_REL = 1e-9;
export const ITERATIVE_PATH = /\.(omegaTotal|omega|glb|glbFactors|dimensionality|factors)\b/;

export function AGREE(path: string): number {
  return ITERATIVE_PATH.test(path) ? ITERATIVE_REL : AGREE_REL;
}

/** Every check of one (file, settings, at); the message names the case so that it can be rerun. */
export function checkModes(m: Modes, label: string): void {
  const { two, one, pass } = m;
  if (pass.error !== null) {
    expect(two.error, `${label}: threads 2 must fail as one pass does`).toEqual(pass.error);
    expect(one.error, `${label}: threads 1 must fail as one pass does`).toEqual(pass.error);
    return;
  }
  expect(two.error, `${label}: threads 2 failed`).toBeNull();
  expect(one.error, `${label}: threads 1 failed`).toBeNull();
  expect(two.report, `${label}: threads 2 vs threads 1`).toEqual(one.report);
  expect(JSON.stringify(two.report), `${label}: threads 2 vs threads 1 (JSON)`).toBe(JSON.stringify(one.report));
  expect(firstDifference(two.report, pass.report, AGREE), `${label}: threads 2 vs one pass`).toBeNull();
  expect(firstDifference(one.report, pass.report, AGREE), `${label}: threads 1 vs one pass`).toBeNull();
  if (!m.held) expect(JSON.stringify(two.report), `${label}: a split that fell back is a one-pass run`).toBe(JSON.stringify(pass.report));
}

// ------------------------------------------------------------------ CSV writing

export interface Built {
  text: string;
  /** Byte offset where each data record starts (after the header lines), and its 1-based line. */
  records: { start: number; line: number; end: number; multiline: boolean }[];
  /** Byte offset just after the header lines. */
  headerEnd: number;
  /** Byte offsets of line breaks inside quoted fields (a cut there falls inside a field). */
  quotedBreaks: number[];
}

/** `field` as CSV: quoted when it holds the delimiter, a quote, CR or LF (or when `force`). */
export function csvField(field: string, delimiter: string, force = false): string {
  return force || field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Header lines and records joined into a file, with the byte offsets the tests cut at. `bom`
 * prefixes a UTF-8 byte-order mark; `blank(i)` is inserted before data record i (a blank line
 * or one of spaces).
 */
export function buildCsv(header: string[][], rows: string[][], opts: { delimiter: string; eol: () => string; bom?: boolean; blank?: (i: number) => string; quote?: (field: string) => boolean }): Built {
  const parts: string[] = [];
  let bytes = 0;
  let line = 1;
  const quotedBreaks: number[] = [];
  const push = (text: string): void => {
    parts.push(text);
    bytes += Buffer.byteLength(text);
  };
  const record = (row: string[]): { multiline: boolean } => {
    let multiline = false;
    row.forEach((field, f) => {
      if (f > 0) push(opts.delimiter);
      const text = csvField(field, opts.delimiter, opts.quote?.(field) ?? false);
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
          multiline = true;
          line++;
        }
        if (ch === '\n' || ch === '\r') quotedBreaks.push(bytes + Buffer.byteLength(text.slice(0, i)));
      }
      push(text);
    });
    push(opts.eol());
    line++;
    return { multiline };
  };
  if (opts.bom) push('\uFEFF');
  for (const row of header) record(row);
  const headerEnd = bytes;
  const records: Built['records'] = [];
  rows.forEach((row, i) => {
    const blank = opts.blank?.(i) ?? '';
    if (blank !== '') {
      push(blank);
      line += (blank.match(/\r\n|\r|\n/g) ?? []).length;
    }
    const start = bytes;
    const startLine = line;
    const { multiline } = record(row);
    records.push({ start, line: startLine, end: bytes, multiline });
  });
  return { text: parts.join(''), records, headerEnd, quotedBreaks };
}

// ------------------------------------------------------------------ a random survey

export interface SurveyShape {
  delimiter: ',' | ';' | '\t';
  /** `mixed-cr`: LF, CRLF and lone CR (old Mac) record ends in one file. */
  eol: 'lf' | 'crlf' | 'mixed' | 'mixed-cr';
  bom: boolean;
  /** Rows are added until the file has at least this many bytes. */
  minBytes: number;
  blankLines: boolean;
  /** A respondent id column (the codebook's `id`) with repeated ids. */
  duplicateIds: boolean;
  /** Out-of-range or unknown values in the rated items (for `lenient`). */
  invalid: number;
  /** Probability of a missing answer (empty, NA, -99, or spaces). */
  missing: number;
  /** Codebook include/exclude rules. */
  filters: boolean;
}

export interface Survey {
  built: Built;
  codebook: Record<string, unknown>;
  shape: SurveyShape;
  rows: string[][];
}

const AGREE5 = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const WORDS = ['ward', 'patient', 'training', 'referral', 'not sure', 'safeguarding', 'ok', 'night shift', 'A&E', 'très bien', 'ü', '“quoted”'];

export const SURVEY_COLUMNS = ['rid', 'site', 'role', 'ward', 'status', 'consent', 'pk1', 'pk2', 'pk3', 'pk4', 'ak1', 'ak2', 'ak3', 'c1', 'c2', 'c3', 'contact', 'comment'];

/** The codebook of generated surveys: rated (agree5, reverse pk4), keyed (True/False/Don't know) and numeric scales, prevalence, groups. */
export function surveyCodebook(shape: Pick<SurveyShape, 'duplicateIds' | 'filters'>): Record<string, unknown> {
  return {
    title: 'split test survey',
    ...(shape.duplicateIds ? { id: 'rid' } : {}),
    missing: ['', 'NA', '-99'],
    responseSets: { agree5: Object.fromEntries(AGREE5.map((label, i) => [label, i + 1])) },
    scales: [
      { id: 'pk', label: 'Perceived knowledge', items: ['pk1', 'pk2', 'pk3', 'pk4'], responses: 'agree5', range: [1, 5], reverse: ['pk4'], score: 'mean', minAnswered: 3 },
      { id: 'ak', label: 'Actual knowledge', items: ['ak1', 'ak2', 'ak3'], key: { ak1: 'True', ak2: 'False', ak3: 'True' }, score: 'sum' },
      { id: 'cf', label: 'Confidence', items: ['c1', 'c2', 'c3'], range: [1, 7], score: 'sum', minAnswered: 2 },
    ],
    prevalence: [
      { id: 'contact', label: 'Contact', column: 'contact', positive: ['Yes'] },
      { id: 'lacks', label: 'Lacks questions', column: 'pk1', positive: [1, 2] },
    ],
    groups: ['site'],
    ...(shape.filters ? { exclude: { status: ['test'] }, include: { consent: ['yes', 1] } } : {}),
  };
}

export function randomShape(random: () => number, over: Partial<SurveyShape> = {}): SurveyShape {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  return {
    delimiter: pick([',', ',', ';', '\t'] as const),
    eol: pick(['lf', 'crlf', 'mixed', 'mixed-cr'] as const),
    bom: random() < 0.3,
    minBytes: 66_000 + Math.floor(random() * 40_000),
    blankLines: random() < 0.5,
    duplicateIds: random() < 0.6,
    invalid: 0,
    missing: pick([0, 0.03, 0.15]),
    filters: random() < 0.5,
    ...over,
  };
}

/**
 * A survey CSV of SURVEY_COLUMNS: answers as labels or codes (padded with spaces now and then),
 * a quoted free-text column with the delimiter, doubled quotes and embedded LF/CRLF, a `role`
 * value ("locum") met only in the last fifth of the rows, clusters, repeated ids.
 */
export function randomSurvey(random: () => number, shape: SurveyShape): Survey {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number): boolean => random() < p;
  const eol = (): string => (shape.eol === 'lf' ? '\n' : shape.eol === 'crlf' ? '\r\n' : shape.eol === 'mixed' ? pick(['\n', '\r\n']) : pick(['\n', '\r\n', '\r']));
  const miss = (): string | null => (chance(shape.missing) ? pick(['', 'NA', '-99', '  ', ' NA ']) : null);
  const pad = (text: string): string => (chance(0.05) ? ` ${text} ` : text);
  const rows: string[][] = [];
  const ids: string[] = [];
  let bytes = 0;
  const estimate = 160;
  const count = Math.max(40, Math.ceil(shape.minBytes / estimate));
  const latent = () => random() * 2 - 1;
  for (let r = 0; bytes < shape.minBytes || r < count; r++) {
    const late = r > count * 0.8;
    let id = `R${1000 + r}`;
    if (shape.duplicateIds && ids.length > 0 && chance(0.04)) id = pick(ids);
    if (chance(0.01)) id = '';
    ids.push(id);
    const trait = latent();
    const rated = (k: number, reverse: boolean): string => {
      const m = miss();
      if (m !== null) return m;
      if (chance(shape.invalid)) return pick(['6', '0', 'Maybe', '2.5x']);
      const v = Math.max(1, Math.min(5, Math.round(3 + (reverse ? -trait : trait) * 2 + (random() - 0.5) * 2)));
      return pad(chance(0.5) ? AGREE5[v - 1] : String(v));
    };
    const keyed = (truth: string): string => {
      const m = miss();
      if (m !== null) return m;
      const r2 = random();
      return r2 < 0.1 ? "Don't know" : r2 < 0.6 + trait * 0.2 ? truth : truth === 'True' ? 'False' : 'True';
    };
    const numeric = (): string => {
      const m = miss();
      if (m !== null) return m;
      if (chance(shape.invalid)) return pick(['8', '-1', 'lots']);
      return String(Math.max(1, Math.min(7, Math.round(4 + trait * 2.5 + (random() - 0.5) * 3))));
    };
    const comment = (): string => {
      if (chance(0.4)) return '';
      const parts: string[] = [];
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        parts.push(pick(WORDS));
        const sep = random();
        parts.push(sep < 0.15 ? shape.delimiter : sep < 0.25 ? '""' : sep < 0.32 ? '"' : sep < 0.42 ? '\n' : sep < 0.5 ? '\r\n' : sep < 0.55 ? '\n\n' : sep < 0.57 ? '\r' : ' ');
      }
      return parts.join('');
    };
    const row = [
      id,
      miss() ?? pad(pick(['North', 'South', 'East', `West${shape.delimiter} annex`])),
      late ? pick(['locum', 'nurse']) : miss() ?? pick(['nurse', 'doctor', 'midwife']),
      chance(0.03) ? '' : `w${1 + Math.floor(random() * 9)}`,
      chance(0.05) ? 'test' : 'live',
      chance(0.06) ? pick(['no', '0']) : pick(['yes', 'Yes', '1', ' yes']),
      rated(0, false), rated(1, false), rated(2, false), rated(3, true),
      keyed('True'), keyed('False'), keyed('True'),
      numeric(), numeric(), numeric(),
      miss() ?? pick(['Yes', 'No', 'yes', 'NO']),
      comment(),
    ];
    rows.push(row);
    bytes += row.join(',').length + 2;
  }
  const built = buildCsv([SURVEY_COLUMNS], rows, {
    delimiter: shape.delimiter,
    eol,
    bom: shape.bom,
    // After a lone-CR record end, a blank line must not start with LF (the two would be one CRLF).
    blank: shape.blankLines ? () => (chance(0.02) ? (shape.eol === 'mixed-cr' ? pick(['  \n', ' \r\n', '   \r']) : pick(['\n', '\r\n', '   \n', '\n\n'])) : '') : undefined,
    quote: () => chance(0.05),
  });
  return { built, codebook: surveyCodebook(shape), shape, rows };
}

/** The codebook object validated by the library (as `analyze` accepts it). */
export function parsedCodebook(codebook: Record<string, unknown>): Codebook {
  const parsed = lib.parseCodebook(JSON.stringify(codebook), 'codebook.json');
  if (parsed.codebook === null) throw new Error(`bad test codebook: ${JSON.stringify(parsed.problems)}`);
  return parsed.codebook;
}

/**
 * The first candidate cut for `at` (split-plan.ts): just after the first LF at or after
 * max(at, firstData), where `firstData` is the start of the first data record's line (after any
 * blank lines that follow the header); -1: none, and then the file is not split. The library
 * takes this LF when the text after it reads as whole records of the header's width, else it
 * may try later LFs (recordStartAfter): so where the first candidate is a record boundary and
 * the file has no ragged row, the split cuts there and holds.
 */
export function cutFor(bytes: Buffer, at: number, firstData: number): number {
  const lf = bytes.indexOf(10, Math.max(at, firstData));
  return lf === -1 || lf + 1 >= bytes.length ? -1 : lf + 1;
}
