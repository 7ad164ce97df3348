// `node make-xlsx-files.encrypt.cjs <modules dir> <plain.xlsx> <encrypted.xlsx> <password>`:
// encrypt an xlsx as Excel's File > Info > Protect Workbook > Encrypt with Password does
// (ECMA-376 agile encryption in an OLE2 compound file), with the npm package officecrypto-tool,
// which make-xlsx-files.py installs into a temporary directory for this step only.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [modules, plain, encrypted, password] = process.argv.slice(2);
const officeCrypto = require(join(modules, 'node_modules', 'officecrypto-tool'));
writeFileSync(encrypted, officeCrypto.encrypt(readFileSync(plain), { password }));
