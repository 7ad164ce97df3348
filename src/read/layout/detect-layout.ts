import { dataError } from '../../errors.js';
import type { InputLayout } from '../table-header.js';
import type { LayoutDetector, LayoutResult } from './layout.js';
import { googleFormsLayout, microsoftFormsLayout } from './forms.js';
import { qualtricsLayout, qualtricsLegacyLayout } from './qualtrics.js';
import { redcapLabelsLayout, redcapLayout } from './redcap.js';
import { surveyMonkeyLayout } from './surveymonkey.js';

/**
 * The detectors, in the order they are tried: each needs strong evidence (Qualtrics' ImportId
 * row, SurveyMonkey's metadata columns over a blank second-row prefix, ...), so the first that
 * answers is taken; a file none of them claims is a plain CSV with one header row.
 */
const DETECTORS: [InputLayout, LayoutDetector][] = [
  ['qualtrics', qualtricsLayout],
  ['qualtrics-legacy', qualtricsLegacyLayout],
  ['surveymonkey', surveyMonkeyLayout],
  ['redcap', redcapLayout],
  ['redcap-labels', redcapLabelsLayout],
  ['google-forms', googleFormsLayout],
  ['microsoft-forms', microsoftFormsLayout],
];

/** The layouts `--input-format` accepts. */
export const INPUT_LAYOUTS: InputLayout[] = ['csv', ...DETECTORS.map(([name]) => name)];

/**
 * The layout of a table from its first records (the header row and up to LOOKAHEAD_RECORDS - 1
 * more). `forced` names the layout the user chose; its detector then explains a mismatch.
 */
export function detectLayout(records: string[][], place: { file: string; firstLine: number }, forced: InputLayout | null): LayoutResult {
  if (forced !== null && forced !== 'csv') {
    const detector = DETECTORS.find(([name]) => name === forced);
    if (!detector) throw dataError(`--input-format ${forced} cannot be used with this file`, { file: place.file });
    return detector[1](records, { ...place, forced: true })!;
  }
  if (forced === null) {
    for (const [, detector] of DETECTORS) {
      const found = detector(records, { ...place, forced: false });
      if (found !== null) return found;
    }
  }
  return plainLayout(records[0]);
}

/** One header row of column names; nothing else known. */
export function plainLayout(header: string[]): LayoutResult {
  return { layout: 'csv', headerRows: 1, columns: header, labels: header.map(() => null), idColumn: null, metadataColumns: [], rules: [] };
}
