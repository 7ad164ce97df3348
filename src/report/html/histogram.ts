/**
 * Inline SVG histogram of a scale's scores from the Report's `score.histogram` bins (counts
 * as they are), with the mean marked by a dashed line.
 */
import type { ScaleReport } from '../report.js';
import { formatFixed, formatTick } from '../format-number.js';
import { scoreMethodName } from '../method-names.js';
import { escapeHtml } from './escape-html.js';
import { linearScale, niceTicks, px } from './linear-scale.js';

const WIDTH = 560;
const HEIGHT = 230;
const LEFT = 44;
const RIGHT = 14;
const TOP = 28;
const BOTTOM = 44;

export function histogram(scale: ScaleReport, digits: number): string {
  const bins = scale.score.histogram;
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
  const every = Math.ceil(bins.length / 10);
  const edges = [...bins.map((b) => b.from), hi];
  edges.forEach((edge, i) => {
    if (i % every !== 0 && i !== edges.length - 1) return;
    parts.push(`<text class="tick" x="${px(x(edge))}" y="${px(y(0) + 16)}" text-anchor="middle">${escapeHtml(formatTick(edge, digits))}</text>`);
  });
  parts.push(
    `<text class="axis-title" x="${px((LEFT + WIDTH - RIGHT) / 2)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(`Score (${scoreMethodName(scale.score.method)})`)}</text>`,
  );
  const mean = scale.score.mean;
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
