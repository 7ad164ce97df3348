import { invalidWarnings } from '../analysis/analyze.js';
import { readSources } from '../read/read-sources.js';
import { csvRow } from '../report/csv-row.js';
import { codedRows } from './coded-rows.js';
import { readOptions, type InputRawOptions } from './options.js';
import { warningText } from './print-error.js';
import { OutputSpool } from './spooled-stdout.js';
import { writeStderr } from './std-streams.js';

export const SCORES_HELP = `
Writes one CSV row per respondent analysed to stdout (the codebook's include/exclude rules and
a platform's previews and test responses apply, as in the analysis): the id column (when the codebook names one),
the group columns, and each scale score (empty when too few items were answered).
Scores are computed exactly as in the analysis: key scoring, reverse keying, mean or
prorated sum, minAnswered. With --lenient, values counted as missing are summed up in a
warning on stderr (unless --quiet). Nothing is written unless every row is coded: a bad
value in the last row of the last file leaves stdout empty.

Example:
  survey-analyze scores -c codebook.yaml responses.csv > scores.csv`;

/** `scores`: one CSV row per respondent, in flat memory, written only once every row is coded. */
export async function runScores(files: string[], options: InputRawOptions): Promise<void> {
  const { codebook, groups, invalid, coder, filter } = await codedRows(files, options);
  const hasId = codebook.id !== null;
  const header = [...(hasId ? [codebook.id!] : []), ...groups, ...codebook.scales.map((s) => s.id)];
  const out = new OutputSpool('the scores');
  try {
    out.add(csvRow(header));
    const pending: string[] = [];
    await readSources(files, readOptions(options), {
      header: (header) => {
        filter.bind(header);
        coder.bind(header);
      },
      rows: (rows, lineOf) => {
        for (let r = 0; r < rows.length; r++) {
          if (!filter.keep(rows[r])) continue;
          coder.code(rows[r], lineOf(r));
          const cells: string[] = hasId ? [coder.idOf(rows[r])] : [];
          for (const group of coder.groups) cells.push(group ?? '');
          for (const score of coder.scores) cells.push(Number.isNaN(score) ? '' : String(score));
          pending.push(csvRow(cells));
        }
        out.add(pending.join(''));
        pending.length = 0;
      },
    });
    await out.copyToStdout();
  } finally {
    out.dispose();
  }
  if (!options.quiet) for (const warning of invalidWarnings(invalid)) writeStderr(warningText(warning.message));
}
