/**
 * Wide input: a scale with hundreds of items is analysed in seconds, with lambda-6 and omega.
 * (A 1000-column file with a scale of a few items is in the corpus; here every column is an item.)
 * No wall-clock assertions: vitest's test timeout (vitest.config.ts) is the only guard, and it
 * kills the CLI through the test's abort signal.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { ROOT } from '../cli/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A k-item scale on [1, 5] with n respondents, and its codebook. `loading` 0: independent
 * pseudo-random answers; otherwise answer = round(3 + 1.2 (loading f + sqrt(1 - loading²) e)),
 * clipped to [1, 5], with one common standard normal factor f per respondent.
 */
function wideSurvey(k: number, n: number, loading: number): { data: string; codebook: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hardening-wide-'));
  dirs.push(dir);
  const items = Array.from({ length: k }, (_, i) => `q${i + 1}`);
  let state = 12345;
  const uniform = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return ((state >>> 8) + 0.5) / 16777216;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const rows: string[] = [];
  for (let r = 0; r < n; r++) {
    const f = normal();
    const answers = items.map(() => {
      if (loading === 0) return 1 + Math.floor(uniform() * 5);
      const z = loading * f + Math.sqrt(1 - loading * loading) * normal();
      return Math.min(5, Math.max(1, Math.round(3 + 1.2 * z)));
    });
    rows.push(answers.join(','));
  }
  const data = join(dir, 'wide.csv');
  const codebook = join(dir, 'wide.yaml');
  writeFileSync(data, `${items.join(',')}\n${rows.join('\n')}\n`);
  writeFileSync(codebook, `scales:\n  - id: all\n    range: [1, 5]\n    items: [${items.join(', ')}]\n`);
  return { data, codebook };
}

/** The CLI's JSON report of a file (non-blocking, so the test timeout can abort it). */
function analyse(survey: { data: string; codebook: string }, signal: AbortSignal): Promise<Report> {
  const args = [`${ROOT}bin/survey-analyze.js`, survey.data, '-c', survey.codebook, '--format', 'json', '--quiet'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, signal, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Report);
    });
  });
}

function warningCodes(report: Report): string[] {
  return report.warnings.map((w) => w.code);
}

describe('a scale of many items', () => {
  it('400 items, 60 respondents of random answers (singular R): lambda-6 and omega near 0', async ({ signal }) => {
    const report = await analyse(wideSurvey(400, 60, 0), signal);
    const scale = report.scales[0];
    expect(scale.k).toBe(400);
    expect(scale.n).toBe(60);
    // Fewer respondents than items: R has rank 59, so SMC uses psych's pseudo-inverse.
    expect(warningCodes(report)).toContain('singular-correlation-matrix');
    expect(warningCodes(report)).not.toContain('omega-not-converged');
    expect(scale.lambda6).not.toBeNull();
    expect(scale.omegaTotal).not.toBeNull();
    // Unrelated items: the average r is about 0 and so are the reliabilities.
    expect(Math.abs(scale.averageInterItemR!)).toBeLessThan(0.01);
    expect(Math.abs(scale.lambda6!)).toBeLessThan(0.2);
    expect(Math.abs(scale.omegaTotal!)).toBeLessThan(0.2);
  });

  it('400 items, 600 respondents with one common factor (loading .6): lambda-6 and omega close to 1', async ({ signal }) => {
    const report = await analyse(wideSurvey(400, 600, 0.6), signal);
    const scale = report.scales[0];
    expect(scale.k).toBe(400);
    expect(warningCodes(report)).not.toContain('singular-correlation-matrix');
    expect(warningCodes(report)).not.toContain('omega-not-converged');
    expect(warningCodes(report)).not.toContain('omega-heywood');
    // Average r ≈ .3 (.36 before the rounding to 1..5): alpha = 400 r / (1 + 399 r) ≈ .994.
    expect(scale.averageInterItemR!).toBeGreaterThan(0.25);
    expect(scale.averageInterItemR!).toBeLessThan(0.4);
    for (const figure of [scale.alpha!, scale.lambda6!, scale.omegaTotal!]) {
      expect(figure).toBeGreaterThan(0.99);
      expect(figure).toBeLessThan(1);
    }
    // Equal loadings: omega total equals standardized alpha up to sampling noise.
    expect(Math.abs(scale.omegaTotal! - scale.standardizedAlpha!)).toBeLessThan(0.002);
  });

  it('1000 items, 60 respondents of random answers (singular R): lambda-6 and omega defined', async ({ signal }) => {
    const report = await analyse(wideSurvey(1000, 60, 0), signal);
    const scale = report.scales[0];
    expect(scale.k).toBe(1000);
    expect(warningCodes(report)).toContain('singular-correlation-matrix');
    expect(warningCodes(report)).not.toContain('omega-not-converged');
    expect(Math.abs(scale.lambda6!)).toBeLessThan(0.2);
    expect(Math.abs(scale.omegaTotal!)).toBeLessThan(0.2);
  });
});
