import type { Codebook, Prevalence, ResponseMap, RowFilter, Scale } from './codebook.js';
import { isTinyCode, MIN_CODE, parseNumber } from './cell-coders.js';
import { normaliseLabel } from './normalise-label.js';
import { quoteList, quoteValue, shortText } from '../quote-value.js';

/** One thing wrong with a codebook, at a path such as `scales[0].reverse[1]`. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * A path as messages show it, `scales[0].responses.Agree`; a key from the codebook is shown
 * escaped and cut like every quoted value, so a 1 MB label never makes a 1 MB path.
 */
export function pathText(path: (string | number)[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const key = shortText(part, 40);
    return text ? `${text}.${key}` : key;
  }, '');
}

/** A mapping with no prototype: keys from the codebook ("constructor", "__proto__") are ordinary keys. */
function emptyMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

type Raw = Record<string, unknown>;

const TOP_KEYS = ['title', 'description', 'id', 'missing', 'responseSets', 'scales', 'prevalence', 'groups', 'include', 'exclude'];
const SCALE_KEYS = ['id', 'label', 'items', 'itemLabels', 'responses', 'range', 'reverse', 'key', 'score', 'minAnswered', 'nfactors'];
const PREVALENCE_KEYS = ['id', 'label', 'column', 'positive'];

/**
 * Check a parsed codebook (contract §2) and resolve it: response-set names to maps, labels
 * lower-cased, ranges and `minAnswered` filled in. Every problem is collected with its path,
 * so that one run of `codebook check` lists them all.
 */
export function validateCodebook(raw: unknown, fallbackTitle: string): { codebook: Codebook | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (path: (string | number)[], message: string): void => {
    problems.push({ path, message });
  };
  if (!isObject(raw)) {
    report([], 'a codebook must be a mapping (an object) with "scales" and/or "prevalence"');
    return { codebook: null, problems };
  }
  unknownKeys(raw, [], TOP_KEYS, report);

  const title = optionalString(raw, 'title', [], report) ?? fallbackTitle;
  const id = optionalString(raw, 'id', [], report);
  const missing = missingValues(raw.missing, report);
  const responseSets = readResponseSets(raw.responseSets, report);
  const rawSets = isObject(raw.responseSets) ? raw.responseSets : {};
  const scales = list(raw, 'scales', report).map((entry, i) => readScale(entry, ['scales', i], responseSets, rawSets, report));
  const prevalence = list(raw, 'prevalence', report).map((entry, i) => readPrevalence(entry, ['prevalence', i], report));
  const groups = stringList(raw.groups, ['groups'], report);
  const filters = [...readRowFilters(raw, 'include', report), ...readRowFilters(raw, 'exclude', report)];

  if (raw.scales === undefined && raw.prevalence === undefined) {
    report([], 'the codebook has neither "scales" nor "prevalence": there is nothing to analyse');
  }
  duplicateIds(scales, 'scales', report);
  duplicateIds(prevalence, 'prevalence', report);

  if (problems.length > 0) return { codebook: null, problems };
  return {
    codebook: { title, missing, responseSets, scales: scales as Scale[], prevalence: prevalence as Prevalence[], groups, id, filters },
    problems,
  };
}

type Report = (path: (string | number)[], message: string) => void;

/** A value as a message shows it: its JSON, escaped and cut like every quoted value. */
function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return shortText(text ?? String(value));
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${quoteValue(value)}`;
  return `${typeof value} ${shortText(String(value))}`;
}

function unknownKeys(obj: Raw, path: (string | number)[], allowed: string[], report: Report): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) report([...path, key], `unknown key ${quoteValue(key)}; expected one of: ${allowed.join(', ')}`);
  }
}

function optionalString(obj: Raw, key: string, path: (string | number)[], report: Report): string | null {
  const value = obj[key];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    report([...path, key], `must be a non-empty text, not ${describe(value)}`);
    return null;
  }
  return value.trim();
}

function list(obj: Raw, key: string, report: Report): unknown[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report([key], `must be a list, not ${describe(value)}`);
    return [];
  }
  return value;
}

function stringList(value: unknown, path: (string | number)[], report: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report(path, `must be a list of column names, not ${describe(value)}`);
    return [];
  }
  const names: string[] = [];
  value.forEach((entry, i) => {
    if (typeof entry !== 'string' || entry.trim() === '') report([...path, i], `must be a column name, not ${describe(entry)}`);
    else if (names.includes(entry.trim())) report([...path, i], `${quoteValue(entry)} is listed twice`);
    else names.push(entry.trim());
  });
  return names;
}

/** Cell values meaning "no answer", as trimmed text. The empty cell is always one of them. */
function missingValues(value: unknown, report: Report): string[] {
  if (value === undefined) return ['', 'NA'];
  if (!Array.isArray(value)) {
    report(['missing'], `must be a list of values, not ${describe(value)}`);
    return [''];
  }
  const values = new Set<string>(['']);
  value.forEach((entry, i) => {
    if (typeof entry === 'string' || typeof entry === 'number') values.add(String(entry).trim());
    else report(['missing', i], `must be a text or a number, not ${describe(entry)}`);
  });
  return [...values];
}

function readResponseMap(value: unknown, path: (string | number)[], report: Report): ResponseMap | null {
  if (!isObject(value) || Object.keys(value).length === 0) {
    report(path, `must be a non-empty mapping of label to code, not ${describe(value)}`);
    return null;
  }
  const map: ResponseMap = emptyMap();
  for (const [label, code] of Object.entries(value)) {
    const key = normaliseLabel(label);
    if (typeof code !== 'number' || !Number.isFinite(code)) {
      report([...path, label], `the code of ${quoteValue(label)} must be a number, not ${describe(code)}`);
    } else if (Math.abs(code) > MAX_CODE) {
      report([...path, label], `the code of ${quoteValue(label)} must be between -1e15 and 1e15, not ${code}`);
    } else if (isTinyCode(code)) {
      report([...path, label], `the code of ${quoteValue(label)} must be 0 or at least ${MIN_CODE} in magnitude, not ${code}`);
    } else if (Object.hasOwn(map, key)) {
      report([...path, label], `${quoteValue(label)} is listed twice (labels match case-insensitively)`);
    } else {
      map[key] = code;
    }
  }
  return map;
}

function readResponseSets(value: unknown, report: Report): Record<string, ResponseMap> {
  const sets: Record<string, ResponseMap> = emptyMap();
  if (value === undefined) return sets;
  if (!isObject(value)) {
    report(['responseSets'], `must be a mapping of set name to labels, not ${describe(value)}`);
    return sets;
  }
  for (const [name, map] of Object.entries(value)) {
    const resolved = readResponseMap(map, ['responseSets', name], report);
    if (resolved) sets[name] = resolved;
  }
  return sets;
}

function readScale(
  entry: unknown,
  path: (string | number)[],
  sets: Record<string, ResponseMap>,
  rawSets: Raw,
  report: Report,
): Partial<Scale> {
  if (!isObject(entry)) {
    report(path, `a scale must be a mapping, not ${describe(entry)}`);
    return {};
  }
  unknownKeys(entry, path, SCALE_KEYS, report);
  const id = optionalString(entry, 'id', path, report);
  if (id === null && entry.id === undefined) report([...path, 'id'], 'a scale needs an "id"');
  const label = optionalString(entry, 'label', path, report) ?? id ?? '';
  const where = id ? `scale ${quoteValue(id)}` : 'this scale';
  let itemProblems = 0;
  const reportItems: Report = (at, message) => {
    itemProblems++;
    report(at, message);
  };
  const items = stringList(entry.items, [...path, 'items'], reportItems);
  if (entry.items === undefined) reportItems([...path, 'items'], `${where} needs "items": a list of column names`);
  else if (Array.isArray(entry.items) && entry.items.length === 0) reportItems([...path, 'items'], `${where} has no items`);
  // When the items could not be read, what names an item (reverse, key, itemLabels, minAnswered)
  // cannot be checked against them: one problem is reported, not its consequences.
  const known: string[] | null = itemProblems === 0 ? items : null;

  const key = readKey(entry.key, [...path, 'key'], known, where, report);
  const responses = readScaleResponses(entry.responses, [...path, 'responses'], sets, report);
  if (key && responses) checkKeyAnswers(key, responses, [...path, 'key'], report);
  const range = readRange(entry, path, key !== null, responses, where, report);
  const reverse = stringList(entry.reverse, [...path, 'reverse'], report);
  reverse.forEach((item, i) => {
    if (known !== null && !known.includes(item)) report([...path, 'reverse', i], `${quoteValue(item)} is not an item of ${where}`);
  });
  const score = entry.score ?? 'mean';
  if (score !== 'mean' && score !== 'sum') report([...path, 'score'], `must be "mean" or "sum", not ${describe(score)}`);
  const minAnswered = readMinAnswered(entry.minAnswered, [...path, 'minAnswered'], known === null ? 0 : items.length, report);
  const itemLabels = readItemLabels(entry.itemLabels, [...path, 'itemLabels'], known, where, report);
  const nfactors = readNfactors(entry.nfactors, [...path, 'nfactors'], report);
  const rawResponses = typeof entry.responses === 'string' ? (Object.hasOwn(rawSets, entry.responses) ? rawSets[entry.responses] : undefined) : entry.responses;
  const responseLabels = labelsByCode(rawResponses);
  return {
    itemLabels,
    responseLabels,
    id: id ?? '',
    label,
    items,
    responses: responses ?? {},
    range: range ?? [0, 1],
    reverse,
    key,
    score: score as 'mean' | 'sum',
    minAnswered,
    ...(nfactors === undefined ? {} : { nfactors }),
  };
}

/** `nfactors`: the group factors of the scale's Schmid-Leiman omega, a whole number >= 1 (null: the --nfactors default). */
function readNfactors(value: unknown, path: (string | number)[], report: Report): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    report(path, `must be a whole number from 1 to 100 (the factors of omega hierarchical), not ${describe(value)}`);
    return undefined;
  }
  return value;
}

/** Code → the label as the codebook writes it (the first label of a code). */
function labelsByCode(responses: unknown): Record<number, string> {
  const labels: Record<number, string> = emptyMap();
  if (!isObject(responses)) return labels;
  for (const [label, code] of Object.entries(responses)) {
    if (typeof code === 'number' && !Object.hasOwn(labels, code)) labels[code] = label.trim();
  }
  return labels;
}

function readItemLabels(value: unknown, path: (string | number)[], items: string[] | null, where: string, report: Report): Record<string, string> {
  const labels: Record<string, string> = emptyMap();
  if (value === undefined) return labels;
  if (!isObject(value)) {
    report(path, `must be a mapping of item to its wording, not ${describe(value)}`);
    return labels;
  }
  for (const [item, text] of Object.entries(value)) {
    if (items !== null && !items.includes(item)) report([...path, item], `${quoteValue(item)} is not an item of ${where}`);
    else if (typeof text !== 'string') report([...path, item], `must be a text, not ${describe(text)}`);
    else labels[item] = text;
  }
  return labels;
}

function readScaleResponses(value: unknown, path: (string | number)[], sets: Record<string, ResponseMap>, report: Report): ResponseMap | null {
  if (value === undefined) return null;
  if (typeof value === 'string') {
    if (!Object.hasOwn(sets, value)) {
      const known = Object.keys(sets);
      report(path, `no response set named ${quoteValue(value)}${known.length ? `; defined: ${quoteList(known)}` : ' (responseSets is empty)'}`);
      return null;
    }
    return sets[value];
  }
  return readResponseMap(value, path, report);
}

/** With a response set, every correct answer must be one of its labels or codes (a typo would score every answer 0). */
function checkKeyAnswers(key: Record<string, string>, responses: ResponseMap, path: (string | number)[], report: Report): void {
  const codes = new Set(Object.values(responses));
  for (const [item, answer] of Object.entries(key)) {
    if (!Object.hasOwn(responses, answer) && !codes.has(parseNumber(answer))) {
      report([...path, item], `the correct answer ${quoteValue(answer)} is not an answer of the response set (${quoteList(Object.keys(responses))})`);
    }
  }
}

function readKey(value: unknown, path: (string | number)[], items: string[] | null, where: string, report: Report): Record<string, string> | null {
  if (value === undefined) return null;
  if (!isObject(value)) {
    report(path, `must be a mapping of item to its correct answer, not ${describe(value)}`);
    return null;
  }
  const key: Record<string, string> = emptyMap();
  for (const [item, answer] of Object.entries(value)) {
    if (items !== null && !items.includes(item)) report([...path, item], `${quoteValue(item)} is not an item of ${where}`);
    else if (typeof answer !== 'string' && typeof answer !== 'number' && typeof answer !== 'boolean') {
      report([...path, item], `the correct answer must be a text or a number, not ${describe(answer)}`);
    } else key[item] = normaliseLabel(String(answer));
  }
  const unanswered = (items ?? []).filter((item) => !Object.hasOwn(value, item));
  if (unanswered.length > 0) {
    report(path, `${unanswered.length === 1 ? `item ${quoteValue(unanswered[0])}` : `items ${quoteList(unanswered)}`} of ${where} ${unanswered.length === 1 ? 'has' : 'have'} no correct answer in the key`);
  }
  return key;
}

/**
 * The largest code magnitude: up to 1e15 every integer code is exact in a double, and the
 * squared deviations summed over a billion rows stay far from overflow.
 */
const MAX_CODE = 1e15;

function readRange(
  entry: Raw,
  path: (string | number)[],
  keyed: boolean,
  responses: ResponseMap | null,
  where: string,
  report: Report,
): [number, number] | null {
  const value = entry.range;
  if (keyed) {
    if (value !== undefined) report([...path, 'range'], `${where} is scored against a key (0/1): it takes no range`);
    return [0, 1];
  }
  const codes = responses ? Object.values(responses) : [];
  if (value === undefined) {
    if (codes.length === 0) {
      if (entry.responses === undefined) report(path, `${where} needs "responses", "range" or "key" to know its valid answers`);
      return null;
    }
    return [Math.min(...codes), Math.max(...codes)];
  }
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || value[0] >= value[1]) {
    report([...path, 'range'], `must be [min, max] with two numbers, min < max, not ${shown(value)}`);
    return null;
  }
  const [min, max] = value as [number, number];
  if (Math.abs(min) > MAX_CODE || Math.abs(max) > MAX_CODE) {
    report([...path, 'range'], `must lie between -1e15 and 1e15, not ${shown(value)}`);
    return null;
  }
  if (isTinyCode(min) || isTinyCode(max)) {
    report([...path, 'range'], `its limits must be 0 or at least ${MIN_CODE} in magnitude, not ${shown(value)}`);
    return null;
  }
  if (responses) {
    const outside = Object.entries(responses).filter(([, code]) => code < min || code > max);
    if (outside.length > 0) {
      const [label, code] = outside[0];
      const more = outside.length > 1 ? ` (and ${outside.length - 1} more)` : '';
      report([...path, 'responses'], `the code ${code} of ${quoteValue(label)} is outside range [${min}, ${max}]${more}`);
    }
  }
  return [min, max];
}

/** A count (a whole number >= 1) or a fraction of the items (0 < f < 1); default all items. */
function readMinAnswered(value: unknown, path: (string | number)[], k: number, report: Report): number {
  if (value === undefined) return Math.max(k, 1);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    report(path, `must be a count (a whole number >= 1) or a fraction (0 < f < 1), not ${describe(value)}`);
    return k;
  }
  if (value < 1) return Math.max(1, Math.ceil(value * k - 1e-9));
  if (!Number.isInteger(value)) {
    report(path, `must be a whole number when it is 1 or more, not ${value}`);
    return k;
  }
  if (k > 0 && value > k) report(path, `is ${value} but the scale has only ${k} items`);
  return value;
}

function readPrevalence(entry: unknown, path: (string | number)[], report: Report): Partial<Prevalence> {
  if (!isObject(entry)) {
    report(path, `a prevalence entry must be a mapping, not ${describe(entry)}`);
    return {};
  }
  unknownKeys(entry, path, PREVALENCE_KEYS, report);
  const id = optionalString(entry, 'id', path, report);
  if (id === null && entry.id === undefined) report([...path, 'id'], 'a prevalence entry needs an "id"');
  const column = optionalString(entry, 'column', path, report);
  if (column === null && entry.column === undefined) report([...path, 'column'], 'a prevalence entry needs a "column"');
  let matched = { text: [] as string[], codes: [] as number[] };
  const positive = entry.positive;
  if (positive === undefined) {
    report([...path, 'positive'], 'a prevalence entry needs "positive": a list of the values that count as positive');
  } else if (!Array.isArray(positive) || positive.length === 0) {
    report([...path, 'positive'], `must be a non-empty list of the values that count as positive, not ${describe(positive)}`);
  } else {
    matched = matchValues(positive, [...path, 'positive'], report);
  }
  const positiveText = matched.text;
  const positiveCodes = matched.codes;
  return { id: id ?? '', label: optionalString(entry, 'label', path, report) ?? id ?? '', column: column ?? '', positiveText, positiveCodes };
}

/**
 * Values a cell is compared with, as `positive` and `include`/`exclude` compare them: a number is
 * both a code and its text; a text (or true/false) is compared case-insensitively after trimming.
 */
function matchValues(values: unknown[], path: (string | number)[], report: Report): { text: string[]; codes: number[] } {
  const text: string[] = [];
  const codes: number[] = [];
  values.forEach((value, i) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      codes.push(value);
      text.push(String(value));
    } else if (typeof value === 'string' || typeof value === 'boolean') text.push(normaliseLabel(String(value)));
    else report([...path, i], `must be a text or a number, not ${describe(value)}`);
  });
  return { text, codes };
}

/** `include` / `exclude`: a mapping of column → the values that keep (include) or drop (exclude) a row. */
function readRowFilters(raw: Raw, kind: 'include' | 'exclude', report: Report): RowFilter[] {
  const value = raw[kind];
  if (value === undefined) return [];
  if (!isObject(value) || Object.keys(value).length === 0) {
    report([kind], `must be a mapping of column name to a list of values, not ${describe(value)}`);
    return [];
  }
  const filters: RowFilter[] = [];
  for (const [column, values] of Object.entries(value)) {
    const path = [kind, column];
    if (column.trim() === '') report(path, 'the column name is empty');
    else if (!Array.isArray(values) || values.length === 0) report(path, `must be a non-empty list of values, not ${describe(values)}`);
    else {
      const matched = matchValues(values, path, report);
      filters.push({ kind, column: column.trim(), values: values.map((v) => (typeof v === 'number' ? v : String(v))), text: matched.text, codes: matched.codes });
    }
  }
  return filters;
}

function duplicateIds(entries: { id?: string }[], key: string, report: Report): void {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (!entry.id) return;
    if (seen.has(entry.id)) report([key, i, 'id'], `id ${quoteValue(entry.id)} is used twice in ${key}`);
    seen.add(entry.id);
  });
}
