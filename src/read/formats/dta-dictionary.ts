import { dtaText } from './dta-bytes.js';
import type { DtaHeader } from './dta-header.js';

/**
 * The variables of a .dta file, from the sections the map points to (Stata's "help dta",
 * 5.3-5.8): <variable_types> (K 2-byte codes), <varnames>, <formats>, <value_label_names>
 * and <variable_labels> (K fixed-width NUL-padded fields each; widths in dta-layout.ts).
 *
 * Type codes: 1-2045 str# (a string of that many bytes), 32768 strL, 65526 double,
 * 65527 float, 65528 long, 65529 int, 65530 byte.
 */
export type DtaType =
  | { kind: 'str'; width: number }
  | { kind: 'strL' }
  | { kind: 'double' | 'float' | 'long' | 'int' | 'byte' };

export interface DtaVariable {
  name: string;
  type: DtaType;
  /** The display format, e.g. "%td", "%9.0g". */
  format: string;
  /** The value-label table it uses ("" for none). */
  valueLabelName: string;
  /** The variable label ("" for none). */
  label: string;
}

const NUMERIC_TYPES: Record<number, DtaType> = {
  65526: { kind: 'double' },
  65527: { kind: 'float' },
  65528: { kind: 'long' },
  65529: { kind: 'int' },
  65530: { kind: 'byte' },
};

/** Bytes a value of the type takes in a record. */
export function typeWidth(type: DtaType): number {
  switch (type.kind) {
    case 'str': return type.width;
    case 'strL': case 'double': return 8;
    case 'float': case 'long': return 4;
    case 'int': return 2;
    case 'byte': return 1;
  }
}

export function readDtaDictionary(header: DtaHeader): DtaVariable[] {
  const { bytes, layout, map, variables: k } = header;
  const section = (offset: number, tag: string, width: number, what: string): Buffer => {
    const start = bytes.expectTag(offset, `<${tag}>`, what);
    const content = bytes.exact(start, k * width, what);
    bytes.expectTag(start + k * width, `</${tag}>`, what);
    return content;
  };
  const fields = (offset: number, tag: string, width: number, what: string): string[] => {
    const content = section(offset, tag, width, what);
    return Array.from({ length: k }, (_, i) => dtaText(content.subarray(i * width, (i + 1) * width)));
  };
  const typeCodes = section(map.variableTypes, 'variable_types', 2, 'variable types');
  const names = fields(map.varnames, 'varnames', layout.nameBytes, 'variable names');
  const formats = fields(map.formats, 'formats', layout.formatBytes, 'display formats');
  const labelNames = fields(map.valueLabelNames, 'value_label_names', layout.nameBytes, 'value-label names');
  const labels = fields(map.variableLabels, 'variable_labels', layout.variableLabelBytes, 'variable labels');
  return names.map((name, i) => {
    const code = bytes.uint(typeCodes, i * 2, 2);
    const type: DtaType | undefined = code >= 1 && code <= 2045 ? { kind: 'str', width: code } : code === 32768 ? { kind: 'strL' } : NUMERIC_TYPES[code];
    if (type === undefined) throw bytes.garbled(`variable ${i + 1} ("${name.slice(0, 60)}") has the unknown type code ${code}`);
    return { name, type, format: formats[i], valueLabelName: labelNames[i], label: labels[i] };
  });
}
