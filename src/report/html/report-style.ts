/**
 * The report's style sheet, inlined in the page: system fonts only (nothing is fetched),
 * charts and tables side by side on a wide screen and stacked on a narrow one, and a print
 * style (A4, no navigation, no section split across a page where it can be avoided, charts
 * above their tables, tables in smaller type that wrap their cells instead of scrolling, so no
 * column is cut; headings kept with what follows them).
 */
export const REPORT_CSS = `
:root {
  --ink: #17202e; --muted: #5b6678; --faint: #8b95a5; --line: #dde3ea; --stripe: #f5f7fa;
  --paper: #ffffff; --page: #f1f4f8; --accent: #2f6db5; --accent-soft: #dbe7f5;
  --warn: #d9660b; --overall: #17202e;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body {
  margin: 0; color: var(--ink); line-height: 1.45;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
header.top { background: var(--ink); color: #fff; padding: 28px 0 22px; }
.wrap { max-width: 1220px; margin: 0 auto; padding: 0 28px; }
header.top h1 { margin: 0 0 6px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
header.top .meta { margin: 0; color: #c5cedb; font-size: 13px; }
header.top nav { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; }
header.top nav a { color: #fff; text-decoration: none; border-bottom: 1px solid rgba(255,255,255,.35); }
main { padding: 22px 0 40px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px 22px; margin: 0 0 20px; }
h2 { margin: 0 0 4px; font-size: 19px; font-weight: 650; }
h2 small { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
h3 { margin: 18px 0 8px; font-size: 14px; font-weight: 650; }
.lead { margin: 0 0 14px; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; margin: 12px 0 16px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.stat .name { color: var(--muted); font-size: 12.5px; }
.stat .value { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; letter-spacing: -0.01em; }
.stat .value small { font-size: 13px; color: var(--muted); font-weight: 400; margin-left: 6px; }
.stat .detail { color: var(--muted); font-size: 12.5px; font-variant-numeric: tabular-nums; }
dl.figures { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 10px 0 16px; }
dl.figures div { display: flex; gap: 6px; align-items: baseline; }
dl.figures dt { color: var(--muted); font-size: 12.5px; }
dl.figures dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
dl.figures .main dd { font-size: 20px; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px 28px; align-items: start; margin-top: 10px; }
.pair.forest-pair { grid-template-columns: minmax(0, 9fr) minmax(0, 11fr); }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 12.5px; margin: 0 0 4px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; font: 11.5px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg .stripe { fill: var(--stripe); }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .axis { stroke: var(--faint); stroke-width: 1; }
svg .tick { fill: var(--faint); font-size: 10.5px; }
svg .panel-title, svg .axis-title { fill: var(--muted); font-weight: 600; font-size: 11.5px; }
svg .label { fill: var(--ink); }
svg .value { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg .bar { fill: var(--accent); }
svg .bar.warn { fill: var(--warn); }
svg .dot { fill: var(--accent); }
svg .dot.warn { fill: var(--warn); }
svg .dot-stem { stroke: var(--accent); stroke-width: 2; opacity: .55; }
svg .dot-stem.warn { stroke: var(--warn); opacity: .8; }
svg .value.warn { fill: var(--warn); font-weight: 600; }
svg .ref-alpha, svg .ref-mean, svg .ref-overall { stroke: var(--ink); stroke-width: 1.3; stroke-dasharray: 4 3; }
svg .ref-label { fill: var(--ink); font-weight: 600; font-size: 11px; }
svg .forest-ci { stroke: var(--accent); stroke-width: 2; }
svg .forest-point { fill: var(--accent); }
svg .overall .label { font-weight: 650; }
svg .overall .forest-point { fill: var(--overall); }
svg .overall .forest-ci { stroke: var(--overall); }
svg .overall .value { fill: var(--ink); font-weight: 600; }
svg .empty { fill: var(--faint); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 7px; text-align: left; border-bottom: 1px solid var(--line); }
td.num { white-space: nowrap; }
table[data-table="correlations"] { width: auto; min-width: 60%; }
table[data-table="correlations"] td.num { min-width: 120px; }
thead th { font-weight: 600; color: var(--muted); font-size: 12px; border-bottom: 1.5px solid var(--ink); vertical-align: bottom; white-space: normal; }
tbody tr:last-child td { border-bottom: 1.5px solid var(--ink); }
th.num, td.num { text-align: right; }
td.null { color: var(--faint); }
tr.group th { font-weight: 600; padding-top: 10px; border-bottom: 1px solid var(--line); white-space: normal; }
p.note { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
.legend { display: inline-flex; gap: 14px; color: var(--muted); font-size: 12px; margin: 0 0 6px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.legend i.accent { background: var(--accent); } .legend i.warn { background: var(--warn); }
.legend i.dash { width: 14px; height: 0; border-top: 1.5px dashed var(--ink); border-radius: 0; vertical-align: 3px; }
.measure + .measure { margin-top: 22px; padding-top: 16px; border-top: 1px solid var(--line); }
ul.warnings { margin: 8px 0 0; padding-left: 20px; }
ul.warnings li { margin: 3px 0; }
ul.warnings code { color: var(--muted); font-size: 12px; }
footer { color: var(--faint); font-size: 12px; text-align: center; padding: 0 0 30px; }
@media (max-width: 900px) {
  .pair, .pair.forest-pair { grid-template-columns: minmax(0, 1fr); }
  .pair > figure { max-width: 640px; }
  table { font-size: 11.5px; }
  thead th { font-size: 11px; }
  th, td { padding: 3px 4px; }
  td.num { white-space: normal; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html, body { background: #fff; font-size: 10pt; }
  header.top { background: #fff; color: var(--ink); padding: 0 0 8px; border-bottom: 1.5px solid var(--ink); }
  header.top .meta { color: var(--muted); }
  header.top nav { display: none; }
  .wrap { max-width: none; padding: 0; }
  main { padding: 10px 0 0; }
  section.card { border: none; border-radius: 0; padding: 0; margin: 0 0 16px; }
  h2, h3, figcaption, .legend, dl.figures { break-after: avoid; page-break-after: avoid; }
  figure, .cards, tr, p.note { break-inside: avoid; page-break-inside: avoid; }
  .pair, .pair.forest-pair { grid-template-columns: minmax(0, 1fr); gap: 8px; }
  .pair > figure { max-width: 150mm; }
  svg.chart { width: 100%; max-width: 100%; }
  .table-wrap { overflow: visible; }
  table, table[data-table="correlations"] { width: 100%; min-width: 0; font-size: 8pt; }
  thead { display: table-header-group; }
  th, td { padding: 2px 4px; }
  td:not(.num) { overflow-wrap: break-word; }
  td.num, table[data-table="correlations"] td.num { white-space: normal; min-width: 0; }
  thead th { font-size: 7.5pt; }
  footer { padding: 8px 0 0; }
}
`;
