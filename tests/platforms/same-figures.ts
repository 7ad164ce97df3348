import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';

/** What tests/platforms/make-redcap-forms.mjs says an export must read as. */
export interface Manifest {
  export: string;
  codebook: string;
  format: string;
  layout: string;
  headerRows: number;
  rowsRead: number;
  excluded: { kind: string; column: string; rows: number }[];
  rows: number;
  clean: string;
  cleanCodebook: string;
  /** The export's group values → the clean CSV's (REDCap raw codes → labels). */
  groupValues?: Record<string, string>;
}

export function readManifest(path: string): Manifest & { dir: string } {
  const full = join(ROOT, path);
  return { ...(JSON.parse(readFileSync(full, 'utf8')) as Manifest), dir: dirname(full) };
}

type Json = Record<string, any>;

/** The JSON report of `analyze -c <codebook> -f json <file>`; fails the test on a non-zero exit. */
export function analyse(codebook: string, file: string): Json {
  const result = runCli(['-c', codebook, '-f', 'json', '--quiet', file]);
  expect(result.stderr, `${file}: stderr`).not.toMatch(/error/i);
  expect(result.status, `${file}: exit status (${result.stderr.trim()})`).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

/** What tests/platforms/make-qualtrics-surveymonkey.mjs says an export must read as, with each codebook (a run). */
export interface RunsManifest {
  export: string;
  layout: string;
  headerRows: number;
  rowsRead: number;
  runs: { codebook: string; clean: string; cleanCodebook: string; excluded: { label: string | null; kind: string; column: string; rows: number }[]; rows: number }[];
}

/** What the Qualtrics and SurveyMonkey tests read of a JSON report. */
export interface JsonReport {
  input: { layout: string; headerRows: number; rowsRead: number; rows: number; excluded: { label: string; kind: string; column: string; rows: number }[] };
  scales: Record<string, unknown>[];
  prevalence: Record<string, unknown>[];
}

/** The JSON report of `analyze -f json --quiet <args>`; fails the test on any stderr or a non-zero exit. */
export function jsonReport(args: string[]): JsonReport {
  const result = runCli(['-f', 'json', '--quiet', ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

/** The figures of a report, without names: ids, labels and column names differ between an export and its clean CSV. */
export function figures(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(figures);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !['id', 'label', 'column', 'itemLabel', 'text'].includes(key)).map(([key, v]) => [key, figures(v)]));
}

const SCALE_FIGURES = ['k', 'n', 'coefficient', 'alpha', 'standardizedAlpha', 'averageInterItemR', 'alphaCI', 'lambda6', 'omegaTotal'];
const ITEM_FIGURES = ['reversed', 'n', 'mean', 'sd', 'itemTotalR', 'itemRestR', 'alphaIfDeleted', 'smc', 'frequencies', 'missing'];
const PREVALENCE_FIGURES = ['label', 'count', 'n', 'proportion', 'ci'];

function pick(object: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}

/**
 * Every scale figure (alpha and its CI, each item's statistics in item order, the score) and
 * every prevalence figure of `exported` equals the clean CSV's. Item ids and group columns name
 * different columns in the two files, so items compare by position and groups by value
 * (mapped through `groupValues`). Prevalence entries the export's codebook lacks are skipped.
 */
export function expectSameFigures(exported: Json, clean: Json, groupValues: Record<string, string> = {}): void {
  expect(exported.scales.map((s: Json) => s.id)).toEqual(clean.scales.map((s: Json) => s.id));
  for (const scale of exported.scales as Json[]) {
    const twin = (clean.scales as Json[]).find((s) => s.id === scale.id)!;
    expect(pick(scale, SCALE_FIGURES), `scale ${scale.id}`).toEqual(pick(twin, SCALE_FIGURES));
    expect(scale.items.map((item: Json) => pick(item, ITEM_FIGURES)), `scale ${scale.id} items`).toEqual(twin.items.map((item: Json) => pick(item, ITEM_FIGURES)));
    expect(scale.score, `scale ${scale.id} score`).toEqual(twin.score);
  }
  const key = (entry: Json, map: Record<string, string>): string => `${entry.id}|${entry.group === null ? '' : (map[entry.group.value] ?? entry.group.value)}`;
  const cleanByKey = new Map((clean.prevalence as Json[]).map((entry) => [key(entry, {}), entry]));
  expect(exported.prevalence.length).toBeGreaterThan(0);
  for (const entry of exported.prevalence as Json[]) {
    const twin = cleanByKey.get(key(entry, groupValues));
    expect(twin, `prevalence ${key(entry, groupValues)} in the clean report`).toBeDefined();
    expect(pick(entry, PREVALENCE_FIGURES), `prevalence ${key(entry, groupValues)}`).toEqual(pick(twin!, PREVALENCE_FIGURES));
  }
}

/** The report's row accounting equals the manifest's. */
export function expectAccounting(report: Json, manifest: Manifest): void {
  const input = report.input;
  expect(input.layout).toBe(manifest.layout);
  expect(input.format).toBe(manifest.format);
  expect(input.headerRows).toBe(manifest.headerRows);
  expect(input.rowsRead).toBe(manifest.rowsRead);
  expect((input.excluded as Json[]).map((rule) => ({ kind: rule.kind, column: rule.column, rows: rule.rows }))).toEqual(manifest.excluded);
  expect(input.rows).toBe(manifest.rows);
}
