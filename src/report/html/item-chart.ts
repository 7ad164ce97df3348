/**
 * Inline SVG of a scale's items, one row per item, two panels side by side: item-rest r as
 * bars (on an axis from 0, or below 0 when an r is negative, to 1), and alpha if deleted as a
 * dot plot around the scale's alpha: a dashed line at alpha, each item's dot joined to it by a
 * stem, on an axis just wide enough for the dots, so a difference of 0.01 shows (bars on 0-1
 * would hide it). An item whose deletion would raise alpha is drawn in the warning colour (its
 * dot right of the line). The values are the Report's; this only draws them.
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
  const aidValues = scale.items.map((i) => finite(i.alphaIfDeleted));
  const [aidLo, aidHi] = aroundAlpha(alpha, aidValues);
  const panels = [
    { title: 'Item-rest r', x0: labelWidth, lo: restMin, hi: 1, values: scale.items.map((i) => finite(i.itemRestR)), cls: 'bar-rest', tickDigits: 2 },
    { title: `${coefficient} if deleted`, x0: labelWidth + panelWidth + GAP, lo: aidLo, hi: aidHi, values: aidValues, cls: 'dot-aid', tickDigits: 3 },
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
      if (tick < panel.lo || tick > panel.hi) continue;
      parts.push(
        `<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${TOP - 4}" y2="${TOP + scale.items.length * ROW}"/>`,
        `<text class="tick" x="${px(x(tick))}" y="${TOP - 8}" text-anchor="middle">${escapeHtml(formatTick(tick, panel.tickDigits))}</text>`,
      );
    }
    panel.values.forEach((value, i) => {
      const y = TOP + i * ROW;
      if (value === null) {
        parts.push(`<text class="value" x="${px(valueX)}" y="${y + ROW / 2 + 4}">${escapeHtml(nullMark)}</text>`);
        return;
      }
      const text = formatFixed(value, digits) ?? nullMark;
      const tip = `<title>${escapeHtml(`${scale.items[i].id}: ${panel.title} ${text}`)}</title>`;
      if (panel.cls === 'dot-aid') {
        const raises = alpha !== null && value > alpha;
        const cy = y + ROW / 2;
        if (alpha !== null) parts.push(`<line class="dot-stem${raises ? ' warn' : ''}" x1="${px(x(alpha))}" x2="${px(x(value))}" y1="${cy}" y2="${cy}"/>`);
        parts.push(
          `<circle class="dot dot-aid${raises ? ' warn' : ''}" cx="${px(x(value))}" cy="${cy}" r="4.5">${tip}</circle>`,
          `<text class="value${raises ? ' warn' : ''}" x="${px(valueX)}" y="${cy + 4}">${escapeHtml(text)}</text>`,
        );
        return;
      }
      const start = Math.min(x(0), x(value));
      const barWidth = Math.abs(x(value) - x(0));
      const cls = `bar ${panel.cls}${value < 0 ? ' warn' : ''}`;
      parts.push(
        `<rect class="${cls}" x="${px(start)}" y="${y + 4}" width="${px(Math.max(barWidth, 1))}" height="${ROW - 8}">${tip}</rect>`,
        `<text class="value" x="${px(valueX)}" y="${y + ROW / 2 + 4}">${escapeHtml(text)}</text>`,
      );
    });
    if (panel.cls === 'dot-aid' && alpha !== null) {
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

/**
 * The alpha-if-deleted axis: the dots and the scale's alpha with a margin, widened to round
 * ticks, at least 0.02 wide so that nearly equal values do not fill the panel.
 */
export function aroundAlpha(alpha: number | null, values: (number | null)[]): [number, number] {
  const shown = [...values, alpha].filter((v): v is number => v !== null);
  if (shown.length === 0) return [0, 1];
  let lo = Math.min(...shown);
  let hi = Math.max(...shown);
  const margin = Math.max((hi - lo) * 0.12, 0.01);
  lo -= margin;
  hi += margin;
  const ticks = niceTicks(lo, hi, 4);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : margin;
  return [Number((Math.floor(lo / step) * step).toPrecision(12)), Number((Math.ceil(hi / step) * step).toPrecision(12))];
}
