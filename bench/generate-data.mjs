/**
 * A seeded synthetic survey for the benchmark: N respondents, three 10-item scales on a
 * 1..5 agreement scale, one group column, one yes/no column, about 1% missing cells.
 *
 * Columns: id, group, contact, a1..a10, b1..b10 (numeric codes 1..5, as most exports
 * write them), c1..c10 (the agreement labels, "Strongly disagree" .. "Strongly agree").
 *
 * Items follow a one-factor model per scale: a latent trait per respondent and scale
 * (the three traits correlate 0.3 to 0.5), each item x* = l * trait + sqrt(1 - l^2) * e
 * with a loading l in 0.45..0.7, cut at item-specific thresholds into 1..5. That gives
 * inter-item correlations near 0.3 and alpha near 0.8, as real attitude scales have.
 * Items a4, b7 and c3 load negatively: bench/codebook.json reverse-keys them.
 *
 * The same seed and row count always give the same bytes (mulberry32, Box-Muller).
 *
 * Usage: node bench/generate-data.mjs [--rows 1000000] [--seed 1] --out data.csv
 *        node bench/generate-data.mjs --help
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/mulberry32.mjs';
import { helpText, readOptions, wholeNumber } from './args.mjs';

export const GROUPS = ['Medicine', 'Surgery', 'Emergency', 'Paediatrics', 'Other'];
const GROUP_SHARE = [0.3, 0.25, 0.2, 0.15, 0.1];
/** Share of "Yes" in `contact`, by group. */
const CONTACT_RATE = [0.12, 0.08, 0.25, 0.18, 0.1];
export const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
export const REVERSED = ['a4', 'b7', 'c3'];
export const SCALE_PREFIXES = ['a', 'b', 'c'];
export const ITEMS_PER_SCALE = 10;
export const MISSING_RATE = 0.01;

/** Standard normal deviates from a uniform source (Box-Muller, both values used). */
export function normalSource(uniform) {
  let spare = Number.NaN;
  return () => {
    if (spare === spare) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** The fixed item parameters (loading, threshold shift), drawn from their own seed. */
function itemParameters() {
  const u = mulberry32(20240601);
  const items = [];
  for (const prefix of SCALE_PREFIXES) {
    for (let i = 1; i <= ITEMS_PER_SCALE; i++) {
      const name = `${prefix}${i}`;
      const loading = (0.45 + 0.25 * u()) * (REVERSED.includes(name) ? -1 : 1);
      items.push({ name, loading, noise: Math.sqrt(1 - loading * loading), shift: (u() - 0.5) * 0.8, labels: prefix === 'c' });
    }
  }
  return items;
}

/** Base thresholds on the latent scale, before each item's shift: 1..5 with a mild skew to agreement. */
const CUTS = [-1.6, -0.7, 0.1, 1.1];

export function header() {
  return ['id', 'group', 'contact', ...itemParameters().map((item) => item.name)].join(',');
}

/**
 * Write `rows` respondents to `file` (header first). Returns the bytes written.
 * Rows are built as text into ~1 MiB chunks and written synchronously: no per-row I/O.
 */
export function generateSurvey({ rows, seed = 1, file }) {
  const uniform = mulberry32(seed);
  const normal = normalSource(uniform);
  const items = itemParameters();
  const k = items.length;
  const numeric = ['1', '2', '3', '4', '5'];
  const cut = items.map((item) => CUTS.map((c) => c + item.shift));
  const fd = openSync(file, 'w');
  let bytes = 0;
  let chunk = `${header()}\n`;
  const flush = () => {
    const buffer = Buffer.from(chunk, 'latin1');
    writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = '';
  };
  const trait = new Float64Array(3);
  try {
    for (let r = 1; r <= rows; r++) {
      // Three unit-variance traits: corr(a, b) = 0.5, corr(a, c) = 0.3, corr(b, c) = 0.32.
      const za = normal();
      const zb = normal();
      const zc = normal();
      trait[0] = za;
      trait[1] = 0.5 * za + Math.sqrt(0.75) * zb;
      trait[2] = 0.3 * za + 0.2 * zb + Math.sqrt(1 - 0.09 - 0.04) * zc;

      let u = uniform();
      let g = 0;
      while (g < GROUP_SHARE.length - 1 && u >= GROUP_SHARE[g]) u -= GROUP_SHARE[g++];
      const contact = uniform() < CONTACT_RATE[g] ? 'Yes' : 'No';

      let line = `R${r},${uniform() < MISSING_RATE ? '' : GROUPS[g]},${uniform() < MISSING_RATE ? '' : contact}`;
      for (let i = 0; i < k; i++) {
        const item = items[i];
        const x = item.loading * trait[(i / ITEMS_PER_SCALE) | 0] + item.noise * normal();
        const c = cut[i];
        const code = x < c[0] ? 0 : x < c[1] ? 1 : x < c[2] ? 2 : x < c[3] ? 3 : 4;
        line += uniform() < MISSING_RATE ? ',' : item.labels ? `,${LABELS[code]}` : `,${numeric[code]}`;
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

function parseArgs(argv) {
  const options = { rows: 1_000_000, seed: 1, out: null };
  for (const { name, flag, value } of readOptions(argv, OPTIONS)) {
    if (name === 'rows') options.rows = wholeNumber(flag, value, 1);
    else if (name === 'seed') options.seed = wholeNumber(flag, value);
    else if (name === 'out') options.out = value;
    else if (name === 'help') options.help = true;
  }
  if (!options.help && !options.out) throw new Error('--out <file> is required');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(helpText(import.meta.url));
    } else {
      const start = process.hrtime.bigint();
      const bytes = generateSurvey({ rows: options.rows, seed: options.seed, file: options.out });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      process.stderr.write(`${options.out}: ${options.rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s\n`);
    }
  } catch (error) {
    process.stderr.write(`generate-data: ${error.message}\n`);
    process.exitCode = 2;
  }
}
