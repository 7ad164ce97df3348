import { readFileSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import type { Codebook } from '../codebook/codebook.js';
import { INVALID } from '../codebook/cell-coders.js';
import { regularFileSize } from '../read/file-size.js';
import { sniffFormat, SNIFF_BYTES } from '../read/formats/sniff-format.js';
import { PlainRows, ROLE_CELL, ROLE_CODE, ROLE_ENTRY, ROLE_OUTCOME, SCAN_BLOCK, SCAN_END, SCAN_MISS, SCAN_ROW, type ScanRole } from '../read/plain-rows.js';
import { probeCsvStart, sourceName, WHOLE_FILE_BYTES, type ReadOptions } from '../read/read-csv.js';
import type { TableHeader } from '../read/table-header.js';
import type { AnalysisSettings } from './analyze.js';
import { RowPass, type Accumulators } from './row-pass.js';

/** No cell: what RowFilter.keep is given when it has no rule (it then reads none). */
const NO_CELLS: string[] = [];

/**
 * The pass of accumulate.ts over a small CSV file whose data lines hold no quote, those lines
 * split and their cells looked up in WebAssembly (plain-rows.ts) instead of by csv-records.ts
 * and RowCoder.code, which in a short run are cold JavaScript.
 *
 * The result is the one accumulate.ts gets by reading the file: the header rows are read by the
 * same reader (probeCsvStart), every distinct cell is coded once by the coder `code` uses, and
 * every row goes through the same RowPass. Whatever this path does not decide itself gives
 * null, and the caller reads the file the usual way from the start, which reports what there
 * is to report: not one small UTF-8 text file (or another encoding, a forced layout, --sheet),
 * a quote in a data line, a row filter, a line of another number of fields or one that may be
 * blank by Unicode's whitespace, a value that is not an answer, more than MAX_ENTRIES distinct
 * cells. tests/analysis/accumulate-plain.test.ts checks that both ways give the same report.
 */
export function accumulatePlain(path: string, options: ReadOptions, codebook: Codebook, settings: AnalysisSettings): { acc: Accumulators; bytes: number } | null {
  if (options.plainScan === false || options.encoding !== 'utf-8' || options.sheet || (options.layout ?? 'csv') !== 'csv') return null;
  const size = regularFileSize(path);
  if (size === null || size === 0 || size > (options.wholeFileBytes ?? WHOLE_FILE_BYTES)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (sniffFormat(bytes.subarray(0, SNIFF_BYTES)) !== 'text' || !isUtf8(bytes)) return null;
  // The header rows, of any layout, are read as the usual reader reads them; from the first
  // data line on, every line is one record, passed through by the layout stage.
  const start = probeCsvStart(path, bytes, true, options);
  if (start === null) return null;
  const delimiter = start.delimiter.charCodeAt(0);
  if (start.delimiter.length !== 1 || delimiter >= 0x80 || start.header.columns.length !== start.width) return null;
  const data = lineStart(bytes, start.firstDataLine);
  if (bytes.indexOf(0x22, data) !== -1) return null;
  return scanRows(bytes, { start: data, line: start.firstDataLine, width: start.width, delimiter }, start.header, sourceName(path), codebook, settings);
}

/**
 * Where line `line` starts: after line - 1 line breaks (LF, CRLF or CR), counted as the reader
 * counts lines (every break, also one inside a quoted header cell).
 */
function lineStart(bytes: Buffer, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const lf = bytes.indexOf(0x0a, at);
    const cr = bytes.indexOf(0x0d, at);
    const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    at = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1;
  }
  return at;
}

/** The most prevalence domains (everyone and each group value) the scan counts; more leave the file to the usual reader. */
const TALLY_DOMAINS = 1024;

/**
 * The values a block of rows holds at most (codes, or scores): rows come in blocks of up to 1024
 * rows within this, whose outputs are small enough to stay on few memory pages.
 */
const BLOCK_VALUES = 1 << 12;

function scanRows(
  bytes: Buffer,
  text: { start: number; line: number; width: number; delimiter: number },
  header: TableHeader,
  file: string,
  codebook: Codebook,
  settings: AnalysisSettings,
): { acc: Accumulators; bytes: number } | null {
  const scales = codebook.scales;
  const P = codebook.prevalence.length;
  const G = settings.groups.length;
  const items = scales.reduce((n, scale) => n + scale.items.length, 0);
  // Without a cluster column the scan counts prevalence itself (`tallying`), and the rows come
  // in blocks, each block added to the accumulators at once (RowPass.addRows); with one, RowPass
  // adds each row's prevalence, and every row is a block of its own, given to RowPass.add.
  const tallied = settings.cluster === null;
  const blockRows = tallied ? Math.max(1, Math.min(1024, Math.floor((settings.read.plainBlockValues ?? BLOCK_VALUES) / Math.max(1, items, scales.length)))) : 1;
  const scan = new PlainRows(
    { bytes, start: text.start, line: text.line, width: text.width, delimiter: text.delimiter },
    {
      codes: items,
      outcomes: P,
      entryIds: P + G + 1,
      cells: 1,
      roles: items + P + G + 2,
      scales: scales.length,
      tallies: tallied ? { domains: TALLY_DOMAINS, entries: P, groups: G } : undefined,
      blockRows,
    },
  );
  // The coder codes into the scan's outputs. Scale s's items are codes from first[s] on, k per
  // row of a block: the block's rows of a scale are one run of values, as ScaleAccumulator.addRows takes them.
  const first: number[] = [];
  scales.reduce((at, scale) => (first.push(blockRows * at), at + scale.items.length), 0);
  const values = scales.map((scale, s) => scan.codes.subarray(first[s], first[s] + scale.items.length));
  // The scan scores each row itself (RowCoder.scoreScales' figures, into the coder's scores).
  scan.scoring(scales.map((scale, s) => ({ first: first[s], k: scale.items.length, score: scale.score, minAnswered: scale.minAnswered })));
  const pass = new RowPass(codebook, settings, { values, outcomes: scan.outcomes, scores: scan.scores.subarray(0, scales.length) }, tallied ? blockRows : 0);
  pass.header(header);
  const { acc, coder } = pass;
  if (!acc.filter.keepsEveryRow) return null;

  // Each role and what its missed cells are coded by.
  const plan = coder.codingPlan();
  const roles: ScanRole[] = [];
  const coders: ((cell: string) => number | string | null)[] = [];
  // Per role: the group column it is the cell of, or -1; the prevalence entry it is the outcome of, or -1.
  const groupOfRole: number[] = [];
  const outcomeOfRole: number[] = [];
  const role = (field: number, kind: ScanRole['kind'], slot: number, step: number, code: (cell: string) => number | string | null, group = -1): void => {
    roles.push({ field, kind, slot, step });
    coders.push(code);
    groupOfRole.push(group);
    outcomeOfRole.push(kind === ROLE_OUTCOME ? slot : -1);
  };
  plan.items.forEach((slots, s) => slots.forEach((item, i) => role(item.at, ROLE_CODE, first[s] + i, slots.length, item.code)));
  plan.outcomes.forEach((outcome, p) => role(outcome.at, ROLE_OUTCOME, p, 0, outcome.code));
  plan.groups.forEach((group, g) => role(group.at, ROLE_ENTRY, P + g, 0, group.code, g));
  if (plan.cluster !== null) role(plan.cluster.at, ROLE_ENTRY, P + G, 0, plan.cluster.code);
  if (pass.idAt >= 0) role(pass.idAt, ROLE_CELL, 0, 1, () => null);
  scan.route(roles);
  if (tallied) {
    scan.tallying(P);
    scan.blocking();
  }
  pass.prevalenceCounted = tallied;

  // Per entry id: its cell (for UnmatchedPositive) and, for a group or cluster cell, its value; per
  // prevalence entry, its distinct cells in the order first met, with their outcomes.
  const entryCell: string[] = [];
  const entryValue: (string | null)[] = [];
  const distinct: { cell: string; outcome: number }[][] = codebook.prevalence.map(() => []);
  const cellOf = (p: number): string => entryCell[scan.entryIds[p]];
  const cellText = cellTexts(bytes);
  const idOf = (r: number): string => cellText(scan.cells[2 * r], scan.cells[2 * r + 1]).trim();
  for (;;) {
    const status = scan.next();
    if (status === SCAN_ROW) {
      acc.filter.keep(NO_CELLS);
      for (let g = 0; g < G; g++) coder.groups[g] = entryValue[scan.entryIds[P + g]];
      if (plan.cluster !== null) coder.cluster = entryValue[scan.entryIds[P + G]];
      pass.add(cellOf, pass.idAt >= 0 ? idOf(0) : '', file, scan.rowLine);
    } else if (status === SCAN_BLOCK || status === SCAN_END) {
      // Row by row (with a cluster), every row was added as it came.
      const count = tallied ? scan.takeRows() : 0;
      acc.filter.keepAll(count);
      if (count > 0) pass.addRows(values.map((v, s) => scan.codes.subarray(first[s], first[s] + count * v.length)), scan.scores, count, idOf, file, scan.lines);
    } else if (status === SCAN_MISS) {
      const r = scan.missRole;
      const cell = cellText(scan.missStart, scan.missLength);
      const coded = coders[r](cell);
      // A value that is not an answer: the usual read reports it (or, with --lenient, tallies it).
      if (coded === INVALID) return null;
      const id = scan.insert(typeof coded === 'number' ? coded : 0);
      if (id < 0) return null;
      entryCell[id] = cell;
      entryValue[id] = typeof coded === 'number' ? null : coded;
      if (tallied && outcomeOfRole[r] >= 0) distinct[outcomeOfRole[r]].push({ cell, outcome: coded as number });
      const g = groupOfRole[r];
      if (tallied && g >= 0) {
        const domain = entryValue[id] === null ? -1 : acc.prevalence.domain(g, entryValue[id]!);
        if (domain >= scan.domainRoom) return null;
        scan.domainOfEntry[id] = domain;
      }
    } else {
      return null;
    }
    if (status === SCAN_END) {
      if (tallied) {
        acc.prevalence.addTallies(scan.counts.subarray(0, 2 * P * acc.prevalence.domains), acc.rows, scan.groupMissing);
        distinct.forEach((cells, p) => acc.unmatched.addDistinct(p, cells));
      }
      return { acc, bytes: bytes.length };
    }
  }
}

/**
 * The text of the cell of `length` bytes at byte `start` (UTF-8). An ASCII text is decoded once,
 * whole, and each cell is a slice of it: one decoding call per cell costs more than the cell.
 */
function cellTexts(bytes: Buffer): (start: number, length: number) => string {
  if (!isAscii(bytes)) return (start, length) => bytes.toString('utf8', start, start + length);
  const text = bytes.toString('latin1');
  return (start, length) => text.slice(start, start + length);
}
