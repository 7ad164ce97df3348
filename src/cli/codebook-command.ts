import { stringify } from 'yaml';
import { builtinProtectCodebook } from '../codebook/builtin-protect.js';
import { formatProblem, parseCodebook, readCodebookText } from '../codebook/load-codebook.js';
import { usageError } from '../errors.js';
import { count } from './options.js';
import { writeStderr, writeStdout } from './std-streams.js';

/** `codebook show`: the built-in codebook, as YAML (or JSON). */
export async function runCodebookShow(options: { format: 'yaml' | 'json' }): Promise<void> {
  const text = options.format === 'json' ? `${JSON.stringify(builtinProtectCodebook, null, 2)}\n` : stringify(builtinProtectCodebook, { lineWidth: 0 });
  await writeStdout(text);
}

/** `codebook check`: every problem with its line and path; status 2 when there is any. */
export async function runCodebookCheck(file: string): Promise<void> {
  const { codebook, problems } = parseCodebook(readCodebookText(file), file);
  if (!codebook) {
    // Problems are diagnostics: stderr, one line each in the form of every error, then the count.
    writeStderr(problems.map((p) => `${formatProblem(p)}\n`).join(''));
    throw usageError(`the codebook has ${problems.length === 1 ? 'a problem' : count(problems.length, 'problem')} (listed above)`, { file });
  }
  const items = codebook.scales.reduce((n, s) => n + s.items.length, 0);
  await writeStdout(
    `${file}: ok: "${codebook.title}", ${count(codebook.scales.length, 'scale')} (${count(items, 'item')}), ` +
      `${count(codebook.prevalence.length, 'prevalence entry', 'prevalence entries')}, ${count(codebook.groups.length, 'group column')}\n`,
  );
}
