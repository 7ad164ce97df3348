/**
 * Inline SVG of a scale's items: two bar panels side by side, item-rest r and alpha if
 * deleted, one row per item. The alpha-if-deleted panel has a dashed reference line at the
 * scale's alpha; an item whose deletion would raise alpha is drawn in the warning colour. The
 * values are the Report's; this only draws them.
 */
import type { ScaleReport } from '../report.js';
import { formatFixed, formatTick } from '../format-number.js';
import { coefficientShortName } from '../method-names.js';
import { escapeHtml } from './escape-html.js';
import { finite, linearScale, niceTicks, px, shorten } from './linear-scale.js';

const WIDTH = 560;
const ROW = 22;
const TOP = 40;
const BOTTOM = 26;
const GAP = 28;
const LABEL_ROOM = 44;

export function itemChart(scale: ScaleReport, digits: number, nullMark: string): string {
  const coefficient = coefficientShortName(scale.coefficient);
  const labels = scale.items.map((item) => (item.reversed ? `${item.id} (R)` : item.id));
  const labelWidth = Math.min(130, Math.max(48, ...labels.map((l) => [...shorten(l, 18)].length * 7 + 12)));
  const panelWidth = (WIDTH - labelWidth - GAP) / 2;
  const height = TOP + scale.items.length * ROW + BOTTOM;
  const alpha = finite(scale.alpha);
  const restValues = scale.items.map((i) => finite(i.itemRestR)).filter((v): v is number => v !== null);
  const restMin = Math.min(0, ...restValues.map((v) => Math.floor(v * 4) / 4));
  const panels = [
    { title: 'Item-rest r', x0: labelWidth, lo: restMin, hi: 1, values: scale.items.map((i) => finite(i.itemRestR)), cls: 'bar-rest' },
    { title: `${coefficient} if deleted`, x0: labelWidth + panelWidth + GAP, lo: 0, hi: 1, values: scale.items.map((i) => finite(i.alphaIfDeleted)), cls: 'bar-aid' },
  ];
  const title = `${scale.label}: item-rest correlation and ${coefficient.toLowerCase()} if item deleted`;
  const parts: string[] = [
    `<svg class="chart item-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
  ];
  scale.items.forEach((_, i) => {
    if (i % 2 === 0) parts.push(`<rect class="stripe" x="0" y="${TOP + i * ROW}" width="${WIDTH}" height="${ROW}"/>`);
  });
  for (const panel of panels) {
    const x = linearScale(panel.lo, panel.hi, panel.x0, panel.x0 + panelWidth - LABEL_ROOM);
    // Values in a column of their own at the panel's right, clear of the bars and the reference line.
    const valueX = x(panel.hi) + 8;
    parts.push(`<text class="panel-title" x="${px(panel.x0)}" y="14">${escapeHtml(panel.title)}</text>`);
    for (const tick of niceTicks(panel.lo, panel.hi, 4)) {
      parts.push(
        `<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${TOP - 4}" y2="${TOP + scale.items.length * ROW}"/>`,
        `<text class="tick" x="${px(x(tick))}" y="${TOP - 8}" text-anchor="middle">${escapeHtml(formatTick(tick, 2))}</text>`,
      );
    }
    panel.values.forEach((value, i) => {
      const y = TOP + i * ROW;
      if (value === null) {
        parts.push(`<text class="value" x="${px(valueX)}" y="${y + ROW / 2 + 4}">${escapeHtml(nullMark)}</text>`);
        return;
      }
      const start = Math.min(x(0), x(value));
      const barWidth = Math.abs(x(value) - x(0));
      const raises = panel.cls === 'bar-aid' && alpha !== null && value > alpha;
      const cls = `bar ${panel.cls}${raises || (panel.cls === 'bar-rest' && value < 0) ? ' warn' : ''}`;
      const text = formatFixed(value, digits) ?? nullMark;
      parts.push(
        `<rect class="${cls}" x="${px(start)}" y="${y + 4}" width="${px(Math.max(barWidth, 1))}" height="${ROW - 8}"><title>${escapeHtml(`${scale.items[i].id}: ${panel.title} ${text}`)}</title></rect>`,
        `<text class="value" x="${px(valueX)}" y="${y + ROW / 2 + 4}">${escapeHtml(text)}</text>`,
      );
    });
    if (panel.cls === 'bar-aid' && alpha !== null) {
      const ax = px(x(alpha));
      const bottom = TOP + scale.items.length * ROW;
      parts.push(
        `<line class="ref-alpha" x1="${ax}" x2="${ax}" y1="${TOP - 4}" y2="${bottom + 4}"/>`,
        `<text class="ref-label" x="${ax}" y="${bottom + 18}" text-anchor="middle">${escapeHtml(`${coefficient} ${formatFixed(alpha, digits)}`)}</text>`,
      );
    }
  }
  labels.forEach((label, i) => {
    parts.push(
      `<text class="label" x="${labelWidth - 8}" y="${TOP + i * ROW + ROW / 2 + 4}" text-anchor="end">${escapeHtml(shorten(label, 18))}<title>${escapeHtml(label)}</title></text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
