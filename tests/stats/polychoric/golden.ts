import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../golden/polychoric/', import.meta.url));

/** A number written by the golden script; infinities are the strings "Inf" / "-Inf", NA is null. */
export type GoldenNumber = number | 'Inf' | '-Inf' | null;

export function num(v: GoldenNumber): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === null) return Number.NaN;
  return v;
}

export function readGoldenJson<T>(name: string): T {
  return JSON.parse(readFileSync(dir + name + '.json', 'utf8')) as T;
}

/** The data set's answers: one Float64Array per row, NaN for an empty cell. */
export function readGoldenCsv(name: string): { items: string[]; rows: Float64Array[] } {
  const lines = readFileSync(dir + name + '.csv', 'utf8').trim().split(/\r?\n/);
  const items = lines[0].split(',').map((s) => s.replace(/^"|"$/g, ''));
  const rows = lines.slice(1).map((line) => Float64Array.from(line.split(','), (c) => (c === '' || c === 'NA' ? Number.NaN : Number(c))));
  return { items, rows };
}

export interface GoldenSet {
  name: string;
  kind: 'polychoric' | 'tetrachoric';
  n: number;
  items: string[];
  global: boolean;
  smoothed: boolean;
  fixed: number | null;
  pairs_with_empty_cells: number;
  empty_cells: number;
  rho: GoldenNumber[][];
  rho_raw: GoldenNumber[][];
  min_eigenvalue_raw: number;
  tau: GoldenNumber[][];
  alpha: { raw_alpha: number; std_alpha: number };
  notes: string[];
}

export const GOLDEN_SETS = ['likert-sparse', 'knowledge-binary', 'mixed-categories', 'scattered-missing', 'not-positive-definite'];
