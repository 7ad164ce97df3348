/**
 * Issue point 8: many scales. The scale-score correlation matrix has s² cells and each
 * respondent updates s²/2 pairs, so it is computed for at most MAX_CORRELATED_SCALES scales
 * (beyond: left out, with a `correlations-omitted` warning); and JSON is written in pieces,
 * never as one string (V8 caps a string at 2^29 - 24 characters).
 * - 3,000 two-item scales (before: "internal error: Invalid string length" after 35 s) and
 *   10,000 (before: more than 3.4 GB) are analysed under a 768 MB heap;
 * - 200 scales are still correlated, 201 are not;
 * - the streamed JSON is the same text as JSON.stringify, in bounded pieces.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CORRELATED_SCALES } from '../../src/analysis/score-accumulator.js';
import { renderJson, renderJsonPieces } from '../../src/report/render-json.js';
import type { Report } from '../../src/report/report.js';
import { sampleReport } from '../report/sample-report.js';
import { ROOT } from '../cli/run-cli.js';
import { seeded } from './fuzz-config.js';

const dir = mkdtempSync(join(tmpdir(), 'hardening-scales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** s two-item scales on [1, 5] and n respondents of seeded random answers. */
function manyScales(s: number, n: number): { data: string; codebook: string } {
  const random = seeded(s);
  const items = Array.from({ length: s }, (_, i) => [`s${i}_a`, `s${i}_b`]).flat();
  const rows = Array.from({ length: n }, (_, r) => [String(r + 1), ...items.map(() => String(1 + Math.floor(random() * 5)))].join(','));
  const data = join(dir, `scales-${s}.csv`);
  const codebook = join(dir, `scales-${s}.json`);
  writeFileSync(data, `id,${items.join(',')}\n${rows.join('\n')}\n`);
  writeFileSync(codebook, JSON.stringify({ title: `${s} scales`, scales: Array.from({ length: s }, (_, i) => ({ id: `s${i}`, items: [`s${i}_a`, `s${i}_b`], range: [1, 5] })) }));
  return { data, codebook };
}

/** The CLI's JSON report under a 768 MB heap (non-blocking, so the test timeout can stop it). */
function analyse(survey: { data: string; codebook: string }, signal: AbortSignal): Promise<{ report: Report; stdout: string }> {
  const args = ['--max-old-space-size=768', join(ROOT, 'bin/survey-analyze.js'), survey.data, '-c', survey.codebook, '-f', 'json', '--quiet'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, signal, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve({ report: JSON.parse(stdout) as Report, stdout });
    });
  });
}

describe('thousands of scales', () => {
  it('3,000 two-item scales: a report, without the score correlations, with a warning', async ({ signal }) => {
    const { report, stdout } = await analyse(manyScales(3000, 40), signal);
    expect(report.scales).toHaveLength(3000);
    expect(report.correlations.ids).toEqual([]);
    expect(report.correlations.r).toEqual([]);
    const omitted = report.warnings.filter((w) => w.code === 'correlations-omitted');
    expect(omitted).toHaveLength(1);
    expect(omitted[0].message).toBe(`the scores of 3000 scales are not correlated: the correlation matrix is computed for at most ${MAX_CORRELATED_SCALES} scales`);
    // The streamed text is JSON.stringify's.
    expect(stdout).toBe(renderJson(report));
  });

  it('10,000 two-item scales in a 768 MB heap', async ({ signal }) => {
    const { report } = await analyse(manyScales(10_000, 20), signal);
    expect(report.scales).toHaveLength(10_000);
    expect(report.scales[9999].score.n).toBe(20);
  });

  it(`${MAX_CORRELATED_SCALES} scales are correlated, ${MAX_CORRELATED_SCALES + 1} are not`, async ({ signal }) => {
    const at = await analyse(manyScales(MAX_CORRELATED_SCALES, 30), signal);
    expect(at.report.correlations.ids).toHaveLength(MAX_CORRELATED_SCALES);
    expect(at.report.correlations.r[0][1]).not.toBeNull();
    expect(at.report.warnings.map((w) => w.code)).not.toContain('correlations-omitted');
    const over = await analyse(manyScales(MAX_CORRELATED_SCALES + 1, 30), signal);
    expect(over.report.correlations.ids).toEqual([]);
    expect(over.report.warnings.map((w) => w.code)).toContain('correlations-omitted');
  });
});

describe('streamed JSON', () => {
  it('is the text of JSON.stringify(report, null, 2), in pieces of bounded size', () => {
    const report = sampleReport();
    const pieces = [...renderJsonPieces(report)];
    expect(pieces.join('')).toBe(renderJson(report));
    // A large report: every piece is small (about 1 Mi characters, plus at most one scale).
    const big = { ...report, scales: Array.from({ length: 1000 }, () => report.scales).flat() };
    const bigPieces = [...renderJsonPieces(big)];
    const text = renderJson(big);
    expect(bigPieces.join('')).toBe(text);
    expect(bigPieces.length).toBeGreaterThan(text.length / (2 << 20));
    expect(Math.max(...bigPieces.map((p) => p.length))).toBeLessThan((1 << 20) + 64 * 1024);
  });

  it('a small report is one piece; one scale with many distinct answers (frequencies) is several', () => {
    const report = sampleReport();
    expect([...renderJsonPieces(report)]).toHaveLength(1);
    // 70,000 frequencies of one item (distinct fractional codes): far beyond a small report.
    const scale = report.scales[0];
    const frequencies = Array.from({ length: 70000 }, (_, i) => ({ ...scale.items[0].frequencies[0], code: 1 + i / 70000 }));
    const many = { ...report, scales: [{ ...scale, items: [{ ...scale.items[0], frequencies }, ...scale.items.slice(1)] }, ...report.scales.slice(1)] };
    const pieces = [...renderJsonPieces(many)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(renderJson(many));
  });
});
