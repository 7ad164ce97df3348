import { InvalidArgumentError, Option } from 'commander';
import type { AnalysisSettings } from '../analysis/analyze.js';
import { builtinCodebook } from '../codebook/builtin-codebook.js';
import type { Codebook } from '../codebook/codebook.js';
import type { ReadOptions } from '../read/read-csv.js';
import { ENCODINGS, type Encoding } from '../read/text-decoding.js';
import type { InputLayout } from '../read/table-header.js';
import { INPUT_LAYOUTS } from '../read/layout/detect-layout.js';
import type { AlphaCiMethod, CiMethod, CorrelationMethod, MissingMethod } from '../report/report.js';
import { MAX_DIGITS } from '../report/render.js';

export const FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown', 'latex', 'html'] as const;
export const CI_METHODS: CiMethod[] = ['wilson', 'wilson-cc', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'wald', 'logit'];
export const ALPHA_CI_METHODS: AlphaCiMethod[] = ['feldt', 'duhachek', 'bootstrap'];
export const MISSING_METHODS: MissingMethod[] = ['listwise', 'pairwise'];
export const CORRELATION_METHODS: CorrelationMethod[] = ['pearson', 'spearman'];

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
  format: (typeof FORMATS)[number];
  out?: string;
  ciMethod: CiMethod;
  alphaCi: AlphaCiMethod;
  confLevel: number;
  missing: MissingMethod;
  correlation: CorrelationMethod;
  cluster?: string;
  bootstrap: number;
  seed: number;
  digits: number;
  color: boolean;
}

function confLevel(value: string): number {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError('give a number between 0 and 1, such as 0.95');
  return p;
}

function wholeNumber(min: number, max: number) {
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
    new Option('-o, --out <dir>', 'write every table as its own file into dir, plus report.json'),
    new Option('--ci-method <m>', 'proportion confidence intervals').choices(CI_METHODS).default('wilson'),
    new Option('--alpha-ci <m>', 'confidence interval of alpha').choices(ALPHA_CI_METHODS).default('feldt'),
    new Option('--conf-level <p>', 'confidence level, 0 < p < 1').argParser(confLevel).default(0.95),
    new Option('--missing <m>', 'missing answers: listwise (complete cases per scale) or pairwise').choices(MISSING_METHODS).default('listwise'),
    new Option('--correlation <m>', 'scale-score correlations').choices(CORRELATION_METHODS).default('pearson'),
    new Option('--cluster <column>', 'respondents are a one-stage cluster sample of this column: design-based prevalence intervals'),
    new Option('--bootstrap <n>', 'bootstrap resamples for --alpha-ci bootstrap').argParser(wholeNumber(10, 1_000_000)).default(1000),
    new Option('--seed <s>', 'seed of the bootstrap (same seed, same interval)').argParser(wholeNumber(0, 2 ** 31 - 1)).default(1),
    new Option('--digits <n>', 'decimals shown in tables (JSON keeps full precision)').argParser(wholeNumber(0, MAX_DIGITS)).default(3),
    new Option('--no-color', 'plain text (also when NO_COLOR is set or stdout is not a terminal)'),
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
    lenient: options.lenient === true,
    keepPreviews: options.keepPreviews === true,
    read: readOptions(options),
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
