import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/render.js';
import { renderDelimitedTable, renderLong } from '../../src/report/render-csv.js';
import { machineTables } from '../../src/report/report-tables.js';
import { HOSTILE, sampleReport } from './sample-report.js';

const report = sampleReport();
const FORMULA_START = /^[=+\-@\t\r]/;

function parse(text: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('long format on stdout', () => {
  const csv = render(report, 'csv', { digits: 3, color: false });
  const rows = parse(csv, ',');

  it('is one table with a fixed header', () => {
    expect(rows[0]).toEqual(['table', 'id', 'item', 'with', 'group_column', 'group_value', 'statistic', 'value', 'method']);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([9]));
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['rows', 'reliability', 'items', 'item-matrix', 'scores', 'correlations', 'prevalence', 'group-comparisons', 'frequencies']));
  });

  it('opens with the row accounting: read, header rows, each exclusion, analysed', () => {
    const accounting = rows.filter((r) => r[0] === 'rows').map((r) => [r[1], r[6], r[7]]);
    expect(accounting).toEqual([
      ['read', 'rows', '790'],
      ['header rows skipped', 'rows', '1'],
      ['excluded: site one of "Test" (exclude)', 'rows', '8'],
      ['analysed', 'rows', '782'],
    ]);
  });

  it('holds numbers only in the value column; an undefined figure is an empty cell', () => {
    for (const row of rows.slice(1)) {
      const value = row[7];
      if (value !== '') expect(Number.isFinite(Number(value)), `${row.join(',')}`).toBe(true);
      expect(value).not.toMatch(/NaN|Infinity/);
    }
    const undefinedProportion = rows.find((r) => r[0] === 'prevalence' && r[1] === 'contact' && r[5].includes('HYPERLINK') && r[6] === 'proportion');
    expect(undefinedProportion?.[7]).toBe('');
    // The statistic is Pearson's chi-square whichever test gives p; p carries the test's name.
    const comparison = (statistic: string) => rows.find((r) => r[0] === 'group-comparisons' && r[1] === 'lacks_questions_knowledge' && r[6] === statistic);
    expect(comparison('statistic')?.[7]).toBe('');
    expect(comparison('statistic')?.[8]).toBe('');
    expect(comparison('p_value')?.[8]).toBe('fisher-exact');
  });

  it('names every scale, item, pair and group', () => {
    const items = rows.filter((r) => r[0] === 'items' && r[6] === 'item_rest_r');
    expect(items.map((r) => `${r[1]}/${r[2]}`)).toEqual(report.scales.flatMap((s) => s.items.map((i) => `${s.id}/${i.id}`)));
    const pairs = rows.filter((r) => r[0] === 'correlations' && r[6] === 'r').map((r) => `${r[1]}~${r[3]}=${r[7]}`);
    expect(pairs).toEqual([
      'perceived_knowledge~actual_knowledge=0.250955635574463',
      'perceived_knowledge~confidence=0.376805398400014',
      'actual_knowledge~confidence=0.141037462657689',
    ]);
    const reversed = rows.filter((r) => r[0] === 'items' && r[6] === 'reversed' && r[7] === '1').map((r) => r[2]);
    expect(reversed).toEqual(['pk9', 'conf6']);
  });

  it('neutralises the hostile group label and quotes it', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const hostile = rows.filter((r) => r[5].includes('HYPERLINK'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) expect(row[5]).toBe(`'${HOSTILE}`);
  });

  it('never starts a text cell with a formula character (numbers aside)', () => {
    for (const row of rows) {
      for (const cell of row) {
        if (FORMULA_START.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
      }
    }
  });
});

describe('tsv', () => {
  it('is the same long table with tabs', () => {
    const csvRows = parse(render(report, 'csv', { digits: 3, color: false }), ',');
    const tsvRows = parse(render(report, 'tsv', { digits: 3, color: false }), '\t');
    expect(tsvRows).toEqual(csvRows);
  });

  it('quotes a field holding a tab, a quote or a line break', () => {
    const copy = sampleReport();
    copy.prevalence[1].group = { column: 'discipline', value: 'a\tb "c"\nd' };
    const tsv = renderLong(copy, '\t');
    expect(tsv).toContain('"a\tb ""c""\nd"');
    const rows = parse(tsv, '\t');
    expect(rows.some((r) => r[5] === 'a\tb "c"\nd')).toBe(true);
  });
});

describe('per-table files (wide)', () => {
  it('write the machine tables with their column names, nulls as empty cells', () => {
    const prevalence = machineTables(report).find((t) => t.name === 'prevalence');
    if (prevalence === undefined) throw new Error('no prevalence table');
    const rows = parse(renderDelimitedTable(prevalence, ','), ',');
    expect(rows[0]).toEqual(prevalence.columns.map((c) => c.name));
    const hostile = rows.find((r) => r[0] === 'contact' && r[3] === `'${HOSTILE}`);
    expect(hostile).toBeDefined();
    const at = (name: string) => rows[0].indexOf(name);
    expect(hostile?.[at('proportion')]).toBe('');
    expect(hostile?.[at('ci_lower')]).toBe('');
    expect(hostile?.[at('count')]).toBe('0');
    expect(hostile?.[at('ci_level')]).toBe('0.95');
  });

  it('neutralise a label starting with +, - or @ and leave negative numbers alone', () => {
    const copy = sampleReport();
    copy.scales[0].label = '+cmd|calc';
    copy.scales[1].label = '-2+3';
    copy.scales[2].label = '@SUM(A1)';
    copy.correlations.r[0][1] = -0.25;
    copy.correlations.r[1][0] = -0.25;
    const reliability = machineTables(copy).find((t) => t.name === 'reliability');
    if (reliability === undefined) throw new Error('no reliability table');
    const rows = parse(renderDelimitedTable(reliability, ','), ',');
    expect(rows.slice(1).map((r) => r[1])).toEqual(["'+cmd|calc", "'-2+3", "'@SUM(A1)"]);
    const long = parse(renderLong(copy, ','), ',');
    expect(long.find((r) => r[0] === 'correlations' && r[6] === 'r')?.[7]).toBe('-0.25');
  });
});

describe('full precision, as json', () => {
  /** Every number of the long csv, by table, ids and statistic. */
  function longValues(digits: number): Map<string, string> {
    const rows = parse(render(report, 'csv', { digits, color: false }), ',').slice(1);
    return new Map(rows.map((r) => [r.slice(0, 7).join('|'), r[7]]));
  }

  it("writes the Report's doubles, whatever --digits says", () => {
    for (const digits of [0, 3, 12]) {
      const values = longValues(digits);
      report.scales.forEach((scale) => {
        const at = (statistic: string) => values.get(['reliability', scale.id, '', '', '', '', statistic].join('|'));
        // Read back, the csv figure is the same double as the Report's (and JSON's).
        expect(Number(at('alpha'))).toBe(scale.alpha);
        expect(at('alpha')).toBe(String(scale.alpha));
        expect(Number(at('ci_lower'))).toBe(scale.alphaCI.lower);
        expect(Number(at('ci_upper'))).toBe(scale.alphaCI.upper);
      });
      // At --digits 0 the alpha is not 1 and its CI not [1, 1].
      expect(values.get('reliability|perceived_knowledge|||||alpha')).toBe('0.930006265785065');
      const p = report.prevalence[0];
      expect(values.get(`prevalence|${p.id}|||||proportion`)).toBe(String(p.proportion));
    }
  });

  it('is the same in the wide per-table files', () => {
    const items = machineTables(report).find((t) => t.name === 'items-perceived_knowledge');
    if (items === undefined) throw new Error('no items table');
    const rows = parse(renderDelimitedTable(items, ','), ',');
    const at = (name: string) => rows[0].indexOf(name);
    report.scales[0].items.forEach((item, i) => {
      expect(Number(rows[i + 1][at('alpha_if_deleted')])).toBe(item.alphaIfDeleted);
      expect(Number(rows[i + 1][at('mean')])).toBe(item.mean);
      expect(rows[i + 1][at('label')]).toBe(item.label ?? '');
    });
  });

  it('writes a p-value that is almost zero as JSON does', () => {
    const copy = sampleReport();
    copy.groupComparisons[0].pValue = 1.234e-9;
    const rows = parse(renderLong(copy, ','), ',');
    const p = rows.find((r) => r[0] === 'group-comparisons' && r[1] === copy.groupComparisons[0].id && r[6] === 'p_value');
    expect(p?.[7]).toBe('1.234e-9');
    expect(Number(p?.[7])).toBe(1.234e-9);
  });
});

describe('response frequencies and correlation intervals', () => {
  const rows = parse(render(report, 'csv', { digits: 3, color: false }), ',');

  it("give each item's count and share of every code, then its missing answers", () => {
    for (const scale of report.scales) {
      for (const item of scale.items) {
        const of = rows.filter((r) => r[0] === 'frequencies' && r[1] === scale.id && r[2] === item.id);
        const counts = of.filter((r) => r[6] === 'count').map((r) => [r[3], Number(r[7])]);
        expect(counts).toEqual([...item.frequencies.map((f) => [String(f.code), f.count]), ['missing', item.missing]]);
        const shares = of.filter((r) => r[6] === 'proportion' && r[3] !== 'missing').map((r) => Number(r[7]));
        expect(shares).toEqual(item.frequencies.map((f) => f.proportion));
      }
    }
  });

  it('give every pair of scales its interval', () => {
    const c = report.correlations;
    for (let i = 0; i < c.ids.length; i++) {
      for (let j = i + 1; j < c.ids.length; j++) {
        const value = (statistic: string) => rows.find((r) => r[0] === 'correlations' && r[1] === c.ids[i] && r[3] === c.ids[j] && r[6] === statistic)?.[7];
        expect(Number(value('ci_lower'))).toBe(c.ci[i][j]?.lower);
        expect(Number(value('ci_upper'))).toBe(c.ci[i][j]?.upper);
        expect(Number(value('ci_level'))).toBe(c.level);
      }
    }
  });
});
