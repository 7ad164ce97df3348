/**
 * The harness end to end on a small generated file: the built CLI (dist/cli.cjs, from
 * `npm run build`) against the pandas reference, and a profile traced back to the sources.
 * Skipped when the CLI is not built or /usr/bin/python3 is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareReports } from '../compare.mjs';
import { generateSurvey } from '../generate-data.mjs';
import { generateExport } from '../generate-export.mjs';
import { measure } from '../measure.mjs';
import { profileCli } from '../profile.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CODEBOOK = join(ROOT, 'bench/codebook.json');
const built = existsSync(join(ROOT, 'dist/cli.cjs'));
const skip = !built ? 'dist/cli.cjs is not built (npm run build)' : !existsSync('/usr/bin/python3') ? 'needs /usr/bin/python3' : false;

const dir = mkdtempSync(join(tmpdir(), 'bench-e2e-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'survey.csv');
generateSurvey({ rows: 3000, seed: 11, file });

test('the CLI and the pandas reference agree to 1e-9 on every figure', { skip }, () => {
  const cliJson = join(dir, 'cli.json');
  const pandasJson = join(dir, 'pandas.json');
  const cli = measure(process.execPath, [join(ROOT, 'bin/survey-analyze.js'), file, '--codebook', CODEBOOK, '--format', 'json'], { stdout: cliJson });
  assert.equal(cli.status, 0, cli.stderr);
  const py = spawnSync('/usr/bin/python3', [join(ROOT, 'bench/pandas_reference.py'), file, '--codebook', CODEBOOK], { encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.equal(py.status, 0, py.stderr);
  const ref = JSON.parse(py.stdout);
  const result = compareReports(JSON.parse(readFileSync(cliJson, 'utf8')), ref, 1e-9);
  assert.deepEqual(result.mismatches, []);
  // 3 scales x (6 + 2 + 10 x 7 + 5) + 9 x 2 correlations + 6 prevalence rows x 5 + 3 + rows
  assert.ok(result.compared >= 3 * 83 + 18 + 30 + 3 + 1, `${result.compared} figures`);
  assert.equal(ref.input.rows, 3000);
  assert.ok(ref.scales.every((s) => s.alpha > 0.7 && s.alpha < 0.9), 'alpha near 0.8');
});

test('export-shaped survey: the CLI and the pandas reference agree to 1e-9, the knowledge key included', { skip }, () => {
  const exportFile = join(dir, 'export.csv');
  generateExport({ rows: 3000, seed: 12, file: exportFile });
  const codebook = join(ROOT, 'bench/export-codebook.json');
  const cliJson = join(dir, 'export-cli.json');
  const cli = measure(process.execPath, [join(ROOT, 'bin/survey-analyze.js'), exportFile, '--codebook', codebook, '--format', 'json'], { stdout: cliJson });
  assert.equal(cli.status, 0, cli.stderr);
  const py = spawnSync('/usr/bin/python3', [join(ROOT, 'bench/pandas_reference.py'), exportFile, '--codebook', codebook], { encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.equal(py.status, 0, py.stderr);
  const ref = JSON.parse(py.stdout);
  const report = JSON.parse(readFileSync(cliJson, 'utf8'));
  const result = compareReports(report, ref, 1e-9);
  assert.deepEqual(result.mismatches, []);
  assert.ok(result.compared >= 3 * 83 + 18 + 3, `${result.compared} figures`);
  const knowledge = ref.scales.find((s) => s.id === 'actual_knowledge');
  // 0/1 items: means are the shares right; listwise n is below the rows (blanks, break-offs).
  assert.ok(knowledge.items.every((i) => i.mean > 0 && i.mean < 1));
  assert.ok(knowledge.n < 3000 && knowledge.n > 2000, `n ${knowledge.n}`);
  assert.equal(report.scales.find((s) => s.id === 'actual_knowledge').n, knowledge.n);
});

test('the profile traces samples to the TypeScript sources', { skip: built ? false : 'dist/cli.cjs is not built' }, async () => {
  // Above 4 MiB (WHOLE_FILE_BYTES): not the plain scan of small files, so every record goes through
  // the splitter, whose samples are then many, not a few of the header's probe.
  const large = join(dir, 'large.csv');
  generateSurvey({ rows: 25000, seed: 11, file: large });
  assert.ok(statSync(large).size > 4 * 2 ** 20);
  const { summary } = await profileCli({ cliArgs: [large, '--codebook', CODEBOOK, '--format', 'json'], dir: join(dir, 'profile'), intervalUs: 100 });
  const files = summary.files.map((f) => f.key);
  assert.ok(files.some((f) => f.startsWith('src/')), files.join(', '));
  // The records are split by the project's own splitter (papaparse is no longer on the CLI's path).
  assert.ok(files.includes('src/read/csv-records.ts'), files.join(', '));
  assert.ok(summary.totalUs > 0);
});
