/**
 * The answer label sets a draft recognises in a CSV's text cells: the agreement, frequency,
 * extent (confidence), satisfaction and likelihood scales of the survey platforms' defaults
 * (Qualtrics' 5- and 7-point agreement with "Somewhat agree", its "Extremely satisfied ...",
 * and the common "Never ... Always" and "Not at all ... Extremely" sets). Labels are listed in
 * code order: the first is 1. `aliases` are other labels for one of the codes ("Neutral" for
 * the midpoint). Extent labels may carry a shared trailing word ("Not at all confident", ...
 * "Extremely confident"); the set is then drafted with that word.
 */

import { normaliseLabel } from '../normalise-label.js';

export interface LabelSet {
  /** The response set's name in a draft: agree5, frequency5, ... */
  name: string;
  /** In code order: labels[0] is code 1. */
  labels: string[];
  /** Other labels of a code, e.g. "Neutral" → 3. */
  aliases: Record<string, number>;
}

const set = (name: string, labels: string[], aliases: Record<string, number> = {}): LabelSet => ({ name, labels, aliases });

/** Known sets, smallest and most common first: a column that fits several gets the first. */
export const KNOWN_LABEL_SETS: readonly LabelSet[] = [
  set('agree5', ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'], { Neutral: 3, 'Neither disagree nor agree': 3 }),
  set('agree5_somewhat', ['Strongly disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Strongly agree'], { Neutral: 3 }),
  set('agree7', ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'], { Neutral: 4 }),
  set('agree4', ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree']),
  set('frequency5', ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'], { 'Very often': 5 }),
  set('frequency5_half', ['Never', 'Sometimes', 'About half the time', 'Most of the time', 'Always']),
  set('extent5', ['Not at all', 'Slightly', 'Moderately', 'Very', 'Extremely']),
  set('extent5_little', ['Not at all', 'A little', 'Moderately', 'Quite a bit', 'Extremely']),
  set('extent3', ['Not at all', 'Somewhat', 'Very']),
  set('satisfaction5', ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'], { Neutral: 3 }),
  set('satisfaction5_somewhat', ['Extremely dissatisfied', 'Somewhat dissatisfied', 'Neither satisfied nor dissatisfied', 'Somewhat satisfied', 'Extremely satisfied']),
  set('satisfaction7', [
    'Extremely dissatisfied', 'Moderately dissatisfied', 'Slightly dissatisfied', 'Neither satisfied nor dissatisfied',
    'Slightly satisfied', 'Moderately satisfied', 'Extremely satisfied',
  ]),
  set('likelihood5', ['Very unlikely', 'Unlikely', 'Neither likely nor unlikely', 'Likely', 'Very likely'], { Neutral: 3 }),
  set('likelihood5_somewhat', ['Extremely unlikely', 'Somewhat unlikely', 'Neither likely nor unlikely', 'Somewhat likely', 'Extremely likely']),
];

/** Names for an extent set by its trailing word: "Not at all confident" ... is a confidence scale. */
const EXTENT_WORDS: Record<string, string> = { confident: 'confidence', important: 'importance', likely: 'likelihood', familiar: 'familiarity', satisfied: 'satisfaction' };

/** Every label of a set with its code (labels and aliases), as normaliseLabel leaves them. */
export function labelCodes(labelSet: LabelSet): Map<string, number> {
  const codes = new Map<string, number>();
  labelSet.labels.forEach((label, i) => codes.set(normaliseLabel(label), i + 1));
  for (const [label, code] of Object.entries(labelSet.aliases)) codes.set(normaliseLabel(label), code);
  return codes;
}

/** A set's response map for a codebook: label → code, labels as written, aliases included. */
export function responseMap(labelSet: LabelSet): Record<string, number> {
  const map: Record<string, number> = {};
  labelSet.labels.forEach((label, i) => (map[label] = i + 1));
  Object.assign(map, labelSet.aliases);
  return map;
}

/** An extent set with a trailing word on every label: "Not at all" → "Not at all confident". */
function withWord(labelSet: LabelSet, word: string): LabelSet {
  const name = `${EXTENT_WORDS[word] ?? `extent_${word}`}${labelSet.labels.length}${labelSet.name.slice('extent5'.length)}`;
  return { name, labels: labelSet.labels.map((l) => `${l} ${word}`), aliases: {} };
}

/** The trailing word every value shares ("confident"), or null. */
function sharedLastWord(values: string[]): string | null {
  const words = values.map((v) => /\s(\p{L}+)$/u.exec(normaliseLabel(v))?.[1] ?? null);
  const first = words[0];
  return first && words.every((w) => w === first) ? first : null;
}

/**
 * The known sets whose labels include every value (compared as normaliseLabel leaves them), in
 * KNOWN_LABEL_SETS order; extent sets are also tried with the values' shared trailing word.
 * Empty when no set fits or there are no values.
 */
export function setsContaining(values: string[]): LabelSet[] {
  if (values.length === 0) return [];
  const normal = values.map(normaliseLabel);
  const word = sharedLastWord(values);
  const fits: LabelSet[] = [];
  for (const known of KNOWN_LABEL_SETS) {
    const candidates = known.name.startsWith('extent') && word ? [known, withWord(known, word)] : [known];
    for (const candidate of candidates) {
      const codes = labelCodes(candidate);
      if (normal.every((v) => codes.has(v))) fits.push(candidate);
    }
  }
  return fits;
}

/**
 * The name of a known set whose labels, in code order, are `labels` (compared as normaliseLabel
 * leaves them; aliases not counted), or null: the name a .sav's value-label set is drafted under.
 */
export function knownSetName(labels: string[]): string | null {
  const normal = labels.map(normaliseLabel);
  for (const known of KNOWN_LABEL_SETS) {
    const word = known.name.startsWith('extent') ? sharedLastWord(labels) : null;
    const candidate = word ? withWord(known, word) : known;
    const own = candidate.labels.map(normaliseLabel);
    if (own.length === normal.length && own.every((l, i) => l === normal[i])) return candidate.name;
  }
  return null;
}
