import { Command, CommanderError, Option } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { ANALYZE_HELP, runAnalyze } from './analyze-command.js';
import { analysisOptions, inputOptions, readOptions, type InputRawOptions, type RawOptions } from './options.js';
import { errorText } from './print-error.js';
import { SCORES_HELP, runScores } from './scores-command.js';
import { watchStdout } from './stdout.js';

const EXIT_STATUS_HELP = `
Exit status: 0 success (warnings allowed), 1 the data or a file could not be analysed,
2 bad usage, options or codebook.`;

function explicitOptions(command: Command): Set<string> {
  const names = command.options.map((o) => o.attributeName());
  return new Set(names.filter((name) => command.getOptionValueSource(name) === 'cli'));
}

function buildProgram(): Command {
  const program = new Command(TOOL_NAME)
    .description('Psychometric analysis of survey responses: reliability, item analysis, scale scores and prevalence.')
    .usage('[analyze] [options] <file...>   (or: scores | codebook show | codebook init | codebook check)')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_STATUS_HELP)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.startsWith('error:') ? `${TOOL_NAME}: ${text}` : text) });

  const analyze = program
    .command('analyze', { isDefault: true })
    .description('full analysis: reliability, scale scores, correlations, prevalence')
    .argument('<file...>', 'CSV file(s), or - for standard input; several files are one sample')
    .addHelpText('after', ANALYZE_HELP)
    .exitOverride();
  for (const option of [...inputOptions(), ...analysisOptions()]) analyze.addOption(option);
  analyze.action((files: string[], options: RawOptions, command: Command) => runAnalyze(files, options, explicitOptions(command)));

  const scores = program
    .command('scores')
    .description('one row per respondent: id, group columns, each scale score (CSV on stdout)')
    .argument('<file...>', 'CSV file(s), or - for standard input')
    .addHelpText('after', SCORES_HELP)
    .exitOverride();
  for (const option of inputOptions()) scores.addOption(option);
  scores.action((files: string[], options: InputRawOptions) => runScores(files, options));

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
  for (const name of ['--input-format', '--sheet', '--keep-user-missing', '--delimiter', '--encoding']) init.addOption(inputOptions().find((o) => o.long === name)!);
  init
    .option('--debug', 'show a stack trace with errors')
    .exitOverride()
    .action(async (file: string, options: InputRawOptions & { dictionary?: string }) =>
      (await import('./codebook-init-command.js')).runCodebookInit(file, { read: readOptions(options), dictionary: options.dictionary }));
  return program;
}

/** Run the CLI on its arguments (without `node` and the script); resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const debug = args.includes('--debug');
  watchStdout(debug);
  catchStrayErrors(debug);
  try {
    await buildProgram().parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander's exit code is 0 for --help and --version; a missing subcommand shows help with 1.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const { text, exitCode } = errorText(error, debug);
    process.stderr.write(text);
    return exitCode;
  }
}

/**
 * An error thrown outside the awaited chain (in a stream or timer callback) is still shown as
 * the few lines of `errorText`, with its exit status, never as Node's stack dump.
 */
function catchStrayErrors(debug: boolean): void {
  const stop = (error: unknown): void => {
    const { text, exitCode } = errorText(error, debug);
    process.stderr.write(text);
    process.exit(exitCode);
  };
  process.on('uncaughtException', stop);
  process.on('unhandledRejection', stop);
}
