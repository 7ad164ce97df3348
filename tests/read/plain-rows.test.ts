// The WebAssembly scan of plain CSV lines (src/read/plain-rows.wat): the committed binary, and
// the rows, lines, misses and set-aside lines of small texts worked out by hand. Its agreement
// with the usual reader on random files is tests/analysis/accumulate-plain.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULES, currentSource } from '../../scripts/build-wasm.mjs';
import { PlainRows, ROLE_CELL, ROLE_CODE, ROLE_ENTRY, ROLE_OUTCOME, SCAN_ASIDE, SCAN_END, SCAN_MISS, SCAN_ROW } from '../../src/read/plain-rows.js';

describe('the committed WebAssembly binary', () => {
  it('is the translation of plain-rows.wat', async () => {
    const module = MODULES.find((m) => m.wat.endsWith('plain-rows.wat'))!;
    expect(readFileSync(module.generated, 'utf8'), 'run npm run build:wasm').toBe(await currentSource(module));
  });
});

/** Scans `text` (its data from byte 0, line 2) coding every cell of field 1 by its length and of field 2 as an outcome; the events in order. */
function events(text: string, width = 3): string[] {
  const bytes = Buffer.from(text);
  const scan = new PlainRows({ bytes, start: 0, line: 2, width, delimiter: 0x2c }, { codes: 1, outcomes: 1, entryIds: 2, cells: 1, roles: 4 });
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
});
