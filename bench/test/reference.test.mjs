/**
 * The pandas reference on a six-row survey, against R: psych::alpha 2.2.9 on the five
 * complete cases, and prop.test(2, 5, correct = FALSE)$conf.int (the Wilson interval):
 *
 *   d <- read.csv("tiny.csv"); a <- psych::alpha(d[complete.cases(d[, 4:6]), 4:6])
 *
 * The data are written out below; the R figures are copied from its printout.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../pandas_reference.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'bench-reference-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CSV = ['id,g,yn,x1,x2,x3', '1,A,Yes,1,2,3', '2,A,No,2,2,4', '3,B,yes,3,4,4', '4,B,No,4,5,5', '5,B,,5,4,5', '6,,No,2,,3'].join('\n');
const CODEBOOK = {
  scales: [{ id: 's', items: ['x1', 'x2', 'x3'], range: [1, 5] }],
  prevalence: [{ id: 'yes', column: 'yn', positive: ['Yes'] }],
  groups: ['g'],
};

function reference(codebook) {
  const csv = join(dir, 'tiny.csv');
  const cb = join(dir, `codebook-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(csv, `${CSV}\n`);
  writeFileSync(cb, JSON.stringify(codebook));
  const child = spawnSync(PYTHON, [SCRIPT, csv, '--codebook', cb], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

/** Whether /usr/bin/python3 can import what bench/pandas_reference.py needs. */
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas, numpy, statsmodels'], { stdio: 'ignore' }).status === 0;
const skip = hasPandas ? false : 'needs /usr/bin/python3 with pandas, numpy and statsmodels';
const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('alpha, standardized alpha, lambda-6 and item figures match R psych::alpha', { skip }, () => {
  const out = reference(CODEBOOK);
  const s = out.scales[0];
  assert.equal(s.n, 5);
  close(s.alpha, 0.9140625);
  close(s.standardizedAlpha, 0.947398857499749);
  close(s.lambda6, 0.936776372621083);
  close(s.averageInterItemR, 0.857217606548216);
  const rawR = [0.972271824131503, 0.927083333333333, 0.952118174313012];
  const rDrop = [0.914991421995628, 0.827317466897163, 0.920115058898463];
  const mean = [3.0, 3.4, 4.2];
  const sd = [1.58113883008419, 1.341640786499874, 0.836660026534076];
  const dropped = [0.837209302325581, 0.87719298245614, 0.897435897435897];
  s.items.forEach((item, i) => {
    close(item.itemTotalR, rawR[i]);
    close(item.itemRestR, rDrop[i]);
    close(item.mean, mean[i]);
    close(item.sd, sd[i]);
    close(item.alphaIfDeleted, dropped[i]);
  });
});

test('reverse keying is min + max - x: reversing x1 in the codebook equals reversing the data', { skip }, () => {
  const out = reference({ ...CODEBOOK, scales: [{ ...CODEBOOK.scales[0], reverse: ['x1'] }] });
  const item = out.scales[0].items[0];
  close(item.mean, 6 - 3.0);
  close(item.sd, 1.58113883008419);
  // By hand, over the 5 complete rows: 6 - x1 = 5,4,3,2,1 (deviations 2,1,0,-1,-2; SS 10);
  // totals 10,10,10,12,10 (mean 10.4, deviations -.4,-.4,-.4,1.6,-.4; SS 3.2);
  // cross-products -.8 - .4 + 0 - 1.6 + .8 = -2, so r = -2 / sqrt(10 * 3.2).
  close(item.itemTotalR, -2 / Math.sqrt(10 * 3.2));
});

test('prevalence: count, n and the Wilson interval match R prop.test(2, 5, correct = FALSE)', { skip }, () => {
  const out = reference(CODEBOOK);
  const overall = out.prevalence.find((row) => row.group === null);
  assert.equal(overall.count, 2);
  assert.equal(overall.n, 5);
  close(overall.ci.lower, 0.117620774232648);
  close(overall.ci.upper, 0.769275718723987);
  const a = out.prevalence.find((row) => row.group?.value === 'A');
  const b = out.prevalence.find((row) => row.group?.value === 'B');
  assert.deepEqual([a.count, a.n, b.count, b.n], [1, 2, 1, 2]);
  assert.equal(out.prevalence.length, 3, 'the row without a group counts overall only');
});

test('scores: mean of the answered items, only with minAnswered items answered', { skip }, () => {
  const out = reference({ ...CODEBOOK, scales: [{ ...CODEBOOK.scales[0], score: 'sum', minAnswered: 2 }] });
  const score = out.scales[0].score;
  // Rows 1..5 sum to 6, 8, 11, 14, 14; row 6 answered 2 of 3 items: (2 + 3) / 2 * 3 = 7.5.
  assert.equal(score.n, 6);
  close(score.mean, (6 + 8 + 11 + 14 + 14 + 7.5) / 6);
  close(score.min, 6);
  close(score.max, 14);
});
