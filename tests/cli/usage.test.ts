import { describe, expect, it } from 'vitest';
import { commandToBuild, misspeltCommand } from '../../src/cli/main.js';
import { count } from '../../src/cli/options.js';
import { useColor } from '../../src/cli/std-streams.js';
import { FIXTURE, runCli } from './run-cli.js';

describe('the command line as people expect it', () => {
  it('top-level --help lists the commands and the options of analyze, the default command', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    for (const command of ['analyze', 'scores', 'items', 'codebook']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('Options of analyze (the default command):');
    for (const option of ['--codebook', '--format', '--out', '--ci-method', '--alpha-ci', '--conf-level', '--missing', '--cluster', '--digits', '--color', '--no-color', '--lenient']) {
      expect(help.stdout).toContain(option);
    }
    expect(help.stdout).toContain('Exit status:');
  });

  it('with no arguments, the usage on stderr and status 2 (stdout stays for results)', () => {
    const result = runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: survey-analyze \[analyze\] \[options\] <file\.\.\.>/);
    expect(result.stderr).toContain('give a file to analyse, or - to read standard input');
  });

  it('a misspelt command that is not a file: did you mean, status 2', () => {
    for (const [word, command] of [['analyse', 'analyze'], ['socres', 'scores'], ['item', 'items'], ['codebok', 'codebook']]) {
      const result = runCli([word, FIXTURE]);
      expect(result.status, word).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`survey-analyze: unknown command "${word}", and there is no such file; did you mean ${command}?\n(run with --help for usage)\n`);
    }
    // A missing file that looks like no command is reported as a missing file (status 1).
    const missing = runCli(['responses.csv']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('responses.csv: no such file');
  });

  it('a file named like a command is analysed, not corrected', () => {
    expect(misspeltCommand('analyse')).toBe('analyze');
    expect(misspeltCommand(FIXTURE)).toBeNull();
    expect(misspeltCommand('-f')).toBeNull();
    expect(misspeltCommand('scores')).toBeNull();
    expect(misspeltCommand('survey.csv')).toBeNull();
    expect(misspeltCommand('x')).toBeNull();
  });

  it('builds the options of the command that runs, and of every command when help may be shown', () => {
    expect(commandToBuild([FIXTURE, '--format', 'json'])).toBe('analyze');
    expect(commandToBuild(['--threads', '1', FIXTURE])).toBe('analyze');
    expect(commandToBuild(['scores', FIXTURE])).toBe('scores');
    expect(commandToBuild(['codebook', 'init', FIXTURE])).toBe('codebook');
    expect(commandToBuild([])).toBeNull();
    expect(commandToBuild(['help', 'scores'])).toBeNull();
    expect(commandToBuild(['items', '--help'])).toBeNull();
    expect(commandToBuild([FIXTURE, '-h'])).toBeNull();
    // Each command still knows its own options, and only its own.
    expect(runCli(['items', '--format', 'json', FIXTURE]).stderr).toMatch(/unknown option '--format'/);
    expect(runCli(['scores', '--lenient', '--codebook', 'missing.yaml', FIXTURE]).stderr).toContain('missing.yaml');
    const help = runCli(['help', 'factors']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--rotate');
  });

  it('colour: --color and --no-color decide, then FORCE_COLOR, a non-empty NO_COLOR, TERM=dumb, the terminal', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true); // no-color.org: an empty NO_COLOR does not count
    expect(useColor(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1', TERM: 'dumb' }, false)).toBe(true);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('colour end to end: --color and FORCE_COLOR colour the table through a pipe; --no-color wins; JSON is never coloured', () => {
    const ansi = /\x1b\[/;
    expect(runCli([FIXTURE]).stdout).not.toMatch(ansi);
    expect(runCli([FIXTURE, '--color']).stdout).toMatch(ansi);
    expect(runCli([FIXTURE], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(runCli([FIXTURE, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(runCli([FIXTURE, '-f', 'json', '--color']).stdout).not.toMatch(ansi);
  });

  it('counts are in the singular for one', () => {
    expect(count(1, 'item')).toBe('1 item');
    expect(count(0, 'item')).toBe('0 items');
    expect(count(1234, 'row')).toBe('1,234 rows');
    expect(count(2, 'prevalence entry', 'prevalence entries')).toBe('2 prevalence entries');
  });
});
