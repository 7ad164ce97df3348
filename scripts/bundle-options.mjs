// The esbuild options of the CLI bundle, shared by scripts/build.mjs and bench/profile.mjs.
// One minified CommonJS file: its modules are evaluated only when first required (the codebook
// commands, chalk and zlib only by the runs that use them), and bin/load-cli.cjs runs it from
// V8's code cache. SheetJS (.xlsx), docx (Word) and the YAML parser are most of the code but
// used by few runs: they are bundles of their own, dist/vendor/*.cjs, required by path when a
// run reads an .xlsx, writes a .docx or reads a codebook file, so that every other run neither
// reads nor decodes them, and the code cache is that of the CLI alone.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages bundled apart: package name → file in dist/vendor/. */
export const VENDOR = { '@e965/xlsx': 'xlsx.cjs', docx: 'docx.cjs', yaml: 'yaml.cjs' };

/** What every bundle shares: one minified CommonJS file for Node 20. */
const COMMON = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // esbuild's default, pinned: every other character is escaped, and bin/load-cli.cjs reads the
  // CLI bundle as latin1 (scripts/build.mjs checks it).
  charset: 'ascii',
  logLevel: 'warning',
  // import() of a built-in (zlib) becomes require(): vm.Script, which runs the bundle, has no
  // loader for import().
  supported: { 'dynamic-import': false },
  // @stdlib's internal debug logging, never enabled by the CLI, without loading `debug`.
  alias: { debug: `${ROOT}scripts/no-debug.cjs` },
};

/**
 * Node's CommonJS module wrapper, written around the CLI bundle: bin/load-cli.cjs compiles the
 * file's text as it is, so the text is not copied once more to be wrapped at every start.
 */
export const MODULE_WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

export const BUNDLE_OPTIONS = {
  ...COMMON,
  entryPoints: [`${ROOT}src/cli/main.ts`],
  plugins: [vendorPlugin(), lazyBuiltinPlugin()],
  banner: { js: MODULE_WRAPPER[0] },
  footer: { js: MODULE_WRAPPER[1] },
};

/**
 * The worker thread of a split analysis (src/analysis/split/range-worker.ts →
 * dist/range-worker.cjs), beside the CLI and library bundles, which start it by path.
 */
export const WORKER_OPTIONS = {
  ...COMMON,
  entryPoints: [`${ROOT}src/analysis/split/range-worker.ts`],
  plugins: [vendorPlugin()],
};

/**
 * Node built-ins that the bundle imports at its top level but that a usual run never calls:
 * commander's child_process (for executable subcommands, which the CLI has none of; it also
 * loads net and dgram), crypto (atomic-write's temporary names, for --out), zlib (.sav
 * decompression, .xlsx checks, .gz input), os (spooled-stdout's temporary folder, the cores of
 * a split analysis) and worker_threads (the second range of a split analysis). Each
 * import of one becomes a module of getters, one per export of the built-in, that requires
 * it on first use: the same functions, loaded only by the runs that call them.
 */
export const LAZY_BUILTINS = ['child_process', 'crypto', 'zlib', 'os', 'worker_threads'];

function lazyBuiltinPlugin() {
  const builtinRequire = createRequire(import.meta.url);
  return {
    name: 'lazy-builtin',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`) }, (args) =>
        args.namespace === 'lazy-builtin' ? { path: `node:${args.path.replace(/^node:/, '')}`, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
        const names = Object.keys(builtinRequire(`node:${args.path}`)).filter((n) => n !== 'default');
        const contents = [
          `let m;`,
          `const load = () => m ??= require("node:${args.path}");`,
          `for (const n of ${JSON.stringify(names)}) Object.defineProperty(exports, n, { enumerable: true, get: () => load()[n] });`,
        ].join('\n');
        return { contents, loader: 'js' };
      });
    },
  };
}

/** `import('docx')` in the CLI becomes `require("./vendor/docx.cjs")`, relative to the bundle. */
function vendorPlugin() {
  const names = Object.keys(VENDOR).map((n) => n.replace(/[/.]/g, '\\$&'));
  return {
    name: 'vendor',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: `./vendor/${VENDOR[args.path]}`, external: true }));
    },
  };
}

/**
 * The esbuild options of one vendor bundle (dist/vendor/<file>): the package's ES module
 * entry, as the CLI imported it when it was inside the CLI's bundle, as one CommonJS file.
 */
export function vendorOptions(name, outfile) {
  return {
    ...COMMON,
    stdin: { contents: `export * from ${JSON.stringify(name)};\n`, resolveDir: ROOT, sourcefile: `vendor-${VENDOR[name]}.mjs`, loader: 'js' },
    outfile,
  };
}

/**
 * The library bundle (src/index.ts → dist/index.cjs): the same settings, every dependency
 * inside it (the package has no runtime dependencies to install), not minified, so that a
 * consumer's stack traces and debugger show the functions by name.
 */
export const LIBRARY_OPTIONS = {
  ...BUNDLE_OPTIONS,
  // The library keeps SheetJS, docx and YAML inside: it is one file with nothing to resolve,
  // required as any CommonJS file (no module wrapper around it).
  plugins: [],
  banner: {},
  footer: {},
  entryPoints: [`${ROOT}src/index.ts`],
  minify: false,
  minifySyntax: true,
  minifyWhitespace: true,
};

/** `node scripts/make-code-cache.cjs bundle cache`: V8's code cache of a built bundle. */
export const MAKE_CODE_CACHE = `${ROOT}scripts/make-code-cache.cjs`;
