import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/report/report.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/sample-report.json', import.meta.url));

/** A fresh copy of the hand-made sample Report (tests may change their copy). */
export function sampleReport(): Report {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Report;
}

export const HOSTILE = '=HYPERLINK("http://x")';
