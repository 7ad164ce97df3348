/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no font or image
 * to fetch; a Content-Security-Policy forbids any request) that reads like a short paper.
 * Reliability at a glance, then per scale its figures, item-rest r as bars and alpha if
 * deleted as dots around the scale's alpha beside the item table, and the score distribution
 * beside the score summary; then correlations with their intervals, prevalence as a forest plot
 * per measure beside its table, group comparisons, each scale's response frequencies and the
 * warnings. In print, wide tables wrap their cells and shrink instead of scrolling, and a
 * heading stays with what follows it. Every figure is written by the
 * same cell formatter as the other formats; every text is escaped.
 */
import type { Report } from './report.js';
import type { Cell, ReportTable } from './table-model.js';
import { humanTables } from './report-tables.js';
import { humanCellByName } from './format-cell.js';
import { ciTitle, coefficientShortName } from './method-names.js';
import { reportMeta } from './report-meta.js';
import { formatPercent } from './format-number.js';
import { escapeHtml } from './html/escape-html.js';
import { htmlTable, NULL_MARK } from './html/html-table.js';
import { itemChart } from './html/item-chart.js';
import { histogram } from './html/histogram.js';
import { forestPlot, type ForestRow } from './html/forest-plot.js';
import { REPORT_CSS } from './html/report-style.js';
import { finite } from './html/linear-scale.js';
import type { Style } from './apa-style.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(report: Report, digits: number, style: Style = 'default'): string {
  const tables = humanTables(report);
  const find = (family: string): ReportTable => tables.find((t) => t.family === family) as ReportTable;
  const meta = reportMeta(report);
  const sections: { id: string; nav: string; html: string }[] = [];
  const rows = find('rows');
  sections.push({ id: 'rows', nav: 'Rows', html: `<h2>${escapeHtml(rows.title)}</h2>\n${htmlTable(rows, { digits, style })}` });
  if (report.scales.length > 0) sections.push({ id: 'reliability', nav: 'Reliability', html: reliabilitySection(report, find('reliability'), digits, style) });
  report.scales.forEach((scale, s) => {
    const items = tables.find((t) => t.family === 'items' && t.scale === scale.id) as ReportTable;
    const omega = tables.find((t) => t.family === 'omega' && t.scale === scale.id);
    sections.push({ id: `scale-${s + 1}`, nav: scale.label, html: scaleSection(report, s, find('reliability'), items, omega, find('scores'), digits, style) });
  });
  const correlations = find('correlations');
  if (correlations.rows.length > 0) sections.push({ id: 'correlations', nav: 'Correlations', html: correlationSection(report, correlations, digits, style) });
  const prevalence = find('prevalence');
  if (prevalence.rows.length > 0) sections.push({ id: 'prevalence', nav: 'Prevalence', html: prevalenceSection(report, prevalence, digits, style) });
  const comparisons = find('group-comparisons');
  if (comparisons.rows.length > 0) {
    sections.push({
      id: 'group-comparisons',
      nav: 'Group comparisons',
      html: `<h2>${escapeHtml(comparisons.title)}</h2>\n${htmlTable(comparisons, { digits, style })}`,
    });
  }
  const frequencies = tables.filter((t) => t.family === 'frequencies' && t.rows.length > 0);
  if (frequencies.length > 0) sections.push({ id: 'frequencies', nav: 'Response frequencies', html: frequencySection(frequencies, digits, style) });
  if (report.warnings.length > 0) sections.push({ id: 'warnings', nav: `Warnings (${report.warnings.length})`, html: warningSection(report) });
  return reportPage(meta, sections, report.tool);
}

/** One table as its own small page, as `--out` writes it. */
export function renderHtmlTable(table: ReportTable, digits: number, style: Style = 'default'): string {
  return page(table.title, `<main><div class="wrap">\n<section class="card">\n<h2>${escapeHtml(table.title)}</h2>\n${htmlTable(table, { digits, style })}\n</section>\n</div></main>`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function cellText(table: ReportTable, row: number, name: string, digits: number, style: Style): string {
  return humanCellByName(table, row, name, digits, NULL_MARK, style);
}

/** The same table with only some rows (and without some columns). */
function slice(table: ReportTable, keep: (row: number) => boolean, dropColumns: string[] = []): ReportTable {
  const columns = table.columns.map((c, j) => [c, j] as const).filter(([c]) => !dropColumns.includes(c.name));
  return {
    ...table,
    columns: columns.map(([c]) => c),
    rows: table.rows.filter((_, i) => keep(i)).map((row): Cell[] => columns.map(([, j]) => row[j])),
    notes: [],
  };
}

function reliabilitySection(report: Report, reliability: ReportTable, digits: number, style: Style): string {
  const cards = report.scales.map((scale, s) => {
    const ci = cellText(reliability, s, 'ci', digits, style);
    return `<div class="stat"><div class="name">${escapeHtml(scale.label)}</div>
<div class="value">${escapeHtml(cellText(reliability, s, 'alpha', digits, style))}<small>${escapeHtml(cellText(reliability, s, 'coefficient', digits, style))}</small></div>
<div class="detail">${escapeHtml(`${ciTitle(report)} ${ci}`)}<br>${escapeHtml(`${scale.k} items · n = ${scale.n}`)}</div></div>`;
  });
  return `<h2>${escapeHtml(reliability.title)}</h2>\n<div class="cards">\n${cards.join('\n')}\n</div>\n${htmlTable(reliability, { digits, style })}`;
}

function scaleSection(
  report: Report,
  s: number,
  reliability: ReportTable,
  items: ReportTable,
  omega: ReportTable | undefined,
  scores: ReportTable,
  digits: number,
  style: Style,
): string {
  const scale = report.scales[s];
  const coefficient = coefficientShortName(scale.coefficient);
  const has = (name: string): boolean => reliability.columns.some((c) => c.name === name);
  const figure = (name: string, value: string, main = false): string =>
    `<div${main ? ' class="main"' : ''}><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  const figures = [
    figure(cellText(reliability, s, 'coefficient', digits, style), cellText(reliability, s, 'alpha', digits, style), true),
    figure(ciTitle(report), cellText(reliability, s, 'ci', digits, style)),
    figure('Standardized', cellText(reliability, s, 'standardized_alpha', digits, style)),
    figure('Average inter-item r', cellText(reliability, s, 'average_r', digits, style)),
    figure('Lambda-6', cellText(reliability, s, 'lambda6', digits, style)),
    figure('Omega total', cellText(reliability, s, 'omega_total', digits, style)),
    ...(scale.splitHalf !== null
      ? [figure('Split-half r', cellText(reliability, s, 'split_half_r', digits, style)), figure('Spearman-Brown', cellText(reliability, s, 'spearman_brown', digits, style))]
      : []),
    figure('Lambda-4', cellText(reliability, s, 'lambda4', digits, style)),
    figure('Beta', cellText(reliability, s, 'beta', digits, style)),
    ...(has('omega_h')
      ? [
          figure('GLB', cellText(reliability, s, 'glb', digits, style)),
          figure('Omega h', cellText(reliability, s, 'omega_h', digits, style)),
          figure('Omega total (SL)', `${cellText(reliability, s, 'omega_sl', digits, style)} ${cellText(reliability, s, 'omega_sl_ci', digits, style)}`),
          figure('Parallel analysis', `${cellText(reliability, s, 'parallel_components', digits, style)} components, ${cellText(reliability, s, 'parallel_factors', digits, style)} factors`),
          figure('MAP', cellText(reliability, s, 'map_minimum', digits, style)),
        ]
      : []),
    ...(has('ordinal_alpha')
      ? [
          figure('Ordinal alpha', cellText(reliability, s, 'ordinal_alpha', digits, style)),
          figure(`Ordinal omega (${scale.ordinal?.kind ?? 'polychoric'})`, cellText(reliability, s, 'ordinal_omega', digits, style)),
        ]
      : []),
  ];
  const raises = scale.items.some((i) => i.alphaIfDeleted !== null && scale.alpha !== null && i.alphaIfDeleted > scale.alpha);
  const legend = [
    '<span><i class="accent"></i>item</span>',
    ...(raises ? [`<span><i class="warn"></i>${escapeHtml(coefficient.toLowerCase())} higher without it</span>`] : []),
    `<span><i class="dash"></i>${escapeHtml(`scale ${coefficient.toLowerCase()}`)}</span>`,
  ].join('');
  const scoreRow = slice(scores, (i) => i === s, ['scale']);
  return `<h2>${escapeHtml(scale.label)}<small>${escapeHtml(`${scale.id} · ${scale.k} items · n = ${scale.n}`)}</small></h2>
<dl class="figures">${figures.join('')}</dl>
<div class="pair">
<figure><figcaption>Items</figcaption><div class="legend">${legend}</div>
${itemChart(scale, digits, NULL_MARK)}
</figure>
<div>${htmlTable(items, { digits, style })}</div>
</div>
${omega === undefined || omega.rows.length === 0 ? '' : `<h3>${escapeHtml(omega.title)}</h3>\n${htmlTable(omega, { digits, style })}\n`}<div class="pair">
<figure><figcaption>${escapeHtml(`Distribution of scores (n = ${scale.score.n})`)}</figcaption>
${histogram(scale, digits)}
</figure>
<div><h3>Score</h3>${htmlTable(scoreRow, { digits, style })}</div>
</div>`;
}

function correlationSection(report: Report, table: ReportTable, digits: number, style: Style): string {
  const c = report.correlations;
  // The rows are the pairs in the Report's order (1 with 2, 1 with 3, ..., 2 with 3); r is shaded by its size and sign.
  const pairs = c.ids.flatMap((_, i) => c.ids.slice(i + 1).map((__, k) => [i, i + 1 + k] as const));
  const rAt = table.columns.findIndex((col) => col.name === 'r');
  const cellStyle = (row: number, j: number): string | undefined => {
    if (j !== rAt || pairs[row] === undefined) return undefined;
    const r = finite(c.r[pairs[row][0]][pairs[row][1]]);
    if (r === null) return undefined;
    const strength = Math.min(1, Math.abs(r)) * 0.45;
    return `background: rgba(${r < 0 ? '217, 102, 11' : '47, 109, 181'}, ${strength.toFixed(3)})`;
  };
  return `<h2>${escapeHtml(table.title)}</h2>\n${htmlTable(table, { digits, cellStyle, style })}`;
}

/** psych's response frequencies, a table per scale under the scale's name. */
function frequencySection(tables: ReportTable[], digits: number, style: Style): string {
  const parts = tables.map((table) => `<div class="measure"><h3>${escapeHtml(table.title.replace(/^Response frequencies: /, ''))}</h3>\n${htmlTable(table, { digits, style })}</div>`);
  return `<h2>Response frequencies</h2>\n${parts.join('\n')}`;
}

function prevalenceSection(report: Report, table: ReportTable, digits: number, style: Style): string {
  const ids = [...new Set(report.prevalence.map((p) => p.id))];
  const measures = ids.map((id) => {
    const indices = report.prevalence.map((p, i) => (p.id === id ? i : -1)).filter((i) => i >= 0);
    const label = report.prevalence[indices[0]].label;
    // When every group row comes from one column, the column heads the labels instead of repeating.
    const columns = new Set(indices.flatMap((i) => (report.prevalence[i].group === null ? [] : [report.prevalence[i].group?.column])));
    const oneColumn = columns.size === 1 ? [...columns][0] : undefined;
    const rows: ForestRow[] = indices.map((i) => {
      const p = report.prevalence[i];
      return {
        label: oneColumn !== undefined && p.group !== null ? p.group.value : cellText(table, i, 'group', digits, style),
        overall: p.group === null,
        proportion: finite(p.proportion),
        lower: finite(p.ci.lower),
        upper: finite(p.ci.upper),
        n: p.n,
        percent: formatPercent(p.proportion, digits) ?? NULL_MARK,
        detail: [cellText(table, i, 'prevalence', digits, style), cellText(table, i, 'ci', digits, style), cellText(table, i, 'answered', digits, style)].join(' '),
      };
    });
    const part = slice(table, (i) => report.prevalence[i].id === id, ['measure']);
    return `<div class="measure"><h3>${escapeHtml(label)}</h3>
<div class="pair forest-pair">
<figure>${forestPlot(label, oneColumn ?? 'Group', rows)}</figure>
<div>${htmlTable(part, { digits, style })}</div>
</div></div>`;
  });
  const notes = table.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n');
  return `<h2>${escapeHtml(table.title)}</h2>\n${measures.join('\n')}\n${notes}`;
}

function warningSection(report: Report): string {
  const items = report.warnings.map((w) => `<li>${escapeHtml(w.message)} <code>${escapeHtml(w.code)}</code></li>`);
  return `<h2>Warnings</h2>\n<ul class="warnings">\n${items.join('\n')}\n</ul>`;
}

/** A self-contained page (the report's CSS and Content-Security-Policy) around `body`: for the `factors` report (render-factors.ts). */
/** A page section: its anchor, its name in the navigation, and its HTML. */
export interface PageSection {
  id: string;
  nav: string;
  html: string;
}

/** A whole report page: the title and meta lines, a navigation of the sections, the sections, the tool. */
export function reportPage(meta: { title: string; source: string[]; settings: string[] }, sections: PageSection[], tool: { name: string; version: string }): string {
  const nav = sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.nav)}</a>`).join('\n');
  const body = sections.map((s) => `<section class="card" id="${escapeHtml(s.id)}">\n${s.html}\n</section>`).join('\n');
  return page(
    meta.title,
    `<header class="top"><div class="wrap">
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">${escapeHtml(meta.source.join(' · '))}</p>
<p class="meta">${escapeHtml(meta.settings.join(' · '))}</p>
<nav>
${nav}
</nav>
</div></header>
<main><div class="wrap">
${body}
</div></main>
<footer>${escapeHtml(`${tool.name} ${tool.version}`)}</footer>`,
  );
}
