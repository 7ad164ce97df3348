/**
 * The hostile-labels fuzzer: group values, scale and item labels, prevalence labels and
 * column names drawn from texts that attack each output (spreadsheet formulas, HTML and
 * LaTeX markup, terminal escapes, bidi overrides, quotes, line breaks, very long texts),
 * analysed through the built CLI in every format. Whatever the labels:
 * - status 0, never an internal error;
 * - csv/tsv: no cell starts a formula (=, +, -, @, tab, CR) unless it is a number;
 * - html: no tag from the data (`<` of a label is escaped);
 * - table, markdown and latex: no terminal escape (ESC) and no other C0 control character but line feeds;
 * - json: parses, and holds the labels exactly.
 * Seed and counts: fuzz-config.ts (FUZZ_SEED, FUZZ_SCALE).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { FUZZ_SEED, fuzzRuns, fuzzTimeout } from './fuzz-config.js';

const dir = mkdtempSync(join(tmpdir(), 'hardening-fuzz-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = [
  '=cmd|\' /C calc\'!A0', '+SUM(A1)', '-2+3', '@IMPORT', '\tTab', '=1+1', '-1', '+5',
  '<script>alert(1)</script>', '</td></table><img src=x onerror=alert(1)>', '&amp;', '"quoted"', "it's",
  '\\input{/etc/passwd}', '$x^2$', '50% & #1 {a} ~_^', '\x1b[31mred\x1b[0m', '\x1b]8;;http://x\x07link', '\u202eevil', '\u0007bell',
  'line\nbreak', 'cr\rcr', 'é ü ß 漢字 😀', 'x'.repeat(2000), ' padded ', '|pipe|', '`code`', '**bold**', '${HOME}', '%s%n',
];
const hostile = fc.constantFrom(...HOSTILE);

/** The control characters no human-readable output may carry (ESC among them). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

describe('the hostile-labels fuzzer', () => {
  it('labels that attack each format: escaped or neutralised in every output', { timeout: fuzzTimeout(60_000) }, () => {
    let serial = 0;
    fc.assert(
      fc.property(
        fc.record({
          groups: fc.uniqueArray(hostile, { minLength: 2, maxLength: 3, selector: (s) => s.trim().toLowerCase() }),
          scaleLabel: hostile,
          itemLabel: hostile,
          prevalenceLabel: hostile,
          column: hostile,
        }),
        (labels) => {
          const n = serial++;
          const group = `g_${n}`;
          const rows: string[] = [];
          for (let r = 0; r < 24; r++) {
            rows.push([String(r + 1), csvCell(labels.groups[r % labels.groups.length]), r % 3 === 0 ? 'Yes' : 'No', 1 + (r % 5), 1 + ((r * 7) % 5), 1 + ((r * 3) % 5)].join(','));
          }
          const data = join(dir, `d${n}.csv`);
          writeFileSync(data, `id,${csvCell(labels.column)},seen,q1,q2,q3\n${rows.join('\n')}\n`);
          const codebook = join(dir, `c${n}.yaml`);
          writeFileSync(
            codebook,
            toYaml({
              title: labels.scaleLabel,
              scales: [{ id: 'att', label: labels.scaleLabel, items: ['q1', 'q2', 'q3'], range: [1, 5], itemLabels: { q1: labels.itemLabel } }],
              prevalence: [{ id: 'seen', label: labels.prevalenceLabel, column: 'seen', positive: ['Yes'] }],
              groups: [labels.column],
            }),
          );
          const what = JSON.stringify({ ...labels, group });
          for (const format of ['json', 'csv', 'tsv', 'table', 'markdown', 'latex', 'html']) {
            const result = runCli([data, '-c', codebook, '-f', format, '--quiet']);
            expect(result.stderr, `${format}: ${what}`).toBe('');
            expect(result.status, `${format}: ${what}`).toBe(0);
            const out = result.stdout;
            if (format === 'json') {
              const report = JSON.parse(out);
              expect(report.scales[0].label, what).toBe(labels.scaleLabel.trim());
              const values = report.prevalence.filter((p: { group: unknown }) => p.group !== null).map((p: { group: { value: string } }) => p.group.value);
              for (const g of labels.groups) expect(values, what).toContain(g.trim());
              continue;
            }
            if (format === 'html') {
              for (const attack of ['<script>alert', '<img src=x', '</td></table><img']) expect(out.includes(attack), `${format}: ${what}`).toBe(false);
              continue;
            }
            // Human formats only: csv and tsv are data and keep a label's characters as they are.
            if (format === 'table' || format === 'markdown' || format === 'latex') expect(CONTROL.test(out), `${format}: a control character in the output: ${what}`).toBe(false);
            if (format === 'csv' || format === 'tsv') {
              const parsed = Papa.parse<string[]>(out, { delimiter: format === 'csv' ? ',' : '\t', skipEmptyLines: true }).data;
              for (const row of parsed) {
                for (const cell of row) {
                  if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)) && cell.trim() !== '', `${format}: formula cell ${JSON.stringify(cell)}: ${what}`).toBe(true);
                }
              }
            }
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(3) },
    );
  });
});
