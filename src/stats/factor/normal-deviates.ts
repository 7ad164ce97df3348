import { Xoshiro128 } from '../xoshiro128.js';

/**
 * Standard normal deviates from xoshiro128** by Marsaglia's polar method (Marsaglia & Bray 1964,
 * SIAM Review 6: 260-264): u, v uniform on (−1, 1) from 53-bit uniforms, rejected unless
 * 0 < s = u² + v² < 1, then u·√(−2 ln s / s) and v·√(−2 ln s / s). The same seed gives the same
 * stream (not R's rnorm stream).
 */
export class NormalDeviates {
  private readonly rng: Xoshiro128;
  private spare: number | null = null;

  constructor(seed: number) {
    this.rng = new Xoshiro128(seed);
  }

  /** A uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.rng.nextUint32() >>> 5;
    const lo = this.rng.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  next(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }
}
