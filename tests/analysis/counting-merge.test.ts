/**
 * Merging the counting accumulators of two (or three) consecutive ranges of rows, the later ones
 * passed through structuredClone as a worker's postMessage would: every public reading must equal
 * that of one pass over all the rows, cut anywhere (including before the first row and after the last).
 */
import { describe, expect, it } from 'vitest';
import { PrevalenceAccumulator } from '../../src/analysis/prevalence-accumulator.js';
import { DuplicateIds } from '../../src/analysis/duplicate-ids.js';
import { UnmatchedPositive } from '../../src/analysis/unmatched-positive.js';
import { RowFilter, type RowFilterCounts } from '../../src/analysis/row-filter.js';
import { mergeInvalidTallies } from '../../src/analysis/invalid-tallies.js';
import type { Codebook, Prevalence } from '../../src/codebook/codebook.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';
import { RowCoder, type InvalidTally } from '../../src/codebook/row-coder.js';
import { plainHeader, type TableHeader } from '../../src/read/table-header.js';
import { Xoshiro128 } from '../../src/stats/xoshiro128.js';

/** What a worker's postMessage delivers: a structured clone, typed as the original (no methods at run time). */
const posted = <T>(value: T): T => structuredClone(value);

/** Every cut 0..n, and `extra` random pairs of cuts (three ranges). */
function cuts(n: number, rng: Xoshiro128, extra = 6): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0; c <= n; c++) out.push([c, n]);
  for (let k = 0; k < extra; k++) {
    const a = rng.nextInt(n + 1);
    const b = a + rng.nextInt(n - a + 1);
    out.push([a, b]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PrevalenceAccumulator

interface PrevRow { outcomes: Int8Array; groups: (string | null)[]; cluster: string | null }

const ENTRIES: Prevalence[] = ['a', 'b', 'c'].map((id) => ({ id, label: id, column: id, positiveText: ['Yes'], positiveCodes: [1] }));

/** Rows whose group values and clusters widen as the rows go on, so later ranges meet new ones. */
function prevalenceRows(seed: number, n: number, groups: number): PrevRow[] {
  const rng = new Xoshiro128(seed);
  return Array.from({ length: n }, (_, i) => {
    const spread = 1 + (i >> 2);
    return {
      outcomes: Int8Array.from(ENTRIES, () => rng.nextInt(3) - 1),
      groups: Array.from({ length: groups }, (_, g) => (rng.nextInt(6) === 0 ? null : `g${g}-${rng.nextInt(spread)}`)),
      cluster: rng.nextInt(9) === 0 ? null : `c${rng.nextInt(spread)}`,
    };
  });
}

function prevalencePass(rows: PrevRow[], groups: string[], cluster: string | null): PrevalenceAccumulator {
  const acc = new PrevalenceAccumulator(ENTRIES, groups, cluster);
  for (const row of rows) acc.add(row.outcomes, row.groups, row.cluster);
  return acc;
}

function prevalenceView(acc: PrevalenceAccumulator) {
  const cells: unknown[] = [];
  for (let d = 0; d < acc.domains; d++) {
    for (let p = 0; p < ENTRIES.length; p++) {
      const clusters = acc.clusterCounts(d, p);
      cells.push([acc.positives(d, p), acc.answered(d, p), [...clusters.positives], [...clusters.answered]]);
    }
  }
  return {
    rows: acc.rows,
    clusterMissing: acc.clusterMissing,
    groupMissing: [...acc.groupMissing],
    domains: acc.domains,
    domainColumn: [...acc.domainColumn],
    domainValue: [...acc.domainValue],
    clusterNames: [...acc.clusterNames],
    cells,
  };
}

describe('PrevalenceAccumulator.merge', () => {
  for (const cluster of [null, 'site']) {
    it(`equals one pass, cut anywhere (${cluster === null ? 'no cluster' : 'clustered'})`, () => {
      const groups = ['band', 'role'];
      for (let seed = 1; seed <= 6; seed++) {
        const rows = prevalenceRows(seed, 60, groups.length);
        const expected = prevalenceView(prevalencePass(rows, groups, cluster));
        for (const [a, b] of cuts(rows.length, new Xoshiro128(seed + 100))) {
          const first = prevalencePass(rows.slice(0, a), groups, cluster);
          if (a % 2 === 0) prevalenceView(first); // builds the slot cache before the merge
          first.merge(posted(prevalencePass(rows.slice(a, b), groups, cluster)));
          first.merge(posted(prevalencePass(rows.slice(b), groups, cluster)));
          expect(prevalenceView(first), `seed ${seed}, cuts ${a}, ${b}`).toEqual(expected);
          // a merged accumulator, itself posted, merges like the rows it holds
          const left = prevalencePass(rows.slice(0, a), groups, cluster);
          const right = prevalencePass(rows.slice(a, b), groups, cluster);
          right.merge(posted(prevalencePass(rows.slice(b), groups, cluster)));
          left.merge(posted(right));
          expect(prevalenceView(left), `seed ${seed}, cuts ${a}, ${b} (right merged first)`).toEqual(expected);
        }
      }
    });
  }

  it('maps group values, clusters and domain × cluster pairs met only in the second range', () => {
    const row = (o: number[], band: string | null, cluster: string | null): PrevRow => ({ outcomes: Int8Array.from(o), groups: [band], cluster });
    const rows = [
      row([1, 0, -1], 'A', 'c1'), row([0, 0, 1], null, 'c1'), row([1, 1, 1], 'A', null),
      // second range: a new band (B), a new cluster (c2), a new pair (B, c1), and the old pair (A, c1)
      row([1, -1, 0], 'B', 'c2'), row([0, 1, 1], 'B', 'c1'), row([1, 1, 0], 'A', 'c1'), row([-1, 0, 1], 'C', 'c2'),
    ];
    const expected = prevalencePass(rows, ['band'], 'site');
    const merged = prevalencePass(rows.slice(0, 3), ['band'], 'site');
    merged.merge(posted(prevalencePass(rows.slice(3), ['band'], 'site')));
    expect(prevalenceView(merged)).toEqual(prevalenceView(expected));
    expect(merged.domainValue).toEqual([null, 'A', 'B', 'C']);
    expect(merged.clusterNames).toEqual(['c1', 'c2']);
    // domain B (2), entry 1: c2 has no answer there, c1 one positive of one
    expect(merged.clusterCounts(2, 1)).toEqual({ positives: Float64Array.from([1]), answered: Float64Array.from([1]) });
    expect(merged.clusterMissing).toBe(1);
  });

  it('refuses another shape of counts', () => {
    const a = new PrevalenceAccumulator(ENTRIES, ['band'], null);
    expect(() => a.merge(posted(new PrevalenceAccumulator(ENTRIES, ['role'], null)))).toThrow(/different/);
  });
});

describe('PrevalenceAccumulator.addTallies', () => {
  it('adds counts made in its own domains (the plain scan\'s) as add() would have counted the same rows', () => {
    const groups = ['band', 'role'];
    for (let seed = 1; seed <= 6; seed++) {
      const rows = prevalenceRows(seed, 60, groups.length);
      const expected = prevalenceView(prevalencePass(rows, groups, null));
      // The domains are made as the rows meet them; the counts kept apart, in the same layout.
      const acc = new PrevalenceAccumulator(ENTRIES, groups, null);
      const P = ENTRIES.length;
      const counts = new Float64Array(2 * P * 200);
      const groupMissing = new Float64Array(groups.length);
      for (const row of rows) {
        const domains = [0];
        row.groups.forEach((value, g) => (value === null ? groupMissing[g]++ : domains.push(acc.domain(g, value))));
        for (const d of domains) row.outcomes.forEach((o, p) => {
          if (o >= 0) {
            counts[2 * (d * P + p)] += o;
            counts[2 * (d * P + p) + 1]++;
          }
        });
      }
      acc.addTallies(counts.subarray(0, 2 * P * acc.domains), rows.length, groupMissing);
      expect(prevalenceView(acc), `seed ${seed}`).toEqual(expected);
    }
  });

  it('refuses a cluster column, counts beyond its domains and other group columns', () => {
    const clustered = new PrevalenceAccumulator(ENTRIES, ['band'], 'site');
    expect(() => clustered.addTallies(new Float64Array(6), 1, new Float64Array(1))).toThrow(/cluster/);
    const acc = new PrevalenceAccumulator(ENTRIES, ['band'], null);
    expect(() => acc.addTallies(new Float64Array(12), 1, new Float64Array(1))).toThrow(/beyond/);
    expect(() => acc.addTallies(new Float64Array(6), 1, new Float64Array(2))).toThrow(/group columns/);
  });
});

// ---------------------------------------------------------------------------------------------
// DuplicateIds

interface IdRow { id: string; file: string; line: number }

/** Ids from a pool that grows with the rows (some blank), in files of 7 rows; from many repeats to a few. */
function idRows(seed: number, n: number): IdRow[] {
  const rng = new Xoshiro128(seed);
  const growth = [1, 3, 8, 20][seed % 4];
  return Array.from({ length: n }, (_, i) => ({
    id: rng.nextInt(10) === 0 ? '' : `r${rng.nextInt(1 + i * growth)}`,
    file: `f${Math.floor(i / 7)}.csv`,
    line: (i % 7) + 2,
  }));
}

function idPass(rows: IdRow[]): DuplicateIds {
  const ids = new DuplicateIds();
  for (const row of rows) ids.add(row.id, row.file, row.line);
  return ids;
}

const rowsOf = (...ids: string[]): IdRow[] => ids.map((id, i) => ({ id, file: 'data.csv', line: i + 2 }));

describe('DuplicateIds.merge', () => {
  it('equals one pass, cut anywhere', () => {
    let withWarning = 0;
    for (let seed = 1; seed <= 48; seed++) {
      const rows = idRows(seed, 36);
      const expected = idPass(rows).warnings('rid');
      if (expected.length > 0) withWarning++;
      for (const [a, b] of cuts(rows.length, new Xoshiro128(seed + 200), 40)) {
        const first = idPass(rows.slice(0, a));
        first.merge(posted(idPass(rows.slice(a, b))));
        first.merge(posted(idPass(rows.slice(b))));
        expect(first.warnings('rid'), `seed ${seed}, cuts ${a}, ${b}`).toEqual(expected);
        const right = idPass(rows.slice(a, b));
        right.merge(posted(idPass(rows.slice(b))));
        const left = idPass(rows.slice(0, a));
        left.merge(posted(right));
        expect(left.warnings('rid'), `seed ${seed}, cuts ${a}, ${b} (right merged first)`).toEqual(expected);
        // and a later row of a merged accumulator counts as in one pass
        const again = idPass(rows.slice(0, a));
        again.merge(posted(idPass(rows.slice(a))));
        again.add(rows[0]?.id ?? 'x', 'late.csv', 99);
        const once = idPass(rows);
        once.add(rows[0]?.id ?? 'x', 'late.csv', 99);
        expect(again.warnings('rid')).toEqual(once.warnings('rid'));
      }
    }
    expect(withWarning).toBeGreaterThan(30);
  });

  const firstOf = (rows: IdRow[], cut: number): string => {
    const ids = idPass(rows.slice(0, cut));
    ids.merge(posted(idPass(rows.slice(cut))));
    const [w] = ids.warnings('rid');
    expect(ids.warnings('rid')).toEqual(idPass(rows).warnings('rid'));
    return `${w.count} ${/the first, "(.*)", at (.*)\)/.exec(w.message)!.slice(1).join(' ')}`;
  };

  it('an id straddling the cut: its first row in the second range is the repeat', () => {
    expect(firstOf(rowsOf('x', 'y', 'z', 'x'), 2)).toBe('1 x data.csv:5');
    // repeated only within the second range, before the straddling one
    expect(firstOf(rowsOf('x', 'y', 'y', 'x'), 1)).toBe('2 y data.csv:4');
    // the straddling one first, then a repeat within the second range
    expect(firstOf(rowsOf('x', 'y', 'x', 'y'), 1)).toBe('2 x data.csv:4');
    // this side's own first repeat wins
    expect(firstOf(rowsOf('x', 'x', 'y', 'y', 'x'), 2)).toBe('3 x data.csv:3');
    // an id met three times in the second range only
    expect(firstOf(rowsOf('a', 'b', 'b', 'b'), 1)).toBe('2 b data.csv:4');
  });

  it('a first repeat found by a merge is placed in the row order for a later merge', () => {
    // ranges rows[0] | rows[1] | rows[2..]: the last two merged first, then posted to the first
    const threeWay = (...ids: string[]): string => {
      const rows = rowsOf(...ids);
      const right = idPass(rows.slice(1, 2));
      right.merge(posted(idPass(rows.slice(2))));
      const left = idPass(rows.slice(0, 1));
      left.merge(posted(right));
      expect(left.warnings('rid')).toEqual(idPass(rows).warnings('rid'));
      return /the first, "(.*)", at (.*)\)/.exec(left.warnings('rid')[0].message)!.slice(1).join(' ');
    };
    // the merged first repeat (b, a straddling id) comes before d's first row in the last range
    expect(threeWay('d', 'b', 'b', 'd')).toBe('b data.csv:4');
    // the merged first repeat is the last range's own (e), after c's and before f's first rows
    expect(threeWay('c', 'a', 'c', 'e', 'e', 'f')).toBe('c data.csv:4');
    expect(threeWay('f', 'a', 'c', 'e', 'e', 'f')).toBe('e data.csv:6');
  });

  it('files of the second range are kept with its ids', () => {
    const rows: IdRow[] = [
      { id: 'a', file: 'one.csv', line: 2 },
      { id: 'b', file: 'two.csv', line: 2 }, { id: 'c', file: 'two.csv', line: 3 }, { id: 'd', file: 'three.csv', line: 2 },
      { id: 'd', file: 'three.csv', line: 3 }, { id: 'c', file: 'three.csv', line: 4 },
    ];
    const ids = idPass(rows.slice(0, 1));
    ids.merge(posted(idPass(rows.slice(1, 4))));
    ids.merge(posted(idPass(rows.slice(4))));
    expect(ids.warnings('rid')).toEqual(idPass(rows).warnings('rid'));
    expect(ids.warnings('rid')[0].message).toContain('"d", at three.csv:3');
  });

  it('no repeat, no warning; an empty side changes nothing', () => {
    const ids = idPass(rowsOf('a', 'b'));
    ids.merge(posted(idPass(rowsOf('c', '', 'd'))));
    ids.merge(posted(new DuplicateIds()));
    expect(ids.warnings('rid')).toEqual([]);
    // the lookup set is not part of what a worker posts (only the ids as an array, and their places)
    expect(Object.values(posted(ids)).some((v) => v instanceof Set || v instanceof Map)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// UnmatchedPositive

interface CellRow { outcomes: Int8Array; cells: string[] }

/** Entry 0 never positive, 1 rarely, 2 only late, 3 never answered 0: cells widen as the rows go on. */
function unmatchedRows(seed: number, n: number): CellRow[] {
  const rng = new Xoshiro128(seed);
  return Array.from({ length: n }, (_, i) => {
    const spread = 1 + (i >> 1);
    const outcomes = Int8Array.from([
      rng.nextInt(5) === 0 ? -1 : 0,
      rng.nextInt(30) === 0 ? 1 : rng.nextInt(2) - 1,
      i > 0.7 * n && rng.nextInt(3) === 0 ? 1 : 0,
      -1,
    ]);
    const cells = Array.from({ length: 4 }, (_, p) => `${rng.nextInt(2) === 0 ? ' ' : ''}v${p}.${rng.nextInt(spread)}`);
    return { outcomes, cells };
  });
}

function unmatchedPass(rows: CellRow[]): UnmatchedPositive {
  const acc = new UnmatchedPositive(ENTRIES.concat({ ...ENTRIES[0], id: 'd', column: 'd' }));
  for (const row of rows) acc.add(row.outcomes, (p) => row.cells[p]);
  return acc;
}

describe('UnmatchedPositive.merge', () => {
  it('equals one pass, cut anywhere', () => {
    let sampled = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const n = 10 + 5 * seed;
      const rows = unmatchedRows(seed, n);
      const expected = unmatchedPass(rows).warnings();
      sampled += expected.length;
      for (const [a, b] of cuts(n, new Xoshiro128(seed + 300))) {
        const first = unmatchedPass(rows.slice(0, a));
        first.merge(posted(unmatchedPass(rows.slice(a, b))));
        first.merge(posted(unmatchedPass(rows.slice(b))));
        expect(first.warnings(), `seed ${seed}, cuts ${a}, ${b}`).toEqual(expected);
      }
    }
    expect(sampled).toBeGreaterThan(10);
  });

  it('samples this side first, then the other side\'s new values, up to the cap', () => {
    const rows = ['a', 'b', 'c', 'a', 'd', 'b', 'e', 'f', 'g', 'h', 'i'].map((v) => ({ outcomes: Int8Array.from([0, 0, 0, 0]), cells: [v, v, v, v] }));
    const acc = unmatchedPass(rows.slice(0, 3));
    acc.merge(posted(unmatchedPass(rows.slice(3))));
    expect(acc.warnings()[0].message).toContain('"a", "b", "c", "d", "e", "f", "g", "h", ...');
    expect(acc.warnings()).toEqual(unmatchedPass(rows).warnings());
    const positive = unmatchedPass(rows.slice(0, 3));
    positive.merge(posted(unmatchedPass([{ outcomes: Int8Array.from([1, -1, -1, -1]), cells: ['x', 'x', 'x', 'x'] }])));
    expect(positive.warnings().map((w) => w.prevalence)).toEqual(['b', 'c', 'd']);
  });
});

// ---------------------------------------------------------------------------------------------
// RowFilter

function codebook(raw: Record<string, unknown>): Codebook {
  const { codebook, problems } = validateCodebook(raw, 'test');
  if (!codebook) throw new Error(JSON.stringify(problems));
  return codebook;
}

const FILTER_CODEBOOK = codebook({
  responseSets: { agree: { Disagree: 1, Neutral: 2, Agree: 3 } },
  scales: [{ id: 's', items: ['q1', 'q2'], responses: 'agree', range: [1, 3] }],
  prevalence: [{ id: 'seen', column: 'seen', positive: ['Yes'] }],
  include: { Finished: ['True', 1] },
  exclude: { site: ['test'], q1: ['Agree'] },
});
const FILTER_COLUMNS = ['rid', 'Status', 'Finished', 'site', 'seen', 'q1', 'q2'];

function filterHeader(): TableHeader {
  return {
    ...plainHeader(FILTER_COLUMNS, 'export.csv'),
    headerRows: 3,
    weightColumn: 'w',
    rules: [
      { label: 'survey previews (Status)', kind: 'exclude', column: 'Status', values: ['Survey Preview', 1], source: 'platform' },
      { label: 'spam (Status)', kind: 'exclude', column: 'Status', values: ['Spam'], source: 'platform' },
    ],
  };
}

function filterRows(seed: number, n: number): string[][] {
  const rng = new Xoshiro128(seed);
  const pick = <T>(values: T[]): T => values[rng.nextInt(values.length)];
  return Array.from({ length: n }, (_, i) => [
    `r${i}`,
    // spam only late: a rule that drops rows only in the second range
    pick(['IP Address', 'IP Address', 'IP Address', 'Survey Preview', '1', i > n / 2 ? 'Spam' : '0']),
    pick(['True', 'True', '1', 'False', '0']),
    pick(['A', 'B', 'test', ' Test ']),
    pick(['Yes', 'No']),
    pick(['Agree', 'Neutral', '1', '2', '']),
    pick(['1', '2', '3']),
  ]);
}

function filterPass(rows: string[][], keepPlatformRows = false): RowFilter {
  const coder = new RowCoder(FILTER_CODEBOOK, { groups: [], cluster: null, lenient: true }, new Map());
  const filter = new RowFilter(FILTER_CODEBOOK, keepPlatformRows, (column) => coder.responseCodeOf(column));
  const header = filterHeader();
  filter.bind(header);
  coder.bind(header);
  for (const row of rows) filter.keep(row);
  return filter;
}

const filterView = (filter: RowFilter) => ({ excluded: filter.excluded(), sources: filter.sourceReports(), warnings: filter.warnings() });

describe('RowFilter.counted / mergeCounts', () => {
  for (const keep of [false, true]) {
    it(`equals one pass, cut anywhere${keep ? ' (platform rows kept)' : ''}`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const rows = filterRows(seed, 40);
        const expected = filterView(filterPass(rows, keep));
        for (const [a, b] of cuts(rows.length, new Xoshiro128(seed + 400))) {
          const first = filterPass(rows.slice(0, a), keep);
          first.mergeCounts(posted(filterPass(rows.slice(a, b), keep).counted()));
          first.mergeCounts(posted(filterPass(rows.slice(b), keep).counted()));
          expect(filterView(first), `seed ${seed}, cuts ${a}, ${b}`).toEqual(expected);
        }
      }
    });
  }

  it('adds rows read and excluded, keeps one file\'s header rows and weight warning', () => {
    const rows = filterRows(7, 30);
    const first = filterPass(rows.slice(0, 10));
    const counts: RowFilterCounts = filterPass(rows.slice(10)).counted();
    first.mergeCounts(posted(counts));
    expect(first.sourceReports()).toEqual([{ file: 'export.csv', format: 'csv', layout: 'csv', headerRows: 3, rowsRead: 30 }]);
    expect(first.warnings()).toHaveLength(1);
    expect(first.excluded().reduce((n, e) => n + e.rows, 0)).toBe(filterPass(rows).excluded().reduce((n, e) => n + e.rows, 0));
    // counted() is a snapshot: later rows on the other side do not change what was merged
    expect(counts.sources[0].rowsRead).toBe(20);
  });

  it('refuses counts of another file at the same position', () => {
    const other = filterPass([]).counted();
    other.sources[0].file = 'other.csv';
    expect(() => filterPass([]).mergeCounts(other)).toThrow(/other\.csv/);
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid-value tallies

const TALLY_CODEBOOK = codebook({
  responseSets: { agree: { Disagree: 1, Neutral: 2, Agree: 3 } },
  scales: [{ id: 's', items: ['q1', 'q2', 'q3'], responses: 'agree', range: [1, 3] }],
});

/** Cells of q1..q3, some invalid; q3's invalid values only in the later rows. */
function tallyRows(seed: number, n: number): string[][] {
  const rng = new Xoshiro128(seed);
  const cell = (invalid: boolean): string => (invalid ? ['9', 'x', 'maybe'][rng.nextInt(3)] : ['1', '2', 'Agree', ''][rng.nextInt(4)]);
  return Array.from({ length: n }, (_, i) => [cell(rng.nextInt(5) === 0), cell(rng.nextInt(12) === 0), cell(i > (2 * n) / 3 && rng.nextInt(3) === 0)]);
}

function tallyPass(rows: string[][], firstLine: number): Map<string, InvalidTally> {
  const tally = new Map<string, InvalidTally>();
  const coder = new RowCoder(TALLY_CODEBOOK, { groups: [], cluster: null, lenient: true }, tally);
  coder.bind(plainHeader(['q1', 'q2', 'q3'], 'data.csv'));
  rows.forEach((row, r) => coder.code(row, firstLine + r));
  return tally;
}

const tallyView = (tally: Map<string, InvalidTally>) => [...tally];

describe('mergeInvalidTallies', () => {
  it('equals one pass, cut anywhere', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rows = tallyRows(seed, 36);
      const expected = tallyView(tallyPass(rows, 2));
      expect(expected.length).toBeGreaterThan(1);
      for (const [a, b] of cuts(rows.length, new Xoshiro128(seed + 500))) {
        const into = tallyPass(rows.slice(0, a), 2);
        mergeInvalidTallies(into, posted(tallyPass(rows.slice(a, b), 2 + a)));
        mergeInvalidTallies(into, posted(tallyPass(rows.slice(b), 2 + b)));
        expect(tallyView(into), `seed ${seed}, cuts ${a}, ${b}`).toEqual(expected);
      }
    }
  });

  it('keeps this side\'s first value, and nothing of the other side by reference', () => {
    const into = tallyPass([['9', '1', '1']], 2);
    const other = tallyPass([['x', '1', 'maybe'], ['1', '1', '7']], 3);
    mergeInvalidTallies(into, other);
    expect(tallyView(into)).toEqual([
      ['q1', { column: 'q1', count: 2, first: { value: '9', file: 'data.csv', line: 2 } }],
      ['q3', { column: 'q3', count: 2, first: { value: 'maybe', file: 'data.csv', line: 3 } }],
    ]);
    other.get('q3')!.count = 100;
    other.get('q3')!.first.line = 100;
    expect(into.get('q3')).toEqual({ column: 'q3', count: 2, first: { value: 'maybe', file: 'data.csv', line: 3 } });
  });
});
