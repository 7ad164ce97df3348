#!/usr/bin/env node
/**
 * Writes the Qualtrics and SurveyMonkey test exports under tests/platforms/qualtrics/ and
 * tests/platforms/surveymonkey/ from ONE seeded set of respondents (no network, same bytes on
 * every run):
 *
 * - qualtrics/qualtrics-choice.csv   current export, choice text: UTF-8 with BOM, CRLF, three header
 *                                    rows (names, question text, ImportId JSON)
 * - qualtrics/qualtrics-numeric.csv  the same export as numeric values (Status and answers as codes)
 * - qualtrics/qualtrics-choice.tsv   the choice-text export as TSV: UTF-16 LE with BOM, tab-delimited
 * - qualtrics/qualtrics-legacy.csv   legacy export, numeric: V1…V10 + question ids over the field names
 *                                    and question text, rows ending in a trailing comma
 * - surveymonkey/surveymonkey.csv    "All responses data", expanded, actual answer text: two header rows
 *
 * For each, a one-header CSV of the respondents that remain after the platform's default
 * exclusions (and after the codebook's `exclude` where a run uses one), codebooks for the export and
 * for the clean CSV measuring the same scales, and a manifest of what reading the export must report.
 *
 * Qualtrics: previews (Status "Survey Preview" / 1, DistributionChannel "preview"), a test response
 * ("Survey Test" / 2, "test") and a spam response ("Spam" / 8) are in the exports and must be dropped;
 * unfinished responses (Finished False / 0, Progress < 100, later pages blank) stay unless the codebook
 * excludes them. SurveyMonkey records no previews; its partial responses have blank answers.
 *
 * Run: node tests/platforms/make-qualtrics-surveymonkey.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../scripts/mulberry32.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const QUALTRICS_DIR = join(HERE, 'qualtrics');
const SURVEYMONKEY_DIR = join(HERE, 'surveymonkey');

// ---------------------------------------------------------------- seeded randomness

const random = mulberry32(20240314);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pick = (list) => list[Math.floor(random() * list.length)];
const weighted = (pairs) => {
  let u = random() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of pairs) if ((u -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const responseId = () => `R_${Array.from({ length: 15 }, () => pick(ALNUM)).join('')}`;

/** A latent value cut into the codes 1..k at the thresholds. */
const cut = (value, thresholds) => 1 + thresholds.filter((t) => value > t).length;

// ---------------------------------------------------------------- the questionnaire

const MATRIX1 = 'How much do you agree or disagree with each of the following statements?';
const PK_STATEMENTS = [
  'I know what questions to ask a patient who may be a victim of trafficking',
  'I know how to refer a possible victim to the right support service',
  'I know the signs that a patient may be being trafficked',
  'I would not know what to do if I suspected a patient was being trafficked',
];
const MATRIX2 = 'Thinking about your own practice, how much do you agree or disagree?';
const CONF_STATEMENTS = [
  'I feel confident making a referral for a possible victim',
  'I feel confident asking a patient about trafficking',
  'I feel confident recording my concerns in the notes',
];
const CONTACT_Q = 'Have you ever had contact with a patient you knew or suspected was a victim of human trafficking?';
const ROLE_Q = 'What is your professional role?';
const COMMENT_Q = 'Is there anything else you would like to tell us about this topic?';
const TRAINING_Q = 'Which of the following have you had training in? (select all that apply)';
const ROLES = ['Nurse', 'Doctor', 'Midwife', 'Other (please specify)'];
const TRAINING = ['Modern slavery', 'Safeguarding adults', 'Domestic abuse'];

/** Qualtrics' default agreement sets (codes 1..k in order), and SurveyMonkey's. */
const QUALTRICS_AGREE5 = ['Strongly disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Strongly agree'];
const QUALTRICS_AGREE7 = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'];
const SURVEYMONKEY_AGREE5 = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const SURVEYMONKEY_AGREE7 = QUALTRICS_AGREE7;

const COMMENTS = [
  'We had a session on this last year, but I would like a refresher.',
  'Not sure who the safeguarding lead is on nights',
  'More information on interpreters, please',
  'I found the "spot the signs" poster useful.',
  'Our ward sees very few cases, so it is hard to remember the process',
  'Would be good to have a flowchart in the staff room',
];
const OTHER_ROLES = ['Paramedic', 'Health visitor'];

// ---------------------------------------------------------------- respondents

const REAL = 40;
const UNFINISHED = new Map([[5, 1], [17, 2], [29, 1], [36, 3]]); // index → pages completed (of 4)
const SKIPPED_ITEM = new Map([[9, 'pk2'], [21, 'conf3'], [33, 'pk4']]); // finished, one item left blank
const OTHER_ROLE = new Map([[7, 0], [23, 1]]);
const LAUNCH = Date.UTC(2024, 2, 4, 8, 0, 0); // 4 March 2024

function makeRespondent(index, kind) {
  const knowledge = normal();
  const confidence = 0.6 * knowledge + 0.8 * normal();
  const item = (latent, thresholds) => cut(latent + 0.75 * normal(), thresholds);
  const t5 = [-1.4, -0.5, 0.4, 1.3];
  const t7 = [-1.9, -1.2, -0.5, 0.3, 1.0, 1.7];
  const role = OTHER_ROLE.has(index) ? 4 : weighted([[1, 50], [2, 30], [3, 20]]);
  const answers = {
    pk1: item(knowledge, t5), pk2: item(knowledge, t5), pk3: item(knowledge, t5), pk4: item(-knowledge, t5),
    conf1: item(confidence, t7), conf2: item(confidence, t7), conf3: item(confidence, t7),
    contact: random() < 0.2 + 0.12 * (role === 3) + 0.15 * (knowledge > 0.5) ? 1 : 2,
    role,
    roleOther: role === 4 ? OTHER_ROLES[OTHER_ROLE.get(index)] : '',
    training: TRAINING.map((_, i) => random() < [0.35, 0.7, 0.45][i]).map((on, i) => (on ? i + 1 : 0)).filter((code) => code > 0),
    comment: random() < 0.35 ? pick(COMMENTS) : '',
  };
  const pages = kind === 'real' && UNFINISHED.has(index) ? UNFINISHED.get(index) : 4;
  const blank = (keys) => keys.forEach((key) => { answers[key] = key === 'training' ? [] : ''; });
  if (pages < 2) blank(['conf1', 'conf2', 'conf3']);
  if (pages < 3) blank(['contact', 'role', 'roleOther']);
  if (pages < 4) blank(['training', 'comment']);
  if (SKIPPED_ITEM.has(index)) blank([SKIPPED_ITEM.get(index)]);
  const start = kind === 'preview' ? LAUNCH - (3 - index) * 86400e3 + 3600e3 * (2 + index)
    : kind === 'test' ? LAUNCH - 86400e3 + 5400e3
      : LAUNCH + index * 7.3 * 3600e3 + Math.floor(random() * 3000e3);
  const duration = pages === 4 ? 150 + Math.floor(random() * 500) : 40 + Math.floor(random() * 120);
  const end = start + duration * 1000;
  return {
    kind,
    index,
    finished: pages === 4,
    progress: pages === 4 ? 100 : [0, 29, 57, 86][pages],
    start,
    end,
    recorded: pages === 4 ? end : end + 7 * 86400e3, // Qualtrics closes an abandoned response a week later
    duration,
    ip: kind === 'preview' || kind === 'test' ? '' : `${pick([81, 86, 90, 109, 151, 212])}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`,
    latitude: kind === 'preview' || kind === 'test' ? '' : (50.7 + random() * 3.2).toFixed(4),
    longitude: kind === 'preview' || kind === 'test' ? '' : (-3.5 + random() * 3.6).toFixed(4),
    responseId: responseId(),
    ...answers,
  };
}

const respondents = [
  makeRespondent(0, 'preview'),
  makeRespondent(1, 'preview'),
  makeRespondent(0, 'test'),
  ...Array.from({ length: REAL }, (_, i) => makeRespondent(i, 'real')),
];
respondents.push({ ...makeRespondent(REAL, 'real'), kind: 'spam', index: -1, duration: 9, comment: 'good survey good survey' });
respondents.sort((a, b) => a.recorded - b.recorded);

// ---------------------------------------------------------------- writing

const pad = (n) => String(n).padStart(2, '0');
function isoStamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** SurveyMonkey's "MM/DD/YYYY hh:mm:ss AM" dates. */
function surveyMonkeyStamp(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(h % 12 === 0 ? 12 : h % 12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** A field as a CSV writer quotes it: only when it holds the delimiter, a quote or a line break. */
const field = (value, delimiter) => {
  const text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const lines = (rows, delimiter = ',') => rows.map((row) => row.map((v) => field(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
const BOM = '\uFEFF';

function write(dir, name, content) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

// ---------------------------------------------------------------- Qualtrics

const STATUS_TEXT = { real: 'IP Address', preview: 'Survey Preview', test: 'Survey Test', spam: 'Spam' };
const STATUS_CODE = { real: 0, preview: 1, test: 2, spam: 8 };
const CHANNEL = { real: 'anonymous', preview: 'preview', test: 'test', spam: 'anonymous' };
const TIME_ZONE = 'Europe/London';

/** Qualtrics' columns: [row-1 name, row-2 text, row-3 ImportId JSON, value(respondent, numeric)]. */
function qualtricsColumns() {
  const answer = (labels, key) => (r, numeric) => (r[key] === '' ? '' : numeric ? r[key] : labels[r[key] - 1]);
  const meta = (name, text, importId, value, zone = false) => [name, text, JSON.stringify(zone ? { ImportId: importId, timeZone: TIME_ZONE } : { ImportId: importId }), value];
  return [
    meta('StartDate', 'Start Date', 'startDate', (r) => isoStamp(r.start), true),
    meta('EndDate', 'End Date', 'endDate', (r) => isoStamp(r.end), true),
    meta('Status', 'Response Type', 'status', (r, numeric) => (numeric ? STATUS_CODE[r.kind] : STATUS_TEXT[r.kind])),
    meta('IPAddress', 'IP Address', 'ipAddress', (r) => r.ip),
    meta('Progress', 'Progress', 'progress', (r) => r.progress),
    meta('Duration (in seconds)', 'Duration (in seconds)', 'duration', (r) => r.duration),
    meta('Finished', 'Finished', 'finished', (r, numeric) => (numeric ? (r.finished ? 1 : 0) : r.finished ? 'True' : 'False')),
    meta('RecordedDate', 'Recorded Date', 'recordedDate', (r) => isoStamp(r.recorded), true),
    meta('ResponseId', 'Response ID', '_recordId', (r) => r.responseId),
    meta('RecipientLastName', 'Recipient Last Name', 'recipientLastName', () => ''),
    meta('RecipientFirstName', 'Recipient First Name', 'recipientFirstName', () => ''),
    meta('RecipientEmail', 'Recipient Email', 'recipientEmail', () => ''),
    meta('ExternalReference', 'External Data Reference', 'externalDataReference', () => ''),
    meta('LocationLatitude', 'Location Latitude', 'locationLatitude', (r) => r.latitude),
    meta('LocationLongitude', 'Location Longitude', 'locationLongitude', (r) => r.longitude),
    meta('DistributionChannel', 'Distribution Channel', 'distributionChannel', (r) => CHANNEL[r.kind]),
    meta('UserLanguage', 'User Language', 'userLanguage', () => 'EN-GB'),
    ...PK_STATEMENTS.map((s, i) => [`Q1_${i + 1}`, `${MATRIX1} - ${s}`, JSON.stringify({ ImportId: `QID1_${i + 1}` }), answer(QUALTRICS_AGREE5, `pk${i + 1}`)]),
    ...CONF_STATEMENTS.map((s, i) => [`Q2_${i + 1}`, `${MATRIX2} - ${s}`, JSON.stringify({ ImportId: `QID2_${i + 1}` }), answer(QUALTRICS_AGREE7, `conf${i + 1}`)]),
    ['Q3', CONTACT_Q, JSON.stringify({ ImportId: 'QID3' }), answer(['Yes', 'No'], 'contact')],
    ['Q4', `${ROLE_Q} - Selected Choice`, JSON.stringify({ ImportId: 'QID4' }), answer(['Nurse', 'Doctor', 'Midwife', 'Other (please specify)'], 'role')],
    ['Q4_4_TEXT', `${ROLE_Q} - Other (please specify) - Text`, JSON.stringify({ ImportId: 'QID4_4_TEXT' }), (r) => r.roleOther],
    ['Q6', `${TRAINING_Q} - Selected Choice`, JSON.stringify({ ImportId: 'QID6' }), (r, numeric) => r.training.map((c) => (numeric ? c : TRAINING[c - 1])).join(',')],
    ['Q5', COMMENT_Q, JSON.stringify({ ImportId: 'QID5_TEXT' }), (r) => r.comment],
  ];
}

function qualtricsRows(numeric) {
  const columns = qualtricsColumns();
  return [columns.map((c) => c[0]), columns.map((c) => c[1]), columns.map((c) => c[2]), ...respondents.map((r) => columns.map((c) => c[3](r, numeric)))];
}

/** Legacy export: V1…V10 over ResponseID…Finished, then the questions, then the location columns. */
function qualtricsLegacyRows() {
  const questions = qualtricsColumns().slice(17);
  const v = [
    ['ResponseID', (r) => r.responseId], ['ResponseSet', () => 'Default Response Set'], ['Name', () => 'Anonymous'],
    ['ExternalDataReference', () => ''], ['EmailAddress', () => ''], ['IPAddress', (r) => r.ip],
    ['Status', (r) => STATUS_CODE[r.kind]], ['StartDate', (r) => isoStamp(r.start)], ['EndDate', (r) => isoStamp(r.end)],
    ['Finished', (r) => (r.finished ? 1 : 0)],
  ];
  const location = [['LocationLatitude', (r) => r.latitude], ['LocationLongitude', (r) => r.longitude], ['LocationAccuracy', (r) => (r.latitude === '' ? '' : -1)]];
  const row1 = [...v.map((_, i) => `V${i + 1}`), ...questions.map((q) => q[0]), ...location.map((l) => l[0]), ''];
  const row2 = [...v.map((c) => c[0]), ...questions.map((q) => q[1]), ...location.map((l) => l[0]), ''];
  const data = respondents.map((r) => [...v.map((c) => c[1](r)), ...questions.map((q) => q[3](r, true)), ...location.map((l) => l[1](r)), '']);
  return [row1, row2, ...data];
}

/** Rows the default rules drop: each row once, under its Status rule (the DistributionChannel rules come after them). */
function qualtricsExcluded(statusColumn) {
  const counts = [
    { label: `survey previews (${statusColumn})`, kind: 'exclude', column: statusColumn, rows: respondents.filter((r) => r.kind === 'preview').length },
    { label: `test responses (${statusColumn})`, kind: 'exclude', column: statusColumn, rows: respondents.filter((r) => r.kind === 'test').length },
    { label: `spam (${statusColumn})`, kind: 'exclude', column: statusColumn, rows: respondents.filter((r) => r.kind === 'spam').length },
  ];
  // Previews and tests are marked in Status as well, so the DistributionChannel rules drop nothing more.
  return counts;
}

const CLEAN_HEADER = ['respondent', 'role', 'pk1', 'pk2', 'pk3', 'pk4', 'conf1', 'conf2', 'conf3', 'contact', 'training', 'comment', 'finished'];

/** The kept respondents as a plain CSV with canonical names, the answers as the export writes them. */
function cleanCsv(kept, { agree5, agree7, roles, numeric, id, finished, training }) {
  const answer = (labels, value) => (value === '' ? '' : numeric ? value : labels[value - 1]);
  return lines([
    CLEAN_HEADER,
    ...kept.map((r) => [
      id(r), answer(roles, r.role),
      ...[1, 2, 3, 4].map((i) => answer(agree5, r[`pk${i}`])), ...[1, 2, 3].map((i) => answer(agree7, r[`conf${i}`])),
      answer(['Yes', 'No'], r.contact), training(r), r.comment, finished(r),
    ]),
  ]);
}

const yamlList = (items) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
const yamlMap = (labels) => `{${labels.map((l, i) => `${JSON.stringify(l)}: ${i + 1}`).join(', ')}}`;

/** A codebook: the same two scales, yes/no prevalence, an agreement prevalence and a group, over `names`. */
function codebook({ title, agree5, agree7, names, exclude }) {
  return [
    `title: ${title}`,
    'responseSets:',
    `  agree5: ${yamlMap(agree5)}`,
    `  agree7: ${yamlMap(agree7)}`,
    'scales:',
    '  - id: pk',
    '    label: Perceived knowledge',
    `    items: ${yamlList(names.pk)}`,
    '    responses: agree5',
    '    range: [1, 5]',
    `    reverse: ${yamlList([names.pk[3]])}`,
    '    score: mean',
    '    minAnswered: 3',
    '  - id: conf',
    '    label: Confidence',
    `    items: ${yamlList(names.conf)}`,
    '    responses: agree7',
    '    range: [1, 7]',
    '    score: mean',
    '    minAnswered: 2',
    'prevalence:',
    `  - {id: contact, label: Contact with a trafficked patient, column: ${JSON.stringify(names.contact)}, positive: ["Yes", "1"]}`,
    `  - {id: lacks_questions, label: Does not know what questions to ask, column: ${JSON.stringify(names.pk[0])}, positive: [1, 2]}`,
    `groups: ${yamlList([names.role])}`,
    ...(exclude ? [`exclude: ${exclude}`] : []),
    '',
  ].join('\n');
}

const QUALTRICS_NAMES = { pk: ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4'], conf: ['Q2_1', 'Q2_2', 'Q2_3'], contact: 'Q3', role: 'Q4' };
const CLEAN_NAMES = { pk: ['pk1', 'pk2', 'pk3', 'pk4'], conf: ['conf1', 'conf2', 'conf3'], contact: 'contact', role: 'role' };

function writeQualtrics() {
  const dir = QUALTRICS_DIR;
  write(dir, 'qualtrics-choice.csv', BOM + lines(qualtricsRows(false)));
  write(dir, 'qualtrics-numeric.csv', BOM + lines(qualtricsRows(true)));
  write(dir, 'qualtrics-choice.tsv', Buffer.from(BOM + lines(qualtricsRows(false), '\t'), 'utf16le'));
  write(dir, 'qualtrics-legacy.csv', BOM + lines(qualtricsLegacyRows()));

  const q = { agree5: QUALTRICS_AGREE5, agree7: QUALTRICS_AGREE7 };
  write(dir, 'codebook-export.yaml', codebook({ title: 'Trafficking awareness survey (Qualtrics export)', ...q, names: QUALTRICS_NAMES }));
  write(dir, 'codebook-export-finished.yaml', codebook({ title: 'Trafficking awareness survey (Qualtrics export, finished responses)', ...q, names: QUALTRICS_NAMES, exclude: '{Finished: ["False", 0]}' }));
  write(dir, 'codebook-clean.yaml', codebook({ title: 'Trafficking awareness survey (clean CSV)', ...q, names: CLEAN_NAMES }));

  const kept = respondents.filter((r) => r.kind === 'real');
  const finishedOnly = kept.filter((r) => r.finished);
  const roles = ['Nurse', 'Doctor', 'Midwife', 'Other (please specify)'];
  const choice = { ...q, roles, numeric: false, id: (r) => r.responseId, finished: (r) => (r.finished ? 'True' : 'False'), training: (r) => r.training.map((c) => TRAINING[c - 1]).join(',') };
  const numeric = { ...q, roles, numeric: true, id: (r) => r.responseId, finished: (r) => (r.finished ? 1 : 0), training: (r) => r.training.join(',') };
  write(dir, 'clean-choice.csv', cleanCsv(kept, choice));
  write(dir, 'clean-choice-finished.csv', cleanCsv(finishedOnly, choice));
  write(dir, 'clean-numeric.csv', cleanCsv(kept, numeric));
  write(dir, 'clean-numeric-finished.csv', cleanCsv(finishedOnly, numeric));

  const unfinished = kept.length - finishedOnly.length;
  const manifest = (file, layout, headerRows, clean, encoding, delimiter) => {
    const platform = qualtricsExcluded('Status');
    return {
      export: file,
      layout,
      headerRows,
      encoding,
      delimiter,
      rowsRead: respondents.length,
      idColumn: layout === 'qualtrics' ? 'ResponseId' : 'ResponseID',
      runs: [
        { codebook: 'codebook-export.yaml', clean: `${clean}.csv`, cleanCodebook: 'codebook-clean.yaml', excluded: platform, rows: kept.length },
        {
          codebook: 'codebook-export-finished.yaml',
          clean: `${clean}-finished.csv`,
          cleanCodebook: 'codebook-clean.yaml',
          excluded: [...platform, { label: null, kind: 'exclude', column: 'Finished', rows: unfinished }],
          rows: finishedOnly.length,
        },
      ],
      keepPreviews: { rows: respondents.length },
    };
  };
  write(dir, 'qualtrics-choice.manifest.json', json(manifest('qualtrics-choice.csv', 'qualtrics', 3, 'clean-choice', 'utf-8 with BOM', ',')));
  write(dir, 'qualtrics-numeric.manifest.json', json(manifest('qualtrics-numeric.csv', 'qualtrics', 3, 'clean-numeric', 'utf-8 with BOM', ',')));
  write(dir, 'qualtrics-choice.tsv.manifest.json', json(manifest('qualtrics-choice.tsv', 'qualtrics', 3, 'clean-choice', 'utf-16le with BOM', '\t')));
  write(dir, 'qualtrics-legacy.manifest.json', json(manifest('qualtrics-legacy.csv', 'qualtrics-legacy', 2, 'clean-numeric', 'utf-8 with BOM', ',')));
}

// ---------------------------------------------------------------- SurveyMonkey

/**
 * SurveyMonkey's columns, each [row 1, row 2, value(respondent)]: the respondent fields with a
 * blank row 2, then each question's text over its first column and its option rows in row 2.
 */
function surveyMonkeyColumns(respondentId) {
  const answer = (labels, key) => (r) => (r[key] === '' ? '' : labels[r[key] - 1]);
  const group = (text, subs) => subs.map(([sub, value], i) => [i === 0 ? text : '', sub, value]);
  return [
    ['Respondent ID', '', (r) => respondentId.get(r)],
    ['Collector ID', '', (r) => (r.index % 3 === 2 ? '452978310' : '452977104')],
    ['Start Date', '', (r) => surveyMonkeyStamp(r.start)],
    ['End Date', '', (r) => surveyMonkeyStamp(r.end)],
    ['IP Address', '', (r) => r.ip],
    ['Email Address', '', () => ''],
    ['First Name', '', () => ''],
    ['Last Name', '', () => ''],
    ['Custom Data 1', '', () => ''],
    ...group(MATRIX1, PK_STATEMENTS.map((s, i) => [s, answer(SURVEYMONKEY_AGREE5, `pk${i + 1}`)])),
    ...group(MATRIX2, CONF_STATEMENTS.map((s, i) => [s, answer(SURVEYMONKEY_AGREE7, `conf${i + 1}`)])),
    [CONTACT_Q, 'Response', answer(['Yes', 'No'], 'contact')],
    ...group(ROLE_Q, [['Response', (r) => (r.role === 4 ? '' : answer(ROLES, 'role')(r))], ['Other (please specify)', (r) => r.roleOther]]),
    ...group(TRAINING_Q, TRAINING.map((t, i) => [t, (r) => (r.training.includes(i + 1) ? t : '')])),
    [COMMENT_Q, 'Open-Ended Response', (r) => r.comment],
  ];
}

function writeSurveyMonkey() {
  const dir = SURVEYMONKEY_DIR;
  const kept = respondents.filter((r) => r.kind === 'real');
  const respondentId = new Map(kept.map((r, i) => [r, String(114523008812 + i * 2731 + Math.floor(random() * 900))]));
  const columns = surveyMonkeyColumns(respondentId);
  write(dir, 'surveymonkey.csv', BOM + lines([columns.map((c) => c[0]), columns.map((c) => c[1]), ...kept.map((r) => columns.map((c) => c[2](r)))]));

  const s = { agree5: SURVEYMONKEY_AGREE5, agree7: SURVEYMONKEY_AGREE7 };
  const names = { pk: ['q1_1', 'q1_2', 'q1_3', 'q1_4'], conf: ['q2_1', 'q2_2', 'q2_3'], contact: 'q3', role: 'q4_1' };
  write(dir, 'codebook-export.yaml', codebook({ title: 'Trafficking awareness survey (SurveyMonkey export)', ...s, names }));
  write(dir, 'codebook-clean.yaml', codebook({ title: 'Trafficking awareness survey (clean CSV)', ...s, names: CLEAN_NAMES }));
  write(dir, 'clean.csv', cleanCsv(kept, {
    ...s,
    roles: ['Nurse', 'Doctor', 'Midwife', ''],
    numeric: false,
    id: (r) => respondentId.get(r),
    finished: (r) => (r.finished ? 'True' : 'False'),
    training: (r) => r.training.map((c) => TRAINING[c - 1]).join(','),
  }));
  write(dir, 'surveymonkey.manifest.json', json({
    export: 'surveymonkey.csv',
    layout: 'surveymonkey',
    headerRows: 2,
    encoding: 'utf-8 with BOM',
    delimiter: ',',
    rowsRead: kept.length,
    idColumn: 'Respondent ID',
    runs: [{ codebook: 'codebook-export.yaml', clean: 'clean.csv', cleanCodebook: 'codebook-clean.yaml', excluded: [], rows: kept.length }],
    keepPreviews: { rows: kept.length },
  }));
}

writeQualtrics();
writeSurveyMonkey();
