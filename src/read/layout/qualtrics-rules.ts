import type { RowRule } from './layout.js';

/**
 * The rows Qualtrics itself marks as not being respondents, excluded by default (kept with
 * --keep-previews). Qualtrics writes a response's type in the `Status` column ("Response
 * Type" in the second header row) as text in a choice-text export and as a number in a
 * numeric export, as its support page "Understanding Your Dataset" documents
 * (https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/):
 * 0 IP Address (a normal response), 1 Survey Preview, 2 Survey Test, 4 Imported, 8 Spam,
 * 9 Preview Spam, 12 Imported Spam, 16 Offline, 17 Offline Survey Preview. Imported and
 * offline responses are real respondents and stay. `DistributionChannel` says `preview` or
 * `test` for responses taken through the preview link or the test-response generator.
 *
 * Each kind is its own rule, so the row accounting says how many previews, tests and spam
 * responses were dropped. The Status value sets do not overlap; a preview is marked both in
 * Status and in DistributionChannel and is counted once, under the first rule that drops it.
 */
export function qualtricsRules(statusColumn: string | null, channelColumn: string | null): RowRule[] {
  const rules: RowRule[] = [];
  const exclude = (label: string, column: string, values: (string | number)[]): void => {
    rules.push({ label, kind: 'exclude', column, values, source: 'platform' });
  };
  if (statusColumn !== null) {
    exclude(`survey previews (${statusColumn})`, statusColumn, ['Survey Preview', 1, 'Offline Survey Preview', 'Offline Preview', 17]);
    exclude(`test responses (${statusColumn})`, statusColumn, ['Survey Test', 2]);
    exclude(`spam (${statusColumn})`, statusColumn, ['Spam', 8, 'Preview Spam', 9, 'Imported Spam', 12]);
  }
  if (channelColumn !== null) {
    exclude(`survey previews (${channelColumn})`, channelColumn, ['preview']);
    exclude(`test responses (${channelColumn})`, channelColumn, ['test']);
  }
  return rules;
}
