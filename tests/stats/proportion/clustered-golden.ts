import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Prevalence } from '../../../src/codebook/codebook.js';
import { PrevalenceAccumulator } from '../../../src/analysis/prevalence-accumulator.js';
import type { AssociationCase } from './golden.js';

export interface ClusteredInterval {
  level: number;
  svyciprop_beta?: [number | null, number | null];
  svyciprop_mean?: [number | null, number | null];
  svyciprop_logit?: [number | null, number | null];
  kg_edge?: [number, number];
  jeffreys?: [number, number];
  wilson?: [number, number];
  wilson_cc?: [number, number];
  agresti_coull?: [number, number];
  wald?: [number, number];
}
export interface ClusteredResult {
  id: string;
  column: string | null;
  value: string | null;
  count: number;
  n: number;
  clusters: number;
  df: number;
  se: number;
  deff_replace: number | null;
  deff_kish: number | null;
  intervals: ClusteredInterval[];
}
export interface ClusteredRow {
  cluster: string | null;
  role: string | null;
  site: string | null;
  team: string | null;
  y1: number | null;
  y2: number | null;
  y3: number | null;
}
export interface ClusteredComparison extends AssociationCase {
  id: string;
  column: string;
  groups: string[];
}
export interface ClusteredGolden {
  designClusters: number;
  missingCluster: number;
  groupMissing: Record<string, number>;
  rows: ClusteredRow[];
  results: ClusteredResult[];
  comparisons: ClusteredComparison[];
}

export const clustered = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../golden/proportion/clustered.json', import.meta.url)), 'utf8'),
) as ClusteredGolden;

export const OUTCOMES = ['y1', 'y2', 'y3'] as const;
export const GROUPS = ['role', 'site', 'team'] as const;

export const prevalences: Prevalence[] = OUTCOMES.map((id) => ({ id, label: `Outcome ${id}`, column: id, positiveText: ['1'], positiveCodes: [1] }));

/** Feeds the golden rows (or a slice of them) to an accumulator, as the row coder would. */
export function accumulate(rows: ClusteredRow[], cluster: string | null): PrevalenceAccumulator {
  const acc = new PrevalenceAccumulator(prevalences, [...GROUPS], cluster);
  const outcomes = new Int8Array(OUTCOMES.length);
  const groups: (string | null)[] = GROUPS.map(() => null);
  for (const row of rows) {
    OUTCOMES.forEach((y, p) => (outcomes[p] = row[y] === null ? -1 : (row[y] as number)));
    GROUPS.forEach((g, k) => (groups[k] = row[g]));
    acc.add(outcomes, groups, cluster === null ? null : row.cluster);
  }
  return acc;
}
