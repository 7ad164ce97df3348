import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BREAKOFF_RATE, KEY, KNOWLEDGE_ANSWERS, NEGATIVE, WARDS, exportHeader, generateExport } from '../generate-export.mjs';
import { buildSplitter, countRecords } from '../splitter-parse.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bench-export-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function generate(rows, seed, name) {
  const file = join(dir, name);
  const bytes = generateExport({ rows, seed, file });
  const text = readFileSync(file, 'latin1');
  assert.equal(Buffer.byteLength(text, 'latin1'), bytes);
  return { file, text };
}

const sha = (text) => createHash('sha256').update(text).digest('hex');

test('export: the same seed gives the same bytes, another seed others, more rows extend the file', () => {
  const a = generate(2000, 1, 'a.csv').text;
  assert.equal(sha(generate(2000, 1, 'a2.csv').text), sha(a));
  assert.notEqual(sha(generate(2000, 2, 'b.csv').text), sha(a));
  assert.ok(generate(4000, 1, 'c.csv').text.startsWith(a));
});

test('export: shape, answers, blanks, "-99", break-offs, about 122 bytes a row', () => {
  const { text } = generate(20000, 3, 'shape.csv');
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], exportHeader());
  const columns = lines[0].split(',');
  assert.equal(columns.length, 33);
  assert.equal(lines.length, 20001);
  let cells = 0;
  let blank = 0;
  let declined = 0;
  let brokenOff = 0;
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    assert.equal(fields.length, 33);
    assert.match(fields[0], /^R\d+$/);
    if (fields[32] === '' && fields[31] === '' && fields[30] === '') brokenOff++;
    for (let c = 1; c < 33; c++) {
      const cell = fields[c];
      const name = columns[c];
      if (c >= 3) cells++;
      if (cell === '') {
        if (c >= 3) blank++;
        continue;
      }
      if (name === 'ward') assert.ok(WARDS.includes(cell), cell);
      else if (name === 'contact') assert.ok(cell === 'Yes' || cell === 'No', cell);
      else if (name.startsWith('ak')) assert.ok(KNOWLEDGE_ANSWERS.includes(cell), cell);
      else if (cell === '-99') declined++;
      else assert.match(cell, /^[1-5]$/, `${name}: ${cell}`);
    }
  }
  assert.ok(blank / cells > 0.025 && blank / cells < 0.07, `blank share ${blank / cells}`);
  assert.ok(declined / cells > 0.002 && declined / cells < 0.006, `declined share ${declined / cells}`);
  assert.ok(brokenOff / 20000 > BREAKOFF_RATE * 0.5 && brokenOff / 20000 < BREAKOFF_RATE * 1.2, `break-offs ${brokenOff}`);
  const perRow = text.length / 20000;
  assert.ok(perRow > 110 && perRow < 135, `bytes a row ${perRow}`);
});

test('export: knowledge answers follow the key (mostly right), negative items correlate negatively', () => {
  const { text } = generate(20000, 4, 'model.csv');
  const lines = text.trimEnd().split('\n');
  const columns = lines[0].split(',');
  const rows = lines.slice(1).map((line) => line.split(','));
  for (const [item, key] of Object.entries(KEY)) {
    const at = columns.indexOf(item);
    const answered = rows.map((r) => r[at]).filter((v) => v !== '');
    const right = answered.filter((v) => v === key).length / answered.length;
    assert.ok(right > 0.3 && right < 0.9, `${item}: ${right} right`);
  }
  const codes = (name) => rows.map((r) => r[columns.indexOf(name)]).map((v) => (v === '' || v === '-99' ? NaN : Number(v)));
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
  assert.ok(corr(codes('pk1'), codes('pk2')) > 0.15);
  for (const name of NEGATIVE) assert.ok(corr(codes('at1'), codes(name)) < -0.15, name);
});

test('the splitter baseline counts the records as papaparse does', async () => {
  const { file } = generate(3000, 5, 'count.csv');
  const module = await buildSplitter(dir);
  assert.equal(await countRecords(file, module), 3001);
  const papa = spawnSync(process.execPath, [join(ROOT, 'bench/papaparse-parse.mjs'), file], { encoding: 'utf8' });
  assert.equal(papa.stdout.trim(), '3001');
  const own = spawnSync(process.execPath, [join(ROOT, 'bench/splitter-parse.mjs'), file, module], { encoding: 'utf8' });
  assert.equal(own.stdout.trim(), '3001');
});
