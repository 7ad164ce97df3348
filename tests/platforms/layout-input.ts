import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { LOOKAHEAD_RECORDS, type LayoutDetector } from '../../src/read/layout/layout.js';
import { FIXTURE, ROOT } from '../cli/run-cli.js';

/** The first records of a CSV file as papaparse gives them (fields untrimmed): what a layout detector sees. */
export function recordsIn(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data.slice(0, LOOKAHEAD_RECORDS);
}

/** `detector` on `records`, as the first lines of a file x.csv (`forced`: named by --input-format). */
export const detect = (detector: LayoutDetector, records: string[][], forced = false) => detector(records, { file: 'x.csv', firstLine: 1, forced });

/** Ordinary CSVs no platform's detector may claim: the fixture survey and the psych golden data. */
export function ordinaryCsvs(): [string, string[][]][] {
  return [
    ['fixtures/protect-survey.csv', recordsIn(FIXTURE)],
    ...readdirSync(join(ROOT, 'tests/golden/psych'))
      .filter((name) => name.endsWith('.csv'))
      .map((name): [string, string[][]] => [name, recordsIn(join(ROOT, 'tests/golden/psych', name))]),
  ];
}
