/**
 * The tables of the figures beyond alpha: present with --reliability full / --item-correlations
 * polychoric, absent by default; every number comes from the Report as it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisSettings, analyzeRows, parseCodebook, render } from '../../src/index.js';
import { humanTables, machineTables } from '../../src/report/report-tables.js';
import { render as renderReport } from '../../src/report/render.js';
import type { Report } from '../../src/report/report.js';
import type { SettingsInput } from '../../src/analysis/settings.js';

function data(): { columns: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(new URL('../golden/omega/bfi-ac-10.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
  return { columns: head.split(',').map((h) => h.replace(/"/g, '')), rows: lines.map((l) => l.split(',').map(Number)) };
}

const terminal = (r: Report, width?: number): string => renderReport(r, 'table', { digits: 3, color: false, width });
const html = (r: Report): string => renderReport(r, 'html', { digits: 3, color: false });

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

  it('terminal: omega h with omega total and its interval, parallel analysis, MAP, the ordinal figures, λ4 · β · glb and the omega table, within the width', async () => {
    const r = await report({ reliability: 'full', itemCorrelations: 'polychoric', bootstrap: { resamples: 10, seed: 2 } });
    const s = r.scales[0];
    const o = s.omega!;
    const d = s.dimensionality!;
    const f = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(3));
    const count = (n: number | null, noun: string): string => (n === null ? `— ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`);
    const omegaLine = `omega h ${f(o.omegaH)} (omega total ${f(o.omegaTotal)} [${f(o.ci!.lower)}, ${f(o.ci!.upper)}])`;
    const parallel = `parallel: ${count(d.parallel.components, 'component')}, ${count(d.parallel.factors, 'factor')}`;
    const ordinal = `  ordinal alpha ${f(s.ordinal!.alpha)} · ordinal omega ${f(s.ordinal!.omegaTotal)} (polychoric)\n`;
    for (const width of [80, 60, 132]) {
      const text = terminal(r, width);
      for (const line of text.split('\n')) expect([...line].length, `${width}: ${line}`).toBeLessThanOrEqual(width);
      const lines = text.split('\n').map((l) => l.trim());
      expect(lines, String(width)).toContain(ordinal.trim());
      // However they wrap, the figures follow the reliability lines in order, each part whole.
      const block = text.slice(text.indexOf("Cronbach's alpha"), text.indexOf('score (mean of items)'));
      const joined = block.replace(/\n {2}/g, ' · ');
      for (const part of [`λ4 ${f(s.guttman.lambda4)}`, `β ${f(s.splitHalves.beta)}`, `glb ${f(s.glb)}`, omegaLine, parallel, `MAP ${d.map.minimum}`]) {
        expect(joined, `${width}: ${part}`).toContain(part);
      }
      expect(joined.indexOf(omegaLine)).toBeLessThan(joined.indexOf(ordinal.trim()));
    }
    const wide = terminal(r, 132);
    expect(wide).toContain(`\n  ${omegaLine} · ${parallel} · MAP ${d.map.minimum}\n`);
    // The Schmid-Leiman loadings under the items table: item 4 (A4) with g, F1*, F2*, h2, u2, p2.
    const plain = terminal(r);
    const omegaAt = plain.indexOf('\nOmega: ac (ac)\n');
    expect(omegaAt).toBeGreaterThan(plain.indexOf('\n  Item  Rev.'));
    expect(omegaAt).toBeLessThan(plain.indexOf('Response frequencies'));
    const cells = [o.general[3], ...o.groups[3], o.h2[3], o.u2[3], o.p2[3]].map((x) => x.toFixed(3));
    expect(plain).toMatch(new RegExp(`\\n {2}${s.items[3].id} +${o.flipped.includes(s.items[3].id) ? 'R +' : ''}${cells.join(' +')}\\n`));
  });

  it('HTML: the same figures in the scale section, and the omega table', async () => {
    const r = await report({ reliability: 'full', itemCorrelations: 'polychoric', bootstrap: { resamples: 10, seed: 2 } });
    const s = r.scales[0];
    const o = s.omega!;
    const d = s.dimensionality!;
    const f = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(3));
    const page = html(r);
    const section = page.slice(page.indexOf('<section class="card" id="scale-1">'), page.indexOf('</section>', page.indexOf('id="scale-1"')));
    const figure = (name: string, value: string): string => `<dt>${name}</dt><dd>${value}</dd>`;
    for (const expected of [
      figure('Lambda-4', f(s.guttman.lambda4)),
      figure('Beta', f(s.splitHalves.beta)),
      figure('GLB', f(s.glb)),
      figure('Omega h', f(o.omegaH)),
      figure('Omega total (SL)', `${f(o.omegaTotal)} [${f(o.ci!.lower)}, ${f(o.ci!.upper)}]`),
      figure('Parallel analysis', `${d.parallel.components} components, ${d.parallel.factors} factors`),
      figure('MAP', String(d.map.minimum)),
      figure('Ordinal alpha', f(s.ordinal!.alpha)),
      figure('Ordinal omega (polychoric)', f(s.ordinal!.omegaTotal)),
    ]) {
      expect(section).toContain(expected);
    }
    expect(section).toContain('<h3>Omega: ac (ac)</h3>');
    const table = section.slice(section.indexOf('<table data-table="omega-ac">'));
    const cells = [o.general[3], ...o.groups[3], o.h2[3], o.u2[3], o.p2[3]].map((x) => `<td class="num">${x.toFixed(3)}</td>`);
    expect(table).toContain(cells.join(''));
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
    // Nor in the terminal or HTML: lambda-4 and beta only, no glb (not computed), omega h, parallel analysis or ordinal figures.
    const text = terminal(r);
    expect(text).toContain(`λ4 ${r.scales[0].guttman.lambda4!.toFixed(3)}`);
    expect(text).not.toMatch(/glb |omega h |parallel: |MAP |ordinal alpha|\nOmega: /);
    const page = html(r);
    expect(page).toContain('<dt>Lambda-4</dt>');
    expect(page).not.toMatch(/<dt>(GLB|Omega h|Parallel analysis|MAP|Ordinal alpha)<\/dt>|data-table="omega-/);
  });

  it('items: the wording (itemLabels) in a Wording column for markdown, LaTeX, HTML and docx; the terminal keeps it as a note', async () => {
    const wording = 'Am exacting in my work | and "careful"';
    const r = await report({}, { itemLabels: { A2: wording } });
    const items = humanTables(r).find((t) => t.name === 'items-ac')!;
    expect(items.columns.at(-1)).toMatchObject({ name: 'wording', title: 'Wording', kind: 'text' });
    expect(items.rows.map((row) => row.at(-1))).toEqual(r.scales[0].items.map((i) => (i.id === 'A2' ? wording : '')));
    expect(items.notes.join(' ')).not.toContain('Wording');
    expect(render(r, 'markdown', { digits: 3 })).toMatch(/\n\| A2 \|.*\| Am exacting in my work \\\| and "careful" \|\n/);
    expect(html(r)).toMatch(/<td>A2<\/td>.*<td>Am exacting in my work \| and &quot;careful&quot;<\/td><\/tr>/);
    const text = terminal(r);
    expect(text).not.toMatch(/Item .*Wording/);
    expect(text).toContain(`  Wording: A2 "${wording}".\n`);
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    // Without any wording, no column.
    expect(humanTables(await report({})).find((t) => t.name === 'items-ac')!.columns.some((c) => c.name === 'wording')).toBe(false);
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
