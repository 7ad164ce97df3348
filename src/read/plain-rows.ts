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
export type ScanStatus = typeof SCAN_END | typeof SCAN_ROW | typeof SCAN_MISS | typeof SCAN_ASIDE;

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
  setup(pos: number, end: number, line: number, width: number, delimiter: number, fields: number, roles: number, table: number, capacity: number): void;
  next(): ScanStatus;
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
const PAGE_BYTES = 65536;

let compiled: object | null = null;

export class PlainRows {
  /** Outputs of the roles of each kind, by slot; rewritten by every row. */
  readonly codes: Float64Array;
  readonly outcomes: Int8Array;
  readonly entryIds: Int32Array;
  readonly cells: Int32Array;
  private readonly exports: Exports;
  /** Role index in the scanner (roles sorted by field) → index in the caller's list. */
  private callerRole = new Int32Array(0);
  private readonly text: PlainText;
  private readonly layout: { codes: number; outcomes: number; entryIds: number; cells: number; fields: number; roles: number; table: number; maxRoles: number };

  /** `slots`: how many outputs of each kind the roles use, and at most how many roles there are. */
  constructor(text: PlainText, slots: { codes: number; outcomes: number; entryIds: number; cells: number; roles: number }) {
    compiled ??= new WebAssembly.Module(Buffer.from(PLAIN_ROWS_WASM, 'base64'));
    const exports = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    this.exports = exports;
    // Layout: the text, the outputs, the fields' role ranges, the roles, the table.
    const n = text.bytes.length;
    const codesAt = align(n, 8);
    const outcomesAt = codesAt + 8 * slots.codes;
    const entryIdsAt = align(outcomesAt + slots.outcomes, 4);
    const cellsAt = entryIdsAt + 4 * slots.entryIds;
    const fieldsAt = align(cellsAt + 8 * slots.cells, 8);
    const rolesAt = fieldsAt + 8 * text.width;
    const tableAt = align(rolesAt + 16 * slots.roles, 32);
    const bytes = tableAt + 32 * TABLE_SLOTS;
    const have = exports.memory.buffer.byteLength;
    if (bytes > have) exports.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    const buffer = exports.memory.buffer;
    new Uint8Array(buffer, 0, n).set(text.bytes);
    this.codes = new Float64Array(buffer, codesAt, slots.codes);
    this.outcomes = new Int8Array(buffer, outcomesAt, slots.outcomes);
    this.entryIds = new Int32Array(buffer, entryIdsAt, slots.entryIds);
    this.cells = new Int32Array(buffer, cellsAt, 2 * slots.cells);
    this.text = text;
    this.layout = { codes: codesAt, outcomes: outcomesAt, entryIds: entryIdsAt, cells: cellsAt, fields: fieldsAt, roles: rolesAt, table: tableAt, maxRoles: slots.roles };
  }

  /**
   * What each field's cell is for, and the scan from the first data line; a field may have
   * several roles, and a slot must be within the constructor's counts.
   */
  route(roles: ScanRole[]): void {
    const { text, exports } = this;
    const buffer = exports.memory.buffer;
    const { codes: codesAt, outcomes: outcomesAt, entryIds: entryIdsAt, cells: cellsAt, fields: fieldsAt, roles: rolesAt, table: tableAt } = this.layout;
    if (roles.length > this.layout.maxRoles || roles.some((role) => role.field < 0 || role.field >= text.width)) {
      throw new Error('PlainRows.route: more roles than the constructor was told of, or a field beyond the width');
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
    });
    exports.setup(text.start, text.bytes.length, text.line, text.width, text.delimiter, fieldsAt, rolesAt, tableAt, TABLE_SLOTS);
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
