/**
 * The APA style (`--style apa`), shared by markdown, LaTeX, HTML and docx. It changes how
 * figures and headings are written, never which figures are shown:
 *
 * - no leading zero for a figure that cannot exceed 1 in absolute value: alpha and the other
 *   reliability coefficients, correlations, item-total r, SMC, their confidence intervals,
 *   p-values (`.930`, `-.377`, `[.922, .938]`); means, SDs, counts, test statistics and
 *   percentages keep theirs;
 * - a p-value that rounds to zero reads `< .001` (with `digits` 3);
 * - statistic symbols in column headings are italic (`n`, `N`, `M`, `SD`, `r`, `p`, `df`),
 *   and "Mean" is headed `M`, as in APA tables.
 *
 * The default style is the one the tool always had (`0.930`, `<0.001`, plain headings).
 */
import type { Column } from './table-model.js';

export const STYLES = ['default', 'apa'] as const;
export type Style = (typeof STYLES)[number];

/**
 * The human-table columns whose figures are bounded by 1, by column name (kinds `number` and
 * `interval`; `r-n` and `p-value` columns always are). Every other `number` column (means,
 * SDs, chi-square, design effects) keeps its leading zero. `apa-style.test.ts` checks that
 * every `number` and `interval` column of the human tables is listed here or in UNBOUNDED, so
 * a new column cannot slip through undecided.
 */
export const BOUNDED_BY_ONE: ReadonlySet<string> = new Set([
  'alpha',
  'ci',
  'standardized_alpha',
  'average_r',
  'median_r',
  'lambda1',
  'lambda2',
  'lambda3',
  'lambda4',
  'lambda5',
  'lambda5_plus',
  'lambda6',
  'omega_total',
  'beta',
  'glb',
  'split_half_r',
  'split_half_mean',
  'spearman_brown',
  'item_total_r',
  'item_rest_r',
  'alpha_if_deleted',
  'standardized_alpha_if_deleted',
  'lambda6_if_deleted',
  'average_r_if_deleted',
  'median_r_if_deleted',
  'omega_if_deleted',
  'smc',
  'r',
  'ci_lower',
  'ci_upper',
  'proportion',
]);

/** The `number` columns that are not bounded by 1 (see BOUNDED_BY_ONE). */
export const UNBOUNDED: ReadonlySet<string> = new Set([
  'mean',
  'sd',
  'min',
  'max',
  'statistic',
  'min_expected',
  'design_effect',
  'design_se',
  'signal_to_noise',
  'signal_to_noise_if_deleted',
  'alpha_se',
  'alpha_se_if_deleted',
  'var_r',
  'var_r_if_deleted',
  'covariance',
]);

/** Whether a figure of this column drops its leading zero in the APA style. */
export function isBoundedByOne(column: Column): boolean {
  if (column.kind === 'p-value' || column.kind === 'r-n') return true;
  if (column.kind === 'number' || column.kind === 'interval' || column.kind === 'proportion') return BOUNDED_BY_ONE.has(column.name);
  return false;
}

/** `0.930` → `.930`, `-0.377` → `-.377`, `1.000` and `12.5` unchanged. */
export function dropLeadingZero(text: string): string {
  return text.replace(/^(-?)0\./, '$1.');
}

/** Every figure of a composite text without its leading zero: `[0.922, 0.938]` → `[.922, .938]`. */
export function dropLeadingZeros(text: string): string {
  return text.replace(/(^|[^\d.])(-?)0\.(?=\d)/g, '$1$2.');
}

/** One run of a heading: plain or italic text. */
export interface Segment {
  text: string;
  italic: boolean;
}

/**
 * The statistic symbols set in italics, as whole words. Made on first use: a Unicode pattern
 * costs a fraction of a millisecond to build, which a run without --style apa does not spend.
 */
let symbols: RegExp | null = null;

/**
 * A column heading as runs of text: in the APA style statistic symbols are italic and "Mean"
 * is `M`; in the default style one plain run, the title as it is.
 */
export function headingSegments(title: string, style: Style): Segment[] {
  if (style !== 'apa') return [{ text: title, italic: false }];
  const text = title === 'Mean' ? 'M' : title;
  const segments: Segment[] = [];
  let at = 0;
  symbols ??= /(?<![\p{L}\p{N}-])(n|N|M|SD|r|p|df)(?![\p{L}\p{N}-])/gu;
  for (const match of text.matchAll(symbols)) {
    const start = match.index ?? 0;
    if (start > at) segments.push({ text: text.slice(at, start), italic: false });
    segments.push({ text: match[0], italic: true });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), italic: false });
  return segments;
}

/** The plain text of segments. */
export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}
