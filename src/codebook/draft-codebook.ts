/**
 * A first codebook for a survey nobody has described yet, from each column's observed
 * values: agreement labels become a response set and rated scales (grouped by the
 * alphabetic stem of the column names: pk1, pk2, ... → pk), small whole-number ranges
 * become rated items, true/false/don't know columns a knowledge scale to be keyed,
 * yes/no columns prevalence entries, and short text columns groups. The analyst edits it.
 */

import { normaliseLabel } from './normalise-label.js';

export interface ColumnValues {
  name: string;
  /** Distinct non-missing trimmed values (at most a few dozen are kept). */
  values: string[];
  /** Whether more distinct values were seen than were kept. */
  overflow: boolean;
}

/** The five-point agreement set drafted for agreement columns; "Neutral" is its midpoint too. */
const AGREE5: Record<string, number> = {
  'Strongly disagree': 1,
  Disagree: 2,
  'Neither agree nor disagree': 3,
  Neutral: 3,
  Agree: 4,
  'Strongly agree': 5,
};

/** The labels of AGREE5, as normaliseLabel gives them: a column of only these is drafted with it. */
const AGREEMENT = new Set(Object.keys(AGREE5).map(normaliseLabel));
const TRUE_FALSE = new Set(['true', 'false', "don't know", 'dont know', 'do not know', 'not sure', 'unsure']);
const YES_NO = new Set(['yes', 'no', "don't know", 'not sure']);

export type ColumnKind = 'id' | 'agreement' | 'numeric' | 'true-false' | 'yes-no' | 'group' | 'other';

export function classifyColumn(column: ColumnValues): ColumnKind {
  const lower = column.values.map(normaliseLabel);
  if (column.values.length === 0) return 'other';
  if (/^(id|respondent|respondent_?id|record_?id|response_?id)$/i.test(column.name)) return 'id';
  if (column.overflow) return 'other';
  if (lower.every((v) => AGREEMENT.has(v))) return 'agreement';
  if (lower.every((v) => TRUE_FALSE.has(v)) && lower.some((v) => v === 'true' || v === 'false')) return 'true-false';
  if (lower.every((v) => YES_NO.has(v)) && lower.includes('yes')) return 'yes-no';
  const numbers = column.values.map(Number);
  if (numbers.every((n) => Number.isInteger(n)) && column.values.length >= 2) {
    const span = Math.max(...numbers) - Math.min(...numbers);
    if (span >= 1 && span <= 10) return 'numeric';
    return 'other';
  }
  if (column.values.length <= 12) return 'group';
  return 'other';
}

/** The alphabetic stem of a column name: "pk_3" → "pk", "Q12b" → "q". */
export function stem(name: string): string {
  const match = /^([A-Za-z]+?)[_.\s-]*\d+[A-Za-z]?$/.exec(name.trim());
  return (match ? match[1] : name).toLowerCase();
}

export function draftCodebook(columns: ColumnValues[], title: string): Record<string, unknown> {
  const kinds = columns.map((c) => ({ column: c, kind: classifyColumn(c) }));
  const id = kinds.find((k) => k.kind === 'id')?.column.name;
  const scales: Record<string, unknown>[] = [];
  // Stems of different kinds may coincide (q1 agreement, q2 numeric): ids get a suffix.
  const used = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const byStem = (kind: ColumnKind): Map<string, ColumnValues[]> => {
    const groups = new Map<string, ColumnValues[]>();
    for (const k of kinds.filter((k) => k.kind === kind)) {
      const key = stem(k.column.name);
      groups.set(key, [...(groups.get(key) ?? []), k.column]);
    }
    return groups;
  };
  for (const [name, cols] of byStem('agreement')) {
    scales.push({ id: uniqueId(name), label: name, items: cols.map((c) => c.name), responses: 'agree5', score: 'mean' });
  }
  for (const [name, cols] of byStem('numeric')) {
    const numbers = cols.flatMap((c) => c.values.map(Number));
    scales.push({ id: uniqueId(name), label: name, items: cols.map((c) => c.name), range: [Math.min(...numbers), Math.max(...numbers)], score: 'mean' });
  }
  for (const [name, cols] of byStem('true-false')) {
    scales.push({
      id: uniqueId(`${name}_knowledge`),
      label: `${name} (knowledge; check the key)`,
      items: cols.map((c) => c.name),
      key: Object.fromEntries(cols.map((c) => [c.name, 'True'])),
      score: 'sum',
    });
  }
  const prevalence = kinds
    .filter((k) => k.kind === 'yes-no')
    .map((k) => ({ id: k.column.name, label: k.column.name, column: k.column.name, positive: ['Yes'] }));
  const groups = kinds.filter((k) => k.kind === 'group').map((k) => k.column.name);
  const codebook: Record<string, unknown> = { title };
  if (id) codebook.id = id;
  codebook.missing = ['', 'NA'];
  if (kinds.some((k) => k.kind === 'agreement')) codebook.responseSets = { agree5: AGREE5 };
  codebook.scales = scales;
  codebook.prevalence = prevalence;
  codebook.groups = groups;
  return codebook;
}
