// The WebAssembly scan of plain CSV lines (src/read/plain-rows.wat): the committed binary, the
// rows, lines, misses and set-aside lines of small texts worked out by hand, and each row's
// scale scores against scale-score.ts, bit for bit, on random rows. Its agreement
// with the usual reader on random files is tests/analysis/accumulate-plain.test.ts.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaleScore } from '../../src/codebook/scale-score.js';
import { MODULES, currentSource } from '../../scripts/build-wasm.mjs';
import { PlainRows, ROLE_CELL, ROLE_CODE, ROLE_ENTRY, ROLE_OUTCOME, SCAN_ASIDE, SCAN_BLOCK, SCAN_END, SCAN_MISS, SCAN_ROW, type ScanRole } from '../../src/read/plain-rows.js';

describe('the committed WebAssembly binary', () => {
  it('is the translation of plain-rows.wat', async () => {
    const module = MODULES.find((m) => m.wat.endsWith('plain-rows.wat'))!;
    expect(readFileSync(module.generated, 'utf8'), 'run npm run build:wasm').toBe(await currentSource(module));
  });
});

/** Scans `text` (its data from byte 0, line 2) coding every cell of field 1 by its length and of field 2 as an outcome; the events in order. */
function events(text: string, width = 3): string[] {
  const bytes = Buffer.from(text);
  const scan = new PlainRows({ bytes, start: 0, line: 2, width, delimiter: 0x2c }, { codes: 1, outcomes: 1, entryIds: 2, cells: 1, roles: 4, scales: 0 });
  const roles = [
    { field: 0, kind: ROLE_CELL, slot: 0 },
    { field: 1, kind: ROLE_CODE, slot: 0 },
    { field: 2, kind: ROLE_OUTCOME, slot: 0 },
    { field: 2, kind: ROLE_ENTRY, slot: 1 },
  ] as const;
  scan.route(roles.filter((role) => role.field < width));
  const out: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const status = scan.next();
    if (status === SCAN_END) return out;
    if (status === SCAN_ASIDE) return [...out, `aside at ${scan.position}`];
    if (status === SCAN_MISS) {
      const cell = bytes.toString('utf8', scan.missStart, scan.missStart + scan.missLength);
      out.push(`miss ${scan.missRole} ${JSON.stringify(cell)}`);
      const value = scan.missRole === 1 ? cell.length : cell === 'y' ? 1 : 0;
      expect(scan.insert(value)).toBeGreaterThanOrEqual(0);
      continue;
    }
    expect(status).toBe(SCAN_ROW);
    const id = bytes.toString('utf8', scan.cells[0], scan.cells[0] + scan.cells[1]);
    out.push(`row ${scan.rowLine} ${id} ${scan.codes[0]} ${scan.outcomes[0]} e${scan.entryIds[0]}=e${scan.entryIds[1]}`);
  }
  throw new Error('no end');
}

describe('PlainRows', () => {
  it('splits lines at LF, CRLF and CR, skips empty and blank lines, and looks each cell up once', () => {
    expect(events('a,xx,y\r\n\nb,xx,n\r\r  \t\nc,é,y')).toEqual([
      'miss 1 "xx"',
      'miss 2 "y"',
      'miss 3 "y"',
      'row 2 a 2 1 e1=e2',
      'miss 2 "n"',
      'miss 3 "n"',
      // Line 3 is empty.
      'row 4 b 2 0 e3=e4',
      // Line 5 is empty (CR CR), line 6 blank.
      'miss 1 "é"',
      'row 7 c 1 1 e1=e2',
    ]);
  });

  it('sets aside a line of another width, and a single field of whitespace and non-ASCII bytes', () => {
    expect(events('a,x,y\nb,x\n')).toEqual(['miss 1 "x"', 'miss 2 "y"', 'miss 3 "y"', 'row 2 a 1 1 e1=e2', 'aside at 6']);
    expect(events('a,x,y\n\u00a0\n')).toEqual(['miss 1 "x"', 'miss 2 "y"', 'miss 3 "y"', 'row 2 a 1 1 e1=e2', 'aside at 6']);
    // One field of ASCII spaces is blank whatever the width; one field with text is a row of width 1.
    expect(events(' \ny\n', 1)).toEqual(['row 3 y 0 0 e0=e0']);
  });

  it('keeps cells of the same bytes apart by role, and a cell met before costs no miss', () => {
    expect(events('k,y,y\nk,y,y\n')).toEqual(['miss 1 "y"', 'miss 2 "y"', 'miss 3 "y"', 'row 2 k 1 1 e1=e2', 'row 3 k 1 1 e1=e2']);
  });

  it('scores every row as scale-score.ts does: the mean or prorated sum of the answered codes, NaN below the fewest answers', () => {
    // Three scales over one line of codes; a cell of one letter is missing, any other is its number.
    const scales = [
      { first: 0, k: 3, score: 'mean' as const, minAnswered: 2 },
      { first: 3, k: 2, score: 'sum' as const, minAnswered: 1 },
      { first: 5, k: 4, score: 'sum' as const, minAnswered: 4 },
    ];
    const cell = fc.oneof(fc.constant('x'), fc.integer({ min: -5, max: 9 }).map(String), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => String(v)));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const bytes = Buffer.from(rows.map((row) => row.join(',')).join('\n'));
        const scan = new PlainRows({ bytes, start: 0, line: 2, width: 9, delimiter: 0x2c }, { codes: 9, outcomes: 0, entryIds: 0, cells: 0, roles: 9, scales: 3 });
        scan.route(Array.from({ length: 9 }, (_, f) => ({ field: f, kind: ROLE_CODE, slot: f })));
        scan.scoring(scales);
        let r = 0;
        for (let status = scan.next(); status !== SCAN_END; status = scan.next()) {
          if (status === SCAN_MISS) {
            const text = bytes.toString('utf8', scan.missStart, scan.missStart + scan.missLength);
            scan.insert(text === 'x' ? Number.NaN : Number(text));
            continue;
          }
          expect(status).toBe(SCAN_ROW);
          const values = rows[r++].map((text) => (text === 'x' ? Number.NaN : Number(text)));
          scales.forEach((scale, s) => {
            const expected = scaleScore(values.slice(scale.first, scale.first + scale.k), scale.score, scale.minAnswered);
            expect(Object.is(scan.scores[s], expected) || (Number.isNaN(scan.scores[s]) && Number.isNaN(expected)), `row ${r} scale ${s}`).toBe(true);
          });
        }
        expect(r).toBe(rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses scales beyond the counts it was made for', () => {
    const scan = new PlainRows({ bytes: Buffer.from('1,2\n'), start: 0, line: 2, width: 2, delimiter: 0x2c }, { codes: 2, outcomes: 0, entryIds: 0, cells: 0, roles: 2, scales: 1 });
    expect(() => scan.scoring([{ first: 1, k: 2, score: 'mean', minAnswered: 1 }])).toThrow(/beyond/);
    expect(() => scan.scoring([{ first: 0, k: 1, score: 'mean', minAnswered: 1 }, { first: 1, k: 1, score: 'mean', minAnswered: 1 }])).toThrow(/more scales/);
  });

  it('counts prevalence per domain as PrevalenceAccumulator.add does, worked by hand', () => {
    // Fields: outcome of entry 0, outcome of entry 1, group cell. Outcomes: y 1, n 0, anything else -1 (missing).
    // Group cells: "A" domain 1, "B" domain 2, "?" a missing group value.
    const bytes = Buffer.from('y,n,A\nn,y,B\ny,-,?\n-,-,A\ny,y,A\n');
    const scan = new PlainRows(
      { bytes, start: 0, line: 2, width: 3, delimiter: 0x2c },
      { codes: 0, outcomes: 2, entryIds: 3, cells: 0, roles: 4, scales: 0, tallies: { domains: 3, entries: 2, groups: 1 } },
    );
    scan.route([
      { field: 0, kind: ROLE_OUTCOME, slot: 0 },
      { field: 1, kind: ROLE_OUTCOME, slot: 1 },
      { field: 2, kind: ROLE_ENTRY, slot: 2 },
    ]);
    scan.tallying(2);
    let rows = 0;
    for (let status = scan.next(); status !== SCAN_END; status = scan.next()) {
      if (status === SCAN_ROW) {
        rows++;
        continue;
      }
      expect(status).toBe(SCAN_MISS);
      const cell = bytes.toString('utf8', scan.missStart, scan.missStart + scan.missLength);
      if (scan.missRole === 2) scan.domainOfEntry[scan.insert(0)] = { A: 1, B: 2 }[cell] ?? -1;
      else scan.insert(cell === 'y' ? 1 : cell === 'n' ? 0 : -1);
    }
    expect(rows).toBe(5);
    // [positives, answered] of entry 0 then entry 1, per domain: everyone, A (rows 1, 4, 5), B (row 2).
    expect([...scan.counts]).toEqual([3, 4, 2, 3, /* A */ 2, 2, 1, 2, /* B */ 0, 1, 1, 1]);
    expect([...scan.groupMissing]).toEqual([1]);
    expect(scan.domainRoom).toBe(3);
  });

  it('refuses to count without room for it, or with group slots beyond the entry ids', () => {
    const text = { bytes: Buffer.from('y\n'), start: 0, line: 2, width: 1, delimiter: 0x2c };
    expect(() => new PlainRows(text, { codes: 0, outcomes: 1, entryIds: 1, cells: 0, roles: 1, scales: 0 }).tallying(0)).toThrow(/no room/);
    const scan = new PlainRows(text, { codes: 0, outcomes: 1, entryIds: 1, cells: 0, roles: 1, scales: 0, tallies: { domains: 2, entries: 1, groups: 1 } });
    expect(() => scan.tallying(1)).toThrow(/beyond the entry ids/);
  });

  it('finds every cell again after its table has grown from 256 slots to tens of thousands', () => {
    // 12,000 distinct cells, then all of them again: each is a miss once, never twice.
    const cells = Array.from({ length: 12000 }, (_, i) => `c${i * 7919}`);
    const bytes = Buffer.from([...cells, ...cells].join('\n'));
    const scan = new PlainRows({ bytes, start: 0, line: 2, width: 1, delimiter: 0x2c }, { codes: 1, outcomes: 0, entryIds: 0, cells: 0, roles: 1, scales: 0 });
    scan.route([{ field: 0, kind: ROLE_CODE, slot: 0 }]);
    let misses = 0;
    const seen: number[] = [];
    for (let status = scan.next(); status !== SCAN_END; status = scan.next()) {
      if (status === SCAN_MISS) {
        misses++;
        expect(scan.insert(Number(bytes.toString('utf8', scan.missStart + 1, scan.missStart + scan.missLength)))).toBeGreaterThanOrEqual(0);
        continue;
      }
      seen.push(scan.codes[0]);
    }
    expect(misses).toBe(cells.length);
    expect(seen).toEqual([...cells, ...cells].map((cell) => Number(cell.slice(1))));
  });

  it('in blocks gives every row the codes, scores, id cell and line of the scan row by row', () => {
    // Fields: an id (a cell), then two scales of 2 and 3 codes (a cell "x" is missing). Empty
    // lines and misses fall anywhere in a block; blocks of 1 to 4 rows.
    const code = fc.oneof(fc.constant('x'), fc.integer({ min: 1, max: 5 }).map(String), fc.constantFrom('1.5', '7'));
    const row = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '7'), maxLength: 4 }), fc.array(code, { minLength: 5, maxLength: 5 }));
    const line = fc.oneof({ weight: 5, arbitrary: row.map(([id, codes]) => [id, ...codes].join(',')) }, { weight: 1, arbitrary: fc.constant('') });
    const scales = [
      { k: 2, score: 'mean' as const, minAnswered: 1 },
      { k: 3, score: 'sum' as const, minAnswered: 2 },
    ];
    const value = (text: string): number => (text === 'x' ? Number.NaN : Number(text));
    type Row = { id: string; codes: number[]; scores: number[]; line: number };
    const scanned = (bytes: Buffer, blockRows: number): Row[] => {
      const rows = Math.max(1, blockRows);
      const scan = new PlainRows({ bytes, start: 0, line: 2, width: 6, delimiter: 0x2c }, { codes: 5, outcomes: 0, entryIds: 0, cells: 1, roles: 6, scales: 2, blockRows });
      // Scale s's codes from first[s] on, k per row of a block.
      const first = [0, 2 * rows];
      const roles: ScanRole[] = [
        { field: 0, kind: ROLE_CELL, slot: 0, step: 1 },
        ...[0, 1].map((i): ScanRole => ({ field: 1 + i, kind: ROLE_CODE, slot: first[0] + i, step: 2 })),
        ...[0, 1, 2].map((i): ScanRole => ({ field: 3 + i, kind: ROLE_CODE, slot: first[1] + i, step: 3 })),
      ];
      scan.route(roles);
      scan.scoring(scales.map((scale, s) => ({ first: first[s], ...scale })));
      if (blockRows > 0) scan.blocking();
      const out: Row[] = [];
      const take = (count: number, lineOf: (b: number) => number): void => {
        for (let b = 0; b < count; b++) {
          out.push({
            id: bytes.toString('utf8', scan.cells[2 * b], scan.cells[2 * b] + scan.cells[2 * b + 1]),
            codes: [...scan.codes.subarray(first[0] + 2 * b, first[0] + 2 * b + 2), ...scan.codes.subarray(first[1] + 3 * b, first[1] + 3 * b + 3)],
            scores: [scan.scores[2 * b], scan.scores[2 * b + 1]],
            line: lineOf(b),
          });
        }
      };
      for (;;) {
        const status = scan.next();
        if (status === SCAN_MISS) {
          scan.insert(value(bytes.toString('utf8', scan.missStart, scan.missStart + scan.missLength)));
          continue;
        }
        if (status === SCAN_ROW) take(1, () => scan.rowLine);
        else if (status === SCAN_BLOCK || status === SCAN_END) take(blockRows > 0 ? scan.takeRows() : 0, (b) => scan.lines[b]);
        else throw new Error(`status ${status}`);
        if (status === SCAN_END) return out;
      }
    };
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (lines, blockRows) => {
        const bytes = Buffer.from(lines.join('\n'));
        const byRow = scanned(bytes, 0);
        expect(byRow).toHaveLength(lines.filter((l) => l !== '').length);
        expect(scanned(bytes, blockRows)).toEqual(byRow);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses blocks it made no room for, and a step beyond its outputs', () => {
    const text = { bytes: Buffer.from('1,2\n'), start: 0, line: 2, width: 2, delimiter: 0x2c };
    expect(() => new PlainRows(text, { codes: 2, outcomes: 0, entryIds: 0, cells: 0, roles: 2, scales: 0 }).blocking()).toThrow(/no room/);
    const scan = new PlainRows(text, { codes: 2, outcomes: 1, entryIds: 0, cells: 0, roles: 2, scales: 0, blockRows: 3 });
    // Codes: 2 per row for 3 rows; slot 1 + 2 steps of 3 is slot 7.
    expect(() => scan.route([{ field: 0, kind: ROLE_CODE, slot: 1, step: 3 }])).toThrow(/beyond the outputs/);
    // A step back would write row b before the block's first slot.
    expect(() => scan.route([{ field: 0, kind: ROLE_CODE, slot: 5, step: -2 }])).toThrow(/beyond the outputs/);
    // Outcomes are the current row's only (the tallies read them).
    expect(() => scan.route([{ field: 0, kind: ROLE_OUTCOME, slot: 0, step: 1 }])).toThrow(/beyond the outputs/);
  });

  it('tells cells apart by all of their bytes, whatever their length and wherever a delimiter or line end falls in a word', () => {
    // Cells of up to 30 a's with at most one b: of one length, many differ in one byte the hash
    // does not read (it reads the first, middle and last eight), and only the byte-for-byte
    // comparison tells them apart.
    const cell = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([length, b]) => 'a'.repeat(length).split('').map((c, i) => (i === b ? 'b' : c)).join(''));
    const end = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(cell, { minLength: 3, maxLength: 3 }), end), { minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (rows, delimiter) => {
        const bytes = Buffer.from(rows.map(([cells, lineEnd]) => cells.join(delimiter) + lineEnd).join(''));
        const scan = new PlainRows({ bytes, start: 0, line: 2, width: 3, delimiter: delimiter.charCodeAt(0) }, { codes: 3, outcomes: 0, entryIds: 0, cells: 0, roles: 3, scales: 0 });
        scan.route([0, 1, 2].map((f) => ({ field: f, kind: ROLE_CODE, slot: f })));
        // Each distinct (field, cell) is coded by the order it was first met.
        const codes = new Map<string, number>();
        const seen: number[][] = [];
        for (let status = scan.next(); status !== SCAN_END; status = scan.next()) {
          if (status === SCAN_MISS) {
            const key = `${scan.missRole}:${bytes.toString('utf8', scan.missStart, scan.missStart + scan.missLength)}`;
            expect(codes.has(key), key).toBe(false);
            codes.set(key, codes.size);
            scan.insert(codes.get(key)!);
            continue;
          }
          expect(status).toBe(SCAN_ROW);
          seen.push([...scan.codes]);
        }
        // Three cells, empty or not, make a row (two delimiters: never an empty line).
        expect(seen).toEqual(rows.map(([cells]) => cells.map((c, f) => codes.get(`${f}:${c}`))));
      }),
      { numRuns: 300 },
    );
  });
});
