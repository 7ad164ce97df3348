import { type Command, InvalidArgumentError, Option } from 'commander';
import { MISSING_METHODS } from '../analysis/settings.js';
import { filesInput } from '../analysis/table-input.js';
import type { FactorExtractionMethod, FactorRotationMethod } from '../report/factor-report-types.js';
import { DEFAULT_LOADING_CUT } from '../stats/factor/sort-loadings.js';
import { FORMATS, MAX_DIGITS, type Format } from '../report/render.js';
import type { MissingMethod } from '../report/report.js';
import { checkInputs } from './analyze-command.js';
import { chooseCodebook, inputOptions, readOptions, wholeNumber, type InputRawOptions } from './options.js';
import { warningText } from './print-error.js';
import { inputSize, progressLine } from './progress.js';
import { writeStderr, writeStdout } from './std-streams.js';

export const FACTORS_HELP = `
Exploratory factor analysis of every item of every scale of the codebook together (an item in
two scales once), coded as the analysis codes it (labels to codes, answer keys 1/0, reverse
keying), in one pass over the rows, as R psych::fa on the coded item matrix (\`items\`) does:
parallel analysis (fa.parallel, seeded simulation), Velicer's MAP (vss), the loadings
(sorted as fa.sort, blank below --cut), communalities, uniquenesses, complexity, variance
explained, factor correlations, the fit figures psych prints (RMSR, TLI, RMSEA with its 90%
interval, BIC, chi-square), and the items that load most on a factor other than their scale's.
Without --nfactors, the number of factors parallel analysis suggests (1 if none).

Examples:
  survey-analyze factors fixtures/protect-survey.csv
  survey-analyze factors -c codebook.yaml --fm ml --rotate promax --nfactors 3 responses.csv
  survey-analyze factors -f json responses.csv | jq '.factors.assignment.items[] | select(.misplaced)'`;

const FACTOR_METHODS = ['minres', 'ml', 'pa'] as const satisfies readonly FactorExtractionMethod[];
const ROTATION_METHODS = ['oblimin', 'promax', 'varimax', 'none'] as const satisfies readonly FactorRotationMethod[];

export interface FactorsRawOptions extends InputRawOptions {
  fm: FactorExtractionMethod;
  rotate: FactorRotationMethod;
  nfactors?: number;
  missing: MissingMethod;
  cut: number;
  format: Format;
  seed: number;
  digits: number;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of factors, 1 or more');
  return n;
}

function cut(value: string): number {
  const x = Number(value);
  if (!(x >= 0 && x <= 1)) throw new InvalidArgumentError('give a number from 0 to 1, such as 0.3');
  return x;
}

/** The options of `factors` beyond the input options. */
export function factorOptions(): Option[] {
  return [
    new Option('-f, --format <fmt>', 'output format').choices(FORMATS).default('table'),
    new Option('--fm <method>', 'factor extraction: minimum residual, maximum likelihood or principal axis').choices(FACTOR_METHODS).default('minres'),
    new Option('--rotate <method>', 'rotation (as GPArotation / psych compute them)').choices(ROTATION_METHODS).default('oblimin'),
    new Option('--nfactors <n>', 'number of factors (default: the number parallel analysis suggests; 1 if none)').argParser(positiveInteger),
    new Option('--missing <m>', 'missing answers: pairwise (as psych fa on raw data) or listwise (complete rows)').choices(MISSING_METHODS).default('pairwise'),
    new Option('--cut <x>', 'loadings below this are blank in the tables (display only)').argParser(cut).default(DEFAULT_LOADING_CUT),
    new Option('--seed <s>', 'seed of the parallel analysis simulation').argParser(wholeNumber(0, 2 ** 31 - 1)).default(1),
    new Option('--digits <n>', 'decimals shown in tables (JSON keeps full precision)').argParser(wholeNumber(0, MAX_DIGITS)).default(3),
  ];
}

/** Adds `factors` to the program (src/cli/main.ts), with its options only with `withOptions` (main.ts buildProgram). */
export function registerFactors(program: Command, withOptions: boolean): void {
  const factors = program
    .command('factors')
    .description('exploratory factor analysis of all the items: parallel analysis, MAP, loadings, fit, items against scales')
    .argument('<file...>', 'CSV file(s), or - for standard input; several files are one sample')
    .addHelpText('after', FACTORS_HELP)
    .exitOverride();
  if (withOptions) for (const option of [...inputOptions().filter((o) => o.long !== '--by'), ...factorOptions()]) factors.addOption(option);
  factors.action((files: string[], options: FactorsRawOptions) => runFactors(files, options));
}

/** `factors`: the analysis, rendered to stdout. */
export async function runFactors(files: string[], options: FactorsRawOptions): Promise<void> {
  checkInputs(files);
  // Loaded only for this command: analyze's start-up does not evaluate the factor code.
  const [{ analyzeFactors }, { renderFactors }] = await Promise.all([import('../analysis/factor-report.js'), import('../report/render-factors.js')]);
  const codebook = await chooseCodebook(options);
  const progress = progressLine(!options.quiet, () => inputSize(files));
  const doc = await analyzeFactors(
    filesInput(files, readOptions(options)),
    codebook,
    {
      fm: options.fm,
      rotation: options.rotate,
      nfactors: options.nfactors ?? null,
      missing: options.missing,
      cut: options.cut,
      seed: options.seed,
      lenient: options.lenient === true,
      keepPreviews: options.keepPreviews === true,
      read: readOptions(options),
    },
    progress.update,
  );
  progress.done();
  if (!options.quiet) for (const warning of doc.warnings) writeStderr(warningText(warning.message));
  await writeStdout(renderFactors(doc, options.format, { digits: options.digits }));
}
