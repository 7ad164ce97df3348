/**
 * Inline SVG histogram of a scale's scores from the Report's `score.histogram` bins (counts
 * as they are), with the mean marked by a dashed line.
 */
import type { ScaleReport } from '../report.js';
import { formatFixed, formatTick } from '../format-number.js';
import { scoreMethodName } from '../method-names.js';
import { escapeHtml } from './escape-html.js';
import { finite, linearScale, niceTicks, px } from './linear-scale.js';

const WIDTH = 560;
const HEIGHT = 230;
const LEFT = 44;
const RIGHT = 14;
const TOP = 28;
const BOTTOM = 44;

export function histogram(scale: ScaleReport, digits: number): string {
  const bins = scale.score.histogram.filter((b) => finite(b.from) !== null && finite(b.to) !== null && finite(b.count) !== null);
  const title = `${scale.label}: distribution of scores (${scoreMethodName(scale.score.method)}), n = ${scale.score.n}`;
  const open = `<svg class="chart histogram" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">\n<title>${escapeHtml(title)}</title>`;
  if (bins.length === 0) {
    return `${open}\n<text class="empty" x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">No scores</text>\n</svg>`;
  }
  const lo = bins[0].from;
  const hi = bins[bins.length - 1].to;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const yTicks = niceTicks(0, maxCount, 4);
  const yMax = Math.max(maxCount, yTicks[yTicks.length - 1]);
  const x = linearScale(lo, hi, LEFT, WIDTH - RIGHT);
  const y = linearScale(0, yMax, HEIGHT - BOTTOM, TOP);
  const parts = [open, `<text class="axis-title" x="${LEFT}" y="14">Respondents</text>`];
  for (const tick of yTicks) {
    parts.push(
      `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${tick}</text>`,
    );
  }
  bins.forEach((bin) => {
    if (bin.count <= 0) return;
    const x0 = x(bin.from) + 0.75;
    const x1 = x(bin.to) - 0.75;
    const label = `${formatTick(bin.from, digits)} to ${formatTick(bin.to, digits)}: ${bin.count}`;
    parts.push(
      `<rect class="bar hist-bar" x="${px(x0)}" y="${px(y(bin.count))}" width="${px(Math.max(x1 - x0, 1))}" height="${px(y(0) - y(bin.count))}"><title>${escapeHtml(label)}</title></rect>`,
    );
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(0))}" y2="${px(y(0))}"/>`);
  // Bins centred on whole numbers (a sum of 0/1 items) are labelled by their centre; otherwise the
  // axis gets round ticks, whatever the bin edges.
  const centres = bins.map((b) => (b.from + b.to) / 2);
  const byCentre = centres.every((c, i) => Number.isInteger(c) && bins[i].to - bins[i].from <= 1);
  const ticks = byCentre ? centres.filter((_, i) => i % Math.ceil(centres.length / 11) === 0) : niceTicks(lo, hi, 8);
  for (const tick of ticks) {
    parts.push(`<text class="tick" x="${px(x(tick))}" y="${px(y(0) + 16)}" text-anchor="middle">${escapeHtml(formatTick(tick, digits))}</text>`);
  }
  parts.push(
    `<text class="axis-title" x="${px((LEFT + WIDTH - RIGHT) / 2)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(`Score (${scoreMethodName(scale.score.method)})`)}</text>`,
  );
  const mean = finite(scale.score.mean);
  if (mean !== null && mean >= lo && mean <= hi) {
    const mx = px(x(mean));
    parts.push(
      `<line class="ref-mean" x1="${mx}" x2="${mx}" y1="${TOP - 6}" y2="${px(y(0))}"/>`,
      `<text class="ref-label" x="${mx}" y="${TOP - 10}" text-anchor="middle">${escapeHtml(`mean ${formatFixed(mean, digits)}`)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
