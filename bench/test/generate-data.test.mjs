import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mulberry32 } from '../../scripts/mulberry32.mjs';
import { GROUPS, LABELS, REVERSED, generateSurvey, header, normalSource } from '../generate-data.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bench-generate-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function generate(rows, seed, name) {
  const file = join(dir, name);
  const bytes = generateSurvey({ rows, seed, file });
  const text = readFileSync(file, 'latin1');
  assert.equal(Buffer.byteLength(text, 'latin1'), bytes);
  return text;
}

const sha = (text) => createHash('sha256').update(text).digest('hex');

test('mulberry32 gives uniform numbers in [0, 1) and repeats for a seed', () => {
  const a = mulberry32(7);
  const b = mulberry32(7);
  let sum = 0;
  for (let i = 0; i < 100000; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
    sum += x;
  }
  assert.ok(Math.abs(sum / 100000 - 0.5) < 0.005);
});

test('normalSource has mean 0 and variance 1', () => {
  const z = normalSource(mulberry32(3));
  let s = 0;
  let ss = 0;
  const n = 200000;
  for (let i = 0; i < n; i++) {
    const x = z();
    s += x;
    ss += x * x;
  }
  assert.ok(Math.abs(s / n) < 0.01);
  assert.ok(Math.abs(ss / n - 1) < 0.01);
});

test('the same seed gives the same bytes; another seed other bytes; more rows extend the file', () => {
  const a = generate(2000, 1, 'a.csv');
  assert.equal(sha(generate(2000, 1, 'a2.csv')), sha(a));
  assert.notEqual(sha(generate(2000, 2, 'b.csv')), sha(a));
  assert.ok(generate(4000, 1, 'c.csv').startsWith(a));
});

test('shape: header, 33 fields a row, codes 1..5, labels, groups, yes/no, about 1% missing', () => {
  const lines = generate(20000, 5, 'shape.csv').trimEnd().split('\n');
  assert.equal(lines[0], header());
  const columns = lines[0].split(',');
  assert.equal(columns.length, 33);
  assert.equal(lines.length, 20001);
  let cells = 0;
  let missing = 0;
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    assert.equal(fields.length, 33);
    assert.match(fields[0], /^R\d+$/);
    for (let c = 1; c < 33; c++) {
      const cell = fields[c];
      cells++;
      if (cell === '') {
        missing++;
        continue;
      }
      const name = columns[c];
      if (name === 'group') assert.ok(GROUPS.includes(cell), cell);
      else if (name === 'contact') assert.ok(cell === 'Yes' || cell === 'No', cell);
      else if (name.startsWith('c')) assert.ok(LABELS.includes(cell), cell);
      else assert.match(cell, /^[1-5]$/);
    }
  }
  const share = missing / cells;
  assert.ok(share > 0.008 && share < 0.012, `missing share ${share}`);
});

test('items correlate within a scale; the reversed items correlate negatively', () => {
  const lines = generate(20000, 9, 'corr.csv').trimEnd().split('\n');
  const columns = lines[0].split(',');
  const code = (cell, name) => (cell === '' ? NaN : name.startsWith('c') ? LABELS.indexOf(cell) + 1 : Number(cell));
  const column = (name) => {
    const at = columns.indexOf(name);
    return lines.slice(1).map((line) => code(line.split(',')[at], name));
  };
  const corr = (x, y) => {
    const keep = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
    const mx = keep.reduce((s, i) => s + x[i], 0) / keep.length;
    const my = keep.reduce((s, i) => s + y[i], 0) / keep.length;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const i of keep) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  };
  for (const prefix of ['a', 'b', 'c']) {
    const first = column(`${prefix}1`);
    const second = column(`${prefix}2`);
    const r = corr(first, second);
    assert.ok(r > 0.15 && r < 0.5, `${prefix}1-${prefix}2 r = ${r}`);
    const reversed = REVERSED.find((name) => name.startsWith(prefix));
    assert.ok(corr(first, column(reversed)) < -0.15, `${reversed} should correlate negatively`);
  }
});
