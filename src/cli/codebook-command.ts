import { basename } from 'node:path';
import { stringify } from 'yaml';
import { builtinProtectCodebook } from '../codebook/builtin-protect.js';
import { draftCodebook, type ColumnValues } from '../codebook/draft-codebook.js';
import { formatProblem, parseCodebook, readCodebookText } from '../codebook/load-codebook.js';
import { readSources } from '../read/read-sources.js';
import { usageError } from '../errors.js';
import type { Encoding } from '../read/text-decoding.js';
import { writeStdout } from './stdout.js';

const KEPT_VALUES = 40;

/** `codebook show`: the built-in codebook, as YAML (or JSON). */
export async function runCodebookShow(options: { format: 'yaml' | 'json' }): Promise<void> {
  const text = options.format === 'json' ? `${JSON.stringify(builtinProtectCodebook, null, 2)}\n` : stringify(builtinProtectCodebook, { lineWidth: 0 });
  await writeStdout(text);
}

/** `codebook check`: every problem with its line and path; status 2 when there is any. */
export async function runCodebookCheck(file: string): Promise<void> {
  const { codebook, problems } = parseCodebook(readCodebookText(file), file);
  if (!codebook) {
    // The list is the result (stdout); stderr gets one line, so a terminal does not show it twice.
    await writeStdout(problems.map((p) => `${formatProblem(p)}\n`).join(''));
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    throw usageError(`the codebook has ${count} (listed on standard output)`, { file });
  }
  const items = codebook.scales.reduce((n, s) => n + s.items.length, 0);
  await writeStdout(
    `${file}: ok: "${codebook.title}", ${codebook.scales.length} scales (${items} items), ` +
      `${codebook.prevalence.length} prevalence entries, ${codebook.groups.length} group columns\n`,
  );
}

/** `codebook init`: a draft codebook (YAML) from a CSV's header and observed values. */
export async function runCodebookInit(file: string, options: { delimiter?: string; encoding: Encoding }): Promise<void> {
  let columns: ColumnValues[] = [];
  let seen: Set<string>[] = [];
  await readSources([file], { delimiter: options.delimiter ?? null, encoding: options.encoding }, {
    header: ({ columns: names }) => {
      columns = names.map((name) => ({ name, values: [], overflow: false }));
      seen = names.map(() => new Set());
    },
    rows: (rows) => {
      for (const row of rows) {
        for (let c = 0; c < columns.length; c++) {
          const value = row[c].trim();
          if (value === '' || value === 'NA' || seen[c].has(value)) continue;
          if (seen[c].size >= KEPT_VALUES) columns[c].overflow = true;
          else seen[c].add(value);
        }
      }
    },
  });
  columns.forEach((column, c) => (column.values = [...seen[c]]));
  const title = file === '-' ? 'Draft codebook' : `Draft codebook for ${basename(file)}`;
  const draft = draftCodebook(columns, title);
  const header =
    '# Draft codebook written by `survey-analyze codebook init`. Check every entry:\n' +
    '# item groupings, reverse-keyed items (add them under `reverse`), answer keys,\n' +
    '# and which answers count as positive. Then: survey-analyze codebook check <this file>\n';
  await writeStdout(header + stringify(draft, { lineWidth: 0 }));
}
