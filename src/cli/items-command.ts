import { invalidWarnings } from '../analysis/analyze.js';
import type { Codebook } from '../codebook/codebook.js';
import { readSources } from '../read/read-sources.js';
import { csvRow } from '../report/csv-row.js';
import { codedRows } from './coded-rows.js';
import { readOptions, type InputRawOptions } from './options.js';
import { warningText } from './print-error.js';
import { OutputSpool } from './spooled-stdout.js';
import { writeStderr } from './std-streams.js';

export const ITEMS_HELP = `
Writes the coded item matrix to stdout as CSV, one row per respondent analysed: the id
column (when the codebook names one), the group columns, then every item of every scale,
in the codebook's order, as the analysis codes it: labels turned into codes, key scoring
(1 right, 0 wrong), reverse keying (min + max - x); an empty cell is a missing answer. The
rows are those the analysis uses: the codebook's include/exclude rules and a platform's
previews and test responses are applied (--keep-previews keeps them). An item that is in
two scales is written under each, named scale.item. Nothing is written unless every row
is coded: an error leaves stdout empty.

Example (then, in R: read.csv("items.csv"); psych::alpha(items[, 3:11])):
  survey-analyze items -c codebook.yaml responses.csv > items.csv`;

/** The item columns of the matrix, one per item of each scale: the item's name, or `scale.item` for an item in several scales. */
export function itemColumns(codebook: Codebook, taken: string[]): string[] {
  const scalesOf = new Map<string, number>();
  for (const scale of codebook.scales) for (const item of scale.items) scalesOf.set(item, (scalesOf.get(item) ?? 0) + 1);
  const used = new Set(taken);
  return codebook.scales.flatMap((scale) =>
    scale.items.map((item) => (scalesOf.get(item)! > 1 || used.has(item) ? `${scale.id}.${item}` : item)),
  );
}

/** `items`: the coded item matrix, written only once every row is coded (OutputSpool). */
export async function runItems(files: string[], options: InputRawOptions): Promise<void> {
  const { codebook, groups, invalid, coder, filter } = await codedRows(files, options);
  const id = codebook.id === null ? [] : [codebook.id];
  const out = new OutputSpool('the coded items');
  try {
    out.add(csvRow([...id, ...groups, ...itemColumns(codebook, [...id, ...groups])]));
    const cells: string[] = [];
    await readSources(files, readOptions(options), {
      header(header) {
        filter.bind(header);
        coder.bind(header);
      },
      rows(rows, lineOf) {
        const batch: string[] = [];
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r];
          if (!filter.keep(row)) continue;
          coder.code(row, lineOf(r));
          cells.length = 0;
          if (id.length > 0) cells.push(coder.idOf(row));
          for (const group of coder.groups) cells.push(group ?? '');
          for (const values of coder.values) for (let i = 0; i < values.length; i++) cells.push(Number.isNaN(values[i]) ? '' : String(values[i]));
          batch.push(csvRow(cells));
        }
        out.add(batch.join(''));
      },
    });
    await out.copyToStdout();
  } finally {
    out.dispose();
  }
  if (!options.quiet) for (const warning of invalidWarnings(invalid)) writeStderr(warningText(warning.message));
}
