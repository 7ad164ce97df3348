// Builds dist/ (scripts/bundle-options.mjs):
//   cli.cjs, cli.cache   the CLI bundle and V8's code cache of it (scripts/make-code-cache.cjs):
//                        start-up time is part of the product;
//   range-worker.cjs     the worker thread of a split analysis (the second half of a large file);
//   vendor/xlsx.cjs, vendor/docx.cjs, vendor/yaml.cjs  SheetJS, docx and the YAML parser, which
//                        the CLI requires by path only when it reads an .xlsx, writes a .docx or
//                        reads or writes a codebook file (scripts/bundle-options.mjs);
//   index.cjs, index.mjs the library (src/index.ts) as one CommonJS bundle, and an ES module
//                        that re-exports its names (one copy of the code, one SurveyError class);
//   types/               its declarations, emitted by tsc from the sources (tsconfig.types.json).
// Everything is built into a scratch folder and then moved into dist/ file by file, so that a
// CLI run while another build is under way never finds dist/ empty.
import { build } from 'esbuild';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS, LIBRARY_OPTIONS, MAKE_CODE_CACHE, VENDOR, vendorOptions, WORKER_OPTIONS } from './bundle-options.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;
const scratch = `${dist}.build-${process.pid}/`;
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
  await Promise.all([
    build({ ...BUNDLE_OPTIONS, outfile: `${scratch}cli.cjs` }),
    build({ ...LIBRARY_OPTIONS, outfile: `${scratch}index.cjs` }),
    build({ ...WORKER_OPTIONS, outfile: `${scratch}range-worker.cjs` }),
    ...Object.entries(VENDOR).map(([name, file]) => build(vendorOptions(name, `${scratch}vendor/${file}`))),
  ]);
  assertAscii(`${scratch}cli.cjs`);
  run(MAKE_CODE_CACHE, [`${scratch}cli.cjs`, `${scratch}cli.cache`]);
  writeFileSync(`${scratch}index.mjs`, esmWrapper(`${scratch}index.cjs`));
  // tsc's status 2: type errors, declarations written all the same. `npm test` fails on those
  // (typecheck); the build goes on, so that a work-in-progress type error elsewhere does not stop the CLI.
  const tsc = run(`${root}node_modules/typescript/bin/tsc`, ['-p', `${root}tsconfig.types.json`, '--outDir', `${scratch}types`], [0, 2]);
  if (tsc !== 0) process.stderr.write('build: warning: the declarations were written despite type errors (see above; npm run typecheck)\n');
  // The declarations describe the CommonJS bundle (index.mjs only re-exports it), for `import` and `require` alike.
  writeFileSync(`${scratch}types/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
  for (const name of readdirSync(scratch)) {
    if (name === 'types' || name === 'vendor') rmSync(`${dist}${name}`, { recursive: true, force: true });
    renameSync(`${scratch}${name}`, `${dist}${name}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** bin/load-cli.cjs reads the CLI bundle as latin1: one byte per character, ASCII only. */
function assertAscii(file) {
  const bytes = readFileSync(file);
  if (isAscii(bytes)) return;
  const at = bytes.findIndex((byte) => byte > 0x7f);
  throw new Error(`build: ${file} has a non-ASCII byte at offset ${at}; bin/load-cli.cjs reads it as latin1 (esbuild's charset must stay ascii)`);
}

function run(script, args, ok = [0]) {
  // tsc reports on stdout; the code cache's warm-up run prints the analysis there.
  const stdout = script === MAKE_CODE_CACHE ? 'ignore' : 'inherit';
  const result = spawnSync(process.execPath, [script, ...args], { stdio: ['ignore', stdout, 'inherit'] });
  if (!ok.includes(result.status)) throw new Error(`build: ${script} ${args.join(' ')} failed (status ${result.status})`);
  return result.status;
}

/** The ES module entry: every export of the CommonJS bundle, by name. */
function esmWrapper(bundle) {
  const names = Object.keys(createRequire(import.meta.url)(bundle)).filter((n) => n !== 'default' && n !== '__esModule');
  return [
    '// The ES module entry of survey-analyze: the names of the CommonJS bundle (scripts/build.mjs).',
    "import library from './index.cjs';",
    `export const { ${names.join(', ')} } = library;`,
    'export default library;',
    '',
  ].join('\n');
}
