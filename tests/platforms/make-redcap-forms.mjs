#!/usr/bin/env node
/**
 * Writes the REDCap, Google Forms and Microsoft Forms test exports from ONE seeded set of
 * respondents (a ward staff survey: a five-item agreement scale with a reverse-worded item, a
 * four-item frequency scale coded 0-4, a yes/no, a true/false, a checkbox question, a role):
 *
 *   redcap/WardSurvey_DATA_2024-03-15_1022.csv          raw export (codes, field___code checkboxes)
 *   redcap/WardSurvey_DATA_LABELS_2024-03-15_1022.csv   labels export (labels, Checked/Unchecked, "Complete?")
 *   redcap/WardSurvey_DataDictionary_2024-03-15.csv     the project's data dictionary
 *   redcap/WardSurveyLongitudinal_DATA_2024-09-20_1410.csv  raw export, baseline and 6-month events
 *   forms/ward-survey-google.csv                        Google Forms "Download responses (.csv)"
 *   forms/ward-survey-microsoft.xlsx                    Microsoft Forms "Open in Excel" (python3-openpyxl)
 *   redcap/ward-survey-clean.csv                        the same respondents, one header of canonical names
 *   <export>.codebook.yaml, clean.codebook.yaml         codebooks naming each file's columns
 *   <export>.manifest.json                              expected layout and row accounting
 *
 * The layouts follow what the platforms write: REDCap's CSVs begin with a UTF-8 byte-order mark,
 * quote a field holding a space, comma, quote or line break, and end lines with "\n"; the labels
 * export quotes every field; the dictionary has REDCap's 18 columns. Google's download quotes
 * every field, ends lines with "\r\n" and stamps "2024/03/01 9:05:12 AM GMT+1". Microsoft Forms
 * writes ID, Start time, Completion time (date cells), Email "anonymous", Name (empty), Last
 * modified time, one column per Likert statement and multi-select answers as "A;B;".
 *
 * Run: node tests/platforms/make-redcap-forms.mjs   (needs /usr/bin/python3 with openpyxl)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../scripts/mulberry32.mjs';
import { stringify } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const REDCAP = join(HERE, 'redcap');
const FORMS = join(HERE, 'forms');

const random = mulberry32(20240315);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

// ---- the instrument --------------------------------------------------------------------------

const ROLES = [[1, 'Nurse'], [2, 'Doctor'], [3, 'Allied health professional']];
const AGREE = [[1, 'Strongly disagree'], [2, 'Disagree'], [3, 'Neither agree nor disagree'], [4, 'Agree'], [5, 'Strongly agree']];
const OFTEN = [[0, 'Never'], [1, 'Rarely'], [2, 'Sometimes'], [3, 'Often'], [4, 'Always']];
const SEEN = [[1, 'Physical injuries'], [2, 'Scripted answers'], [3, 'Someone else speaks for the patient'], [4, 'None of these']];
const CONF = [
  ['conf1', 'I know what questions to ask'],
  ['conf2', 'I can recognise the signs of trafficking'],
  ['conf3', 'I feel confident making a referral'],
  ['conf4', 'I know where to find guidance'],
  ['conf5', 'I would not know whom to contact about a concern'],
];
const STRAIN = [
  ['strain1', 'Emotionally drained by work'],
  ['strain2', 'Unable to switch off after a shift'],
  ['strain3', 'Short of time to do the job well'],
  ['strain4', 'Unsupported by senior colleagues'],
];
const CONF_STEM = 'How far do you agree with each statement?';
const STRAIN_STEM = 'In the past month, how often have you felt...';
const ROLE_Q = 'What is your role?';
const CONTACT_Q = 'Have you cared for a patient you thought might be trafficked?';
const AWARE_Q = 'I know the local referral pathway for trafficking concerns';
const SEEN_Q = 'Which of these have you seen in a patient?';
const COMMENTS_Q = 'Anything else you would like to tell us?';
const COMMENTS = ['', '', '', '', 'More training please', 'We need a named lead, and a clear pathway', 'Not sure "trafficking" applies to our ward', 'Had one case last year.\nIt was hard to know who to call.'];

// ---- the respondents -------------------------------------------------------------------------

const N = 48;
const START = Date.UTC(2024, 2, 1, 8, 0, 0);

/** One respondent's answers as codes (null: not answered), and how far they got. */
function respondent(i, when) {
  const theta = normal();
  const eta = normal();
  const role = random() < 0.5 ? 1 : random() < 0.6 ? 2 : 3;
  const conf = CONF.map((_, j) => {
    const x = clamp(Math.round(3 + 0.9 * theta + 0.8 * normal()), 1, 5);
    return j === 4 ? 6 - x : x;
  });
  const strain = STRAIN.map(() => clamp(Math.round(2 + 0.9 * eta + 0.8 * normal()), 0, 4));
  const contact = random() < 0.25 + 0.1 * (role === 1) ? 1 : 0;
  const aware = random() < 0.4 + 0.15 * theta ? 1 : 0;
  let seen = SEEN.slice(0, 3).map(([code]) => (random() < 0.2 + 0.3 * contact ? code : null)).filter((code) => code !== null);
  if (seen.length === 0) seen = [4];
  const comments = COMMENTS[Math.floor(random() * COMMENTS.length)];
  const answers = { role, conf, strain, contact, aware, seen, comments };
  // Every eighth respondent stopped after the third confidence item (REDCap: Incomplete, survey not completed).
  const partial = i % 8 === 5;
  if (partial) {
    answers.conf = answers.conf.map((x, j) => (j < 3 ? x : null));
    answers.strain = answers.strain.map(() => null);
    Object.assign(answers, { contact: null, aware: null, seen: [], comments: '' });
  } else if (i % 7 === 3) {
    // A complete response that skipped one item.
    answers.strain[i % 4] = null;
  }
  const status = partial ? 0 : i % 11 === 9 ? 1 : 2;
  return { record: String(i + 1), when, status, surveyed: !partial && status === 2, ...answers };
}

function respondents() {
  let time = START;
  const list = [];
  for (let i = 0; i < N; i++) {
    time += Math.round((20 + 200 * random()) * 60) * 1000;
    list.push(respondent(i, time));
  }
  return list;
}

const people = respondents();
// The 6-month follow-up of every second respondent, in a longitudinal copy of the project.
const followUps = people.filter((_, i) => i % 2 === 0).map((p, k) => ({ ...respondent(k * 2, p.when + 183 * 86_400_000), record: p.record }));

// ---- formatting ------------------------------------------------------------------------------

const pad = (n, w = 2) => String(n).padStart(w, '0');
/** "2024-03-01 09:05:12", REDCap's survey timestamp (server time, here UTC). */
const redcapTime = (t) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
/** "2024/03/01 9:05:12 AM GMT+1", Google Forms' CSV download in a GMT+1 form. */
const googleTime = (t) => {
  const d = new Date(t + 3_600_000);
  const h = d.getUTCHours();
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} GMT+1`;
};
const labelOf = (set, code) => (code === null ? '' : set.find(([c]) => c === code)[1]);
const yesNo = (x) => (x === null ? '' : x === 1 ? 'Yes' : 'No');
const trueFalse = (x) => (x === null ? '' : x === 1 ? 'True' : 'False');
const code = (x) => (x === null ? '' : String(x));

/** REDCap quotes a field that holds a space, comma, quote or line break. */
const redcapField = (text) => (/[ ,"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const quoted = (text) => `"${String(text).replace(/"/g, '""')}"`;
const csv = (rows, field, eol) => rows.map((row) => row.map(field).join(',')).join(eol) + eol;
const BOM = '\uFEFF';

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// ---- REDCap ----------------------------------------------------------------------------------

const checkboxNames = SEEN.map(([c]) => `seen___${c}`);
const RAW_FIELDS = ['role', ...CONF.map(([n]) => n), ...STRAIN.map(([n]) => n), 'contact', 'aware', ...checkboxNames, 'comments'];

function rawFields(p) {
  return [code(p.role), ...p.conf.map(code), ...p.strain.map(code), code(p.contact), code(p.aware), ...SEEN.map(([c]) => (p.seen.includes(c) ? '1' : '0')), p.comments];
}

function labelFields(p) {
  return [
    labelOf(ROLES, p.role), ...p.conf.map((x) => labelOf(AGREE, x)), ...p.strain.map((x) => labelOf(OFTEN, x)),
    yesNo(p.contact), trueFalse(p.aware), ...SEEN.map(([c]) => (p.seen.includes(c) ? 'Checked' : 'Unchecked')), p.comments,
  ];
}

const surveyTime = (p) => (p.surveyed ? redcapTime(p.when) : '[not completed]');

function redcapRaw() {
  const header = ['record_id', 'redcap_survey_identifier', 'staff_survey_timestamp', ...RAW_FIELDS, 'staff_survey_complete'];
  const rows = people.map((p) => [p.record, '', surveyTime(p), ...rawFields(p), String(p.status)]);
  return BOM + csv([header, ...rows], redcapField, '\n');
}

function redcapLabels() {
  const header = [
    'Record ID', 'Survey Identifier', 'Survey Timestamp', ROLE_Q, ...CONF.map(([, l]) => l), ...STRAIN.map(([, l]) => l),
    CONTACT_Q, AWARE_Q, ...SEEN.map(([, l]) => `${SEEN_Q} (choice=${l})`), COMMENTS_Q, 'Complete?',
  ];
  const status = ['Incomplete', 'Unverified', 'Complete'];
  const rows = people.map((p) => [p.record, '', surveyTime(p), ...labelFields(p), status[p.status]]);
  return BOM + csv([header, ...rows], quoted, '\n');
}

function redcapLongitudinal() {
  const header = ['record_id', 'redcap_event_name', 'redcap_survey_identifier', 'staff_survey_timestamp', ...RAW_FIELDS, 'staff_survey_complete'];
  const rows = [];
  for (const p of people) {
    rows.push([p.record, 'baseline_arm_1', '', surveyTime(p), ...rawFields(p), String(p.status)]);
    const later = followUps.find((f) => f.record === p.record);
    if (later) rows.push([p.record, 'month_6_arm_1', '', surveyTime(later), ...rawFields(later), String(later.status)]);
  }
  return BOM + csv([header, ...rows], redcapField, '\n');
}

const DICTIONARY_HEADER = [
  'Variable / Field Name', 'Form Name', 'Section Header', 'Field Type', 'Field Label', 'Choices, Calculations, OR Slider Labels',
  'Field Note', 'Text Validation Type OR Show Slider Number', 'Text Validation Min', 'Text Validation Max', 'Identifier?',
  'Branching Logic (Show field only if...)', 'Required Field?', 'Custom Alignment', 'Question Number (surveys only)',
  'Matrix Group Name', 'Matrix Ranking?', 'Field Annotation',
];
const choices = (set) => set.map(([c, l]) => `${c}, ${l}`).join(' | ');

function dictionaryRow(fields) {
  const row = new Array(18).fill('');
  const at = { name: 0, form: 1, section: 2, type: 3, label: 4, choices: 5, note: 6, required: 12, matrix: 15, ranking: 16, annotation: 17 };
  for (const [key, value] of Object.entries(fields)) row[at[key]] = value;
  return row;
}

function redcapDictionary() {
  const form = 'staff_survey';
  const rows = [
    dictionaryRow({ name: 'record_id', form, type: 'text', label: 'Record ID' }),
    dictionaryRow({ name: 'role', form, section: '<b>About you</b>', type: 'radio', label: ROLE_Q, choices: choices(ROLES), required: 'y' }),
    ...CONF.map(([name, label], j) => dictionaryRow({ name, form, section: j === 0 ? CONF_STEM : '', type: 'radio', label, choices: choices(AGREE), matrix: 'confidence', ranking: 'n' })),
    ...STRAIN.map(([name, label], j) => dictionaryRow({ name, form, section: j === 0 ? STRAIN_STEM : '', type: 'radio', label, choices: choices(OFTEN), matrix: 'strain', ranking: 'n' })),
    dictionaryRow({ name: 'contact', form, type: 'yesno', label: 'Have you cared for a patient you thought might be <i>trafficked</i>?' }),
    dictionaryRow({ name: 'aware', form, type: 'truefalse', label: AWARE_Q }),
    dictionaryRow({ name: 'seen', form, type: 'checkbox', label: SEEN_Q, choices: choices(SEEN), annotation: '@NONEOFTHEABOVE=4' }),
    dictionaryRow({ name: 'comments', form, type: 'notes', label: COMMENTS_Q, note: 'Optional' }),
  ];
  return BOM + csv([DICTIONARY_HEADER, ...rows], redcapField, '\n');
}

// ---- Google Forms ----------------------------------------------------------------------------

function googleCsv() {
  const header = [
    'Timestamp', 'Email Address', ROLE_Q, ...CONF.map(([, l]) => `${CONF_STEM} [${l}]`), ...STRAIN.map(([, l]) => `${STRAIN_STEM} [${l}]`),
    CONTACT_Q, AWARE_Q, SEEN_Q, COMMENTS_Q,
  ];
  const rows = people.map((p) => [
    googleTime(p.when), `staff${pad(Number(p.record), 3)}@example.org`, labelOf(ROLES, p.role), ...p.conf.map((x) => labelOf(AGREE, x)),
    ...p.strain.map((x) => labelOf(OFTEN, x)), yesNo(p.contact), trueFalse(p.aware), p.seen.map((c) => labelOf(SEEN, c)).join(', '), p.comments,
  ]);
  return csv([header, ...rows], quoted, '\r\n');
}

// ---- Microsoft Forms -------------------------------------------------------------------------

function microsoftSheet() {
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', ROLE_Q, ...CONF.map(([, l]) => l), ...STRAIN.map(([, l]) => l), CONTACT_Q, AWARE_Q, SEEN_Q, COMMENTS_Q];
  const rows = people.map((p, i) => {
    const seconds = 150 + Math.floor(((Number(p.record) * 37) % 400));
    return [
      i + 1, { date: p.when - seconds * 1000 }, { date: p.when }, 'anonymous', null, null, labelOf(ROLES, p.role) || null,
      ...p.conf.map((x) => labelOf(AGREE, x) || null), ...p.strain.map((x) => labelOf(OFTEN, x) || null),
      yesNo(p.contact) || null, trueFalse(p.aware) || null, p.seen.length ? p.seen.map((c) => `${labelOf(SEEN, c)};`).join('') : null, p.comments || null,
    ];
  });
  return { header, rows };
}

const WRITE_XLSX = `
import json, sys, time, datetime
from openpyxl import Workbook
from openpyxl.styles import Font
spec = json.load(sys.stdin)
wb = Workbook()
ws = wb.active
ws.title = 'Sheet1'
ws.append(spec['header'])
for cell in ws[1]:
    cell.font = Font(bold=True)
for row in spec['rows']:
    out = []
    for v in row:
        if isinstance(v, dict):
            out.append(datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=v['date']))
        else:
            out.append(v)
    ws.append(out)
for row in ws.iter_rows(min_row=2, min_col=2, max_col=3):
    for cell in row:
        cell.number_format = 'm/d/yy h:mm:ss'
fixed = datetime.datetime(2024, 3, 15, 10, 22, 0)
wb.properties.creator = 'Microsoft Forms'
wb.properties.created = fixed
wb.properties.modified = fixed
stamp = time.mktime(fixed.timetuple())
time.time = lambda: stamp
wb.save(spec['path'])
`;

function writeXlsx(path, sheet) {
  execFileSync('/usr/bin/python3', ['-c', WRITE_XLSX], { input: JSON.stringify({ ...sheet, path }), stdio: ['pipe', 'inherit', 'inherit'] });
}

// ---- the clean CSV ---------------------------------------------------------------------------

function cleanCsv() {
  const header = ['id', 'role', ...CONF.map(([n]) => n), ...STRAIN.map(([n]) => n), 'contact', 'aware', 'seen_injuries', 'seen_scripted', 'seen_speaks_for'];
  const rows = people.map((p) => [
    p.record, labelOf(ROLES, p.role), ...p.conf.map((x) => labelOf(AGREE, x)), ...p.strain.map((x) => labelOf(OFTEN, x)),
    yesNo(p.contact), trueFalse(p.aware), ...[1, 2, 3].map((c) => (p.seen.includes(c) ? 'Yes' : 'No')),
  ]);
  return csv([header, ...rows], (f) => (/[,"\n]/.test(f) ? quoted(f) : f), '\n');
}

// ---- codebooks -------------------------------------------------------------------------------

const agree5 = Object.fromEntries(AGREE.map(([c, l]) => [l, c]));
const often5 = Object.fromEntries(OFTEN.map(([c, l]) => [l, c]));

/** One codebook over the same measures, naming a file's columns through `col`. */
function codebook(title, col, { checkbox, include } = {}) {
  const conf = CONF.map(([n]) => col[n]);
  const strain = STRAIN.map(([n]) => col[n]);
  const book = {
    title,
    id: col.id,
    missing: [''],
    responseSets: { agree5, often5 },
    scales: [
      { id: 'confidence', label: 'Confidence in responding to trafficking', items: conf, responses: 'agree5', range: [1, 5], reverse: [col.conf5], score: 'mean', minAnswered: 3 },
      { id: 'strain', label: 'Work strain', items: strain, responses: 'often5', range: [0, 4], score: 'sum', minAnswered: 3 },
    ],
    prevalence: [
      { id: 'contact', label: 'Cared for a possibly trafficked patient', column: col.contact, positive: ['Yes', 1] },
      { id: 'aware', label: 'Knows the referral pathway', column: col.aware, positive: ['True', 1] },
      { id: 'unsure_questions', label: 'Does not know what to ask', column: col.conf1, positive: [1, 2] },
    ],
    groups: [col.role],
  };
  if (checkbox) {
    book.prevalence.push(
      { id: 'seen_injuries', label: 'Has seen physical injuries', column: col.seen1, positive: checkbox },
      { id: 'seen_scripted', label: 'Has seen scripted answers', column: col.seen2, positive: checkbox },
    );
  }
  if (include) book.include = include;
  return book;
}

const same = (names) => Object.fromEntries(names.map((n) => [n, n]));
const canonical = [...CONF, ...STRAIN].map(([n]) => n);
const columnsClean = { ...same(canonical), id: 'id', role: 'role', contact: 'contact', aware: 'aware', seen1: 'seen_injuries', seen2: 'seen_scripted' };
const columnsRaw = { ...same(canonical), id: 'record_id', role: 'role', contact: 'contact', aware: 'aware', seen1: 'seen___1', seen2: 'seen___2' };
const byLabel = Object.fromEntries([...CONF, ...STRAIN].map(([n, l]) => [n, l]));
const columnsLabels = { ...byLabel, id: 'Record ID', role: ROLE_Q, contact: CONTACT_Q, aware: AWARE_Q, seen1: `${SEEN_Q} (choice=${SEEN[0][1]})`, seen2: `${SEEN_Q} (choice=${SEEN[1][1]})` };
const columnsGoogle = {
  ...Object.fromEntries(CONF.map(([n, l]) => [n, `${CONF_STEM} [${l}]`])), ...Object.fromEntries(STRAIN.map(([n, l]) => [n, `${STRAIN_STEM} [${l}]`])),
  id: null, role: ROLE_Q, contact: CONTACT_Q, aware: AWARE_Q,
};
const columnsMicrosoft = { ...byLabel, id: 'ID', role: ROLE_Q, contact: CONTACT_Q, aware: AWARE_Q };

function writeCodebook(path, book) {
  if (book.id === null) delete book.id;
  write(path, `# Written by tests/platforms/make-redcap-forms.mjs\n${stringify(book, { lineWidth: 0 })}`);
}

function writeManifest(path, manifest) {
  write(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

// ---- write -----------------------------------------------------------------------------------

const RAW = 'WardSurvey_DATA_2024-03-15_1022.csv';
const LABELS = 'WardSurvey_DATA_LABELS_2024-03-15_1022.csv';
const DICTIONARY = 'WardSurvey_DataDictionary_2024-03-15.csv';
const LONGITUDINAL = 'WardSurveyLongitudinal_DATA_2024-09-20_1410.csv';
const ROLE_CODES = Object.fromEntries(ROLES.map(([c, l]) => [String(c), l]));

write(join(REDCAP, RAW), redcapRaw());
write(join(REDCAP, LABELS), redcapLabels());
write(join(REDCAP, DICTIONARY), redcapDictionary());
write(join(REDCAP, LONGITUDINAL), redcapLongitudinal());
write(join(REDCAP, 'ward-survey-clean.csv'), cleanCsv());
write(join(FORMS, 'ward-survey-google.csv'), googleCsv());
writeXlsx(join(FORMS, 'ward-survey-microsoft.xlsx'), microsoftSheet());

writeCodebook(join(REDCAP, 'clean.codebook.yaml'), codebook('Ward survey (clean CSV)', columnsClean, { checkbox: ['Yes'] }));
writeCodebook(join(REDCAP, 'raw.codebook.yaml'), codebook('Ward survey (REDCap raw export)', columnsRaw, { checkbox: [1, 'Checked'] }));
writeCodebook(join(REDCAP, 'labels.codebook.yaml'), codebook('Ward survey (REDCap labels export)', columnsLabels, { checkbox: [1, 'Checked'] }));
writeCodebook(join(REDCAP, 'longitudinal.codebook.yaml'), codebook('Ward survey, baseline (REDCap longitudinal export)', columnsRaw, { checkbox: [1, 'Checked'], include: { redcap_event_name: ['baseline_arm_1'] } }));
writeCodebook(join(FORMS, 'google.codebook.yaml'), codebook('Ward survey (Google Forms)', columnsGoogle));
writeCodebook(join(FORMS, 'microsoft.codebook.yaml'), codebook('Ward survey (Microsoft Forms)', columnsMicrosoft));

const plain = { headerRows: 1, rowsRead: N, excluded: [], rows: N, clean: '../redcap/ward-survey-clean.csv', cleanCodebook: '../redcap/clean.codebook.yaml' };
writeManifest(join(REDCAP, 'raw.manifest.json'), { export: RAW, codebook: 'raw.codebook.yaml', format: 'csv', layout: 'redcap', ...plain, groupValues: ROLE_CODES });
writeManifest(join(REDCAP, 'labels.manifest.json'), { export: LABELS, codebook: 'labels.codebook.yaml', format: 'csv', layout: 'redcap-labels', ...plain });
writeManifest(join(REDCAP, 'longitudinal.manifest.json'), {
  export: LONGITUDINAL, codebook: 'longitudinal.codebook.yaml', format: 'csv', layout: 'redcap', ...plain, rowsRead: N + followUps.length,
  excluded: [{ kind: 'include', column: 'redcap_event_name', rows: followUps.length }], groupValues: ROLE_CODES,
});
writeManifest(join(FORMS, 'google.manifest.json'), { export: 'ward-survey-google.csv', codebook: 'google.codebook.yaml', format: 'csv', layout: 'google-forms', ...plain });
writeManifest(join(FORMS, 'microsoft.manifest.json'), { export: 'ward-survey-microsoft.xlsx', codebook: 'microsoft.codebook.yaml', format: 'xlsx', layout: 'microsoft-forms', ...plain });
