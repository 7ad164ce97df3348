/**
 * Hardening round 2, points 2 and 4: every message is a few short lines whatever the data or
 * the codebook hold (a quoted value is a prefix with an ellipsis and its length; a list in a hint
 * is cut with a count; the printer bounds what is left), and no control character or bidi override
 * from the data reaches the terminal as it is: in errors, in warnings on stderr, in the warnings
 * of a report, in the table format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText, warningText } from '../../src/cli/print-error.js';
import { dataError, usageError } from '../../src/errors.js';
import { boundMessage, escapeControls, quoteList, quoteValue } from '../../src/quote-value.js';
import { terminalSafe } from '../../src/report/text-table.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../cli/run-cli.js';

let dir = '';
const at = (name: string): string => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'round2-messages-'));
  writeFileSync(at('cb.yaml'), 'scales:\n  - id: att\n    items: [q1, q2]\n    responses: {"Disagree": 1, "Agree": 2}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Raw terminal controls: C0 but the line feed, DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ATTACK = '\u001b]0;pwned\u0007\u001b[2J\u202eevil';
const ATTACK_SHOWN = '\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil';

describe('quoting and bounding helpers', () => {
  it('quoteValue cuts a long value to a prefix with an ellipsis and its length, and escapes controls', () => {
    expect(quoteValue('Agree')).toBe('"Agree"');
    expect(quoteValue('x'.repeat(300_000))).toBe(`"${'x'.repeat(60)}…" (300000 characters)`);
    expect(quoteValue('😀'.repeat(61))).toBe(`"${'😀'.repeat(60)}…" (61 characters)`);
    expect(quoteValue(ATTACK)).toBe(`"${ATTACK_SHOWN}"`);
    expect(quoteValue('a\nb')).toBe('"a\\x0ab"');
  });

  it('quoteList shows at most a few values, then how many more', () => {
    expect(quoteList(Array.from({ length: 5000 }, (_, i) => `c${i}`), 3)).toBe('"c0", "c1", "c2" and 4997 more');
  });

  it('escapeControls escapes C0, DEL, C1 and bidi controls, and nothing else', () => {
    expect(escapeControls('\u0000\u0009\u000a\u007f\u0085\u009b\u202a\u202e\u2066\u2069')).toBe('\\x00\\x09\\x0a\\x7f\\x85\\x9b\\u202a\\u202e\\u2066\\u2069');
    expect(escapeControls('a\nb', true)).toBe('a\nb');
    expect(escapeControls('Don’t know — ü 😀 \u200f')).toBe('Don’t know — ü 😀 \u200f');
  });

  it('terminalSafe (the table format) escapes bidi overrides as well as ESC', () => {
    expect(terminalSafe(ATTACK)).toBe(ATTACK_SHOWN);
  });

  it('boundMessage keeps a message to a few lines of bounded length', () => {
    const text = boundMessage(Array.from({ length: 1000 }, () => 'y'.repeat(10_000)).join('\n'));
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1100);
    expect(lines.at(-1)).toBe('… and 976 more lines');
  });

  it('the printer bounds any error, even one whose message was never written short', () => {
    const huge = dataError(`bad ${'z'.repeat(3_000_000)}\n${'line\n'.repeat(5000)}${ATTACK}`, { file: 'f.csv', line: 2, column: `c${ATTACK}` }, 'h'.repeat(100_000));
    const { text, exitCode } = errorText(huge, false);
    expect(exitCode).toBe(1);
    expect(text.length).toBeLessThan(15_000);
    expect(text.split('\n').length).toBeLessThanOrEqual(26);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text.startsWith(`survey-analyze: f.csv:2: column "c${ATTACK_SHOWN}": bad zzz`)).toBe(true);
    const internal = errorText(new Error(`${'q'.repeat(1_000_000)}${ATTACK}`), false).text;
    expect(internal.length).toBeLessThan(1200);
    expect(internal).not.toMatch(RAW_CONTROL);
    expect(warningText(`w${'w'.repeat(1_000_000)}${ATTACK}`).length).toBeLessThan(1100);
    expect(errorText(usageError(`ok\n  with a list\n  of lines`), false).text).toBe('survey-analyze: ok\n  with a list\n  of lines\n');
  });
});

describe('errors from the data are short', () => {
  it('a 300 KB cell is quoted as a prefix and its length: a two-line message', () => {
    writeFileSync(at('long-cell.csv'), `q1,q2\nAgree,Agree\n${'A'.repeat(300_000)},Agree\n`);
    const result = runCli([at('long-cell.csv'), '-c', at('cb.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`column "q1": "${'A'.repeat(60)}…" (300000 characters) is not an answer of scale "att"`);
    expect(result.stderr.split('\n').length).toBe(3);
    expect(result.stderr.length).toBeLessThan(1000);
  });

  it('the "header has" hint: column names with line breaks stay on one line, long ones are cut', () => {
    const many = Array.from({ length: 400 }, (_, i) => `"col ${i}\n${'with a break\n'.repeat(3)}${'x'.repeat(1000)}"`).join(',');
    writeFileSync(at('header.csv'), `${many}\n${Array.from({ length: 400 }, () => '1').join(',')}\n`);
    const result = runCli([at('header.csv'), '-c', at('cb.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/header\.csv:1: 2 columns are not in the file: "q1" \(codebook scales\[0\]\.items\[0\]\), "q2" /);
    expect(result.stderr).toContain('\n  hint: the header has: "col 0\\x0awith a break\\x0a');
    expect(result.stderr).toContain('" (1045 characters), "col 1\\x0a');
    expect(result.stderr).toMatch(/ and 388 more\n$/);
    expect(result.stderr.split('\n').length).toBe(3);
    expect(result.stderr.length).toBeLessThan(2000);
  });

  it('a cell with terminal escapes is shown escaped in the error', () => {
    writeFileSync(at('escape.csv'), `q1,q2\nAgree,Agree\n"${ATTACK}",Agree\n`);
    const result = runCli([at('escape.csv'), '-c', at('cb.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain(`column "q1": "${ATTACK_SHOWN}" is not an answer of scale "att"`);
  });

  it('a column name with terminal escapes is shown escaped where the error names its column', () => {
    writeFileSync(at('escape-cb.yaml'), `scales:\n  - id: att\n    items: ["q\\u202e1", q2]\n    range: [1, 5]\n`);
    writeFileSync(at('escape-column.csv'), `"q\u202e1",q2\n9,1\n`);
    const result = runCli([at('escape-column.csv'), '-c', at('escape-cb.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('column "q\\u202e1": 9 is outside the range [1, 5]');
  });

  it('under --lenient, the warning is escaped on stderr, in the JSON report and in the table', () => {
    writeFileSync(at('escape-lenient.csv'), `q1,q2\nAgree,Agree\nDisagree,Agree\n"${ATTACK}",Agree\n`);
    const json = runCli([at('escape-lenient.csv'), '-c', at('cb.yaml'), '--lenient', '-f', 'json']);
    expect(json.status).toBe(0);
    expect(json.stderr).not.toMatch(RAW_CONTROL);
    expect(json.stderr).toContain(`the first, "${ATTACK_SHOWN}", at`);
    const report = JSON.parse(json.stdout) as Report;
    const warning = report.warnings.find((w) => w.code === 'invalid-values')!;
    expect(warning.message).not.toMatch(RAW_CONTROL);
    expect(warning.message).toContain(ATTACK_SHOWN);
    for (const format of ['table', 'markdown', 'csv']) {
      const result = runCli([at('escape-lenient.csv'), '-c', at('cb.yaml'), '--lenient', '-f', format, '--quiet']);
      expect(result.stdout, format).not.toMatch(RAW_CONTROL);
    }
    const scores = runCli(['scores', at('escape-lenient.csv'), '-c', at('cb.yaml'), '--lenient']);
    expect(scores.status).toBe(0);
    expect(scores.stderr).not.toMatch(RAW_CONTROL);
    expect(scores.stderr).toContain(ATTACK_SHOWN);
  });
});

describe('codebook messages are short', () => {
  it('a codebook of huge labels and keys: each problem a bounded line, the error a few lines', () => {
    // JSON (which the YAML parser reads too): YAML's own keys are limited to 1024 characters.
    const big = 'L'.repeat(100_000);
    const codebook = {
      responseSets: { s1: { [big]: 1, [big.toLowerCase()]: 2 } },
      scales: [
        { id: big, items: ['a', 'b'], responses: `${big}x`, [`${big}y`]: 1 },
        ...Array.from({ length: 30 }, (_, i) => ({ id: `s${i}${big}`, items: ['a'], responses: { [big]: big } })),
      ],
    };
    writeFileSync(at('huge.yaml'), JSON.stringify(codebook, null, 1));
    const check = runCli(['codebook', 'check', at('huge.yaml')]);
    expect(check.status).toBe(2);
    // One line per problem (on stdout or on stderr, before the count).
    const problems = `${check.stdout}${check.stderr}`.split('\n').filter((line) => line.startsWith(at('huge.yaml')));
    expect(problems.length).toBeGreaterThan(30);
    for (const line of problems) expect(line.length, line.slice(0, 200)).toBeLessThan(500);
    expect(problems.join('\n')).toContain(`"${'L'.repeat(60)}…" (100000 characters)`);
    const run = runCli([at('header.csv'), '-c', at('huge.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').length).toBeLessThanOrEqual(25);
    expect(run.stderr.length).toBeLessThan(12_000);
    expect(run.stderr).toContain('... and ');
  });
});
