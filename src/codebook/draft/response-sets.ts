/**
 * The response sets of a draft, by name: a known label set under its own name (agree5, ...),
 * a file's value-label set under the known name its labels have, else set1, set2, ...
 * Items that carry the same value labels (same code → label pairs) share one set; two
 * different sets never share a name (the second agree5 becomes agree5_2).
 */

import type { ValueLabelList } from './column-kind.js';
import { normaliseLabel } from '../normalise-label.js';
import { knownSetName, responseMap, type LabelSet } from './label-sets.js';

export class ResponseSets {
  readonly sets: Record<string, Record<string, number>> = {};
  private readonly bySignature = new Map<string, string>();
  private unnamed = 0;

  /** The name of a known label set, added on first use. */
  known(labelSet: LabelSet): string {
    return this.add(`known\u0000${labelSet.name}`, labelSet.name, () => responseMap(labelSet));
  }

  /** The name of a value-label set (numeric codes), added on first use. */
  fromValueLabels(list: ValueLabelList): string {
    const signature = `labels\u0000${JSON.stringify([list.codes, list.labels])}`;
    const known = knownSetName(list.labels) ?? binarySetName(list.labels);
    return this.add(signature, known ?? null, () => valueLabelMap(list));
  }

  private add(signature: string, base: string | null, map: () => Record<string, number>): string {
    const existing = this.bySignature.get(signature);
    if (existing) return existing;
    let name = base ?? `set${++this.unnamed}`;
    for (let n = 2; name in this.sets; n++) name = base ? `${base}_${n}` : `set${++this.unnamed}`;
    this.sets[name] = map();
    this.bySignature.set(signature, name);
    return name;
  }
}

/** "true_false" for True/False(/Don't know) labels, "yes_no" for Yes/No(/Don't know), else null. */
export function binarySetName(labels: string[]): string | null {
  const words = new Set(labels.map((l) => normaliseLabel(l)).filter((l) => !DONT_KNOW.has(l)));
  const is = (a: string, b: string): boolean => words.size === 2 && words.has(a) && words.has(b);
  return is('true', 'false') ? 'true_false' : is('yes', 'no') ? 'yes_no' : null;
}

const DONT_KNOW = new Set(["don't know", 'dont know', 'do not know', 'not sure', 'unsure']);

/**
 * Label → numeric code. A label given to two codes keeps the first; the others are written
 * "<label> (<code>)" so that no code is lost.
 */
export function valueLabelMap(list: ValueLabelList): Record<string, number> {
  const map: Record<string, number> = {};
  const seen = new Set<string>();
  list.codes.forEach((code, i) => {
    const label = list.labels[i].trim() === '' ? code : list.labels[i].trim();
    const key = seen.has(label.toLowerCase()) ? `${label} (${code})` : label;
    seen.add(label.toLowerCase());
    map[key] = Number(code);
  });
  return map;
}
