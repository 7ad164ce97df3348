import { RowFilter } from '../analysis/row-filter.js';
import type { Codebook } from '../codebook/codebook.js';
import { RowCoder, type InvalidTally } from '../codebook/row-coder.js';
import { checkInputs } from './analyze-command.js';
import { chooseCodebook, groupColumns, type InputRawOptions } from './options.js';

/** What `items` and `scores` read their rows with. */
export interface CodedRows {
  codebook: Codebook;
  /** The group columns (--by, or the codebook's). */
  groups: string[];
  /** The values counted as missing under --lenient, for the warnings at the end. */
  invalid: Map<string, InvalidTally>;
  coder: RowCoder;
  /** The rows the analysis uses: the codebook's include/exclude rules, a platform's previews (--keep-previews keeps them). */
  filter: RowFilter;
}

/** The input set-up of `items` and `scores`: the files checked, the codebook chosen, a coder and a filter of its rows. */
export async function codedRows(files: string[], options: InputRawOptions): Promise<CodedRows> {
  checkInputs(files);
  const codebook = await chooseCodebook(options);
  const groups = groupColumns(options, codebook);
  const invalid = new Map<string, InvalidTally>();
  const coder = new RowCoder(codebook, { groups, cluster: null, lenient: options.lenient === true }, invalid);
  const filter = new RowFilter(codebook, options.keepPreviews === true, (column) => coder.responseCodeOf(column));
  return { codebook, groups, invalid, coder, filter };
}
