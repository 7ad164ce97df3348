/**
 * Hardening round 2, point 9: numbers that would mislead are refused or nulled, never printed.
 * - Codes of tiny magnitude (1e-300) make every variance underflow to 0 while the scores differ:
 *   a non-zero code below 1e-12 in magnitude is refused, in the codebook (a located codebook
 *   problem) and in the data (a located data error, or missing under --lenient).
 * - Under --missing pairwise the item matrix need not be positive semi-definite and derived
 *   correlations can leave [-1, 1]: such a figure is null, with a warning that says why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisSettings } from '../../src/analysis/analyze.js';
import { completeSettings, type SettingsInput } from '../../src/analysis/settings.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import type { Report } from '../../src/report/report.js';

let dir = '';
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'round2-numbers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The library's default settings (src/analysis/settings.ts), no group columns, 30 bootstrap resamples; then `input`'s. */
function settingsOf(codebook: Codebook, input: SettingsInput = {}): AnalysisSettings {
  return completeSettings(codebook, { groups: [], bootstrap: { resamples: 30 }, ...input });
}

function problemsOf(yaml: string): string[] {
  return parseCodebook(yaml, 'cb.yaml').problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
}

function codebookOf(yaml: string): Codebook {
  const { codebook, problems } = parseCodebook(yaml, 'cb.yaml');
  expect(problems).toEqual([]);
  return codebook!;
}

async function run(codebook: Codebook, csv: string, settings: SettingsInput = {}): Promise<Report> {
  const file = join(dir, `d${count++}.csv`);
  writeFileSync(file, csv);
  return analyze([file], codebook, settingsOf(codebook, settings));
}

describe('codes of tiny magnitude', () => {
  it('a response code below 1e-12 in magnitude is a located codebook problem', () => {
    expect(problemsOf('scales:\n  - id: s\n    items: [a, b]\n    responses: {low: 1e-300, high: 2e-300}\n')).toEqual([
      '4: scales[0].responses.low: the code of "low" must be 0 or at least 1e-12 in magnitude, not 1e-300',
      '4: scales[0].responses.high: the code of "high" must be 0 or at least 1e-12 in magnitude, not 2e-300',
    ]);
  });

  it('a range limit below 1e-12 in magnitude is a located codebook problem', () => {
    expect(problemsOf('scales:\n  - id: s\n    items: [a, b]\n    range: [0, 1e-300]\n')).toEqual([
      '4: scales[0].range: its limits must be 0 or at least 1e-12 in magnitude, not [0,1e-300]',
    ]);
  });

  it('0 and codes of 1e-12 and more are accepted and analysed exactly', async () => {
    const codebook = codebookOf('scales:\n  - id: s\n    items: [a, b]\n    responses: {none: 0, low: 1e-12, high: 2e-12}\n');
    const report = await run(codebook, 'a,b\nnone,low\nlow,high\nhigh,none\n');
    expect(report.scales[0].items[0].sd).toBeCloseTo(1e-12, 24);
    expect(report.scales[0].items[0].sd).toBeGreaterThan(0);
  });

  it('a tiny number in the data is a located error, not an SD of 0', async () => {
    const codebook = codebookOf('scales:\n  - id: s\n    items: [a, b]\n    range: [0, 1]\n');
    const csv = 'a,b\n1e-300,0\n2e-300,1\n0,1\n';
    const file = join(dir, 'tiny.csv');
    writeFileSync(file, csv);
    await expect(analyze([file], codebook, settingsOf(codebook))).rejects.toMatchObject({
      exitCode: 1,
      place: { file, line: 2, column: 'a' },
      message: '1e-300 is too small a code for scale "s": a non-zero code must be at least 1e-12 in magnitude',
    });
  });

  it('under --lenient such a value is missing and counted, as any value outside the codebook', async () => {
    const codebook = codebookOf('scales:\n  - id: s\n    items: [a, b]\n    range: [0, 1]\n');
    const report = await run(codebook, 'a,b\n1e-300,0\n2e-300,1\n0,1\n1,0\n', { lenient: true });
    expect(report.warnings.find((w) => w.code === 'invalid-values')).toMatchObject({ column: 'a', count: 2 });
    expect(report.scales[0].items[0]).toMatchObject({ n: 2, mean: 0.5 });
  });
});

describe('pairwise matrices that are not positive semi-definite', () => {
  /** a and b agree, b and c agree, a and c are opposite: no one set of respondents answers so. */
  function inconsistentRows(): string {
    const rows: string[] = [];
    for (let i = 0; i < 10; i++) {
      const x = 1 + (i % 5);
      rows.push(`${x},${x},`, `,${x},${x}`, `${x},,${6 - x}`);
    }
    return `a,b,c\n${rows.join('\n')}\n`;
  }

  /** Every figure of a scale report that is a correlation. */
  function correlations(report: Report): (number | null)[] {
    return report.scales.flatMap((s) => [
      s.averageInterItemR,
      s.splitHalf?.r ?? null,
      ...s.items.flatMap((i) => [i.itemTotalR, i.itemRestR, i.smc]),
    ]);
  }

  it('a figure that leaves [-1, 1] is null, and a warning names it, its value and why', async () => {
    const codebook = codebookOf('scales:\n  - id: s\n    items: [a, b, c]\n    range: [1, 5]\n  - id: t\n    items: [a, b]\n    range: [1, 5]\n');
    const report = await run(codebook, inconsistentRows(), { missing: 'pairwise' });
    for (const r of correlations(report)) if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-9);
    const t = report.scales.find((s) => s.id === 't')!;
    expect(t.averageInterItemR).toBeNull();
    expect(t.splitHalf?.r).toBeNull();
    expect(t.items.map((i) => i.itemRestR)).toEqual([null, null]);
    const warning = report.warnings.find((w) => w.code === 'correlation-out-of-range' && w.scale === 't');
    // Other correlation-type figures (median r, ...) may follow in the list.
    expect(warning?.message).toMatch(new RegExp(
      '^scale "t": the pairwise covariances are not those of one set of respondents \\(the item matrix is not positive ' +
        'semi-definite\\), so \\d+ correlations come out beyond \\[-1, 1\\]: average inter-item r = 1\\.056, split-half r = 1\\.056, ' +
        'item-rest r of "a" = 1\\.056, item-rest r of "b" = 1\\.056(, [^;]+)?; they are null\\. Use --missing listwise$',
    ));
  });

  it('listwise, the same data give figures inside [-1, 1] and no such warning', async () => {
    const codebook = codebookOf('scales:\n  - id: t\n    items: [a, b]\n    range: [1, 5]\n');
    const report = await run(codebook, inconsistentRows());
    expect(report.warnings.filter((w) => w.code === 'correlation-out-of-range')).toEqual([]);
    for (const r of correlations(report)) if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1);
  });
});
