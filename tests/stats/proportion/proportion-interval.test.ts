import { describe, expect, it } from 'vitest';
import type { CiMethod } from '../../../src/report/report.js';
import { normalCritical, tCritical } from '../../../src/stats/critical-value.js';
import { proportionInterval } from '../../../src/stats/proportion/proportion-interval.js';
import { readGolden } from './golden.js';

interface StatsmodelsCase {
  count: number;
  n: number;
  level: number;
  normal: [number, number];
  wilson: [number, number];
  agresti_coull: [number, number];
  jeffreys: [number, number];
  beta: [number, number];
}
interface RCase {
  count: number;
  n: number;
  level: number;
  lower: number | null;
  upper: number | null;
  formula?: [number, number];
}

const statsmodels = readGolden<{ cases: StatsmodelsCase[] }>('statsmodels-confint.json').cases;
const propTest = readGolden<{ cases: RCase[] }>('prop-test.json').cases;
const logitSrs = readGolden<{ cases: RCase[] }>('logit-srs.json').cases;

const METHODS: [CiMethod, keyof StatsmodelsCase][] = [
  ['wald', 'normal'],
  ['wilson', 'wilson'],
  ['agresti-coull', 'agresti_coull'],
  ['jeffreys', 'jeffreys'],
  ['clopper-pearson', 'beta'],
];

describe('proportionInterval against statsmodels 0.13.5 proportion_confint', () => {
  for (const [method, key] of METHODS) {
    it(`${method} = ${key} at ${statsmodels.length} (count, n, level) cases, edges included`, () => {
      for (const c of statsmodels) {
        const [lower, upper] = c[key] as [number, number];
        const got = proportionInterval(c.count, c.n, method, c.level);
        expect(Math.abs(got.lower - lower), `${method} ${c.count}/${c.n} @${c.level} lower`).toBeLessThan(1e-9);
        expect(Math.abs(got.upper - upper), `${method} ${c.count}/${c.n} @${c.level} upper`).toBeLessThan(1e-9);
      }
    });
  }
});

describe('wilson-cc against R prop.test(x, n, correct = TRUE)$conf.int', () => {
  it(`agrees at ${propTest.length} cases, including x = n/2 where R drops the correction`, () => {
    for (const c of propTest) {
      const got = proportionInterval(c.count, c.n, 'wilson-cc', c.level);
      expect(Math.abs(got.lower - (c.lower as number)), `${c.count}/${c.n} @${c.level}`).toBeLessThan(1e-9);
      expect(Math.abs(got.upper - (c.upper as number)), `${c.count}/${c.n} @${c.level}`).toBeLessThan(1e-9);
    }
  });
  it('at x = n/2 is the uncorrected Wilson interval (R: yates = min(0.5, |x - n/2|) = 0)', () => {
    const cc = proportionInterval(5, 10, 'wilson-cc', 0.95);
    const plain = proportionInterval(5, 10, 'wilson', 0.95);
    expect(cc.lower).toBeCloseTo(plain.lower, 14);
    expect(cc.upper).toBeCloseTo(plain.upper, 14);
  });
});

describe('logit (Stata proportion) against R survey svyciprop(method = "logit") on svydesign(ids = ~1)', () => {
  it(`agrees at ${logitSrs.length} interior cases (where R's expit does not overflow) and with the formula written out in R`, () => {
    let compared = 0;
    for (const c of logitSrs) {
      const got = proportionInterval(c.count, c.n, 'logit', c.level);
      const where = `${c.count}/${c.n} @${c.level}`;
      if (c.lower !== null && c.upper !== null) {
        compared++;
        expect(Math.abs(got.lower - c.lower), where).toBeLessThan(1e-8);
        expect(Math.abs(got.upper - c.upper), where).toBeLessThan(1e-8);
      }
      const [lower, upper] = c.formula as [number, number];
      expect(Math.abs(got.lower - lower), where).toBeLessThan(1e-10);
      expect(Math.abs(got.upper - upper), where).toBeLessThan(1e-10);
    }
    expect(compared).toBeGreaterThan(50);
  });
  it('falls back to Clopper-Pearson at 0 of n and n of n, and for n = 1', () => {
    for (const [x, n] of [[0, 10], [10, 10], [0, 1], [1, 1]]) {
      expect(proportionInterval(x, n, 'logit', 0.95)).toEqual(proportionInterval(x, n, 'clopper-pearson', 0.95));
    }
  });
});

describe('hand calculations', () => {
  const z = 1.959963984540054; // qnorm(0.975)

  it('critical values: qnorm(0.975) and qt(0.975, 9)', () => {
    expect(normalCritical(0.95)).toBeCloseTo(z, 14);
    expect(tCritical(0.95, 9)).toBeCloseTo(2.262157162798205, 12);
  });

  it('Wilson for 3 of 10 at 95%', () => {
    // z² = 3.841458820694124, 1 + z²/n = 1.3841458820694124
    // center = (0.3 + z²/20) / 1.3841458820694124 = 0.4920729410347062 / 1.3841458820694124 = 0.35550656…
    // half   = z · √(0.3 · 0.7/10 + z²/400) / 1.3841458820694124 = z · √0.030603647051735 / 1.38414588… = 0.24771529…
    const z2 = z * z;
    const center = (0.3 + z2 / 20) / (1 + z2 / 10);
    const half = (z * Math.sqrt(0.021 + z2 / 400)) / (1 + z2 / 10);
    expect(center).toBeCloseTo(0.35550656, 8);
    const got = proportionInterval(3, 10, 'wilson', 0.95);
    expect(got.lower).toBeCloseTo(center - half, 14);
    expect(got.upper).toBeCloseTo(center + half, 14);
    expect(got.lower).toBeCloseTo(0.1077912674, 9);
    expect(got.upper).toBeCloseTo(0.6032218525, 9);
  });

  it('Wald for 3 of 10 at 95%: 0.3 ± z·√(0.021)', () => {
    const half = z * Math.sqrt(0.021); // 0.2840257650893…
    const got = proportionInterval(3, 10, 'wald', 0.95);
    expect(got.lower).toBeCloseTo(0.3 - half, 14);
    expect(got.upper).toBeCloseTo(0.3 + half, 14);
  });

  it('Clopper-Pearson at 0 of n: [0, 1 - (α/2)^(1/n)]; at n of n: [(α/2)^(1/n), 1]', () => {
    const lo = proportionInterval(0, 20, 'clopper-pearson', 0.95);
    expect(lo.lower).toBe(0);
    expect(lo.upper).toBeCloseTo(1 - Math.pow(0.025, 1 / 20), 12);
    const hi = proportionInterval(20, 20, 'clopper-pearson', 0.9);
    expect(hi.lower).toBeCloseTo(Math.pow(0.05, 1 / 20), 12);
    expect(hi.upper).toBe(1);
  });

  it('Wilson at 0 of n: [0, z²/(n + z²)] exactly 0 at the edge', () => {
    const got = proportionInterval(0, 10, 'wilson', 0.95);
    expect(got.lower).toBe(0);
    expect(got.upper).toBeCloseTo((z * z) / (10 + z * z), 14);
    expect(proportionInterval(10, 10, 'wilson', 0.95).upper).toBe(1);
  });

  it('logit for 3 of 10 at 95%: expit(logit(0.3) ± t₉ · √(0.21/9) / 0.21)', () => {
    const t = 2.262157162798205;
    const f = Math.log(0.3 / 0.7);
    const sf = Math.sqrt(0.21 / 9) / 0.21;
    const got = proportionInterval(3, 10, 'logit', 0.95);
    expect(got.lower).toBeCloseTo(1 / (1 + Math.exp(-(f - t * sf))), 12);
    expect(got.upper).toBeCloseTo(1 / (1 + Math.exp(-(f + t * sf))), 12);
  });
});

describe('edges and invalid input', () => {
  const methods: CiMethod[] = ['wilson', 'wilson-cc', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'wald', 'logit'];

  it('every method gives finite bounds inside [0, 1], lower <= p <= upper (Jeffreys: not at the edges, as statsmodels), for every count of n <= 30', () => {
    for (const method of methods) {
      for (const level of [0.5, 0.9, 0.95, 0.99, 0.999]) {
        for (let n = 1; n <= 30; n++) {
          for (let x = 0; x <= n; x++) {
            const { lower, upper } = proportionInterval(x, n, method, level);
            const where = `${method} ${x}/${n} @${level}`;
            expect(Number.isFinite(lower) && Number.isFinite(upper), where).toBe(true);
            expect(lower >= 0 && upper <= 1 && lower <= upper, where).toBe(true);
            const edge = x === 0 || x === n;
            if (!(method === 'jeffreys' && edge)) expect(lower <= x / n + 1e-12 && upper >= x / n - 1e-12, where).toBe(true);
          }
        }
      }
    }
  });

  it('rejects n = 0, count outside [0, n] and a level outside (0, 1)', () => {
    expect(() => proportionInterval(0, 0, 'wilson', 0.95)).toThrow(RangeError);
    expect(() => proportionInterval(5, 4, 'wilson', 0.95)).toThrow(RangeError);
    expect(() => proportionInterval(-1, 4, 'wilson', 0.95)).toThrow(RangeError);
    expect(() => proportionInterval(1, 4, 'wilson', 1)).toThrow(RangeError);
  });
});
