/**
 * The package as a consumer gets it: `npm pack` of the built tree (globalSetup builds dist/),
 * installed from the tarball into a fresh project with no registry at all, then imported from
 * an ES module and from CommonJS, its CLI run, and a TypeScript file typechecked against the
 * shipped declarations. The alphas are R psych's (tests/fixture/protect-golden.json).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT } from './run-cli.js';

const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixture/protect-golden.json'), 'utf8')) as Record<string, { n: number; alpha: number }>;
const work = mkdtempSync(join(tmpdir(), 'consumer-'));
const project = join(work, 'project');
let packed: { filename: string; files: { path: string }[] };

/** npm with no registry to reach: anything it would fetch fails instead. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--offline', '--registry=http://127.0.0.1:9/', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' },
  });
}

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // --ignore-scripts: dist/ is already built (globalSetup); `prepare` would build it again.
  [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT));
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(['install', join(work, packed.filename)], project);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the built bundles, the declarations and the bin, and no sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of ['bin/survey-analyze.js', 'bin/load-cli.cjs', 'dist/cli.cjs', 'dist/cli.cache', 'dist/index.cjs', 'dist/index.mjs', 'dist/types/index.d.ts', 'package.json', 'README.md']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('scripts/'))).toEqual([]);
  });

  it('installs without a registry: no runtime dependency left to fetch, no install script, nothing to build', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/survey-analyze/package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    // Only the package itself (and its bin link): esbuild, commander, papaparse... are inside the bundle.
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['survey-analyze']);
  });
});

describe('the library, imported as a consumer does', () => {
  it('from an ES module: analyze a file, with the golden alphas; render; errors are SurveyErrors', () => {
    writeFileSync(join(project, 'use.mjs'), `
      import { analyze, render, parseCodebook, SurveyError, DEFAULT_SETTINGS } from 'survey-analyze';
      const report = await analyze(${JSON.stringify(FIXTURE)}, { confLevel: 0.9 });
      const json = JSON.parse(render(report, 'json'));
      const { problems } = parseCodebook('scales: 3', 'bad.yaml');
      let error;
      try { await analyze('no-such-file.csv'); } catch (e) { error = e; }
      console.log(JSON.stringify({
        alphas: Object.fromEntries(report.scales.map((s) => [s.id, [s.alpha, s.n]])),
        level: report.settings.confLevel, ciMethod: report.settings.ciMethod, defaults: DEFAULT_SETTINGS.ciMethod,
        sameAsJson: json.scales[0].alpha === report.scales[0].alpha,
        table: render(report).includes('perceived_knowledge'),
        problems: problems.map((p) => p.file + ':' + p.line),
        error: [error instanceof SurveyError, error.exitCode, error.place.file],
      }));
    `);
    const result = node(['use.mjs']);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    for (const [id, [alpha, n]] of Object.entries(out.alphas as Record<string, [number, number]>)) {
      expect(alpha).toBeCloseTo(golden[id].alpha, 9);
      expect(n).toBe(golden[id].n);
    }
    expect(Object.keys(out.alphas)).toEqual(Object.keys(golden));
    expect(out).toMatchObject({ level: 0.9, ciMethod: 'wilson', defaults: 'wilson', sameAsJson: true, table: true, problems: ['bad.yaml:1'] });
    expect(out.error).toEqual([true, 1, 'no-such-file.csv']);
  });

  it('from CommonJS: rows held in memory give the same figures as the file', () => {
    writeFileSync(join(project, 'use.cjs'), `
      const { readFileSync } = require('node:fs');
      const { analyze, analyzeRows, builtinCodebook } = require('survey-analyze');
      // The fixture has no quoted fields: one line, one row.
      const [header, ...lines] = readFileSync(${JSON.stringify(FIXTURE)}, 'utf8').trim().split('\\n');
      const table = { columns: header.split(','), rows: lines.map((l) => l.split(',')), name: 'in-memory' };
      Promise.all([analyzeRows(table, { codebook: builtinCodebook() }), analyze([${JSON.stringify(FIXTURE)}])]).then(([rows, file]) => {
        console.log(JSON.stringify({ rows: rows.scales.map((s) => s.alpha), file: file.scales.map((s) => s.alpha),
          prevalence: [rows.prevalence, file.prevalence], files: rows.input.files, n: rows.input.rows }));
      });
    `);
    const result = node(['use.cjs']);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.rows).toEqual(out.file);
    expect(out.rows[0]).toBeCloseTo(golden.perceived_knowledge.alpha, 9);
    expect(out.prevalence[0]).toEqual(out.prevalence[1]);
    expect(out.files).toEqual(['in-memory']);
    expect(out.n).toBe(782);
  });

  it('the installed bin runs from the bundle alone', () => {
    const result = node(['node_modules/.bin/survey-analyze', '-f', 'json', FIXTURE]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).scales[0].alpha).toBeCloseTo(golden.perceived_knowledge.alpha, 9);
  });

  it('typechecks against the shipped declarations, from an ES module and from CommonJS; a wrong option is a type error', () => {
    const use = (imports: string): string => `
      ${imports}
      export async function main(): Promise<number | null> {
        const codebook: Codebook = loadCodebook('codebook.yaml');
        const settings: AnalysisSettings = analysisSettings(codebook, { ciMethod: 'jeffreys', bootstrap: { seed: 7 } });
        const options: AnalyzeOptions = { codebook, ...settings, read: { delimiter: ';' } };
        const report: Report = await analyzeRows({ columns: ['a', 'b'], rows: [[1, '2'], [null, 3]] }, options);
        const scale: ScaleReport = report.scales[0];
        const text: string = render(report, 'markdown', { digits: 2 });
        // @ts-expect-error: not a CI method
        await analyze('x.csv', { ciMethod: 'exact' });
        // @ts-expect-error: not a format
        render(report, 'pdf');
        // @ts-expect-error: alpha is a number or null, not a string
        const wrong: string = scale.alpha;
        return text.length > 0 ? scale.alpha : wrong.length;
      }`;
    writeFileSync(join(project, 'use-esm.mts'), use(`import { analyze, analyzeRows, analysisSettings, loadCodebook, render, type AnalysisSettings, type AnalyzeOptions, type Codebook, type Report, type ScaleReport } from 'survey-analyze';`));
    writeFileSync(join(project, 'use-cjs.cts'), use(`import { analyze, analyzeRows, analysisSettings, loadCodebook, render } from 'survey-analyze';\nimport type { AnalysisSettings, AnalyzeOptions, Codebook, Report, ScaleReport } from 'survey-analyze';`));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true,
        // Not skipLibCheck: the shipped declarations themselves are checked too.
        skipLibCheck: false,
        typeRoots: [join(ROOT, 'node_modules/@types')], types: ['node'],
      },
      files: ['use-esm.mts', 'use-cjs.cts'],
    }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    expect(existsSync(join(project, 'node_modules/survey-analyze/dist/types/index.d.ts'))).toBe(true);
  });
});
