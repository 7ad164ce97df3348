/**
 * Where does the CLI spend its time on a large file? Runs the CLI under `node --cpu-prof`
 * and summarises the V8 CPU profile by self time: per stage of the flow (parse in
 * papaparse, reading in src/read, coding in src/codebook, accumulation in src/analysis,
 * statistics in src/stats, rendering in src/report, garbage collection, ...), per source
 * file and per function.
 *
 * The CLI is bundled for this run as `npm run build` does (scripts/bundle-options.mjs), not
 * minified and with a source map, into a temporary folder, and run from its code cache like
 * bin/survey-analyze.js, so that each profile sample in the bundle is traced back to its
 * TypeScript file and line (node:module's SourceMap).
 *
 * Usage: node bench/profile.mjs [--rows 1000000] [--data file.csv] [--codebook file]
 *                               [--seed 1] [--top 15] [--keep]
 *        node bench/profile.mjs --startup [--top 15] [--keep]
 *        node bench/profile.mjs --help
 * Without --data, a seeded file is generated (bench/generate-data.mjs) and analysed with
 * bench/codebook.json. --startup profiles the start-up run instead (the bundled 782-row
 * survey, built-in codebook) with 100 µs sampling, and adds the bundle's size by package. --keep leaves the .cpuprofile (for
 * Chrome DevTools) and the bundle in the temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { helpText, readOptions, wholeNumber } from './args.mjs';
import { generateSurvey } from './generate-data.mjs';
import { BUNDLE_OPTIONS, MAKE_CODE_CACHE, VENDOR, vendorOptions, WORKER_OPTIONS } from '../scripts/bundle-options.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Positions in the bundle that map to no source: esbuild's module helpers. */
export const BUNDLE_GLUE = '(bundle: esbuild helpers)';

/** The stage a source file belongs to (paths relative to the project root). */
export function stageOf(source, functionName) {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (!source) return 'V8 builtins / native';
  if (source === BUNDLE_GLUE) return 'bundle glue (esbuild helpers)';
  if (source.startsWith('node:') || source.startsWith('internal/')) return 'node internals (module loading, streams, fs)';
  // Scoped packages count as one library (@stdlib ships one package per function).
  const lib = /(?:^|\/)node_modules\/(@[^/]+|[^/]+)\//.exec(source);
  if (lib) return lib[1] === 'papaparse' ? 'parse: papaparse' : `library: ${lib[1]}`;
  if (source.startsWith('src/read/')) return 'read: decode, line numbers, row checks (src/read)';
  if (source.startsWith('src/codebook/')) return 'coding (src/codebook)';
  if (source.startsWith('src/analysis/')) return 'accumulate (src/analysis)';
  if (source.startsWith('src/stats/')) return 'statistics (src/stats)';
  if (source.startsWith('src/report/')) return 'render (src/report)';
  if (source.startsWith('src/cli/')) return 'CLI (src/cli)';
  return `other: ${source}`;
}

/**
 * Self time per profile node, in microseconds: sample i lasts until the next sample
 * (timeDeltas[i + 1]); the last one is given the mean interval.
 */
export function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  const total = timeDeltas.reduce((s, d) => s + d, 0);
  const mean = samples.length > 0 ? total / samples.length : 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : mean;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  return self;
}

/**
 * Summarise a CPU profile: self time by stage, by source file and by function.
 * `locate(callFrame)` gives { source, line } in the original sources (source relative to
 * the project root, or a node: / node_modules path; line 1-based), or null.
 */
export function summarizeProfile(profile, locate) {
  const self = selfTimes(profile);
  const byStage = new Map();
  const byFile = new Map();
  const byFunction = new Map();
  let totalUs = 0;
  const add = (map, key, us, extra) => {
    const entry = map.get(key) ?? { key, us: 0, ...extra };
    entry.us += us;
    map.set(key, entry);
  };
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0 || node.callFrame.functionName === '(root)') continue;
    totalUs += us;
    const frame = node.callFrame;
    const place = locate(frame);
    const source = place?.source ?? (frame.url.startsWith('node:') ? frame.url : frame.url ? frame.url : '');
    const name = frame.functionName || '(anonymous)';
    const stage = stageOf(source, frame.functionName);
    add(byStage, stage, us);
    add(byFile, source || stage, us, { stage });
    const where = place ? (place.line === null ? place.source : `${place.source}:${place.line}`) : source || '(native)';
    add(byFunction, `${name} ${where}`, us, { name, where, stage });
  }
  const sorted = (map) => [...map.values()].sort((a, b) => b.us - a.us);
  return { totalUs, stages: sorted(byStage), files: sorted(byFile), functions: sorted(byFunction) };
}

/** One summary of several profiles (the main thread's and the worker thread's of a split run): self times added by key. */
export function mergeSummaries(summaries) {
  const merge = (lists) => {
    const map = new Map();
    for (const list of lists) for (const entry of list) map.set(entry.key, { ...entry, us: (map.get(entry.key)?.us ?? 0) + entry.us });
    return [...map.values()].sort((a, b) => b.us - a.us);
  };
  return {
    totalUs: summaries.reduce((t, s) => t + s.totalUs, 0),
    stages: merge(summaries.map((s) => s.stages)),
    files: merge(summaries.map((s) => s.files)),
    functions: merge(summaries.map((s) => s.functions)),
  };
}

function pct(us, total) {
  return total > 0 ? `${((100 * us) / total).toFixed(1)} %` : '-';
}

function ms(us) {
  return (us / 1000).toFixed(0);
}

/** Markdown tables of a summary: every stage, the top files and the top functions. */
export function renderSummary(summary, top = 15) {
  const lines = [];
  const { totalUs } = summary;
  lines.push(`CPU profile: ${ms(totalUs)} ms of samples (self time).`, '');
  lines.push('| stage | self ms | share |', '|---|---:|---:|');
  for (const s of summary.stages) lines.push(`| ${s.key} | ${ms(s.us)} | ${pct(s.us, totalUs)} |`);
  lines.push('', `Top ${top} source files:`, '', '| file | stage | self ms | share |', '|---|---|---:|---:|');
  for (const f of summary.files.slice(0, top)) lines.push(`| ${f.key} | ${f.stage} | ${ms(f.us)} | ${pct(f.us, totalUs)} |`);
  lines.push('', `Top ${top} functions:`, '', '| function | where | self ms | share |', '|---|---|---:|---:|');
  for (const f of summary.functions.slice(0, top)) lines.push(`| \`${f.name}\` | ${f.where} | ${ms(f.us)} | ${pct(f.us, totalUs)} |`);
  return lines.join('\n');
}

/**
 * Bundle the CLI like `npm run build` (the same esbuild options, plus a source map), with its
 * vendor bundles (SheetJS, docx, YAML) beside it in vendor/ as in dist/, make its code cache the
 * same way, and write a runner that loads both like bin/survey-analyze.js.
 */
export async function buildProfiledCli(dir) {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'cli.cjs');
  const codeCache = join(dir, 'cli.cache');
  const [result] = await Promise.all([
    build({ ...BUNDLE_OPTIONS, outfile, minify: false, sourcemap: true, metafile: true }),
    // The worker thread of a split run, beside the CLI as in dist/ (a large file's second half).
    build({ ...WORKER_OPTIONS, outfile: join(dir, 'range-worker.cjs'), minify: false, sourcemap: true }),
    ...Object.entries(VENDOR).map(([name, file]) => build(vendorOptions(name, join(dir, 'vendor', file)))),
  ]);
  const cache = spawnSync(process.execPath, [MAKE_CODE_CACHE, outfile, codeCache], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (cache.status !== 0) throw new Error(`making the code cache failed:\n${cache.stderr}`);
  const runner = join(dir, 'survey-analyze.cjs');
  const loader = JSON.stringify(join(ROOT, 'bin/load-cli.cjs'));
  writeFileSync(
    runner,
    `require(${loader}).loadCli(${JSON.stringify(outfile)}, ${JSON.stringify(codeCache)}).cli.main(process.argv.slice(2)).then((code) => {\n  process.exitCode = code;\n});\n`,
  );
  return { outfile, worker: join(dir, 'range-worker.cjs'), runner, metafile: result.metafile };
}

/** Bytes of the bundle per package (node_modules) or source folder, biggest first. */
export function bundleComposition(metafile) {
  const sizes = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const lib = /(?:^|\/)node_modules\/(@[^/]+|[^/]+)\//.exec(path);
      const src = /(?:^|\/)(src\/[^/]+)\//.exec(path);
      const key = lib ? lib[1] : src ? src[1] : path;
      sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].map(([key, bytes]) => ({ key, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function renderComposition(parts, top) {
  const total = parts.reduce((s, p) => s + p.bytes, 0);
  const lines = [`Bundle: ${(total / 1024).toFixed(0)} KiB of code (loaded at every start; what a run compiles comes from the code cache; SheetJS, docx and the YAML parser are apart, in vendor/, loaded only by the runs that use them).`, '', '| package or folder | KiB | share |', '|---|---:|---:|'];
  for (const p of parts.slice(0, top)) lines.push(`| ${p.key} | ${(p.bytes / 1024).toFixed(1)} | ${pct(p.bytes, total)} |`);
  return lines.join('\n');
}

/** A locator from bundle positions to original sources, relative to the project root. */
export function bundleLocator(outfile) {
  const map = new SourceMap(JSON.parse(readFileSync(`${outfile}.map`, 'utf8')));
  const url = pathToFileURL(outfile).href;
  const base = dirname(outfile);
  return (frame) => {
    if (frame.url !== url && frame.url !== outfile) return null;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry || !entry.originalSource) return { source: BUNDLE_GLUE, line: null };
    const original = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(base, entry.originalSource);
    return { source: relative(ROOT, original), line: entry.originalLine + 1 };
  };
}

/**
 * Profile one CLI run with `cliArgs` (stdout discarded), sampling every `intervalUs`
 * microseconds. Returns { seconds, summary, profilePath }. The profile and bundle live
 * in `dir` (left for the caller to remove).
 */
export async function profileCli({ cliArgs, dir, intervalUs = 1000 }) {
  mkdirSync(dir, { recursive: true });
  const { outfile, worker, runner, metafile } = await buildProfiledCli(dir);
  const profDir = join(dir, 'cpu-prof');
  mkdirSync(profDir, { recursive: true });
  const args = ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-interval=${intervalUs}`, runner, ...cliArgs];
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`the profiled CLI exited with ${child.status}:\n${child.stderr}`);
  // One profile per thread: the main thread's, and the worker's when the file was split.
  const profiles = readdirSync(profDir).filter((name) => name.endsWith('.cpuprofile')).sort();
  if (profiles.length < 1 || profiles.length > 2) throw new Error(`expected one or two .cpuprofile files in ${profDir}, found ${profiles.length}`);
  const locators = [bundleLocator(outfile), bundleLocator(worker)];
  const locate = (frame) => locators[0](frame) ?? locators[1](frame);
  const summary = mergeSummaries(profiles.map((name) => summarizeProfile(JSON.parse(readFileSync(join(profDir, name), 'utf8')), locate)));
  return { seconds, summary, threads: profiles.length, profilePath: join(profDir, profiles[0]), composition: bundleComposition(metafile) };
}

const OPTIONS = {
  rows: { type: 'string' },
  data: { type: 'string' },
  codebook: { type: 'string' },
  top: { type: 'string' },
  seed: { type: 'string' },
  keep: { type: 'boolean' },
  startup: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function parseArgs(argv) {
  const options = { rows: 1_000_000, data: null, codebook: join(ROOT, 'bench/codebook.json'), top: 15, keep: false, seed: 1, startup: false };
  for (const { name, flag, value } of readOptions(argv, OPTIONS)) {
    if (name === 'rows') options.rows = wholeNumber(flag, value, 1);
    else if (name === 'data') options.data = resolve(value);
    else if (name === 'codebook') options.codebook = resolve(value);
    else if (name === 'top') options.top = wholeNumber(flag, value, 1);
    else if (name === 'seed') options.seed = wholeNumber(flag, value);
    else if (name === 'keep') options.keep = true;
    else if (name === 'startup') options.startup = true;
    else if (name === 'help') options.help = true;
  }
  if (options.startup && options.data) throw new Error('--startup profiles the bundled survey: it takes no --data');
  return options;
}

async function cli() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(helpText(import.meta.url));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'survey-analyze-profile-'));
  try {
    if (options.startup) {
      const cliArgs = [join(ROOT, 'fixtures/protect-survey.csv'), '--format', 'json'];
      process.stderr.write('profiling the start-up run: the bundled 782-row survey, built-in codebook, 100 µs sampling ...\n');
      const { seconds, summary, profilePath, composition } = await profileCli({ cliArgs, dir, intervalUs: 100 });
      process.stdout.write(`Profiled run: ${seconds.toFixed(3)} s wall (with --cpu-prof).\n\n${renderSummary(summary, options.top)}\n\n${renderComposition(composition, options.top)}\n`);
      if (options.keep) process.stderr.write(`kept ${dir} (profile: ${profilePath}; open it in Chrome DevTools > Performance)\n`);
      return;
    }
    let file = options.data;
    if (!file) {
      file = join(dir, `survey-${options.rows}.csv`);
      process.stderr.write(`generating ${options.rows} rows ...\n`);
      generateSurvey({ rows: options.rows, seed: options.seed, file });
    }
    process.stderr.write(`profiling survey-analyze on ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) ...\n`);
    const cliArgs = [file, '--codebook', options.codebook, '--format', 'json'];
    const { seconds, summary, threads, profilePath } = await profileCli({ cliArgs, dir });
    process.stdout.write(`Profiled run: ${seconds.toFixed(2)} s wall (with --cpu-prof), ${threads === 2 ? 'two threads (the file was split): their samples added' : 'one thread'}.\n\n${renderSummary(summary, options.top)}\n`);
    if (options.keep) process.stderr.write(`kept ${dir} (profile: ${profilePath}; open it in Chrome DevTools > Performance)\n`);
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli().catch((error) => {
    process.stderr.write(`profile: ${error.message}\n`);
    process.exitCode = 1;
  });
}
