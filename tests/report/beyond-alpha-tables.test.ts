/**
 * The tables of the figures beyond alpha: present with --reliability full / --item-correlations
 * polychoric, absent by default; every number comes from the Report as it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisSettings, analyzeRows, parseCodebook, render } from '../../src/index.js';
import { humanTables, machineTables } from '../../src/report/report-tables.js';
import type { SettingsInput } from '../../src/analysis/settings.js';

function data(): { columns: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(new URL('../golden/omega/bfi-ac-10.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
  return { columns: head.split(',').map((h) => h.replace(/"/g, '')), rows: lines.map((l) => l.split(',').map(Number)) };
}

async function report(settings: SettingsInput, extra: Record<string, unknown> = {}) {
  const table = data();
  const { codebook, problems } = parseCodebook(JSON.stringify({ title: 't', scales: [{ id: 'ac', items: table.columns, range: [1, 6], nfactors: 2, ...extra }] }));
  if (!codebook) throw new Error(problems.map((p) => p.message).join('\n'));
  return analyzeRows(table, { codebook, ...settings });
}

describe('tables beyond alpha', () => {
  it('full + polychoric: reliability columns, omega, dimensionality and ordinal tables', async () => {
    const r = await report({ reliability: 'full', itemCorrelations: 'polychoric', bootstrap: { resamples: 10, seed: 2 } });
    const s = r.scales[0];
    const machine = machineTables(r);
    const names = machine.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['omega-ac', 'dimensionality-ac', 'ordinal-ac', 'ordinal-thresholds-ac']));
    const rel = machine.find((t) => t.name === 'reliability')!;
    const cell = (name: string) => rel.rows[0][rel.columns.findIndex((c) => c.name === name)];
    expect(cell('omega_h')).toBe(s.omega!.omegaH);
    expect(cell('omega_total_sl')).toBe(s.omega!.omegaTotal);
    expect(cell('omega_ci_lower')).toBe(s.omega!.ci!.lower);
    expect(cell('omega_ci_resamples')).toBe(10);
    expect(cell('parallel_factors')).toBe(s.dimensionality!.parallel.factors);
    expect(cell('map_minimum')).toBe(s.dimensionality!.map.minimum);
    expect(cell('ordinal_kind')).toBe('polychoric');
    expect(cell('ordinal_alpha')).toBe(s.ordinal!.alpha);
    expect(cell('ordinal_omega_h')).toBe(s.ordinal!.omegaH);
    const omega = machine.find((t) => t.name === 'omega-ac')!;
    expect(omega.columns.map((c) => c.name)).toEqual(['scale', 'item', 'flipped', 'g', 'f1', 'f2', 'h2', 'u2', 'p2']);
    expect(omega.rows[3].slice(3)).toEqual([s.omega!.general[3], ...s.omega!.groups[3], s.omega!.h2[3], s.omega!.u2[3], s.omega!.p2[3]]);
    const ordinal = machine.find((t) => t.name === 'ordinal-ac')!;
    expect(ordinal.rows).toHaveLength(100);
    const human = humanTables(r);
    const hrel = human.find((t) => t.name === 'reliability')!;
    expect(hrel.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['omega_h', 'omega_sl_ci', 'ordinal_alpha', 'ordinal_omega']));
    expect(hrel.notes.join(' ')).toMatch(/Reliability figures: full/);
    expect(hrel.notes.join(' ')).toMatch(/from polychoric item correlations/);
    expect(human.find((t) => t.name === 'omega-ac')?.columns.map((c) => c.title)).toEqual(['Item', 'Flip', 'g', 'F1*', 'F2*', 'h2', 'u2', 'p2']);
    for (const format of ['csv', 'json', 'markdown', 'table'] as const) expect(render(r, format)).not.toMatch(/NaN/);
  });

  it('basic (the default): no new columns or tables, and the note says which figures were computed', async () => {
    const r = await report({});
    expect(r.settings).toMatchObject({ reliability: 'basic', itemCorrelations: 'pearson', nfactors: 3 });
    const machine = machineTables(r);
    expect(machine.some((t) => /^(omega|dimensionality|ordinal)/.test(t.name))).toBe(false);
    const rel = machine.find((t) => t.name === 'reliability')!;
    expect(rel.columns.some((c) => /^(omega_h|omega_ci|parallel|map|ordinal)/.test(c.name))).toBe(false);
    const hrel = humanTables(r).find((t) => t.name === 'reliability')!;
    expect(hrel.columns.some((c) => c.name === 'omega_h')).toBe(false);
    expect(hrel.notes.join(' ')).toMatch(/Reliability figures: basic/);
    expect(hrel.notes.join(' ')).toMatch(/Item correlations: Pearson/);
  });

  it('settings: reliability, itemCorrelations and nfactors are checked like the CLI options', async () => {
    const { codebook } = parseCodebook('scales:\n  - {id: m, items: [a, b, c], range: [1, 5]}\n');
    expect(analysisSettings(codebook!, {}).reliability).toBe('basic');
    expect(() => analysisSettings(codebook!, { reliability: 'most' as never })).toThrow(/reliability must be one of basic, full/);
    expect(() => analysisSettings(codebook!, { itemCorrelations: 'spearman' as never })).toThrow(/itemCorrelations must be one of pearson, polychoric/);
    expect(() => analysisSettings(codebook!, { nfactors: 0 })).toThrow(/nfactors must be a whole number from 1 to 100/);
    expect(() => analysisSettings(codebook!, { nfactors: 2.5 })).toThrow(/nfactors/);
  });

  it('the codebook key nfactors: a whole number >= 1, with its path', () => {
    const bad = parseCodebook('scales:\n  - {id: m, items: [a, b, c], range: [1, 5], nfactors: 0}\n');
    expect(bad.codebook).toBeNull();
    expect(bad.problems).toEqual([expect.objectContaining({ line: 2, path: 'scales[0].nfactors', message: expect.stringMatching(/^must be a whole number from 1 to 100/) })]);
    expect(parseCodebook('scales:\n  - {id: m, items: [a, b, c], range: [1, 5], nfactors: 1.5}\n').codebook).toBeNull();
    expect(parseCodebook('scales:\n  - {id: m, items: [a, b, c], range: [1, 5], nfactors: 2}\n').codebook!.scales[0].nfactors).toBe(2);
    expect(parseCodebook('scales:\n  - {id: m, items: [a, b, c], range: [1, 5]}\n').codebook!.scales[0].nfactors).toBeUndefined();
  });
});
