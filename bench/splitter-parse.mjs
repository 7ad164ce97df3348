/**
 * Parse-only baseline of the CLI's own splitter (src/read/csv-records.ts), the counterpart of
 * bench/papaparse-parse.mjs: 64 KiB reads, streamed UTF-8 decoding, records in batches, the
 * rows counted; no header handling, coding or statistics. src/read/csv-records.ts is bundled
 * by esbuild (minified, as in the CLI) into a temporary module first (`buildSplitter`), so that
 * the timed run loads no TypeScript tooling.
 *
 * Usage: node bench/splitter-parse.mjs data.csv [bundled-module.mjs]
 *   (prints the number of records, header included; without a module one is built first)
 */
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle csv-records.ts into `dir`/csv-records.mjs; returns its path. */
export async function buildSplitter(dir = mkdtempSync(join(tmpdir(), 'splitter-'))) {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'csv-records.mjs');
  await build({ entryPoints: [join(ROOT, 'src/read/csv-records.ts')], bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}

/** Stream `file` through CsvRecords; resolves to the number of records. */
export async function countRecords(file, modulePath) {
  const { CsvRecords } = await import(pathToFileURL(modulePath).href);
  let records = 0;
  const splitter = new CsvRecords(',', file, () => undefined, (rows) => {
    records += rows.length;
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) splitter.write(decoder.decode(chunk, { stream: true }));
  splitter.write(decoder.decode());
  splitter.end();
  return records;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, modulePath] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/splitter-parse.mjs <file.csv> [bundled-module.mjs]\n');
    process.exit(2);
  }
  countRecords(file, modulePath ?? (await buildSplitter())).then(
    (n) => process.stdout.write(`${n}\n`),
    (error) => {
      process.stderr.write(`splitter-parse: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
