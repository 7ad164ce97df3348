import { describe, expect, it } from 'vitest';
import { compareGroupValues } from '../../src/analysis/prevalence-group-order.js';

describe('compareGroupValues (natural order of group rows)', () => {
  it('numbers first, numerically; then text with digit runs by value, case-insensitively', () => {
    const values = ['Band 10', 'nurse', 'band 5', '10', '9', '-1', '2.5', 'Nurse', 'ward2', 'ward10', 'Doctor'];
    expect([...values].sort(compareGroupValues)).toEqual(['-1', '2.5', '9', '10', 'band 5', 'Band 10', 'Doctor', 'Nurse', 'nurse', 'ward2', 'ward10']);
  });

  it('is a total order: ties broken by code units, so the result does not depend on the input order', () => {
    const values = ['01', '1', 'a', 'A', 'a1', 'a01', 'b', ''];
    const sorted = [...values].sort(compareGroupValues);
    expect([...values].reverse().sort(compareGroupValues)).toEqual(sorted);
    for (let i = 0; i < sorted.length; i++) for (let j = 0; j < sorted.length; j++) expect(Math.sign(compareGroupValues(sorted[i], sorted[j]))).toBe(Math.sign(i - j));
  });
});
