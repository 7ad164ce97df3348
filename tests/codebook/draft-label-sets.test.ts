import { describe, expect, it } from 'vitest';
import { knownSetName, responseMap, setsContaining } from '../../src/codebook/draft/label-sets.js';

const names = (values: string[]): string[] => setsContaining(values).map((s) => s.name);

describe('known label sets', () => {
  it('a column whose answers are a subset of a set gets that set; the smallest fitting one first', () => {
    expect(names(['Agree', 'Disagree'])[0]).toBe('agree5');
    expect(names(['Somewhat agree', 'Strongly agree'])[0]).toBe('agree5_somewhat');
    expect(names(['Somewhat agree', 'Agree'])).toEqual(['agree7']);
    expect(names(['neutral', 'AGREE'])[0]).toBe('agree5');
  });

  it('frequency, with "Very often" as the top of Never ... Always', () => {
    expect(names(['Never', 'Very often', 'Rarely'])[0]).toBe('frequency5');
    expect(names(['Most of the time', 'Never'])[0]).toBe('frequency5_half');
  });

  it('extent labels with a shared trailing word make a named set with that word', () => {
    const [confidence] = setsContaining(['Not at all confident', 'Extremely confident', 'Very confident']);
    expect(confidence.name).toBe('confidence5');
    expect(responseMap(confidence)).toEqual({
      'Not at all confident': 1, 'Slightly confident': 2, 'Moderately confident': 3, 'Very confident': 4, 'Extremely confident': 5,
    });
    expect(names(['Not at all', 'Extremely'])[0]).toBe('extent5');
  });

  it('satisfaction and likelihood, Qualtrics and plain', () => {
    expect(names(['Somewhat satisfied', 'Extremely dissatisfied'])[0]).toBe('satisfaction5_somewhat');
    expect(names(['Very satisfied', 'Dissatisfied'])[0]).toBe('satisfaction5');
    expect(names(['Likely', 'Very unlikely'])[0]).toBe('likelihood5');
  });

  it('an answer outside every set fits none', () => {
    expect(names(['Agree', "Don't know"])).toEqual([]);
    expect(names([])).toEqual([]);
  });

  it('names a value-label set by its labels in code order, and only then', () => {
    expect(knownSetName(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'])).toBe('agree5');
    expect(knownSetName(['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'])).toBeNull();
    expect(knownSetName(['Never', 'Rarely', 'Sometimes', 'Often', 'Always'])).toBe('frequency5');
  });
});
