import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReports, difference } from '../compare.mjs';

test('difference: absolute up to 1, relative beyond; nulls; NaN', () => {
  assert.equal(difference(0.5, 0.25), 0.25);
  assert.equal(difference(1010, 1000), 0.01);
  assert.equal(difference(null, null), 0);
  assert.equal(difference(null, 1), Infinity);
  assert.equal(difference(1, null), Infinity);
  assert.equal(difference(NaN, NaN), Infinity);
  assert.equal(difference(3, 3), 0);
});

function reports() {
  const scale = (id) => ({
    id,
    k: 2,
    n: 10,
    alpha: 0.8,
    standardizedAlpha: 0.81,
    averageInterItemR: 0.67,
    lambda6: 0.7,
    alphaCI: { lower: 0.7, upper: 0.9 },
    items: [
      { id: `${id}1`, n: 10, mean: 3, sd: 1, itemTotalR: 0.9, itemRestR: 0.67, alphaIfDeleted: null, smc: 0.45 },
      { id: `${id}2`, n: 10, mean: 3.5, sd: 1.2, itemTotalR: 0.91, itemRestR: 0.67, alphaIfDeleted: null, smc: 0.45 },
    ],
    score: { method: 'mean', n: 10, mean: 3.25, sd: 1, min: 1, max: 5 },
  });
  const ref = {
    input: { rows: 12 },
    scales: [scale('a'), scale('b')],
    correlations: { ids: ['a', 'b'], r: [[1, 0.3], [0.3, 1]], n: [[10, 9], [9, 10]] },
    prevalence: [
      { id: 'p', group: null, count: 3, n: 11, proportion: 3 / 11, ci: { lower: 0.1, upper: 0.5 } },
      { id: 'p', group: { column: 'g', value: 'x' }, count: 1, n: 5, proportion: 0.2, ci: { lower: 0.03, upper: 0.6 } },
    ],
    groupComparisons: [{ id: 'p', column: 'g', statistic: 1.5, df: 1, chiSquarePValue: 0.22 }],
  };
  // The CLI report: same figures, other order, extra fields it may have.
  const cli = structuredClone(ref);
  cli.scales.reverse();
  cli.correlations = { method: 'pearson', ids: ['b', 'a'], r: [[1, 0.3], [0.3, 1]], n: [[10, 9], [9, 10]] };
  cli.prevalence.reverse();
  cli.groupComparisons = [{ id: 'p', column: 'g', test: 'chi-square', statistic: 1.5, df: 1, pValue: 0.22 }];
  cli.scales[0].omegaTotal = 0.8;
  return { cli, ref };
}

test('the same figures in another order agree, with every figure counted', () => {
  const { cli, ref } = reports();
  const result = compareReports(cli, ref);
  assert.deepEqual(result.mismatches, []);
  assert.deepEqual(result.skipped, []);
  assert.equal(result.maxDiff, 0);
  // rows 1 + per scale (6 + 2 CI + 2 items x 7 + 5 score) x 2 + correlations 8 + prevalence 5 x 2 + test 3
  assert.equal(result.compared, 1 + 27 * 2 + 8 + 10 + 3);
});

test('a figure off by more than the tolerance is a mismatch, named by its path; the largest is reported', () => {
  const { cli, ref } = reports();
  cli.scales[1].items[1].itemRestR += 2e-9;
  cli.scales[0].alpha += 5e-10;
  const result = compareReports(cli, ref, 1e-9);
  assert.equal(result.mismatches.length, 1);
  assert.equal(result.mismatches[0].path, 'scales[a].items[a2].itemRestR');
  assert.equal(result.worst.path, 'scales[a].items[a2].itemRestR');
  assert.ok(result.maxDiff > 1.9e-9 && result.maxDiff < 2.1e-9);
});

test('null against a number, a missing row or a row only in the CLI are mismatches', () => {
  const { cli, ref } = reports();
  cli.scales[0].items[0].alphaIfDeleted = 0.5;
  assert.equal(compareReports(cli, ref).mismatches[0].path, 'scales[b].items[b1].alphaIfDeleted');

  const dropped = reports();
  dropped.cli.prevalence = dropped.cli.prevalence.filter((row) => row.group !== null);
  assert.match(compareReports(dropped.cli, dropped.ref).mismatches[0].path, /prevalence\[p \(all\)\] \(missing in the CLI report\)/);

  const extra = reports();
  extra.cli.prevalence.push({ id: 'p', group: { column: 'g', value: 'y' }, count: 0, n: 1, proportion: 0, ci: { lower: 0, upper: 0.8 } });
  const result = compareReports(extra.cli, extra.ref);
  assert.equal(result.maxDiff, Infinity);
  assert.match(result.mismatches[0].path, /g=y\] \(missing in the reference\)/);
});

test('a figure the CLI does not report is skipped, not compared', () => {
  const { cli, ref } = reports();
  delete cli.scales[0].lambda6;
  const result = compareReports(cli, ref);
  assert.deepEqual(result.skipped, ['scales[b].lambda6']);
  assert.equal(result.mismatches.length, 0);
});
