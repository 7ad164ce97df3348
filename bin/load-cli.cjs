'use strict';
/**
 * Loads the bundled CLI, dist/cli.cjs, with V8's code cache of it, dist/cli.cache.
 *
 * Compiling the bundle is about a third of a small run's start-up. `npm run build` writes the
 * cache after a run on the bundled survey (scripts/make-code-cache.cjs), so it holds the
 * bytecode of every function such a run needs and none of them is compiled again. A cache
 * made by another Node or V8 version, or under other V8 flags, is rejected by V8 itself and
 * the bundle is compiled from source as without one. The build always writes the bundle and
 * its cache together.
 */
const { readFileSync } = require('node:fs');
// Node's Module class, which `require('node:module')` also gives, without loading that module's
// own top (source maps, hooks): about 0.3 ms of every run.
const { createRequire } = module.constructor;
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CODE_CACHE = join(DIST, 'cli.cache');

/**
 * The bundle's exports ({ main }) and its compiled script (for `createCachedData`). A null
 * `codeCache` compiles from source; other paths than dist's are for bench/profile.mjs.
 */
function loadCli(bundle = BUNDLE, codeCache = CODE_CACHE) {
  // The bundle is ASCII (esbuild escapes every other character; scripts/build.mjs checks), so
  // latin1 reads it as UTF-8 would, without decoding it.
  const source = readFileSync(bundle, 'latin1');
  // The CommonJS module wrapper, as Node's own loader applies it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData: readCodeCache(codeCache) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script };
}

function readCodeCache(path) {
  if (path === null) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

module.exports = { loadCli, BUNDLE, CODE_CACHE };
