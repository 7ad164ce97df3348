// The esbuild options of the CLI bundle, shared by scripts/build.mjs and bench/profile.mjs.
// One minified CommonJS file: its modules are evaluated only when first required (the YAML
// parser, the codebook commands, chalk and zlib only by the runs that use them), and
// bin/load-cli.cjs runs it from V8's code cache.
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BUNDLE_OPTIONS = {
  entryPoints: [`${ROOT}src/cli/main.ts`],
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // import() of a built-in (zlib) becomes require(): vm.Script, which runs the bundle, has no
  // loader for import().
  supported: { 'dynamic-import': false },
  // @stdlib's internal debug logging, never enabled by the CLI, without loading `debug`.
  alias: { debug: `${ROOT}scripts/no-debug.cjs` },
};

/**
 * The library bundle (src/index.ts → dist/index.cjs): the same settings, every dependency
 * inside it (the package has no runtime dependencies to install), not minified, so that a
 * consumer's stack traces and debugger show the functions by name.
 */
export const LIBRARY_OPTIONS = {
  ...BUNDLE_OPTIONS,
  entryPoints: [`${ROOT}src/index.ts`],
  minify: false,
  minifySyntax: true,
  minifyWhitespace: true,
};

/** `node scripts/make-code-cache.cjs bundle cache`: V8's code cache of a built bundle. */
export const MAKE_CODE_CACHE = `${ROOT}scripts/make-code-cache.cjs`;
