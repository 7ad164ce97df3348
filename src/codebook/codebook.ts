/**
 * The codebook (contract §2), after validation: every name resolved, defaults filled in.
 */

export type ResponseMap = Record<string, number>;

export interface Scale {
  id: string;
  label: string;
  items: string[];
  /** Optional wording of each item (item → text). */
  itemLabels: Record<string, string>;
  /** Label → code, labels as normaliseLabel leaves them. Empty for keyed scales. */
  responses: ResponseMap;
  /** Code → label as written in the codebook, for messages and frequency tables. */
  responseLabels: Record<number, string>;
  /** Valid [min, max] of the codes; for keyed scales [0, 1]. */
  range: [number, number];
  reverse: string[];
  /** Answer key (item → expected answer, as normaliseLabel leaves it), or null. */
  key: Record<string, string> | null;
  score: 'mean' | 'sum';
  /** Items needed for a score, as a count (already converted from a fraction). */
  minAnswered: number;
  /** Group factors of the scale's Schmid-Leiman omega (--reliability full); absent or null: --nfactors (default 3). */
  nfactors?: number | null;
}

export interface Prevalence {
  id: string;
  label: string;
  column: string;
  /** Positive values as text (as normaliseLabel leaves them) and as numbers (codes). */
  positiveText: string[];
  positiveCodes: number[];
}

/** `include` / `exclude` (contract §2): a row is kept only if (include), or dropped if (exclude), `column` holds one of the values. */
export interface RowFilter {
  kind: 'include' | 'exclude';
  column: string;
  /** The values as the codebook gives them (for the row accounting). */
  values: (string | number)[];
  /** The values as normaliseLabel leaves them, and the numeric ones as codes (compared like `positive`). */
  text: string[];
  codes: number[];
}

export interface Codebook {
  title: string;
  missing: string[];
  responseSets: Record<string, ResponseMap>;
  scales: Scale[];
  prevalence: Prevalence[];
  groups: string[];
  /** Optional column with the respondent id, for `scores`. */
  id: string | null;
  /** Row filters from `include` and `exclude`, in that order. */
  filters: RowFilter[];
  /** Set on the built-in codebook, so that a file it does not fit is told about `codebook init`. */
  builtin?: true;
}
