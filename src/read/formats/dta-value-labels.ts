import { dtaText } from './dta-bytes.js';
import type { DtaHeader } from './dta-header.js';
import { LONG_MAX_NONMISSING } from './dta-missing.js';

/**
 * The value-label tables of a .dta file (Stata's "help dta", 5.12), by table name; a
 * variable names the table it uses in <value_label_names>, and several may share one.
 *
 *     <value_labels> { <lbl> len(4) labname(33|129) padding(3) table(len bytes) </lbl> }* </value_labels>
 *     table: n(4) txtlen(4) off[n](4 each) val[n](4 each, signed) txt[txtlen]
 *
 * Label i is the NUL-terminated text at txt[off[i]] for the value val[i]. Labels of extended
 * missing values (val beyond 2,147,483,620: .a-.z) are left out: those cells read as missing.
 * Keys are the values as the cells carry them (String(integer)).
 */
export function readDtaValueLabels(header: DtaHeader): Map<string, Map<string, string>> {
  const { bytes, layout, map } = header;
  const what = 'value labels';
  const tables = new Map<string, Map<string, string>>();
  let at = bytes.expectTag(map.valueLabels, '<value_labels>', what);
  while (bytes.exact(at, 5, what).toString('latin1') === '<lbl>') {
    const head = bytes.exact(at + 5, 4 + layout.nameBytes + 3, what);
    const length = bytes.uint(head, 0, 4);
    const name = dtaText(head.subarray(4, 4 + layout.nameBytes));
    const tableStart = at + 5 + head.length;
    tables.set(name, parseTable(bytes.exact(tableStart, length, what), header, name));
    at = bytes.expectTag(tableStart + length, '</lbl>', what);
  }
  bytes.expectTag(at, '</value_labels>', what);
  return tables;
}

function parseTable(table: Buffer, header: DtaHeader, name: string): Map<string, string> {
  const { bytes } = header;
  const bad = (): never => {
    throw bytes.garbled(`the value-label table "${name.slice(0, 60)}" is inconsistent`);
  };
  if (table.length < 8) bad();
  const count = bytes.uint(table, 0, 4);
  const textLength = bytes.uint(table, 4, 4);
  const textStart = 8 + 8 * count;
  if (textStart + textLength > table.length) bad();
  const text = table.subarray(textStart, textStart + textLength);
  const labels = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const offset = bytes.uint(table, 8 + 4 * i, 4);
    const valueAt = 8 + 4 * count + 4 * i;
    const value = bytes.littleEndian ? table.readInt32LE(valueAt) : table.readInt32BE(valueAt);
    if (offset >= text.length) bad();
    if (value > LONG_MAX_NONMISSING) continue;
    labels.set(String(value), dtaText(text.subarray(offset)));
  }
  return labels;
}
