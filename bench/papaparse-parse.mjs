/**
 * Parse-only baseline: stream a CSV through papaparse as the CLI does (64 KiB reads, UTF-8
 * text, chunked results, no header handling) and count the rows; no coding or statistics.
 * The floor that the CLI's end-to-end time can be held against.
 *
 * Usage: node bench/papaparse-parse.mjs data.csv   (prints the number of rows, header included)
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/papaparse-parse.mjs <file.csv>\n');
  process.exit(2);
}

let rows = 0;
Papa.parse(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }), {
  delimiter: ',',
  chunk(results) {
    rows += results.data.length;
  },
  complete() {
    process.stdout.write(`${rows}\n`);
  },
  error(error) {
    process.stderr.write(`papaparse-parse: ${error.message}\n`);
    process.exitCode = 1;
  },
});
