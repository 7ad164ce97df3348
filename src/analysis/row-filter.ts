import type { Codebook, RowFilter as CodebookFilter } from '../codebook/codebook.js';
import { labelledCoder, memoize, outcomeCoder, type CellCoder } from '../codebook/cell-coders.js';
import { normaliseLabel } from '../codebook/normalise-label.js';
import { dataError } from '../errors.js';
import type { RowRule } from '../read/layout/layout.js';
import type { TableHeader } from '../read/table-header.js';
import type { ExcludedRows, SourceReport, Warning } from '../report/report.js';

interface BoundRule {
  count: ExcludedRows;
  kind: 'include' | 'exclude';
  at: number;
  /** 1 when the cell holds one of the rule's values. */
  matches: CellCoder;
}

/**
 * What a RowFilter counted, as plain data (a RowFilter holds functions, so it cannot be posted
 * to or from a worker thread; this can): per rule, its row accounting with the rows it dropped,
 * and per source, in the order bound, its report with the rows read.
 */
export interface RowFilterCounts {
  rules: { key: string; excluded: ExcludedRows }[];
  sources: SourceReport[];
}

/**
 * The stage between reading and coding (contract §2, `include` / `exclude`): a row is kept only
 * if every include rule's column holds one of its values, and dropped if any exclude rule's
 * column does. A platform's default rules (Qualtrics' previews, tests and spam) come with each
 * file's header and apply unless `keepPlatformRows`. Every dropped row is counted once, under
 * the first rule that drops it, and every file's rows read are counted.
 */
export class RowFilter {
  private readonly counts = new Map<string, ExcludedRows>();
  private readonly sources: SourceReport[] = [];
  private rules: BoundRule[] = [];
  private source: SourceReport | null = null;
  private readonly missing: Set<string>;
  private readonly weighted: { file: string; column: string }[] = [];

  constructor(
    private readonly codebook: Codebook,
    private readonly keepPlatformRows: boolean,
    /** The response code of a cell of a column, as `positive` reads it (RowCoder.responseCodeOf). */
    private readonly codeOf: (column: string) => (text: string) => number,
  ) {
    this.missing = new Set(codebook.missing);
  }

  /** Resolve the rules against one file's columns; a codebook rule's absent column is an error. */
  bind(header: TableHeader): void {
    const position = new Map(header.columns.map((name, i) => [name, i]));
    const rules: BoundRule[] = [];
    this.codebook.filters.forEach((filter) => {
      const at = position.get(filter.column);
      if (at === undefined) {
        throw dataError(`a column is not in the file: "${filter.column}" (codebook ${filter.kind}.${filter.column})`, { file: header.file, line: 1 });
      }
      rules.push(this.bound(codebookRule(filter), filter.text, filter.codes, at, header));
    });
    if (!this.keepPlatformRows) {
      for (const rule of header.rules) {
        const at = position.get(rule.column);
        if (at === undefined) continue; // an older export without that column: nothing to drop by it
        const text = rule.values.map((v) => normaliseLabel(String(v)));
        const codes = rule.values.filter((v): v is number => typeof v === 'number');
        rules.push(this.bound(rule, text, codes, at, header));
      }
    }
    this.rules = rules;
    if (header.weightColumn) this.weighted.push({ file: header.file, column: header.weightColumn });
    this.source = { file: header.file, format: header.format, layout: header.layout, headerRows: header.headerRows, rowsRead: 0 };
    this.sources.push(this.source);
  }

  /** Whether the row is analysed; a dropped row is counted under its rule. */
  /** Whether the bound file has no rule to check: every row is kept, and `keep` reads no cell. */
  get keepsEveryRow(): boolean {
    return this.rules.length === 0;
  }

  /** `count` rows read by a filter that keeps every row (keepsEveryRow): `keep` of each, at once. */
  keepAll(count: number): void {
    if (!this.keepsEveryRow) throw new Error('RowFilter.keepAll: the filter has rules; each row must be given to keep');
    this.source!.rowsRead += count;
  }

  keep(row: string[]): boolean {
    this.source!.rowsRead++;
    for (let r = 0; r < this.rules.length; r++) {
      const rule = this.rules[r];
      const hit = rule.matches(row[rule.at]) === 1;
      if (hit === (rule.kind === 'exclude')) {
        rule.count.rows++;
        return false;
      }
    }
    return true;
  }

  /** A plain, clonable snapshot of the rows counted so far (for `mergeCounts` on another RowFilter). */
  counted(): RowFilterCounts {
    return {
      rules: [...this.counts].map(([key, excluded]) => ({ key, excluded: { ...excluded } })),
      sources: this.sourceReports(),
    };
  }

  /**
   * Adds the counts of another RowFilter that read the rows following this one's (the next
   * byte range of the same file, its header bound again), as one pass over both would count
   * them. Rules are matched by key (a rule only other met is added after this side's, in
   * other's order); sources by position, which must name the same file: their rows read add,
   * and the header rows stay this side's (the header was read once in one pass). A source
   * beyond this side's is added as it is. The weight warnings stay this side's (same file).
   *
   * Reads only plain data (`counted()` of the other side, or a structured clone of it).
   */
  mergeCounts(other: RowFilterCounts): void {
    for (const { key, excluded } of other.rules) {
      const count = this.counts.get(key);
      if (count === undefined) this.counts.set(key, { ...excluded });
      else count.rows += excluded.rows;
    }
    other.sources.forEach((source, i) => {
      if (i >= this.sources.length) {
        this.sources.push({ ...source });
        return;
      }
      const mine = this.sources[i];
      if (mine.file !== source.file) {
        throw new Error(`RowFilter.mergeCounts: source ${i + 1} is ${mine.file} on this side but ${source.file} on the other`);
      }
      mine.rowsRead += source.rowsRead;
    });
  }

  /** Rows dropped, by rule, in the order the rules were first met. */
  excluded(): ExcludedRows[] {
    return [...this.counts.values()];
  }

  /**
   * A file saved with a weight variable (SPSS `WEIGHT BY`) is analysed unweighted: every row
   * counts once. An analyst who expects the file's weighting must be told, never left to assume it.
   */
  warnings(): Warning[] {
    return this.weighted.map(({ file, column }) => ({
      code: 'weight-not-applied',
      column,
      message: `${file} is weighted by "${column}" (SPSS WEIGHT BY), but survey-analyze does not weight cases: ` +
        'every figure is unweighted, each case counting once',
    }));
  }

  /** Each file read so far, with its rows read. */
  sourceReports(): SourceReport[] {
    return this.sources.map((s) => ({ ...s }));
  }

  private bound(rule: RowRule, text: string[], codes: number[], at: number, header: TableHeader): BoundRule {
    const key = `${rule.source}\u0000${rule.kind}\u0000${rule.column}\u0000${rule.label}`;
    let count = this.counts.get(key);
    if (count === undefined) {
      count = { label: rule.label, kind: rule.kind, column: rule.column, source: rule.source, rows: 0 };
      this.counts.set(key, count);
    }
    const base = outcomeCoder(text, codes, this.codeOf(rule.column), this.missing);
    return { count, kind: rule.kind, at, matches: memoize(labelledCoder(base, header.meta[at].valueLabels)) };
  }
}

/** A codebook filter as a rule, labelled for the row accounting. */
function codebookRule(filter: CodebookFilter): RowRule {
  const values = filter.values.map((v) => (typeof v === 'number' ? String(v) : `"${v}"`)).join(', ');
  const label = filter.kind === 'include' ? `${filter.column} not one of ${values} (include)` : `${filter.column} one of ${values} (exclude)`;
  return { label, kind: filter.kind, column: filter.column, values: filter.values, source: 'codebook' };
}
