import { existsSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { ANALYZE_HELP, runAnalyze } from './analyze-command.js';
import { analysisOptions, inputOptions, readOptions, type InputRawOptions, type RawOptions } from './options.js';
import { errorText } from './print-error.js';
import { ITEMS_HELP, runItems } from './items-command.js';
import { registerFactors } from './factors-command.js';
import { SCORES_HELP, runScores } from './scores-command.js';
import { isTerminal, prepareStdout, writeStderr, writeStdout } from './std-streams.js';

export { nothingBuffered } from './std-streams.js';

const EXIT_STATUS_HELP = `
Exit status: 0 success (warnings allowed), 1 the data or a file could not be analysed,
2 bad usage, options or codebook.`;

function explicitOptions(command: Command): Set<string> {
  const names = command.options.map((o) => o.attributeName());
  return new Set(names.filter((name) => command.getOptionValueSource(name) === 'cli'));
}

/** The commands, for 'did you mean'. */
const COMMANDS = ['analyze', 'scores', 'items', 'factors', 'codebook', 'help'];

const TOP_EXAMPLES = `
Examples:
  survey-analyze fixtures/protect-survey.csv
  survey-analyze -c codebook.yaml --format json responses.csv | jq '.scales[].alpha'
  survey-analyze scores -c codebook.yaml responses.csv > scores.csv
  survey-analyze items -c codebook.yaml responses.csv > items.csv
  survey-analyze codebook init responses.csv > codebook.yaml
  survey-analyze help scores          (each command's own options)`;

/**
 * The command `args` run, whose options the program needs: commander's default, analyze, when
 * the first word names none; null (every command's) when a help text may be shown, which can
 * list another command's options. Building only the options used saves a small run about two
 * milliseconds (each commander Option parses its flags when it is made).
 */
export function commandToBuild(args: string[]): string | null {
  if (args.length === 0 || args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') return null;
  return COMMANDS.includes(args[0]) ? args[0] : 'analyze';
}

/** The program; `only` names the one command given its options (null: all of them, as help needs). */
function buildProgram(only: string | null): Command {
  const wanted = (name: string): boolean => only === null || only === name;
  const program = new Command(TOOL_NAME)
    .description('Psychometric analysis of survey responses: reliability, item analysis, scale scores and prevalence.')
    .usage('[analyze] [options] <file...>   (or: scores | items | codebook show | codebook init | codebook check)')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => void writeStdout(text), writeErr: (text) => writeStderr(text.startsWith('error:') ? `${TOOL_NAME}: ${text}` : text) });

  const analyze = program
    .command('analyze', { isDefault: true })
    .description('full analysis: reliability, scale scores, correlations, prevalence')
    .argument('<file...>', 'CSV file(s), or - for standard input; several files are one sample')
    .addHelpText('after', ANALYZE_HELP)
    .exitOverride();
  if (wanted('analyze')) for (const option of [...inputOptions(), ...analysisOptions()]) analyze.addOption(option);
  analyze.action((files: string[], options: RawOptions, command: Command) => runAnalyze(files, options, explicitOptions(command)));
  // analyze is the default command: the top-level help shows its options too.
  program.addHelpText('after', () => `\n${optionsHelp(analyze, 'Options of analyze (the default command):')}${TOP_EXAMPLES}\n${EXIT_STATUS_HELP}`);

  const scores = program
    .command('scores')
    .description('one row per respondent: id, group columns, each scale score (CSV on stdout)')
    .argument('<file...>', 'CSV file(s), or - for standard input')
    .addHelpText('after', SCORES_HELP)
    .exitOverride();
  if (wanted('scores')) for (const option of inputOptions()) scores.addOption(option);
  scores.action((files: string[], options: InputRawOptions) => runScores(files, options));

  const items = program
    .command('items')
    .description('the coded item matrix: id, group columns, every item after key scoring and reverse keying (CSV on stdout)')
    .argument('<file...>', 'CSV file(s), or - for standard input')
    .addHelpText('after', ITEMS_HELP)
    .exitOverride();
  if (wanted('items')) for (const option of inputOptions()) items.addOption(option);
  items.action((files: string[], options: InputRawOptions) => runItems(files, options));

  registerFactors(program, wanted('factors'));

  const codebook = program.command('codebook').description('show, check or draft a codebook').exitOverride();
  codebook
    .command('show')
    .description('print the built-in codebook (NHS human-trafficking survey)')
    .addOption(new Option('-f, --format <fmt>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
    .option('--debug', 'show a stack trace with errors')
    .exitOverride()
    .action(async (options) => (await import('./codebook-command.js')).runCodebookShow(options));
  codebook
    .command('check')
    .description('validate a codebook; every problem with its line and path in the file')
    .argument('<codebook>', 'codebook file, JSON or YAML')
    .option('--debug', 'show a stack trace with errors')
    .exitOverride()
    .action(async (file: string) => (await import('./codebook-command.js')).runCodebookCheck(file));
  const init = codebook
    .command('init')
    .description("draft a codebook (YAML on stdout) from a file's header, labels and observed values")
    .argument('<file>', 'CSV, TSV, .xlsx, .sav or .dta file, or - for standard input')
    .option('--dictionary <file>', 'a REDCap data dictionary (CSV): the draft comes from its fields, choices and matrix groups');
  if (wanted('codebook')) {
    const input = inputOptions();
    for (const name of ['--input-format', '--sheet', '--keep-user-missing', '--delimiter', '--encoding']) init.addOption(input.find((o) => o.long === name)!);
  }
  init
    .option('--debug', 'show a stack trace with errors')
    .exitOverride()
    .action(async (file: string, options: InputRawOptions & { dictionary?: string }) =>
      (await import('./codebook-init-command.js')).runCodebookInit(file, { read: readOptions(options), dictionary: options.dictionary }));
  return program;
}

/** A command's options as its own help lists them, under `heading`. */
function optionsHelp(command: Command, heading: string): string {
  const helper = command.createHelp();
  helper.prepareContext({ helpWidth: isTerminal(1) ? process.stdout.columns : undefined });
  const width = helper.padWidth(command, helper);
  const lines = helper.visibleOptions(command).map((option) => helper.formatItem(helper.optionTerm(option), width, helper.optionDescription(option), helper));
  return `${heading}\n${lines.join('\n')}\n`;
}

/** Run the CLI on its arguments (without `node` and the script); resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const debug = args.includes('--debug');
  prepareStdout(debug);
  catchStrayErrors(debug);
  try {
    const program = buildProgram(commandToBuild(args));
    if (args.length === 0) {
      // No input at all: the usage, on stderr (stdout is for results), as bad usage.
      writeStderr(`${program.helpInformation()}\ngive a file to analyse, or - to read standard input; --help shows every option\n`);
      return 2;
    }
    const suggestion = misspeltCommand(args[0]);
    if (suggestion !== null) {
      writeStderr(`${TOOL_NAME}: unknown command ${JSON.stringify(args[0])}, and there is no such file; did you mean ${suggestion}?\n(run with --help for usage)\n`);
      return 2;
    }
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander's exit code is 0 for --help and --version; a missing subcommand shows help with 1.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const { text, exitCode } = errorText(error, debug);
    writeStderr(text);
    return exitCode;
  }
}

/**
 * The command a first word that is neither a command nor a file is close to (one or two
 * letters off, or swapped: `analyse`, `socres`, `item`), or null. Anything else is left to
 * `analyze`, which reports a missing file as such.
 */
export function misspeltCommand(word: string): string | null {
  if (word.startsWith('-') || COMMANDS.includes(word) || existsSync(word)) return null;
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const command of COMMANDS) {
    const distance = editDistance(lower, command);
    const allowed = command.length <= 4 ? 1 : 2;
    if (distance <= allowed && distance < bestDistance) {
      best = command;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * An error thrown outside the awaited chain (in a stream or timer callback) is still shown as
 * the few lines of `errorText`, with its exit status, never as Node's stack dump.
 */
function catchStrayErrors(debug: boolean): void {
  const stop = (error: unknown): void => {
    const { text, exitCode } = errorText(error, debug);
    writeStderr(text);
    process.exit(exitCode);
  };
  process.on('uncaughtException', stop);
  process.on('unhandledRejection', stop);
}
