/**
 * `rows` cut into consecutive blocks of the sizes in `sizes`, taken in turn (each at least 1), each
 * block's first `width` values of its rows one after the other, as addRows takes them.
 */
export function rowBlocks(rows: number[][], sizes: number[], width: number): { values: Float64Array; count: number }[] {
  const blocks: { values: Float64Array; count: number }[] = [];
  for (let at = 0, b = 0; at < rows.length; b++) {
    const count = Math.min(sizes[b % sizes.length], rows.length - at);
    blocks.push({ values: Float64Array.from(rows.slice(at, at + count).flatMap((row) => row.slice(0, width))), count });
    at += count;
  }
  return blocks;
}
