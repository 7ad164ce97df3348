import { dataError, usageError } from '../errors.js';
import type { Codebook, Scale } from './codebook.js';
import { codeOfLabel, INVALID, isTinyCode, keyedItemCoder, MIN_CODE, labelledCoder, labelledRatedCoder, memoize, outcomeCoder, parseNumber, ratedItemCoder, reverseKeyed, type CellCoder } from './cell-coders.js';
import { normaliseLabel } from './normalise-label.js';
import { quoteList, quoteValue, shortText } from '../quote-value.js';
import { scaleScore } from './scale-score.js';
import type { TableHeader } from '../read/table-header.js';

/** Values that could not be coded and, with --lenient, became missing. */
export interface InvalidTally {
  column: string;
  count: number;
  first: { value: string; file: string; line: number };
}

/** Where a cell of a column goes: the column's index in the header and the coder of its cells. */
export interface CellCoding<T> {
  at: number;
  code: (cell: string) => T;
}

/**
 * The coders `code` applies, per column, once the header is bound: item values (per scale,
 * INVALID for a value that is not an answer), prevalence outcomes (INVALID, 1, 0 or -1),
 * group cells and the cluster cell (trimmed text, or null when missing). For readers that
 * split and code rows by other means (accumulate-plain.ts): they must give `values`,
 * `outcomes`, `groups` and `cluster` what `code` would.
 */
export interface CodingPlan {
  items: CellCoding<number>[][];
  outcomes: CellCoding<number>[];
  groups: CellCoding<string | null>[];
  cluster: CellCoding<string | null> | null;
}

/** The buffers a RowCoder codes into (a reader may place them in its own memory). */
export interface CodedBuffers {
  /** Per scale, as many values as items. */
  values: Float64Array[];
  /** One per prevalence entry. */
  outcomes: Int8Array;
  /** One per scale (scoreScales writes them). */
  scores: Float64Array;
}

/** Buffers of their own for the scales and prevalence entries of `codebook`. */
export function codedBuffers(codebook: Codebook): CodedBuffers {
  return {
    values: codebook.scales.map((scale) => new Float64Array(scale.items.length)),
    outcomes: new Int8Array(codebook.prevalence.length),
    scores: new Float64Array(codebook.scales.length),
  };
}

export interface CodingOptions {
  groups: string[];
  cluster: string | null;
  lenient: boolean;
}

interface ItemSlot {
  column: string;
  /** Cell → value after key scoring and reverse keying (NaN missing, INVALID). */
  code: CellCoder;
  explain: (text: string) => string;
}

/**
 * Codes one CSV row at a time into preallocated buffers, per the codebook (contract §2):
 * labels to codes, answer keys, reverse keying (`min + max - x`), missing values, range
 * checks, scale scores, prevalence outcomes and group cells. The buffers are overwritten
 * by every call; nothing is allocated per cell.
 */
export class RowCoder {
  /** Per scale, its k item values after key scoring and reverse keying; NaN = missing. */
  readonly values: Float64Array[];
  /** Per scale, the respondent's score; NaN = too few items answered. */
  readonly scores: Float64Array;
  /** Per prevalence entry: 1 positive, 0 negative, -1 missing. */
  readonly outcomes: Int8Array;
  /** Per group column, the trimmed cell, or null when missing. */
  readonly groups: (string | null)[];
  cluster: string | null = null;

  private items: ItemSlot[][] = [];
  private outcomeCoders: CellCoder[] = [];
  private readonly missing: Set<string>;
  /** Trimmed cluster cell, null when missing. */
  private readonly groupText: (cell: string) => string | null;
  /** Per group column, the trimmed cell (its value label, where the file has one), null when missing. */
  private groupCoders: ((cell: string) => string | null)[] = [];
  /** Columns whose value labels give other codes than the codebook's response set (one note each). */
  readonly labelConflicts: { column: string; label: string; fileCode: string; codebookCode: number }[] = [];
  private unit: TableHeader['unit'] = 'line';
  private index: {
    items: number[][];
    outcomes: number[];
    groups: number[];
    cluster: number;
    id: number;
  } | null = null;
  private file = '';

  constructor(
    private readonly codebook: Codebook,
    private readonly options: CodingOptions,
    private readonly tally: Map<string, InvalidTally>,
    buffers: CodedBuffers = codedBuffers(codebook),
  ) {
    this.missing = new Set(codebook.missing);
    this.groupText = memoize((cell): string | null => {
      const text = cell.trim();
      return this.missing.has(text) ? null : text;
    });
    this.values = buffers.values;
    this.scores = buffers.scores;
    this.outcomes = buffers.outcomes;
    this.groups = options.groups.map(() => null);
  }

  /**
   * Match the codebook's columns to a file's header; every absent column is named with where
   * it comes from. When only options (--by, --cluster) name absent columns, the options are
   * wrong (exit 2); otherwise the file does not fit the codebook (exit 1).
   */
  bind(header: TableHeader): void {
    const { columns, file } = header;
    const position = new Map(columns.map((name, i) => [name, i]));
    const absent: string[] = [];
    let fromCodebook = false;
    const find = (column: string, where: string): number => {
      const at = position.get(column);
      if (at === undefined) {
        absent.push(`${quoteValue(column)} (${where})`);
        if (!where.startsWith('--')) fromCodebook = true;
      }
      return at ?? -1;
    };
    const cb = this.codebook;
    const groupsFromCodebook = sameList(this.options.groups, cb.groups);
    this.index = {
      items: cb.scales.map((scale, s) => scale.items.map((item, i) => find(item, `codebook scales[${s}].items[${i}]`))),
      outcomes: cb.prevalence.map((entry, p) => find(entry.column, `codebook prevalence[${p}].column`)),
      groups: this.options.groups.map((column, g) => find(column, groupsFromCodebook ? `codebook groups[${g}]` : '--by')),
      cluster: this.options.cluster === null ? -1 : find(this.options.cluster, '--cluster'),
      id: cb.id === null ? -1 : find(cb.id, 'codebook id'),
    };
    if (absent.length > 0) {
      const list = absent.length > 8 ? [...absent.slice(0, 8), `and ${absent.length - 8} more`] : absent;
      const message = `${absent.length === 1 ? 'a column is' : `${absent.length} columns are`} not in the file: ${list.join(', ')}`;
      const hint = cb.builtin === true
        ? `no --codebook was given, so the built-in codebook (the NHS human-trafficking survey) was used; draft one for this file with: survey-analyze codebook init ${quoteValue(file)} > codebook.yaml, then run with -c codebook.yaml`
        : `the header has: ${quoteList(columns, 12, 40)}`;
      throw fromCodebook ? dataError(message, { file, line: 1 }, hint) : usageError(message, { file, line: 1 }, hint);
    }
    this.file = file;
    this.unit = header.unit;
    const labelsOf = (at: number): Map<string, string> | null => (at >= 0 ? header.meta[at].valueLabels : null);
    this.items = cb.scales.map((scale, s) => scale.items.map((item, i) => this.itemSlot(scale, item, labelsOf(this.index!.items[s][i]))));
    this.outcomeCoders = cb.prevalence.map((entry, p) =>
      memoize(labelledCoder(outcomeCoder(entry.positiveText, entry.positiveCodes, this.responseCodeOf(entry.column), this.missing), labelsOf(this.index!.outcomes[p]))),
    );
    this.groupCoders = this.index.groups.map((at) => {
      const labels = labelsOf(at);
      return memoize((cell: string): string | null => {
        const text = cell.trim();
        if (this.missing.has(text)) return null;
        return labels?.get(text) ?? text;
      });
    });
  }

  code(row: string[], line: number): void {
    const index = this.index!;
    const scales = this.codebook.scales;
    for (let s = 0; s < scales.length; s++) {
      const slots = this.items[s];
      const columns = index.items[s];
      const out = this.values[s];
      for (let i = 0; i < slots.length; i++) {
        const cell = row[columns[i]];
        const value = slots[i].code(cell);
        out[i] = value === INVALID ? this.invalid(slots[i], cell, line) : value;
      }
      this.scoreScale(s);
    }
    for (let p = 0; p < this.outcomeCoders.length; p++) {
      const outcome = this.outcomeCoders[p](row[index.outcomes[p]]);
      // A value the scale coding rejected is missing here too (an error already stopped a strict run).
      this.outcomes[p] = outcome === INVALID ? -1 : outcome;
    }
    for (let g = 0; g < this.groups.length; g++) this.groups[g] = this.groupCoders[g](row[index.groups[g]]);
    if (index.cluster >= 0) this.cluster = this.groupText(row[index.cluster]);
  }

  /** Every scale's score from its values (what `code` does after coding a scale's items). */
  scoreScales(): void {
    for (let s = 0; s < this.values.length; s++) this.scoreScale(s);
  }

  private scoreScale(s: number): void {
    const scale = this.codebook.scales[s];
    this.scores[s] = scaleScore(this.values[s], scale.score, scale.minAnswered);
  }

  /** What `code` applies to which column (after `bind`). */
  codingPlan(): CodingPlan {
    const index = this.index!;
    return {
      items: this.items.map((slots, s) => slots.map((slot, i) => ({ at: index.items[s][i], code: slot.code }))),
      outcomes: this.outcomeCoders.map((code, p) => ({ at: index.outcomes[p], code })),
      groups: this.groupCoders.map((code, g) => ({ at: index.groups[g], code })),
      cluster: index.cluster >= 0 ? { at: index.cluster, code: this.groupText } : null,
    };
  }

  /** The respondent id of a row (the codebook's `id` column), or '' without one. */
  idOf(row: string[]): string {
    const at = this.index!.id;
    return at >= 0 ? row[at].trim() : '';
  }

  private invalid(slot: ItemSlot, cell: string, line: number): number {
    if (!this.options.lenient) {
      throw dataError(slot.explain(cell.trim()), { file: this.file, line, unit: this.unit, column: slot.column }, 'correct the value, add it to the codebook, or use --lenient to count such values as missing');
    }
    const entry = this.tally.get(slot.column);
    if (entry) entry.count++;
    else this.tally.set(slot.column, { column: slot.column, count: 1, first: { value: cell.trim(), file: this.file, line } });
    return Number.NaN;
  }

  private itemSlot(scale: Scale, item: string, valueLabels: Map<string, string> | null): ItemSlot {
    const base = scale.key
      ? labelledCoder(keyedItemCoder(Object.hasOwn(scale.key, item) ? scale.key[item] : '', scale.responses, this.missing), valueLabels)
      : labelledRatedCoder(ratedItemCoder(scale.responses, scale.range, this.missing), valueLabels);
    if (!scale.key && valueLabels !== null) this.noteLabelConflicts(item, scale, valueLabels);
    const code = scale.reverse.includes(item) ? reverseKeyed(base, scale.range) : base;
    return { column: item, code: memoize(code), explain: (text) => explainInvalid(scale, text) };
  }

  /** A file's value label that the codebook's response set codes differently (the codebook's code is used). */
  private noteLabelConflicts(column: string, scale: Scale, valueLabels: Map<string, string>): void {
    for (const [fileCode, label] of valueLabels) {
      const codebookCode = codeOfLabel(scale.responses, normaliseLabel(label));
      if (codebookCode !== undefined && parseNumber(fileCode) !== codebookCode) {
        this.labelConflicts.push({ column, label, fileCode, codebookCode });
        return;
      }
    }
  }

  /** The response code of a cell of `column` (before reverse keying), through the first scale that has the column as a rated item. */
  responseCodeOf(column: string): (text: string) => number {
    const scale = this.codebook.scales.find((s) => s.items.includes(column) && Object.keys(s.responses).length > 0)
      ?? this.codebook.scales.find((s) => s.items.includes(column) && s.key === null);
    if (!scale) return parseNumber;
    const rated = ratedItemCoder(scale.responses, scale.range, this.missing);
    return (text) => rated(text);
  }
}

/** Whether two lists of column names are equal, item by item. */
function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function explainInvalid(scale: Scale, text: string): string {
  const labels = Object.values(scale.responseLabels);
  const value = parseNumber(text);
  const id = quoteValue(scale.id);
  if (isTinyCode(value)) {
    return `${shortText(text)} is too small a code for scale ${id}: a non-zero code must be at least ${MIN_CODE} in magnitude`;
  }
  if (!Number.isNaN(value) && labels.length === 0) {
    return `${shortText(text)} is outside the range [${scale.range[0]}, ${scale.range[1]}] of scale ${id}`;
  }
  const range = scale.key ? '' : `a number in [${scale.range[0]}, ${scale.range[1]}]`;
  const expected = labels.length === 0 ? range : `${quoteList(labels, 7)}${range ? ` or ${range}` : ''}`;
  return `${quoteValue(text)} is not an answer of scale ${id}; expected ${expected}`;
}
