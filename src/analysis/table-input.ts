import { readSources } from '../read/read-sources.js';
import { sourceName, type ReadOptions, type RowSink } from '../read/read-csv.js';

/**
 * Where an analysis's rows come from: the names they are shown by (in messages and in the
 * Report's `input.files`) and a reader that hands them to a RowSink, header first. Files
 * (and `-`) are read by readSources; rows held in memory and streams (src/index.ts) feed the
 * same sink, so they are filtered, coded and accumulated exactly as a file's rows are.
 */
export interface TableInput {
  names: string[];
  read(sink: RowSink): Promise<void>;
  /** The file, when the input is one file on disk (accumulate-plain.ts may read it faster), and the options it is read with. */
  file?: { path: string; options: ReadOptions };
}

/** Files (CSV, TSV, .xlsx, .sav, .dta) or `-`, read one after the other as one sample. */
export function filesInput(sources: string[], options: ReadOptions): TableInput {
  const file = sources.length === 1 && sources[0] !== '-' ? { path: sources[0], options } : undefined;
  return { names: sources.map(sourceName), read: (sink) => readSources(sources, options, sink), file };
}
