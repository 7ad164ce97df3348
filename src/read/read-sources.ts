import { dataError } from '../errors.js';
import type { ReadOptions, RowSink } from './read-csv.js';
import { readTable } from './read-table.js';

/**
 * Read several sources (CSV, TSV, .xlsx, .sav, .dta) as one sample, one after the other. Every file must have the
 * same columns as the first (in any order); the sink's `header` is called for each file,
 * so it can map columns by name. `bytes` passed to `rows` counts every file read so far.
 */
export async function readSources(sources: string[], options: ReadOptions, sink: RowSink): Promise<void> {
  let first: { file: string; columns: string[] } | null = null;
  let before = 0;
  for (const source of sources) {
    let bytes = 0;
    await readTable(source, options, {
      header(header) {
        const { file, columns } = header;
        if (first === null) first = { file, columns };
        else checkSameColumns(first, { file, columns });
        sink.header(header);
      },
      rows: (rows, lineOf, file, read) => {
        bytes = read;
        sink.rows(rows, lineOf, file, before + read);
      },
    });
    before += bytes;
  }
}

function checkSameColumns(a: { file: string; columns: string[] }, b: { file: string; columns: string[] }): void {
  const onlyA = a.columns.filter((c) => !b.columns.includes(c));
  const onlyB = b.columns.filter((c) => !a.columns.includes(c));
  if (onlyA.length === 0 && onlyB.length === 0) return;
  const list = (names: string[]): string => names.slice(0, 6).map((n) => `"${n}"`).join(', ') + (names.length > 6 ? ', ...' : '');
  const parts: string[] = [];
  if (onlyA.length > 0) parts.push(`only ${a.file} has ${list(onlyA)}`);
  if (onlyB.length > 0) parts.push(`only ${b.file} has ${list(onlyB)}`);
  throw dataError(`the files ${a.file} and ${b.file} have different columns: ${parts.join('; ')}`, { file: b.file, line: 1 },
    'several files are analysed as one sample only when they have the same columns');
}
