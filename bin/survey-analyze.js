#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { BUNDLE, loadCli } = require('./load-cli.cjs');

if (!existsSync(BUNDLE)) {
  process.stderr.write(`survey-analyze: ${BUNDLE} is missing; build it with \`npm run build\` (npm ci does)\n`);
  process.exit(1);
}
const { cli } = loadCli();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The command is done and its output written. Ending at once skips the teardown of the heap
  // that a natural exit does (a few milliseconds of a small run), after the callbacks already
  // queued (an error one of them throws still ends the run as an error); output still held in a
  // stream (a non-blocking reader that fell behind) is left to drain first.
  if (cli.nothingBuffered()) setImmediate(() => process.exit());
});
