import { describe, expect, it } from 'vitest';
import { feldtInterval } from '../../src/stats/feldt-interval.js';

describe('feldtInterval', () => {
  it('matches psych::alpha.ci(.8, 100, 5): 0.7305582042, 0.8558867487', () => {
    const ci = feldtInterval(0.8, 100, 5, 0.95);
    expect(Math.abs(ci.lower! - 0.7305582042)).toBeLessThan(1e-9);
    expect(Math.abs(ci.upper! - 0.8558867487)).toBeLessThan(1e-9);
  });

  it('scales with 1 - alpha: alpha = 1 gives the point [1, 1]', () => {
    expect(feldtInterval(1, 50, 4, 0.95)).toEqual({ lower: 1, upper: 1 });
  });

  it('alpha above 1 by rounding (1 + 2.2e-16, identical items) still gives [1, 1]; above 1 by more, null', () => {
    const rounded = feldtInterval(1 + Number.EPSILON, 50, 4, 0.95);
    expect(Math.abs(rounded.lower! - 1)).toBeLessThan(1e-14);
    expect(Math.abs(rounded.upper! - 1)).toBeLessThan(1e-14);
    // 1 - (1 - 1.05) F would put the lower limit above the upper one.
    expect(feldtInterval(1.05, 50, 4, 0.95)).toEqual({ lower: null, upper: null });
  });

  it('is wider at a higher level and null without two respondents or two items', () => {
    const a = feldtInterval(0.7, 60, 6, 0.9);
    const b = feldtInterval(0.7, 60, 6, 0.99);
    expect(b.lower!).toBeLessThan(a.lower!);
    expect(b.upper!).toBeGreaterThan(a.upper!);
    expect(feldtInterval(0.7, 1, 6, 0.95)).toEqual({ lower: null, upper: null });
    expect(feldtInterval(0.7, 60, 1, 0.95)).toEqual({ lower: null, upper: null });
    expect(feldtInterval(Number.NaN, 60, 6, 0.95)).toEqual({ lower: null, upper: null });
  });
});
