/**
 * The codebook-structure fuzzer: the corpus codebook mutated at random (keys dropped, values
 * replaced by any JSON value, scales duplicated, unknown keys, huge numbers), written as JSON,
 * then `analyze` and `codebook check` through the built CLI. Whatever the codebook, the CLI
 * answers with status 0, 1 or 2, never an internal error or a stack trace, nothing on stdout
 * after an error, and a JSON report that parses after a success.
 * Seed and counts: fuzz-config.ts (FUZZ_SEED, FUZZ_SCALE).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli, type CliResult } from '../cli/run-cli.js';
import { FUZZ_SEED, fuzzRuns, fuzzTimeout } from './fuzz-config.js';

const CORPUS = join(ROOT, 'tests/hardening/corpus');
const BASE = parseYaml(readFileSync(join(CORPUS, 'codebook.yaml'), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'hardening-fuzz-codebook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Path = (string | number)[];

/** Every path into a JSON value (objects and arrays), the root included. */
function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function parentOf(root: unknown, path: Path): { parent: Record<string | number, unknown>; key: string | number } | null {
  if (path.length === 0) return null;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return { parent: node, key: path[path.length - 1] };
}

const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e300, -1e16, 'q1', 'k1', 'Agree', 'agree5', '', 'x'.repeat(300), '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom('q1', 'q2', 'q3', 'k1', 'k2', 'ward', 'seen', 'nope', 1, null), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('id', 'items', 'range', 'reverse', 'key', 'score', 'minAnswered', 'responses', 'bogus', 'column', 'positive'), fc.constantFrom('q1', ['q1', 'q2'], [1, 5], 3, 0.5, 'sum', null, {}), { maxKeys: 4 }),
);

/** One mutation: drop, replace, duplicate or add at a random place. */
const mutation = fc.tuple(fc.constantFrom('drop', 'replace', 'duplicate', 'add'), fc.nat(), anyValue, fc.constantFrom('bogus', 'label', 'items', 'reverse', 'minAnswered', 'groups', 'missing'));

function mutate(codebook: unknown, [kind, at, value, key]: [string, number, unknown, string]): unknown {
  const all = paths(codebook);
  const path = all[at % all.length];
  const place = parentOf(codebook, path);
  if (place === null) return kind === 'replace' ? value : codebook;
  const { parent, key: k } = place;
  if (kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(k as number, 1);
    else delete parent[k];
  } else if (kind === 'replace') {
    parent[k] = value;
  } else if (kind === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(parent[k]));
    else parent[`${String(k)}2`] = structuredClone(parent[k]);
  } else {
    const target = parent[k];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[key] = value;
    else if (Array.isArray(target)) target.push(value);
  }
  return codebook;
}

function expectClean(result: CliResult, what: string): void {
  expect([0, 1, 2], `${what}\n${result.stderr}`).toContain(result.status);
  expect(result.stderr, what).not.toContain('internal error');
  expect(result.stderr, what).not.toMatch(/^\s+at .+\d+:\d+\)?$/m);
}

describe('the codebook-structure fuzzer', () => {
  it('mutated codebooks: status 0, 1 or 2, a located message, never an internal error', { timeout: fuzzTimeout(60_000) }, () => {
    let serial = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let codebook: unknown = structuredClone(BASE);
        for (const m of mutations) codebook = mutate(codebook, m);
        const path = join(dir, `cb${serial++}.json`);
        writeFileSync(path, JSON.stringify(codebook));
        const what = JSON.stringify(codebook);
        const analysed = runCli([join(CORPUS, 'valid.csv'), '-c', path, '-f', 'json', '--quiet']);
        expectClean(analysed, what);
        if (analysed.status === 0) expect(() => JSON.parse(analysed.stdout)).not.toThrow();
        else {
          expect(analysed.stdout, what).toBe('');
          expect(analysed.stderr, what).toMatch(/^survey-analyze: /);
        }
        expectClean(runCli(['codebook', 'check', path]), what);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(12) },
    );
  });
});
