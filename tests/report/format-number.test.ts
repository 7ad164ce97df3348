import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFixed,
  formatLevel,
  formatPercent,
  formatPHuman,
  formatPMachine,
  formatTick,
} from '../../src/report/format-number.js';

describe('formatFixed', () => {
  it('writes digits decimals', () => {
    expect(formatFixed(0.930006, 3)).toBe('0.930');
    expect(formatFixed(2.5, 0)).toBe('3');
    expect(formatFixed(-0.1234, 2)).toBe('-0.12');
  });
  it('never writes a signed zero', () => {
    expect(formatFixed(-0.0001, 3)).toBe('0.000');
    expect(formatFixed(-0, 2)).toBe('0.00');
    expect(formatFixed(-0.4, 0)).toBe('0');
  });
  it('has no text for null, NaN and infinities', () => {
    expect(formatFixed(null, 3)).toBeNull();
    expect(formatFixed(Number.NaN, 3)).toBeNull();
    expect(formatFixed(Number.POSITIVE_INFINITY, 3)).toBeNull();
    expect(formatFixed(Number.NEGATIVE_INFINITY, 3)).toBeNull();
  });
});

describe('formatCount', () => {
  it('writes integers as they are and others with decimals', () => {
    expect(formatCount(782, 3)).toBe('782');
    expect(formatCount(12345678, 3)).toBe('12345678');
    expect(formatCount(4.5, 1)).toBe('4.5');
    expect(formatCount(Number.NaN, 3)).toBeNull();
  });
});

describe('formatPercent', () => {
  it('moves the decimal point of the rounded proportion', () => {
    // 679/782 = 0.868286..., rounded to 3 decimals 0.868, so 86.8.
    expect(formatPercent(679 / 782, 3)).toBe('86.8');
    expect(formatPercent(1, 3)).toBe('100.0');
    expect(formatPercent(0, 3)).toBe('0.0');
    expect(formatPercent(0.005, 3)).toBe('0.5');
    expect(formatPercent(0.0941176, 4)).toBe('9.41');
    expect(formatPercent(0.868286, 2)).toBe('87');
    expect(formatPercent(0.868286, 0)).toBe('87');
  });
  it('agrees with the proportion written to the same digits, even on a binary rounding edge', () => {
    // 0.0015 rounds to 0.002 with toFixed(3), but 0.0015 * 100 is a double just below 0.15,
    // which toFixed(1) rounds to 0.1. The percentage must follow the proportion: 0.2.
    expect(formatFixed(0.0015, 3)).toBe('0.002');
    expect((0.0015 * 100).toFixed(1)).toBe('0.1');
    expect(formatPercent(0.0015, 3)).toBe('0.2');
    for (const p of [0.0005, 0.1235, 0.5, 0.99949, 0.99951, 0.123456]) {
      const fixed = formatFixed(p, 3) as string;
      expect(Number(formatPercent(p, 3)) / 100).toBeCloseTo(Number(fixed), 12);
    }
  });
  it('has no text for null', () => {
    expect(formatPercent(null, 3)).toBeNull();
  });
});

describe('p-values', () => {
  it('reads <0.001 for people when it rounds to zero', () => {
    expect(formatPHuman(0.0533870818, 3)).toBe('0.053');
    expect(formatPHuman(0.0004, 3)).toBe('<0.001');
    expect(formatPHuman(0, 3)).toBe('<0.001');
    expect(formatPHuman(0.0004, 4)).toBe('0.0004');
    expect(formatPHuman(1e-12, 2)).toBe('<0.01');
  });
  it('keeps digits significant figures for machines when it rounds to zero', () => {
    expect(formatPMachine(0.0533870818, 3)).toBe('0.053');
    expect(formatPMachine(1.23456e-7, 3)).toBe('1.23e-7');
    expect(formatPMachine(0, 3)).toBe('0.000');
    expect(formatPMachine(null, 3)).toBeNull();
  });
});

describe('levels and ticks', () => {
  it('writes a confidence level without trailing zeros', () => {
    expect(formatLevel(0.95)).toBe('95');
    expect(formatLevel(0.975)).toBe('97.5');
    expect(formatLevel(0.999)).toBe('99.9');
  });
  it('writes ticks short', () => {
    expect(formatTick(1.5, 3)).toBe('1.5');
    expect(formatTick(2, 3)).toBe('2');
    expect(formatTick(0.25, 3)).toBe('0.25');
    expect(formatTick(10, 0)).toBe('10');
  });
});
