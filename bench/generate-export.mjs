/**
 * A seeded survey shaped like a real platform export, for the benchmark's second data set
 * (issue "Speed, round 2"): N respondents x 30 items, about 130 MB a million rows.
 *
 * Columns: `id` (R1, R2, ...), `ward` (the group column: 5 wards, unequal shares, 1% blank),
 * `contact` (Yes/No, rate by ward, 1% blank), `pk1..pk10` (perceived knowledge, agreement codes
 * 1..5), `at1..at10` (attitudes, agreement codes 1..5; at3 and at8 worded negatively),
 * `ak1..ak10` (actual knowledge: "True", "False" or "Don't know", scored against the key in
 * bench/export-codebook.json).
 *
 * Missing answers as exports have them: 2% of cells left blank at random, 0.5% of the coded
 * cells written as the platform's "-99" (declined), and 6% of respondents who stopped part way
 * (every cell after a random item blank), so listwise complete cases are fewer than rows.
 *
 * Model: three traits per respondent (perceived knowledge, attitude, actual knowledge;
 * correlations 0.45, 0.3, 0.25); an agreement item is l * trait + noise cut at thresholds
 * into 1..5 (loadings 0.5..0.75); a knowledge item is answered correctly with probability
 * logistic(b + 1.3 * trait), "Don't know" more often by those who know less.
 *
 * The same seed and row count always give the same bytes (mulberry32, Box-Muller).
 *
 * Usage: node bench/generate-export.mjs [--rows 1000000] [--seed 1] --out export.csv
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/mulberry32.mjs';
import { helpText, readOptions, wholeNumber } from './args.mjs';
import { normalSource } from './generate-data.mjs';

export const WARDS = ['Medicine', 'Surgery', 'Emergency', 'Paediatrics', 'Maternity'];
const WARD_SHARE = [0.32, 0.24, 0.2, 0.14, 0.1];
const CONTACT_RATE = [0.1, 0.07, 0.28, 0.16, 0.12];
export const NEGATIVE = ['at3', 'at8'];
export const KEY = { ak1: 'True', ak2: 'False', ak3: 'True', ak4: 'True', ak5: 'False', ak6: 'False', ak7: 'True', ak8: 'False', ak9: 'True', ak10: 'True' };
export const KNOWLEDGE_ANSWERS = ['True', 'False', "Don't know"];
export const BLANK_RATE = 0.02;
export const DECLINED_RATE = 0.005;
export const BREAKOFF_RATE = 0.06;
const CUTS = [-1.5, -0.6, 0.2, 1.2];

function items() {
  const u = mulberry32(20250301);
  const list = [];
  for (const [prefix, trait] of [['pk', 0], ['at', 1]]) {
    for (let i = 1; i <= 10; i++) {
      const name = `${prefix}${i}`;
      const loading = (0.5 + 0.25 * u()) * (NEGATIVE.includes(name) ? -1 : 1);
      list.push({ name, kind: 'code', trait, loading, noise: Math.sqrt(1 - loading * loading), cuts: CUTS.map((c) => c + (u() - 0.5) * 0.8) });
    }
  }
  for (let i = 1; i <= 10; i++) list.push({ name: `ak${i}`, kind: 'key', trait: 2, easiness: (u() - 0.3) * 2, key: KEY[`ak${i}`] });
  return list;
}

export function exportHeader() {
  return ['id', 'ward', 'contact', ...items().map((item) => item.name)].join(',');
}

/** Write `rows` respondents to `file` (header first). Returns the bytes written. */
export function generateExport({ rows, seed = 1, file }) {
  const uniform = mulberry32(seed ^ 0x5eed);
  const normal = normalSource(uniform);
  const list = items();
  const k = list.length;
  const fd = openSync(file, 'w');
  let bytes = 0;
  let chunk = `${exportHeader()}\n`;
  const flush = () => {
    const buffer = Buffer.from(chunk, 'latin1');
    writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = '';
  };
  const trait = new Float64Array(3);
  try {
    for (let r = 1; r <= rows; r++) {
      const z0 = normal();
      const z1 = normal();
      const z2 = normal();
      trait[0] = z0;
      trait[1] = 0.45 * z0 + Math.sqrt(1 - 0.45 * 0.45) * z1;
      trait[2] = 0.3 * z0 + 0.1 * z1 + Math.sqrt(1 - 0.09 - 0.01) * z2;
      let u = uniform();
      let g = 0;
      while (g < WARD_SHARE.length - 1 && u >= WARD_SHARE[g]) u -= WARD_SHARE[g++];
      const contact = uniform() < CONTACT_RATE[g] ? 'Yes' : 'No';
      // A break-off: every item from `stop` on is blank.
      const stop = uniform() < BREAKOFF_RATE ? Math.floor(uniform() * k) : k;
      let line = `R${r},${uniform() < 0.01 ? '' : WARDS[g]},${uniform() < 0.01 ? '' : contact}`;
      for (let i = 0; i < k; i++) {
        const item = list[i];
        if (i >= stop || uniform() < BLANK_RATE) {
          line += ',';
          continue;
        }
        if (item.kind === 'code') {
          if (uniform() < DECLINED_RATE) {
            line += ',-99';
            continue;
          }
          const x = item.loading * trait[item.trait] + item.noise * normal();
          const c = item.cuts;
          line += x < c[0] ? ',1' : x < c[1] ? ',2' : x < c[2] ? ',3' : x < c[3] ? ',4' : ',5';
        } else {
          const p = 1 / (1 + Math.exp(-(item.easiness + 1.3 * trait[item.trait])));
          const v = uniform();
          const answer = v < p ? item.key : v < p + (1 - p) * 0.45 ? "Don't know" : item.key === 'True' ? 'False' : 'True';
          line += `,${answer}`;
        }
      }
      chunk += `${line}\n`;
      if (chunk.length >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

const OPTIONS = { rows: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = { rows: 1_000_000, seed: 1, out: null, help: false };
    for (const { name, flag, value } of readOptions(process.argv.slice(2), OPTIONS)) {
      if (name === 'rows') options.rows = wholeNumber(flag, value, 1);
      else if (name === 'seed') options.seed = wholeNumber(flag, value);
      else if (name === 'out') options.out = value;
      else if (name === 'help') options.help = true;
    }
    if (options.help) process.stdout.write(helpText(import.meta.url));
    else {
      if (!options.out) throw new Error('--out <file> is required');
      const start = process.hrtime.bigint();
      const bytes = generateExport({ rows: options.rows, seed: options.seed, file: options.out });
      process.stderr.write(`${options.out}: ${options.rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s\n`);
    }
  } catch (error) {
    process.stderr.write(`generate-export: ${error.message}\n`);
    process.exitCode = 2;
  }
}
