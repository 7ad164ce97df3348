/**
 * What a draft makes of one column, from what the file says of it (the layout's id and
 * metadata columns, value labels) and its observed values:
 *
 * - `id`: the layout's respondent id, or a name such as id, ResponseId, Record ID, participant_id;
 * - `metadata`: the layout's platform metadata, or a name such as StartDate, IPAddress,
 *   Duration (in seconds), Progress, Finished, Status, Timestamp, `*_complete`;
 * - `labelled`: value labels (.sav, .dta): an ordinal item, yes/no, true/false, or nominal;
 * - `text-set`: text answers that all belong to a known label set (label-sets.ts);
 * - `true-false`, `yes-no`: text answers True/False/Don't know, Yes/No(/Don't know);
 * - `binary`: only 0 and 1 (a REDCap checkbox option, a ticked box);
 * - `numeric`: whole numbers spanning 1 to 10 (a rated item without labels);
 * - `group`: at most 12 short text values (40 characters at most), each given twice on average;
 * - `other`: anything else (free text, dates, wide numbers, a row-number sequence).
 */

import type { ColumnMeta } from '../../read/table-header.js';
import { parseNumber } from '../cell-coders.js';
import { normaliseLabel } from '../normalise-label.js';
import type { ColumnProfile } from './column-profile.js';
import { setsContaining, type LabelSet } from './label-sets.js';

/** A column's value labels with its user-missing codes left out, in code order. */
export interface ValueLabelList {
  codes: string[];
  labels: string[];
}

export type LabelledRole = 'ordinal' | 'yes-no' | 'true-false' | 'nominal';

export type ColumnKind =
  | { kind: 'id' }
  | { kind: 'metadata' }
  | { kind: 'labelled'; role: LabelledRole; valueLabels: ValueLabelList }
  | { kind: 'text-set'; sets: LabelSet[] }
  | { kind: 'true-false' }
  | { kind: 'yes-no' }
  | { kind: 'binary' }
  | { kind: 'numeric'; min: number; max: number }
  | { kind: 'group' }
  | { kind: 'other'; why: string };

/** Names are compared lower-cased with spaces and underscores removed: "Start Date" is "startdate". */
const compact = (name: string): string => name.trim().toLowerCase().replace(/[\s_]+/g, '');

const ID_NAME = /^(id|respondent|participant|subject|uuid|pid|caseid|responseid|respondentid|recordid|participantid|subjectid|userid)$/;
const ID_SUFFIX = /(^|[ _.-])id$/i;

const METADATA_NAME =
  /^(startdate|enddate|recordeddate|submitdate|datestamp|timestamp|date|time|ipaddress|ip|duration.*|progress|finished|status|distributionchannel|userlanguage|locationlatitude|locationlongitude|recipient(lastname|firstname|email)|externalreference|externaldatareference|collectorid|email|emailaddress|redcap.*|.*timestamp)$/;
const METADATA_SUFFIX = /_complete$/i;

/** Whether a column name is a respondent id's (id, ResponseId, Record ID, participant_id, ...). */
export function isIdName(name: string): boolean {
  return ID_NAME.test(compact(name)) || ID_SUFFIX.test(name.trim());
}

/** Whether a column name is a survey platform's metadata (StartDate, IP Address, Duration (in seconds), *_complete, ...). */
export function isMetadataName(name: string): boolean {
  return METADATA_NAME.test(compact(name)) || METADATA_SUFFIX.test(name.trim());
}

const YES_NO = new Set(['yes', 'no', "don't know", 'dont know', 'not sure']);
const TRUE_FALSE = new Set(['true', 'false', "don't know", 'dont know', 'do not know', 'not sure', 'unsure']);

/** Value labels with user-missing codes left out; codes in numeric order when they are all numbers. */
export function valueLabelList(meta: ColumnMeta): ValueLabelList | null {
  if (meta.valueLabels === null || meta.valueLabels.size === 0) return null;
  const range = meta.userMissingRange;
  const entries = [...meta.valueLabels].filter(([code]) => {
    if (meta.userMissing.includes(code)) return false;
    const n = parseNumber(code);
    return !(range !== null && n >= range[0] && n <= range[1]);
  });
  if (entries.every(([code]) => !Number.isNaN(parseNumber(code)))) entries.sort((a, b) => parseNumber(a[0]) - parseNumber(b[0]));
  return entries.length === 0 ? null : { codes: entries.map((e) => e[0]), labels: entries.map((e) => e[1]) };
}

/** Which role a value-label set plays: yes/no, true/false, an ordinal response set, or nominal categories. */
export function labelledRole(list: ValueLabelList): LabelledRole {
  const labels = list.labels.map(normaliseLabel);
  if (labels.every((l) => YES_NO.has(l)) && labels.includes('yes')) return 'yes-no';
  if (labels.every((l) => TRUE_FALSE.has(l)) && (labels.includes('true') || labels.includes('false'))) return 'true-false';
  if (!list.codes.every((c) => Number.isFinite(parseNumber(c)))) return 'nominal';
  return labels.length >= 3 || setsContaining(list.labels).length > 0 ? 'ordinal' : 'nominal';
}

export interface ColumnContext {
  meta: ColumnMeta;
  /** The layout named this column its respondent id. */
  isLayoutId: boolean;
  /** The layout named this column platform metadata. */
  isLayoutMetadata: boolean;
}

export function classifyColumn(profile: ColumnProfile, context: ColumnContext): ColumnKind {
  if (context.isLayoutId) return { kind: 'id' };
  if (context.isLayoutMetadata || isMetadataName(profile.name)) return { kind: 'metadata' };
  if (isIdName(profile.name)) return { kind: 'id' };
  const list = valueLabelList(context.meta);
  if (list !== null) return classifyLabelled(profile, list);
  const values = profile.values;
  if (values.length === 0) return { kind: 'other', why: 'no answers' };
  if (profile.overflow) return { kind: 'other', why: `more than ${values.length} distinct values` };
  const sets = setsContaining(values);
  if (sets.length > 0) return { kind: 'text-set', sets };
  const lower = values.map(normaliseLabel);
  if (lower.every((v) => TRUE_FALSE.has(v)) && lower.some((v) => v === 'true' || v === 'false')) return { kind: 'true-false' };
  if (lower.every((v) => YES_NO.has(v)) && lower.includes('yes')) return { kind: 'yes-no' };
  const numbers = values.map(parseNumber);
  if (numbers.every((n) => Number.isFinite(n))) {
    if (profile.sequential && profile.answered >= 3) return { kind: 'other', why: 'runs 1, 2, 3, ...: a row number' };
    if (numbers.every((n) => n === 0 || n === 1) && numbers.length === 2) return { kind: 'binary' };
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    if (numbers.every(Number.isInteger) && max - min >= 1 && max - min <= 10) return { kind: 'numeric', min, max };
    return { kind: 'other', why: 'numbers that are not a short range of whole numbers' };
  }
  if (values.length >= 2 && values.length <= 12 && profile.answered >= 2 * values.length && values.every((v) => v.length <= 40 && !v.includes('\n'))) {
    return { kind: 'group' };
  }
  return { kind: 'other', why: 'text that is not a known answer set' };
}

function classifyLabelled(profile: ColumnProfile, list: ValueLabelList): ColumnKind {
  const role = labelledRole(list);
  const labelled = new Set(list.codes);
  const unlabelled = profile.values.filter((v) => !labelled.has(v));
  if (role !== 'nominal' && unlabelled.some((v) => !Number.isFinite(parseNumber(v)))) {
    return { kind: 'other', why: 'values that are neither labelled codes nor numbers' };
  }
  if (profile.sequential && profile.answered >= 3 && profile.overflow) return { kind: 'other', why: 'runs 1, 2, 3, ...: a row number' };
  return { kind: 'labelled', role, valueLabels: list };
}
