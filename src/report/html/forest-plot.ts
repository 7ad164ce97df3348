/**
 * Inline SVG forest plot of one prevalence measure: a row per group (overall first as the
 * Report orders it), the proportion as a square whose side grows with the square root of the
 * group's n, its confidence interval as a line, on a 0-100% axis; a dashed line marks the
 * overall proportion. The percentage is written at the row's end (the table beside the chart
 * has the interval and counts); hovering a row shows them all.
 */
import { escapeHtml } from './escape-html.js';
import { linearScale, px, shorten } from './linear-scale.js';

export interface ForestRow {
  label: string;
  overall: boolean;
  proportion: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  /** The percentage as the tables write it (`86.8`), or the null mark. */
  percent: string;
  /** The tooltip: `86.8% (n=679) [84.3, 89.0] 679/782`. */
  detail: string;
}

const WIDTH = 500;
const LABEL = 178;
const PLOT = 250;
const ROW = 24;
const TOP = 30;
const BOTTOM = 8;

/** `groupTitle` heads the label column (`Group`, or the one group column all rows share). */
export function forestPlot(title: string, groupTitle: string, rows: ForestRow[]): string {
  const height = TOP + rows.length * ROW + BOTTOM;
  const x = linearScale(0, 1, LABEL + 10, LABEL + 10 + PLOT);
  const valueX = WIDTH - 2;
  const maxN = Math.max(1, ...rows.map((r) => r.n));
  const bottom = TOP + rows.length * ROW;
  const parts = [
    `<svg class="chart forest" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text class="panel-title" x="0" y="${TOP - 8}">${escapeHtml(shorten(groupTitle, 24))}</text>`,
    `<text class="panel-title" x="${valueX}" y="${TOP - 8}" text-anchor="end">%</text>`,
  ];
  rows.forEach((_, i) => {
    if (i % 2 === 0) parts.push(`<rect class="stripe" x="0" y="${TOP + i * ROW}" width="${WIDTH}" height="${ROW}"/>`);
  });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${TOP - 4}" y2="${bottom}"/>`,
      `<text class="tick" x="${px(x(tick))}" y="${TOP - 8}" text-anchor="middle">${tick * 100}%</text>`,
    );
  }
  const overall = rows.find((r) => r.overall && r.proportion !== null);
  if (overall !== undefined && overall.proportion !== null) {
    const ox = px(x(overall.proportion));
    parts.push(`<line class="ref-overall" x1="${ox}" x2="${ox}" y1="${TOP - 2}" y2="${bottom}"/>`);
  }
  rows.forEach((row, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    const inner = [
      `<title>${escapeHtml(`${row.label}: ${row.detail}`)}</title>`,
      `<text class="label" x="0" y="${cy + 4}">${escapeHtml(shorten(row.label, 28))}</text>`,
    ];
    if (row.lower !== null && row.upper !== null) {
      inner.push(`<line class="forest-ci" x1="${px(x(row.lower))}" x2="${px(x(row.upper))}" y1="${cy}" y2="${cy}"/>`);
    }
    if (row.proportion !== null) {
      const side = 5 + 7 * Math.sqrt(row.n / maxN);
      inner.push(`<rect class="forest-point" x="${px(x(row.proportion) - side / 2)}" y="${px(cy - side / 2)}" width="${px(side)}" height="${px(side)}"/>`);
    }
    inner.push(`<text class="value" x="${valueX}" y="${cy + 4}" text-anchor="end">${escapeHtml(row.percent)}</text>`);
    parts.push(`<g class="${row.overall ? 'forest-row overall' : 'forest-row'}">${inner.join('')}</g>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
