/** Widest integer range counted in a dense array; wider or fractional codes use a map. */
const DENSE_LIMIT = 1024;

/** Codes counted densely for a scale's range: every whole number of it, none for a fractional or too wide one. */
export function denseLength(range: readonly [number, number]): number {
  const [min, max] = range;
  const span = max - min;
  return Number.isInteger(min) && Number.isInteger(max) && span >= 0 && span <= DENSE_LIMIT ? span + 1 : 0;
}

/**
 * Count of each observed response code of one item. Integer codes inside the scale's range
 * are counted in a Float64Array indexed by code - min (no allocation per row); any other
 * code (a fractional or out-of-range number) in a Map.
 */
export class ItemFrequencies {
  private readonly min: number;
  private readonly dense: Float64Array;
  private readonly other = new Map<number, number>();

  /**
   * `dense`: where the dense counts live, denseLength(range) zeros (default: an array of its
   * own); the kernel of ScaleAccumulator counts into it directly.
   */
  constructor(range: readonly [number, number], dense: Float64Array = new Float64Array(denseLength(range))) {
    this.min = range[0];
    this.dense = dense;
  }

  add(code: number): void {
    const index = code - this.min;
    if (index >= 0 && index < this.dense.length && Number.isInteger(index)) this.dense[index]++;
    else this.addUncounted(code);
  }

  /** A code the dense counts do not hold (a fractional or out-of-range number); others are ignored. */
  addUncounted(code: number): void {
    const index = code - this.min;
    if (index >= 0 && index < this.dense.length && Number.isInteger(index)) return;
    this.other.set(code, (this.other.get(code) ?? 0) + 1);
  }

  /**
   * Add another item's counts (same range), as if its codes had been added here. `other` may
   * be an ItemFrequencies or its structured clone: only its fields are read, never a method.
   */
  merge(other: ItemFrequencies): void {
    if (other.min !== this.min || other.dense.length !== this.dense.length) {
      throw new Error('ItemFrequencies.merge: the items have different ranges');
    }
    for (let i = 0; i < this.dense.length; i++) this.dense[i] += other.dense[i];
    for (const [code, count] of other.other) this.other.set(code, (this.other.get(code) ?? 0) + count);
  }

  /** Observed codes with their counts, ascending by code. */
  entries(): [code: number, count: number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.dense.length; i++) if (this.dense[i] > 0) out.push([this.min + i, this.dense[i]]);
    for (const entry of this.other) out.push(entry);
    return out.sort((a, b) => a[0] - b[0]);
  }
}
