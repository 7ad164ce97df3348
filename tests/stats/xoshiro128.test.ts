import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../src/stats/xoshiro128.js';

// Expected streams printed by the reference C implementation in reference/xoshiro128starstar.c.
describe('Xoshiro128 (xoshiro128** 1.1)', () => {
  it('matches the reference generator from state [1, 2, 3, 4]', () => {
    const g = new Xoshiro128([1, 2, 3, 4]);
    const out = Array.from({ length: 10 }, () => g.nextUint32());
    expect(out).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('matches the reference SplitMix32 seeding', () => {
    const first = (seed: number) => {
      const g = new Xoshiro128(seed);
      return Array.from({ length: 6 }, () => g.nextUint32());
    };
    expect(first(1)).toEqual([2442144158, 3238099751, 3819917871, 2104621829, 2021136066, 4223536128]);
    expect(first(42)).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
    expect(first(4294967295)).toEqual([835879718, 1921286648, 2356205009, 1885780724, 980451116, 1053911718]);
  });

  it('nextInt is uniform on [0, n): 60 000 draws of a die land within 4 sd of 10 000 each', () => {
    const g = new Xoshiro128(7);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[g.nextInt(6)]++;
    const sd = Math.sqrt(60000 * (1 / 6) * (5 / 6));
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(4 * sd);
  });
});
