/**
 * Items into scales: columns answered on the same kind of response (`responseKey`) belong
 * together when they share a question stem ("<question> - <statement>", "<question> [<row>]"),
 * and otherwise when they share a name stem (pk1..pk9 → pk, Q1_1..Q1_6 → Q1). A column
 * numbered like Q1_1 also keeps its name stem beside the question stem, so that two matrix
 * questions with the same wording stay apart. Groups keep the columns' order of first appearance.
 */

import { normaliseLabel } from '../normalise-label.js';
import { nameStem, questionParts } from './item-stem.js';

export interface ItemCandidate {
  column: string;
  /** The column's question wording, or null. */
  label: string | null;
  /** Items answer alike only when this is equal: a label set's family, a value-label set, "numeric". */
  responseKey: string;
}

export interface ItemGroup {
  responseKey: string;
  /** The scale id to draft: the shared name stem, else a slug of the question, else the first item's name. */
  stem: string;
  /** The shared question wording, or null. */
  question: string | null;
  items: string[];
  /** Item → its wording: the row of a matrix question, or the whole label. */
  itemLabels: Record<string, string>;
}

export function groupItems(candidates: ItemCandidate[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const candidate of candidates) {
    const parts = questionParts(candidate.label);
    const byName = nameStem(candidate.column);
    const key = parts
      ? `${candidate.responseKey}\u0000q\u0000${normaliseLabel(parts.stem)}\u0000${(byName ?? '').toLowerCase()}`
      : `${candidate.responseKey}\u0000n\u0000${(byName ?? candidate.column).toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      group = { responseKey: candidate.responseKey, stem: byName ?? (parts ? slug(parts.stem) : candidate.column), question: parts?.stem ?? null, items: [], itemLabels: {} };
      groups.set(key, group);
    }
    group.items.push(candidate.column);
    const wording = parts ? parts.row : candidate.label?.trim();
    if (wording) group.itemLabels[candidate.column] = wording;
  }
  return [...groups.values()];
}

/** A short id from a question's words: "How often do you feel tired?" → "how_often_do_you". */
export function slug(text: string): string {
  const words = normaliseLabel(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  let id = '';
  for (const word of words) {
    if (id.length > 0 && id.length + word.length + 1 > 24) break;
    id = id ? `${id}_${word}` : word.slice(0, 24);
  }
  return id || 'question';
}
