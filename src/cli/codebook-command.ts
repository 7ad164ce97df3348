import { stringify } from 'yaml';
import { builtinProtectCodebook } from '../codebook/builtin-protect.js';
import { formatProblem, parseCodebook, readCodebookText } from '../codebook/load-codebook.js';
import { usageError } from '../errors.js';
import { writeStdout } from './stdout.js';

/** `codebook show`: the built-in codebook, as YAML (or JSON). */
export async function runCodebookShow(options: { format: 'yaml' | 'json' }): Promise<void> {
  const text = options.format === 'json' ? `${JSON.stringify(builtinProtectCodebook, null, 2)}\n` : stringify(builtinProtectCodebook, { lineWidth: 0 });
  await writeStdout(text);
}

/** `codebook check`: every problem with its line and path; status 2 when there is any. */
export async function runCodebookCheck(file: string): Promise<void> {
  const { codebook, problems } = parseCodebook(readCodebookText(file), file);
  if (!codebook) {
    // The list is the result (stdout); stderr gets one line, so a terminal does not show it twice.
    await writeStdout(problems.map((p) => `${formatProblem(p)}\n`).join(''));
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    throw usageError(`the codebook has ${count} (listed on standard output)`, { file });
  }
  const items = codebook.scales.reduce((n, s) => n + s.items.length, 0);
  await writeStdout(
    `${file}: ok: "${codebook.title}", ${codebook.scales.length} scales (${items} items), ` +
      `${codebook.prevalence.length} prevalence entries, ${codebook.groups.length} group columns\n`,
  );
}
