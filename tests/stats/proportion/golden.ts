import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a committed golden file under tests/golden/proportion/. */
export function readGolden<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../golden/proportion/${name}`, import.meta.url)), 'utf8')) as T;
}

/** A 2 x G table with R's chisq.test (default correct = TRUE: Yates on 2 x 2) and fisher.test results. */
export interface AssociationCase {
  table: number[][];
  statistic: number | null;
  df: number;
  chisq_p: number | null;
  fisher_p: number;
  min_expected: number;
}
