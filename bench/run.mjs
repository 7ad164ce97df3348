/**
 * The benchmark of survey-analyze (`npm run bench`): start-up, throughput against pandas,
 * agreement with pandas, and peak memory, on two seeded data sets: the synthetic survey of
 * bench/generate-data.mjs (codes and agreement labels) and an export-shaped survey
 * (bench/generate-export.mjs: agreement codes, True/False/Don't know answers scored against a
 * key, blanks, "-99" and break-offs, a group column; bench/export-codebook.json).
 *
 * 1. Start-up: the full analysis of the bundled 782-row survey against `node -e 0`,
 *    medians of interleaved runs (goal: at most 1.5x `node -e 0`).
 * 2. Throughput: N respondents (default 1,000,000) x 30 items of each data set analysed end
 *    to end, against bench/pandas_reference.py computing the same figures, interleaved (CLI,
 *    pandas, parse-only baselines, CLI, ...); the ratio of the medians is reported (goals: the
 *    export at most 1/6 of pandas' time, aim 1/8; the synthetic survey at most 1/3). Every
 *    figure both report is compared; the largest difference must be at most 1e-9, else the
 *    run fails (exit status 1).
 * 3. Memory: peak RSS of the CLI at N and 2N rows of the export (goals: at most 150 MiB at 1M
 *    rows; 2N within 1.2x of N). Peak RSS is the child's ru_maxrss, see bench/measure.mjs.
 * 4. For reference: parse-only runs of papaparse and of the CLI's own splitter
 *    (src/read/csv-records.ts) on the same files, and `node -e 0`.
 *
 * Prints a markdown report on stdout (progress on stderr). The data lives in a temporary
 * folder, removed at the end unless --keep.
 *
 * Usage: node bench/run.mjs [--rows N] [--quick] [--runs N] [--repeats N] [--seed S]
 *                           [--profile] [--keep] [--no-build] [--help]
 *   --rows N      respondents in the large file (default 1000000; the memory check uses 2N)
 *   --quick       smoke run: 100000 rows, 5 start-up runs, 1 repeat (flags after it win)
 *   --runs N      interleaved start-up runs of each command (default 15)
 *   --repeats N   runs of each large-file command; the median time is reported (default 3)
 *   --seed S      seed of the generated data (default 1)
 *   --profile     also profile the CLI on the large file (bench/profile.mjs) and summarise
 *   --keep        keep the temporary folder (data, JSON reports) and print its path
 *   --no-build    do not run `npm run build` first (measure dist/cli.cjs as it is)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpText, readOptions, wholeNumber } from './args.mjs';
import { compareReports } from './compare.mjs';
import { generateSurvey } from './generate-data.mjs';
import { generateExport } from './generate-export.mjs';
import { buildSplitter } from './splitter-parse.mjs';
import { interleaved, measure, median, rssMethod } from './measure.mjs';
import { profileCli, renderSummary } from './profile.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin/survey-analyze.js');
const CODEBOOK = join(ROOT, 'bench/codebook.json');
const EXPORT_CODEBOOK = join(ROOT, 'bench/export-codebook.json');
const FIXTURE = join(ROOT, 'fixtures/protect-survey.csv');
const PYTHON = '/usr/bin/python3';
const NODE = process.execPath;
const TOLERANCE = 1e-9;

export const GOALS = {
  startupRatio: 1.5,
  /** The export-shaped survey: at most 1/6 of pandas' time (the aim: 1/8). */
  exportShare: 1 / 6,
  exportAim: 1 / 8,
  /** The synthetic survey (the goal of issue 6). */
  pandasShare: 1 / 3,
  rssMiB: 150,
  rssGrowth: 1.2,
};

const OPTIONS = {
  rows: { type: 'string' },
  quick: { type: 'boolean' },
  runs: { type: 'string' },
  repeats: { type: 'string' },
  seed: { type: 'string' },
  profile: { type: 'boolean' },
  keep: { type: 'boolean' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The options of run.mjs (see the usage above); applied in order, so flags after --quick win. */
export function parseArgs(argv) {
  const options = { rows: 1_000_000, runs: 15, repeats: 3, seed: 1, profile: false, keep: false, build: true };
  for (const { name, flag, value } of readOptions(argv, OPTIONS, ' (see --help)')) {
    if (name === 'rows') options.rows = wholeNumber(flag, value, 1);
    else if (name === 'quick') Object.assign(options, { rows: 100_000, runs: 5, repeats: 1 });
    else if (name === 'runs') options.runs = wholeNumber(flag, value, 1);
    else if (name === 'repeats') options.repeats = wholeNumber(flag, value, 1);
    else if (name === 'seed') options.seed = wholeNumber(flag, value, 0);
    else if (name === 'profile') options.profile = true;
    else if (name === 'keep') options.keep = true;
    else if (name === 'no-build') options.build = false;
    else if (name === 'help') options.help = true;
  }
  return options;
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // not Linux: os.cpus() has the model
  }
  return { cores: availableParallelism(), model, node: process.version, kernel: release(), memoryGiB: totalmem() / 2 ** 30 };
}

/** Run a command through `measure`, stop the bench with its stderr when it fails. */
function run(label, command, args, options = {}) {
  const result = measure(command, args, { cwd: ROOT, ...options });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}): ${[command, ...args].join(' ')}\n${result.stderr.trim()}`);
  }
  return result;
}

/** `repeats` rounds of the given jobs, interleaved (A, B, C, A, B, C, ...); median time, max RSS. */
function repeated(jobs, repeats) {
  const results = jobs.map(() => []);
  for (let r = 0; r < repeats; r++) {
    jobs.forEach((job, j) => {
      log(`${job.label} (${r + 1}/${repeats}) ...`);
      const result = run(job.label, job.command, job.args, { stdout: job.stdout ?? null });
      log(`  ${result.seconds.toFixed(2)} s, ${result.maxRssKiB === null ? '?' : (result.maxRssKiB / 1024).toFixed(0)} MiB`);
      results[j].push(result);
    });
  }
  return results.map((list) => summarize(list));
}

function summarize(list) {
  const rss = list.map((r) => r.maxRssKiB).filter((v) => v !== null);
  return {
    seconds: median(list.map((r) => r.seconds)),
    all: list.map((r) => r.seconds),
    rssMiB: rss.length > 0 ? Math.max(...rss) / 1024 : null,
  };
}

const fmt = {
  s: (x) => (x < 1 ? x.toFixed(3) : x.toFixed(2)),
  mib: (x) => (x === null ? 'n/a' : x.toFixed(1)),
  mbs: (bytes, seconds) => (bytes === null ? '–' : (bytes / 1e6 / seconds).toFixed(1)),
  int: (n) => n.toLocaleString('en'),
};

function verdict(met) {
  return met ? '**met**' : '**NOT MET**';
}

/** The markdown report: machine, table, goals, agreement. */
export function renderReport({ options, machine: m, rssHow, rows, load }, table, goals, agreement) {
  const lines = [];
  lines.push('## survey-analyze benchmark', '');
  lines.push(`Machine: ${m.cores} cores (nproc), ${m.model}, ${m.memoryGiB.toFixed(1)} GiB RAM, Linux ${m.kernel}, node ${m.node}.`);
  lines.push(`Load average (1 min) at start ${load.start.toFixed(2)}, at end ${load.end.toFixed(2)}: other work on the machine slows every timing below.`);
  lines.push(
    `Data: ${fmt.int(rows)} and ${fmt.int(2 * rows)} generated respondents (seed ${options.seed}) of the export-shaped survey (bench/export-codebook.json), ` +
      `${fmt.int(rows)} of the synthetic survey (bench/codebook.json). ` +
      `Start-up: median of ${options.runs} interleaved runs; large files: median of ${options.repeats} interleaved run${options.repeats === 1 ? '' : 's'}. ` +
      `Peak RSS: ${rssHow}. Files are in the page cache (just written).`,
    '',
  );
  lines.push('| work | rows | input MB | wall s | MB/s | peak RSS MiB |', '|---|---:|---:|---:|---:|---:|');
  for (const row of table) {
    lines.push(`| ${row.work} | ${row.rows === null ? '–' : fmt.int(row.rows)} | ${row.bytes === null ? '–' : (row.bytes / 1e6).toFixed(1)} | ${fmt.s(row.seconds)} | ${row.throughput ? fmt.mbs(row.bytes, row.seconds) : '–'} | ${fmt.mib(row.rssMiB)} |`);
  }
  lines.push('', '### Goals', '');
  for (const goal of goals) lines.push(`- ${goal.met === null ? '**n/a**' : verdict(goal.met)}: ${goal.text}`);
  lines.push('', '### Agreement with pandas', '');
  for (const [name, a] of agreement) lines.push(`${name}: ${a.text}`, '');
  return lines.join('\n');
}

/**
 * The goal lines. `cli`/`pandas`/`cli2` are the export-shaped survey at N and 2N rows;
 * `synthetic` (optional) is { cli, pandas } of the synthetic survey at N rows.
 */
export function goalLines({ startup, node0, cli, pandas, cli2, rows, synthetic = null }) {
  const startupRatio = startup.seconds / node0.seconds;
  const share = cli.seconds / pandas.seconds;
  const goals = [
    {
      met: startupRatio <= GOALS.startupRatio,
      text: `start-up: full analysis of the 782-row survey ${fmt.s(startup.seconds)} s = ${startupRatio.toFixed(2)}x \`node -e 0\` (${fmt.s(node0.seconds)} s); goal <= ${GOALS.startupRatio}x`,
    },
    {
      met: share <= GOALS.exportShare,
      text: `throughput, export-shaped survey: survey-analyze ${fmt.s(cli.seconds)} s vs pandas ${fmt.s(pandas.seconds)} s at ${fmt.int(rows)} rows = ${share.toFixed(3)} of pandas' time (${(1 / share).toFixed(1)}x faster); goal <= 1/6 (0.167), aim 1/8 (0.125)${share <= GOALS.exportAim ? ': aim reached' : ''}`,
    },
  ];
  if (synthetic !== null) {
    const s = synthetic.cli.seconds / synthetic.pandas.seconds;
    goals.push({
      met: s <= GOALS.pandasShare,
      text: `throughput, synthetic survey: survey-analyze ${fmt.s(synthetic.cli.seconds)} s vs pandas ${fmt.s(synthetic.pandas.seconds)} s at ${fmt.int(rows)} rows = ${s.toFixed(3)} of pandas' time (${(1 / s).toFixed(1)}x faster); goal <= 1/3 (0.33)`,
    });
  }
  if (cli.rssMiB === null || cli2.rssMiB === null) {
    goals.push({ met: null, text: 'memory: peak RSS could not be measured here (neither /usr/bin/time nor /usr/bin/python3)' });
  } else {
    const note = rows === 1_000_000 ? '' : ` (measured at ${fmt.int(rows)} rows; the goal is stated for 1,000,000)`;
    goals.push({ met: cli.rssMiB <= GOALS.rssMiB, text: `memory: peak RSS ${cli.rssMiB.toFixed(1)} MiB at ${fmt.int(rows)} rows of the export; goal <= ${GOALS.rssMiB} MiB${note}` });
    const growth = cli2.rssMiB / cli.rssMiB;
    goals.push({ met: growth <= GOALS.rssGrowth, text: `memory growth: ${cli2.rssMiB.toFixed(1)} MiB at ${fmt.int(2 * rows)} rows = ${growth.toFixed(2)}x the ${fmt.int(rows)}-row peak; goal <= ${GOALS.rssGrowth}x` });
  }
  return goals;
}

export function agreementText(result) {
  const lines = [];
  const worst = result.worst;
  const ok = result.mismatches.length === 0;
  lines.push(
    `${ok ? '**passed**' : '**FAILED**'}: ${result.compared} figures compared (scales, items, scores, correlations, prevalence and CIs, chi-square); ` +
      `largest difference ${worst ? worst.diff.toExponential(2) : '0'}${worst ? ` at \`${worst.path}\` (CLI ${worst.cli}, pandas ${worst.ref})` : ''}; ` +
      `tolerance ${TOLERANCE} (|a - b| / max(1, |b|)).`,
  );
  if (result.skipped.length > 0) lines.push('', `Not in the CLI report, so not compared: ${result.skipped.slice(0, 10).join(', ')}${result.skipped.length > 10 ? `, ... (${result.skipped.length})` : ''}.`);
  if (!ok) {
    lines.push('', `${result.mismatches.length} figure${result.mismatches.length === 1 ? '' : 's'} differ by more than ${TOLERANCE}:`, '');
    for (const m of result.mismatches.slice(0, 20)) lines.push(`- \`${m.path}\`: CLI ${m.cli}, pandas ${m.ref}, difference ${m.diff}`);
  }
  return { ok, text: lines.join('\n') };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(helpText(import.meta.url));
    return 0;
  }
  const m = machine();
  const loadStart = loadavg()[0];
  const method = rssMethod();
  const rssHow = method === 'gnu-time' ? 'GNU time %M (ru_maxrss from wait4)' : method === 'python-wait4' ? 'python os.wait4 ru_maxrss' : 'not available';

  if (options.build) {
    log('npm run build ...');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'survey-analyze-bench-'));
  const cleanup = () => {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    // 1. Start-up.
    const startupArgs = [CLI, FIXTURE, '--format', 'json'];
    log(`start-up: ${options.runs} interleaved runs of \`node -e 0\` and the 782-row analysis ...`);
    const [node0Times, startupTimes] = interleaved(
      [
        { command: NODE, args: ['-e', '0'] },
        { command: NODE, args: startupArgs },
      ],
      { runs: options.runs, cwd: ROOT },
    );
    const node0 = { seconds: node0Times.median, rssMiB: summarize([run('node -e 0', NODE, ['-e', '0'])]).rssMiB };
    const startup = { seconds: startupTimes.median, rssMiB: summarize([run('start-up', NODE, startupArgs)]).rssMiB };

    // 2. Data: the export-shaped survey at N and 2N rows, the synthetic survey at N rows.
    const exportFile = join(dir, `export-${options.rows}.csv`);
    const exportFile2 = join(dir, `export-${2 * options.rows}.csv`);
    const file = join(dir, `survey-${options.rows}.csv`);
    for (const [path, rows, generate] of [[exportFile, options.rows, generateExport], [exportFile2, 2 * options.rows, generateExport], [file, options.rows, generateSurvey]]) {
      const start = process.hrtime.bigint();
      const written = generate({ rows, seed: options.seed, file: path });
      log(`generated ${path.split('/').pop()}: ${fmt.int(rows)} rows, ${(written / 1e6).toFixed(1)} MB in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`);
    }
    const exportBytes = statSync(exportFile).size;
    const exportBytes2 = statSync(exportFile2).size;
    const bytes = statSync(file).size;
    const splitter = await buildSplitter(dir);

    // 3. Throughput and agreement at N rows, interleaved: both data sets, CLI, pandas and the parse-only baselines.
    const json = (name) => join(dir, `${name}.json`);
    const n = fmt.int(options.rows);
    const [cli, pandas, papa, own, oneThread, synCli, synPandas] = repeated(
      [
        { label: `survey-analyze, export, ${n} rows`, command: NODE, args: [CLI, exportFile, '--codebook', EXPORT_CODEBOOK, '--format', 'json'], stdout: json('export-cli') },
        { label: `pandas, export, ${n} rows`, command: PYTHON, args: [join(ROOT, 'bench/pandas_reference.py'), exportFile, '--codebook', EXPORT_CODEBOOK], stdout: json('export-pandas') },
        { label: `papaparse parse-only, export, ${n} rows`, command: NODE, args: [join(ROOT, 'bench/papaparse-parse.mjs'), exportFile] },
        { label: `csv-records parse-only, export, ${n} rows`, command: NODE, args: [join(ROOT, 'bench/splitter-parse.mjs'), exportFile, splitter] },
        { label: `survey-analyze --threads 1, export, ${n} rows`, command: NODE, args: [CLI, exportFile, '--codebook', EXPORT_CODEBOOK, '--format', 'json', '--threads', '1'], stdout: json('export-cli-1') },
        { label: `survey-analyze, synthetic, ${n} rows`, command: NODE, args: [CLI, file, '--codebook', CODEBOOK, '--format', 'json'], stdout: json('synthetic-cli') },
        { label: `pandas, synthetic, ${n} rows`, command: PYTHON, args: [join(ROOT, 'bench/pandas_reference.py'), file, '--codebook', CODEBOOK], stdout: json('synthetic-pandas') },
      ],
      options.repeats,
    );

    // 4. Memory (and time) at 2N rows of the export.
    const [cli2] = repeated([{ label: `survey-analyze, export, ${fmt.int(2 * options.rows)} rows`, command: NODE, args: [CLI, exportFile2, '--codebook', EXPORT_CODEBOOK, '--format', 'json'] }], 1);

    const read = (name) => JSON.parse(readFileSync(json(name), 'utf8'));
    const pandasReport = read('export-pandas');
    const agreement = [
      ['Export-shaped survey', agreementText(compareReports(read('export-cli'), pandasReport, TOLERANCE))],
      ['Synthetic survey', agreementText(compareReports(read('synthetic-cli'), read('synthetic-pandas'), TOLERANCE))],
    ];
    // Two threads or one: the same ranges, merged the same way, so the same report byte for byte.
    const sameReport = readFileSync(json('export-cli'), 'utf8') === readFileSync(json('export-cli-1'), 'utf8');
    agreement.push(['One thread against two (export)', {
      ok: sameReport,
      text: `${sameReport ? '**passed**' : '**FAILED**'}: the report of \`--threads 1\` is ${sameReport ? '' : 'NOT '}byte-identical to that of two threads.`,
    }]);
    const agreed = agreement.every(([, a]) => a.ok);

    const table = [
      { work: '`node -e 0`', rows: null, bytes: null, ...node0 },
      { work: 'survey-analyze start-up: 782-row survey, `--format json`', rows: 782, bytes: statSync(FIXTURE).size, ...startup },
      { work: 'export: papaparse parse-only (streaming, 64 KiB chunks)', rows: options.rows, bytes: exportBytes, throughput: true, ...papa },
      { work: 'export: csv-records.ts parse-only (streaming, 64 KiB chunks)', rows: options.rows, bytes: exportBytes, throughput: true, ...own },
      { work: '**export: survey-analyze, full analysis, `--format json`**', rows: options.rows, bytes: exportBytes, throughput: true, ...cli },
      { work: 'export: survey-analyze `--threads 1` (the same two ranges, one after the other)', rows: options.rows, bytes: exportBytes, throughput: true, ...oneThread },
      { work: `export: pandas + numpy + statsmodels reference (pandas ${pandasReport.tool?.pandas ?? '?'})`, rows: options.rows, bytes: exportBytes, throughput: true, ...pandas },
      { work: '**export: survey-analyze, full analysis, `--format json`**', rows: 2 * options.rows, bytes: exportBytes2, throughput: true, ...cli2 },
      { work: 'synthetic: survey-analyze, full analysis, `--format json`', rows: options.rows, bytes, throughput: true, ...synCli },
      { work: 'synthetic: pandas + numpy + statsmodels reference', rows: options.rows, bytes, throughput: true, ...synPandas },
    ];
    const goals = goalLines({ startup, node0, cli, pandas, cli2, rows: options.rows, synthetic: { cli: synCli, pandas: synPandas } });
    let out = renderReport({ options, machine: m, rssHow, rows: options.rows, load: { start: loadStart, end: loadavg()[0] } }, table, goals, agreement);

    if (options.profile) {
      log('profiling the CLI on the large file ...');
      const { seconds, summary } = await profileCli({ cliArgs: [exportFile, '--codebook', EXPORT_CODEBOOK, '--format', 'json'], dir: join(dir, 'profile') });
      out += `\n\n### Profile (export, ${fmt.int(options.rows)} rows, ${seconds.toFixed(2)} s wall with --cpu-prof)\n\n${renderSummary(summary)}`;
    }
    process.stdout.write(`${out}\n`);
    if (options.keep) log(`kept ${dir}`);
    if (!agreed) {
      process.stderr.write(`\n[bench] AGREEMENT FAILED: the CLI and pandas differ by more than ${TOLERANCE}, or one thread and two differ (see the report above)\n`);
      return 1;
    }
    return 0;
  } finally {
    cleanup();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`[bench] ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
