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
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
// Node's Module class, which `require('node:module')` also gives, without loading that module's
// own top (source maps, hooks): about 0.3 ms of every run.
const { createRequire } = module.constructor;
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CODE_CACHE = join(DIST, 'cli.cache');

/**
 * The bundle's exports ({ main }) and its compiled script (for `createCachedData`). The bundle
 * is a CommonJS module body already inside Node's module wrapper (scripts/bundle-options.mjs
 * MODULE_WRAPPER), a function expression that is called here as Node's loader calls the
 * wrapper. A null `codeCache` compiles from source; other paths than dist's are for
 * bench/profile.mjs.
 */
function loadCli(bundle = BUNDLE, codeCache = CODE_CACHE) {
  const { source, cachedData } = readBundle(bundle, codeCache);
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports, script };
}

/**
 * The bundle's text and its code cache (undefined when there is none or it cannot be read),
 * read through one buffer: the text is copied out of it into a string, then the cache is read
 * over it. Every page of memory a run touches for the first time costs a page fault (about
 * 3 µs on a virtual machine); one buffer instead of two saves some 160 of them.
 */
function readBundle(bundle, codeCache) {
  const file = openSync(bundle, 'r');
  const cache = openCache(codeCache);
  try {
    const sourceBytes = fstatSync(file).size;
    const buffer = Buffer.allocUnsafeSlow(Math.max(sourceBytes, cache?.bytes ?? 0));
    if (!readAll(file, buffer, sourceBytes)) throw new Error(`${bundle} ended before its ${sourceBytes} bytes were read`);
    // The bundle is ASCII (esbuild escapes every other character; scripts/build.mjs checks), so
    // latin1 reads it as UTF-8 would, without decoding it.
    const source = buffer.toString('latin1', 0, sourceBytes);
    return { source, cachedData: cache !== null && readCache(cache, buffer) ? buffer.subarray(0, cache.bytes) : undefined };
  } finally {
    closeSync(file);
    if (cache !== null) closeSync(cache.fd);
  }
}

/**
 * The cache's descriptor and size. A cache that cannot be opened, sized or read (missing, a
 * directory, an I/O error) is no cache: the bundle compiles from source.
 */
function openCache(path) {
  if (path === null) return null;
  let fd = null;
  try {
    fd = openSync(path, 'r');
    return { fd, bytes: fstatSync(fd).size };
  } catch {
    if (fd !== null) closeSync(fd);
    return null;
  }
}

function readCache(cache, buffer) {
  try {
    return readAll(cache.fd, buffer, cache.bytes);
  } catch {
    return false;
  }
}

/** Reads `bytes` bytes of `fd` into the start of `buffer`; false when the file ends before them. */
function readAll(fd, buffer, bytes) {
  for (let at = 0; at < bytes; ) {
    const read = readSync(fd, buffer, at, bytes - at, at);
    if (read === 0) return false;
    at += read;
  }
  return true;
}

module.exports = { loadCli, BUNDLE, CODE_CACHE };
