/**
 * A draft codebook as YAML with comments: the header (what to check, how to check it), the
 * draft's notes (what was left out and why), and under each scale its own notes and the
 * suggested reverse-keyed items, written as a commented `reverse:` line so that nothing is
 * reversed until the analyst uncomments it.
 */

import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { ReverseCheck } from './reverse-key-suggestion.js';

export const DRAFT_HEADER = [
  'Draft codebook written by `survey-analyze codebook init`. Check every entry:',
  'item groupings, reverse-keyed items (add them under `reverse`), answer keys,',
  'and which answers count as positive. Then: survey-analyze codebook check <this file>',
];

export interface DraftComments {
  /** Lines for the top, after the header. */
  notes: string[];
  /** Lines under a scale, by scale id. */
  scaleNotes: Record<string, string[]>;
  /** The reverse-key check of each scale, by scale id. */
  reverse: Map<string, ReverseCheck>;
  /** Said with every suggestion when the check saw only some of the rows, e.g. "the first 10000 of 25000 rows". */
  sampled: string | null;
}

export function draftYaml(codebook: Record<string, unknown>, comments: DraftComments): string {
  const doc = new Document(codebook);
  doc.commentBefore = [...DRAFT_HEADER, ...(comments.notes.length > 0 ? ['', ...comments.notes] : [])].map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  const scales = doc.get('scales');
  if (isSeq(scales)) {
    for (const node of scales.items) {
      if (!isMap(node)) continue;
      const idNode = node.get('id', true);
      const id = isScalar(idNode) ? String(idNode.value) : '';
      const lines = [...(comments.scaleNotes[id] ?? []), ...reverseLines(comments.reverse.get(id), comments.sampled)];
      if (lines.length > 0) node.comment = lines.map((l) => ` ${l}`).join('\n');
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The commented `reverse:` suggestion of one scale, and which items could not be checked. */
export function reverseLines(check: ReverseCheck | undefined, sampled: string | null): string[] {
  if (check === undefined) return [];
  const lines: string[] = [];
  const on = sampled ? `, on ${sampled}` : '';
  if (check.reverse.length > 0) {
    lines.push(`reverse: [${check.reverse.map(flowName).join(', ')}]   # suggested: loads negatively on the first principal component (psych check.keys${on})`);
  }
  if (check.unchecked.length > 0) lines.push(`not checked for reverse keying (a correlation is undefined): ${check.unchecked.join(', ')}`);
  return lines;
}

/** An item name as a YAML flow sequence may hold it: plain when safe, else double-quoted. */
function flowName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}
