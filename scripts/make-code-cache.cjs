'use strict';
/**
 * Writes dist/cli.cache, V8's code cache of dist/cli.cjs (see bin/load-cli.cjs): the bundle
 * is loaded without a cache, runs the full analysis of the bundled survey as a table and as
 * JSON (output discarded by the build), and the bytecode compiled by then is saved.
 *
 * Usage: node scripts/make-code-cache.cjs [bundle cache]   (default: dist/cli.cjs dist/cli.cache)
 */
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { BUNDLE, CODE_CACHE, loadCli } = require('../bin/load-cli.cjs');

const SURVEY = join(__dirname, '..', 'fixtures', 'protect-survey.csv');

async function makeCodeCache(bundle, codeCache) {
  const { cli, script } = loadCli(bundle, null);
  for (const format of ['table', 'json']) {
    const status = await cli.main([SURVEY, '--format', format]);
    if (status !== 0) throw new Error(`the warm-up run (--format ${format}) exited with ${status}`);
  }
  const temporary = `${codeCache}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, codeCache);
}

const [bundle = BUNDLE, codeCache = CODE_CACHE] = process.argv.slice(2);
makeCodeCache(bundle, codeCache).catch((error) => {
  process.stderr.write(`make-code-cache: ${error.message}\n`);
  process.exitCode = 1;
});
