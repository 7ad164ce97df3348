import { InvalidArgumentError, Option } from 'commander';
import type { AnalysisSettings } from '../analysis/analyze.js';
import { builtinCodebook } from '../codebook/builtin-codebook.js';
import type { Codebook } from '../codebook/codebook.js';
import type { ReadOptions } from '../read/read-csv.js';
import { ENCODINGS, type Encoding } from '../read/text-decoding.js';
import type { InputLayout } from '../read/table-header.js';
import { INPUT_LAYOUTS } from '../read/layout/detect-layout.js';
import type { AlphaCiMethod, CiMethod, CorrelationMethod, ItemCorrelationMethod, MissingMethod, ReliabilitySet } from '../report/report.js';
import {
  ALPHA_CI_METHODS,
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  CI_METHODS,
  CORRELATION_METHODS,
  DEFAULT_SETTINGS,
  ITEM_CORRELATION_METHODS,
  MISSING_METHODS,
  NFACTORS,
  RELIABILITY_SETS,
} from '../analysis/settings.js';
import { MAX_DIGITS, OUTPUT_FORMATS, type OutputFormat } from '../report/render.js';
import { STYLES, type Style } from '../report/apa-style.js';

/** The output formats of `analyze`: the text formats and Word (docx). */
export const FORMATS = OUTPUT_FORMATS;
export { CI_METHODS, ALPHA_CI_METHODS, MISSING_METHODS, CORRELATION_METHODS };

/** The options `analyze` and `scores` share (inputOptions), as commander hands them over. */
export interface InputRawOptions {
  codebook?: string;
  inputFormat?: InputLayout;
  sheet?: string;
  keepPreviews?: boolean;
  keepUserMissing?: boolean;
  delimiter?: string;
  encoding: Encoding;
  lenient?: boolean;
  by?: string[];
  quiet?: boolean;
  debug?: boolean;
}

/** The options of `analyze` (inputOptions and analysisOptions), as commander hands them over. */
export interface RawOptions extends InputRawOptions {
  format: OutputFormat;
  style: Style;
  out?: string;
  ciMethod: CiMethod;
  alphaCi: AlphaCiMethod;
  confLevel: number;
  missing: MissingMethod;
  correlation: CorrelationMethod;
  cluster?: string;
  bootstrap: number;
  seed: number;
  reliability: ReliabilitySet;
  itemCorrelations: ItemCorrelationMethod;
  nfactors: number;
  digits: number;
  /** --threads: 1 or 2; undefined: 2 on a machine with 2 or more cores. */
  threads?: number;
  /** --color (true) or --no-color (false); undefined: from the environment and the terminal (std-streams.ts useColor). */
  color?: boolean;
}

function confLevel(value: string): number {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError('give a number between 0 and 1, such as 0.95');
  return p;
}

/** A commander parser of a whole number in [min, max]. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}`);
    return n;
  };
}

function delimiter(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const d = named[value] ?? value;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new InvalidArgumentError('give one character, or comma, semicolon, tab or pipe');
  }
  return d;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Options shared by `analyze` and `scores`: input, codebook, coding. */
export function inputOptions(): Option[] {
  return [
    new Option('-c, --codebook <file>', 'codebook, JSON or YAML (default: the built-in NHS human-trafficking survey)'),
    new Option('--input-format <layout>', 'the export layout (default: detected from the content)').choices(INPUT_LAYOUTS),
    new Option('--keep-previews', "keep Qualtrics' survey previews, test responses and spam (dropped by default)"),
    new Option('--sheet <name|number>', 'the sheet of an .xlsx workbook (default: the first)'),
    new Option('--keep-user-missing', 'SPSS user-missing values are kept as codes instead of missing'),
    new Option('--delimiter <char>', 'field delimiter: a character, or comma, semicolon, tab, pipe (default: detected)').argParser(delimiter),
    new Option('--encoding <name>', 'text encoding of the CSV').choices(ENCODINGS).default('utf-8'),
    new Option('--lenient', 'out-of-range or unknown values become missing, counted in a warning, instead of an error'),
    new Option('--by <column>', 'group prevalence by this column (repeatable); replaces the codebook groups').argParser(collect),
    new Option('--quiet', 'no progress, notes or warnings on stderr'),
    new Option('--debug', 'show a stack trace with errors'),
  ];
}

/** Options of `analyze` only: statistics and output. */
export function analysisOptions(): Option[] {
  return [
    new Option('-f, --format <fmt>', 'output format').choices(FORMATS).default('table'),
    new Option('--style <style>', 'apa: no leading zero for figures bounded by 1, p < .001, italic symbols (markdown, latex, html; docx is always APA)').choices(STYLES).default('default'),
    new Option('-o, --out <dir>', 'write every table as its own file into dir, plus report.json'),
    new Option('--ci-method <m>', 'proportion confidence intervals').choices(CI_METHODS).default(DEFAULT_SETTINGS.ciMethod),
    new Option('--alpha-ci <m>', 'confidence interval of alpha').choices(ALPHA_CI_METHODS).default(DEFAULT_SETTINGS.alphaCi),
    new Option('--conf-level <p>', 'confidence level, 0 < p < 1').argParser(confLevel).default(DEFAULT_SETTINGS.confLevel),
    new Option('--missing <m>', 'missing answers: listwise (complete cases per scale) or pairwise').choices(MISSING_METHODS).default(DEFAULT_SETTINGS.missing),
    new Option('--correlation <m>', 'scale-score correlations').choices(CORRELATION_METHODS).default(DEFAULT_SETTINGS.correlation),
    new Option('--cluster <column>', 'respondents are a one-stage cluster sample of this column: design-based prevalence intervals'),
    new Option('--bootstrap <n>', 'bootstrap resamples for --alpha-ci bootstrap').argParser(wholeNumber(BOOTSTRAP_RESAMPLES.min, BOOTSTRAP_RESAMPLES.max)).default(DEFAULT_SETTINGS.bootstrap.resamples),
    new Option('--seed <s>', 'seed of the bootstrap (same seed, same interval)').argParser(wholeNumber(BOOTSTRAP_SEED.min, BOOTSTRAP_SEED.max)).default(DEFAULT_SETTINGS.bootstrap.seed),
    new Option('--reliability <set>', 'basic: closed-form reliability figures; full: also glb, omega if dropped, omega hierarchical with its bootstrap interval, parallel analysis, MAP').choices(RELIABILITY_SETS).default(DEFAULT_SETTINGS.reliability),
    new Option('--item-correlations <m>', 'polychoric: also ordinal alpha and omega from polychoric (tetrachoric for 0/1) item correlations').choices(ITEM_CORRELATION_METHODS).default(DEFAULT_SETTINGS.itemCorrelations),
    new Option('--nfactors <n>', 'group factors of omega hierarchical (a scale\'s codebook nfactors wins)').argParser(wholeNumber(NFACTORS.min, NFACTORS.max)).default(DEFAULT_SETTINGS.nfactors),
    new Option('--digits <n>', 'decimals shown in tables (JSON keeps full precision)').argParser(wholeNumber(0, MAX_DIGITS)).default(3),
    new Option('--threads <n>', 'threads for a CSV of 32 MiB or more, read as two halves (default: 2 with 2 or more cores); the figures do not depend on it').argParser(wholeNumber(1, 2)),
    new Option('--color', 'colour the table even when stdout is not a terminal (as FORCE_COLOR=1 does)'),
    new Option('--no-color', 'plain text (as a non-empty NO_COLOR, TERM=dumb or a stdout that is not a terminal do)'),
  ];
}

/** The codebook of --codebook, or the built-in one. The YAML parser is loaded only for a file. */
export async function chooseCodebook(options: { codebook?: string }): Promise<Codebook> {
  if (options.codebook === undefined) return builtinCodebook();
  const { loadCodebook } = await import('../codebook/load-codebook.js');
  return loadCodebook(options.codebook);
}

/** The settings of the analysis; every default is commander's (analysisOptions). */
export function analysisSettings(options: RawOptions, codebook: Codebook): AnalysisSettings {
  return {
    ciMethod: options.ciMethod,
    alphaCi: options.alphaCi,
    confLevel: options.confLevel,
    missing: options.missing,
    correlation: options.correlation,
    groups: groupColumns(options, codebook),
    cluster: options.cluster ?? null,
    bootstrap: { resamples: options.bootstrap, seed: options.seed },
    reliability: options.reliability,
    itemCorrelations: options.itemCorrelations,
    nfactors: options.nfactors,
    lenient: options.lenient === true,
    keepPreviews: options.keepPreviews === true,
    read: readOptions(options),
    ...(options.threads === undefined ? {} : { split: { threads: options.threads === 1 ? 1 : 2 } }),
  };
}

/** The group columns: those given with --by, or the codebook's. */
export function groupColumns(options: InputRawOptions, codebook: Codebook): string[] {
  return options.by ?? codebook.groups;
}

export function readOptions(options: InputRawOptions): ReadOptions {
  return {
    delimiter: options.delimiter ?? null,
    encoding: options.encoding,
    layout: options.inputFormat ?? null,
    sheet: options.sheet ?? null,
    keepUserMissing: options.keepUserMissing === true,
  };
}

/** `1 item`, `2 items`, `0 items`: a count with its noun, in the singular only for one. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
