#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { BUNDLE, loadCli } = require('./load-cli.cjs');

if (!existsSync(BUNDLE)) {
  process.stderr.write(`survey-analyze: ${BUNDLE} is missing; build it with \`npm run build\` (npm ci does)\n`);
  process.exit(1);
}
loadCli()
  .cli.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
