import { resolve } from 'node:path';
import { analyze } from '../analysis/analyze.js';
import { isBinaryFormat, renderOutput, renderPieces } from '../report/render.js';
import { writeOutDir } from '../report/write-out-dir.js';
import { ansiPaint } from '../report/paint.js';
import type { Report } from '../report/report.js';
import { usageError } from '../errors.js';
import { analysisSettings, chooseCodebook, type RawOptions } from './options.js';
import { cleanUpOnSignal, outWriteError, prepareOutDir, removeCreated } from './out-dir.js';
import { inputSize, progressLine } from './progress.js';
import { warningText } from './print-error.js';
import { isTerminal, useColor, writeStderr, writeStdout } from './std-streams.js';
import { terminalWidth } from '../report/terminal-width.js';
import { realOrResolved } from '../real-or-resolved.js';

export const ANALYZE_HELP = `
Reads the CSV file(s) (or - for standard input), codes and scores the scales of the
codebook, and reports Cronbach's alpha with its confidence interval, item-total and
item-rest correlations, alpha if an item is deleted, scale-score correlations, and
prevalence with confidence intervals, overall and by group.

Exit status: 0 success (warnings allowed), 1 the data or a file could not be analysed,
2 bad usage, options or codebook.

Examples:
  survey-analyze fixtures/protect-survey.csv
  survey-analyze -c codebook.yaml --format json responses.csv | jq '.scales[].alpha'
  survey-analyze --ci-method clopper-pearson --cluster site -o tables/ responses.csv`;

/** `analyze`: the full analysis, rendered to stdout or written into --out. */
export async function runAnalyze(files: string[], options: RawOptions, explicit: Set<string>): Promise<void> {
  checkInputs(files);
  const created = options.out !== undefined ? prepareOutDir(options.out, files) : [];
  // SIGINT, SIGTERM, SIGHUP: the directories this run created go before the process does.
  const release = options.out !== undefined ? cleanUpOnSignal(created) : () => {};
  try {
    await analyzeInto(files, options, explicit);
  } catch (error) {
    removeCreated(created);
    throw error;
  } finally {
    release();
  }
}

async function analyzeInto(files: string[], options: RawOptions, explicit: Set<string>): Promise<void> {
  const codebook = await chooseCodebook(options);
  const settings = analysisSettings(options, codebook);
  const note = (text: string): void => {
    if (!options.quiet) writeStderr(`${text}\n`);
  };
  if (settings.alphaCi !== 'bootstrap' && settings.reliability !== 'full' && (explicit.has('bootstrap') || explicit.has('seed'))) {
    note('note: --bootstrap and --seed apply only with --alpha-ci bootstrap or --reliability full; they were not used');
  }
  const progress = progressLine(!options.quiet, () => inputSize(files));
  const report = await analyze(files, codebook, settings, progress.update);
  progress.done();
  // A table on the same terminal already ends with its warnings: not twice on one screen.
  const sameScreen = options.out === undefined && options.format === 'table' && isTerminal(1) && isTerminal(2);
  if (!sameScreen) printWarnings(report, note);
  if (options.out !== undefined) {
    const inputs = files.filter((f) => f !== '-').map((f) => resolve(f));
    let written: string[];
    try {
      const docx = options.format === 'docx' ? ((await renderOutput(report, 'docx', { digits: options.digits, color: false })) as Buffer) : null;
      written = writeOutDir(report, options.out, options.format, { digits: options.digits, inputs, style: options.style, docx });
    } catch (error) {
      throw outWriteError(error, options.out);
    }
    note(`wrote ${written.length} files into ${options.out}`);
    return;
  }
  if (isBinaryFormat(options.format)) {
    if (isTerminal(1)) {
      throw usageError(`${options.format} is binary: redirect standard output (> report.${options.format}) or use --out`, { option: '--format' });
    }
    await writeStdout(await renderOutput(report, options.format, { digits: options.digits, color: false }));
    return;
  }
  const color = options.format === 'table' && useColor(options.color) ? await ansiPaint() : false;
  // JSON in pieces: a report of thousands of scales is never one string (V8 caps them at 2^29 characters).
  for (const piece of renderPieces(report, options.format, { digits: options.digits, color, style: options.style, width: terminalWidth(isTerminal(1) ? process.stdout : {}) })) await writeStdout(piece);
}

/**
 * The input list is usable: standard input at most once, and no file twice (under any
 * name: the same file would be counted twice in one sample).
 */
export function checkInputs(files: string[]): void {
  if (files.filter((f) => f === '-').length > 1) {
    throw usageError('standard input (-) can be read only once', { option: '<file...>' }, 'give - once; other inputs are file paths');
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file === '-') continue;
    const key = realOrResolved(file);
    const before = seen.get(key);
    if (before !== undefined) {
      throw usageError(`the same file is given twice (also as ${before}); its rows would be counted twice`, { file });
    }
    seen.set(key, file);
  }
}

function printWarnings(report: Report, note: (text: string) => void): void {
  for (const warning of report.warnings) note(warningText(warning.message).slice(0, -1));
}
