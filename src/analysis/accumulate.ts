import type { Codebook } from '../codebook/codebook.js';
import type { TableInput } from './table-input.js';
import type { AnalysisSettings } from './analyze.js';
import { accumulatePlain } from './accumulate-plain.js';
import { RowPass, type Accumulators } from './row-pass.js';

export { keepsRows, type Accumulators } from './row-pass.js';

/**
 * One streaming pass: rows → coded items → accumulators. Rows are never all held.
 * `onProgress` is called after each batch with the rows and bytes read so far.
 * A small CSV file without quotes is read by accumulate-plain.ts, with the same result.
 */
export async function accumulate(
  sources: TableInput,
  codebook: Codebook,
  settings: AnalysisSettings,
  onProgress?: (rows: number, bytes: number) => void,
): Promise<Accumulators> {
  const plain = sources.file === undefined ? null : accumulatePlain(sources.file.path, sources.file.options, codebook, settings);
  if (plain !== null) {
    onProgress?.(plain.acc.rows, plain.bytes);
    return plain.acc;
  }
  const pass = new RowPass(codebook, settings);
  const { acc, coder } = pass;
  await sources.read({
    header: (header) => pass.header(header),
    rows: (rows, lineOf, file, bytes) => {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!acc.filter.keep(row)) continue;
        coder.code(row, lineOf(r));
        pass.add((p) => row[pass.outcomeColumns[p]], pass.idAt >= 0 ? row[pass.idAt].trim() : '', file, lineOf(r));
      }
      onProgress?.(acc.rows, bytes);
    },
  });
  return acc;
}
