import { invalidWarnings } from '../analysis/analyze.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
import { readSources } from '../read/read-sources.js';
import { csvRow } from '../report/csv-row.js';
import { chooseCodebook, groupColumns, readOptions, type InputRawOptions } from './options.js';
import { checkInputs } from './analyze-command.js';
import { writeStdout } from './stdout.js';

export const SCORES_HELP = `
Writes one CSV row per respondent to stdout: the id column (when the codebook names one),
the group columns, and each scale score (empty when too few items were answered).
Scores are computed exactly as in the analysis: key scoring, reverse keying, mean or
prorated sum, minAnswered. With --lenient, values counted as missing are summed up in a
warning on stderr (unless --quiet).

Example:
  survey-analyze scores -c codebook.yaml responses.csv > scores.csv`;

/** `scores`: one CSV row per respondent, streamed: rows are never all held. */
export async function runScores(files: string[], options: InputRawOptions): Promise<void> {
  checkInputs(files);
  const codebook = await chooseCodebook(options);
  const groups = groupColumns(options, codebook);
  const invalid = new Map<string, InvalidTally>();
  const coder = new RowCoder(codebook, { groups, cluster: null, lenient: options.lenient === true }, invalid);
  const hasId = codebook.id !== null;
  const header = [...(hasId ? [codebook.id!] : []), ...groups, ...codebook.scales.map((s) => s.id)];
  const pending: string[] = [csvRow(header)];
  await readSources(files, readOptions(options), {
    header: (header) => coder.bind(header),
    rows: (rows, lineOf) => {
      for (let r = 0; r < rows.length; r++) {
        coder.code(rows[r], lineOf(r));
        const cells: string[] = hasId ? [coder.idOf(rows[r])] : [];
        for (const group of coder.groups) cells.push(group ?? '');
        for (const score of coder.scores) cells.push(Number.isNaN(score) ? '' : String(score));
        pending.push(csvRow(cells));
      }
      // The batch is written as one piece; a slow reader holds back at most this batch.
      void writeStdout(pending.join(''));
      pending.length = 0;
    },
  });
  await writeStdout(pending.join(''));
  if (!options.quiet) for (const warning of invalidWarnings(invalid)) process.stderr.write(`warning: ${warning.message}\n`);
}
