import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runCli } from './run-cli.js';

const EXPORT = 'tests/platforms/qualtrics/qualtrics-choice.csv';
const CODEBOOK = 'tests/platforms/qualtrics/codebook-export.yaml';

describe('scores uses the rows the analysis uses', () => {
  it("drops Qualtrics' previews, tests and spam (44 rows read, 40 analysed), and keeps them with --keep-previews", () => {
    const analysed = JSON.parse(runCli(['-f', 'json', '-c', CODEBOOK, EXPORT]).stdout);
    const scores = runCli(['scores', '-c', CODEBOOK, EXPORT]);
    expect(scores.status).toBe(0);
    const rows = Papa.parse<string[]>(scores.stdout.trim()).data.slice(1);
    expect(rows.length).toBe(analysed.input.rows);
    expect(rows.length).toBe(40);
    const kept = Papa.parse<string[]>(runCli(['scores', '--keep-previews', '-c', CODEBOOK, EXPORT]).stdout.trim()).data.slice(1);
    expect(kept.length).toBe(44);
  });
});
