/**
 * `codebook init <file>`: a draft codebook (YAML on stdout) from a file's header, metadata and
 * observed values, or, with `--dictionary`, from a REDCap data dictionary restricted to the
 * columns the data has. The file is read once: column profiles (bounded) and the first rows'
 * cells (row-sample.ts) are kept, and the drafted scales are checked for reverse-keyed items
 * on those rows. The draft is validated before it is written.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathText, validateCodebook } from '../codebook/validate-codebook.js';
import { ColumnProfiler } from '../codebook/draft/column-profile.js';
import { draftCodebook, type Draft } from '../codebook/draft/draft-codebook.js';
import { draftYaml } from '../codebook/draft/draft-yaml.js';
import { suggestReverseKeys, type ReverseCheck } from '../codebook/draft/reverse-key-suggestion.js';
import { RowSample } from '../codebook/draft/row-sample.js';
import { redcapDictionaryCodebook } from '../codebook/draft/redcap-dictionary.js';
import { dataError, fileProblem } from '../errors.js';
import type { ReadOptions } from '../read/read-csv.js';
import { readSources } from '../read/read-sources.js';
import type { TableHeader } from '../read/table-header.js';
import { writeStdout } from './std-streams.js';

export async function runCodebookInit(file: string, options: { read: ReadOptions; dictionary?: string }): Promise<void> {
  const { header, profiler, sample } = await readForDraft(file, options.read);
  const title = file === '-' ? 'Draft codebook' : `Draft codebook for ${basename(file)}`;
  const draft: Draft = options.dictionary !== undefined
    ? { codebook: redcapDictionaryCodebook(readDictionary(options.dictionary), options.dictionary, header.columns), notes: [], scaleNotes: {} }
    : draftCodebook(header, profiler.profiles, title);
  const { codebook, problems } = validateCodebook(draft.codebook, title);
  const notes = [...draft.notes];
  let reverse = new Map<string, ReverseCheck>();
  if (codebook === null) {
    notes.unshift(...problems.slice(0, 10).map((p) => `to fix: ${pathText(p.path)}: ${p.message}`));
  } else reverse = suggestReverseKeys(codebook, header.columns, sample.rows);
  const sampled = sample.truncated ? `the first ${sample.rows.length} of ${sample.seen} rows` : null;
  await writeStdout(draftYaml(draft.codebook, { notes, scaleNotes: draft.scaleNotes, reverse, sampled }));
}

/** One pass over the file: its header, each column's profile, and the first rows. */
async function readForDraft(file: string, read: ReadOptions): Promise<{ header: TableHeader; profiler: ColumnProfiler; sample: RowSample }> {
  let state: { header: TableHeader; profiler: ColumnProfiler; sample: RowSample } | undefined;
  await readSources([file], read, {
    header: (header) => {
      state = { header, profiler: new ColumnProfiler(header.columns, header.meta.map((m) => m.userMissing)), sample: new RowSample(header.columns.length) };
    },
    rows: (rows) => {
      for (const row of rows) {
        state!.profiler.add(row);
        state!.sample.add(row.slice());
      }
    },
  });
  if (state === undefined) throw dataError('the file has no header row', { file });
  return state;
}

function readDictionary(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw dataError(`could not read the data dictionary: ${fileProblem(error, 'a CSV file')}`, { file: path });
  }
}
