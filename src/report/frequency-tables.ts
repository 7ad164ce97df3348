/**
 * Response frequencies per item, as psych's `alpha` prints them ("response frequency for each
 * item"): the count and share of every response code, and the missing answers. Built from the
 * Report's `items[].frequencies` and `items[].missing`; one table per scale in both views.
 *
 * - machine (`frequencies-<scale>`): one row per item and code, `code` `missing` last, with
 *   count and proportion (of the rows read: answered or not, as the Report defines it);
 * - human: one row per item, a column per code seen in the scale, then Missing; each cell
 *   `21.7% (n=170)`. A code an item never received reads `0.0% (n=0)`.
 *
 * The missing share is the missing count over the item's rows read (its codes' counts and the
 * missing count together), the denominator of every other share in the row.
 */
import type { ItemReport, Report, ScaleReport } from './report.js';
import type { Cell, Column, ReportTable } from './table-model.js';

export function machineFrequencyTables(report: Report): ReportTable[] {
  return report.scales.map(machineFrequencies);
}

export function humanFrequencyTables(report: Report): ReportTable[] {
  return report.scales.map(humanFrequencies);
}

/** The item's rows read: answered (any code) plus missing. */
function rowsRead(item: ItemReport): number {
  return item.frequencies.reduce((sum, f) => sum + f.count, 0) + item.missing;
}

function missingShare(item: ItemReport): number | null {
  const total = rowsRead(item);
  return total > 0 ? item.missing / total : null;
}

/** Every code seen in the scale, ascending, with the first label given for it. */
function scaleCodes(scale: ScaleReport): { code: number; label: string | null }[] {
  const codes = new Map<number, string | null>();
  for (const item of scale.items) {
    for (const f of item.frequencies) if (!codes.has(f.code) || codes.get(f.code) === null) codes.set(f.code, f.label);
  }
  return [...codes.entries()].sort((a, b) => a[0] - b[0]).map(([code, label]) => ({ code, label }));
}

function machineFrequencies(scale: ScaleReport): ReportTable {
  const columns: Column[] = [
    { name: 'scale', title: 'Scale', kind: 'text', key: 'id' },
    { name: 'item', title: 'Item', kind: 'text', key: 'item' },
    { name: 'code', title: 'Code', kind: 'text', key: 'with' },
    { name: 'label', title: 'Label', kind: 'text' },
    { name: 'count', title: 'Count', kind: 'count' },
    { name: 'proportion', title: 'Proportion', kind: 'proportion' },
  ];
  const rows: Cell[][] = scale.items.flatMap((item): Cell[][] => [
    ...item.frequencies.map((f): Cell[] => [scale.id, item.id, String(f.code), f.label, f.count, f.proportion]),
    [scale.id, item.id, 'missing', null, item.missing, missingShare(item)],
  ]);
  return {
    name: `frequencies-${scale.id}`,
    family: 'frequencies',
    title: `Response frequencies: ${scale.label}`,
    columns,
    rows,
    notes: ['proportion: of the rows read for the item (answered or missing); code "missing": no answer.'],
    scale: scale.id,
  };
}

function humanFrequencies(scale: ScaleReport): ReportTable {
  const codes = scaleCodes(scale);
  const columns: Column[] = [
    { name: 'item', title: 'Item', kind: 'text' },
    ...codes.map(({ code }): Column => ({ name: `code_${code}`, title: String(code), kind: 'percent-count' })),
    { name: 'missing', title: 'Missing', kind: 'percent-count' },
  ];
  const rows = scale.items.map((item): Cell[] => {
    const byCode = new Map(item.frequencies.map((f) => [f.code, f]));
    return [
      item.id,
      ...codes.map(({ code }): Cell => {
        const f = byCode.get(code);
        return f === undefined ? { proportion: 0, count: 0 } : { proportion: f.proportion, count: f.count };
      }),
      { proportion: missingShare(item), count: item.missing },
    ];
  });
  const labelled = codes.filter((c) => c.label !== null);
  const notes = [
    ...(labelled.length > 0 ? [`Codes: ${labelled.map((c) => `${c.code} ${c.label}`).join('; ')}.`] : []),
    'Percent of the rows read for the item (answered or missing), n = count; codes as scored, before reverse keying.',
  ];
  return {
    name: `frequencies-${scale.id}`,
    family: 'frequencies',
    title: `Response frequencies: ${scale.label} (${scale.id})`,
    columns,
    rows,
    notes,
    scale: scale.id,
  };
}
