import type { InvalidTally } from '../codebook/row-coder.js';

/**
 * Adds the invalid-value tallies of `other`, counted over the rows that follow those of `into`
 * (the next byte range of the same input), as one pass over both would have counted them:
 * per column the counts add and the first invalid value is `into`'s if it has one, else
 * other's; a column only `other` has is added after `into`'s, in other's order (first met).
 *
 * Reads only plain data, so `other` may be a structured clone (posted by a worker thread).
 * Nothing of `other` is kept by reference.
 */
export function mergeInvalidTallies(into: Map<string, InvalidTally>, other: ReadonlyMap<string, InvalidTally>): void {
  for (const [column, tally] of other) {
    const mine = into.get(column);
    if (mine !== undefined) mine.count += tally.count;
    else into.set(column, { column: tally.column, count: tally.count, first: { ...tally.first } });
  }
}
