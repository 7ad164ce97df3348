/**
 * A first codebook for a file nobody has described yet, from what the file says of its columns
 * (the layout's id and metadata columns, question wording, value labels, user-missing codes)
 * and from each column's observed values:
 *
 * - the id is the layout's respondent id (ResponseId, Respondent ID, record_id), else a column
 *   named like one, else a column that runs 1, 2, 3, ...; platform metadata is left out;
 * - items answered alike (one known label set family, one value-label set, whole numbers) are
 *   grouped by question stem and name stem (group-items.ts); a group of two or more is a scale
 *   (mean score), a True/False group a knowledge scale (sum score) whose key is to be checked;
 *   a group of one is left out, with a note;
 * - Yes/No columns become prevalence entries; short categorical columns and labelled nominal
 *   variables become groups;
 * - user-missing codes join `missing`, unless a drafted item uses the code as an answer.
 *
 * The result is plain data plus notes (comments for the YAML): the analyst edits it.
 */

import type { TableHeader } from '../../read/table-header.js';
import { parseNumber } from '../cell-coders.js';
import { classifyColumn, type ColumnKind, type ValueLabelList } from './column-kind.js';
import { DRAFT_MISSING, type ColumnProfile } from './column-profile.js';
import { groupItems, slug, type ItemCandidate, type ItemGroup } from './group-items.js';
import { nameStem } from './item-stem.js';
import { setsContaining, type LabelSet } from './label-sets.js';
import { ResponseSets } from './response-sets.js';

export interface Draft {
  codebook: Record<string, unknown>;
  /** Comments for the top of the codebook, one line each. */
  notes: string[];
  /** Comments for a scale, by scale id. */
  scaleNotes: Record<string, string[]>;
}

/** Longest label or question text written into a draft. */
const MAX_LABEL = 120;
/** Column names listed in one note before "and n more". */
const LISTED = 10;

export function draftCodebook(header: TableHeader, profiles: ColumnProfile[], title: string): Draft {
  const kinds = header.columns.map((name, c) =>
    classifyColumn(profiles[c], {
      meta: header.meta[c],
      isLayoutId: header.idColumn === name,
      isLayoutMetadata: header.metadataColumns.includes(name),
    }),
  );
  const notes: string[] = [];
  if (profiles.length > 0 && profiles.every((p) => p.answered === 0)) {
    notes.push('the file has no answers (no data rows, or every cell empty): nothing below is drafted from answers; export the responses and run init again');
  }
  if (header.weightColumn) {
    notes.push(`the file is weighted by "${header.weightColumn}" (SPSS WEIGHT BY): survey-analyze does not weight, so every figure will be unweighted`);
  }
  const scaleNotes: Record<string, string[]> = {};
  const id = chooseId(header, profiles, kinds);
  const leftOut = new Map<string, string[]>();
  const leave = (why: string, column: string): void => void leftOut.set(why, [...(leftOut.get(why) ?? []), column]);

  const sets = new ResponseSets();
  const scaleIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let name = base;
    for (let n = 2; scaleIds.has(name); n++) name = `${base}_${n}`;
    scaleIds.add(name);
    return name;
  };
  const labelOf = (column: string): string | null => header.meta[header.columns.indexOf(column)]?.label?.trim() || null;
  const kindOf = (column: string): ColumnKind => kinds[header.columns.indexOf(column)];
  const profileOf = (column: string): ColumnProfile => profiles[header.columns.indexOf(column)];

  const candidates: ItemCandidate[] = [];
  const groups: string[] = [];
  const prevalence: Record<string, unknown>[] = [];
  const prevalenceIds = new Set<string>();
  header.columns.forEach((column, c) => {
    const kind = kinds[c];
    if (column === id) return;
    if (column.trim() === '') return leave('no column name', `column ${c + 1}`);
    const key = responseKey(kind);
    if (key !== null) {
      candidates.push({ column, label: labelOf(column), responseKey: key });
      return;
    }
    if (kind.kind === 'yes-no' || kind.kind === 'binary' || (kind.kind === 'labelled' && kind.role === 'yes-no')) {
      const base = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(column) ? column : slug(column);
      let entryId = base;
      for (let n = 2; prevalenceIds.has(entryId); n++) entryId = `${base}_${n}`;
      prevalenceIds.add(entryId);
      prevalence.push({ id: entryId, label: bounded(labelOf(column) ?? column), column, positive: positiveOf(kind) });
    } else if (kind.kind === 'group' || (kind.kind === 'labelled' && kind.role === 'nominal' && kind.valueLabels.codes.length <= 12)) {
      groups.push(column);
    } else if (kind.kind === 'id') leave('another id column', column);
    else if (kind.kind === 'metadata') leave('platform metadata', column);
    else if (kind.kind === 'labelled') leave('more than 12 value labels', column);
    else if (kind.kind === 'other') leave(kind.why, column);
  });

  const scales: Record<string, unknown>[] = [];
  const grouped = mergeAdjacentSingles(splitTextGroups(groupItems(candidates), (column) => kindOf(column), profileOf), header.columns);
  for (const group of grouped) {
    const first = kindOf(group.items[0]);
    if (group.items.length < 2) {
      // A labelled variable of its own with categories that are no rating scale is a grouping variable.
      if (first.kind === 'labelled' && first.role === 'ordinal' && first.valueLabels.codes.length <= 12 && setsContaining(first.valueLabels.labels).length === 0) {
        groups.push(group.items[0]);
      } else leave('one item, not a scale: add it to a scale or to prevalence by hand', group.items[0]);
      continue;
    }
    const scale = draftScale(group, first, group.items.map(profileOf), sets, uniqueId);
    if (scale === null) {
      for (const item of group.items) leave('answers that span no range', item);
      continue;
    }
    scales.push(scale.entry);
    if (group.adjacent) scale.notes.unshift('grouped because adjacent columns share one answer set and no stem: check the grouping');
    if (scale.notes.length > 0) scaleNotes[scale.entry.id as string] = scale.notes;
  }

  const missing = draftMissing(header, kinds, scales, notes);
  for (const [why, columns] of leftOut) notes.push(`left out (${why}): ${listed(columns)}`);

  const codebook: Record<string, unknown> = { title };
  if (id !== null) codebook.id = id;
  codebook.missing = missing;
  if (Object.keys(sets.sets).length > 0) codebook.responseSets = sets.sets;
  codebook.scales = scales;
  codebook.prevalence = prevalence;
  codebook.groups = groups;
  return { codebook, notes, scaleNotes };
}

/** The layout's id column, else the first column named like an id, else the first that runs 1, 2, 3, .... */
function chooseId(header: TableHeader, profiles: ColumnProfile[], kinds: ColumnKind[]): string | null {
  if (header.idColumn !== null && header.columns.includes(header.idColumn)) return header.idColumn;
  const named = kinds.findIndex((k) => k.kind === 'id');
  if (named >= 0) return header.columns[named];
  const running = profiles.findIndex((p, c) => p.sequential && p.answered >= 3 && kinds[c].kind !== 'metadata');
  return running >= 0 ? header.columns[running] : null;
}

/** What items must share to form one scale, or null when the column is no item. */
function responseKey(kind: ColumnKind): string | null {
  switch (kind.kind) {
    case 'text-set':
      return `text\u0000${family(kind.sets[0])}`;
    case 'numeric':
      return 'numeric';
    case 'true-false':
      return 'true-false';
    case 'labelled':
      if (kind.role !== 'ordinal' && kind.role !== 'true-false') return null;
      return `labels\u0000${kind.role}\u0000${JSON.stringify([kind.valueLabels.codes, kind.valueLabels.labels])}`;
    default:
      return null;
  }
}

/** A label set's family: agree5_somewhat → agree, frequency5 → frequency. */
function family(labelSet: LabelSet): string {
  return labelSet.name.replace(/\d.*$/, '');
}

/**
 * Text items of one family answer alike only when one known set holds all their answers
 * ({Agree, Somewhat agree} → agree7); otherwise the group is split by each item's own set.
 */
function splitTextGroups(groups: ItemGroup[], kindOf: (column: string) => ColumnKind, profileOf: (column: string) => ColumnProfile): ItemGroup[] {
  return groups.flatMap((group) => {
    if (!group.responseKey.startsWith('text\u0000')) return [group];
    if (setsContaining(group.items.flatMap((item) => profileOf(item).values)).length > 0) return [group];
    const bySet = new Map<string, ItemGroup>();
    for (const item of group.items) {
      const kind = kindOf(item);
      const name = kind.kind === 'text-set' ? kind.sets[0].name : '';
      const part = bySet.get(name) ?? { ...group, items: [], itemLabels: {} };
      part.items.push(item);
      if (group.itemLabels[item] !== undefined) part.itemLabels[item] = group.itemLabels[item];
      bySet.set(name, part);
    }
    return [...bySet.values()];
  });
}

function draftScale(
  group: ItemGroup,
  kind: ColumnKind,
  profiles: ColumnProfile[],
  sets: ResponseSets,
  uniqueId: (base: string) => string,
): { entry: Record<string, unknown>; notes: string[] } | null {
  const notes: string[] = [];
  const base = { label: bounded(group.question ?? group.stem), items: group.items, ...(Object.keys(group.itemLabels).length > 0 ? { itemLabels: group.itemLabels } : {}) };
  if (kind.kind === 'text-set') {
    const labelSet = setsContaining(profiles.flatMap((p) => p.values))[0] ?? kind.sets[0];
    return { entry: { id: uniqueId(group.stem), ...base, responses: sets.known(labelSet), score: 'mean' }, notes };
  }
  if (kind.kind === 'true-false') {
    notes.push('knowledge scale: every answer is keyed "True"; put the correct answers in `key`');
    const key = Object.fromEntries(group.items.map((item) => [item, 'True']));
    return { entry: { id: uniqueId(`${group.stem}_knowledge`), ...base, key, score: 'sum' }, notes };
  }
  if (kind.kind === 'numeric') {
    const numbers = profiles.flatMap((p) => p.values.map(parseNumber));
    notes.push('range: the lowest and highest answers seen; widen it to the whole scale if some answers were never given');
    return { entry: { id: uniqueId(group.stem), ...base, range: [Math.min(...numbers), Math.max(...numbers)], score: 'mean' }, notes };
  }
  if (kind.kind !== 'labelled') return null;
  const responses = sets.fromValueLabels(kind.valueLabels);
  if (kind.role === 'true-false') {
    const trueLabel = kind.valueLabels.labels.find((l) => l.trim().toLowerCase() === 'true') ?? kind.valueLabels.labels[0];
    notes.push(`knowledge scale: every answer is keyed "${trueLabel.trim()}"; put the correct answers in \`key\``);
    const key = Object.fromEntries(group.items.map((item) => [item, trueLabel.trim()]));
    return { entry: { id: uniqueId(`${group.stem}_knowledge`), ...base, responses, key, score: 'sum' }, notes };
  }
  const range = labelledRange(kind.valueLabels, profiles);
  if (range === null) return null;
  return { entry: { id: uniqueId(group.stem), ...base, responses, range, score: 'mean' }, notes };
}

/** The range of a labelled item: its labelled codes and any other numbers answered; null when they span nothing. */
function labelledRange(list: ValueLabelList, profiles: ColumnProfile[]): [number, number] | null {
  const numbers = [...list.codes, ...profiles.flatMap((p) => p.values)].map(parseNumber).filter(Number.isFinite);
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  return numbers.length > 0 && max > min ? [min, max] : null;
}

/**
 * Microsoft Forms and hand-made CSVs name a grid's rows by their statements alone: single items
 * with neither a name stem nor a question stem, in adjacent columns, on one labelled answer set (a
 * known label set or value labels; bare numbers say too little), make one group.
 */
function mergeAdjacentSingles(groups: ItemGroup[], columns: string[]): (ItemGroup & { adjacent?: boolean })[] {
  const merged: (ItemGroup & { adjacent?: boolean })[] = [];
  const alone = (g: ItemGroup): boolean =>
    g.items.length === 1 && g.question === null && nameStem(g.items[0]) === null && (g.responseKey.startsWith('text\u0000') || g.responseKey.startsWith('labels\u0000'));
  for (const group of groups) {
    const last = merged[merged.length - 1];
    if (last?.adjacent !== undefined && alone(group) && last.responseKey === group.responseKey &&
      columns.indexOf(group.items[0]) === columns.indexOf(last.items[last.items.length - 1]) + 1) {
      last.items.push(group.items[0]);
      Object.assign(last.itemLabels, group.itemLabels);
      last.adjacent = true;
      continue;
    }
    merged.push(alone(group) ? { ...group, items: [...group.items], itemLabels: { ...group.itemLabels }, stem: slug(group.items[0]), adjacent: false } : group);
  }
  return merged.map((g) => (g.adjacent === false ? { ...g, stem: g.items[0], adjacent: undefined } : g));
}

/** A prevalence entry's positive answer: "Yes", 1 for a 0/1 column, or the code labelled Yes. */
function positiveOf(kind: ColumnKind): (string | number)[] {
  if (kind.kind === 'binary') return [1];
  if (kind.kind !== 'labelled') return ['Yes'];
  const at = kind.valueLabels.labels.findIndex((l) => l.trim().toLowerCase() === 'yes');
  const code = parseNumber(kind.valueLabels.codes[at]);
  return Number.isFinite(code) ? [code] : [kind.valueLabels.labels[at].trim()];
}

/**
 * `missing`: the empty cell, NA, and every user-missing code of the file (a range of at most
 * 100 whole numbers written out), except a code that is an answer of a drafted scale.
 */
function draftMissing(header: TableHeader, kinds: ColumnKind[], scales: Record<string, unknown>[], notes: string[]): string[] {
  const declared = new Set<string>();
  const tooWide = new Map<string, string[]>();
  header.meta.forEach((meta, c) => {
    for (const code of meta.userMissing) declared.add(code.trim());
    const range = meta.userMissingRange;
    if (range === null) return;
    const [low, high] = [Math.ceil(range[0]), Math.floor(range[1])];
    if (high - low <= 100) for (let n = low; n <= high; n++) declared.add(String(n));
    else tooWide.set(rangeText(range), [...(tooWide.get(rangeText(range)) ?? []), header.columns[c]]);
  });
  for (const [range, columns] of tooWide) {
    notes.push(`user-missing range ${range} of ${listed(columns)} is too wide to list under \`missing\`: ` +
      'its values are read as missing anyway; only with --keep-user-missing add the codes used by hand');
  }
  const answers = new Set<string>();
  for (const scale of scales) {
    for (const item of scale.items as string[]) {
      const kind = kinds[header.columns.indexOf(item)];
      if (kind.kind === 'labelled') for (const code of kind.valueLabels.codes) answers.add(code);
    }
    const range = scale.range as [number, number] | undefined;
    if (range) for (const code of declared) if (parseNumber(code) >= range[0] && parseNumber(code) <= range[1]) answers.add(code);
  }
  const clash = [...declared].filter((code) => answers.has(code));
  if (clash.length > 0) notes.push(`user-missing codes that are answers of a drafted scale, not put under \`missing\`: ${clash.join(', ')}`);
  return [...new Set([...DRAFT_MISSING, ...[...declared].filter((code) => !answers.has(code) && code !== '')])];
}

/** A user-missing range as SPSS writes it: "LOWEST THRU -1", "1 THRU HIGHEST", "97 THRU 99". */
function rangeText([low, high]: [number, number]): string {
  return `${low === -Infinity ? 'LOWEST' : low} THRU ${high === Infinity ? 'HIGHEST' : high}`;
}

function bounded(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= MAX_LABEL ? text.trim() : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

function listed(columns: string[]): string {
  const shown = columns.slice(0, LISTED).join(', ');
  return columns.length > LISTED ? `${shown} and ${columns.length - LISTED} more` : shown;
}
