import { PLAIN_ROWS_WASM } from './plain-rows-wasm.js';

/**
 * The data lines of a CSV text without quotes, split and their cells looked up in WebAssembly
 * (plain-rows.wat): a faster way to the rows of such a text than csv-records.ts, for the cells
 * a run needs. It only splits lines and finds cells it has met before; what a cell codes to is
 * always the codebook's coder's answer, given once per distinct cell through `insert`, and any
 * line it does not decide itself stops it (status ASIDE), so the caller can leave the rest to
 * the reader that decides everything (accumulate-plain.ts reads the whole file that way then).
 */
export const SCAN_END = 0;
export const SCAN_ROW = 1;
export const SCAN_MISS = 2;
export const SCAN_ASIDE = 3;
/** With blocks (see `blocking`): the block is full. */
export const SCAN_BLOCK = 4;
export type ScanStatus = typeof SCAN_END | typeof SCAN_ROW | typeof SCAN_MISS | typeof SCAN_ASIDE | typeof SCAN_BLOCK;

/** The cell's value into `codes[slot]`. */
export const ROLE_CODE = 0;
/** The cell's value (-1, 0 or 1) into `outcomes[slot]`, its entry id into `entryIds[slot]`. */
export const ROLE_OUTCOME = 1;
/** The cell's entry id into `entryIds[slot]` (the caller keeps what each entry stands for). */
export const ROLE_ENTRY = 2;
/** The cell's byte offset and length into `cells[2 slot]` and `cells[2 slot + 1]`, without lookup. */
export const ROLE_CELL = 3;
export type RoleKind = typeof ROLE_CODE | typeof ROLE_OUTCOME | typeof ROLE_ENTRY | typeof ROLE_CELL;

/** One use of a field's cell; a field may have several (an item that is also a prevalence column). */
export interface ScanRole {
  field: number;
  kind: RoleKind;
  slot: number;
  /** With blocks: row b of a block writes to slot + b step (default 0: every row to `slot`). */
  step?: number;
}

export interface PlainText {
  /** The whole text: UTF-8 without a `"`. */
  bytes: Uint8Array;
  /** Where the data lines start (a line start) and the line number there. */
  start: number;
  line: number;
  /** Fields of every row, and the delimiter (an ASCII character). */
  width: number;
  delimiter: number;
}

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libs do not declare it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
};

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  setup(pos: number, end: number, line: number, width: number, delimiter: number, fields: number, roles: number, table: number, capacity: number, maxCapacity: number): void;
  scoring(scales: number, count: number, scores: number): void;
  tallying(entries: number, outcomes: number, groups: number, groupIds: number, domainOf: number, counts: number, groupMissing: number): void;
  next(): ScanStatus;
  blocking(capacity: number, lines: number): void;
  takeRows(): number;
  insert(value: number): number;
  position(): number;
  rowLine(): number;
  missRole(): number;
  missStart(): number;
  missLength(): number;
  entries(): number;
}

/** Distinct cells the table holds at most (it is kept at most half full). */
export const MAX_ENTRIES = 1 << 14;
const TABLE_SLOTS = 2 * MAX_ENTRIES;
/** The first table's slots; it doubles when half full, each table right after the one before. */
const FIRST_TABLE_SLOTS = 256;
/** Bytes of all the tables there may be: 32 per slot of 256 + 512 + ... + TABLE_SLOTS. */
const TABLES_BYTES = 32 * (2 * TABLE_SLOTS - FIRST_TABLE_SLOTS);
const PAGE_BYTES = 65536;

let compiled: object | null = null;

export class PlainRows {
  /** Outputs of the roles of each kind, by slot; rewritten by every row (every block, with blocks). */
  readonly codes: Float64Array;
  readonly outcomes: Int8Array;
  readonly entryIds: Int32Array;
  readonly cells: Int32Array;
  /** Each row's scale scores (see `scoring`); with blocks, row b's at [b scales, (b + 1) scales). */
  readonly scores: Float64Array;
  /** With blocks, the line of each row of the block. */
  readonly lines: Int32Array;
  /**
   * The prevalence counts of the rows (see `tallying`): per entry id, its domain (the caller
   * writes it, -1 for a missing group value); per domain d and entry p, positive answers at
   * [2 (d P + p)] and answered rows after it; per group column, rows without a value.
   */
  readonly domainOfEntry: Int32Array;
  readonly counts: Float64Array;
  readonly groupMissing: Float64Array;
  private readonly exports: Exports;
  /** Role index in the scanner (roles sorted by field) → index in the caller's list. */
  private callerRole = new Int32Array(0);
  private readonly text: PlainText;
  private readonly tallies: { domains: number; entries: number; groups: number };
  private readonly layout: {
    codes: number;
    outcomes: number;
    entryIds: number;
    cells: number;
    scores: number;
    scales: number;
    groupMissing: number;
    counts: number;
    domainOf: number;
    fields: number;
    roles: number;
    table: number;
    maxRoles: number;
    lines: number;
    blockRows: number;
  };

  /**
   * `slots`: how many outputs of each kind the roles use, at most how many roles there are, how
   * many scales are scored, and the prevalence counts' room: domains × entries, group columns.
   * `blockRows` (see `blocking`) makes room for a block of that many rows in every output.
   */
  constructor(
    text: PlainText,
    slots: {
      codes: number;
      outcomes: number;
      entryIds: number;
      cells: number;
      roles: number;
      scales: number;
      tallies?: { domains: number; entries: number; groups: number };
      blockRows?: number;
    },
  ) {
    compiled ??= new WebAssembly.Module(Buffer.from(PLAIN_ROWS_WASM, 'base64'));
    const exports = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    this.exports = exports;
    // Layout: the text, the outputs, the fields' role ranges, the roles, the table.
    const n = text.bytes.length;
    const blockRows = slots.blockRows ?? 0;
    const rows = Math.max(1, blockRows);
    const codesAt = align(n, 8);
    const outcomesAt = codesAt + 8 * slots.codes * rows;
    const entryIdsAt = align(outcomesAt + slots.outcomes, 4);
    const cellsAt = entryIdsAt + 4 * slots.entryIds;
    const scoresAt = align(cellsAt + 8 * slots.cells * rows, 8);
    const linesAt = scoresAt + 8 * slots.scales * rows;
    const scalesAt = align(linesAt + 4 * blockRows, 8);
    const tallies = slots.tallies ?? { domains: 0, entries: 0, groups: 0 };
    const groupMissingAt = scalesAt + 16 * slots.scales;
    const countsAt = groupMissingAt + 8 * tallies.groups;
    const domainOfAt = countsAt + 16 * tallies.domains * tallies.entries;
    const fieldsAt = domainOfAt + (slots.tallies === undefined ? 0 : 4 * MAX_ENTRIES);
    const rolesAt = fieldsAt + 8 * text.width;
    const tableAt = align(rolesAt + 16 * slots.roles, 32);
    const bytes = tableAt + TABLES_BYTES;
    const have = exports.memory.buffer.byteLength;
    if (bytes > have) exports.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    const buffer = exports.memory.buffer;
    new Uint8Array(buffer, 0, n).set(text.bytes);
    this.codes = new Float64Array(buffer, codesAt, slots.codes * rows);
    this.outcomes = new Int8Array(buffer, outcomesAt, slots.outcomes);
    this.entryIds = new Int32Array(buffer, entryIdsAt, slots.entryIds);
    this.cells = new Int32Array(buffer, cellsAt, 2 * slots.cells * rows);
    this.scores = new Float64Array(buffer, scoresAt, slots.scales * rows);
    this.lines = new Int32Array(buffer, linesAt, blockRows);
    this.groupMissing = new Float64Array(buffer, groupMissingAt, tallies.groups);
    this.counts = new Float64Array(buffer, countsAt, 2 * tallies.domains * tallies.entries);
    this.domainOfEntry = new Int32Array(buffer, domainOfAt, slots.tallies === undefined ? 0 : MAX_ENTRIES);
    this.text = text;
    this.tallies = tallies;
    this.layout = {
      codes: codesAt,
      outcomes: outcomesAt,
      entryIds: entryIdsAt,
      cells: cellsAt,
      scores: scoresAt,
      scales: scalesAt,
      groupMissing: groupMissingAt,
      counts: countsAt,
      domainOf: domainOfAt,
      fields: fieldsAt,
      roles: rolesAt,
      table: tableAt,
      maxRoles: slots.roles,
      lines: linesAt,
      blockRows,
    };
  }

  /**
   * Every row also adds its outcomes (slots [0, entries)) to domain 0 and to the domain of each
   * group cell (entry ids in slots [groupsAt, groupsAt + groups)) in `counts`, or counts a row
   * without a value in `groupMissing`: PrevalenceAccumulator.add without a cluster column. The
   * caller gives each group cell's entry id its domain in `domainOfEntry` when it inserts it,
   * within the constructor's room. Needs the constructor's `tallies`.
   */
  tallying(groupsAt: number): void {
    const { outcomes, entryIds, domainOf, counts, groupMissing } = this.layout;
    const groups = this.groupMissing.length;
    if (this.domainOfEntry.length === 0 || groupsAt < 0 || groupsAt + groups > this.entryIds.length) {
      throw new Error('PlainRows.tallying: no room for tallies was made, or the group slots are beyond the entry ids');
    }
    const { entries } = this.tallies;
    if (entries > this.outcomes.length) throw new Error('PlainRows.tallying: more prevalence entries than outcome slots');
    this.exports.tallying(entries, outcomes, groups, entryIds + 4 * groupsAt, domainOf, counts, groupMissing);
  }

  /**
   * Rows in blocks of the constructor's `blockRows`: `next` goes on past a row and stops when the
   * block is full (SCAN_BLOCK), at a miss, a line set aside or the end, with the block's rows so
   * far (`takeRows`) in the outputs: row b's value of a role at its slot + b step, its scores at
   * scores[b scales + s], its line at lines[b]. A scale's codes then take k slots per row (see
   * `scoring`), and the roles that are not per row (outcomes, entry ids: read by `tallying` for
   * the current row) keep step 0.
   */
  blocking(): void {
    if (this.layout.blockRows === 0) throw new Error('PlainRows.blocking: the constructor made no room for blocks (blockRows)');
    this.exports.blocking(this.layout.blockRows, this.layout.lines);
  }

  /** With blocks: the rows of the block so far; the next row starts a new block. */
  takeRows(): number {
    return this.exports.takeRows();
  }

  /** The most domains `counts` has room for (the constructor's). */
  get domainRoom(): number {
    return this.tallies.domains;
  }

  /**
   * Every row also gets the scores of these scales in `scores` (as scale-score.ts computes them):
   * scale s's k item values are codes [first, first + k) (with blocks, row b's are k further on
   * per row: [first + b k, first + (b + 1) k)). At most the constructor's count.
   */
  scoring(scales: { first: number; k: number; score: 'mean' | 'sum'; minAnswered: number }[]): void {
    const { codes, scales: scalesAt, scores } = this.layout;
    const rows = Math.max(1, this.layout.blockRows);
    if (scales.length * rows > this.scores.length || scales.some((scale) => scale.first < 0 || scale.first + rows * scale.k > this.codes.length)) {
      throw new Error('PlainRows.scoring: more scales than the constructor was told of, or codes beyond its count');
    }
    const table = new Int32Array(this.exports.memory.buffer, scalesAt, 4 * scales.length);
    scales.forEach((scale, s) => table.set([codes + 8 * scale.first, scale.k, scale.score === 'sum' ? 1 : 0, scale.minAnswered], 4 * s));
    this.exports.scoring(scalesAt, scales.length, scores);
  }

  /**
   * What each field's cell is for, and the scan from the first data line; a field may have
   * several roles, and a slot (with its steps over a block) must be within the constructor's counts.
   */
  route(roles: ScanRole[]): void {
    const { text, exports } = this;
    const buffer = exports.memory.buffer;
    const { codes: codesAt, outcomes: outcomesAt, entryIds: entryIdsAt, cells: cellsAt, fields: fieldsAt, roles: rolesAt, table: tableAt } = this.layout;
    const last = Math.max(1, this.layout.blockRows) - 1;
    const room = [this.codes.length, this.outcomes.length, this.entryIds.length, this.cells.length / 2];
    const fits = ({ slot, kind, step = 0 }: ScanRole): boolean => slot >= 0 && step >= 0 && slot + last * step < room[kind] && (step === 0 || kind === ROLE_CODE || kind === ROLE_CELL);
    if (roles.length > this.layout.maxRoles || roles.some((role) => role.field < 0 || role.field >= text.width || !fits(role))) {
      throw new Error('PlainRows.route: more roles than the constructor was told of, a field beyond the width, or a slot beyond the outputs');
    }
    const order = roles.map((_, i) => i).sort((a, b) => roles[a].field - roles[b].field || a - b);
    this.callerRole = Int32Array.from(order);
    const fields = new Int32Array(buffer, fieldsAt, 2 * text.width);
    const routes = new Int32Array(buffer, rolesAt, 4 * roles.length);
    order.forEach((caller, r) => {
      const { field, kind, slot } = roles[caller];
      if (fields[2 * field + 1] === 0) fields[2 * field] = r;
      fields[2 * field + 1]++;
      routes[4 * r] = kind;
      routes[4 * r + 1] = kind === ROLE_CODE ? codesAt + 8 * slot : kind === ROLE_OUTCOME ? outcomesAt + slot : kind === ROLE_CELL ? cellsAt + 8 * slot : -1;
      routes[4 * r + 2] = kind === ROLE_OUTCOME || kind === ROLE_ENTRY ? entryIdsAt + 4 * slot : -1;
      routes[4 * r + 3] = kind === ROLE_CODE || kind === ROLE_CELL ? 8 * (roles[caller].step ?? 0) : 0;
    });
    exports.setup(text.start, text.bytes.length, text.line, text.width, text.delimiter, fieldsAt, rolesAt, tableAt, FIRST_TABLE_SLOTS, TABLE_SLOTS);
  }

  /** The next line: a row (outputs written), a miss, the end, or a line set aside (see plain-rows.wat). */
  next(): ScanStatus {
    return this.exports.next();
  }

  /** The line of the last row. */
  get rowLine(): number {
    return this.exports.rowLine();
  }

  /** Where the scan stands: after the last row, or at the start of the line of a miss or a line set aside. */
  get position(): number {
    return this.exports.position();
  }

  /** After a miss: the role (an index into the constructor's `roles`) and the cell's bytes. */
  get missRole(): number {
    return this.callerRole[this.exports.missRole()];
  }

  get missStart(): number {
    return this.exports.missStart();
  }

  get missLength(): number {
    return this.exports.missLength();
  }

  /** Gives the missed cell its value; its entry id, or -1 when the table is full (MAX_ENTRIES). */
  insert(value: number): number {
    return this.exports.entries() >= MAX_ENTRIES ? -1 : this.exports.insert(value);
  }
}

function align(at: number, to: number): number {
  return Math.ceil(at / to) * to;
}
