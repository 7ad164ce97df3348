import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import golden from '../fixture/protect-golden.json';
import { FIXTURE, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function json(args: string[] = []): Report {
  const result = runCli([FIXTURE, '--format', 'json', ...args]);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const percent = (x: number | null): string => ((x ?? NaN) * 100).toFixed(1);

describe('survey-analyze on the bundled (synthetic) survey', () => {
  const report = json();

  it('follows the JSON contract', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('survey-analyze');
    expect(report.input).toMatchObject({ files: [FIXTURE], rows: 782 });
    expect(report.settings).toMatchObject({ ciMethod: 'wilson', alphaCi: 'feldt', confLevel: 0.95, missing: 'listwise' });
    for (const scale of report.scales) {
      expect(Object.keys(scale)).toEqual(expect.arrayContaining(['id', 'label', 'k', 'n', 'alpha', 'standardizedAlpha', 'averageInterItemR', 'alphaCI', 'items', 'score']));
      expect(scale.alphaCI).toMatchObject({ method: 'feldt', level: 0.95 });
      for (const item of scale.items) {
        expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'reversed', 'n', 'mean', 'sd', 'itemTotalR', 'itemRestR', 'alphaIfDeleted']));
        expect(item.n).toBe(scale.n);
      }
    }
    expect(report.correlations.ids).toEqual(['perceived_knowledge', 'actual_knowledge', 'confidence']);
  });

  it('reproduces the published alphas (0.93, 0.63, 0.64), the knowledge scale as KR-20', () => {
    expect(report.scales.map((s) => s.alpha!.toFixed(2))).toEqual(['0.93', '0.63', '0.64']);
    expect(report.scales.map((s) => s.coefficient)).toEqual(['alpha', 'kr20', 'alpha']);
  });

  it('alpha, standardized alpha and n as R psych::alpha (tests/fixture/make-protect-golden.R)', () => {
    const reference = golden as Record<string, { n: number; alpha: number; standardizedAlpha: number }>;
    for (const scale of report.scales) {
      expect(scale.n).toBe(reference[scale.id].n);
      expect(Math.abs(scale.alpha! - reference[scale.id].alpha)).toBeLessThan(1e-9);
      expect(Math.abs(scale.standardizedAlpha! - reference[scale.id].standardizedAlpha)).toBeLessThan(1e-9);
    }
  });

  it('group comparison of two groups in csv: Fisher p, with the Yates chi-square labelled as such', () => {
    // R: t <- table(d$contact, d$prior_training)   # No/No 637, Yes/No 82, No/Yes 36, Yes/Yes 19
    //    chisq.test(t): X-squared 22.1165652281625, p 2.5658603103499e-06; fisher.test(t)$p.value 1.67459999443663e-05
    const csv = runCli([FIXTURE, '--by', 'prior_training', '--format', 'csv', '--digits', '12']).stdout;
    const rows = csv.trim().split('\n').map((line) => line.split(','));
    const figure = (statistic: string) => rows.find((r) => r[0] === 'group-comparisons' && r[1] === 'contact' && r[6] === statistic)!;
    expect(Number(figure('statistic')[7])).toBeCloseTo(22.1165652281625, 10);
    expect(figure('statistic')[8]).toBe('');
    // p-values are written to 5 significant digits.
    const relative = (statistic: string, reference: number) => Math.abs(Number(figure(statistic)[7]) / reference - 1);
    expect(relative('p_value', 1.67459999443663e-5)).toBeLessThan(1e-4);
    expect(figure('p_value')[8]).toBe('fisher-exact');
    expect(relative('chi_square_p_value', 2.5658603103499e-6)).toBeLessThan(1e-4);
    expect(figure('yates')[7]).toBe('1');
  });

  it('reproduces the published prevalences with their n', () => {
    const overall = new Map(report.prevalence.filter((p) => p.group === null).map((p) => [p.id, p]));
    const published: [string, number, string][] = [
      ['lacks_questions_knowledge', 679, '86.8'],
      ['insufficient_training', 613, '78.4'], // the paper prints 78.3: see fixtures/README.md
      ['lacks_confidence_men', 556, '71.1'],
      ['lacks_confidence_women', 528, '67.5'],
      ['lacks_confidence_children', 418, '53.5'], // 53.4 in the paper
      ['unaware_scale', 746, '95.4'], // 95.3 in the paper
      ['unaware_police_risk', 598, '76.5'],
    ];
    for (const [id, count, shown] of published) {
      expect(overall.get(id)).toMatchObject({ count, n: 782 });
      expect(percent(overall.get(id)!.proportion)).toBe(shown);
    }
    expect(percent(overall.get('contact')!.proportion)).toBe('13.0');
    const maternity = report.prevalence.find((p) => p.id === 'contact' && p.group?.value === 'Maternity');
    expect(maternity?.group?.column).toBe('discipline');
    expect(percent(maternity!.proportion)).toBe('20.4');
  });

  it('Wilson 95% interval of 679/782 by hand', () => {
    // p = 679/782, z = 1.959964; centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n)
    const n = 782, p = 679 / n, z = 1.959963984540054;
    const denom = 1 + (z * z) / n;
    const centre = (p + (z * z) / (2 * n)) / denom;
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
    const row = report.prevalence.find((r) => r.id === 'lacks_questions_knowledge' && r.group === null)!;
    expect(row.ci.lower).toBeCloseTo(centre - half, 12);
    expect(row.ci.upper).toBeCloseTo(centre + half, 12);
  });

  it('prints no NaN or Infinity in any format', () => {
    for (const format of ['table', 'json', 'csv', 'tsv', 'markdown', 'latex', 'html']) {
      const result = runCli([FIXTURE, '--format', format]);
      expect(result.status, format).toBe(0);
      expect(result.stdout, format).not.toMatch(/\bNaN\b|Infinity/);
    }
  });

  it('reads standard input, and several files as one sample', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const fromStdin = runCli(['-', '--format', 'json'], { input: text });
    expect(fromStdin.status).toBe(0);
    const viaStdin = JSON.parse(fromStdin.stdout) as Report;
    expect(viaStdin.scales.map((s) => s.alpha)).toEqual(report.scales.map((s) => s.alpha));
    const lines = text.trimEnd().split('\n');
    const a = write('a.csv', [lines[0], ...lines.slice(1, 400)].join('\n') + '\n');
    const b = write('b.csv', [lines[0], ...lines.slice(400)].join('\n') + '\n');
    const split = JSON.parse(runCli([a, b, '--format', 'json']).stdout) as Report;
    expect(split.input.rows).toBe(782);
    split.scales.forEach((s, i) => expect(s.alpha).toBeCloseTo(report.scales[i].alpha!, 12));
  });

  it('plain text without a terminal, also with NO_COLOR or TERM=dumb (FORCE_COLOR and --color: tests/cli/usage.test.ts)', () => {
    for (const env of [{}, { NO_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      const result = runCli([FIXTURE], { env });
      expect(result.stdout).not.toMatch(/\x1b\[/);
      expect(result.stdout).toMatch(/perceived_knowledge|Perceived knowledge/);
    }
  });
});

describe('exit statuses and messages', () => {
  it('a missing file: status 1, located message, nothing on stdout', () => {
    const result = runCli(['no-such.csv']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('survey-analyze: no-such.csv: no such file\n');
  });

  it('bad options: status 2', () => {
    for (const args of [['--conf-level', '2'], ['--format', 'pdf'], ['--bogus'], ['--ci-method', 'exact'], ['--bootstrap', '-1']]) {
      const result = runCli([FIXTURE, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^survey-analyze: error: /);
    }
    expect(runCli([]).status).toBe(2);
  });

  it('a bad codebook: status 2 with file, line and path', () => {
    const codebook = write('bad.yaml', 'scales:\n  - id: s\n    items: [a, b]\n    reverse: [c]\n    range: [1, 5]\n');
    const result = runCli([FIXTURE, '--codebook', codebook]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${codebook}:4: scales[0].reverse[0]: "c" is not an item of scale "s"`);
  });

  it('data that does not fit: status 1 naming file, line and column; --lenient counts instead', () => {
    const codebook = write('cb.yaml', 'scales:\n  - {id: s, items: [a, b], range: [1, 5]}\n');
    const data = write('data.csv', 'a,b\n1,2\n3,9\n2,2\n');
    const strict = runCli([data, '-c', codebook]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`${data}:3: column "b": 9 is outside the range [1, 5] of scale "s"`);
    expect(strict.stderr).toMatch(/--lenient/);
    const lenient = runCli([data, '-c', codebook, '--lenient', '--format', 'json']);
    expect(lenient.status).toBe(0);
    const report = JSON.parse(lenient.stdout) as Report;
    expect(report.scales[0].n).toBe(2);
    expect(report.warnings.find((w) => w.code === 'invalid-values')).toMatchObject({ column: 'b', count: 1 });
    expect(lenient.stderr).toMatch(/warning: column "b": 1 value out of range/);
  });

  it('no stack trace unless --debug', () => {
    const plain = runCli(['no-such.csv']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = runCli(['no-such.csv', '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
