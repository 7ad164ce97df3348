/**
 * Command-line options of the bench scripts, read with node:util parseArgs.
 *
 * parseArgs splits the arguments into tokens (`--rows 5`, `--rows=5`, `-h`, `--`); the
 * tokens are checked here so that every script reports the same messages:
 * "unknown option --x", "--rows needs a value", "--keep takes no value",
 * "unexpected argument x". They are returned in command-line order, so a script can let
 * later flags override earlier ones (run.mjs's --quick).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The options of `argv` in order, as { name, flag, value } (flag as typed, e.g. "--rows" or
 * "-h"; value a string for string options, true for booleans). `spec` is parseArgs's
 * options config: { name: { type: 'string' | 'boolean', short? } }.
 */
export function readOptions(argv, spec, unknownHint = '') {
  const { tokens } = parseArgs({ args: argv, options: spec, strict: false, allowPositionals: true, tokens: true });
  const options = [];
  for (const token of tokens) {
    if (token.kind === 'positional') throw new Error(`unexpected argument ${token.value}`);
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    const type = Object.hasOwn(spec, token.name) ? spec[token.name].type : undefined;
    if (type === undefined) throw new Error(`unknown option ${flag}${unknownHint}`);
    if (type === 'string' && token.value === undefined) throw new Error(`${flag} needs a value`);
    if (type === 'boolean' && token.value !== undefined) throw new Error(`${flag} takes no value`);
    options.push({ name: token.name, flag, value: type === 'boolean' ? true : token.value });
  }
  return options;
}

/** A whole number >= min from an option's text, else "<flag> must be a whole number[ >= min]". */
export function wholeNumber(flag, text, min = -Infinity) {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${flag} must be a whole number${min === -Infinity ? '' : ` >= ${min}`}`);
  }
  return value;
}

/** A script's usage: its first doc comment, without the leading " * ". */
export function helpText(moduleUrl) {
  const doc = readFileSync(fileURLToPath(moduleUrl), 'utf8').match(/\/\*\*([\s\S]*?)\*\//)[1];
  return `${doc.replace(/^ \* ?/gm, '').trim()}\n`;
}
