import { basename } from 'node:path';
import Papa from 'papaparse';
import { dataError } from '../../errors.js';
import { quoteField } from '../../read/layout/quote-field.js';
import { plainLabel } from '../../read/layout/redcap.js';

/**
 * A codebook drafted from a REDCap data dictionary (Project Setup → Data Dictionary → "Download
 * the current Data Dictionary", or the API's `content=metadata&format=csv`). Its 18 columns are
 * "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
 * "Choices, Calculations, OR Slider Labels", ..., "Matrix Group Name", "Matrix Ranking?",
 * "Field Annotation" (the API names them field_name, form_name, ... matrix_group_name).
 *
 * - the first field (REDCap's record id field) becomes `id`;
 * - radio, dropdown, yesno and truefalse fields with numeric codes become response sets, from
 *   their choices "1, Strongly disagree | 2, Disagree" (yesno is 1 Yes / 0 No, truefalse
 *   1 True / 0 False); fields with the same choices share one set;
 * - each matrix group of radio or dropdown fields becomes a scale (its items in dictionary
 *   order, range the lowest to highest code, score mean), labelled by its section header;
 * - yesno and truefalse fields, and every option of a checkbox field (column `field___code`,
 *   the code lower-cased with other characters than letters, digits and `_` turned into `_`,
 *   as REDCap names them), become prevalence entries, positive the code 1 or the labels
 *   export's "Yes", "True", "Checked";
 * - radio and dropdown fields outside a matrix with at most GROUP_MAX_CHOICES choices become
 *   groups;
 * - every field label (HTML removed) becomes its item's label.
 *
 * With `dataColumns` (the data file's columns), fields the data does not have are left out.
 * Which items are reverse-worded the dictionary does not say: the description asks to check.
 */

export const GROUP_MAX_CHOICES = 10;

const COLUMNS = {
  name: ['Variable / Field Name', 'field_name'],
  form: ['Form Name', 'form_name'],
  section: ['Section Header', 'section_header'],
  type: ['Field Type', 'field_type'],
  label: ['Field Label', 'field_label'],
  choices: ['Choices, Calculations, OR Slider Labels', 'select_choices_or_calculations'],
  matrix: ['Matrix Group Name', 'matrix_group_name'],
} as const;
type Key = keyof typeof COLUMNS;
const REQUIRED: Key[] = ['name', 'form', 'type', 'label', 'choices'];

const FIELD_TYPES = ['text', 'notes', 'dropdown', 'radio', 'checkbox', 'yesno', 'truefalse', 'calc', 'file', 'slider', 'descriptive', 'sql'];
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

interface Field {
  name: string;
  form: string;
  section: string;
  type: string;
  label: string;
  choices: string;
  matrix: string;
  line: number;
}

interface Choice {
  code: string;
  label: string;
}

type Located = (message: string, line: number, column?: string, hint?: string) => never;

function locator(file: string): Located {
  return (message, line, column, hint) => {
    throw dataError(message, column === undefined ? { file, line } : { file, line, column }, hint);
  };
}

/** The dictionary's records, each with the line it starts on. */
function parseRecords(text: string, fail: Located): { cells: string[]; line: number }[] {
  const body = text.replace(/^\uFEFF/, '');
  const records: { cells: string[]; line: number }[] = [];
  let line = 1;
  let from = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const cursor = result.meta.cursor;
      const startLine = line;
      const consumed = body.slice(from, cursor);
      line += (consumed.match(/\r\n|\r|\n/g) ?? []).length;
      from = cursor;
      if (result.errors.length > 0) {
        const error = result.errors[0];
        fail(`the data dictionary cannot be read as CSV: ${error.message}`, startLine);
      }
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === '') return;
      records.push({ cells, line: startLine });
    },
  });
  return records;
}

function readFields(text: string, fail: Located): Field[] {
  const records = parseRecords(text, fail);
  if (records.length === 0) fail('the data dictionary is empty', 1);
  const header = records[0].cells.map((cell) => cell.trim());
  const index = {} as Record<Key, number>;
  for (const key of Object.keys(COLUMNS) as Key[]) index[key] = header.findIndex((name) => (COLUMNS[key] as readonly string[]).includes(name));
  const absent = REQUIRED.find((key) => index[key] < 0);
  if (absent !== undefined) {
    fail(`not a REDCap data dictionary: it has no "${COLUMNS[absent][0]}" column (the header begins with ${quoteField(header.slice(0, 3).join(','))})`, records[0].line, undefined, 'download the dictionary from Project Setup → Data Dictionary');
  }
  const seen = new Map<string, number>();
  return records.slice(1).map(({ cells, line }) => {
    if (cells.length !== header.length) fail(`the row has ${cells.length} fields; the header has ${header.length}`, line);
    const cell = (key: Key): string => (index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '');
    const field: Field = { name: cell('name'), form: cell('form'), section: cell('section'), type: cell('type'), label: cell('label'), choices: cell('choices'), matrix: cell('matrix'), line };
    if (!FIELD_NAME.test(field.name)) fail(`${quoteField(field.name)} is not a REDCap field name (lower-case letters, digits and _, a letter first)`, line, header[index.name]);
    if (seen.has(field.name)) fail(`field ${quoteField(field.name)} is defined twice (first on line ${seen.get(field.name)})`, line, header[index.name]);
    seen.set(field.name, line);
    if (!FIELD_TYPES.includes(field.type)) fail(`field ${quoteField(field.name)} has an unknown field type ${quoteField(field.type)}`, line, header[index.type], `REDCap's field types are ${FIELD_TYPES.join(', ')}`);
    return field;
  });
}

const CHOICE_COLUMN = COLUMNS.choices[0];

/** "1, Strongly disagree | 2, Disagree" → [{code: "1", label: "Strongly disagree"}, ...]. */
export function parseChoices(text: string, field: string, line: number, fail: Located): Choice[] {
  if (text === '') fail(`field ${quoteField(field)} has no choices`, line, CHOICE_COLUMN, 'write them as "1, First | 2, Second"');
  return text.split('|').map((part) => {
    const comma = part.indexOf(',');
    const code = comma < 0 ? '' : part.slice(0, comma).trim();
    const label = comma < 0 ? '' : plainLabel(part.slice(comma + 1));
    if (code === '' || label === '') fail(`field ${quoteField(field)}: choice ${quoteField(part)} is not "code, label"`, line, CHOICE_COLUMN, 'write the choices as "1, First | 2, Second"');
    return { code, label };
  });
}

const FIXED_CHOICES: Record<string, Choice[]> = {
  yesno: [{ code: '1', label: 'Yes' }, { code: '0', label: 'No' }],
  truefalse: [{ code: '1', label: 'True' }, { code: '0', label: 'False' }],
};

/** A field's choices, or null for a field without any (text, notes, calc, ...). */
function choicesOf(field: Field, fail: Located): Choice[] | null {
  if (field.type in FIXED_CHOICES) return FIXED_CHOICES[field.type];
  if (field.type === 'radio' || field.type === 'dropdown' || field.type === 'checkbox') return parseChoices(field.choices, field.name, field.line, fail);
  return null;
}

/** Label → code when every code is a number and no label repeats; else null. */
function responseMap(choices: Choice[]): Record<string, number> | null {
  const map: Record<string, number> = {};
  for (const { code, label } of choices) {
    const value = Number(code);
    if (!/^-?\d+(\.\d+)?$/.test(code) || label.toLowerCase() in lowerKeys(map)) return null;
    map[label] = value;
  }
  return map;
}

function lowerKeys(map: Record<string, number>): Record<string, true> {
  return Object.fromEntries(Object.keys(map).map((key) => [key.toLowerCase(), true]));
}

/** The column REDCap exports a checkbox option as: `field___code`, the code lower-cased, other characters as `_`. */
export function checkboxColumn(field: string, code: string): string {
  return `${field}___${code.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

/** Response sets, one per distinct choice map, named after the first matrix group or field using it. */
class ResponseSets {
  readonly sets: Record<string, Record<string, number>> = {};
  private readonly byMap = new Map<string, string>();

  name(preferred: string, map: Record<string, number>): string {
    const key = JSON.stringify(map);
    const existing = this.byMap.get(key);
    if (existing !== undefined) return existing;
    let name = preferred;
    for (let n = 2; name in this.sets; n++) name = `${preferred}_${n}`;
    this.sets[name] = map;
    this.byMap.set(key, name);
    return name;
  }
}

function projectTitle(file: string): string {
  const stem = basename(file).replace(/\.csv$/i, '').replace(/_DataDictionary.*$/i, '');
  return stem === '' ? 'REDCap project' : stem;
}

/** The codebook (contract §2) a REDCap data dictionary describes; see the module comment. */
export function redcapDictionaryCodebook(dictionaryText: string, file: string, dataColumns: string[] | null): Record<string, unknown> {
  const fail = locator(file);
  const fields = readFields(dictionaryText, fail);
  if (fields.length === 0) fail('the data dictionary has no fields', 1);
  const inData = (column: string): boolean => dataColumns === null || dataColumns.includes(column);
  const sets = new ResponseSets();
  const scales: Record<string, unknown>[] = [];
  const prevalence: Record<string, unknown>[] = [];
  const groups: string[] = [];
  const left: string[] = [];

  const matrices = new Map<string, Field[]>();
  for (const field of fields) {
    if (field.matrix !== '' && (field.type === 'radio' || field.type === 'dropdown')) matrices.set(field.matrix, [...(matrices.get(field.matrix) ?? []), field]);
  }
  for (const [group, members] of matrices) {
    const first = members[0];
    const choices = choicesOf(first, fail)!;
    for (const member of members.slice(1)) {
      if (JSON.stringify(choicesOf(member, fail)) !== JSON.stringify(choices)) {
        fail(`matrix group ${quoteField(group)}: field ${quoteField(member.name)} has other choices than ${quoteField(first.name)}`, member.line, CHOICE_COLUMN, 'the fields of a REDCap matrix share one set of choices');
      }
    }
    const map = responseMap(choices);
    const items = members.filter((member) => inData(member.name));
    if (map === null) {
      left.push(`matrix ${group} (its codes are not all numbers)`);
      continue;
    }
    if (items.length < 2) continue;
    const codes = Object.values(map);
    const itemLabels = Object.fromEntries(items.map((item) => [item.name, plainLabel(item.label)]).filter(([, label]) => label !== ''));
    scales.push({
      id: group,
      label: plainLabel(first.section) || group,
      items: items.map((item) => item.name),
      ...(Object.keys(itemLabels).length > 0 ? { itemLabels } : {}),
      responses: sets.name(group, map),
      range: [Math.min(...codes), Math.max(...codes)],
      score: 'mean',
    });
  }

  for (const field of fields) {
    const label = plainLabel(field.label) || field.name;
    const inMatrix = matrices.get(field.matrix)?.includes(field) ?? false;
    if (field.type === 'yesno' || field.type === 'truefalse') {
      sets.name(field.type, responseMap(FIXED_CHOICES[field.type])!);
      if (inData(field.name)) prevalence.push({ id: field.name, label, column: field.name, positive: [1, field.type === 'yesno' ? 'Yes' : 'True'] });
    } else if (field.type === 'checkbox') {
      for (const choice of choicesOf(field, fail)!) {
        const column = checkboxColumn(field.name, choice.code);
        if (inData(column)) prevalence.push({ id: column, label: `${label}: ${choice.label}`, column, positive: [1, 'Checked'] });
      }
    } else if ((field.type === 'radio' || field.type === 'dropdown') && !inMatrix) {
      const choices = choicesOf(field, fail)!;
      const map = responseMap(choices);
      if (map !== null) sets.name(field.name, map);
      if (choices.length <= GROUP_MAX_CHOICES && inData(field.name)) groups.push(field.name);
    }
  }

  if (scales.length === 0 && prevalence.length === 0) {
    fail('the data dictionary has no matrix of rated fields, and no yes/no, true/false or checkbox field, that the data has', 1, undefined, 'a scale is drafted from a matrix group; the other fields need a codebook written by hand');
  }
  const idField = fields[0].name;
  const notes = [`Drafted from the REDCap data dictionary ${basename(file)}. Check which items are reverse-worded (add "reverse"), each scale's score and minAnswered, and each prevalence entry's positive answers.`];
  if (left.length > 0) notes.push(`Not drafted: ${left.join('; ')}.`);
  return {
    title: projectTitle(file),
    description: notes.join(' '),
    ...(inData(idField) ? { id: idField } : {}),
    missing: [''],
    responseSets: sets.sets,
    ...(scales.length > 0 ? { scales } : {}),
    ...(prevalence.length > 0 ? { prevalence } : {}),
    ...(groups.length > 0 ? { groups } : {}),
  };
}
